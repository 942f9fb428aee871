/**
 * Differences between two sets of files (trees, the index, the working tree) and the diffstat
 * and summary lines `git commit`, `git merge` and `git show --stat` print for them. Renames are
 * detected when the content is identical (git's exact renames); git's similarity-based renames
 * are not (see README).
 */
import {compareBytes} from './objects.js';
import {formatShortStat, formatStat, formatSummary, statFile} from './diff/stat.js';

/** @typedef {import('./repo.js').FlatEntry} FlatEntry */

/**
 * @typedef {object} FileChange
 * @property {'A' | 'D' | 'M' | 'T' | 'R'} status
 * @property {string} path
 * @property {string} [fromPath]  for a rename
 * @property {FlatEntry | undefined} old
 * @property {FlatEntry | undefined} new
 */

const typeOf = (/** @type {string} */ mode) => (mode === '120000' ? 'l' : mode === '160000' ? 'g' : 'f');

/**
 * @param {Map<string, FlatEntry>} before @param {Map<string, FlatEntry>} after
 * @param {{renames?: boolean}} [options]
 * @returns {FileChange[]} in path order
 */
export function diffFiles(before, after, options = {}) {
  /** @type {FileChange[]} */
  let changes = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(path);
    const next = after.get(path);
    if (old && next) {
      if (old.oid === next.oid && old.mode === next.mode) continue;
      changes.push({status: typeOf(old.mode) === typeOf(next.mode) ? 'M' : 'T', path, old, new: next});
    } else if (old) changes.push({status: 'D', path, old, new: undefined});
    else changes.push({status: 'A', path, old: undefined, new: next});
  }
  if (options.renames) {
    // Exact renames: a deleted file whose blob an added file has (git pairs them first).
    const deleted = changes.filter((c) => c.status === 'D');
    for (const added of changes.filter((c) => c.status === 'A')) {
      const source = deleted.find((d) => d.old?.oid === added.new?.oid && !d.fromPath);
      if (!source) continue;
      source.fromPath = '(paired)';
      added.status = 'R';
      added.fromPath = source.path;
      added.old = source.old;
    }
    changes = changes.filter((c) => c.fromPath !== '(paired)');
  }
  return changes.sort((a, b) => compareBytes(a.path, b.path));
}

/**
 * The diffstat lines of `changes`, reading blobs from the repository (or with `read`, for
 * working-tree files that are not objects yet).
 * @param {import('./repo.js').Repository} repo @param {FileChange[]} changes
 * @param {(entry: FlatEntry) => Promise<Uint8Array>} [read]
 */
export async function statFiles(repo, changes, read = (entry) => repo.objects.blob(entry.oid)) {
  /** @type {import('./diff/stat.js').StatFile[]} */
  const files = [];
  for (const change of changes) {
    const side = async (/** @type {FlatEntry | undefined} */ entry, /** @type {string} */ path) =>
      entry ? {path, mode: entry.mode, content: entry.mode === '160000' ? `Subproject commit ${entry.oid}\n` : await read(entry)} : null;
    const stat = statFile(await side(change.old, change.fromPath ?? change.path), await side(change.new, change.path), change.fromPath ? {fromPath: change.fromPath} : {});
    if (stat) files.push(stat);
  }
  return files;
}

/** ` create mode 100644 p` and friends. @param {FileChange[]} changes */
export function summaryOf(changes) {
  return formatSummary(
    changes.map((c) => ({
      status: c.status,
      path: c.status === 'D' ? c.path : c.path,
      ...(c.fromPath ? {fromPath: c.fromPath, similarity: 100} : {}),
      ...(c.old ? {oldMode: c.old.mode} : {}),
      ...(c.new ? {newMode: c.new.mode} : {}),
    })),
  );
}

/**
 * `--stat` + `--summary` (merge), `--shortstat` + `--summary` (commit), or `--stat` alone (show, log).
 * @param {import('./repo.js').Repository} repo @param {FileChange[]} changes
 * @param {'stat' | 'shortstat'} kind @param {{summary?: boolean}} [options] summary: default true
 */
export async function diffstatText(repo, changes, kind, options = {}) {
  const files = await statFiles(repo, changes);
  const width = repo.ctx.isTTY ? Number(repo.ctx.env.COLUMNS ?? 80) : 80;
  const stat = kind === 'stat' ? formatStat(files, {width}) : formatShortStat(files);
  return stat + (options.summary === false ? '' : summaryOf(changes));
}
