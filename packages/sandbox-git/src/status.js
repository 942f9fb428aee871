/**
 * What `git status` knows: HEAD against the index (staged), the index against the working tree
 * (unstaged), conflicts, and untracked files; and its two layouts, long and `--short`, in git's
 * words (wt-status.c).
 */
import {compareBytes} from './objects.js';
import {relative} from './path.js';
import {readRebaseState, stateDir} from './rebase-state.js';

/**
 * @typedef {object} PathStatus
 * @property {string} path
 * @property {'A' | 'M' | 'D' | 'T' | undefined} staged    HEAD -> index
 * @property {'M' | 'D' | 'T' | undefined} unstaged         index -> working tree
 * @property {number} stagemask  conflict stages present (1 base, 2 ours, 4 theirs); 0 when none
 */

/**
 * @typedef {object} StatusReport
 * @property {string | undefined} branch   short name, undefined when detached
 * @property {string | undefined} head     HEAD's commit (undefined on an unborn branch)
 * @property {string | undefined} detachedAt  abbreviated commit a detached HEAD is at
 * @property {PathStatus[]} changes   tracked paths with a change, in path order
 * @property {string[]} untracked     untracked files, or `dir/` for a folder of them
 * @property {boolean} merging        MERGE_HEAD exists
 * @property {string | undefined} cherryPicking  the abbreviated commit being picked
 * @property {{branch: string | undefined, onto: string, done: string[], todo: string[], mergeMsg: boolean, doneFile: string} | undefined} rebase
 *   a rebase in progress: the branch, the abbreviated onto, its todo lines with abbreviated ids
 */

/** @param {import('./objects.js').TreeEntry['mode']} mode */
const kind = (mode) => (mode === '120000' ? 'link' : mode === '160000' ? 'gitlink' : 'file');

/**
 * @param {import('./repo.js').Repository} repo
 * @returns {Promise<StatusReport>}
 */
export async function collectStatus(repo) {
  const head = await repo.refs.head();
  const index = await repo.index();
  const headFiles = await repo.commitFiles(head.oid);
  /** @type {Map<string, PathStatus>} */
  const changes = new Map();
  const change = (/** @type {string} */ path) => {
    let entry = changes.get(path);
    if (!entry) {
      entry = {path, staged: undefined, unstaged: undefined, stagemask: 0};
      changes.set(path, entry);
    }
    return entry;
  };

  // Staged: HEAD's tree against the index's stage 0.
  for (const path of index.paths()) {
    if (index.isConflicted(path)) {
      change(path).stagemask = /** @type {import('./index-file.js').IndexEntry[]} */ (index.byPath.get(path)).reduce((mask, e) => mask | (1 << (e.stage - 1)), 0);
      continue;
    }
    const entry = /** @type {import('./index-file.js').IndexEntry} */ (index.get(path));
    const before = headFiles.get(path);
    const mode = entry.mode.toString(8);
    if (!before) change(path).staged = 'A';
    else if (kind(before.mode) !== kind(mode)) change(path).staged = 'T';
    else if (before.oid !== entry.oid || before.mode !== mode) change(path).staged = 'M';
  }
  for (const path of headFiles.keys()) {
    if (!index.byPath.has(path)) change(path).staged = 'D';
  }

  // Unstaged: the index against the files on disk.
  for (const path of index.paths()) {
    if (index.isConflicted(path)) continue;
    const entry = /** @type {import('./index-file.js').IndexEntry} */ (index.get(path));
    const file = await repo.workFile(path);
    const mode = entry.mode.toString(8);
    if (!file) change(path).unstaged = 'D';
    else if (kind(file.mode) !== kind(mode)) change(path).unstaged = 'T';
    else if (file.oid !== entry.oid || (repo.config.getBool('core.filemode', true) && file.mode !== mode)) change(path).unstaged = 'M';
  }

  // Untracked: files git sees that the index does not know; a folder with no tracked file shows as `dir/`.
  const {files, trackedDirs} = await repo.scanWorktree(index);
  /** @type {Set<string>} */
  const untracked = new Set();
  for (const file of files) {
    if (index.byPath.has(file)) continue;
    const parts = file.replace(/\/$/, '').split('/');
    let shown = file;
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!trackedDirs.has(dir)) {
        shown = `${dir}/`;
        break;
      }
    }
    untracked.add(shown);
  }

  const merging = (await repo.readGitFile('MERGE_HEAD')) !== undefined;
  const pick = (await repo.readGitFile('CHERRY_PICK_HEAD'))?.trim();
  const rebaseState = await readRebaseState(repo);
  /** wt-status.c abbrev_oid_in_line: `pick <oid> <subject>` with the id abbreviated. @param {string} line */
  const abbrevLine = async (line) => {
    const [command, oid, ...rest] = line.split(' ');
    return /^[0-9a-f]{40}$/.test(oid ?? '') ? [command, await repo.objects.abbrev(/** @type {string} */ (oid)), ...rest].join(' ') : line;
  };
  const rebase = rebaseState && {
    branch: rebaseState.headName.startsWith('refs/heads/') ? rebaseState.headName.slice('refs/heads/'.length) : undefined,
    onto: await repo.objects.abbrev(rebaseState.onto),
    done: await Promise.all(rebaseState.done.map(abbrevLine)),
    todo: await Promise.all(rebaseState.todo.map(abbrevLine)),
    mergeMsg: (await repo.readGitFile('MERGE_MSG')) !== undefined,
    doneFile: `${stateDir(repo)}/done`,
  };
  return {
    branch: head.branch?.replace(/^refs\/heads\//, ''),
    head: head.oid,
    detachedAt: head.branch === undefined && head.oid ? await repo.objects.abbrev(head.oid) : undefined,
    changes: [...changes.values()].filter((c) => c.staged || c.unstaged || c.stagemask).sort((a, b) => compareBytes(a.path, b.path)),
    untracked: [...untracked].sort(compareBytes),
    merging,
    cherryPicking: pick ? await repo.objects.abbrev(pick) : undefined,
    rebase,
  };
}

/**
 * A path as status prints it: relative to where the command runs, C-quoted when git would quote it.
 * @param {string} path @param {string} prefix the cwd as a repo path prefix ('' or `src/`)
 */
export function displayPath(path, prefix) {
  if (prefix === '') return quotePath(path);
  const rel = relative(`/${prefix}`, `/${path}`);
  // The folder you are in is `./` (quote_path's relative form).
  return quotePath(path.endsWith('/') ? `${rel === '' ? '.' : rel}/` : rel);
}

/** git's quote_c_style with core.quotePath: control, `"`, `\` and non-ASCII bytes escaped. @param {string} path */
export function quotePath(path) {
  const bytes = new TextEncoder().encode(path);
  let needs = false;
  let out = '';
  const named = /** @type {Record<number, string>} */ ({7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\'});
  for (const byte of bytes) {
    if (named[byte]) {
      needs = true;
      out += named[byte];
    } else if (byte < 0x20 || byte >= 0x7f) {
      needs = true;
      out += `\\${byte.toString(8).padStart(3, '0')}`;
    } else out += String.fromCharCode(byte);
  }
  return needs ? `"${out}"` : path;
}

const STAGED_LABEL = {A: 'new file:', M: 'modified:', D: 'deleted:', T: 'typechange:'};
const UNMERGED_LABEL = /** @type {Record<number, string>} */ ({1: 'both deleted:', 2: 'added by us:', 3: 'deleted by them:', 4: 'added by them:', 5: 'deleted by us:', 6: 'both added:', 7: 'both modified:'});
const UNMERGED_SHORT = /** @type {Record<number, string>} */ ({1: 'DD', 2: 'AU', 3: 'UD', 4: 'UA', 5: 'DU', 6: 'AA', 7: 'UU'});

/** `git status --short` (`--porcelain` uses the same lines, paths from the top). @param {StatusReport} report @param {string} prefix */
export function formatShort(report, prefix) {
  let out = '';
  for (const c of report.changes) {
    const code = c.stagemask ? /** @type {string} */ (UNMERGED_SHORT[c.stagemask]) : `${c.staged ?? ' '}${c.unstaged ?? ' '}`;
    out += `${code} ${displayPath(c.path, prefix)}\n`;
  }
  for (const path of report.untracked) out += `?? ${displayPath(path, prefix)}\n`;
  return out;
}

/**
 * `git status` (long); `fromCommit` as `git commit` prints it when there is nothing to commit
 * ("Initial commit" instead of "No commits yet").
 * @param {StatusReport} report @param {string} prefix @param {{fromCommit?: boolean}} [options]
 */
export function formatLong(report, prefix, options = {}) {
  /** @type {string[]} */
  const lines = [];
  const unmerged = report.changes.filter((c) => c.stagemask);
  if (report.rebase) lines.push(`interactive rebase in progress; onto ${report.rebase.onto}`);
  else if (report.branch !== undefined) lines.push(`On branch ${report.branch}`);
  else lines.push(report.detachedAt ? `HEAD detached at ${report.detachedAt}` : 'Not currently on any branch.');
  if (report.rebase) {
    // wt-status.c show_rebase_information and show_rebase_in_progress.
    const {done, todo} = report.rebase;
    if (done.length === 0) lines.push('No commands done.');
    else {
      lines.push(done.length === 1 ? 'Last command done (1 command done):' : `Last commands done (${done.length} commands done):`);
      for (const line of done.slice(-2)) lines.push(`   ${line}`);
      if (done.length > 2) lines.push(`  (see more in file ${report.rebase.doneFile})`);
    }
    if (todo.length === 0) lines.push('No commands remaining.');
    else {
      lines.push(todo.length === 1 ? 'Next command to do (1 remaining command):' : `Next commands to do (${todo.length} remaining commands):`);
      for (const line of todo.slice(0, 2)) lines.push(`   ${line}`);
      lines.push('  (use "git rebase --edit-todo" to view and edit)');
    }
    const where = report.rebase.branch !== undefined ? `You are currently rebasing branch '${report.rebase.branch}' on '${report.rebase.onto}'.` : 'You are currently rebasing.';
    if (unmerged.length > 0) {
      lines.push(where, '  (fix conflicts and then run "git rebase --continue")', '  (use "git rebase --skip" to skip this patch)', '  (use "git rebase --abort" to check out the original branch)');
    } else if (report.rebase.mergeMsg) {
      lines.push(where, '  (all conflicts fixed: run "git rebase --continue")');
    } else {
      lines.push(report.rebase.branch !== undefined ? `You are currently editing a commit while rebasing branch '${report.rebase.branch}' on '${report.rebase.onto}'.` : 'You are currently editing a commit during a rebase.');
      lines.push('  (use "git commit --amend" to amend the current commit)', '  (use "git rebase --continue" once you are satisfied with your changes)');
    }
    lines.push('');
  }
  if (report.merging) {
    if (unmerged.length > 0) {
      lines.push('You have unmerged paths.', '  (fix conflicts and run "git commit")', '  (use "git merge --abort" to abort the merge)', '');
    } else {
      lines.push('All conflicts fixed but you are still merging.', '  (use "git commit" to conclude merge)', '');
    }
  } else if (report.cherryPicking) {
    lines.push(`You are currently cherry-picking commit ${report.cherryPicking}.`);
    lines.push(unmerged.length > 0 ? '  (fix conflicts and run "git cherry-pick --continue")' : '  (all conflicts fixed: run "git cherry-pick --continue")');
    lines.push('  (use "git cherry-pick --skip" to skip this patch)', '  (use "git cherry-pick --abort" to cancel the cherry-pick operation)', '');
  }
  const initial = report.head === undefined;
  if (initial) lines.push('', options.fromCommit ? 'Initial commit' : 'No commits yet', '');
  const pad = (/** @type {string} */ label, /** @type {number} */ width) => label.padEnd(width, ' ');
  // wt-status.c: no unstage hint while a merge or a cherry-pick is in progress (whence != FROM_COMMIT).
  const inOperation = report.merging || report.cherryPicking !== undefined;
  const unstageHint = inOperation ? [] : [initial ? '  (use "git rm --cached <file>..." to unstage)' : '  (use "git restore --staged <file>..." to unstage)'];

  const staged = report.changes.filter((c) => c.staged && !c.stagemask);
  if (staged.length > 0) {
    lines.push('Changes to be committed:', ...unstageHint);
    for (const c of staged) lines.push(`\t${pad(STAGED_LABEL[/** @type {'A'} */ (c.staged)], 12)}${displayPath(c.path, prefix)}`);
    lines.push('');
  }
  if (unmerged.length > 0) {
    lines.push('Unmerged paths:', ...unstageHint);
    const masks = unmerged.map((c) => c.stagemask);
    const bothDeleted = masks.includes(1);
    const delMod = masks.some((m) => m === 3 || m === 5);
    const notDeleted = masks.some((m) => m !== 1 && m !== 3 && m !== 5);
    if (!bothDeleted) lines.push(delMod ? '  (use "git add/rm <file>..." as appropriate to mark resolution)' : '  (use "git add <file>..." to mark resolution)');
    else if (!delMod && !notDeleted) lines.push('  (use "git rm <file>..." to mark resolution)');
    else lines.push('  (use "git add/rm <file>..." as appropriate to mark resolution)');
    for (const c of unmerged) lines.push(`\t${pad(/** @type {string} */ (UNMERGED_LABEL[c.stagemask]), 17)}${displayPath(c.path, prefix)}`);
    lines.push('');
  }
  const unstaged = report.changes.filter((c) => c.unstaged && !c.stagemask);
  if (unstaged.length > 0) {
    const deleted = unstaged.some((c) => c.unstaged === 'D');
    lines.push('Changes not staged for commit:');
    lines.push(deleted ? '  (use "git add/rm <file>..." to update what will be committed)' : '  (use "git add <file>..." to update what will be committed)');
    lines.push('  (use "git restore <file>..." to discard changes in working directory)');
    for (const c of unstaged) lines.push(`\t${pad(STAGED_LABEL[/** @type {'M'} */ (c.unstaged)], 12)}${displayPath(c.path, prefix)}`);
    lines.push('');
  }
  if (report.untracked.length > 0) {
    lines.push('Untracked files:', '  (use "git add <file>..." to include in what will be committed)');
    for (const path of report.untracked) lines.push(`\t${displayPath(path, prefix)}`);
    lines.push('');
  }
  const committable = staged.length > 0 || (report.merging && unmerged.length === 0);
  if (!committable) {
    // Unmerged paths count as changes in the working tree (workdir_dirty).
    if (unstaged.length > 0 || unmerged.length > 0) lines.push('no changes added to commit (use "git add" and/or "git commit -a")');
    else if (report.untracked.length > 0) lines.push('nothing added to commit but untracked files present (use "git add" to track)');
    else if (initial) lines.push('nothing to commit (create/copy files and use "git add" to track)');
    else lines.push('nothing to commit, working tree clean');
  }
  return `${lines.join('\n')}\n`;
}
