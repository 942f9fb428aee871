/**
 * Moving the index and the working tree from one tree to another, as git's unpack-trees
 * `twoway_merge` does for `git switch`, a fast-forward and the end of a merge: local changes the
 * move does not touch are carried along; a change the move would overwrite, or an untracked file
 * in its way, stops it before anything is written, with git's messages.
 */
import {exit} from './errors.js';
import {bareEntry, statFields} from './index-file.js';
import {compareBytes} from './objects.js';
import {dirname, join} from './path.js';

/** @typedef {import('./repo.js').FlatEntry} FlatEntry */
/** @typedef {import('./index-file.js').IndexEntry} IndexEntry */

/** @param {{mode: string | number, oid: string} | undefined} a @param {{mode: string | number, oid: string} | undefined} b */
export function sameEntry(a, b) {
  if (!a || !b) return a === b;
  const mode = (/** @type {string | number} */ m) => (typeof m === 'number' ? m.toString(8) : m);
  return a.oid === b.oid && mode(a.mode) === mode(b.mode);
}

/** git's error kinds, in the order it reports them (unpack-trees.h). */
const ERRORS = ['overwrite', 'notUptodate', 'notUptodateDir', 'cwd', 'untrackedOverwritten', 'untrackedRemoved'];

/**
 * The messages of setup_unpack_trees_porcelain for `cmd`.
 * @param {'checkout' | 'merge' | string} cmd
 */
function messages(cmd) {
  const by = cmd === 'checkout' ? 'checkout' : cmd;
  const before = cmd === 'checkout' ? 'switch branches' : cmd;
  const local = `Your local changes to the following files would be overwritten by ${by}:\n%sPlease commit your changes or stash them before you ${before}.`;
  return /** @type {Record<string, string>} */ ({
    overwrite: local,
    notUptodate: local,
    notUptodateDir: 'Updating the following directories would lose untracked files in them:\n%s',
    cwd: 'Refusing to remove the current working directory:\n%s',
    untrackedOverwritten: `The following untracked working tree files would be overwritten by ${by}:\n%sPlease move or remove them before you ${before}.`,
    untrackedRemoved: `The following untracked working tree files would be removed by ${by}:\n%sPlease move or remove them before you ${before}.`,
  });
}

/**
 * @typedef {object} TreeMove
 * @property {'checkout' | 'merge' | string} cmd  names the operation in error messages
 * @property {boolean} [reset]  discard local changes (`--force`, `reset --hard`)
 * @property {Map<string, IndexEntry[]>} [conflicts]  index stages to write for conflicted paths (a merge that stopped)
 */

/**
 * Moves index and working tree from `oldTree` (HEAD's files) to `newTree`, or throws git's
 * errors (exit 1) having changed nothing. Returns the paths it wrote or removed.
 * @param {import('./repo.js').Repository} repo
 * @param {Map<string, FlatEntry>} oldTree
 * @param {Map<string, FlatEntry>} newTree
 * @param {TreeMove} move
 */
export async function moveTrees(repo, oldTree, newTree, move) {
  const index = await repo.index();
  const ignore = await repo.ignoreRules();
  /** @type {Record<string, string[]>} */
  const rejected = {};
  const reject = (/** @type {string} */ kind, /** @type {string} */ path) => (rejected[kind] ??= []).push(path);
  /** @type {{path: string, entry: FlatEntry | undefined, write: boolean}[]} */
  const actions = [];

  /** The working-tree file matches the index entry (or is absent). @param {IndexEntry} entry */
  const upToDate = async (entry) => {
    if (move.reset) return true;
    const file = await repo.workFile(entry.path);
    if (!file) return !(await repo.files.isDirectory(repo.abs(entry.path)));
    return sameEntry(file, entry);
  };
  /** No untracked file is in the way of `path` (ignored files are expendable). @param {string} path */
  const absent = async (path) => {
    if (move.reset) return true;
    const stats = await repo.files.lstat(repo.abs(path));
    if (!stats) return true;
    if (index.byPath.has(path)) return true;
    return ignore.isIgnored(path, stats.isDirectory());
  };

  const paths = new Set([...oldTree.keys(), ...newTree.keys(), ...index.paths()]);
  for (const path of [...paths].sort(compareBytes)) {
    const current = index.get(path);
    const conflicted = index.isConflicted(path);
    const older = oldTree.get(path);
    const newer = newTree.get(path);
    if (move.reset) {
      // --force / reset --hard: index and files become the new tree, local changes or not.
      if (newer) {
        const file = await repo.workFile(path);
        if (conflicted || !sameEntry(current, newer) || !file || !sameEntry(file, newer)) actions.push({path, entry: newer, write: true});
      } else if (current || conflicted) actions.push({path, entry: undefined, write: true});
      continue;
    }
    if (conflicted) {
      if (sameEntry(older, newer) || move.reset) actions.push({path, entry: newer, write: true});
      else reject('overwrite', path);
      continue;
    }
    if (current) {
      if ((!older && !newer) || (!older && newer && sameEntry(current, newer)) || (older && newer && sameEntry(older, newer)) || (older && newer && sameEntry(current, newer))) {
        continue; // keep: the move does not touch it, or the index already has the result
      }
      if (older && !newer && sameEntry(current, older)) {
        if (await upToDate(current)) actions.push({path, entry: undefined, write: true});
        else reject('notUptodate', path);
        continue;
      }
      if (older && newer && sameEntry(current, older)) {
        if (await upToDate(current)) actions.push({path, entry: newer, write: true});
        else reject('notUptodate', path);
        continue;
      }
      if (move.reset) {
        actions.push({path, entry: newer, write: true});
        continue;
      }
      reject('overwrite', path);
      continue;
    }
    if (newer) {
      if (older && !move.reset) {
        // The deletion of the path is staged.
        if (!sameEntry(older, newer)) reject('overwrite', path);
        continue;
      }
      if (await absent(path)) actions.push({path, entry: newer, write: true});
      else reject('untrackedOverwritten', path);
      continue;
    }
    // In the old tree only, not in the index: a staged deletion, the path stays deleted.
    if (!(await absent(path))) reject('untrackedRemoved', path);
  }

  const kinds = ERRORS.filter((kind) => rejected[kind]);
  if (kinds.length > 0) {
    const text = messages(move.cmd);
    let out = '';
    for (const kind of kinds) {
      const list = /** @type {string[]} */ (rejected[kind]).map((path) => `\t${path}\n`).join('');
      out += `error: ${/** @type {string} */ (text[kind]).replace('%s', list)}\n`;
    }
    exit(1, `${out}Aborting\n`);
  }

  for (const action of actions) {
    if (!action.entry) {
      index.remove(action.path);
      if (await repo.files.unlink(repo.abs(action.path))) await repo.files.pruneEmptyDirs(dirname(repo.abs(action.path)), repo.worktree);
      continue;
    }
    index.set(await writeWorkFile(repo, action.path, action.entry));
  }
  for (const [path, stages] of move.conflicts ?? []) index.setConflict(path, stages);
  await repo.writeIndex(index);
  return actions.map((action) => action.path);
}

/**
 * Writes a blob to the working tree (a file, an executable, a symlink) and returns its index entry.
 * @param {import('./repo.js').Repository} repo @param {string} path @param {FlatEntry} entry
 * @param {Uint8Array} [content] the bytes to write when they are not the blob's (conflict markers)
 * @returns {Promise<IndexEntry>}
 */
export async function writeWorkFile(repo, path, entry, content) {
  const absolute = repo.abs(path);
  const bytes = content ?? (await repo.objects.blob(entry.oid));
  // A folder (or a file) in the way of the new path goes first, as git removes it.
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = join(repo.worktree, parts.slice(0, i).join('/'));
    const stats = await repo.files.lstat(dir);
    if (stats && !stats.isDirectory()) await repo.files.unlink(dir);
  }
  const existing = await repo.files.lstat(absolute);
  if (existing?.isDirectory()) await repo.files.removeTree(absolute);
  else if (existing) await repo.files.unlink(absolute);
  if (entry.mode === '120000' && repo.files.p.symlink) {
    await repo.files.mkdirp(dirname(absolute));
    await repo.files.p.symlink(new TextDecoder().decode(bytes), absolute);
  } else {
    await repo.files.write(absolute, bytes, entry.mode === '100755' ? {mode: 0o755} : {});
  }
  const stats = await repo.files.lstat(absolute);
  const base = bareEntry(path, parseInt(entry.mode, 8), entry.oid);
  return stats ? {...base, ...statFields(stats)} : base;
}
