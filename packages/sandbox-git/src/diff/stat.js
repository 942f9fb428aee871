/**
 * `--stat`, `--shortstat`, `--numstat` and `--summary`, as diff.c show_stats, show_shortstats,
 * show_numstat and diff_summary print them (no colour, no line prefix). These are also the lines
 * `git commit` (shortstat + summary), `git merge` (stat + summary, fast-forward or merge made)
 * and `git show --stat` print after their own first lines.
 */

import {isBinaryBinary, quoteCStyle, splitRecords, toBinary} from './bytes.js';
import {modeString, shownChanges, xdiffOptions} from './unified.js';
import {diffRecords} from './xdiff.js';

/**
 * One file's line in a diffstat (struct diffstat_file).
 * @typedef {object} StatFile
 * @property {string} path  The (new) path.
 * @property {string} [fromPath]  For a rename or copy: the old path (printed `a/{b => c}/d`).
 * @property {number} added  Lines added; for a binary file, the new size in bytes.
 * @property {number} deleted  Lines deleted; for a binary file, the old size in bytes.
 * @property {boolean} [binary]
 * @property {boolean} [unmerged]  Printed ` p | Unmerged`, left out of the totals.
 * @property {string} [comment]  `--compact-summary`'s `new`, `gone`, `mode +x`…
 */

/**
 * @typedef {object} StatOptions
 * @property {number} [width]  Total width (`--stat=<width>`); default 80, git's width when
 *   stdout is not a terminal and COLUMNS is unset.
 * @property {number} [nameWidth]  `--stat-name-width`; default 0 (no limit of its own).
 * @property {number} [graphWidth]  `--stat-graph-width` or diff.statGraphWidth; default 0.
 * @property {number} [count]  `--stat-count`: show only the first N files, then ` ...`.
 */

/**
 * The stat numbers of one file pair (builtin_diffstat), or null when git leaves the pair out
 * (a modified file whose diff is empty and whose mode did not change).
 * Missing sides (`null`) are an added or deleted file.
 * @param {{path: string, mode?: number | string, content: import('./bytes.js').Content} | null} old
 * @param {{path: string, mode?: number | string, content: import('./bytes.js').Content} | null} next
 * @param {{fromPath?: string} & import('./unified.js').UnifiedOptions} [options]  The rename source, and
 *   the diff options that change counts (algorithm, whitespace, context with --ignore-blank-lines).
 * @returns {StatFile | null}
 *
 * @example
 * statFile({path: 'a', content: 'x\n'}, {path: 'a', content: 'y\n'}) // {path: 'a', added: 1, deleted: 1}
 */
export function statFile(old, next, options = {}) {
  const side = next ?? old;
  if (!side) throw new Error('statFile: a pair needs at least one side');
  const data1 = old ? toBinary(old.content) : '';
  const data2 = next ? toBinary(next.content) : '';
  /** @type {StatFile} */
  const file = {path: side.path, added: 0, deleted: 0};
  if (options.fromPath !== undefined) file.fromPath = options.fromPath;
  if (isBinaryBinary(data1) || isBinaryBinary(data2)) {
    file.binary = true;
    if (data1 !== data2 || !old || !next) {
      file.added = data2.length;
      file.deleted = data1.length;
    }
    return file;
  }
  // The counts of `+` and `-` lines the diff prints (with its default 3 lines of context, which
  // decide which blank-line changes --ignore-blank-lines leaves out).
  const script = diffRecords(splitRecords(data1), splitRecords(data2), xdiffOptions(options));
  for (const change of options.ignoreBlankLines ? shownChanges(script, options.context ?? 3, options.interHunkContext ?? 0) : script) {
    file.added += change.chg2;
    file.deleted += change.chg1;
  }
  if (old && next && !file.added && !file.deleted && options.fromPath === undefined) {
    const sameMode = old.mode === undefined || next.mode === undefined || modeString(old.mode) === modeString(next.mode);
    if (sameMode) return null;
  }
  return file;
}

/** decimal_width. @param {number} n */
function decimalWidth(n) {
  return String(n).length;
}

/**
 * fill_print_name: the name as the stat shows it.
 * @param {StatFile} file
 */
function printName(file) {
  const name = file.fromPath !== undefined ? prettyRename(file.fromPath, file.path) : quoteCStyle(file.path).text;
  return file.comment ? `${name} (${file.comment})` : name;
}

/**
 * diff.c pprint_rename: `common/{old => new}/tail`, sharing the leading and trailing path
 * components the two names have in common.
 * @param {string} a
 * @param {string} b
 */
export function prettyRename(a, b) {
  const qa = quoteCStyle(a);
  const qb = quoteCStyle(b);
  if (qa.quoted || qb.quoted) return `${qa.text} => ${qb.text}`;
  const lenA = a.length;
  const lenB = b.length;
  let pfx = 0;
  for (let i = 0; i < lenA && i < lenB && a[i] === b[i]; i++) if (a[i] === '/') pfx = i + 1;
  // The C walks back from the terminating NULs; an index past the end reads as NUL here.
  let oa = lenA;
  let ob = lenB;
  let sfx = 0;
  const adjust = pfx ? 1 : 0;
  while (pfx - adjust <= oa && pfx - adjust <= ob && (a[oa] ?? '\0') === (b[ob] ?? '\0')) {
    if (a[oa] === '/') sfx = lenA - oa;
    oa--;
    ob--;
  }
  const aMid = Math.max(0, lenA - pfx - sfx);
  const bMid = Math.max(0, lenB - pfx - sfx);
  const mid = `${a.slice(pfx, pfx + aMid)} => ${b.slice(pfx, pfx + bMid)}`;
  if (!(pfx + sfx)) return mid;
  return `${a.slice(0, pfx)}{${mid}}${a.slice(lenA - sfx)}`;
}

/**
 * Display width of a name (utf8_strwidth): code points count one column, East Asian wide ones two
 * and combining marks none. Names are ASCII when quoted (core.quotePath, the default).
 * @param {string} s
 */
function displayWidth(s) {
  let w = 0;
  for (const ch of s) {
    const cp = /** @type {number} */ (ch.codePointAt(0));
    if (cp < 0x300) w += 1;
    else if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f)) w += 0;
    else if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)) w += 2;
    else w += 1;
  }
  return w;
}

/**
 * scale_linear: at least one column for any change.
 * @param {number} it
 * @param {number} width
 * @param {number} maxChange
 */
function scaleLinear(it, width, maxChange) {
  if (!it) return 0;
  return 1 + Math.floor((it * (width - 1)) / maxChange);
}

/**
 * `--stat`: one line per file and the summary line (show_stats).
 * @param {StatFile[]} files  In the order git lists them (by path).
 * @param {StatOptions} [options]
 * @returns {string}
 *
 * @example
 * formatStat([{path: 'cart.js', added: 3, deleted: 1}])
 * // ' cart.js | 4 +++-\n 1 file changed, 3 insertions(+), 1 deletion(-)\n'
 */
export function formatStat(files, options = {}) {
  if (!files.length) return '';
  let count = options.count ? options.count : files.length;
  let maxChange = 0;
  let maxLen = 0;
  let numberWidth = 0;
  let binWidth = 0;
  /** @type {string[]} */
  const names = [];
  let i = 0;
  for (; i < count && i < files.length; i++) {
    const file = /** @type {StatFile} */ (files[i]);
    const name = printName(file);
    names[i] = name;
    const len = displayWidth(name);
    if (maxLen < len) maxLen = len;
    if (file.unmerged) {
      binWidth = binWidth < 8 ? 8 : binWidth;
      continue;
    }
    if (file.binary) {
      // "Bin XXX -> YYY bytes"
      const w = 14 + decimalWidth(file.added) + decimalWidth(file.deleted);
      binWidth = binWidth < w ? w : binWidth;
      numberWidth = 3;
      continue;
    }
    const change = file.added + file.deleted;
    if (maxChange < change) maxChange = change;
  }
  count = i;

  let width = options.width ? options.width : 80;
  numberWidth = decimalWidth(maxChange) > numberWidth ? decimalWidth(maxChange) : numberWidth;
  const statGraphWidth = options.graphWidth ?? 0;
  const statNameWidth = options.nameWidth ?? 0;
  // Guarantee 3/8*16 == 6 for the graph part and 5/8*16 == 10 for the filename part.
  if (width < 16 + 6 + numberWidth) width = 16 + 6 + numberWidth;
  let graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
  if (statGraphWidth && statGraphWidth < graphWidth) graphWidth = statGraphWidth;
  let nameWidth = statNameWidth > 0 && statNameWidth < maxLen ? statNameWidth : maxLen;
  if (nameWidth + numberWidth + 6 + graphWidth > width) {
    if (graphWidth > Math.trunc((width * 3) / 8) - numberWidth - 6) {
      graphWidth = Math.trunc((width * 3) / 8) - numberWidth - 6;
      if (graphWidth < 6) graphWidth = 6;
    }
    if (statGraphWidth && graphWidth > statGraphWidth) graphWidth = statGraphWidth;
    if (nameWidth > width - numberWidth - 6 - graphWidth) nameWidth = width - numberWidth - 6 - graphWidth;
    else graphWidth = width - numberWidth - 6 - nameWidth;
  }

  let out = '';
  for (i = 0; i < count; i++) {
    const file = /** @type {StatFile} */ (files[i]);
    let name = /** @type {string} */ (names[i]);
    let prefix = '';
    let len = nameWidth;
    const nameLen = displayWidth(name);
    if (nameWidth < nameLen) {
      // Shorten from the left, at a slash when there is one: ".../tail".
      prefix = '...';
      len -= 3;
      name = name.slice(nameLen - len);
      const slash = name.indexOf('/');
      if (slash >= 0) name = name.slice(slash);
    }
    const padding = Math.max(0, len - displayWidth(name));
    const label = ` ${prefix}${name}${' '.repeat(padding)} | `;
    if (file.binary) {
      out += label + 'Bin'.padStart(numberWidth);
      if (!file.added && !file.deleted) {
        out += '\n';
        continue;
      }
      out += ` ${file.deleted} -> ${file.added} bytes\n`;
      continue;
    }
    if (file.unmerged) {
      // git prints no newline after "Unmerged" (the next line follows on the same line).
      out += label + 'Unmerged'.padStart(numberWidth);
      continue;
    }
    let add = file.added;
    let del = file.deleted;
    if (graphWidth <= maxChange) {
      let total = scaleLinear(add + del, graphWidth, maxChange);
      if (total < 2 && add && del) total = 2;
      if (add < del) {
        add = scaleLinear(add, graphWidth, maxChange);
        del = total - add;
      } else {
        del = scaleLinear(del, graphWidth, maxChange);
        add = total - del;
      }
    }
    const changed = file.added + file.deleted;
    out += label + String(changed).padStart(numberWidth) + (changed ? ' ' : '');
    out += '+'.repeat(Math.max(0, add)) + '-'.repeat(Math.max(0, del)) + '\n';
  }

  let totalFiles = files.length;
  let adds = 0;
  let dels = 0;
  let extraShown = false;
  for (i = 0; i < files.length; i++) {
    const file = /** @type {StatFile} */ (files[i]);
    if (file.unmerged) {
      totalFiles--;
      continue;
    }
    if (!file.binary) {
      adds += file.added;
      dels += file.deleted;
    }
    if (i < count) continue;
    if (!extraShown) out += ' ...\n';
    extraShown = true;
  }
  return out + summaryLine(totalFiles, adds, dels);
}

/**
 * print_stat_summary_inserts_deletes: ` 2 files changed, 3 insertions(+), 1 deletion(-)`.
 * @param {number} files
 * @param {number} insertions
 * @param {number} deletions
 */
export function summaryLine(files, insertions, deletions) {
  if (!files) return ' 0 files changed\n';
  let sb = files === 1 ? ` ${files} file changed` : ` ${files} files changed`;
  // Both zero (binary files only) prints both, "probably less confusing".
  if (insertions || deletions === 0) sb += insertions === 1 ? `, ${insertions} insertion(+)` : `, ${insertions} insertions(+)`;
  if (deletions || insertions === 0) sb += deletions === 1 ? `, ${deletions} deletion(-)` : `, ${deletions} deletions(-)`;
  return sb + '\n';
}

/**
 * `--shortstat` (show_shortstats): only the summary line; nothing for no files.
 * @param {StatFile[]} files
 */
export function formatShortStat(files) {
  if (!files.length) return '';
  let totalFiles = files.length;
  let adds = 0;
  let dels = 0;
  for (const file of files) {
    if (file.unmerged) totalFiles--;
    else if (!file.binary) {
      adds += file.added;
      dels += file.deleted;
    }
  }
  return summaryLine(totalFiles, adds, dels);
}

/**
 * `--numstat` (show_numstat): `added<TAB>deleted<TAB>path`, `-` for binary files.
 * @param {StatFile[]} files
 */
export function formatNumstat(files) {
  let out = '';
  for (const file of files) {
    out += file.binary ? '-\t-\t' : `${file.added}\t${file.deleted}\t`;
    out += (file.fromPath !== undefined ? prettyRename(file.fromPath, file.path) : quoteCStyle(file.path).text) + '\n';
  }
  return out;
}

/**
 * One file pair for `--summary` (diff_summary).
 * @typedef {object} SummaryEntry
 * @property {'A' | 'D' | 'M' | 'R' | 'C' | 'T'} status
 * @property {string} path  The new path (the old one for a deletion).
 * @property {string} [fromPath]  For `R` and `C`.
 * @property {number | string} [oldMode]
 * @property {number | string} [newMode]
 * @property {number} [similarity]  For `R` and `C`, in percent.
 */

/**
 * `--summary`: ` create mode 100644 p`, ` delete mode …`, ` rename a => b (90%)`,
 * ` mode change 100644 => 100755 p`; nothing for a plain modification.
 * @param {SummaryEntry[]} entries
 *
 * @example
 * formatSummary([{status: 'A', path: 'cart.js', newMode: 0o100644}]) // ' create mode 100644 cart.js\n'
 */
export function formatSummary(entries) {
  let out = '';
  for (const e of entries) {
    const name = quoteCStyle(e.path).text;
    if (e.status === 'D') out += e.oldMode !== undefined ? ` delete mode ${modeString(e.oldMode)} ${name}\n` : ` delete ${name}\n`;
    else if (e.status === 'A') out += e.newMode !== undefined ? ` create mode ${modeString(e.newMode)} ${name}\n` : ` create ${name}\n`;
    else if (e.status === 'R' || e.status === 'C') {
      out += ` ${e.status === 'R' ? 'rename' : 'copy'} ${prettyRename(e.fromPath ?? e.path, e.path)} (${e.similarity ?? 100}%)\n`;
      out += modeChange(e, false);
    } else out += modeChange(e, true);
  }
  return out;
}

/**
 * show_mode_change.
 * @param {SummaryEntry} e
 * @param {boolean} showName
 */
function modeChange(e, showName) {
  if (e.oldMode === undefined || e.newMode === undefined) return '';
  const from = modeString(e.oldMode);
  const to = modeString(e.newMode);
  if (from === to || /^0+$/.test(from) || /^0+$/.test(to)) return '';
  return ` mode change ${from} => ${to}${showName ? ' ' + quoteCStyle(e.path).text : ''}\n`;
}
