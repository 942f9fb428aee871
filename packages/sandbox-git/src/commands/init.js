/** `git init [-q] [-b <name>] [<directory>]`. */
import {fatal} from '../errors.js';
import {isValidRefName} from '../refs.js';
import {parseOptions} from '../options.js';
import {join, resolve} from '../path.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'init',
  usage: ['git init [-q | --quiet] [--bare] [--template=<template-directory>]\n         [--separate-git-dir <git-dir>] [--object-format=<format>]\n         [-b <branch-name> | --initial-branch=<branch-name>]\n         [--shared[=<permissions>]] [<directory>]'],
  options: [
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
    {name: 'initialBranch', short: 'b', long: 'initial-branch', type: 'string'},
  ],
};

/** What git's default template puts in `info/exclude`. */
const EXCLUDE_TEMPLATE = `# git ls-files --others --exclude-from=.git/info/exclude
# Lines that start with '#' are comments.
# For a project mostly in C, the following would be a good set of
# exclude patterns (uncomment them if you want to use them):
# *.[oa]
# *~
`;

const DEFAULT_BRANCH_ADVICE = `Using 'master' as the name for the initial branch. This default branch name
is subject to change. To configure the initial branch name to use in all
of your new repositories, which will suppress this warning, call:

\tgit config --global init.defaultBranch <name>

Names commonly chosen instead of 'master' are 'main', 'trunk' and
'development'. The just-created branch can be renamed via this command:

\tgit branch -m <name>`;

/** The config file `git init` writes (what git 2.39 writes on Linux). */
export const INITIAL_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n';

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const target = resolve(run.ctx.cwd, args[0] ?? '.');
  const gitdir = join(target, '.git');
  const files = run.files;
  if (await files.exists(join(gitdir, 'HEAD'))) {
    if (options.initialBranch) run.err(`warning: re-init: ignored --initial-branch=${options.initialBranch}\n`);
    if (!options.quiet) run.out(`Reinitialized existing Git repository in ${gitdir}/\n`);
    return 0;
  }
  const config = await run.globalConfig();
  let branch = options.initialBranch ?? config.get('init.defaultbranch');
  if (branch === undefined) {
    branch = 'master';
    // As repo_default_branch_name(quiet): `-q` keeps the advice quiet too.
    if (!options.quiet && config.getBool('advice.defaultbranchname', true)) run.hint(DEFAULT_BRANCH_ADVICE);
  }
  if (!isValidRefName(`refs/heads/${branch}`)) fatal(`invalid initial branch name: '${branch}'`);
  await files.mkdirp(join(gitdir, 'objects/info'));
  await files.mkdirp(join(gitdir, 'objects/pack'));
  await files.mkdirp(join(gitdir, 'refs/heads'));
  await files.mkdirp(join(gitdir, 'refs/tags'));
  await files.write(join(gitdir, 'HEAD'), `ref: refs/heads/${branch}\n`);
  await files.write(join(gitdir, 'config'), INITIAL_CONFIG);
  await files.write(join(gitdir, 'description'), "Unnamed repository; edit this file 'description' to name the repository.\n");
  await files.write(join(gitdir, 'info/exclude'), EXCLUDE_TEMPLATE);
  if (!options.quiet) run.out(`Initialized empty Git repository in ${gitdir}/\n`);
  return 0;
}
