/**
 * `git cherry-pick [-x] [-n] <commit>...`, `--continue`, `--abort`, `--skip`, `--quit`: each
 * commit's change replayed on HEAD (a three-way merge against its parent), with its author and
 * message (`-x` adds "(cherry picked from commit ...)"), stopping on a conflict as git does.
 */
import {exit, fatal} from '../errors.js';
import {moveTrees} from '../checkout.js';
import {parseOptions, usageError} from '../options.js';
import {Repository} from '../repo.js';
import {requireCommit} from '../revision.js';
import {mergeTrees} from '../merge-trees.js';
import {diffFiles} from '../treediff.js';
import {subjectOf} from '../message.js';
import {collectStatus, formatLong} from '../status.js';
import {run as commit, clearMergeState, unmergedRefusal, writeCommit} from './commit.js';
import {resetMerge} from './merge.js';

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'cherry-pick',
  usage: ['git cherry-pick [--edit] [-n] [-m <parent-number>] [-s] [-x] [--ff]\n                [-S[<keyid>]] <commit>...', 'git cherry-pick (--continue | --skip | --abort | --quit)'],
  options: [
    {name: 'recordOrigin', short: 'x', type: 'bool'},
    {name: 'noCommit', short: 'n', long: 'no-commit', type: 'bool'},
    {name: 'continue', long: 'continue', type: 'bool'},
    {name: 'abort', long: 'abort', type: 'bool'},
    {name: 'skip', long: 'skip', type: 'bool'},
    {name: 'quit', long: 'quit', type: 'bool'},
  ],
};

/** Whether the last paragraph is a block of trailers (sequencer.c has_conforming_footer). @param {string} message */
function endsWithTrailers(message) {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  if (paragraphs.length < 2) return false;
  const last = /** @type {string} */ (paragraphs[paragraphs.length - 1]).split('\n');
  return last.every((line) => /^[A-Za-z0-9-]+: /.test(line) || line.startsWith('(cherry picked from commit '));
}

/** A pick whose change is already there: git stops and says so. @param {import('../command.js').Invocation} run @param {Repository} repo @returns {Promise<never>} */
async function emptyPick(run, repo) {
  run.out(formatLong(await collectStatus(repo), repo.prefix()));
  exit(1, "The previous cherry-pick is now empty, possibly due to conflict resolution.\nIf you wish to commit it anyway, use:\n\n    git commit --allow-empty\n\nOtherwise, please use 'git cherry-pick --skip'\n");
}

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  const picking = (await repo.readGitFile('CHERRY_PICK_HEAD'))?.trim();
  if (options.abort || options.quit || options.skip || options.continue) {
    if (!picking) exit(128, 'error: no cherry-pick or revert in progress\nfatal: cherry-pick failed\n');
    if (options.continue) {
      const head = await repo.refs.head();
      const tree = await repo.writeTree(Repository.indexFiles(await repo.index()));
      if ((await repo.index()).conflictedPaths().length === 0 && head.oid && tree === (await repo.objects.commit(head.oid)).tree) return emptyPick(run, repo);
      return commit(run, ['--no-edit']);
    }
    if (options.quit) {
      await repo.removeGitFile('CHERRY_PICK_HEAD');
      return 0;
    }
    await resetMerge(repo);
    return 0;
  }
  if (args.length === 0) usageError(spec, '');
  if ((await repo.index()).conflictedPaths().length > 0) unmergedRefusal('Cherry-picking');
  if (picking) fatal('cherry-pick is already in progress\nhint: try "git cherry-pick (--continue | --abort | --quit)"');
  for (const name of args) {
    const oid = await requireCommit(repo, name, `bad revision '${name}'`);
    const code = await pick(run, repo, oid, options);
    if (code !== 0) return code;
  }
  return 0;
}

/**
 * @param {import('../command.js').Invocation} run @param {Repository} repo @param {string} oid
 * @param {Record<string, any>} options
 */
async function pick(run, repo, oid, options) {
  const picked = await repo.objects.commit(oid);
  if (picked.parents.length > 1) exit(128, `error: commit ${oid} is a merge but no -m option was given.\nfatal: cherry-pick failed\n`);
  const head = await repo.refs.head();
  if (head.oid === undefined) fatal("can't cherry-pick into empty head");
  const headFiles = await repo.commitFiles(head.oid);
  const index = await repo.index();
  const staged = diffFiles(headFiles, Repository.indexFiles(index)).map((c) => c.path);
  if (staged.length > 0) {
    exit(128, `error: your local changes would be overwritten by cherry-pick.\nhint: commit your changes or stash them to proceed.\nfatal: cherry-pick failed\n`);
  }
  const abbrev = await repo.objects.abbrev(oid);
  const subject = subjectOf(picked.message);
  let message = picked.message;
  if (options.recordOrigin) {
    if (!message.endsWith('\n')) message += '\n';
    if (!endsWithTrailers(message)) message += '\n';
    message += `(cherry picked from commit ${oid})\n`;
  }
  const result = await mergeTrees(repo, await repo.commitFiles(picked.parents[0]), headFiles, await repo.commitFiles(oid), {ours: 'HEAD', theirs: `${abbrev} (${subject})`});
  await moveTrees(repo, headFiles, result.files, {cmd: 'cherry-pick', conflicts: result.conflicts});
  run.out(result.messages.map((line) => `${line}\n`).join(''));
  if (result.conflicts.size > 0 || options.noCommit) {
    if (!options.noCommit) await repo.writeGitFile('CHERRY_PICK_HEAD', `${oid}\n`);
    await repo.writeGitFile('MERGE_MSG', result.conflicts.size > 0 ? `${message}\n# Conflicts:\n${[...result.conflicts.keys()].map((p) => `#\t${p}\n`).join('')}` : message);
    if (result.conflicts.size === 0) return 0;
    run.err(`error: could not apply ${abbrev}... ${subject}\n`);
    run.hint('After resolving the conflicts, mark them with\n"git add/rm <pathspec>", then run\n"git cherry-pick --continue".\nYou can instead skip this commit with "git cherry-pick --skip".\nTo abort and get back to the state before "git cherry-pick",\nrun "git cherry-pick --abort".');
    return 1;
  }
  const tree = await repo.writeTree(result.files);
  if (tree === (await repo.objects.commit(head.oid)).tree) {
    await repo.writeGitFile('CHERRY_PICK_HEAD', `${oid}\n`);
    await repo.writeGitFile('MERGE_MSG', message);
    return emptyPick(run, repo);
  }
  await writeCommit(run, repo, {tree, parents: [head.oid], message, author: picked.author, showAuthorDate: true, reflog: 'cherry-pick'});
  await clearMergeState(repo);
  return 0;
}
