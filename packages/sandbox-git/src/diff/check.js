/**
 * `git diff --check` for one file pair, as diff.c builtin_checkdiff / checkdiff_consume and
 * ws.c ws_check print it with no colour: for each added line, a leftover conflict marker and
 * the whitespace errors of core.whitespace's rule (git's default: trailing-space, which is
 * blank-at-eol + blank-at-eof, and space-before-tab), then a new blank line at the end of file.
 */

import {binaryToBytes, countLines, isBinaryBinary, isSpace, splitRecords, toBinary, utf8Binary} from './bytes.js';
import {diffRecords} from './xdiff.js';

export const WS_BLANK_AT_EOL = 0o100;
export const WS_SPACE_BEFORE_TAB = 0o200;
export const WS_INDENT_WITH_NON_TAB = 0o400;
export const WS_CR_AT_EOL = 0o1000;
export const WS_BLANK_AT_EOF = 0o2000;
export const WS_TAB_IN_INDENT = 0o4000;
export const WS_TRAILING_SPACE = WS_BLANK_AT_EOL | WS_BLANK_AT_EOF;
const WS_TAB_WIDTH_MASK = 0o77;
/** git's default whitespace rule (cache.h WS_DEFAULT_RULE): tab width 8. */
export const WS_DEFAULT_RULE = WS_TRAILING_SPACE | WS_SPACE_BEFORE_TAB | 8;

/** ws.c whitespace_rule_names. */
const RULE_NAMES = /** @type {const} */ ([
  ['trailing-space', WS_TRAILING_SPACE],
  ['space-before-tab', WS_SPACE_BEFORE_TAB],
  ['indent-with-non-tab', WS_INDENT_WITH_NON_TAB],
  ['cr-at-eol', WS_CR_AT_EOL],
  ['blank-at-eol', WS_BLANK_AT_EOL],
  ['blank-at-eof', WS_BLANK_AT_EOF],
  ['tab-in-indent', WS_TAB_IN_INDENT],
]);

/**
 * ws.c parse_whitespace_rule: a core.whitespace value (`-trailing-space,cr-at-eol`) on top of
 * the default rule.
 * @param {string} value
 * @returns {number}
 */
export function parseWhitespaceRule(value) {
  let rule = WS_DEFAULT_RULE;
  for (let item of value.split(',')) {
    // strspn(", \t\n\r") skips empty items and leading blanks; an empty name ends the list.
    item = item.replace(/^[ \t\n\r]+/, '');
    if (!item) continue;
    let negated = false;
    if (item.startsWith('-')) {
      negated = true;
      item = item.slice(1);
    }
    if (!item) break;
    // strncmp(rule_name, string, len): a prefix of a rule name names that rule.
    const found = RULE_NAMES.find(([name]) => name.startsWith(item));
    if (found) rule = negated ? rule & ~found[1] : rule | found[1];
    if (item.startsWith('tabwidth=')) {
      const tabwidth = parseInt(item.slice(9), 10) || 0;
      if (tabwidth > 0 && tabwidth < 0o100) rule = (rule & ~WS_TAB_WIDTH_MASK) | tabwidth;
    }
  }
  if (rule & WS_TAB_IN_INDENT && rule & WS_INDENT_WITH_NON_TAB) throw new Error('cannot enforce both tab-in-indent and indent-with-non-tab');
  return rule;
}

/**
 * ws.c whitespace_error_string.
 * @param {number} ws
 */
export function whitespaceErrorString(ws) {
  /** @type {string[]} */
  const parts = [];
  if ((ws & WS_TRAILING_SPACE) === WS_TRAILING_SPACE) parts.push('trailing whitespace');
  else {
    if (ws & WS_BLANK_AT_EOL) parts.push('trailing whitespace');
    if (ws & WS_BLANK_AT_EOF) parts.push('new blank line at EOF');
  }
  if (ws & WS_SPACE_BEFORE_TAB) parts.push('space before tab in indent');
  if (ws & WS_INDENT_WITH_NON_TAB) parts.push('indent with spaces');
  if (ws & WS_TAB_IN_INDENT) parts.push('tab in indent');
  return parts.join(', ');
}

/**
 * ws.c ws_check (ws_check_emit_1 with no stream): the error bits of one line (with its '\n').
 * @param {string} line  A binary string.
 * @param {number} rule
 */
export function wsCheck(line, rule) {
  let result = 0;
  let len = line.length;
  if (len > 0 && line[len - 1] === '\n') len--;
  if (rule & WS_CR_AT_EOL && len > 0 && line[len - 1] === '\r') len--;
  let trailing = -1;
  if (rule & WS_BLANK_AT_EOL) {
    for (let i = len - 1; i >= 0; i--) {
      if (isSpace(line.charCodeAt(i))) {
        trailing = i;
        result |= WS_BLANK_AT_EOL;
      } else break;
    }
  }
  if (trailing === -1) trailing = len;
  let written = 0;
  let i = 0;
  for (; i < trailing; i++) {
    const c = line[i];
    if (c === ' ') continue;
    if (c !== '\t') break;
    if (rule & WS_SPACE_BEFORE_TAB && written < i) result |= WS_SPACE_BEFORE_TAB;
    else if (rule & WS_TAB_IN_INDENT) result |= WS_TAB_IN_INDENT;
    written = i + 1;
  }
  if (rule & WS_INDENT_WITH_NON_TAB && i - written >= (rule & WS_TAB_WIDTH_MASK)) result |= WS_INDENT_WITH_NON_TAB;
  return result;
}

/**
 * diff.c is_conflict_marker: marker_size times one of `<=>|`, then whitespace.
 * @param {string} line  Without the diff's `+`, with its '\n'.
 * @param {number} markerSize
 */
function isConflictMarker(line, markerSize) {
  if (line.length < markerSize + 1) return false;
  const first = line[0];
  if (first !== '=' && first !== '>' && first !== '<' && first !== '|') return false;
  for (let cnt = 1; cnt < markerSize; cnt++) if (line[cnt] !== first) return false;
  return isSpace(line.charCodeAt(markerSize));
}

/**
 * ws.c ws_blank_line.
 * @param {string} s
 * @param {number} from
 * @param {number} len
 */
function blankLine(s, from, len) {
  for (let k = 0; k < len; k++) if (!isSpace(s.charCodeAt(from + k))) return false;
  return true;
}

/**
 * diff.c count_trailing_blank (its loop never looks at the file's first line).
 * @param {string} data
 */
function countTrailingBlank(data) {
  let cnt = 0;
  if (!data.length) return cnt;
  let ptr = data.length - 1;
  if (data[ptr] === '\n') ptr--;
  while (0 < ptr) {
    let prevEol = ptr;
    for (; 0 <= prevEol; prevEol--) if (data[prevEol] === '\n') break;
    if (!blankLine(data, prevEol + 1, ptr - prevEol)) break;
    cnt++;
    ptr = prevEol - 1;
  }
  return cnt;
}

/**
 * diff.c check_blank_at_eof: the line number where the blank lines the change added at the end
 * of the file start, or 0.
 * @param {string} data1
 * @param {string} data2
 */
function blankAtEof(data1, data2) {
  const l1 = countTrailingBlank(data1);
  const l2 = countTrailingBlank(data2);
  if (l2 <= l1) return 0;
  return countLines(data2) - l2 + 1;
}

/**
 * @typedef {object} CheckOptions
 * @property {number} [rule]  The whitespace rule (see parseWhitespaceRule); default WS_DEFAULT_RULE.
 * @property {number} [markerSize]  conflict-marker-size; default 7.
 */

/**
 * @typedef {object} CheckResult
 * @property {Uint8Array} output  What git prints for this file (may end without a newline when
 *   the offending last line has none, as git's own output does).
 * @property {boolean} failed  Whether git counts a problem: `git diff --check` exits with 2 when
 *   any file failed (3 with `--exit-code` or `--no-index` and a difference).
 */

/**
 * `git diff --check` for one file: old side (empty for an added file) against the new side.
 * @param {string} path  The name git prints (the new path).
 * @param {import('./bytes.js').Content | null} old
 * @param {import('./bytes.js').Content} next
 * @param {CheckOptions} [options]
 * @returns {CheckResult}
 *
 * @example
 * checkFile('a.js', 'x\n', 'x\ny \n').output // bytes of "a.js:2: trailing whitespace.\n+y \n"
 */
export function checkFile(path, old, next, options = {}) {
  const rule = options.rule ?? WS_DEFAULT_RULE;
  const markerSize = options.markerSize && options.markerSize > 0 ? options.markerSize : 7;
  const data1 = old === null ? '' : toBinary(old);
  const data2 = toBinary(next);
  // Only the new side's binary-ness counts: "we are checking the newly introduced changes".
  if (isBinaryBinary(data2)) return {output: new Uint8Array(0), failed: false};
  const name = utf8Binary(path);
  const recs1 = splitRecords(data1);
  const recs2 = splitRecords(data2);
  let out = '';
  let failed = false;
  // builtin_checkdiff runs xdiff with flags 0: no indent heuristic, so lines slide as far down as
  // they go, and the line numbers follow from that.
  for (const change of diffRecords(recs1, recs2, {indentHeuristic: false})) {
    for (let k = change.i2; k < change.i2 + change.chg2; k++) {
      // An unterminated last line reaches checkdiff_consume with the '\n' of the "\ No newline"
      // marker that xdl_emit_diffrec sends right after it, so it is checked and printed with one.
      let line = /** @type {string} */ (recs2[k]);
      if (line[line.length - 1] !== '\n') line += '\n';
      const lineno = k + 1;
      if (isConflictMarker(line, markerSize)) {
        failed = true;
        out += `${name}:${lineno}: leftover conflict marker\n`;
      }
      const bad = wsCheck(line, rule);
      if (!bad) continue;
      failed = true;
      out += `${name}:${lineno}: ${whitespaceErrorString(bad)}.\n+${line}`;
    }
  }
  if (rule & WS_BLANK_AT_EOF) {
    const at = blankAtEof(data1, data2);
    if (at) {
      out += `${name}:${at}: ${whitespaceErrorString(WS_BLANK_AT_EOF)}.\n`;
      failed = true;
    }
  }
  return {output: binaryToBytes(out), failed};
}
