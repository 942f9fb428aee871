/**
 * `runGit(argv, ctx)`: the whole command line, as `git` would run it, on whatever file system and
 * streams `ctx` gives. Global options (`-C <path>`, `-c <key>=<value>`, `--version`, `--help`), the
 * command table (each command loads only when used, so a command starts fast), and the one place
 * where every failure becomes git's words and git's exit code.
 */
import {GitExit} from './errors.js';
import {Invocation} from './command.js';
import {resolve} from './path.js';

/** @typedef {import('./types.js').GitContext} GitContext */
/** @typedef {import('./command.js').CommandModule} CommandModule */

/** The version the engine behaves like, and its own. */
export const GIT_VERSION = '2.39.5';
export const ENGINE_NAME = 'sandbox-git';

/** Every command the engine has, loaded on demand. */
export const COMMANDS = /** @type {Record<string, () => Promise<CommandModule>>} */ ({
  add: () => import('./commands/add.js'),
  branch: () => import('./commands/branch.js'),
  checkout: () => import('./commands/checkout.js'),
  'cherry-pick': () => import('./commands/cherry-pick.js'),
  commit: () => import('./commands/commit.js'),
  config: () => import('./commands/config.js'),
  diff: () => import('./commands/diff.js'),
  help: () => import('./commands/help.js'),
  init: () => import('./commands/init.js'),
  log: () => import('./commands/log.js'),
  'ls-files': () => import('./commands/ls-files.js'),
  merge: () => import('./commands/merge.js'),
  rebase: () => import('./commands/rebase.js'),
  reflog: () => import('./commands/reflog.js'),
  restore: () => import('./commands/restore.js'),
  'rev-parse': () => import('./commands/rev-parse.js'),
  show: () => import('./commands/show.js'),
  status: () => import('./commands/status.js'),
  switch: () => import('./commands/switch.js'),
  tag: () => import('./commands/tag.js'),
  worktree: () => import('./commands/worktree.js'),
});

/** Real git commands the sandbox does not have: said plainly, not "not a git command". */
export const MISSING = ['am', 'bisect', 'blame', 'clean', 'clone', 'fetch', 'format-patch', 'gc', 'grep', 'mv', 'notes', 'pull', 'push', 'remote', 'reset', 'revert', 'rm', 'shortlog', 'stash', 'submodule', 'describe', 'archive', 'fsck', 'cat-file', 'ls-tree', 'hash-object', 'update-ref', 'symbolic-ref', 'for-each-ref', 'pack-refs', 'repack', 'prune', 'apply', 'range-diff', 'whatchanged', 'sparse-checkout', 'maintenance'];

/**
 * Runs one git command line (without the leading `git`) and returns its exit code. Never throws.
 * @param {string[]} argv @param {GitContext} ctx
 * @returns {Promise<number>}
 */
export async function runGit(argv, ctx) {
  let context = ctx;
  /** @type {string[]} */
  const configOverrides = [];
  let i = 0;
  try {
    for (; i < argv.length; i++) {
      const arg = /** @type {string} */ (argv[i]);
      if (arg === '-C') {
        const dir = argv[++i];
        if (dir === undefined) return usage(ctx, 'option requires an argument: -C');
        context = {...context, cwd: resolve(context.cwd, dir)};
        if (!(await isDirectory(context, context.cwd))) {
          ctx.stderr(`fatal: cannot change to '${dir}': No such file or directory\n`);
          return 128;
        }
      } else if (arg === '-c') {
        const setting = argv[++i];
        if (setting === undefined) return usage(ctx, 'option requires an argument: -c');
        configOverrides.push(setting);
      } else if (arg === '--version' || arg === 'version') {
        ctx.stdout(`git version ${GIT_VERSION} (${ENGINE_NAME})\n`);
        return 0;
      } else if (arg === '--help' || arg === '-h') {
        argv = ['help', ...argv.slice(i + 1)];
        i = 0;
        break;
      } else if (arg === '--no-pager' || arg === '-P' || arg === '--paginate' || arg === '-p') {
        continue; // the sandbox never pages
      } else if (arg.startsWith('-')) {
        return usage(ctx, `unknown option: ${arg}`);
      } else break;
    }
    const name = argv[i];
    if (name === undefined) {
      const help = await import('./commands/help.js');
      return (await help.run(new Invocation(context, configOverrides), [])) ?? 0;
    }
    const load = COMMANDS[name];
    if (!load) {
      if (MISSING.includes(name)) {
        ctx.stderr(`git: '${name}' is not available in this sandbox's git. See 'git help' for the commands it has.\n`);
      } else {
        ctx.stderr(`git: '${name}' is not a git command. See 'git --help'.\n`);
      }
      return 1;
    }
    const command = await load();
    const rest = argv.slice(i + 1);
    if (rest.includes('-h') && !rest.includes('--')) {
      const {usageError} = await import('./options.js');
      try {
        usageError(command.spec, '');
      } catch (error) {
        if (error instanceof GitExit) ctx.stdout(error.text);
        return 129;
      }
    }
    return (await command.run(new Invocation(context, configOverrides), rest)) ?? 0;
  } catch (error) {
    if (error instanceof GitExit) {
      if (error.text) ctx.stderr(error.text);
      return error.code;
    }
    // An engine bug: one line, no stack trace; the repository is written in an order that keeps it valid.
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr(`fatal: the sandbox's git failed: ${message.split('\n')[0]}\n`);
    return 128;
  }
}

/** @param {GitContext} ctx @param {string} message */
function usage(ctx, message) {
  ctx.stderr(`${message}\nusage: git [--version] [--help] [-C <path>] [-c <name>=<value>] <command> [<args>]\n`);
  return 129;
}

/** @param {GitContext} ctx @param {string} path */
async function isDirectory(ctx, path) {
  try {
    return (await ctx.fs.promises.stat(path)).isDirectory();
  } catch {
    return false;
  }
}
