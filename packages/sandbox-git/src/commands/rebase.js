/**
 * `git rebase <upstream> [<branch>]`, `--continue`, `--skip`, `--abort`, `--quit`: the branch's
 * commits replayed one by one on the upstream, as git's default (merge) backend does: commits the
 * upstream already has are dropped, a conflict stops the rebase with git's state in
 * `.git/rebase-merge` (so `git status` explains it), and the branch moves when all are applied.
 * Not interactive (`-i` is refused): the sandbox has no editor.
 */
import {exit, fatal} from '../errors.js';
import {mergeBases} from '../ancestry.js';
import {moveTrees} from '../checkout.js';
import {subjectOf} from '../message.js';
import {parseOptions, usageError} from '../options.js';
import {Repository} from '../repo.js';
import {resolveRevision} from '../revision.js';
import {mergeTrees} from '../merge-trees.js';
import {diffFiles} from '../treediff.js';
import {walkLog} from '../log/walk.js';
import {clearMergeState, writeCommit} from './commit.js';
import {readRebaseState, stateDir} from '../rebase-state.js';

/** @typedef {import('../rebase-state.js').RebaseState} RebaseState */

/** @type {import('../options.js').CommandSpec} */
export const spec = {
  command: 'rebase',
  usage: ['git rebase [-i] [options] [--exec <cmd>] [--onto <newbase> | --keep-base] [<upstream> [<branch>]]', 'git rebase [-i] [options] [--exec <cmd>] [--onto <newbase>] --root [<branch>]', 'git rebase --continue | --abort | --skip | --edit-todo'],
  options: [
    {name: 'continue', long: 'continue', type: 'bool'},
    {name: 'abort', long: 'abort', type: 'bool'},
    {name: 'skip', long: 'skip', type: 'bool'},
    {name: 'quit', long: 'quit', type: 'bool'},
    {name: 'quiet', short: 'q', long: 'quiet', type: 'bool'},
    {name: 'interactive', short: 'i', long: 'interactive', type: 'bool'},
  ],
};

/** @param {Repository} repo @param {RebaseState} state */
async function writeState(repo, state) {
  const dir = stateDir(repo);
  const write = (/** @type {string} */ name, /** @type {string} */ text) => repo.files.write(`${dir}/${name}`, text);
  await write('head-name', `${state.headName}\n`);
  await write('onto', `${state.onto}\n`);
  await write('orig-head', `${state.origHead}\n`);
  await write('interactive', '');
  await write('git-rebase-todo', state.todo.map((line) => `${line}\n`).join(''));
  await write('done', state.done.map((line) => `${line}\n`).join(''));
  await write('msgnum', `${state.done.length}\n`);
  await write('end', `${state.total}\n`);
}

/** The rebase's label for a branch in messages: `x` for `refs/heads/x`. @param {string} headName */
const shortName = (headName) => headName.replace(/^refs\/heads\//, '');

/** @param {import('../command.js').Invocation} run @param {string[]} argv */
export async function run(run, argv) {
  const {options, args} = parseOptions(spec, argv);
  const repo = await run.repo();
  const state = await readRebaseState(repo);
  if (options.interactive) fatal("the sandbox's git has no editor for an interactive rebase: use git rebase <upstream>, or real git with the project's zip");
  if (options.abort || options.continue || options.skip || options.quit) {
    if (!state) fatal('No rebase in progress?');
    if (options.quit) {
      await repo.files.removeTree(stateDir(repo));
      return 0;
    }
    if (options.abort) return abort(repo, state);
    if (options.skip) {
      // Throw away the stopped pick, and go on with the rest.
      const head = await repo.refs.head();
      await moveTrees(repo, await repo.commitFiles(head.oid), await repo.commitFiles(head.oid), {cmd: 'rebase', reset: true});
      await clearMergeState(repo);
      return pickAll(run, repo, state, options.quiet === true);
    }
    return continueRebase(run, repo, state, options.quiet === true);
  }

  if (state) {
    fatal(
      `It seems that there is already a rebase-merge directory, and\nI wonder if you are in the middle of another rebase.  If that is the\ncase, please try\n\tgit rebase (--continue | --abort | --skip)\nIf that is not the case, please\n\trm -fr "${shownStateDir(repo)}"\nand run me again.  I am stopping in case you still have something\nvaluable there.\n`,
    );
  }
  if (args.length === 0) {
    // No remotes here, so no branch has an upstream: git's advice, on stdout as git prints it.
    const current = (await repo.refs.head()).branch?.replace(/^refs\/heads\//, '');
    run.out(
      `${current ? 'There is no tracking information for the current branch.' : 'You are not currently on a branch.'}\n` +
        `Please specify which branch you want to rebase against.\nSee git-rebase(1) for details.\n\n    git rebase '<branch>'\n\n` +
        (current ? `If you wish to set tracking information for this branch you can do so with:\n\n    git branch --set-upstream-to=<remote>/<branch> ${current}\n\n` : ''),
    );
    exit(1);
  }
  if (args.length > 2) usageError(spec, '');
  const upstreamName = /** @type {string} */ (args[0]);
  const upstreamOid = await resolveRevision(repo, upstreamName);
  const onto = upstreamOid === undefined ? undefined : await repo.objects.peelToCommit(upstreamOid);
  if (onto === undefined) fatal(`invalid upstream '${upstreamName}'`);
  if (args[1] !== undefined) {
    // `git rebase <upstream> <branch>` switches to the branch first.
    const {run: switchRun} = await import('./switch.js');
    const code = await switchRun(run, ['-q', /** @type {string} */ (args[1])]);
    if (code) return code;
  }
  await refuseDirty(repo);
  const head = await repo.refs.head();
  if (head.oid === undefined) fatal('You do not have a valid HEAD.');
  const headName = head.branch ?? 'detached HEAD';

  const bases = await mergeBases(repo.objects, head.oid, onto);
  if (bases.includes(onto) && bases.length === 1) {
    run.out(`Current branch ${head.branch ? shortName(head.branch) : 'HEAD'} is up to date.\n`);
    return 0;
  }
  const picks = await commitsToPick(repo, onto, head.oid);
  await repo.writeGitFile('ORIG_HEAD', `${head.oid}\n`);
  // Detach on the upstream, then apply each commit.
  await moveTrees(repo, await repo.commitFiles(head.oid), await repo.commitFiles(onto), {cmd: 'rebase'});
  await repo.refs.setHead({oid: onto}, `rebase (start): checkout ${upstreamName}`);
  /** @type {RebaseState} */
  const fresh = {
    headName,
    onto,
    origHead: head.oid,
    todo: await Promise.all(picks.map(async (c) => `pick ${c.oid} ${subjectOf(c.message)}`)),
    done: [],
    total: picks.length,
  };
  await writeState(repo, fresh);
  return pickAll(run, repo, fresh, options.quiet === true);
}

/**
 * The branch's commits the upstream lacks, oldest first, no merges, none whose change the upstream
 * already has (git drops those, as its patch ids match).
 * @param {Repository} repo @param {string} onto @param {string} head
 */
async function commitsToPick(repo, onto, head) {
  const readCommit = (/** @type {string} */ oid) => repo.objects.commit(oid);
  const mine = (await walkLog({tips: [head, {oid: onto, uninteresting: true}], readCommit, topoOrder: true, reverse: true})).map((e) => e.commit).filter((c) => c.parents.length <= 1);
  const theirs = (await walkLog({tips: [onto, {oid: head, uninteresting: true}], readCommit})).map((e) => e.commit).filter((c) => c.parents.length <= 1);
  const change = async (/** @type {import('../types.js').CommitInfo} */ c) =>
    JSON.stringify(diffFiles(await repo.commitFiles(c.parents[0]), await repo.flattenTree(c.tree)).map((d) => [d.path, d.old?.oid, d.new?.oid, d.new?.mode]));
  const upstreamChanges = new Set(await Promise.all(theirs.map(change)));
  /** @type {import('../types.js').CommitInfo[]} */
  const picks = [];
  for (const commit of mine) if (!upstreamChanges.has(await change(commit))) picks.push(commit);
  return picks;
}

/** git's refusal to rebase with local changes. @param {Repository} repo */
async function refuseDirty(repo) {
  const head = await repo.refs.head();
  const index = await repo.index();
  const staged = diffFiles(await repo.commitFiles(head.oid), Repository.indexFiles(index)).length > 0 || index.conflictedPaths().length > 0;
  let unstaged = false;
  for (const path of index.paths()) {
    const entry = index.get(path);
    const file = await repo.workFile(path);
    if (!entry || !file || file.oid !== entry.oid) unstaged = true;
  }
  if (unstaged) exit(1, `error: cannot rebase: You have unstaged changes.\n${staged ? 'error: additionally, your index contains uncommitted changes.\n' : ''}error: Please commit or stash them.\n`);
  if (staged) exit(1, 'error: cannot rebase: Your index contains uncommitted changes.\nerror: Please commit or stash them.\n');
}

/**
 * Applies the remaining picks; stops on a conflict (exit 1) or finishes the rebase.
 * @param {import('../command.js').Invocation} run @param {Repository} repo @param {RebaseState} state @param {boolean} quiet
 */
async function pickAll(run, repo, state, quiet) {
  while (state.todo.length > 0) {
    const line = /** @type {string} */ (state.todo.shift());
    state.done.push(line);
    await writeState(repo, state);
    const oid = /** @type {string} */ (line.split(' ')[1]);
    if (!quiet) run.err(`Rebasing (${state.done.length}/${state.total})\r`);
    const picked = await repo.objects.commit(oid);
    const head = await repo.refs.head();
    const headFiles = await repo.commitFiles(head.oid);
    const abbrev = await repo.objects.abbrev(oid);
    const subject = subjectOf(picked.message);
    const result = await mergeTrees(repo, await repo.commitFiles(picked.parents[0]), headFiles, await repo.commitFiles(oid), {ours: 'HEAD', theirs: `${abbrev} (${subject})`});
    await moveTrees(repo, headFiles, result.files, {cmd: 'rebase', conflicts: result.conflicts});
    run.out(result.messages.map((m) => `${m}\n`).join(''));
    if (result.conflicts.size > 0) {
      await repo.files.write(`${stateDir(repo)}/stopped-sha`, `${oid}\n`);
      await repo.files.write(`${stateDir(repo)}/message`, picked.message);
      await repo.writeGitFile('MERGE_MSG', `${picked.message}\n# Conflicts:\n${[...result.conflicts.keys()].map((p) => `#\t${p}\n`).join('')}`);
      run.err(`error: could not apply ${abbrev}... ${subject}\n`);
      run.hint('Resolve all conflicts manually, mark them as resolved with\n"git add/rm <conflicted_files>", then run "git rebase --continue".\nYou can instead skip this commit: run "git rebase --skip".\nTo abort and get back to the state before "git rebase", run "git rebase --abort".');
      exit(1, `Could not apply ${abbrev}... ${subject}\n`);
    }
    const tree = await repo.writeTree(result.files);
    // A pick that changes nothing any more is dropped, as git drops it.
    if (head.oid && tree === (await repo.objects.commit(head.oid)).tree) continue;
    await writeCommit(run, repo, {tree, parents: head.oid ? [head.oid] : [], message: picked.message, author: picked.author, summary: false, reflog: `rebase (pick): ${subject}`});
  }
  return finish(run, repo, state, quiet);
}

/**
 * `--continue`: commits the resolved pick (with its author and message), then goes on.
 * @param {import('../command.js').Invocation} run @param {Repository} repo @param {RebaseState} state @param {boolean} quiet
 */
async function continueRebase(run, repo, state, quiet) {
  const index = await repo.index();
  if (index.conflictedPaths().length > 0) {
    // git prints both on stdout (refresh_index's "needs merge", then puts()).
    run.out(`${index.conflictedPaths().map((p) => `${p}: needs merge\n`).join('')}You must edit all merge conflicts and then\nmark them as resolved using git add\n`);
    exit(1);
  }
  const stopped = (await repo.files.readText(`${stateDir(repo)}/stopped-sha`))?.trim();
  const head = await repo.refs.head();
  const tree = await repo.writeTree(Repository.indexFiles(index));
  if (stopped && head.oid && tree !== (await repo.objects.commit(head.oid)).tree) {
    const picked = await repo.objects.commit(stopped);
    await writeCommit(run, repo, {tree, parents: [head.oid], message: picked.message, author: picked.author, reflog: `rebase (continue): ${subjectOf(picked.message)}`});
  }
  await repo.files.unlink(`${stateDir(repo)}/stopped-sha`);
  await clearMergeState(repo);
  return pickAll(run, repo, state, quiet);
}

/** @param {import('../command.js').Invocation} run @param {Repository} repo @param {RebaseState} state @param {boolean} quiet */
async function finish(run, repo, state, quiet) {
  const head = await repo.refs.head();
  const tip = /** @type {string} */ (head.oid);
  if (state.headName.startsWith('refs/heads/')) {
    await repo.refs.update(state.headName, tip, `rebase (finish): ${state.headName} onto ${state.onto}`);
    await repo.refs.setHead({branch: state.headName}, `rebase (finish): returning to ${state.headName}`);
  }
  await repo.files.removeTree(stateDir(repo));
  await clearMergeState(repo);
  if (!quiet) run.err(`${clearLine(run.ctx.env)}Successfully rebased and updated ${state.headName}.\n`);
  return 0;
}

/** `--abort`: the branch and the files as they were before the rebase. @param {Repository} repo @param {RebaseState} state */
async function abort(repo, state) {
  const head = await repo.refs.head();
  await moveTrees(repo, await repo.commitFiles(head.oid), await repo.commitFiles(state.origHead), {cmd: 'rebase', reset: true});
  if (state.headName.startsWith('refs/heads/')) {
    await repo.refs.setHead({branch: state.headName}, `rebase (abort): returning to ${state.headName}`);
  } else {
    await repo.refs.setHead({oid: state.origHead}, 'rebase (abort): returning to detached HEAD');
  }
  await repo.files.removeTree(stateDir(repo));
  await clearMergeState(repo);
  return 0;
}

/** git's term_clear_line: an escape sequence, or a line of spaces on a dumb terminal. @param {Record<string, string | undefined>} env */
function clearLine(env) {
  if (!env.TERM || env.TERM === 'dumb') return `\r${' '.repeat(Number(env.COLUMNS) || 80)}\r`;
  return '\r\x1b[K';
}

/**
 * The state directory as git names it: git works from the top of the worktree, so the main
 * worktree's is `.git/rebase-merge`; a linked worktree's git dir is absolute, and so is its name.
 * @param {Repository} repo
 */
function shownStateDir(repo) {
  return repo.gitdir === `${repo.worktree}/.git` ? '.git/rebase-merge' : stateDir(repo);
}
