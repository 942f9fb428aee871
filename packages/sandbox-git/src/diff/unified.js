/**
 * `git diff` text for one file pair, as diff.c builtin_diff and xdiff/xemit.c xdl_emit_diff
 * write it with no colour, no diff driver and default options: the `diff --git` header, mode
 * and index lines, `---`/`+++` labels, hunks with 3 lines of context merged as xdl_get_hunk
 * merges them, the hunk header's function name (xemit.c def_ff), `\ No newline at end of file`
 * and `Binary files … differ`.
 */

import {binaryToBytes, isBinaryBinary, isAlpha, isSpace, quoteTwo, splitRecords, toBinary, utf8Binary} from './bytes.js';
import {diffRecords} from './xdiff.js';

/**
 * One side of a file pair.
 * @typedef {object} DiffSide
 * @property {string} path
 * @property {number | string} mode  `0o100644` or `'100644'`.
 * @property {import('./bytes.js').Content} content
 * @property {string} [oid]  The blob id to print on the `index` line, already abbreviated as git
 *   would (`find_unique_abbrev`), or full with the `abbrev` option.
 */

/**
 * @typedef {object} DiffPair
 * @property {DiffSide | null} old  null: the file is new (`/dev/null`).
 * @property {DiffSide | null} new  null: the file was deleted.
 * @property {{similarity: number, copy?: boolean}} [rename]  A rename (or copy) found by the
 *   caller: `old.path` → `new.path` with this similarity index (percent).
 */

/**
 * @typedef {object} UnifiedOptions
 * @property {number} [context]  Lines of context (`-U`); default 3.
 * @property {number} [interHunkContext]  diff.interHunkContext; default 0.
 * @property {import('./xdiff.js').DiffAlgorithm} [algorithm]  Default `myers`.
 * @property {boolean} [indentHeuristic]  Default true.
 * @property {import('./xdiff.js').IgnoreWhitespace} [ignoreWhitespace]  `-w`, `-b`, `--ignore-space-at-eol`, `--ignore-cr-at-eol`.
 * @property {boolean} [ignoreBlankLines]  `--ignore-blank-lines`.
 * @property {boolean} [text]  `--text`: diff binary files as text.
 * @property {string} [srcPrefix]  Default `a/`.
 * @property {string} [dstPrefix]  Default `b/`.
 * @property {(oid: string) => string} [abbrev]  Turns each side's `oid` into what the index line prints.
 */

/** @param {number | string} mode */
export function modeString(mode) {
  return (typeof mode === 'number' ? mode.toString(8) : mode).padStart(6, '0');
}

/** S_IFMT of a mode. @param {number | string} mode */
function fileType(mode) {
  const m = typeof mode === 'number' ? mode : parseInt(mode, 8);
  return m & 0o170000;
}

/**
 * The whole `git diff` output for one file pair, or an empty array when git prints nothing for it.
 * @param {DiffPair} pair
 * @param {UnifiedOptions} [options]
 * @returns {Uint8Array}
 *
 * @example
 * formatFileDiff({
 *   old: {path: 'a.js', mode: 0o100644, content: 'one\n', oid: '5626abf'},
 *   new: {path: 'a.js', mode: 0o100644, content: 'two\n', oid: 'f719efd'},
 * });
 * // the bytes of: diff --git a/a.js b/a.js, index 5626abf..f719efd 100644, --- a/a.js, +++ b/a.js,
 * // the hunk header `-1 +1`, -one, +two (one line each)
 */
export function formatFileDiff(pair, options = {}) {
  return binaryToBytes(fileDiffBinary(pair, options));
}

/**
 * @param {DiffPair} pair
 * @param {UnifiedOptions} options
 * @returns {string}  A binary string.
 */
export function fileDiffBinary(pair, options) {
  const one = pair.old;
  const two = pair.new;
  if (!one && !two) throw new Error('formatFileDiff: a pair needs at least one side');
  const srcPrefix = options.srcPrefix ?? 'a/';
  const dstPrefix = options.dstPrefix ?? 'b/';
  // "Never use a non-valid filename anywhere if at all possible" (builtin_diff).
  const nameA = one ? one.path : /** @type {DiffSide} */ (two).path;
  const nameB = two ? two.path : nameA;
  const aOne = utf8Binary(quoteTwo(srcPrefix, stripSlash(nameA)));
  const bTwo = utf8Binary(quoteTwo(dstPrefix, stripSlash(nameB)));
  const lbl0 = one ? aOne : '/dev/null';
  const lbl1 = two ? bTwo : '/dev/null';

  let header = `diff --git ${aOne} ${bTwo}\n`;
  let mustShowHeader = false;
  const xfrm = metaInfo(pair, options);
  if (xfrm.mustShow) mustShowHeader = true;
  if (!one) {
    header += `new file mode ${modeString(/** @type {DiffSide} */ (two).mode)}\n` + xfrm.text;
    mustShowHeader = true;
  } else if (!two) {
    header += `deleted file mode ${modeString(one.mode)}\n` + xfrm.text;
    mustShowHeader = true;
  } else {
    if (modeString(one.mode) !== modeString(two.mode)) {
      header += `old mode ${modeString(one.mode)}\nnew mode ${modeString(two.mode)}\n`;
      mustShowHeader = true;
    }
    header += xfrm.text;
    // "we do not run diff between different kind of objects."
    if (fileType(one.mode) !== fileType(two.mode)) return header;
  }

  const data1 = one ? toBinary(one.content) : '';
  const data2 = two ? toBinary(two.content) : '';
  if (!options.text && (isBinaryBinary(data1) || isBinaryBinary(data2))) {
    if (data1 === data2) return mustShowHeader ? header : '';
    return header + `Binary files ${lbl0} and ${lbl1} differ\n`;
  }

  const hunks = hunksBinary(data1, data2, options);
  if (!hunks) return mustShowHeader ? header : '';
  return header + `--- ${lbl0}${lbl0.includes(' ') ? '\t' : ''}\n+++ ${lbl1}${lbl1.includes(' ') ? '\t' : ''}\n` + hunks;
}

/** builtin_diff drops one leading slash of a name. @param {string} name */
function stripSlash(name) {
  return name.startsWith('/') ? name.slice(1) : name;
}

/**
 * fill_metainfo: rename/copy lines and the `index` line.
 * @param {DiffPair} pair
 * @param {UnifiedOptions} options
 */
function metaInfo(pair, options) {
  let text = '';
  let mustShow = false;
  const one = pair.old;
  const two = pair.new;
  if (pair.rename && one && two) {
    const kind = pair.rename.copy ? 'copy' : 'rename';
    text += `similarity index ${pair.rename.similarity}%\n`;
    text += `${kind} from ${utf8Binary(quoteTwo('', one.path))}\n${kind} to ${utf8Binary(quoteTwo('', two.path))}\n`;
    mustShow = true;
  }
  const abbrev = options.abbrev ?? ((/** @type {string} */ oid) => oid);
  const oid2 = two?.oid !== undefined ? abbrev(two.oid) : undefined;
  const oid1 = one?.oid !== undefined ? abbrev(one.oid) : undefined;
  const id1 = oid1 ?? '0'.repeat(oid2?.length ?? 7);
  const id2 = oid2 ?? '0'.repeat(oid1?.length ?? 7);
  if ((oid1 !== undefined || oid2 !== undefined) && id1 !== id2) {
    text += `index ${id1}..${id2}`;
    if (one && two && modeString(one.mode) === modeString(two.mode)) text += ` ${modeString(one.mode)}`;
    text += '\n';
  }
  return {text, mustShow};
}

/**
 * Only the hunks (headers and lines) between two contents, as bytes; empty when equal.
 * @param {import('./bytes.js').Content} a
 * @param {import('./bytes.js').Content} b
 * @param {UnifiedOptions} [options]
 * @returns {Uint8Array}
 */
export function formatHunks(a, b, options = {}) {
  return binaryToBytes(hunksBinary(toBinary(a), toBinary(b), options));
}

/**
 * xdi_diff + xdl_emit_diff with XDL_EMIT_FUNCNAMES, through diff.c fn_out_consume.
 * @param {string} data1
 * @param {string} data2
 * @param {UnifiedOptions} options
 */
function hunksBinary(data1, data2, options) {
  const ctxlen = options.context ?? 3;
  if (!ctxlen) [data1, data2] = trimCommonTail(data1, data2);
  const recs1 = splitRecords(data1);
  const recs2 = splitRecords(data2);
  const script = diffRecords(recs1, recs2, xdiffOptions(options));
  return emitDiff(recs1, recs2, script, ctxlen, options.interHunkContext ?? 0);
}

/**
 * The xdiff settings of diff options.
 * @param {UnifiedOptions} options
 * @returns {import('./xdiff.js').XdiffOptions}
 */
export function xdiffOptions(options) {
  return {
    algorithm: options.algorithm,
    indentHeuristic: options.indentHeuristic ?? true,
    ignoreWhitespace: options.ignoreWhitespace,
    ignoreBlankLines: options.ignoreBlankLines,
  };
}

/**
 * xdiff-interface.c trim_common_tail (only with no context): drop identical 1 KiB blocks at the
 * end of both sides, keeping the tail of the last line.
 * @param {string} a
 * @param {string} b
 * @returns {[string, string]}
 */
export function trimCommonTail(a, b) {
  const blk = 1024;
  let trimmed = 0;
  const smaller = Math.min(a.length, b.length);
  while (blk + trimmed <= smaller && a.slice(a.length - trimmed - blk, a.length - trimmed) === b.slice(b.length - trimmed - blk, b.length - trimmed)) {
    trimmed += blk;
  }
  const ap = a.length - trimmed;
  let recovered = 0;
  while (recovered < trimmed) if (a[ap + recovered++] === '\n') break;
  const cut = trimmed - recovered;
  return [a.slice(0, a.length - cut), b.slice(0, b.length - cut)];
}

/**
 * xdl_get_hunk: the first and last change of the next hunk from `from` on, or null when only
 * ignorable changes are left. Changes join while the common lines between them are at most
 * 2 × context + inter-hunk context; ignorable ones (`--ignore-blank-lines`) are dropped when far
 * from any other change, shown when they sit inside a hunk.
 * @param {import('./xdiff.js').XdChange[]} script
 * @param {number} from
 * @param {number} ctxlen
 * @param {number} interhunk
 * @returns {{first: number, last: number} | null}
 */
export function getHunk(script, from, ctxlen, interhunk) {
  const maxCommon = 2 * ctxlen + interhunk;
  const maxIgnorable = ctxlen;
  /** @param {number} k */
  const at = (k) => /** @type {import('./xdiff.js').XdChange} */ (script[k]);
  // Remove ignorable changes that are too far before other changes.
  let first = from;
  for (let p = from; p < script.length && at(p).ignore; p++) {
    if (p + 1 >= script.length || at(p + 1).i1 - (at(p).i1 + at(p).chg1) >= maxIgnorable) first = p + 1;
  }
  if (first >= script.length) return null;
  let last = first;
  let ignored = 0;
  for (let p = first, k = first + 1; k < script.length; p = k, k++) {
    const xchp = at(p);
    const xch = at(k);
    const lxch = at(last);
    const distance = xch.i1 - (xchp.i1 + xchp.chg1);
    if (distance > maxCommon) break;
    if (distance < maxIgnorable && (!xch.ignore || last === p)) {
      last = k;
      ignored = 0;
    } else if (distance < maxIgnorable && xch.ignore) {
      ignored += xch.chg2;
    } else if (last !== p && xch.i1 + ignored - (lxch.i1 + lxch.chg1) > maxCommon) {
      break;
    } else if (!xch.ignore) {
      last = k;
      ignored = 0;
    } else {
      ignored += xch.chg2;
    }
  }
  return {first, last};
}

/**
 * The changes xdl_emit_diff shows (all of them unless `--ignore-blank-lines` drops some), as
 * diffstat counts them.
 * @param {import('./xdiff.js').XdChange[]} script
 * @param {number} ctxlen
 * @param {number} interhunk
 */
export function shownChanges(script, ctxlen, interhunk) {
  /** @type {import('./xdiff.js').XdChange[]} */
  const shown = [];
  for (let k = 0; k < script.length; ) {
    const hunk = getHunk(script, k, ctxlen, interhunk);
    if (!hunk) break;
    for (let j = hunk.first; j <= hunk.last; j++) shown.push(/** @type {import('./xdiff.js').XdChange} */ (script[j]));
    k = hunk.last + 1;
  }
  return shown;
}

/** xemit.c struct func_line's buffer. */
const FUNC_BUF = 80;

/**
 * xemit.c def_ff, git's function-name rule when no diff driver applies: a line starting with a
 * letter, `_` or `$`, cut to 80 bytes, trailing whitespace dropped.
 * @param {string} rec
 * @returns {string | null}
 */
function defaultFuncName(rec) {
  if (!rec.length) return null;
  const c = rec.charCodeAt(0);
  if (!(isAlpha(c) || c === 95 || c === 36)) return null;
  let len = Math.min(rec.length, FUNC_BUF);
  while (len > 0 && isSpace(rec.charCodeAt(len - 1))) len--;
  return rec.slice(0, len);
}

/**
 * xdl_emit_diff (no function context) with XDL_EMIT_FUNCNAMES, and the hunk header as
 * xdl_format_hunk_hdr and diff.c sane_truncate_line write it.
 * @param {string[]} recs1
 * @param {string[]} recs2
 * @param {import('./xdiff.js').XdChange[]} script
 * @param {number} ctxlen
 * @param {number} interhunk
 */
function emitDiff(recs1, recs2, script, ctxlen, interhunk) {
  const nrec1 = recs1.length;
  const nrec2 = recs2.length;
  /** @type {string[]} */
  const out = [];
  let funclinePrev = -1;
  let func = '';
  /** @param {string} pre @param {string} rec */
  const emit = (pre, rec) => {
    out.push(pre, rec);
    if (rec.length > 0 && rec[rec.length - 1] !== '\n') out.push('\n\\ No newline at end of file\n');
  };
  for (let k = 0; k < script.length; ) {
    const hunk = getHunk(script, k, ctxlen, interhunk);
    if (!hunk) break;
    const last = hunk.last;
    k = hunk.first;
    const xch = /** @type {import('./xdiff.js').XdChange} */ (script[k]);
    const xche = /** @type {import('./xdiff.js').XdChange} */ (script[last]);
    let s1 = Math.max(xch.i1 - ctxlen, 0);
    let s2 = Math.max(xch.i2 - ctxlen, 0);
    let lctx = ctxlen;
    lctx = Math.min(lctx, nrec1 - (xche.i1 + xche.chg1));
    lctx = Math.min(lctx, nrec2 - (xche.i2 + xche.chg2));
    const e1 = xche.i1 + xche.chg1 + lctx;
    const e2 = xche.i2 + xche.chg2 + lctx;

    // get_func_line from s1 - 1 back to where the previous hunk looked: the buffer keeps the
    // previous hunk's name when nothing new is found, which is the nearest one still.
    for (let l = s1 - 1; l !== funclinePrev && l >= 0 && l < nrec1; l--) {
      const name = defaultFuncName(/** @type {string} */ (recs1[l]));
      if (name !== null) {
        func = name;
        break;
      }
    }
    funclinePrev = s1 - 1;
    out.push(hunkHeader(s1 + 1, e1 - s1, s2 + 1, e2 - s2, func));

    for (; s2 < xch.i2; s2++) emit(' ', /** @type {string} */ (recs2[s2]));
    for (let j = k; ; j++) {
      const c = /** @type {import('./xdiff.js').XdChange} */ (script[j]);
      for (; s1 < c.i1 && s2 < c.i2; s1++, s2++) emit(' ', /** @type {string} */ (recs2[s2]));
      for (s1 = c.i1; s1 < c.i1 + c.chg1; s1++) emit('-', /** @type {string} */ (recs1[s1]));
      for (s2 = c.i2; s2 < c.i2 + c.chg2; s2++) emit('+', /** @type {string} */ (recs2[s2]));
      if (j === last) break;
      s1 = c.i1 + c.chg1;
      s2 = c.i2 + c.chg2;
    }
    for (s2 = xche.i2 + xche.chg2; s2 < e2; s2++) emit(' ', /** @type {string} */ (recs2[s2]));
    k = last + 1;
  }
  return out.join('');
}

/**
 * xdl_format_hunk_hdr (128-byte buffer) then diff.c sane_truncate_line, which cuts the line at
 * the first byte that is not valid UTF-8 (a name cut inside a character loses that character).
 * @param {number} s1
 * @param {number} c1
 * @param {number} s2
 * @param {number} c2
 * @param {string} func
 */
function hunkHeader(s1, c1, s2, c2, func) {
  let buf = `@@ -${c1 ? s1 : s1 - 1}`;
  if (c1 !== 1) buf += `,${c1}`;
  buf += ` +${c2 ? s2 : s2 - 1}`;
  if (c2 !== 1) buf += `,${c2}`;
  buf += ' @@';
  if (func.length) {
    buf += ' ';
    buf += func.slice(0, 128 - buf.length - 1);
  }
  buf += '\n';
  const valid = validUtf8Prefix(buf);
  return valid === buf.length ? buf : buf.slice(0, valid) + '\n';
}

/**
 * How many leading bytes of a binary string are whole, valid UTF-8 characters (utf8.c
 * pick_one_utf8_char's rules: no overlongs, surrogates, U+FFFE/U+FFFF or code points past U+10FFFF).
 * @param {string} s
 */
export function validUtf8Prefix(s) {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c0 = s.charCodeAt(i);
    if (c0 < 0x80) {
      i++;
      continue;
    }
    const c1 = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    const c2 = i + 2 < n ? s.charCodeAt(i + 2) : -1;
    const c3 = i + 3 < n ? s.charCodeAt(i + 3) : -1;
    /** @param {number} c */
    const cont = (c) => c >= 0 && (c & 0xc0) === 0x80;
    if ((c0 & 0xe0) === 0xc0) {
      if (!cont(c1) || (c0 & 0xfe) === 0xc0) return i;
      i += 2;
    } else if ((c0 & 0xf0) === 0xe0) {
      if (!cont(c1) || !cont(c2) || (c0 === 0xe0 && (c1 & 0xe0) === 0x80) || (c0 === 0xed && (c1 & 0xe0) === 0xa0) || (c0 === 0xef && c1 === 0xbf && (c2 & 0xfe) === 0xbe)) return i;
      i += 3;
    } else if ((c0 & 0xf8) === 0xf0) {
      if (!cont(c1) || !cont(c2) || !cont(c3) || (c0 === 0xf0 && (c1 & 0xf0) === 0x80) || (c0 === 0xf4 && c1 > 0x8f) || c0 > 0xf4) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return n;
}
