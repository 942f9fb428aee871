/**
 * A commit's text in `git log`: a port of git 2.39's pretty.c (pretty_print_commit for the
 * built-in formats, format_commit_message for `--format`) and date.c (show_date).
 *
 * log-tree.js prints the `commit <oid>` line and the graph; these functions return what
 * pretty.c leaves in its buffer for one commit.
 */

import {COLOR_COMMIT, COLOR_RESET, formatDecorations} from './decorate.js';
import {gitWcwidth, utf8Width} from './unicode-width.js';

/** @typedef {import('../types.js').CommitInfo} CommitInfo */
/** @typedef {import('../types.js').Ident} Ident */
/** @typedef {import('./decorate.js').Decorations} Decorations */

/**
 * `--date=<mode>` (date.c: parse_date_format), the modes this port prints.
 * @typedef {'default' | 'relative' | 'short' | 'iso' | 'iso-strict' | 'rfc' | 'raw' | 'unix'} DateMode
 */

/** The built-in formats of `--pretty` (pretty.c: setup_commit_formats) but the mail ones. */
/** @typedef {'oneline' | 'short' | 'medium' | 'full' | 'fuller' | 'raw'} BuiltinFormat */

/**
 * What `--pretty`/`--format` asks for (pretty.c: get_commit_format).
 * @typedef {{kind: 'builtin', name: BuiltinFormat, useTerminator: boolean}
 *   | {kind: 'user', format: string, useTerminator: boolean, dateMode?: DateMode}} CommitFormat
 */

/**
 * @typedef {object} FormatContext
 * @property {(oid: string) => string} abbrev  The abbreviated id git prints (7 characters,
 *   more when ambiguous: find_unique_abbrev). Used for commits, parents and trees.
 * @property {Decorations} [decorations]  For `%d`/`%D` (and log-tree.js's `--decorate`).
 * @property {boolean} [decorateFull]  `--decorate=full`.
 * @property {boolean} [color]  `color.ui=always`: `%C(auto)`, `%Cred`... take effect.
 * @property {DateMode} [dateMode]  `--date`.
 * @property {number} [now]  Seconds since the epoch, for relative dates; the clock by default.
 * @property {number} [graphWidth]  The graph's width left of the text (`%<|(N)` counts it).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * pretty.c: get_commit_format. `undefined` is the default (medium). A name is matched as git
 * does: the shortest built-in name it starts (`med` is medium, `f` is full).
 * @param {string | undefined} arg  What follows `--pretty=` or `--format=`.
 * @returns {CommitFormat | null}  Null for an unknown name (git: "invalid --pretty format").
 */
export function parseCommitFormat(arg) {
  if (arg === undefined) return {kind: 'builtin', name: 'medium', useTerminator: false};
  if (arg.startsWith('format:')) return {kind: 'user', format: arg.slice('format:'.length), useTerminator: false};
  if (arg === '' || arg.startsWith('tformat:') || arg.includes('%')) {
    return {kind: 'user', format: arg.startsWith('tformat:') ? arg.slice('tformat:'.length) : arg, useTerminator: true};
  }
  /** @type {[string, CommitFormat][]} */
  const formats = [
    ['raw', {kind: 'builtin', name: 'raw', useTerminator: false}],
    ['medium', {kind: 'builtin', name: 'medium', useTerminator: false}],
    ['short', {kind: 'builtin', name: 'short', useTerminator: false}],
    ['fuller', {kind: 'builtin', name: 'fuller', useTerminator: false}],
    ['full', {kind: 'builtin', name: 'full', useTerminator: false}],
    ['oneline', {kind: 'builtin', name: 'oneline', useTerminator: true}],
    ['reference', {kind: 'user', format: '%C(auto)%h (%s, %ad)', useTerminator: true, dateMode: 'short'}],
  ];
  /** @type {[string, CommitFormat] | null} */
  let found = null;
  for (const entry of formats) {
    if (!entry[0].startsWith(arg)) continue;
    if (!found || found[0].length > entry[0].length) found = entry;
  }
  return found ? found[1] : null;
}

/**
 * date.c: parse_date_format, for the modes this port prints.
 * @param {string} arg
 * @returns {DateMode | null}
 */
export function parseDateMode(arg) {
  /** @type {Record<string, DateMode>} */
  const names = {
    default: 'default',
    normal: 'default',
    relative: 'relative',
    short: 'short',
    iso: 'iso',
    iso8601: 'iso',
    'iso-strict': 'iso-strict',
    'iso8601-strict': 'iso-strict',
    rfc: 'rfc',
    rfc2822: 'rfc',
    raw: 'raw',
    unix: 'unix',
  };
  return names[arg] ?? null;
}

/**
 * The offset as git parses it, "decimal" (`+0130` is 130).
 * @param {number} tzMinutes
 */
function tzDecimal(tzMinutes) {
  const abs = Math.abs(tzMinutes);
  const value = Math.floor(abs / 60) * 100 + (abs % 60);
  return tzMinutes < 0 ? -value : value;
}

/** printf's `%+05d`. @param {number} n */
function signed4(n) {
  return (n < 0 ? '-' : '+') + String(Math.abs(n)).padStart(4, '0');
}

/** @param {number} n @param {number} [width] */
function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

/**
 * date.c: show_date, for an ident's date in its own time zone.
 * @param {number} timestamp  Seconds since the epoch.
 * @param {number} tzMinutes
 * @param {DateMode} [mode]
 * @param {number} [now]  For `relative`: seconds since the epoch.
 */
export function showDate(timestamp, tzMinutes, mode = 'default', now) {
  const tz = tzDecimal(tzMinutes);
  if (mode === 'unix') return String(timestamp);
  if (mode === 'raw') return `${timestamp} ${signed4(tz)}`;
  if (mode === 'relative') return showDateRelative(timestamp, now ?? Math.floor(Date.now() / 1000));
  // time_to_tm: the wall clock of the ident's zone is UTC shifted by the offset.
  const d = new Date((timestamp + tzMinutes * 60) * 1000);
  const year = d.getUTCFullYear();
  const mon = d.getUTCMonth();
  const mday = d.getUTCDate();
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ymd = `${pad(year, 4)}-${pad(mon + 1)}-${pad(mday)}`;
  switch (mode) {
    case 'short':
      return ymd;
    case 'iso':
      return `${ymd} ${hms} ${signed4(tz)}`;
    case 'iso-strict': {
      const abs = Math.abs(tz);
      return `${ymd}T${hms}${tz >= 0 ? '+' : '-'}${pad(Math.floor(abs / 100))}:${pad(abs % 100)}`;
    }
    case 'rfc':
      return `${WEEKDAYS[d.getUTCDay()]}, ${mday} ${MONTHS[mon]} ${year} ${hms} ${signed4(tz)}`;
    default:
      // show_date_normal with nothing hidden (hiding is for --date=human).
      return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[mon]} ${mday} ${hms} ${year} ${signed4(tz)}`;
  }
}

/**
 * date.c: show_date_relative (English messages).
 * @param {number} time
 * @param {number} now
 */
function showDateRelative(time, now) {
  if (now < time) return 'in the future';
  let diff = now - time;
  /** @param {number} n @param {string} unit */
  const ago = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (diff < 90) return ago(diff, 'second');
  diff = Math.floor((diff + 30) / 60);
  if (diff < 90) return ago(diff, 'minute');
  diff = Math.floor((diff + 30) / 60);
  if (diff < 36) return ago(diff, 'hour');
  diff = Math.floor((diff + 12) / 24);
  if (diff < 14) return ago(diff, 'day');
  if (diff < 70) return ago(Math.floor((diff + 3) / 7), 'week');
  if (diff < 365) return ago(Math.floor((diff + 15) / 30), 'month');
  if (diff < 1825) {
    const totalMonths = Math.floor((diff * 12 * 2 + 365) / (365 * 2));
    const years = Math.floor(totalMonths / 12);
    const months = totalMonths % 12;
    if (months) return `${years} year${years === 1 ? '' : 's'}, ${ago(months, 'month')}`;
    return ago(years, 'year');
  }
  return ago(Math.floor((diff + 183) / 365), 'year');
}

// ---------------------------------------------------------------------------------------------
// Message helpers (pretty.c: get_one_line, is_blank_line, skip_blank_lines, format_subject)

/** git's isspace (ctype.c: GIT_SPACE is tab, LF, CR and space). @param {string | undefined} c */
function isSpace(c) {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** strbuf_rtrim @param {string} s */
function rtrim(s) {
  let end = s.length;
  while (end > 0 && isSpace(s[end - 1])) end--;
  return s.slice(0, end);
}

/**
 * The message as lines, each with its trimmed content (is_blank_line trims trailing space).
 * @param {string} msg
 * @param {number} pos
 * @returns {{text: string, next: number} | null}  Null at the end of the message.
 */
function oneLine(msg, pos) {
  if (pos >= msg.length) return null;
  const nl = msg.indexOf('\n', pos);
  const end = nl < 0 ? msg.length : nl + 1;
  return {text: rtrim(msg.slice(pos, end)), next: end};
}

/** skip_blank_lines @param {string} msg @param {number} pos */
function skipBlankLines(msg, pos) {
  for (;;) {
    const line = oneLine(msg, pos);
    if (!line || line.text !== '') return pos;
    pos = line.next;
  }
}

/**
 * format_subject: the first paragraph joined by `separator`; returns where it stopped.
 * @param {string} msg
 * @param {number} pos
 * @param {string} separator
 */
function formatSubject(msg, pos, separator) {
  const parts = [];
  for (;;) {
    const line = oneLine(msg, pos);
    if (!line) break;
    pos = line.next;
    if (line.text === '') break;
    parts.push(line.text);
  }
  return {subject: parts.join(separator), next: pos};
}

/**
 * The subject git prints for `%s` and `--oneline`: the first paragraph of the message, its
 * lines joined by spaces.
 * @param {string} message
 */
export function commitSubject(message) {
  return formatSubject(message, skipBlankLines(message, 0), ' ').subject;
}

/**
 * strbuf_add_tabexpand: tabs to the next multiple of `tabwidth` columns, counted from the start
 * of the line's text; a control character before a tab stops the expansion.
 * @param {string} line
 * @param {number} tabwidth
 */
function expandTabs(line, tabwidth) {
  let out = '';
  let rest = line;
  for (let tab = rest.indexOf('\t'); tab >= 0; tab = rest.indexOf('\t')) {
    const width = utf8Width(rest.slice(0, tab));
    if (width < 0) break;
    out += rest.slice(0, tab) + ' '.repeat(tabwidth - (width % tabwidth));
    rest = rest.slice(tab + 1);
  }
  return out + rest;
}

/** An ident as a commit stores it: `Name <email> 1795798800 +0100`. @param {Ident} ident */
function rawIdent(ident) {
  return `${nameEmail(ident)} ${ident.timestamp} ${signed4(tzDecimal(ident.tzMinutes))}`;
}

/** @param {Ident} ident */
function nameEmail(ident) {
  return `${ident.name} <${ident.email}>`;
}

// ---------------------------------------------------------------------------------------------
// Built-in formats

/**
 * pretty.c: pretty_print_commit for a built-in format: what follows the `commit <oid>` line
 * (for `oneline`, what follows `<hash> `): the subject without a newline for `oneline`;
 * otherwise the headers, a blank line and the message indented by 4, ending in a newline.
 * @param {CommitInfo} commit
 * @param {BuiltinFormat} fmt
 * @param {FormatContext} ctx
 * @returns {string}
 */
export function prettyPrintCommit(commit, fmt, ctx) {
  const msg = commit.message;
  if (fmt === 'oneline') {
    // pp_title_line, then strbuf_rtrim: no newline.
    return rtrim(formatSubject(msg, skipBlankLines(msg, 0), ' ').subject);
  }
  let sb = '';
  const date = (/** @type {Ident} */ ident) => showDate(ident.timestamp, ident.tzMinutes, ctx.dateMode, ctx.now);
  if (fmt === 'raw') {
    // pp_header copies the header lines as they are (commits written by git commit and by the
    // engine have no headers but these).
    sb += `tree ${commit.tree}\n${commit.parents.map((p) => `parent ${p}\n`).join('')}`;
    sb += `author ${rawIdent(commit.author)}\ncommitter ${rawIdent(commit.committer)}\n`;
  } else {
    // pp_header: add_merge_info, then pp_user_info for the idents the format shows.
    if (commit.parents.length > 1) sb += `Merge:${commit.parents.map((p) => ` ${ctx.abbrev(p)}`).join('')}\n`;
    if (fmt === 'fuller') {
      sb += `Author:     ${nameEmail(commit.author)}\nAuthorDate: ${date(commit.author)}\n`;
      sb += `Commit:     ${nameEmail(commit.committer)}\nCommitDate: ${date(commit.committer)}\n`;
    } else {
      sb += `Author: ${nameEmail(commit.author)}\n`;
      if (fmt === 'medium') sb += `Date:   ${date(commit.author)}\n`;
      if (fmt === 'full') sb += `Commit: ${nameEmail(commit.committer)}\n`;
    }
  }
  sb += '\n';
  // pp_remainder with indent 4; medium, full and fuller expand tabs to 8 columns.
  const expand = fmt !== 'short' && fmt !== 'raw';
  let pos = skipBlankLines(msg, 0);
  let first = true;
  for (;;) {
    const line = oneLine(msg, pos);
    if (!line) break;
    pos = line.next;
    if (line.text === '') {
      if (first) continue;
      if (fmt === 'short') break;
    }
    first = false;
    sb += `    ${expand ? expandTabs(line.text, 8) : line.text}\n`;
  }
  return `${rtrim(sb)}\n`;
}

// ---------------------------------------------------------------------------------------------
// User formats (pretty.c: format_commit_message, format_commit_item, format_commit_one)

/** color.c: the ANSI colour names, in code order. */
const COLOR_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
/** color.c: parse_attr's attributes and their codes (the negation is the second). */
const COLOR_ATTRS = /** @type {Record<string, [number, number]>} */ ({
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  ul: [4, 24],
  blink: [5, 25],
  reverse: [7, 27],
  strike: [9, 29],
});

/**
 * color.c: parse_color for one word: the SGR parameters, '' for `normal`, null if not a colour.
 * @param {string} word
 * @param {boolean} background
 * @returns {string | null}
 */
function parseColorWord(word, background) {
  const lower = word.toLowerCase();
  const offset = background ? 10 : 0;
  if (lower === 'normal') return '';
  if (/^#[0-9a-f]{6}$/i.test(word)) {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(word.slice(i, i + 2), 16));
    return `${38 + offset};2;${r};${g};${b}`;
  }
  if (lower === 'default') return String(39 + offset);
  let name = lower;
  let base = 30;
  if (name.startsWith('bright')) {
    base = 90;
    name = name.slice(6);
  }
  const index = COLOR_NAMES.indexOf(name);
  if (index >= 0) return String(base + index + offset);
  if (/^-?\d+$/.test(word)) {
    const val = Number(word);
    if (val === -1) return '';
    if (val >= 0 && val < 8) return String(30 + val + offset);
    if (val >= 8 && val < 16) return String(90 + val - 8 + offset);
    if (val >= 16 && val < 256) return `${38 + offset};5;${val}`;
  }
  return null;
}

/**
 * color.c: color_parse_mem: `[reset] [fg [bg]] [attr]...` to an escape sequence.
 * @param {string} value
 * @returns {string | null}  Null when git refuses the colour.
 */
export function parseColor(value) {
  const words = value.split(/[ \t\n\r]+/).filter(Boolean);
  if (words.length === 0) return '';
  let reset = false;
  /** @type {string | null} */
  let fg = null;
  /** @type {string | null} */
  let bg = null;
  let attrs = 0;
  for (const word of words) {
    if (word.toLowerCase() === 'reset') {
      reset = true;
      continue;
    }
    if (fg === null) {
      const c = parseColorWord(word, false);
      if (c !== null) {
        fg = c;
        continue;
      }
    } else if (bg === null) {
      const c = parseColorWord(word, true);
      if (c !== null) {
        bg = c;
        continue;
      }
    } else if (parseColorWord(word, false) !== null) {
      return null;
    }
    const negate = /^no-?/.exec(word);
    const attr = COLOR_ATTRS[negate ? word.slice(negate[0].length) : word];
    if (!attr) return null;
    attrs |= 1 << (negate ? attr[1] : attr[0]);
  }
  if (!reset && !attrs && !fg && !bg) return '';
  const params = [];
  if (reset) params.push('');
  for (let i = 0; attrs; i++) {
    if (!(attrs & (1 << i))) continue;
    attrs &= ~(1 << i);
    params.push(String(i));
  }
  if (fg) params.push(fg);
  if (bg) params.push(bg);
  return `\x1b[${params.join(';')}m`;
}

/** pretty.c: FORMATTING_LIMIT, the widest padding git accepts. */
const FORMATTING_LIMIT = 16 * 1024;

/**
 * utf8.c: display_mode_esc_sequence_len: the length of the colour code at `i`, or 0.
 * @param {string} s
 * @param {number} i
 */
function escapeLength(s, i) {
  const m = /^\x1b\[[0-9;]*m/.exec(s.slice(i, i + 64));
  return m ? m[0].length : 0;
}

/**
 * utf8.c: utf8_strnwidth(…, skip_ansi): the columns a string takes, colour codes and control
 * characters taking none.
 * @param {string} s
 */
function displayWidth(s) {
  let width = 0;
  for (let i = 0; i < s.length; ) {
    const skip = escapeLength(s, i);
    if (skip) {
      i += skip;
      continue;
    }
    const cp = /** @type {number} */ (s.codePointAt(i));
    const w = gitWcwidth(cp);
    if (w > 0) width += w;
    i += cp > 0xffff ? 2 : 1;
  }
  return width;
}

/**
 * utf8.c: strbuf_utf8_replace: the glyphs starting in columns [pos, pos + width) become `subst`
 * (once); colour codes stay.
 * @param {string} s
 * @param {number} pos
 * @param {number} width
 * @param {string} subst
 */
function utf8Replace(s, pos, width, subst) {
  let out = '';
  let w = 0;
  /** @type {string | null} */
  let pending = subst;
  for (let i = 0; i < s.length; ) {
    const skip = escapeLength(s, i);
    if (skip) {
      out += s.slice(i, i + skip);
      i += skip;
      continue;
    }
    const cp = /** @type {number} */ (s.codePointAt(i));
    const glyph = String.fromCodePoint(cp);
    i += glyph.length;
    const gw = Math.max(0, gitWcwidth(cp));
    if (gw && w >= pos && w < pos + width) {
      if (pending !== null) {
        out += pending;
        pending = null;
      }
    } else {
      out += glyph;
    }
    w += gw;
  }
  return out;
}

/** @param {string} s @returns {boolean} */
function isHex2(s) {
  return /^[0-9a-fA-F]{2}$/.test(s);
}

/**
 * format_sanitized_subject (`%f`).
 * @param {string} subject
 */
function sanitizedSubject(subject) {
  let out = '';
  let space = 2;
  for (let i = 0; i < subject.length; i++) {
    const c = /** @type {string} */ (subject[i]);
    if (/[a-zA-Z0-9._]/.test(c)) {
      if (space === 1) out += '-';
      space = 0;
      out += c;
      if (c === '.') while (subject[i + 1] === '.') i++;
    } else {
      space |= 1;
    }
  }
  return out.replace(/[.-]+$/, '');
}

/**
 * pretty.c: format_commit_message: `--format=<format>` for one commit (without the newline a
 * `tformat:` adds: log-tree.js adds it).
 * @param {CommitInfo} commit
 * @param {string} format  Placeholders as git's: %H %h %T %t %P %p %s %b %B %f %n %%, %x00,
 *   %an %ae %al %ad %aD %ar %at %ai %aI %as (and %c… for the committer), %d %D, %m, %e,
 *   %C(...) %Cred %Cgreen %Cblue %Creset, the %+x %-x % x modifiers, the %<(N) %>(N) %><(N)
 *   %>>(N) %<|(N) paddings with trunc, ltrunc, mtrunc.
 * @param {FormatContext & {defaultDateMode?: DateMode}} ctx
 * @returns {string}
 */
export function formatCommitMessage(commit, format, ctx) {
  const msg = commit.message;
  const subjectOff = skipBlankLines(msg, 0);
  const afterSubject = formatSubject(msg, subjectOff, ' ').next;
  const bodyOff = skipBlankLines(msg, afterSubject);
  const dateMode = ctx.dateMode ?? ctx.defaultDateMode;
  let autoColor = false;
  let sb = '';
  // The column a %<(N), %>(N), %><(N), %>>(N) asks the next placeholder to fill (negative: up
  // to a column, %<|(N)), and how to cut what is wider.
  /** @type {'none' | 'right' | 'left' | 'left-and-steal' | 'both'} */
  let flushType = 'none';
  let padding = 0;
  /** @type {'none' | 'left' | 'middle' | 'right'} */
  let truncate = 'none';

  /** @param {string} s */
  const colorCommit = (s) => (autoColor ? COLOR_COMMIT + s + COLOR_RESET : s);

  /**
   * format_person_part
   * @param {Ident} ident
   * @param {string | undefined} part
   * @returns {number}
   */
  const person = (ident, part) => {
    switch (part) {
      case 'n':
      case 'N':
        sb += ident.name;
        return 2;
      case 'e':
      case 'E':
        sb += ident.email;
        return 2;
      case 'l':
      case 'L': {
        const at = ident.email.indexOf('@');
        sb += at >= 0 ? ident.email.slice(0, at) : ident.email;
        return 2;
      }
      case 't':
        sb += String(ident.timestamp);
        return 2;
      case 'd':
        sb += showDate(ident.timestamp, ident.tzMinutes, dateMode, ctx.now);
        return 2;
      case 'D':
        sb += showDate(ident.timestamp, ident.tzMinutes, 'rfc');
        return 2;
      case 'r':
        sb += showDate(ident.timestamp, ident.tzMinutes, 'relative', ctx.now);
        return 2;
      case 'i':
        sb += showDate(ident.timestamp, ident.tzMinutes, 'iso');
        return 2;
      case 'I':
        sb += showDate(ident.timestamp, ident.tzMinutes, 'iso-strict');
        return 2;
      case 's':
        sb += showDate(ident.timestamp, ident.tzMinutes, 'short');
        return 2;
      default:
        return 0;
    }
  };

  /**
   * format_commit_one: appends one placeholder's expansion, returns how many characters of the
   * format it consumed (0: not a placeholder, the '%' is printed as is).
   * @param {string} ph  The format from just after '%'.
   * @returns {number}
   */
  const one = (ph) => {
    const c = ph[0];
    // strbuf_expand_literal_cb
    if (c === 'n') {
      sb += '\n';
      return 1;
    }
    if (c === 'x') {
      const hex = ph.slice(1, 3);
      if (!isHex2(hex)) return 0;
      sb += String.fromCharCode(parseInt(hex, 16));
      return 3;
    }
    if (c === '<' || c === '>') return paddingPlaceholder(ph);
    if (c === 'C') {
      if (ph.startsWith('C(auto)')) {
        autoColor = ctx.color ?? false;
        if (autoColor && sb.length) sb += COLOR_RESET;
        return 7;
      }
      // parse_color
      if (ph[1] === '(') {
        const end = ph.indexOf(')', 2);
        if (end < 0) return 0;
        let spec = ph.slice(2, end);
        let always = false;
        if (spec.startsWith('auto,')) spec = spec.slice(5);
        else if (spec.startsWith('always,')) {
          spec = spec.slice(7);
          always = true;
        }
        autoColor = false;
        if (!always && !ctx.color) return end + 1;
        const code = parseColor(spec);
        // git dies here ("unable to parse --pretty format"); print nothing rather than throw.
        sb += code ?? '';
        return end + 1;
      }
      for (const [name, code] of /** @type {[string, string][]} */ ([
        ['red', '\x1b[31m'],
        ['green', '\x1b[32m'],
        ['blue', '\x1b[34m'],
        ['reset', COLOR_RESET],
      ])) {
        if (ph.startsWith(name, 1)) {
          autoColor = false;
          if (ctx.color) sb += code;
          return 1 + name.length;
        }
      }
      return 0;
    }
    switch (c) {
      case 'H':
        sb += colorCommit(commit.oid);
        return 1;
      case 'h':
        sb += colorCommit(ctx.abbrev(commit.oid));
        return 1;
      case 'T':
        sb += commit.tree;
        return 1;
      case 't':
        sb += ctx.abbrev(commit.tree);
        return 1;
      case 'P':
        sb += commit.parents.join(' ');
        return 1;
      case 'p':
        sb += commit.parents.map((p) => ctx.abbrev(p)).join(' ');
        return 1;
      case 'm':
        // get_revision_mark(NULL, commit): no revs, so '>' unless left of a symmetric range.
        sb += '>';
        return 1;
      case 'd':
      case 'D':
        if (ctx.decorations) {
          sb += formatDecorations(ctx.decorations, commit.oid, {
            full: ctx.decorateFull,
            color: autoColor,
            ...(c === 'D' ? {prefix: '', separator: ', ', suffix: ''} : {}),
          });
        }
        return 1;
      case 'N':
        // The notes: none (load_display_notes finds no notes ref).
        return 1;
      case 'g':
        return ph[1] === 'd' || ph[1] === 'D' || ph[1] === 's' ? 2 : 0;
      case 'G':
        // check_commit_signature on an unsigned commit: result 'N', nothing else.
        if (ph[1] === '?') sb += 'N';
        return ph[1] && 'GSKFPT?'.includes(ph[1]) ? 2 : 0;
      case 'a':
        return person(commit.author, ph[1]);
      case 'c':
        return person(commit.committer, ph[1]);
      case 'e':
        // The encoding header: commits written by git and isomorphic-git have none.
        return 1;
      case 'B':
        sb += msg;
        return 1;
      case 's':
        sb += formatSubject(msg, subjectOff, ' ').subject;
        return 1;
      case 'f': {
        const eol = msg.indexOf('\n', subjectOff);
        sb += sanitizedSubject(msg.slice(subjectOff, eol < 0 ? msg.length : eol));
        return 1;
      }
      case 'b':
        sb += msg.slice(bodyOff);
        return 1;
      default:
        return 0;
    }
  };

  /**
   * parse_padding_placeholder
   * @param {string} ph
   * @returns {number}
   */
  const paddingPlaceholder = (ph) => {
    let i = 1;
    /** @type {typeof flushType} */
    let type;
    if (ph[0] === '<') type = 'right';
    else if (ph[1] === '<') {
      type = 'both';
      i++;
    } else if (ph[1] === '>') {
      type = 'left-and-steal';
      i++;
    } else type = 'left';
    const toColumn = ph[i] === '|';
    if (toColumn) i++;
    if (ph[i] !== '(') return 0;
    const start = i + 1;
    let end = start;
    while (end < ph.length && ph[end] !== ',' && ph[end] !== ')') end++;
    if (end >= ph.length || end === start) return 0;
    // strtol: an optional sign and digits, after optional spaces.
    const number = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(ph.slice(start, end));
    if (!number) return 0;
    let width = Number(number[1]);
    if (width < -FORMATTING_LIMIT || width > FORMATTING_LIMIT || width === 0) return 0;
    if (width < 0) {
      // term_columns(): 80 when the output is not a terminal and COLUMNS is not set.
      if (toColumn) width += 80;
      if (width < 0) return 0;
    }
    /** @type {typeof truncate} */
    let cut = 'none';
    if (ph[end] === ',') {
      const close = ph.indexOf(')', end + 1);
      if (close < 0 || close === end + 1) return 0;
      const rest = ph.slice(end + 1);
      if (rest.startsWith('trunc)')) cut = 'right';
      else if (rest.startsWith('ltrunc)')) cut = 'left';
      else if (rest.startsWith('mtrunc)')) cut = 'middle';
      else return 0;
      end = close;
    }
    padding = toColumn ? -width : width;
    flushType = type;
    truncate = cut;
    return end + 1;
  };

  /**
   * format_and_pad_commit: the placeholder after a padding one (with the colours before it)
   * padded to, or cut at, the width asked for.
   * @param {string} ph
   * @returns {number}
   */
  const formatAndPad = (ph) => {
    let pad = padding;
    if (pad < 0) {
      const start = sb.lastIndexOf('\n');
      const occupied = displayWidth(start < 0 ? sb : sb.slice(start)) + (ctx.graphWidth ?? 0);
      pad = -pad - occupied;
    }
    const outer = sb;
    sb = '';
    let total = 0;
    for (;;) {
      const modifier = ph[0] === 'C';
      const consumed = one(ph);
      total += consumed;
      if (!modifier) break;
      ph = ph.slice(consumed);
      if (ph[0] !== '%') break;
      ph = ph.slice(1);
      total++;
    }
    let local = sb;
    sb = outer;
    const len = displayWidth(local);
    if (flushType === 'left-and-steal') {
      // Take back trailing spaces (and the colour codes among them) from what precedes.
      let ch = sb.length - 1;
      while (len > pad && ch > 0) {
        if (sb[ch] === ' ') {
          ch--;
          pad++;
          continue;
        }
        if (sb[ch] !== 'm') break;
        let p = ch - 1;
        while (p > 0 && ch - p < 10 && sb[p] !== '\x1b') p--;
        if (sb[p] !== '\x1b' || ch + 1 - p !== escapeLength(sb, p)) break;
        local = sb.slice(p, ch + 1) + local;
        ch = p - 1;
      }
      sb = sb.slice(0, ch + 1);
      flushType = 'left';
    }
    if (len > pad) {
      if (truncate === 'left') local = utf8Replace(local, 0, len - (pad - 2), '..');
      else if (truncate === 'middle') local = utf8Replace(local, Math.trunc(pad / 2) - 1, len - (pad - 2), '..');
      else if (truncate === 'right') local = utf8Replace(local, pad - 2, len - (pad - 2), '..');
      sb += local;
    } else {
      const spaces = pad - len;
      const offset = flushType === 'left' ? spaces : flushType === 'both' ? Math.trunc(spaces / 2) : 0;
      sb += ' '.repeat(offset) + local + ' '.repeat(spaces - offset);
    }
    flushType = 'none';
    return total;
  };

  /**
   * format_commit_item: the %+x (newline before a non-empty expansion), %-x (drop the newlines
   * before an empty one) and "% x" (space before a non-empty one) modifiers.
   * @param {string} ph
   */
  const item = (ph) => {
    const magic = ph[0] === '-' || ph[0] === '+' || ph[0] === ' ' ? ph[0] : null;
    if (magic) {
      ph = ph.slice(1);
      if (ph[0] === 'w') return 0;
    }
    const origLen = sb.length;
    const consumed = flushType !== 'none' ? formatAndPad(ph) : one(ph);
    if (!magic) return consumed;
    if (origLen === sb.length && magic === '-') {
      sb = sb.replace(/\n+$/, '');
    } else if (origLen !== sb.length) {
      const insert = magic === '+' ? '\n' : magic === ' ' ? ' ' : '';
      sb = sb.slice(0, origLen) + insert + sb.slice(origLen);
    }
    return consumed + 1;
  };

  // strbuf_expand
  let pos = 0;
  for (;;) {
    const percent = format.indexOf('%', pos);
    if (percent < 0) {
      sb += format.slice(pos);
      break;
    }
    sb += format.slice(pos, percent);
    pos = percent + 1;
    if (format[pos] === '%') {
      sb += '%';
      pos++;
      continue;
    }
    const consumed = item(format.slice(pos));
    if (consumed) pos += consumed;
    else sb += '%';
  }
  return sb;
}
