/**
 * A three-way merge of two commits' files against their merge base, as git's ort strategy does
 * when no file was renamed: per path, a side that did not change yields to the other; files both
 * sides changed are merged line by line (xdiff's zealous merge, histogram diff, as ort does); what
 * cannot be merged becomes a conflict with git's index stages, its markers and its messages
 * ("Auto-merging", "CONFLICT (content)", "CONFLICT (add/add)", "CONFLICT (modify/delete)").
 * Renames are not detected (git's ort would; see README).
 */
import {bareEntry} from './index-file.js';
import {compareBytes} from './objects.js';
import {mergeContents} from './diff/merge.js';

/** @typedef {import('./repo.js').FlatEntry} FlatEntry */
/** @typedef {import('./index-file.js').IndexEntry} IndexEntry */

/**
 * @typedef {object} TreeMergeResult
 * @property {Map<string, FlatEntry>} files  the merged files (a conflicted file with its marker content)
 * @property {Map<string, IndexEntry[]>} conflicts  index stages of each conflicted path
 * @property {string[]} messages  what ort prints, in path order
 */

const isFile = (/** @type {string} */ mode) => mode === '100644' || mode === '100755';

/**
 * @param {import('./repo.js').Repository} repo
 * @param {Map<string, FlatEntry>} base @param {Map<string, FlatEntry>} ours @param {Map<string, FlatEntry>} theirs
 * @param {{ours: string, theirs: string, base?: string}} labels  `HEAD` and the name typed, as ort writes them
 * @returns {Promise<TreeMergeResult>}
 */
export async function mergeTrees(repo, base, ours, theirs, labels) {
  /** @type {Map<string, FlatEntry>} */
  const files = new Map();
  /** @type {Map<string, IndexEntry[]>} */
  const conflicts = new Map();
  /** @type {[string, string][]} path, message */
  const messages = [];
  const same = (/** @type {FlatEntry | undefined} */ a, /** @type {FlatEntry | undefined} */ b) => (!a || !b ? a === b : a.oid === b.oid && a.mode === b.mode);
  const stages = (/** @type {string} */ path, /** @type {(FlatEntry | undefined)[]} */ sides) =>
    sides.flatMap((entry, i) => (entry ? [bareEntry(path, parseInt(entry.mode, 8), entry.oid, i + 1)] : []));
  const style = repo.config.get('merge.conflictstyle');

  for (const path of [...new Set([...base.keys(), ...ours.keys(), ...theirs.keys()])].sort(compareBytes)) {
    const o = base.get(path);
    const a = ours.get(path);
    const b = theirs.get(path);
    if (same(a, b)) {
      if (a) files.set(path, a);
      continue;
    }
    if (same(o, a)) {
      if (b) files.set(path, b);
      continue;
    }
    if (same(o, b)) {
      if (a) files.set(path, a);
      continue;
    }
    if (a && b) {
      // Both changed (or both added): the modes merge like ort's handle_content_merge, then the lines.
      let mode;
      let clean = true;
      if (a.mode === b.mode || (o && a.mode === o.mode)) mode = b.mode;
      else {
        mode = a.mode;
        clean = o !== undefined && b.mode === o.mode;
      }
      let oid;
      if (a.oid === b.oid || (o && a.oid === o.oid)) oid = b.oid;
      else if (o && b.oid === o.oid) oid = a.oid;
      else if (isFile(a.mode) && isFile(b.mode)) {
        const twoWay = !o || !isFile(o.mode);
        const merged = mergeContents(twoWay ? new Uint8Array() : await repo.objects.blob(/** @type {FlatEntry} */ (o).oid), await repo.objects.blob(a.oid), await repo.objects.blob(b.oid), {
          labels: {ours: labels.ours, theirs: labels.theirs, ...(labels.base ? {base: labels.base} : {})},
          ...(style === 'diff3' || style === 'zdiff3' ? {style} : {}),
        });
        oid = await repo.objects.put('blob', merged.result);
        messages.push([path, `Auto-merging ${path}`]);
        if (merged.conflicts > 0) {
          clean = false;
          messages.push([path, `CONFLICT (${o ? 'content' : 'add/add'}): Merge conflict in ${path}`]);
        }
      } else {
        // Symlinks or submodules changed on both sides: ours stays, and it conflicts.
        oid = a.oid;
        clean = false;
        messages.push([path, `CONFLICT (${o ? 'content' : 'add/add'}): Merge conflict in ${path}`]);
      }
      files.set(path, {mode, oid});
      if (!clean) conflicts.set(path, stages(path, [o, a, b]));
      continue;
    }
    // Changed on one side, deleted on the other.
    const kept = /** @type {FlatEntry} */ (a ?? b);
    const modifier = a ? labels.ours : labels.theirs;
    const deleter = a ? labels.theirs : labels.ours;
    files.set(path, kept);
    conflicts.set(path, stages(path, [o, a, b]));
    messages.push([path, `CONFLICT (modify/delete): ${path} deleted in ${deleter} and modified in ${modifier}.  Version ${modifier} of ${path} left in tree.`]);
  }
  return {files, conflicts, messages: messages.map(([, text]) => text)};
}
