/**
 * `git merge [--no-ff | --ff-only] [--no-edit] [-m <msg>] [--no-commit] <commit>`, `--abort`,
 * `--continue`: fast-forwards, merge commits (ort without rename detection), conflicts left with
 * markers, index stages, MERGE_HEAD and MERGE_MSG so that `git add` + `git commit` concludes them.
 * One branch at a time (no octopus), one merge base (no criss-cross histories).
 */
import {GitExit, exit, fatal} from '../errors.js';
import {mergeBases} from '../ancestry.js';
import {moveTrees, writeWorkFile} from '../checkout.js';
import {Repository} from '../repo.js';
import {joinMessages, stripspace} from '../message.js';
import {parseOptions, usageError} from '../options.js';
import {dwimRef, resolveRevision} from '../revision.js';
import {mergeTrees} from '../merge-trees.js';
import {diffFiles, diffstatText} from '../treediff.js';
import {clearMergeState, run as commit, unmergedRefusal, writeCommit} from './commit.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'merge',
  usage: ['git merge [<options>] [<commit>...]', 'git merge --abort', 'git merge --continue'],
  options: [
    {name: 'ff', long: 'ff', type: 'bool'},
    {name: 'ffOnly', long: 'ff-only', type: 'bool'},
    {name: 'edit', short: 'e', long: 'edit', type: 'bool'},
    {name: 'message', short: 'm', long: 'message', type: 'string', multiple: true},
    {name: 'commit', long: 'commit', type: 'bool'},
    {name: 'stat', long: 'stat', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
    {name: 'abort', long: 'abort', type: 'bool'},
    {name: 'quit', long: 'quit', type: 'bool'},
    {name: 'continue', long: 'continue', type: 'bool'},
    {name: 'allowUnrelated', long: 'allow-unrelated-histories', type: 'bool'},
  ],
};

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  const mergeHead = await repo.readGitFile('MERGE_HEAD');

  if (options.abort) {
    if (args.length > 0) usageError(spec, '--abort expects no arguments');
    if (mergeHead === undefined) fatal('There is no merge to abort (MERGE_HEAD missing).');
    await resetMerge(repo);
    return 0;
  }
  if (options.quit) {
    await clearMergeState(repo);
    return 0;
  }
  if (options.continue) {
    if (args.length > 0) usageError(spec, '--continue expects no arguments');
    if (mergeHead === undefined) fatal('There is no merge in progress (MERGE_HEAD missing).');
    return commit(run, []);
  }
  if ((await repo.index()).conflictedPaths().length > 0) unmergedRefusal('Merging');
  if (mergeHead !== undefined) fatal('You have not concluded your merge (MERGE_HEAD exists).\nPlease, commit your changes before you merge.');
  if ((await repo.readGitFile('CHERRY_PICK_HEAD')) !== undefined) fatal('You have not concluded your cherry-pick (CHERRY_PICK_HEAD exists).\nPlease, commit your changes before you merge.');
  if (args.length === 0) usageError(spec, '');
  if (args.length > 1) fatal("the sandbox's git merges one branch at a time (no octopus merges): merge them one after the other");
  const name = /** @type {string} */ (args[0]);
  const oid = await resolveRevision(repo, name);
  const theirs = oid === undefined ? undefined : await repo.objects.peelToCommit(oid);
  if (theirs === undefined) exit(1, `merge: ${name} - not something we can merge\n`);

  const head = await repo.refs.head();
  const headFiles = await repo.commitFiles(head.oid);
  const theirFiles = await repo.commitFiles(theirs);
  const noFastForward = options.ff === false || (options.ff === undefined && repo.config.get('merge.ff') === 'false');
  if (head.oid === undefined) {
    if (noFastForward) fatal('Non-fast-forward commit does not make sense into an empty head');
    await moveTrees(repo, new Map(), theirFiles, {cmd: 'merge'});
    await repo.refs.update(head.branch ?? 'HEAD', theirs, 'initial pull');
    return 0;
  }

  const bases = await mergeBases(repo.objects, head.oid, theirs);
  await repo.writeGitFile('ORIG_HEAD', `${head.oid}\n`);
  if (bases.length === 0 && !options.allowUnrelated) fatal('refusing to merge unrelated histories');
  if (bases.length === 1 && bases[0] === theirs) {
    if (!options.quiet) run.out('Already up to date.\n');
    return 0;
  }
  const showStat = options.stat !== false && !options.quiet && repo.config.getBool('merge.stat', true);
  if (!noFastForward && bases.length === 1 && bases[0] === head.oid) {
    if (!options.quiet) run.out(`Updating ${await repo.objects.abbrev(head.oid)}..${await repo.objects.abbrev(theirs)}\n`);
    await moveTrees(repo, headFiles, theirFiles, {cmd: 'merge'});
    if (!options.quiet) run.out(`Fast-forward${options.message ? ' (no commit created; -m option ignored)' : ''}\n`);
    await repo.refs.update(head.branch ?? 'HEAD', theirs, `merge ${name}: Fast-forward`);
    if (showStat) run.out(await diffstatText(repo, diffFiles(headFiles, theirFiles, {renames: true}), 'stat'));
    await clearMergeState(repo);
    return 0;
  }
  if (options.ffOnly || repo.config.get('merge.ff') === 'only') fatal('Not possible to fast-forward, aborting.');
  if (bases.length > 1) {
    fatal("the sandbox's git cannot merge histories with several merge bases (a criss-cross merge): real git can, with the project's zip");
  }

  // A real merge: the index must match HEAD, then ort's three-way merge.
  const index = await repo.index();
  const staged = diffFiles(headFiles, Repository.indexFiles(index)).map((c) => c.path);
  if (staged.length > 0) {
    exit(2, `error: Your local changes to the following files would be overwritten by merge:\n  ${staged.join(' ')}\nMerge with strategy ort failed.\n`);
  }
  const baseFiles = await repo.commitFiles(bases[0]);
  const result = await mergeTrees(repo, baseFiles, headFiles, theirFiles, {ours: 'HEAD', theirs: name, ...(bases[0] ? {base: await repo.objects.abbrev(bases[0])} : {})});
  try {
    await moveTrees(repo, headFiles, result.files, {cmd: 'merge', conflicts: result.conflicts});
  } catch (error) {
    if (error instanceof GitExit) exit(2, `${error.text}Merge with strategy ort failed.\n`);
    throw error;
  }
  // ort's own messages come even with -q.
  run.out(result.messages.map((line) => `${line}\n`).join(''));

  const message = options.message ? stripspace(joinMessages(options.message)) : await defaultMessage(repo, name, head.branch);
  if (result.conflicts.size === 0 && options.commit !== false) {
    const tree = await repo.writeTree(result.files);
    const oidMerged = await writeCommit(run, repo, {tree, parents: [head.oid, theirs], message, summary: false, reflog: `merge ${name}: Merge made by the 'ort' strategy.`});
    if (!options.quiet) run.out("Merge made by the 'ort' strategy.\n");
    if (showStat) run.out(await diffstatText(repo, diffFiles(headFiles, await repo.commitFiles(oidMerged), {renames: true}), 'stat'));
    await clearMergeState(repo);
    return 0;
  }
  await repo.writeGitFile('MERGE_HEAD', `${theirs}\n`);
  await repo.writeGitFile('MERGE_MODE', noFastForward ? 'no-ff' : '');
  if (result.conflicts.size === 0) {
    await repo.writeGitFile('MERGE_MSG', message);
    run.err('Automatic merge went well; stopped before committing as requested\n');
    return 0;
  }
  const conflicted = [...result.conflicts.keys()];
  await repo.writeGitFile('MERGE_MSG', `${message}\n# Conflicts:\n${conflicted.map((path) => `#\t${path}\n`).join('')}`);
  run.out('Automatic merge failed; fix conflicts and then commit the result.\n');
  return 1;
}

/**
 * fmt-merge-msg's title: `Merge branch 'x'`, `Merge tag 'v1'`, `Merge commit 'abc'`, then
 * ` into <branch>` unless the branch is `main` or `master` (merge.suppressDest).
 * @param {import('../repo.js').Repository} repo @param {string} name @param {string | undefined} branch
 */
export async function defaultMessage(repo, name, branch) {
  const ref = await dwimRef(repo, name);
  let title;
  if (ref?.ref.startsWith('refs/heads/')) title = `branch '${ref.ref.slice('refs/heads/'.length)}'`;
  else if (ref?.ref.startsWith('refs/tags/')) title = `tag '${ref.ref.slice('refs/tags/'.length)}'`;
  else if (ref?.ref.startsWith('refs/remotes/')) title = `remote-tracking branch '${ref.ref.slice('refs/remotes/'.length)}'`;
  else title = `commit '${name}'`;
  const current = branch ? branch.replace(/^refs\/heads\//, '') : 'HEAD';
  const suppress = repo.config.getAll('merge.suppressdest');
  const patterns = suppress.length > 0 ? suppress.filter((p) => p !== '') : ['main', 'master'];
  const glob = (/** @type {string} */ p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  const suppressed = patterns.some((p) => glob(p).test(current));
  return `Merge ${title}${suppressed ? '' : ` into ${current}`}\n`;
}

/**
 * `git reset --merge` to HEAD, as `git merge --abort` runs it: every path whose index entry
 * differs from HEAD (conflicts included) goes back to HEAD in the index and the working tree;
 * unstaged changes to other files stay.
 * @param {import('../repo.js').Repository} repo
 */
export async function resetMerge(repo) {
  const head = await repo.refs.head();
  const headFiles = await repo.commitFiles(head.oid);
  const index = await repo.index();
  for (const path of new Set([...index.paths(), ...headFiles.keys()])) {
    const entry = index.get(path);
    const original = headFiles.get(path);
    const differs = index.isConflicted(path) || !entry || !original || entry.oid !== original.oid || entry.mode.toString(8) !== original.mode;
    if (!differs) continue;
    if (original) index.set(await writeWorkFile(repo, path, original));
    else {
      index.remove(path);
      await repo.files.unlink(repo.abs(path));
    }
  }
  await repo.writeIndex(index);
  await clearMergeState(repo);
}
