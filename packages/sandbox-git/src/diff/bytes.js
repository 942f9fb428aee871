/**
 * Content as xdiff sees it: bytes, split into records (lines with their '\n').
 *
 * Inside this folder a file's content is a "binary string": one UTF-16 code unit per byte
 * (0..255). That keeps byte-exact behaviour (git never decodes file content) while letting
 * lines be Map keys and slices without copying. Callers pass `Uint8Array` (a blob as read) or
 * a JS string (text, encoded as UTF-8); outputs that carry file content come back as bytes.
 */

/** @typedef {Uint8Array | string} Content  File content: bytes as stored, or text (encoded as UTF-8). */

const encoder = new TextEncoder();
const CHUNK = 0x2000;

/**
 * Content → binary string (one char per byte).
 * @param {Content} content
 * @returns {string}
 */
export function toBinary(content) {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  if (bytes.length <= CHUNK) return String.fromCharCode.apply(null, /** @type {number[]} */ (/** @type {unknown} */ (bytes)));
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, /** @type {number[]} */ (/** @type {unknown} */ (bytes.subarray(i, i + CHUNK))));
  }
  return out;
}

/**
 * Binary string → bytes.
 * @param {string} binary
 * @returns {Uint8Array}
 */
export function binaryToBytes(binary) {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * A text string (a path, a label) → its UTF-8 bytes as a binary string.
 * @param {string} text
 */
export function utf8Binary(text) {
  return toBinary(encoder.encode(text));
}

/** How many leading bytes git inspects for a NUL (xdiff-interface.c FIRST_FEW_BYTES). */
const FIRST_FEW_BYTES = 8000;

/**
 * git's `buffer_is_binary`: a NUL among the first 8000 bytes.
 * @param {string} binary
 */
export function isBinaryBinary(binary) {
  const end = Math.min(binary.length, FIRST_FEW_BYTES);
  return binary.slice(0, end).includes('\0');
}

/**
 * git's binary detection for a file's content (no `diff`/`binary` attribute: see README). A
 * string counts by its UTF-8 bytes.
 * @param {Content} content
 */
export function isBinaryContent(content) {
  if (typeof content === 'string') return isBinaryBinary(toBinary(content.slice(0, FIRST_FEW_BYTES)));
  const end = Math.min(content.length, FIRST_FEW_BYTES);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}

/**
 * git's `isspace` (git-compat-util.h sane_ctype): only TAB, LF, CR and space, never VT or FF.
 * @param {number} c  A byte.
 */
export function isSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** @param {number} c */
export function isAlpha(c) {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** @param {number} c */
export function isAlnum(c) {
  return isAlpha(c) || (c >= 48 && c <= 57);
}

/**
 * Records as xdl_prepare_ctx cuts them: each line with its '\n'; the last one may lack it.
 * @param {string} binary
 * @returns {string[]}
 */
export function splitRecords(binary) {
  /** @type {string[]} */
  const recs = [];
  let start = 0;
  const n = binary.length;
  while (start < n) {
    const nl = binary.indexOf('\n', start);
    const end = nl < 0 ? n : nl + 1;
    recs.push(binary.slice(start, end));
    start = end;
  }
  return recs;
}

/**
 * diff.c count_lines: newlines, plus one for an incomplete last line.
 * @param {string} binary
 */
export function countLines(binary) {
  if (!binary.length) return 0;
  let count = 0;
  for (let i = binary.indexOf('\n'); i >= 0; i = binary.indexOf('\n', i + 1)) count++;
  if (binary[binary.length - 1] !== '\n') count++;
  return count;
}

/**
 * quote.c quote_c_style with core.quotePath=true (git's default): a path that needs quoting is
 * returned in double quotes with C escapes and octal for bytes >= 0x80; otherwise as is.
 * `quoted` also reports whether quoting happened (quote_two needs it).
 * @param {string} path  A path as text (encoded as UTF-8 for quoting).
 * @param {boolean} [withQuotes=true]  false: CQUOTE_NODQ (escape, but no surrounding quotes).
 * @returns {{text: string, quoted: boolean}}
 */
export function quoteCStyle(path, withQuotes = true) {
  const bytes = utf8Binary(path);
  let out = '';
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    const esc = C_ESCAPES[c];
    if (c >= 0x20 && c < 0x7f && esc === undefined) {
      out += bytes[i];
      continue;
    }
    quoted = true;
    if (esc !== undefined) out += '\\' + esc;
    else out += '\\' + ((c >> 6) & 3) + ((c >> 3) & 7) + (c & 7);
  }
  if (!quoted) return {text: path, quoted: false};
  return {text: withQuotes ? `"${out}"` : out, quoted: true};
}

/** quote.c cq_lookup: the bytes escaped by letter rather than in octal. @type {Record<number, string>} */
const C_ESCAPES = {7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x22: '"', 0x5c: '\\'};

/**
 * diff.c quote_two: prefix + path, quoted as a whole if either needs it.
 * @param {string} prefix
 * @param {string} path
 */
export function quoteTwo(prefix, path) {
  const a = quoteCStyle(prefix, false);
  const b = quoteCStyle(path, false);
  if (a.quoted || b.quoted) return `"${a.text}${b.text}"`;
  return prefix + path;
}
