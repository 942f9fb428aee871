/**
 * A port of git 2.39's xdiff line diff (xdiff/xprepare.c, xdiffi.c, xhistogram.c, xpatience.c,
 * xutils.c): the same records, the same Myers split with the same heuristics, the same histogram
 * and patience anchors and the same hunk sliding (xdl_change_compact with the indent heuristic),
 * so every change lands on the lines where git puts it; with git's whitespace options too.
 *
 * Records are binary strings (one char per byte, see bytes.js), each line with its '\n'.
 * Lines are compared by equivalence class, as xdl_classify_record does: the class number is
 * the order of first appearance, file 1 first, which is also what histogram's hash table sees.
 */

import {splitRecords, toBinary} from './bytes.js';

/**
 * One change of the edit script (xdchange_t): `chg1` old records from `i1` were replaced by
 * `chg2` new records from `i2` (0-based; for a pure insertion `i1` is the record it goes before).
 * `ignore` is set with `ignoreBlankLines` when the change only adds or removes blank lines.
 * @typedef {object} XdChange
 * @property {number} i1
 * @property {number} chg1
 * @property {number} i2
 * @property {number} chg2
 * @property {boolean} [ignore]
 */

/**
 * `myers` is git's default; `minimal` is `--minimal` (XDF_NEED_MINIMAL); `patience` and
 * `histogram` are `--patience` and `--histogram`; histogram is also what `git merge` (ort)
 * hard-codes for content merges.
 * @typedef {'myers' | 'minimal' | 'patience' | 'histogram'} DiffAlgorithm
 */

/**
 * Which whitespace makes no difference (xdl_recmatch's flags; the strongest one set wins, as in
 * git): `all` is `-w`, `change` is `-b`, `at-eol` is `--ignore-space-at-eol`, `cr-at-eol` is
 * `--ignore-cr-at-eol`.
 * @typedef {'all' | 'change' | 'at-eol' | 'cr-at-eol'} IgnoreWhitespace
 */

/**
 * @typedef {object} XdiffOptions
 * @property {DiffAlgorithm} [algorithm]  Default `myers`.
 * @property {boolean} [indentHeuristic]  XDF_INDENT_HEURISTIC; default true, as `git diff`
 *   (diff.indentHeuristic). `git merge` and `git diff --check` run without it.
 * @property {IgnoreWhitespace} [ignoreWhitespace]
 * @property {boolean} [ignoreBlankLines]  `--ignore-blank-lines`: mark changes of blank lines only.
 */

/**
 * One side as xdl_change_compact sees it (xdfile_t).
 * @typedef {object} XdFile
 * @property {string[]} recs
 * @property {Int32Array} ha  Class of each record.
 * @property {Uint8Array} rchg  Changed flags, shifted by one: rchg[i + 1] is record i, with a 0 on each side.
 * @property {number} nrec
 * @property {Int16Array} indent  get_indent cache (-2: not computed yet).
 */

const XDL_MAX_COST_MIN = 256;
const XDL_HEUR_MIN_COST = 256;
const XDL_LINE_MAX = 0x7fffffff;
const XDL_SNAKE_CNT = 20;
const XDL_K_HEUR = 4;
const XDL_KPDIS_RUN = 4;
const XDL_MAX_EQLIMIT = 1024;
const XDL_SIMSCAN_WINDOW = 100;

/**
 * The edit script between two contents.
 * @param {import('./bytes.js').Content} a
 * @param {import('./bytes.js').Content} b
 * @param {XdiffOptions} [options]
 * @returns {XdChange[]}
 *
 * @example
 * diffContents('a\nb\nc\n', 'a\nB\nc\nd\n') // [{i1: 1, chg1: 1, i2: 1, chg2: 1}, {i1: 3, chg1: 0, i2: 3, chg2: 1}]
 */
export function diffContents(a, b, options) {
  return diffRecords(splitRecords(toBinary(a)), splitRecords(toBinary(b)), options);
}

/**
 * The edit script between two record lists (xdl_do_diff + xdl_change_compact ×2 +
 * xdl_build_script, then xdl_mark_ignorable_lines).
 * @param {string[]} recs1
 * @param {string[]} recs2
 * @param {XdiffOptions} [options]
 * @returns {XdChange[]}
 */
export function diffRecords(recs1, recs2, options = {}) {
  const env = doDiff(recs1, recs2, options.algorithm ?? 'myers', recordKey(options.ignoreWhitespace));
  const indentHeuristic = options.indentHeuristic ?? true;
  changeCompact(env.xdf1, env.xdf2, indentHeuristic);
  changeCompact(env.xdf2, env.xdf1, indentHeuristic);
  const script = buildScript(env.xdf1, env.xdf2);
  if (options.ignoreBlankLines) {
    const blank = options.ignoreWhitespace ? (/** @type {string} */ r) => /^[ \t\n\r]*$/.test(r) : (/** @type {string} */ r) => r.length <= 1;
    for (const x of script) {
      let ignore = true;
      for (let i = 0; i < x.chg1 && ignore; i++) ignore = blank(/** @type {string} */ (recs1[x.i1 + i]));
      for (let i = 0; i < x.chg2 && ignore; i++) ignore = blank(/** @type {string} */ (recs2[x.i2 + i]));
      x.ignore = ignore;
    }
  }
  return script;
}

/**
 * What makes two records the same line (xdl_hash_record_with_whitespace + xdl_recmatch): the
 * record itself, or the part of it the whitespace flag keeps.
 * @param {IgnoreWhitespace | undefined} mode
 * @returns {((rec: string) => string) | null}
 */
export function recordKey(mode) {
  switch (mode) {
    case 'all':
      return (rec) => rec.replace(/[ \t\n\r]+/g, '');
    case 'change':
      return (rec) => rec.replace(/[ \t\n\r]+/g, ' ').replace(/ $/, '');
    case 'at-eol':
      return (rec) => rec.replace(/[ \t\n\r]+$/, '');
    case 'cr-at-eol':
      // A CR only counts before the LF of a complete line; the LF itself never counts.
      return (rec) => (rec.endsWith('\r\n') ? rec.slice(0, -2) : rec.endsWith('\n') ? rec.slice(0, -1) : rec);
    default:
      return null;
  }
}

/**
 * xdl_do_diff: classify the records, then mark the changed ones.
 * @param {string[]} recs1
 * @param {string[]} recs2
 * @param {DiffAlgorithm} algorithm
 * @param {((rec: string) => string) | null} key
 */
function doDiff(recs1, recs2, algorithm, key) {
  /** @type {Map<string, number>} */
  const classes = new Map();
  const ha1 = classify(recs1, classes, key);
  const ha2 = classify(recs2, classes, key);
  const xdf1 = makeFile(recs1, ha1);
  const xdf2 = makeFile(recs2, ha2);
  if (algorithm === 'histogram') {
    histogramDiff(ha1, ha2, xdf1.rchg, xdf2.rchg, classes.size, 1, recs1.length, 1, recs2.length);
  } else if (algorithm === 'patience') {
    patienceDiff(ha1, ha2, xdf1.rchg, xdf2.rchg, classes.size, 1, recs1.length, 1, recs2.length);
  } else {
    myersDiff(ha1, 0, recs1.length, ha2, 0, recs2.length, classes.size, algorithm === 'minimal', xdf1.rchg, xdf2.rchg);
  }
  return {xdf1, xdf2};
}

/**
 * xdl_classify_record: each distinct line gets the next class number.
 * @param {string[]} recs
 * @param {Map<string, number>} classes
 * @param {((rec: string) => string) | null} key
 */
function classify(recs, classes, key) {
  const ha = new Int32Array(recs.length);
  for (let i = 0; i < recs.length; i++) {
    const rec = key ? key(/** @type {string} */ (recs[i])) : /** @type {string} */ (recs[i]);
    let c = classes.get(rec);
    if (c === undefined) {
      c = classes.size;
      classes.set(rec, c);
    }
    ha[i] = c;
  }
  return ha;
}

/**
 * @param {string[]} recs
 * @param {Int32Array} ha
 * @returns {XdFile}
 */
function makeFile(recs, ha) {
  return {recs, ha, rchg: new Uint8Array(recs.length + 2), nrec: recs.length, indent: new Int16Array(recs.length).fill(-2)};
}

/** xdl_bogosqrt: the integer square root approximation xdiff sizes its limits with. @param {number} n */
function bogosqrt(n) {
  let i = 1;
  for (; n > 0; n = Math.floor(n / 4)) i *= 2;
  return i;
}

/** xdl_hashbits. @param {number} size */
function hashbits(size) {
  let val = 1;
  let bits = 0;
  for (; val < size && bits < 32; val *= 2, bits++);
  return bits ? bits : 1;
}

/**
 * The classic algorithm on records [s1, s1 + n1) and [s2, s2 + n2), as xdl_do_diff runs it on a
 * file (or xdl_fall_back_diff on a part of one): xdl_trim_ends, xdl_cleanup_records, then
 * xdl_recs_cmp on the records left. Marks rchg1[s1 + i + 1] / rchg2[s2 + j + 1].
 * @param {Int32Array} ha1
 * @param {number} s1
 * @param {number} n1
 * @param {Int32Array} ha2
 * @param {number} s2
 * @param {number} n2
 * @param {number} nclass
 * @param {boolean} needMin
 * @param {Uint8Array} rchg1
 * @param {Uint8Array} rchg2
 */
function myersDiff(ha1, s1, n1, ha2, s2, n2, nclass, needMin, rchg1, rchg2) {
  // How often each class occurs in each file (the classifier's len1/len2).
  const len1 = new Int32Array(nclass);
  const len2 = new Int32Array(nclass);
  for (let i = 0; i < n1; i++) {
    const c = /** @type {number} */ (ha1[s1 + i]);
    len1[c] = /** @type {number} */ (len1[c]) + 1;
  }
  for (let i = 0; i < n2; i++) {
    const c = /** @type {number} */ (ha2[s2 + i]);
    len2[c] = /** @type {number} */ (len2[c]) + 1;
  }

  // xdl_trim_ends: matching records at both ends take no part.
  let lim = Math.min(n1, n2);
  let i = 0;
  for (; i < lim; i++) if (ha1[s1 + i] !== ha2[s2 + i]) break;
  const dstart = i;
  lim -= i;
  for (i = 0; i < lim; i++) if (ha1[s1 + n1 - 1 - i] !== ha2[s2 + n2 - 1 - i]) break;
  const dend1 = n1 - i - 1;
  const dend2 = n2 - i - 1;

  // xdl_cleanup_records: a record with no match on the other side is changed for sure; one with
  // very many matches is dropped too when it sits among unmatched ones (xdl_clean_mmatch).
  const dis1 = new Uint8Array(n1 + 1);
  const dis2 = new Uint8Array(n2 + 1);
  const mlim1 = Math.min(bogosqrt(n1), XDL_MAX_EQLIMIT);
  for (i = dstart; i <= dend1; i++) {
    const nm = /** @type {number} */ (len2[/** @type {number} */ (ha1[s1 + i])]);
    dis1[i] = nm === 0 ? 0 : nm >= mlim1 ? 2 : 1;
  }
  const mlim2 = Math.min(bogosqrt(n2), XDL_MAX_EQLIMIT);
  for (i = dstart; i <= dend2; i++) {
    const nm = /** @type {number} */ (len1[/** @type {number} */ (ha2[s2 + i])]);
    dis2[i] = nm === 0 ? 0 : nm >= mlim2 ? 2 : 1;
  }
  const rindex1 = new Int32Array(Math.max(0, dend1 - dstart + 1));
  const rha1 = new Int32Array(rindex1.length);
  let nreff1 = 0;
  for (i = dstart; i <= dend1; i++) {
    if (dis1[i] === 1 || (dis1[i] === 2 && !cleanMmatch(dis1, i, dstart, dend1))) {
      rindex1[nreff1] = i;
      rha1[nreff1] = /** @type {number} */ (ha1[s1 + i]);
      nreff1++;
    } else rchg1[s1 + i + 1] = 1;
  }
  const rindex2 = new Int32Array(Math.max(0, dend2 - dstart + 1));
  const rha2 = new Int32Array(rindex2.length);
  let nreff2 = 0;
  for (i = dstart; i <= dend2; i++) {
    if (dis2[i] === 1 || (dis2[i] === 2 && !cleanMmatch(dis2, i, dstart, dend2))) {
      rindex2[nreff2] = i;
      rha2[nreff2] = /** @type {number} */ (ha2[s2 + i]);
      nreff2++;
    } else rchg2[s2 + i + 1] = 1;
  }

  // xdl_do_diff's K vectors, one diagonal per index, shifted so that diagonal -nreff2-1 is 0.
  const ndiags = nreff1 + nreff2 + 3;
  const kvdf = new Int32Array(ndiags);
  const kvdb = new Int32Array(ndiags);
  const K = nreff2 + 1;
  const mxcost = Math.max(bogosqrt(ndiags), XDL_MAX_COST_MIN);

  // xdl_recs_cmp, with an explicit stack in place of the recursion (the low box first, as C does).
  /** @type {number[]} */
  const stack = [0, nreff1, 0, nreff2, needMin ? 1 : 0];
  const spl = {i1: 0, i2: 0, minLo: 0, minHi: 0};
  while (stack.length) {
    const min = /** @type {number} */ (stack.pop());
    let lim2 = /** @type {number} */ (stack.pop());
    let off2 = /** @type {number} */ (stack.pop());
    let lim1 = /** @type {number} */ (stack.pop());
    let off1 = /** @type {number} */ (stack.pop());
    // Shrink the box by walking through each diagonal snake (SW and NE).
    for (; off1 < lim1 && off2 < lim2 && rha1[off1] === rha2[off2]; off1++, off2++);
    for (; off1 < lim1 && off2 < lim2 && rha1[lim1 - 1] === rha2[lim2 - 1]; lim1--, lim2--);
    if (off1 === lim1) {
      for (; off2 < lim2; off2++) rchg2[s2 + /** @type {number} */ (rindex2[off2]) + 1] = 1;
    } else if (off2 === lim2) {
      for (; off1 < lim1; off1++) rchg1[s1 + /** @type {number} */ (rindex1[off1]) + 1] = 1;
    } else {
      split(rha1, off1, lim1, rha2, off2, lim2, kvdf, kvdb, K, min === 1, mxcost, spl);
      stack.push(spl.i1, lim1, spl.i2, lim2, spl.minHi);
      stack.push(off1, spl.i1, off2, spl.i2, spl.minLo);
    }
  }
}

/**
 * xdl_clean_mmatch: is the multimatch record i in a run of records that mostly have no match?
 * @param {Uint8Array} dis
 * @param {number} i
 * @param {number} s
 * @param {number} e
 */
function cleanMmatch(dis, i, s, e) {
  if (i - s > XDL_SIMSCAN_WINDOW) s = i - XDL_SIMSCAN_WINDOW;
  if (e - i > XDL_SIMSCAN_WINDOW) e = i + XDL_SIMSCAN_WINDOW;
  let r;
  let rdis0 = 0;
  let rpdis0 = 1;
  for (r = 1; i - r >= s; r++) {
    if (!dis[i - r]) rdis0++;
    else if (dis[i - r] === 2) rpdis0++;
    else break;
  }
  if (rdis0 === 0) return false;
  let rdis1 = 0;
  let rpdis1 = 1;
  for (r = 1; i + r <= e; r++) {
    if (!dis[i + r]) rdis1++;
    else if (dis[i + r] === 2) rpdis1++;
    else break;
  }
  if (rdis1 === 0) return false;
  rdis1 += rdis0;
  rpdis1 += rpdis0;
  return rpdis1 * XDL_KPDIS_RUN < rpdis1 + rdis1;
}

/**
 * xdl_split: the middle snake of the box (off1, off2)-(lim1, lim2) by Myers' O(ND) search from
 * both corners, cut short by xdiff's heuristics (a good snake past XDL_HEUR_MIN_COST, or the
 * furthest reaching path past mxcost) unless a minimal diff is needed.
 * @param {Int32Array} ha1
 * @param {number} off1
 * @param {number} lim1
 * @param {Int32Array} ha2
 * @param {number} off2
 * @param {number} lim2
 * @param {Int32Array} kvdf
 * @param {Int32Array} kvdb
 * @param {number} K  Index of diagonal 0 in kvdf/kvdb.
 * @param {boolean} needMin
 * @param {number} mxcost
 * @param {{i1: number, i2: number, minLo: number, minHi: number}} spl
 */
function split(ha1, off1, lim1, ha2, off2, lim2, kvdf, kvdb, K, needMin, mxcost, spl) {
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = (fmid - bmid) & 1;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  let i1;
  let i2;
  let d;

  kvdf[fmid + K] = off1;
  kvdb[bmid + K] = lim1;

  for (let ec = 1; ; ec++) {
    let gotSnake = false;

    // Extend the forward diagonal domain by one (or shrink it at the box's edge).
    if (fmin > dmin) kvdf[--fmin - 1 + K] = -1;
    else ++fmin;
    if (fmax < dmax) kvdf[++fmax + 1 + K] = -1;
    else --fmax;

    for (d = fmax; d >= fmin; d -= 2) {
      const lo = /** @type {number} */ (kvdf[d - 1 + K]);
      const hi = /** @type {number} */ (kvdf[d + 1 + K]);
      i1 = lo >= hi ? lo + 1 : hi;
      const prev1 = i1;
      i2 = i1 - d;
      for (; i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]; i1++, i2++);
      if (i1 - prev1 > XDL_SNAKE_CNT) gotSnake = true;
      kvdf[d + K] = i1;
      if (odd && bmin <= d && d <= bmax && /** @type {number} */ (kvdb[d + K]) <= i1) {
        spl.i1 = i1;
        spl.i2 = i2;
        spl.minLo = spl.minHi = 1;
        return;
      }
    }

    if (bmin > dmin) kvdb[--bmin - 1 + K] = XDL_LINE_MAX;
    else ++bmin;
    if (bmax < dmax) kvdb[++bmax + 1 + K] = XDL_LINE_MAX;
    else --bmax;

    for (d = bmax; d >= bmin; d -= 2) {
      const lo = /** @type {number} */ (kvdb[d - 1 + K]);
      const hi = /** @type {number} */ (kvdb[d + 1 + K]);
      i1 = lo < hi ? lo : hi - 1;
      const prev1 = i1;
      i2 = i1 - d;
      for (; i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]; i1--, i2--);
      if (prev1 - i1 > XDL_SNAKE_CNT) gotSnake = true;
      kvdb[d + K] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= /** @type {number} */ (kvdf[d + K])) {
        spl.i1 = i1;
        spl.i2 = i2;
        spl.minLo = spl.minHi = 1;
        return;
      }
    }

    if (needMin) continue;

    // Past the heuristic trigger with a good snake: take a diagonal that went far enough
    // (distance from the corner, penalised by the distance from the mid diagonal).
    if (gotSnake && ec > XDL_HEUR_MIN_COST) {
      let best = 0;
      for (d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        i1 = /** @type {number} */ (kvdf[d + K]);
        i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (v > XDL_K_HEUR * ec && v > best && off1 + XDL_SNAKE_CNT <= i1 && i1 < lim1 && off2 + XDL_SNAKE_CNT <= i2 && i2 < lim2) {
          for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k++) {
            if (k === XDL_SNAKE_CNT) {
              best = v;
              spl.i1 = i1;
              spl.i2 = i2;
              break;
            }
          }
        }
      }
      if (best > 0) {
        spl.minLo = 1;
        spl.minHi = 0;
        return;
      }

      best = 0;
      for (d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        i1 = /** @type {number} */ (kvdb[d + K]);
        i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (v > XDL_K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - XDL_SNAKE_CNT && off2 < i2 && i2 <= lim2 - XDL_SNAKE_CNT) {
          for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k++) {
            if (k === XDL_SNAKE_CNT - 1) {
              best = v;
              spl.i1 = i1;
              spl.i2 = i2;
              break;
            }
          }
        }
      }
      if (best > 0) {
        spl.minLo = 0;
        spl.minHi = 1;
        return;
      }
    }

    // Enough is enough: take the furthest reaching path by the (i1 + i2) measure.
    if (ec >= mxcost) {
      let fbest = -1;
      let fbest1 = -1;
      for (d = fmax; d >= fmin; d -= 2) {
        i1 = Math.min(/** @type {number} */ (kvdf[d + K]), lim1);
        i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = XDL_LINE_MAX;
      let bbest1 = XDL_LINE_MAX;
      for (d = bmax; d >= bmin; d -= 2) {
        i1 = Math.max(off1, /** @type {number} */ (kvdb[d + K]));
        i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
        spl.i1 = fbest1;
        spl.i2 = fbest - fbest1;
        spl.minLo = 1;
        spl.minHi = 0;
      } else {
        spl.i1 = bbest1;
        spl.i2 = bbest - bbest1;
        spl.minLo = 0;
        spl.minHi = 1;
      }
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Histogram diff (xhistogram.c). Lines are 1-based here, as in the C.

const HISTOGRAM_MAX_CHAIN = 64;

/**
 * histogram_diff on lines [line1, line1 + count1) and [line2, line2 + count2).
 * @param {Int32Array} ha1
 * @param {Int32Array} ha2
 * @param {Uint8Array} rchg1
 * @param {Uint8Array} rchg2
 * @param {number} nclass
 * @param {number} line1
 * @param {number} count1
 * @param {number} line2
 * @param {number} count2
 */
function histogramDiff(ha1, ha2, rchg1, rchg2, nclass, line1, count1, line2, count2) {
  for (;;) {
    if (count1 <= 0 && count2 <= 0) return;
    // rchg[line - 1] in C is rchg[line] here (the arrays are shifted by one).
    if (!count1) {
      while (count2--) rchg2[line2++] = 1;
      return;
    }
    if (!count2) {
      while (count1--) rchg1[line1++] = 1;
      return;
    }
    const lcs = {begin1: 0, end1: 0, begin2: 0, end2: 0};
    const found = findLcs(ha1, ha2, lcs, line1, count1, line2, count2);
    if (found < 0) throw new Error('xdiff: histogram diff failed (hash chain too long)');
    if (found) {
      // Every common line is too frequent: fall back to the classic diff on this region
      // (fall_back_to_classic_diff, without XDF_NEED_MINIMAL as git's diff and merge never set it here).
      myersDiff(ha1, line1 - 1, count1, ha2, line2 - 1, count2, nclass, false, rchg1, rchg2);
      return;
    }
    if (lcs.begin1 === 0 && lcs.begin2 === 0) {
      while (count1--) rchg1[line1++] = 1;
      while (count2--) rchg2[line2++] = 1;
      return;
    }
    histogramDiff(ha1, ha2, rchg1, rchg2, nclass, line1, lcs.begin1 - line1, line2, lcs.begin2 - line2);
    // The tail, as the C's hand-made tail call.
    count1 = line1 + count1 - 1 - lcs.end1;
    line1 = lcs.end1 + 1;
    count2 = line2 + count2 - 1 - lcs.end2;
    line2 = lcs.end2 + 1;
  }
}

/**
 * @typedef {object} HistRecord
 * @property {number} ptr  Latest (lowest) line of this content in region A.
 * @property {number} cnt  How many times it occurs there.
 */

/**
 * find_lcs: scanA indexes region A by content (the occurrence chains), then try_lcs walks region
 * B for the longest common run with the rarest content. Returns 1 when only too-frequent lines
 * are common (fall back), 0 otherwise, -1 when a hash chain overflowed (git gives up the diff).
 * @param {Int32Array} ha1
 * @param {Int32Array} ha2
 * @param {{begin1: number, end1: number, begin2: number, end2: number}} lcs
 * @param {number} line1
 * @param {number} count1
 * @param {number} line2
 * @param {number} count2
 */
function findLcs(ha1, ha2, lcs, line1, count1, line2, count2) {
  const tableBits = hashbits(count1);
  const mask = (1 << tableBits) - 1;
  // The C keeps one record per distinct content in hash chains; only the chain lengths are
  // observable (a 65th distinct content in one chain aborts), so a Map plus counts suffices.
  /** @type {Map<number, HistRecord>} */
  const byClass = new Map();
  const chainLen = new Int32Array(1 << tableBits);
  /** @type {HistRecord[]} */
  const lineMap = new Array(count1);
  const nextPtrs = new Int32Array(count1);
  const end1 = line1 + count1 - 1;
  const end2 = line2 + count2 - 1;

  // scanA, from the last line up, so that each chain lists its lines top down.
  for (let ptr = end1; line1 <= ptr; ptr--) {
    const cls = /** @type {number} */ (ha1[ptr - 1]);
    let rec = byClass.get(cls);
    if (rec) {
      nextPtrs[ptr - line1] = rec.ptr;
      rec.ptr = ptr;
      rec.cnt++;
      lineMap[ptr - line1] = rec;
      continue;
    }
    // TABLE_HASH: XDL_HASHLONG(class, table_bits).
    const bucket = (cls + Math.floor(cls / 2 ** tableBits)) & mask;
    if (chainLen[bucket] === HISTOGRAM_MAX_CHAIN) return -1;
    chainLen[bucket] = /** @type {number} */ (chainLen[bucket]) + 1;
    rec = {ptr, cnt: 1};
    byClass.set(cls, rec);
    lineMap[ptr - line1] = rec;
  }

  let indexCnt = HISTOGRAM_MAX_CHAIN + 1;
  let hasCommon = false;

  for (let bPtr = line2; bPtr <= end2; ) {
    // try_lcs
    let bNext = bPtr + 1;
    const rec = byClass.get(/** @type {number} */ (ha2[bPtr - 1]));
    if (rec) {
      if (rec.cnt > indexCnt) {
        hasCommon = true;
      } else {
        let as = rec.ptr;
        hasCommon = true;
        for (;;) {
          let np = /** @type {number} */ (nextPtrs[as - line1]);
          let bs = bPtr;
          let ae = as;
          let be = bs;
          let rc = rec.cnt;
          while (line1 < as && line2 < bs && ha1[as - 2] === ha2[bs - 2]) {
            as--;
            bs--;
            if (1 < rc) rc = Math.min(rc, /** @type {HistRecord} */ (lineMap[as - line1]).cnt);
          }
          while (ae < end1 && be < end2 && ha1[ae] === ha2[be]) {
            ae++;
            be++;
            if (1 < rc) rc = Math.min(rc, /** @type {HistRecord} */ (lineMap[ae - line1]).cnt);
          }
          if (bNext <= be) bNext = be + 1;
          if (lcs.end1 - lcs.begin1 < ae - as || rc < indexCnt) {
            lcs.begin1 = as;
            lcs.begin2 = bs;
            lcs.end1 = ae;
            lcs.end2 = be;
            indexCnt = rc;
          }
          if (np === 0) break;
          let stop = false;
          while (np <= ae) {
            np = /** @type {number} */ (nextPtrs[np - line1]);
            if (np === 0) {
              stop = true;
              break;
            }
          }
          if (stop) break;
          as = np;
        }
      }
    }
    bPtr = bNext;
  }
  return hasCommon && HISTOGRAM_MAX_CHAIN < indexCnt ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Patience diff (xpatience.c), 1-based lines as in the C.

/**
 * @typedef {object} PatienceEntry
 * @property {number} line1  Its (first) line in region 1.
 * @property {number} line2  0: not in region 2; -1 (NON_UNIQUE): not unique on one side.
 * @property {PatienceEntry | null} next
 * @property {PatienceEntry | null} previous
 */

/**
 * patience_diff on lines [line1, line1 + count1) and [line2, line2 + count2): the longest
 * ordered run of lines unique on both sides anchors the diff; between anchors it recurses, and
 * with no unique common line it falls back to the classic diff.
 * @param {Int32Array} ha1
 * @param {Int32Array} ha2
 * @param {Uint8Array} rchg1
 * @param {Uint8Array} rchg2
 * @param {number} nclass
 * @param {number} line1
 * @param {number} count1
 * @param {number} line2
 * @param {number} count2
 */
function patienceDiff(ha1, ha2, rchg1, rchg2, nclass, line1, count1, line2, count2) {
  if (!count1) {
    while (count2--) rchg2[line2++] = 1;
    return;
  }
  if (!count2) {
    while (count1--) rchg1[line1++] = 1;
    return;
  }
  // fill_hashmap: one entry per distinct line of region 1, in order of first appearance.
  /** @type {Map<number, PatienceEntry>} */
  const map = new Map();
  /** @type {PatienceEntry | null} */
  let first = null;
  /** @type {PatienceEntry | null} */
  let last = null;
  let hasMatches = false;
  for (let l = line1; l < line1 + count1; l++) {
    const cls = /** @type {number} */ (ha1[l - 1]);
    const e = map.get(cls);
    if (e) {
      e.line2 = -1;
      continue;
    }
    /** @type {PatienceEntry} */
    const entry = {line1: l, line2: 0, next: null, previous: last};
    map.set(cls, entry);
    if (!first) first = entry;
    if (last) last.next = entry;
    last = entry;
  }
  for (let l = line2; l < line2 + count2; l++) {
    const e = map.get(/** @type {number} */ (ha2[l - 1]));
    if (!e) continue;
    hasMatches = true;
    e.line2 = e.line2 ? -1 : l;
  }
  if (!hasMatches) {
    while (count1--) rchg1[line1++] = 1;
    while (count2--) rchg2[line2++] = 1;
    return;
  }

  // find_longest_common_sequence (no --anchored anchors).
  /** @type {PatienceEntry[]} */
  const sequence = [];
  let longest = 0;
  for (let entry = first; entry; entry = entry.next) {
    if (!entry.line2 || entry.line2 === -1) continue;
    let left = -1;
    let right = longest;
    while (left + 1 < right) {
      const middle = left + ((right - left) >> 1);
      if (/** @type {PatienceEntry} */ (sequence[middle]).line2 > entry.line2) right = middle;
      else left = middle;
    }
    entry.previous = left < 0 ? null : /** @type {PatienceEntry} */ (sequence[left]);
    const i = left + 1;
    sequence[i] = entry;
    if (i === longest) longest++;
  }
  if (!longest) {
    myersDiff(ha1, line1 - 1, count1, ha2, line2 - 1, count2, nclass, false, rchg1, rchg2);
    return;
  }
  /** @type {PatienceEntry | null} */
  let entry = /** @type {PatienceEntry} */ (sequence[longest - 1]);
  entry.next = null;
  while (entry.previous) {
    entry.previous.next = entry;
    entry = entry.previous;
  }

  // walk_common_sequence
  /** @type {PatienceEntry | null} */
  let anchor = entry;
  const end1 = line1 + count1;
  const end2 = line2 + count2;
  for (;;) {
    let next1;
    let next2;
    if (anchor) {
      next1 = anchor.line1;
      next2 = anchor.line2;
      while (next1 > line1 && next2 > line2 && ha1[next1 - 2] === ha2[next2 - 2]) {
        next1--;
        next2--;
      }
    } else {
      next1 = end1;
      next2 = end2;
    }
    while (line1 < next1 && line2 < next2 && ha1[line1 - 1] === ha2[line2 - 1]) {
      line1++;
      line2++;
    }
    if (next1 > line1 || next2 > line2) patienceDiff(ha1, ha2, rchg1, rchg2, nclass, line1, next1 - line1, line2, next2 - line2);
    if (!anchor) return;
    while (anchor.next && anchor.next.line1 === anchor.line1 + 1 && anchor.next.line2 === anchor.line2 + 1) anchor = anchor.next;
    line1 = anchor.line1 + 1;
    line2 = anchor.line2 + 1;
    anchor = anchor.next;
  }
}

// ---------------------------------------------------------------------------------------------
// xdl_change_compact: slide each group of changed lines to where git shows it.

const MAX_INDENT = 200;
const MAX_BLANKS = 20;
const START_OF_FILE_PENALTY = 1;
const END_OF_FILE_PENALTY = 21;
const TOTAL_BLANK_WEIGHT = -30;
const POST_BLANK_WEIGHT = 6;
const RELATIVE_INDENT_PENALTY = -4;
const RELATIVE_INDENT_WITH_BLANK_PENALTY = 10;
const RELATIVE_OUTDENT_PENALTY = 24;
const RELATIVE_OUTDENT_WITH_BLANK_PENALTY = 17;
const RELATIVE_DEDENT_PENALTY = 23;
const RELATIVE_DEDENT_WITH_BLANK_PENALTY = 17;
const INDENT_WEIGHT = 60;
const INDENT_HEURISTIC_MAX_SLIDING = 100;

/**
 * get_indent: the indentation of a record, TAB to the next multiple of 8, -1 for a blank line
 * (only whitespace), clamped at MAX_INDENT.
 * @param {XdFile} xdf
 * @param {number} i
 */
function getIndent(xdf, i) {
  const cached = /** @type {number} */ (xdf.indent[i]);
  if (cached !== -2) return cached;
  const rec = /** @type {string} */ (xdf.recs[i]);
  let ret = 0;
  let result = -1;
  for (let k = 0; k < rec.length; k++) {
    const c = rec.charCodeAt(k);
    if (!(c === 32 || c === 9 || c === 10 || c === 13)) {
      result = ret;
      break;
    }
    if (c === 32) ret += 1;
    else if (c === 9) ret += 8 - (ret % 8);
    if (ret >= MAX_INDENT) {
      result = MAX_INDENT;
      break;
    }
  }
  xdf.indent[i] = result;
  return result;
}

/**
 * measure_split + score_add_split: the badness of splitting xdf above line `split`, added to s.
 * @param {XdFile} xdf
 * @param {number} split
 * @param {{effectiveIndent: number, penalty: number}} s
 */
function scoreSplit(xdf, split, s) {
  let endOfFile;
  let indent;
  if (split >= xdf.nrec) {
    endOfFile = true;
    indent = -1;
  } else {
    endOfFile = false;
    indent = getIndent(xdf, split);
  }
  let preBlank = 0;
  let preIndent = -1;
  for (let i = split - 1; i >= 0; i--) {
    preIndent = getIndent(xdf, i);
    if (preIndent !== -1) break;
    preBlank += 1;
    if (preBlank === MAX_BLANKS) {
      preIndent = 0;
      break;
    }
  }
  let postBlank = 0;
  let postIndent = -1;
  for (let i = split + 1; i < xdf.nrec; i++) {
    postIndent = getIndent(xdf, i);
    if (postIndent !== -1) break;
    postBlank += 1;
    if (postBlank === MAX_BLANKS) {
      postIndent = 0;
      break;
    }
  }

  if (preIndent === -1 && preBlank === 0) s.penalty += START_OF_FILE_PENALTY;
  if (endOfFile) s.penalty += END_OF_FILE_PENALTY;

  // Blank lines following the split, including the line right after it.
  const postBlanks = indent === -1 ? 1 + postBlank : 0;
  const totalBlank = preBlank + postBlanks;
  s.penalty += TOTAL_BLANK_WEIGHT * totalBlank;
  s.penalty += POST_BLANK_WEIGHT * postBlanks;

  const effective = indent !== -1 ? indent : postIndent;
  const anyBlanks = totalBlank !== 0;
  s.effectiveIndent += effective;

  if (effective === -1 || preIndent === -1) {
    // No additional adjustments needed.
  } else if (effective > preIndent) {
    s.penalty += anyBlanks ? RELATIVE_INDENT_WITH_BLANK_PENALTY : RELATIVE_INDENT_PENALTY;
  } else if (effective === preIndent) {
    // Same indentation as its predecessor.
  } else if (postIndent !== -1 && postIndent > effective) {
    s.penalty += anyBlanks ? RELATIVE_OUTDENT_WITH_BLANK_PENALTY : RELATIVE_OUTDENT_PENALTY;
  } else {
    s.penalty += anyBlanks ? RELATIVE_DEDENT_WITH_BLANK_PENALTY : RELATIVE_DEDENT_PENALTY;
  }
}

/**
 * score_cmp.
 * @param {{effectiveIndent: number, penalty: number}} s1
 * @param {{effectiveIndent: number, penalty: number}} s2
 */
function scoreCmp(s1, s2) {
  const cmpIndents = (s1.effectiveIndent > s2.effectiveIndent ? 1 : 0) - (s1.effectiveIndent < s2.effectiveIndent ? 1 : 0);
  return INDENT_WEIGHT * cmpIndents + (s1.penalty - s2.penalty);
}

/** @typedef {{start: number, end: number}} Group  xdlgroup: [start, end) changed, or empty at start. */

/** group_init. @param {XdFile} xdf @param {Group} g */
function groupInit(xdf, g) {
  g.start = g.end = 0;
  while (xdf.rchg[g.end + 1]) g.end++;
}

/** group_next; false at the end of the file. @param {XdFile} xdf @param {Group} g */
function groupNext(xdf, g) {
  if (g.end === xdf.nrec) return false;
  g.start = g.end + 1;
  for (g.end = g.start; xdf.rchg[g.end + 1]; g.end++);
  return true;
}

/** group_previous; false at the start of the file. @param {XdFile} xdf @param {Group} g */
function groupPrevious(xdf, g) {
  if (g.start === 0) return false;
  g.end = g.start - 1;
  for (g.start = g.end; xdf.rchg[g.start]; g.start--);
  return true;
}

/** group_slide_down, merging into a following group; false if it cannot. @param {XdFile} xdf @param {Group} g */
function groupSlideDown(xdf, g) {
  if (g.end < xdf.nrec && xdf.ha[g.start] === xdf.ha[g.end]) {
    xdf.rchg[g.start++ + 1] = 0;
    xdf.rchg[g.end++ + 1] = 1;
    while (xdf.rchg[g.end + 1]) g.end++;
    return true;
  }
  return false;
}

/** group_slide_up, merging into a previous group; false if it cannot. @param {XdFile} xdf @param {Group} g */
function groupSlideUp(xdf, g) {
  if (g.start > 0 && xdf.ha[g.start - 1] === xdf.ha[g.end - 1]) {
    xdf.rchg[--g.start + 1] = 1;
    xdf.rchg[--g.end + 1] = 0;
    while (xdf.rchg[g.start]) g.start--;
    return true;
  }
  return false;
}

/** @param {string} what */
function bug(what) {
  return new Error(`xdiff: ${what}`);
}

/**
 * xdl_change_compact: slide each group up and down as far as it goes (merging groups it bumps
 * into), then settle it: aligned with a change on the other side if it can be, else (with the
 * indent heuristic) at the best-scoring split, else as low as it goes.
 * @param {XdFile} xdf
 * @param {XdFile} xdfo
 * @param {boolean} indentHeuristic
 */
export function changeCompact(xdf, xdfo, indentHeuristic) {
  /** @type {Group} */
  const g = {start: 0, end: 0};
  /** @type {Group} */
  const go = {start: 0, end: 0};
  groupInit(xdf, g);
  groupInit(xdfo, go);

  for (;;) {
    if (g.end !== g.start) {
      let groupsize;
      let earliestEnd;
      let endMatchingOther;
      do {
        groupsize = g.end - g.start;
        endMatchingOther = -1;
        while (groupSlideUp(xdf, g)) if (!groupPrevious(xdfo, go)) throw bug('group sync broken sliding up');
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        for (;;) {
          if (!groupSlideDown(xdf, g)) break;
          if (!groupNext(xdfo, go)) throw bug('group sync broken sliding down');
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (groupsize !== g.end - g.start);

      if (g.end === earliestEnd) {
        // No shifting was possible.
      } else if (endMatchingOther !== -1) {
        // Line up with the last group of changes on the other side it can align with.
        while (go.end === go.start) {
          if (!groupSlideUp(xdf, g)) throw bug('match disappeared');
          if (!groupPrevious(xdfo, go)) throw bug('group sync broken sliding to match');
        }
      } else if (indentHeuristic) {
        let shift = earliestEnd;
        if (g.end - groupsize - 1 > shift) shift = g.end - groupsize - 1;
        if (g.end - INDENT_HEURISTIC_MAX_SLIDING > shift) shift = g.end - INDENT_HEURISTIC_MAX_SLIDING;
        let bestShift = -1;
        const best = {effectiveIndent: 0, penalty: 0};
        for (; shift <= g.end; shift++) {
          const score = {effectiveIndent: 0, penalty: 0};
          scoreSplit(xdf, shift, score);
          scoreSplit(xdf, shift - groupsize, score);
          if (bestShift === -1 || scoreCmp(score, best) <= 0) {
            best.effectiveIndent = score.effectiveIndent;
            best.penalty = score.penalty;
            bestShift = shift;
          }
        }
        while (g.end > bestShift) {
          if (!groupSlideUp(xdf, g)) throw bug('best shift unreached');
          if (!groupPrevious(xdfo, go)) throw bug('group sync broken sliding to blank line');
        }
      }
    }
    if (!groupNext(xdf, g)) break;
    if (!groupNext(xdfo, go)) throw bug('group sync broken moving to next group');
  }
  if (groupNext(xdfo, go)) throw bug('group sync broken at end of file');
}

/**
 * xdl_build_script: the groups of changed records as changes, first to last.
 * @param {XdFile} xdf1
 * @param {XdFile} xdf2
 * @returns {XdChange[]}
 */
function buildScript(xdf1, xdf2) {
  const r1 = xdf1.rchg;
  const r2 = xdf2.rchg;
  /** @type {XdChange[]} */
  const script = [];
  for (let i1 = xdf1.nrec, i2 = xdf2.nrec; i1 >= 0 || i2 >= 0; i1--, i2--) {
    if (r1[i1] || r2[i2]) {
      const l1 = i1;
      const l2 = i2;
      for (; r1[i1]; i1--);
      for (; r2[i2]; i2--);
      script.push({i1, chg1: l1 - i1, i2, chg2: l2 - i2});
    }
  }
  return script.reverse();
}
