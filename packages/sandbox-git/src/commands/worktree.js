/**
 * `git worktree add [-b <new-branch>] [--detach] <path> [<commit-ish>]`, `git worktree list`,
 * `git worktree remove [--force] <path>`, `git worktree prune`: linked worktrees laid out as git
 * lays them out (`<common>/worktrees/<id>/{HEAD,commondir,gitdir,index}`, a `.git` file in the
 * new folder), so real git reads them too.
 */
import {fatal} from '../errors.js';
import {moveTrees} from '../checkout.js';
import {Index} from '../index-file.js';
import {subjectOf} from '../message.js';
import {parseOptions, usageError} from '../options.js';
import {basename, dirname, join, resolve} from '../path.js';
import {isValidBranchName} from '../refs.js';
import {Repository} from '../repo.js';
import {requireCommit} from '../revision.js';
import {collectStatus} from '../status.js';
import {checkedOutElsewhere, listWorktrees} from '../worktrees.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'worktree',
  usage: ['git worktree add [<options>] <path> [<commit-ish>]', 'git worktree list [<options>]', 'git worktree prune [<options>]', 'git worktree remove [<options>] <worktree>'],
  options: [],
};

/** Options of each subcommand (the coverage test reads them). */
export const subcommandSpecs = {
  add: /** @type {import('../options.js').CommandSpec} */ ({
    command: 'worktree add',
    usage: ['git worktree add [<options>] <path> [<commit-ish>]'],
    options: [
      {name: 'newBranch', short: 'b', type: 'string'},
      {name: 'detach', long: 'detach', type: 'bool'},
      {name: 'force', short: 'f', long: 'force', type: 'bool'},
      {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
    ],
  }),
  list: /** @type {import('../options.js').CommandSpec} */ ({command: 'worktree list', usage: ['git worktree list [<options>]'], options: [{name: 'porcelain', long: 'porcelain', type: 'bool'}]}),
  remove: /** @type {import('../options.js').CommandSpec} */ ({command: 'worktree remove', usage: ['git worktree remove [<options>] <worktree>'], options: [{name: 'force', short: 'f', long: 'force', type: 'bool'}]}),
  prune: /** @type {import('../options.js').CommandSpec} */ ({command: 'worktree prune', usage: ['git worktree prune [<options>]'], options: [{name: 'verbose', short: 'v', long: 'verbose', type: 'bool'}]}),
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const [sub, ...rest] = argv;
  const repo = await run.repo();
  if (sub === 'add') return add(run, repo, rest);
  if (sub === 'list') return list(run, repo, rest);
  if (sub === 'remove') return remove(run, repo, rest);
  if (sub === 'prune') return prune(repo);
  usageError(spec, sub === undefined ? 'need a subcommand' : `unknown subcommand: \`${sub}'`);
}

/** @param {import('../command.js').Invocation} run @param {Repository} repo @param {string[]} argv */
async function add(run, repo, argv) {
  const {options, args} = parseOptions(subcommandSpecs.add, argv);
  const typedPath = args[0];
  if (typedPath === undefined || args.length > 2) usageError(subcommandSpecs.add, '');
  const path = resolve(run.ctx.cwd, typedPath);
  if ((await repo.files.exists(path)) && (await repo.files.readdir(path)).length > 0) fatal(`'${typedPath}' already exists`);
  const head = await repo.refs.head();
  let target = args[1];
  let newBranch = options.newBranch;
  // `git worktree add ../x` alone: a new branch named after the folder, from HEAD.
  if (target === undefined && newBranch === undefined && !options.detach) {
    const guess = basename(path);
    if (await repo.refs.exists(`refs/heads/${guess}`)) target = guess;
    else newBranch = guess;
  }
  const start = target ?? 'HEAD';
  const commit = start === 'HEAD' ? head.oid : await requireCommit(repo, start, `invalid reference: ${start}`);
  if (commit === undefined) fatal('invalid reference: HEAD');
  const isBranch = newBranch === undefined && !options.detach && target !== undefined && (await repo.refs.exists(`refs/heads/${target}`));
  if (newBranch !== undefined) {
    if (!isValidBranchName(newBranch)) fatal(`'${newBranch}' is not a valid branch name`);
    if (await repo.refs.exists(`refs/heads/${newBranch}`)) fatal(`a branch named '${newBranch}' already exists`);
  }
  if (newBranch !== undefined) run.err(`Preparing worktree (new branch '${newBranch}')\n`);
  else if (isBranch) run.err(`Preparing worktree (checking out '${target}')\n`);
  else run.err(`Preparing worktree (detached HEAD ${await repo.objects.abbrev(commit)})\n`);
  if (isBranch && !options.force) {
    const holder = (await listWorktrees(repo)).find((wt) => wt.branch === `refs/heads/${target}`);
    if (holder) fatal(`'${target}' is already checked out at '${holder.path}'`);
  }

  // The worktree's git dir: `worktrees/<name>`, numbered when the name is taken.
  let id = basename(path);
  for (let n = 1; await repo.files.exists(join(repo.commondir, 'worktrees', id)); n++) id = `${basename(path)}${n}`;
  const gitdir = join(repo.commondir, 'worktrees', id);
  if (newBranch !== undefined) await repo.refs.update(`refs/heads/${newBranch}`, commit, `branch: Created from ${args[1] ?? 'HEAD'}`);
  await repo.files.mkdirp(path);
  await repo.files.write(join(gitdir, 'commondir'), '../..\n');
  await repo.files.write(join(gitdir, 'gitdir'), `${join(path, '.git')}\n`);
  await repo.files.write(join(path, '.git'), `gitdir: ${gitdir}\n`);
  const branchRef = newBranch !== undefined ? `refs/heads/${newBranch}` : isBranch ? `refs/heads/${target}` : undefined;
  await repo.files.write(join(gitdir, 'HEAD'), branchRef ? `ref: ${branchRef}\n` : `${commit}\n`);

  // Check out the files there, as git's `reset --hard` in the new worktree does.
  const linked = await Repository.at(run.ctx, {worktree: path, gitdir, commondir: repo.commondir});
  linked.cachedIndex = new Index([]);
  await moveTrees(linked, new Map(), await linked.commitFiles(commit), {cmd: 'checkout', reset: true});
  await linked.refs.log('HEAD', undefined, commit, 'reset: moving to HEAD');
  if (!options.quiet) run.out(`HEAD is now at ${await repo.objects.abbrev(commit)} ${subjectOf((await repo.objects.commit(commit)).message)}\n`);
  return 0;
}

/** @param {import('../command.js').Invocation} run @param {Repository} repo @param {string[]} argv */
async function list(run, repo, argv) {
  const {options} = parseOptions(subcommandSpecs.list, argv);
  const worktrees = await listWorktrees(repo);
  if (options.porcelain) {
    let out = '';
    for (const wt of worktrees) {
      out += `worktree ${wt.path}\nHEAD ${wt.oid ?? '0'.repeat(40)}\n${wt.branch ? `branch ${wt.branch}` : 'detached'}\n\n`;
    }
    run.out(out);
    return 0;
  }
  const abbrevs = await Promise.all(worktrees.map((wt) => (wt.oid ? repo.objects.abbrev(wt.oid) : Promise.resolve('0000000'))));
  const pathWidth = Math.max(...worktrees.map((wt) => wt.path.length));
  const abbrevWidth = Math.max(...abbrevs.map((a) => a.length));
  let out = '';
  worktrees.forEach((wt, i) => {
    const state = wt.branch ? `[${wt.branch.replace(/^refs\/heads\//, '')}]` : '(detached HEAD)';
    out += `${wt.path.padEnd(pathWidth + 1)} ${/** @type {string} */ (abbrevs[i]).padEnd(abbrevWidth)} ${state}\n`;
  });
  run.out(out);
  return 0;
}

/** @param {import('../command.js').Invocation} run @param {Repository} repo @param {string[]} argv */
async function remove(run, repo, argv) {
  const {options, args} = parseOptions(subcommandSpecs.remove, argv);
  const typed = args[0];
  if (typed === undefined || args.length > 1) usageError(subcommandSpecs.remove, '');
  const path = resolve(run.ctx.cwd, typed);
  const worktrees = await listWorktrees(repo);
  const wt = worktrees.find((w) => w.path === path);
  if (!wt) fatal(`'${typed}' is not a working tree`);
  if (wt.id === undefined) fatal(`'${typed}' is a main working tree`);
  if (!options.force) {
    const linked = await Repository.at(run.ctx, {worktree: wt.path, gitdir: wt.gitdir, commondir: repo.commondir});
    const status = await collectStatus(linked);
    if (status.changes.length > 0 || status.untracked.length > 0) {
      fatal(`'${typed}' contains modified or untracked files, use --force to delete it`);
    }
  }
  await repo.files.removeTree(wt.path);
  await repo.files.removeTree(wt.gitdir);
  await repo.files.pruneEmptyDirs(dirname(wt.gitdir), repo.commondir);
  return 0;
}

/** Forgets linked worktrees whose folder is gone. @param {Repository} repo */
async function prune(repo) {
  for (const wt of await listWorktrees(repo)) {
    if (wt.id !== undefined && !(await repo.files.exists(wt.path))) await repo.files.removeTree(wt.gitdir);
  }
  await repo.files.pruneEmptyDirs(join(repo.commondir, 'worktrees'), repo.commondir);
  return 0;
}
