/** `git help`: what this sandbox's git can do, and where to go for the rest. */
import {COMMANDS, ENGINE_NAME, GIT_VERSION} from '../cli.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {command: 'help', usage: ['git help [<command>]'], options: []};

/** One line per command, as `git help` groups them. */
export const SUMMARIES = /** @type {Record<string, string>} */ ({
  init: 'Create an empty Git repository',
  config: 'Get and set repository or global options',
  add: 'Add file contents to the index',
  status: 'Show the working tree status',
  commit: 'Record changes to the repository',
  restore: 'Restore working tree files',
  diff: 'Show changes between commits, commit and working tree, etc',
  log: 'Show commit logs',
  show: 'Show various types of objects',
  branch: 'List, create, or delete branches',
  switch: 'Switch branches',
  checkout: 'Switch branches or restore working tree files',
  merge: 'Join two development histories together',
  tag: 'Create, list, delete or verify a tag object',
  'cherry-pick': 'Apply the changes introduced by some existing commits',
  rebase: 'Reapply commits on top of another base tip',
  worktree: 'Manage multiple working trees',
  reflog: 'Manage reflog information',
  'ls-files': 'Show information about files in the index and the working tree',
  'rev-parse': 'Pick out and massage parameters',
  help: 'Display help information about Git',
});

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const name = argv.find((arg) => !arg.startsWith('-'));
  if (name !== undefined && COMMANDS[name]) {
    const command = await /** @type {() => Promise<import('../command.js').CommandModule>} */ (COMMANDS[name])();
    const usage = command.spec.usage.map((line, i) => `${i === 0 ? 'usage: ' : '   or: '}${line}`).join('\n');
    const options = command.spec.options.map((o) => `    ${[o.short ? `-${o.short}` : '', o.long ? `--${o.long}` : ''].filter(Boolean).join(', ')}`).join('\n');
    run.out(`${usage}\n\n${options}${options ? '\n' : ''}`);
    return 0;
  }
  const width = Math.max(...Object.keys(SUMMARIES).map((n) => n.length)) + 3;
  run.out(
    `usage: git [-C <path>] [-c <name>=<value>] <command> [<args>]\n\n` +
      `This is ${ENGINE_NAME}, the course sandbox's git (it behaves like git ${GIT_VERSION} for these commands):\n\n` +
      Object.entries(SUMMARIES).map(([cmd, text]) => `   ${cmd.padEnd(width)}${text}\n`).join('') +
      `\n'git help <command>' lists a command's options. Other git commands (push, pull, rebase, stash, ...)\nneed real git: download the project's zip and run it on your computer.\n`,
  );
  return 0;
}
