/**
 * `git switch [-c <new-branch>] [--detach] [-f] <branch> [<start-point>]`, and the branch switch
 * that `git checkout` shares with it.
 */
import {exit, fatal} from '../errors.js';
import {moveTrees} from '../checkout.js';
import {parseOptions} from '../options.js';
import {isValidBranchName} from '../refs.js';
import {requireCommit, resolveRevision} from '../revision.js';
import {diffFiles} from '../treediff.js';
import {Repository} from '../repo.js';
import {checkedOutElsewhere} from '../worktrees.js';
import {subjectOf} from '../message.js';
import {walkLog} from '../log/walk.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'switch',
  usage: ['git switch [<options>] [<branch>]'],
  options: [
    {name: 'create', short: 'c', long: 'create', type: 'string'},
    {name: 'forceCreate', short: 'C', long: 'force-create', type: 'string'},
    {name: 'detach', short: 'd', long: 'detach', type: 'bool'},
    {name: 'force', short: 'f', long: 'force', type: 'bool'},
    {name: 'discardChanges', long: 'discard-changes', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
  ],
};

/**
 * Moves HEAD (and the index and files) to `target`: a branch, a new branch, or a detached commit.
 * @param {import('../command.js').Invocation} run
 * @param {Repository} repo
 * @param {{typed?: string, branch?: string, create?: string, forceCreate?: boolean, startGiven?: string, commit: string | undefined, detach?: boolean, force?: boolean, quiet?: boolean, cmd: 'switch' | 'checkout', adviseDetach?: string}} target
 *   `branch`: an existing branch's short name; `create`: a new branch at `commit`;
 *   `adviseDetach`: the name typed, when `git checkout <commit>` detaches HEAD (git explains it);
 *   `startGiven`: the start point named, if any (`switch -c x` alone leaves files and index untouched);
 *   `typed`: the name typed (the reflog's "moving from a to <typed>").
 */
export async function switchTo(run, repo, target) {
  const head = await repo.refs.head();
  const newName = target.create;
  const branchRef = newName ? `refs/heads/${newName}` : target.branch ? `refs/heads/${target.branch}` : undefined;
  if (newName !== undefined) {
    if (!isValidBranchName(newName)) fatal(`'${newName}' is not a valid branch name`);
    if (!target.forceCreate && (await repo.refs.exists(`refs/heads/${newName}`))) fatal(`a branch named '${newName}' already exists`);
  }
  if (branchRef && !target.detach && branchRef !== head.branch) {
    const elsewhere = await checkedOutElsewhere(repo, branchRef);
    if (elsewhere) fatal(`'${branchRef.slice('refs/heads/'.length)}' is already checked out at '${elsewhere.path}'`);
  }
  const index = await repo.index();
  if (!target.force && index.conflictedPaths().length > 0) {
    exit(1, `${index.conflictedPaths().map((path) => `${path}: needs merge\n`).join('')}error: you need to resolve your current index first\n`);
  }
  // `git switch -c x` with no start point only creates the branch (checkout.c: do_merge = 0).
  const moveFiles = !(newName !== undefined && !target.startGiven && target.cmd === 'switch');
  const newFiles = await repo.commitFiles(target.commit);
  if (moveFiles) await moveTrees(repo, await repo.commitFiles(head.oid), newFiles, {cmd: 'checkout', reset: target.force === true});

  if (newName !== undefined) {
    if (target.commit === undefined) fatal('You are on a branch yet to be born');
    await repo.refs.update(`refs/heads/${newName}`, target.commit, `branch: Created from ${target.startGiven ?? 'HEAD'}`);
  }
  const from = head.branch ? head.branch.replace(/^refs\/heads\//, '') : head.oid ?? 'HEAD';
  const to = newName ?? target.typed ?? target.branch ?? /** @type {string} */ (target.commit);
  const moving = `checkout: moving from ${from} to ${to}`;
  if (target.detach || !branchRef) await repo.refs.setHead({oid: /** @type {string} */ (target.commit)}, moving);
  else await repo.refs.setHead({branch: branchRef}, moving);
  if (target.quiet) return;

  // Local changes carried along: what differs between the new HEAD and the working tree.
  if (moveFiles && !target.force) {
    const after = await repo.index();
    /** @type {Map<string, import('../repo.js').FlatEntry>} */
    const worktree = new Map();
    for (const path of after.paths()) {
      const file = await repo.workFile(path);
      if (file) worktree.set(path, {mode: file.mode, oid: file.oid});
    }
    run.out(diffFiles(newFiles, worktree).map((c) => `${c.status}\t${c.path}\n`).join(''));
  }

  // Leaving a detached HEAD: commits no ref reaches any more are named (checkout.c orphaned_commit_warning).
  if (head.branch === undefined && head.oid !== undefined && head.oid !== target.commit) run.err(await orphanWarning(repo, head.oid, target.commit));

  if (target.detach || !branchRef) {
    const commit = /** @type {string} */ (target.commit);
    if (target.adviseDetach && head.branch !== undefined && repo.config.getBool('advice.detachedhead', true)) run.err(detachAdvice(target.adviseDetach));
    run.err(`HEAD is now at ${await repo.objects.abbrev(commit)} ${subjectOf((await repo.objects.commit(commit)).message)}\n`);
    return;
  }
  const short = branchRef.slice('refs/heads/'.length);
  if (newName !== undefined) run.err(target.forceCreate && head.branch === branchRef ? `Reset branch '${short}'\n` : `Switched to a new branch '${short}'\n`);
  else if (head.branch === branchRef) run.err(`Already on '${short}'\n`);
  else run.err(`Switched to branch '${short}'\n`);
}

/**
 * What git says when HEAD leaves a detached commit: the commits it leaves behind, or where HEAD was.
 * @param {Repository} repo @param {string} old @param {string | undefined} next
 */
async function orphanWarning(repo, old, next) {
  const refs = await repo.refs.list('refs/');
  /** @type {Array<string | {oid: string, uninteresting: boolean}>} */
  const tips = [old];
  for (const ref of refs) {
    const commit = await repo.objects.peelToCommit(ref.oid);
    if (commit) tips.push({oid: commit, uninteresting: true});
  }
  if (next) tips.push({oid: next, uninteresting: true});
  const lost = (await walkLog({tips, readCommit: (oid) => repo.objects.commit(oid)})).map((entry) => entry.commit);
  const oneLine = async (/** @type {import('../types.js').CommitInfo} */ c) => `  ${await repo.objects.abbrev(c.oid)} ${subjectOf(c.message)}\n`;
  if (lost.length === 0) return `Previous HEAD position was ${await repo.objects.abbrev(old)} ${subjectOf((await repo.objects.commit(old)).message)}\n`;
  let list = '';
  for (const c of lost.slice(0, 4)) list += await oneLine(c);
  if (lost.length === 5) list += await oneLine(/** @type {import('../types.js').CommitInfo} */ (lost[4]));
  else if (lost.length > 5) list += ` ... and ${lost.length - 4} more.\n`;
  const one = lost.length === 1;
  let text = `Warning: you are leaving ${lost.length} commit${one ? '' : 's'} behind, not connected to\nany of your branches:\n\n${list}\n`;
  if (repo.config.getBool('advice.detachedhead', true)) {
    text += `If you want to keep ${one ? 'it' : 'them'} by creating a new branch, this may be a good time\nto do so with:\n\n git branch <new-branch-name> ${await repo.objects.abbrev(old)}\n\n`;
  }
  return text;
}

/** @param {Repository} repo */
export async function refuseDuringOperations(repo) {
  if ((await repo.readGitFile('MERGE_HEAD')) !== undefined) fatal('cannot switch branch while merging\nConsider "git merge --quit" or "git worktree add".');
  if ((await repo.readGitFile('CHERRY_PICK_HEAD')) !== undefined) fatal('cannot switch branch while cherry-picking\nConsider "git cherry-pick --quit" or "git worktree add".');
}

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  await refuseDuringOperations(repo);
  const create = options.create ?? options.forceCreate;
  if (create !== undefined) {
    if (args.length > 1) fatal('only one reference expected');
    const start = args[0] ?? 'HEAD';
    const commit = start === 'HEAD' ? (await repo.refs.head()).oid : await requireCommit(repo, start, `invalid reference: ${start}`);
    await switchTo(run, repo, {create, forceCreate: options.forceCreate !== undefined, ...(args[0] !== undefined ? {startGiven: args[0]} : {}), commit, force: options.force || options.discardChanges, quiet: options.quiet, cmd: 'switch'});
    return 0;
  }
  // `--detach` alone detaches HEAD where it is.
  const name = args[0] ?? (options.detach ? 'HEAD' : undefined);
  if (name === undefined) fatal('missing branch or commit argument');
  if (args.length > 1) fatal('only one reference expected');
  const wanted = name === '-' ? await previousBranch(repo) : name;
  if (options.detach) {
    const commit = await requireCommit(repo, wanted, `invalid reference: ${wanted}`);
    await switchTo(run, repo, {typed: wanted, commit, detach: true, force: options.force || options.discardChanges, quiet: options.quiet, cmd: 'switch'});
    return 0;
  }
  const branchOid = await repo.refs.resolve(`refs/heads/${wanted}`);
  if (branchOid === undefined) {
    const oid = await resolveRevision(repo, wanted);
    if (oid === undefined) fatal(`invalid reference: ${wanted}`);
    const type = (await repo.objects.get(oid))?.type;
    const isTag = await repo.refs.exists(`refs/tags/${wanted}`);
    exit(128, `fatal: a branch is expected, got ${isTag ? `tag '${wanted}'` : type === 'commit' ? `commit '${wanted}'` : `'${wanted}'`}\nhint: If you want to detach HEAD at the commit, try again with the --detach option.\n`);
  }
  await switchTo(run, repo, {branch: wanted, commit: branchOid, force: options.force || options.discardChanges, quiet: options.quiet, cmd: 'switch'});
  return 0;
}

/**
 * `-` (`@{-1}`): where HEAD was before the last checkout, read from HEAD's reflog as git does.
 * @param {Repository} repo @returns {Promise<string>}
 */
export async function previousBranch(repo) {
  for (const entry of await repo.refs.readLog('HEAD')) {
    const match = /^checkout: moving from (\S+) to \S+$/.exec(entry.message);
    if (match) return /** @type {string} */ (match[1]);
  }
  fatal('invalid reference: @{-1}');
}

/** @param {string} name */
function detachAdvice(name) {
  return `Note: switching to '${name}'.

You are in 'detached HEAD' state. You can look around, make experimental
changes and commit them, and you can discard any commits you make in this
state without impacting any branches by switching back to a branch.

If you want to create a new branch to retain commits you create, you may
do so (now or later) by using -c with the switch command. Example:

  git switch -c <new-branch-name>

Or undo this operation with:

  git switch -

Turn off this advice by setting config variable advice.detachedHead to false

`;
}
