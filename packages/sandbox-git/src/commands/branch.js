/**
 * `git branch` (list), `git branch <name> [<start>]`, `-d`/`-D` (delete, refusing what is not
 * merged or is checked out, as git does), `-m`/`-M` (rename), `--show-current`.
 */
import {fatal} from '../errors.js';
import {isAncestor} from '../ancestry.js';
import {parseOptions, usageError} from '../options.js';
import {isValidBranchName} from '../refs.js';
import {requireCommit} from '../revision.js';
import {listWorktrees} from '../worktrees.js';
import {readRebaseState} from '../rebase-state.js';
import {subjectOf} from '../message.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'branch',
  usage: [
    'git branch [<options>] [-r | -a] [--merged] [--no-merged]',
    'git branch [<options>] [-f] [--recurse-submodules] <branch-name> [<start-point>]',
    'git branch [<options>] [-l] [<pattern>...]',
    'git branch [<options>] [-r] (-d | -D) <branch-name>...',
    'git branch [<options>] (-m | -M) [<old-branch>] <new-branch>',
    'git branch [<options>] (-c | -C) [<old-branch>] <new-branch>',
    'git branch [<options>] [-r | -a] [--points-at]',
    'git branch [<options>] [-r | -a] [--format]',
  ],
  options: [
    {name: 'delete', short: 'd', long: 'delete', type: 'bool'},
    {name: 'forceDelete', short: 'D', type: 'bool'},
    {name: 'move', short: 'm', long: 'move', type: 'bool'},
    {name: 'forceMove', short: 'M', type: 'bool'},
    {name: 'force', short: 'f', long: 'force', type: 'bool'},
    {name: 'list', short: 'l', long: 'list', type: 'bool'},
    {name: 'all', short: 'a', long: 'all', type: 'bool'},
    {name: 'verbose', short: 'v', long: 'verbose', type: 'bool'},
    {name: 'showCurrent', long: 'show-current', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
    {name: 'merged', long: 'merged', type: 'optional-string'},
    {name: 'noMerged', long: 'no-merged', type: 'optional-string'},
  ],
};

/** @param {string} pattern */
const glob = (pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  const head = await repo.refs.head();
  if (options.showCurrent) {
    run.out(head.branch ? `${head.branch.replace(/^refs\/heads\//, '')}\n` : '');
    return 0;
  }
  if (options.delete || options.forceDelete) return deleteBranches(run, repo, args, options.forceDelete || (options.delete && options.force), options.quiet === true);
  if (options.move || options.forceMove) return renameBranch(repo, args, options.forceMove || (options.move && options.force));
  if (args.length > 0 && !options.list && options.merged === undefined && options.noMerged === undefined) {
    if (args.length > 2) usageError(spec, '');
    const name = /** @type {string} */ (args[0]);
    if (!isValidBranchName(name)) fatal(`'${name}' is not a valid branch name`);
    const exists = await repo.refs.exists(`refs/heads/${name}`);
    if (exists && !options.force) fatal(`a branch named '${name}' already exists`);
    if (exists && head.branch === `refs/heads/${name}`) fatal(`cannot force update the current branch.`);
    const start = args[1] ?? 'HEAD';
    if (start === 'HEAD' && head.oid === undefined) fatal(`not a valid object name: '${head.branch?.replace(/^refs\/heads\//, '') ?? 'HEAD'}'`);
    const commit = await requireCommit(repo, start, `not a valid object name: '${start}'`);
    await repo.refs.update(`refs/heads/${name}`, commit, `branch: Created from ${args[1] ?? 'HEAD'}`);
    return 0;
  }

  // Listing.
  const patterns = args.map(glob);
  const worktrees = await listWorktrees(repo);
  const elsewhere = new Set(worktrees.filter((wt) => wt.gitdir !== repo.gitdir && wt.branch).map((wt) => wt.branch));
  let branches = await repo.refs.list('refs/heads/');
  if (patterns.length > 0) branches = branches.filter((b) => patterns.some((p) => p.test(b.name.slice('refs/heads/'.length))));
  const filter = options.merged ?? options.noMerged;
  if (filter !== undefined) {
    const target = await requireCommit(repo, filter === true ? 'HEAD' : filter, `malformed object name ${filter}`);
    const keep = [];
    for (const b of branches) if ((await isAncestor(repo.objects, b.oid, target)) === (options.merged !== undefined)) keep.push(b);
    branches = keep;
  }
  /** @type {{marker: string, name: string, oid: string}[]} */
  const rows = [];
  const rebase = await readRebaseState(repo);
  if (head.branch === undefined && head.oid) {
    const name = rebase ? `(no branch, rebasing ${rebase.headName.replace(/^refs\/heads\//, '')})` : `(HEAD detached at ${await repo.objects.abbrev(head.oid)})`;
    rows.push({marker: '*', name, oid: head.oid});
  }
  for (const b of branches) {
    rows.push({marker: b.name === head.branch ? '*' : elsewhere.has(b.name) ? '+' : ' ', name: b.name.slice('refs/heads/'.length), oid: b.oid});
  }
  if (options.verbose) {
    const width = Math.max(0, ...rows.map((r) => r.name.length));
    for (const r of rows) {
      const subject = subjectOf((await repo.objects.commit(r.oid)).message);
      run.out(`${r.marker} ${r.name.padEnd(width)} ${await repo.objects.abbrev(r.oid)} ${subject}\n`);
    }
    return 0;
  }
  run.out(rows.map((r) => `${r.marker} ${r.name}\n`).join(''));
  return 0;
}

/**
 * @param {import('../command.js').Invocation} run @param {import('../repo.js').Repository} repo
 * @param {string[]} names @param {boolean} force @param {boolean} quiet
 */
async function deleteBranches(run, repo, names, force, quiet) {
  if (names.length === 0) fatal('branch name required');
  const head = await repo.refs.head();
  const worktrees = await listWorktrees(repo);
  let failed = false;
  for (const name of names) {
    const ref = `refs/heads/${name}`;
    const oid = await repo.refs.resolve(ref);
    if (oid === undefined) {
      run.err(`error: branch '${name}' not found.\n`);
      failed = true;
      continue;
    }
    const holder = worktrees.find((wt) => wt.branch === ref);
    if (holder) {
      run.err(`error: Cannot delete branch '${name}' checked out at '${holder.path}'\n`);
      failed = true;
      continue;
    }
    if (!force && !(head.oid !== undefined && (await isAncestor(repo.objects, oid, head.oid)))) {
      run.err(`error: The branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.\n`);
      failed = true;
      continue;
    }
    await repo.refs.delete(ref);
    if (!quiet) run.out(`Deleted branch ${name} (was ${await repo.objects.abbrev(oid)}).\n`);
  }
  return failed ? 1 : 0;
}

/** @param {import('../repo.js').Repository} repo @param {string[]} args @param {boolean} force */
async function renameBranch(repo, args, force) {
  const head = await repo.refs.head();
  if (args.length === 0) fatal('branch name required');
  if (args.length > 2) fatal('too many arguments for a rename operation');
  const oldName = args.length === 2 ? /** @type {string} */ (args[0]) : head.branch?.replace(/^refs\/heads\//, '');
  const newName = /** @type {string} */ (args[args.length - 1]);
  if (oldName === undefined) fatal('cannot rename the current branch while not on any.');
  const oldRef = `refs/heads/${oldName}`;
  const newRef = `refs/heads/${newName}`;
  const oid = await repo.refs.resolve(oldRef);
  const worktrees = await listWorktrees(repo);
  const holders = worktrees.filter((wt) => wt.branch === oldRef);
  if (oid === undefined && holders.length === 0) fatal(`No branch named '${oldName}'.`);
  if (!isValidBranchName(newName)) fatal(`'${newName}' is not a valid branch name`);
  if (oldRef !== newRef && (await repo.refs.exists(newRef))) {
    if (!force) fatal(`a branch named '${newName}' already exists`);
    if (worktrees.some((wt) => wt.branch === newRef)) fatal(`cannot force update the branch '${newName}' used by worktree at '${worktrees.find((wt) => wt.branch === newRef)?.path}'`);
  }
  const message = `Branch: renamed ${oldRef} to ${newRef}`;
  if (oid !== undefined) {
    await repo.refs.moveLog(oldRef, `${newRef}.renaming`);
    await repo.refs.delete(oldRef);
    if (oldRef !== newRef) await repo.refs.delete(newRef);
    await repo.refs.moveLog(`${newRef}.renaming`, newRef);
    await repo.refs.write(newRef, oid);
    await repo.refs.log(newRef, oid, oid, message);
  }
  // Every worktree on the old name follows it (an unborn branch included); HEAD's log says so twice, as git's does.
  for (const wt of holders) {
    await repo.files.write(`${wt.gitdir}/HEAD`, `ref: ${newRef}\n`);
    if (oid !== undefined && wt.gitdir === repo.gitdir) {
      await repo.refs.log('HEAD', oid, undefined, message);
      await repo.refs.log('HEAD', undefined, oid, message);
    }
  }
  return 0;
}
