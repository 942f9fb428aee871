/**
 * Three-way merge of file contents, a port of git 2.39's xdiff/xmerge.c xdl_merge as
 * ll-merge.c ll_xdl_merge calls it: the two diffs from the base, the merge of their changes
 * (identical changes are taken once), then at XDL_MERGE_ZEALOUS the refinement of each conflict
 * to the lines that really differ (xdl_refine_conflicts) and the folding of conflicts at most 3
 * lines apart (xdl_simplify_non_conflicts), and the output with conflict markers.
 *
 * The defaults are what `git merge` (merge-ort) does: ort hard-codes the histogram diff
 * (merge-ort.c: "Default to histogram diff. Actually, just hardcode it...for now.") with no indent
 * heuristic, at level XDL_MERGE_ZEALOUS. `git merge-file` differs: Myers, XDL_MERGE_ZEALOUS_ALNUM
 * (see MERGE_FILE_OPTIONS).
 */

import {binaryToBytes, isAlnum, isBinaryBinary, splitRecords, toBinary, utf8Binary} from './bytes.js';
import {diffRecords, recordKey} from './xdiff.js';

export const XDL_MERGE_MINIMAL = 0;
export const XDL_MERGE_EAGER = 1;
export const XDL_MERGE_ZEALOUS = 2;
export const XDL_MERGE_ZEALOUS_ALNUM = 3;

/**
 * @typedef {object} MergeOptions
 * @property {{ours?: string, base?: string, theirs?: string}} [labels]  What follows the markers:
 *   `git merge` passes `HEAD`, the merge base's abbreviated id (seen with diff3) and the branch
 *   name as given on the command line. A missing label leaves the marker bare.
 * @property {'merge' | 'diff3' | 'zdiff3'} [style]  merge.conflictStyle; default `merge`.
 * @property {number} [markerSize]  Default 7.
 * @property {'ours' | 'theirs' | 'union'} [favor]  `-Xours`, `-Xtheirs`, `--union`.
 * @property {import('./xdiff.js').DiffAlgorithm} [algorithm]  Default `histogram` (ort).
 * @property {number} [level]  Default XDL_MERGE_ZEALOUS (ll_merge).
 * @property {import('./xdiff.js').IgnoreWhitespace} [ignoreWhitespace]  `-Xignore-all-space`,
 *   `-Xignore-space-change`, `-Xignore-space-at-eol`, `-Xignore-cr-at-eol`.
 */

/**
 * @typedef {object} MergeResult
 * @property {Uint8Array} result  The merged content (with conflict markers where it conflicts).
 * @property {number} conflicts  How many conflict hunks (`git merge-file`'s exit status, capped at 127 there).
 * @property {boolean} binary  One of the three is binary: git does not merge it, the result is
 *   ours (theirs with favor `theirs`) and it conflicts unless a side is favoured.
 */

/** `git merge-file`'s own settings: Myers diff, XDL_MERGE_ZEALOUS_ALNUM. @type {MergeOptions} */
export const MERGE_FILE_OPTIONS = Object.freeze({algorithm: 'myers', level: XDL_MERGE_ZEALOUS_ALNUM});

/**
 * One merged region (xdmerge_t). mode 0: conflict; 1: take side 1; 2: take side 2; 3: both
 * (union); 4: both sides made the same change (found by refinement).
 * @typedef {{mode: number, i0: number, chg0: number, i1: number, chg1: number, i2: number, chg2: number}} Merge
 */

/**
 * Merge `ours` and `theirs`, both descended from `base`.
 * @param {import('./bytes.js').Content} base
 * @param {import('./bytes.js').Content} ours
 * @param {import('./bytes.js').Content} theirs
 * @param {MergeOptions} [options]
 * @returns {MergeResult}
 *
 * @example
 * mergeContents('a\nb\n', 'a\nB\n', 'a\nβ\n', {labels: {ours: 'HEAD', theirs: 'feature'}})
 * // {result: bytes of "a\n<<<<<<< HEAD\nB\n=======\nβ\n>>>>>>> feature\n", conflicts: 1, binary: false}
 */
export function mergeContents(base, ours, theirs, options = {}) {
  const orig = toBinary(base);
  const mf1 = toBinary(ours);
  const mf2 = toBinary(theirs);
  // merge-ort resolves these by object id before any content merge (so a binary file changed on
  // one side only merges cleanly); for text xdl_merge would give the same result.
  if (mf1 === mf2 || orig === mf2) return {result: binaryToBytes(mf1), conflicts: 0, binary: isBinaryBinary(mf1)};
  if (orig === mf1) return {result: binaryToBytes(mf2), conflicts: 0, binary: isBinaryBinary(mf2)};
  if (isBinaryBinary(orig) || isBinaryBinary(mf1) || isBinaryBinary(mf2)) {
    // ll_binary_merge
    if (options.favor === 'theirs') return {result: binaryToBytes(mf2), conflicts: 0, binary: true};
    return {result: binaryToBytes(mf1), conflicts: options.favor === 'ours' ? 0 : 1, binary: true};
  }
  const merged = mergeBinary(orig, mf1, mf2, options);
  return {result: binaryToBytes(merged.text), conflicts: merged.conflicts, binary: false};
}

/**
 * xdl_merge on binary strings.
 * @param {string} orig
 * @param {string} mf1
 * @param {string} mf2
 * @param {MergeOptions} options
 * @returns {{text: string, conflicts: number}}
 */
export function mergeBinary(orig, mf1, mf2, options) {
  const algorithm = options.algorithm ?? 'histogram';
  const xpp = {algorithm, indentHeuristic: false, ignoreWhitespace: options.ignoreWhitespace};
  // xdl_recmatch with the merge's whitespace flags.
  const key = recordKey(options.ignoreWhitespace);
  /** @type {(a: string | undefined, b: string | undefined) => boolean} */
  const same = key ? (a, b) => a !== undefined && b !== undefined && key(a) === key(b) : (a, b) => a === b;
  const recs0 = splitRecords(orig);
  const recs1 = splitRecords(mf1);
  const recs2 = splitRecords(mf2);
  const xscr1 = diffRecords(recs0, recs1, xpp);
  const xscr2 = diffRecords(recs0, recs2, xpp);
  if (!xscr1.length) return {text: mf2, conflicts: 0};
  if (!xscr2.length) return {text: mf1, conflicts: 0};

  const style = options.style === 'diff3' ? 1 : options.style === 'zdiff3' ? 2 : 0;
  let level = options.level ?? XDL_MERGE_ZEALOUS;
  // "diff3 -m" output does not make sense for anything more aggressive than XDL_MERGE_EAGER.
  if (style && XDL_MERGE_EAGER < level) level = XDL_MERGE_EAGER;

  /** @type {Merge[]} */
  let changes = [];
  /**
   * xdl_append_merge: extend the last region when this one overlaps it, else start a new one.
   * @param {number} mode @param {number} i0 @param {number} chg0 @param {number} i1 @param {number} chg1 @param {number} i2 @param {number} chg2
   */
  const append = (mode, i0, chg0, i1, chg1, i2, chg2) => {
    const m = changes[changes.length - 1];
    if (m && (i1 <= m.i1 + m.chg1 || i2 <= m.i2 + m.chg2)) {
      if (mode !== m.mode) m.mode = 0;
      m.chg0 = i0 + chg0 - m.i0;
      m.chg1 = i1 + chg1 - m.i1;
      m.chg2 = i2 + chg2 - m.i2;
    } else changes.push({mode, i0, chg0, i1, chg1, i2, chg2});
  };

  let k1 = 0;
  let k2 = 0;
  while (k1 < xscr1.length && k2 < xscr2.length) {
    const x1 = /** @type {import('./xdiff.js').XdChange} */ (xscr1[k1]);
    const x2 = /** @type {import('./xdiff.js').XdChange} */ (xscr2[k2]);
    if (x1.i1 + x1.chg1 < x2.i1) {
      append(1, x1.i1, x1.chg1, x1.i2, x1.chg2, x2.i2 - x2.i1 + x1.i1, x1.chg1);
      k1++;
      continue;
    }
    if (x2.i1 + x2.chg1 < x1.i1) {
      append(2, x2.i1, x2.chg1, x1.i2 - x1.i1 + x2.i1, x2.chg1, x2.i2, x2.chg2);
      k2++;
      continue;
    }
    if (level === XDL_MERGE_MINIMAL || x1.i1 !== x2.i1 || x1.chg1 !== x2.chg1 || x1.chg2 !== x2.chg2 || !sameLines(recs1, x1.i2, recs2, x2.i2, x1.chg2, same)) {
      // A conflict: the union of both changes' extents.
      const off = x1.i1 - x2.i1;
      const ffo = off + x1.chg1 - x2.chg1;
      let i0 = x1.i1;
      let i1 = x1.i2;
      let i2 = x2.i2;
      if (off > 0) {
        i0 -= off;
        i1 -= off;
      } else i2 += off;
      let chg0 = x1.i1 + x1.chg1 - i0;
      let chg1 = x1.i2 + x1.chg2 - i1;
      let chg2 = x2.i2 + x2.chg2 - i2;
      if (ffo < 0) {
        chg0 -= ffo;
        chg1 -= ffo;
      } else chg2 += ffo;
      append(0, i0, chg0, i1, chg1, i2, chg2);
    }
    const e1 = x1.i1 + x1.chg1;
    const e2 = x2.i1 + x2.chg1;
    if (e1 >= e2) k2++;
    if (e2 >= e1) k1++;
  }
  for (; k1 < xscr1.length; k1++) {
    const x1 = /** @type {import('./xdiff.js').XdChange} */ (xscr1[k1]);
    append(1, x1.i1, x1.chg1, x1.i2, x1.chg2, x1.i1 + recs2.length - recs0.length, x1.chg1);
  }
  for (; k2 < xscr2.length; k2++) {
    const x2 = /** @type {import('./xdiff.js').XdChange} */ (xscr2[k2]);
    append(2, x2.i1, x2.chg1, x2.i1 + recs1.length - recs0.length, x2.chg1, x2.i2, x2.chg2);
  }

  if (style === 2) refineZdiff3(recs1, recs2, changes, same);
  else if (XDL_MERGE_ZEALOUS <= level) {
    changes = refineConflicts(recs1, recs2, changes, xpp);
    simplifyNonConflicts(recs1, changes, XDL_MERGE_ZEALOUS < level);
  }

  const favor = options.favor === 'ours' ? 1 : options.favor === 'theirs' ? 2 : options.favor === 'union' ? 3 : 0;
  const labels = options.labels ?? {};
  const text = fillMergeBuffer(recs0, recs1, recs2, changes, {
    name1: labels.ours === undefined ? null : utf8Binary(labels.ours),
    name2: labels.theirs === undefined ? null : utf8Binary(labels.theirs),
    name3: labels.base === undefined ? null : utf8Binary(labels.base),
    favor,
    style,
    markerSize: options.markerSize && options.markerSize > 0 ? options.markerSize : 7,
  });
  return {text, conflicts: changes.filter((m) => m.mode === 0).length};
}

/**
 * xdl_merge_cmp_lines: both sides made the same change.
 * @param {string[]} a @param {number} i @param {string[]} b @param {number} j @param {number} n
 * @param {(a: string | undefined, b: string | undefined) => boolean} same
 */
function sameLines(a, i, b, j, n, same) {
  for (let k = 0; k < n; k++) if (!same(a[i + k], b[j + k])) return false;
  return true;
}

/**
 * xdl_refine_conflicts: diff the two sides of each conflict against each other and keep only
 * what differs, one conflict per difference (mode 4 when they turn out identical).
 * @param {string[]} recs1
 * @param {string[]} recs2
 * @param {Merge[]} changes
 * @param {import('./xdiff.js').XdiffOptions} xpp
 */
function refineConflicts(recs1, recs2, changes, xpp) {
  /** @type {Merge[]} */
  const out = [];
  for (const m of changes) {
    if (m.mode || m.chg1 === 0 || m.chg2 === 0) {
      out.push(m);
      continue;
    }
    const script = diffRecords(recs1.slice(m.i1, m.i1 + m.chg1), recs2.slice(m.i2, m.i2 + m.chg2), xpp);
    if (!script.length) {
      m.mode = 4;
      out.push(m);
      continue;
    }
    const i1 = m.i1;
    const i2 = m.i2;
    script.forEach((x, n) => {
      // The first difference reuses the region (and its base extent); later ones are new.
      const target = n === 0 ? m : {mode: 0, i0: m.i0, chg0: m.chg0, i1: 0, chg1: 0, i2: 0, chg2: 0};
      target.i1 = x.i1 + i1;
      target.chg1 = x.chg1;
      target.i2 = x.i2 + i2;
      target.chg2 = x.chg2;
      out.push(target);
    });
  }
  return out;
}

/**
 * xdl_refine_zdiff3_conflicts: drop the lines both sides share at the start and end of a conflict.
 * @param {string[]} recs1
 * @param {string[]} recs2
 * @param {Merge[]} changes
 * @param {(a: string | undefined, b: string | undefined) => boolean} same
 */
function refineZdiff3(recs1, recs2, changes, same) {
  for (const m of changes) {
    if (m.mode) continue;
    while (m.chg1 && m.chg2 && same(recs1[m.i1], recs2[m.i2])) {
      m.chg1--;
      m.chg2--;
      m.i1++;
      m.i2++;
    }
    while (m.chg1 && m.chg2 && same(recs1[m.i1 + m.chg1 - 1], recs2[m.i2 + m.chg2 - 1])) {
      m.chg1--;
      m.chg2--;
    }
  }
}

/**
 * xdl_simplify_non_conflicts: two conflicts with at most 3 lines between them (or, at
 * ZEALOUS_ALNUM, lines with no letter or digit) become one.
 * @param {string[]} recs1
 * @param {Merge[]} changes  Edited in place.
 * @param {boolean} simplifyIfNoAlnum
 */
function simplifyNonConflicts(recs1, changes, simplifyIfNoAlnum) {
  let k = 0;
  while (k + 1 < changes.length) {
    const m = /** @type {Merge} */ (changes[k]);
    const next = /** @type {Merge} */ (changes[k + 1]);
    const begin = m.i1 + m.chg1;
    const end = next.i1;
    if (m.mode !== 0 || next.mode !== 0 || (end - begin > 3 && (!simplifyIfNoAlnum || linesContainAlnum(recs1, begin, end - begin)))) {
      k++;
    } else {
      // xdl_merge_two_conflicts
      m.chg1 = next.i1 + next.chg1 - m.i1;
      m.chg2 = next.i2 + next.chg2 - m.i2;
      changes.splice(k + 1, 1);
    }
  }
}

/**
 * lines_contain_alnum.
 * @param {string[]} recs @param {number} i @param {number} chg
 */
function linesContainAlnum(recs, i, chg) {
  for (; chg; chg--, i++) {
    const rec = /** @type {string} */ (recs[i]);
    for (let k = 0; k < rec.length; k++) if (isAlnum(rec.charCodeAt(k))) return true;
  }
  return false;
}

/**
 * is_eol_crlf: 1 if line i ends in CRLF (for an unterminated last line, the line before), 0 if
 * in LF, -1 if it cannot be told.
 * @param {string[]} recs
 * @param {number} i
 */
function isEolCrlf(recs, i) {
  const n = recs.length;
  /** @param {string} r */
  const crlf = (r) => (r.length > 1 && r[r.length - 2] === '\r' ? 1 : 0);
  if (i < n - 1) return crlf(/** @type {string} */ (recs[i]));
  if (!n) return -1;
  const rec = /** @type {string} */ (recs[i]);
  if (rec.length && rec[rec.length - 1] === '\n') return crlf(rec);
  if (!i) return -1;
  return crlf(/** @type {string} */ (recs[i - 1]));
}

/**
 * is_cr_needed: markers end in CRLF when the lines around them do.
 * @param {string[]} recs0 @param {string[]} recs1 @param {string[]} recs2 @param {Merge} m
 */
function isCrNeeded(recs0, recs1, recs2, m) {
  let needsCr = isEolCrlf(recs1, m.i1 ? m.i1 - 1 : 0);
  if (needsCr) needsCr = isEolCrlf(recs2, m.i2 ? m.i2 - 1 : 0);
  if (needsCr) needsCr = isEolCrlf(recs0, 0);
  return needsCr < 0 ? false : needsCr === 1;
}

/**
 * xdl_recs_copy_0: `count` records from `i`, with a final newline added when asked and missing.
 * @param {string[]} recs @param {number} i @param {number} count @param {boolean} needsCr @param {boolean} addNl
 */
function recsCopy(recs, i, count, needsCr, addNl) {
  if (count < 1) return '';
  let s = recs.slice(i, i + count).join('');
  if (addNl) {
    const last = /** @type {string} */ (recs[i + count - 1]);
    if (last.length === 0 || last[last.length - 1] !== '\n') s += needsCr ? '\r\n' : '\n';
  }
  return s;
}

/**
 * xdl_fill_merge_buffer + fill_conflict_hunk.
 * @param {string[]} recs0
 * @param {string[]} recs1
 * @param {string[]} recs2
 * @param {Merge[]} changes
 * @param {{name1: string | null, name2: string | null, name3: string | null, favor: number, style: number, markerSize: number}} o
 */
function fillMergeBuffer(recs0, recs1, recs2, changes, o) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} ch @param {string | null} name @param {boolean} cr */
  const marker = (ch, name, cr) => ch.repeat(o.markerSize) + (name !== null ? ' ' + name : '') + (cr ? '\r\n' : '\n');
  let i = 0;
  for (const m of changes) {
    if (o.favor && !m.mode) m.mode = o.favor;
    if (m.mode === 0) {
      const cr = isCrNeeded(recs0, recs1, recs2, m);
      out.push(recsCopy(recs1, i, m.i1 - i, false, false));
      out.push(marker('<', o.name1, cr));
      out.push(recsCopy(recs1, m.i1, m.chg1, cr, true));
      if (o.style) {
        out.push(marker('|', o.name3, cr));
        out.push(recsCopy(recs0, m.i0, m.chg0, cr, true));
      }
      out.push(marker('=', null, cr));
      out.push(recsCopy(recs2, m.i2, m.chg2, cr, true));
      out.push(marker('>', o.name2, cr));
    } else if (m.mode & 3) {
      out.push(recsCopy(recs1, i, m.i1 - i, false, false));
      if (m.mode & 1) out.push(recsCopy(recs1, m.i1, m.chg1, isCrNeeded(recs0, recs1, recs2, m), (m.mode & 2) !== 0));
      if (m.mode & 2) out.push(recsCopy(recs2, m.i2, m.chg2, false, false));
    } else continue;
    i = m.i1 + m.chg1;
  }
  out.push(recsCopy(recs1, i, recs1.length - i, false, false));
  return out.join('');
}
