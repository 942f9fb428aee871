/**
 * The combined diff of a merge's result against its parents, as combine-diff.c
 * show_patch_diff prints it: `diff --cc` (dense, what `git show` and `git log --cc` print for a
 * merge commit) or `diff --combined` (`-c`). One column per parent: `-` a line that parent had
 * and the result lost, `+` a result line that parent lacked.
 */

import {binaryToBytes, isAlpha, isBinaryBinary, isSpace, quoteTwo, splitRecords, toBinary, utf8Binary} from './bytes.js';
import {getHunk, modeString, trimCommonTail, xdiffOptions} from './unified.js';
import {diffRecords} from './xdiff.js';

/**
 * @typedef {object} CombinedSide
 * @property {number | string} mode  0 (or null side) when absent.
 * @property {import('./bytes.js').Content} content
 * @property {string} [oid]  As the index line prints it (abbreviated), or full with `abbrev`.
 */

/**
 * @typedef {object} CombinedOptions
 * @property {boolean} [dense]  `--cc` (default) rather than `-c`.
 * @property {number} [context]  Default 3.
 * @property {import('./xdiff.js').DiffAlgorithm} [algorithm]
 * @property {boolean} [indentHeuristic]
 * @property {import('./xdiff.js').IgnoreWhitespace} [ignoreWhitespace]
 * @property {(oid: string) => string} [abbrev]
 * @property {string} [srcPrefix]
 * @property {string} [dstPrefix]
 */

/** A line some parents had and the result lost (struct lline). @typedef {{line: string, map: number}} Lost */

/**
 * One result line (struct sline); index `cnt` is the end of file, where lines lost at the end hang.
 * @typedef {object} Sline
 * @property {string | null} bol  The line without its '\n' (null past the end).
 * @property {number} flag  Bit n: parent n lacks it; then mark and no_pre_delete bits.
 * @property {Lost[]} lost
 * @property {Lost[]} plost  This parent's lost lines, before coalescing.
 * @property {number[]} pLno
 */

/**
 * The combined diff of one path, or an empty array when git shows nothing for it (`--cc` hides
 * hunks where the result took one parent's version). Which paths to show is the caller's: git
 * lists those that differ from every parent.
 * @param {string} path
 * @param {CombinedSide | null} result  null: the merge deleted the path.
 * @param {(CombinedSide | null)[]} parents  null: that parent did not have the path.
 * @param {CombinedOptions} [options]
 * @returns {Uint8Array}
 */
export function formatCombinedDiff(path, result, parents, options = {}) {
  return binaryToBytes(combinedBinary(path, result, parents, options));
}

/**
 * @param {string} path
 * @param {CombinedSide | null} result
 * @param {(CombinedSide | null)[]} parents
 * @param {CombinedOptions} options
 */
function combinedBinary(path, result, parents, options) {
  const numParent = parents.length;
  const dense = options.dense ?? true;
  const context = options.context ?? 3;
  const data = result ? toBinary(result.content) : '';
  const mode = result ? modeString(result.mode) : '000000';
  const parentData = parents.map((p) => (p ? toBinary(p.content) : ''));
  const parentMode = parents.map((p) => (p ? modeString(p.mode) : '000000'));
  const modeDiffers = parentMode.some((m) => m !== mode);

  const header = (/** @type {boolean} */ showFileHeader) => combinedHeader(path, result, parents, options, modeDiffers, showFileHeader);
  if (isBinaryBinary(data) || parentData.some(isBinaryBinary)) return header(false) + 'Binary files differ\n';

  // The result's lines, and one more for what was lost at the end.
  const recs = splitRecords(data);
  const cnt = recs.length;
  /** @type {Sline[]} */
  const sline = [];
  for (let i = 0; i <= cnt + 1; i++) {
    const rec = recs[i];
    sline.push({bol: rec === undefined ? null : rec.endsWith('\n') ? rec.slice(0, -1) : rec, flag: 0, lost: [], plost: [], pLno: new Array(numParent).fill(0)});
  }

  for (let i = 0; i < numParent; i++) {
    let j = 0;
    for (; j < i; j++) {
      // Same blob (oideq): reuse that parent's result.
      if ((parents[i] === null) === (parents[j] === null) && parentData[i] === parentData[j]) {
        reuseCombineDiff(sline, cnt, i, j);
        break;
      }
    }
    // (A deleted result is diffed as empty: combine-diff.c skips it only for work-tree files.)
    if (i <= j) combineDiff(/** @type {string} */ (parentData[i]), data, sline, cnt, i, options);
  }

  const showHunks = makeHunks(sline, cnt, numParent, dense, context);
  if (!showHunks && !modeDiffers) return '';
  return header(true) + dumpSline(sline, cnt, numParent, context);
}

/**
 * show_combined_header.
 * @param {string} path
 * @param {CombinedSide | null} result
 * @param {(CombinedSide | null)[]} parents
 * @param {CombinedOptions} options
 * @param {boolean} modeDiffers
 * @param {boolean} showFileHeader
 */
function combinedHeader(path, result, parents, options, modeDiffers, showFileHeader) {
  const abbrev = options.abbrev ?? ((/** @type {string} */ oid) => oid);
  const width = abbrev(result?.oid ?? parents.find((p) => p?.oid)?.oid ?? '0000000').length;
  const id = (/** @type {CombinedSide | null} */ side) => (side?.oid !== undefined ? abbrev(side.oid) : '0'.repeat(width));
  const quoted = (/** @type {string} */ prefix) => utf8Binary(quoteTwo(prefix, path));
  let out = `${options.dense ?? true ? 'diff --cc ' : 'diff --combined '}${quoted('')}\n`;
  out += `index ${parents.map(id).join(',')}..${id(result)}\n`;
  const deleted = !result;
  const added = !deleted && parents.every((p) => !p);
  if (modeDiffers) {
    if (added) out += `new file mode ${modeString(/** @type {CombinedSide} */ (result).mode)}`;
    else {
      if (deleted) out += 'deleted file ';
      out += `mode ${parents.map((p) => (p ? modeString(p.mode) : '000000')).join(',')}`;
      if (result) out += `..${modeString(result.mode)}`;
    }
    out += '\n';
  }
  if (!showFileHeader) return out;
  out += added ? '--- /dev/null\n' : `--- ${quoted(options.srcPrefix ?? 'a/')}\n`;
  out += deleted ? '+++ /dev/null\n' : `+++ ${quoted(options.dstPrefix ?? 'b/')}\n`;
  return out;
}

/**
 * combine_diff: diff parent n against the result with no context (so xdi_diff trims the common
 * tail), mark the result lines it lacks, hang the lines it lost on the line after them, then
 * merge those into the lines lost from earlier parents and number parent n's lines.
 * @param {string} parentData
 * @param {string} data
 * @param {Sline[]} sline
 * @param {number} cnt
 * @param {number} n
 * @param {CombinedOptions} options
 */
function combineDiff(parentData, data, sline, cnt, n, options) {
  const nmask = 2 ** n;
  const [a, b] = trimCommonTail(parentData, data);
  const recs1 = splitRecords(a);
  const script = diffRecords(recs1, splitRecords(b), xdiffOptions({...options, ignoreBlankLines: false}));
  for (let k = 0; k < script.length; ) {
    const hunk = getHunk(script, k, 0, 0);
    if (!hunk) break;
    for (let j = hunk.first; j <= hunk.last; j++) {
      const x = /** @type {import('./xdiff.js').XdChange} */ (script[j]);
      // consume_hunk: with no '+' line the lost lines hang on the line after them.
      const nb = x.chg2 ? x.i2 + 1 : x.i2;
      const bucket = /** @type {Sline} */ (x.chg2 ? sline[nb - 1] : sline[nb]);
      for (let i = 0; i < x.chg1; i++) {
        let line = /** @type {string} */ (recs1[x.i1 + i]);
        if (line.endsWith('\n')) line = line.slice(0, -1);
        bucket.plost.push({line, map: nmask});
      }
      for (let i = 0; i < x.chg2; i++) /** @type {Sline} */ (sline[x.i2 + i]).flag |= nmask;
    }
    k = hunk.last + 1;
  }

  let pLno = 1;
  let lno = 0;
  for (; lno <= cnt; lno++) {
    const sl = /** @type {Sline} */ (sline[lno]);
    sl.pLno[n] = pLno;
    if (sl.plost.length) {
      sl.lost = coalesceLines(sl.lost, sl.plost, n, options.ignoreWhitespace);
      sl.plost = [];
    }
    for (const ll of sl.lost) if (ll.map & nmask) pLno++;
    if (lno < cnt && !(sl.flag & nmask)) pLno++;
  }
  /** @type {Sline} */ (sline[lno]).pLno[n] = pLno;
}

/**
 * match_string_spaces (lines without their '\n').
 * @param {string} l1
 * @param {string} l2
 * @param {import('./xdiff.js').IgnoreWhitespace | undefined} ws
 */
function matchStringSpaces(l1, l2, ws) {
  let len1 = l1.length;
  let len2 = l2.length;
  if (ws) {
    for (; len1 > 0 && isSpace(l1.charCodeAt(len1 - 1)); len1--);
    for (; len2 > 0 && isSpace(l2.charCodeAt(len2 - 1)); len2--);
  }
  if (ws !== 'all' && ws !== 'change') return len1 === len2 && l1.slice(0, len1) === l2.slice(0, len2);
  while (len1 > 0 && len2 > 0) {
    len1--;
    len2--;
    const s1 = isSpace(l1.charCodeAt(len1));
    const s2 = isSpace(l2.charCodeAt(len2));
    if (s1 || s2) {
      if (ws === 'change' && (!s1 || !s2)) return false;
      for (; len1 > 0 && isSpace(l1.charCodeAt(len1)); len1--);
      for (; len2 > 0 && isSpace(l2.charCodeAt(len2)); len2--);
    }
    if (l1[len1] !== l2[len2]) return false;
  }
  if (ws === 'all') {
    for (; len1 > 0 && isSpace(l1.charCodeAt(len1 - 1)); len1--);
    for (; len2 > 0 && isSpace(l2.charCodeAt(len2 - 1)); len2--);
  }
  return !len1 && !len2;
}

/**
 * coalesce_lines: merge parent n's lost lines into those already there by an LCS, so that a line
 * several parents lost is shown once with a `-` in each of their columns.
 * @param {Lost[]} base
 * @param {Lost[]} added
 * @param {number} parent
 * @param {import('./xdiff.js').IgnoreWhitespace | undefined} ws
 */
function coalesceLines(base, added, parent, ws) {
  if (!added.length) return base;
  if (!base.length) return added;
  const nb = base.length;
  const nn = added.length;
  const MATCH = 0;
  const BASE = 1;
  const NEW = 2;
  const lcs = Array.from({length: nb + 1}, () => new Int32Array(nn + 1));
  const dir = Array.from({length: nb + 1}, () => new Uint8Array(nn + 1));
  for (let i = 0; i <= nb; i++) /** @type {Uint8Array} */ (dir[i])[0] = BASE;
  for (let j = 1; j <= nn; j++) /** @type {Uint8Array} */ (dir[0])[j] = NEW;
  for (let i = 1; i <= nb; i++) {
    const row = /** @type {Int32Array} */ (lcs[i]);
    const prev = /** @type {Int32Array} */ (lcs[i - 1]);
    const d = /** @type {Uint8Array} */ (dir[i]);
    for (let j = 1; j <= nn; j++) {
      if (matchStringSpaces(/** @type {Lost} */ (base[i - 1]).line, /** @type {Lost} */ (added[j - 1]).line, ws)) {
        row[j] = /** @type {number} */ (prev[j - 1]) + 1;
        d[j] = MATCH;
      } else if (/** @type {number} */ (row[j - 1]) >= /** @type {number} */ (prev[j])) {
        row[j] = /** @type {number} */ (row[j - 1]);
        d[j] = NEW;
      } else {
        row[j] = /** @type {number} */ (prev[j]);
        d[j] = BASE;
      }
    }
  }
  const out = [...base];
  let i = nb;
  let j = nn;
  while (i !== 0 || j !== 0) {
    const d = /** @type {Uint8Array} */ (dir[i])[j];
    if (d === MATCH) {
      /** @type {Lost} */ (out[i - 1]).map |= 2 ** parent;
      i--;
      j--;
    } else if (d === NEW) {
      // Goes right after the base line reached so far (before the ones inserted already).
      out.splice(i, 0, /** @type {Lost} */ (added[j - 1]));
      j--;
    } else {
      i--;
    }
  }
  return out;
}

/**
 * reuse_combine_diff: parent i is the same as parent j, already diffed.
 * @param {Sline[]} sline @param {number} cnt @param {number} i @param {number} j
 */
function reuseCombineDiff(sline, cnt, i, j) {
  const imask = 2 ** i;
  const jmask = 2 ** j;
  for (let lno = 0; lno <= cnt; lno++) {
    const sl = /** @type {Sline} */ (sline[lno]);
    sl.pLno[i] = /** @type {number} */ (sl.pLno[j]);
    for (const ll of sl.lost) if (ll.map & jmask) ll.map |= imask;
    if (sl.flag & jmask) sl.flag |= imask;
  }
  const end = /** @type {Sline} */ (sline[cnt + 1]);
  end.pLno[i] = /** @type {number} */ (end.pLno[j]);
}

/**
 * make_hunks (+ give_context): which lines to show. In dense mode a hunk where every change comes
 * from the same set of parents (not all of them) is dropped: the result took one side's version.
 * @param {Sline[]} sline
 * @param {number} cnt
 * @param {number} numParent
 * @param {boolean} dense
 * @param {number} context
 */
function makeHunks(sline, cnt, numParent, dense, context) {
  const allMask = 2 ** numParent - 1;
  const mark = 2 ** numParent;
  const at = (/** @type {number} */ k) => /** @type {Sline} */ (sline[k]);
  for (let i = 0; i <= cnt; i++) {
    const sl = at(i);
    if (sl.flag & allMask || sl.lost.length) sl.flag |= mark;
    else sl.flag &= ~mark;
  }
  if (!dense) return giveContext(sline, cnt, numParent, context);

  let i = 0;
  while (i <= cnt) {
    while (i <= cnt && !(at(i).flag & mark)) i++;
    if (cnt < i) break;
    const hunkBegin = i;
    let j = i + 1;
    for (; j <= cnt; j++) {
      if (!(at(j).flag & mark)) {
        // Is there an interesting line after this hunk within the context span?
        let la = adjustHunkTail(sline, allMask, hunkBegin, j);
        la = la + context < cnt + 1 ? la + context : cnt + 1;
        let contin = false;
        while (la && j <= --la) {
          if (at(la).flag & mark) {
            contin = true;
            break;
          }
        }
        if (!contin) break;
        j = la;
      }
    }
    const hunkEnd = j;
    // Only two versions, and the result matches one of them? Then it is not interesting.
    let sameDiff = 0;
    let hasInteresting = false;
    for (j = i; j < hunkEnd && !hasInteresting; j++) {
      const thisDiff = at(j).flag & allMask;
      if (thisDiff) {
        if (!sameDiff) sameDiff = thisDiff;
        else if (sameDiff !== thisDiff) {
          hasInteresting = true;
          break;
        }
      }
      for (const ll of at(j).lost) {
        if (hasInteresting) break;
        if (!sameDiff) sameDiff = ll.map;
        else if (sameDiff !== ll.map) hasInteresting = true;
      }
    }
    if (!hasInteresting && sameDiff !== allMask) for (j = hunkBegin; j < hunkEnd; j++) at(j).flag &= ~mark;
    i = hunkEnd;
  }
  return giveContext(sline, cnt, numParent, context);
}

/**
 * adjust_hunk_tail: a last line interesting only for a deletion gives one context line already.
 * @param {Sline[]} sline @param {number} allMask @param {number} hunkBegin @param {number} i
 */
function adjustHunkTail(sline, allMask, hunkBegin, i) {
  if (hunkBegin + 1 <= i && !(/** @type {Sline} */ (sline[i - 1]).flag & allMask)) i--;
  return i;
}

/**
 * find_next: the next line marked (or not marked) with `mark` from i on.
 * @param {Sline[]} sline @param {number} mark @param {number} i @param {number} cnt @param {boolean} lookForUninteresting
 */
function findNext(sline, mark, i, cnt, lookForUninteresting) {
  while (i <= cnt) {
    const marked = (/** @type {Sline} */ (sline[i]).flag & mark) !== 0;
    if (lookForUninteresting ? !marked : marked) return i;
    i++;
  }
  return i;
}

/**
 * give_context: paint context lines around the interesting ones, joining close groups.
 * @param {Sline[]} sline @param {number} cnt @param {number} numParent @param {number} context
 */
function giveContext(sline, cnt, numParent, context) {
  const allMask = 2 ** numParent - 1;
  const mark = 2 ** numParent;
  const noPreDelete = 2 * 2 ** numParent;
  const at = (/** @type {number} */ k) => /** @type {Sline} */ (sline[k]);
  let i = findNext(sline, mark, 0, cnt, false);
  if (cnt < i) return false;
  while (i <= cnt) {
    let j = context < i ? i - context : 0;
    while (j < i) {
      if (!(at(j).flag & mark)) at(j).flag |= noPreDelete;
      at(j++).flag |= mark;
    }
    let k;
    for (;;) {
      j = findNext(sline, mark, i, cnt, true);
      if (cnt < j) return true;
      k = findNext(sline, mark, j, cnt, false);
      j = adjustHunkTail(sline, allMask, i, j);
      if (k < j + context) {
        while (j < k) at(j++).flag |= mark;
        i = k;
        continue;
      }
      break;
    }
    i = k;
    k = j + context < cnt + 1 ? j + context : cnt + 1;
    while (j < k) at(j++).flag |= mark;
  }
  return true;
}

/**
 * dump_sline: the hunks.
 * @param {Sline[]} sline
 * @param {number} cnt
 * @param {number} numParent
 * @param {number} context
 */
function dumpSline(sline, cnt, numParent, context) {
  const mark = 2 ** numParent;
  const noPreDelete = 2 * 2 ** numParent;
  const at = (/** @type {number} */ k) => /** @type {Sline} */ (sline[k]);
  const markers = '@'.repeat(numParent + 1);
  /** @type {string[]} */
  const out = [];
  let lno = 0;
  for (;;) {
    /** @type {string | null} */
    let hunkComment = null;
    let nullContext = 0;
    while (lno <= cnt && !(at(lno).flag & mark)) {
      const bol = at(lno).bol;
      // hunk_comment_line
      if (bol !== null && bol.length && (isAlpha(bol.charCodeAt(0)) || bol[0] === '_' || bol[0] === '$')) hunkComment = bol;
      lno++;
    }
    if (cnt < lno) break;
    let hunkEnd = lno + 1;
    for (; hunkEnd <= cnt; hunkEnd++) if (!(at(hunkEnd).flag & mark)) break;
    let rlines = hunkEnd - lno;
    if (cnt < hunkEnd) rlines--;
    if (!context) {
      for (let j = lno; j < hunkEnd; j++) if (!(at(j).flag & (mark - 1))) nullContext++;
      rlines -= nullContext;
    }
    let line = markers;
    for (let i = 0; i < numParent; i++) {
      const l0 = /** @type {number} */ (at(lno).pLno[i]);
      const l1 = /** @type {number} */ (at(hunkEnd).pLno[i]);
      line += ` -${l0},${unsignedLong(l1 - l0 - nullContext)}`;
    }
    line += ` +${lno + 1},${rlines} ${markers}`;
    if (hunkComment !== null) {
      // The first 40 bytes, up to (and without) the last non-blank one: git's own cut.
      let commentEnd = 0;
      for (let i = 0; i < 40 && i < hunkComment.length; i++) {
        const ch = hunkComment.charCodeAt(i);
        if (!ch) break;
        if (!isSpace(ch)) commentEnd = i;
      }
      if (commentEnd) line += ' ' + hunkComment.slice(0, commentEnd);
    }
    out.push(line, '\n');
    while (lno < hunkEnd) {
      const sl = at(lno++);
      for (const ll of sl.flag & noPreDelete ? [] : sl.lost) {
        let cols = '';
        for (let j = 0; j < numParent; j++) cols += ll.map & (2 ** j) ? '-' : ' ';
        // show_line_to_eol(line, -1): a lost line is a C string, cut at a NUL.
        const nul = ll.line.indexOf('\0');
        out.push(cols, nul < 0 ? ll.line : ll.line.slice(0, nul), '\n');
      }
      if (cnt < lno) break;
      if (!(sl.flag & (mark - 1)) && !context) continue;
      let cols = '';
      for (let j = 0; j < numParent; j++) cols += sl.flag & (2 ** j) ? '+' : ' ';
      out.push(cols, /** @type {string} */ (sl.bol), '\n');
    }
  }
  return out.join('');
}

/** printf("%lu") of a value that C computed in unsigned long. @param {number} v */
function unsignedLong(v) {
  return v >= 0 ? String(v) : String(2n ** 64n + BigInt(v));
}
