/**
 * What every command gets: the context, output helpers, the repository (opened on first use) and
 * the configuration; and the shape of a command module.
 */
import {Files} from './fs.js';
import {loadConfig} from './config.js';
import {Repository} from './repo.js';

/** @typedef {import('./types.js').GitContext} GitContext */
/** @typedef {import('./options.js').CommandSpec} CommandSpec */

/**
 * A command: its options (the coverage test reads them) and what it does.
 * @typedef {object} CommandModule
 * @property {CommandSpec} spec
 * @property {(run: Invocation, argv: string[]) => Promise<number | void>} run
 * @property {Record<string, CommandModule>} [subcommands]  `git worktree add|list|remove`
 */

export class Invocation {
  /** @param {GitContext} ctx @param {string[]} configOverrides `-c key=value` */
  constructor(ctx, configOverrides) {
    this.ctx = ctx;
    this.configOverrides = configOverrides;
    this.files = new Files(ctx.fs);
    /** @type {Repository | undefined} */
    this.opened = undefined;
  }

  /** The repository around the working directory (`fatal: not a git repository` when none). */
  async repo() {
    this.opened ??= await Repository.open(this.ctx, this.configOverrides);
    return this.opened;
  }

  /** Configuration without a repository (global files and `-c`), for commands run outside one. */
  async globalConfig() {
    return loadConfig(this.files, this.ctx.env, undefined, this.configOverrides);
  }

  /** @param {string} text */
  out(text) {
    if (text !== '') this.ctx.stdout(text);
  }

  /** @param {string} text */
  err(text) {
    if (text !== '') this.ctx.stderr(text);
  }

  /** git's `advise()`: every line prefixed with `hint: `. @param {string} text */
  hint(text) {
    this.err(text.split('\n').map((line) => `hint: ${line}\n`).join(''));
  }
}
