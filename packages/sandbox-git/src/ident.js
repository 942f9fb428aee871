/**
 * Who and when: the author/committer/tagger lines git writes (`Name <email> 1764262800 +0100`),
 * from GIT_{AUTHOR,COMMITTER}_{NAME,EMAIL,DATE}, `user.name`/`user.email` (and `author.*`/
 * `committer.*`) and the clock. Same inputs, same bytes as git: that is what makes object ids equal.
 */
import {exit, fatal} from './errors.js';

/** @typedef {import('./types.js').Ident} Ident */

/** git's `strbuf_addstr_without_crud` (ident.c): no leading/trailing crud in names and emails. */
const CRUD = new Set(['.', ',', ':', ';', '<', '>', '"', '\\', "'", ' ', '\t', '\n', '\r']);

/** @param {string} text */
export function withoutCrud(text) {
  let start = 0;
  let end = text.length;
  while (start < end && CRUD.has(/** @type {string} */ (text[start]))) start++;
  while (end > start && CRUD.has(/** @type {string} */ (text[end - 1]))) end--;
  // git also drops the characters that would break the ident line.
  return text.slice(start, end).replace(/[<>\n]/g, '');
}

/** `+0100` for 60 minutes east of UTC. @param {number} minutes */
export function formatOffset(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The ident line git writes after `author `/`committer `/`tagger `. @param {Ident} ident */
export function formatIdent(ident) {
  return `${ident.name} <${ident.email}> ${ident.timestamp} ${formatOffset(ident.tzMinutes)}`;
}

/** Parses an ident line (`Name <email> 123 +0100`). @param {string} line @returns {Ident} */
export function parseIdent(line) {
  const match = /^(.*?) ?<([^>]*)> (-?\d+) ([+-])(\d\d)(\d\d)$/.exec(line);
  if (!match) {
    // Tolerate what old tools wrote; git shows such lines as best it can.
    const fallback = /^(.*?) ?<([^>]*)>/.exec(line);
    return {name: fallback?.[1] ?? line, email: fallback?.[2] ?? '', timestamp: 0, tzMinutes: 0};
  }
  const minutes = Number(match[5]) * 60 + Number(match[6]);
  return {name: /** @type {string} */ (match[1]), email: /** @type {string} */ (match[2]), timestamp: Number(match[3]), tzMinutes: match[4] === '-' ? -minutes : minutes};
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** @param {number} year @param {number} month 1-12 @param {number} day @param {number} h @param {number} m @param {number} s */
function utcSeconds(year, month, day, h, m, s) {
  return Math.floor(Date.UTC(year, month - 1, day, h, m, s) / 1000);
}

/** @param {string} text @returns {number | undefined} minutes east of UTC */
function parseZone(text) {
  if (text === 'Z' || text === 'z' || /^(UTC|GMT)$/i.test(text)) return 0;
  const match = /^([+-])(\d\d):?(\d\d)?$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A date as GIT_AUTHOR_DATE/GIT_COMMITTER_DATE/`--date` accept it: git's internal form
 * (`1764262800 +0100`, `@1764262800 +0100`), RFC 2822 (`Fri, 27 Nov 2026 18:00:00 +0100`) and
 * ISO 8601 (`2026-11-27T18:00:00+01:00`, `2026-11-27 18:00:00 +0100`). A date without a zone is in
 * the local zone (`localOffset`), as git reads it.
 * @param {string} input
 * @param {(utcMs: number) => number} localOffset minutes east of UTC at that instant
 * @returns {{timestamp: number, tzMinutes: number} | undefined}
 */
export function parseGitDate(input, localOffset) {
  const text = input.trim();
  let match = /^@?(\d+)(?:\s+([+-]\d{4}))?$/.exec(text);
  if (match && (text.startsWith('@') || match[2] !== undefined || Number(match[1]) >= 100000000)) {
    const timestamp = Number(match[1]);
    const zone = match[2] === undefined ? localOffset(timestamp * 1000) : parseZone(match[2]);
    return zone === undefined ? undefined : {timestamp, tzMinutes: zone};
  }
  match = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?)?\s*(Z|z|[+-]\d\d(?::?\d\d)?|UTC|GMT)?$/.exec(text);
  if (!match) {
    match = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d\d):(\d\d)(?::(\d\d))?\s*([+-]\d{4}|Z|UTC|GMT)?$/.exec(text);
    if (!match) return undefined;
    const month = MONTHS.indexOf(/** @type {string} */ (match[2]).toLowerCase()) + 1;
    if (month === 0) return undefined;
    return fromParts(Number(match[3]), month, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0), match[7], localOffset);
  }
  return fromParts(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0), match[7], localOffset);
}

/**
 * @param {number} year @param {number} month @param {number} day @param {number} h @param {number} m @param {number} s
 * @param {string | undefined} zoneText @param {(utcMs: number) => number} localOffset
 */
function fromParts(year, month, day, h, m, s, zoneText, localOffset) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return undefined;
  const wall = utcSeconds(year, month, day, h, m, s);
  if (zoneText !== undefined) {
    const zone = parseZone(zoneText);
    if (zone === undefined) return undefined;
    return {timestamp: wall - zone * 60, tzMinutes: zone};
  }
  // Local wall-clock time: the offset in force at that moment (one correction for DST edges).
  let zone = localOffset(wall * 1000);
  zone = localOffset((wall - zone * 60) * 1000);
  return {timestamp: wall - zone * 60, tzMinutes: zone};
}

/**
 * The ident for `role`, as git builds it (ident.c: fmt_ident).
 * @param {'author' | 'committer'} role
 * @param {{env: Record<string, string | undefined>, config: (key: string) => string | undefined, now: () => number, tzOffset: (ms: number) => number}} where
 * @param {{name?: string, email?: string, date?: string}} [override] `--author`, `--date`
 * @returns {Ident}
 */
export function resolveIdent(role, where, override = {}) {
  const upper = role.toUpperCase();
  const name = override.name ?? where.env[`GIT_${upper}_NAME`] ?? where.config(`${role}.name`) ?? where.config('user.name');
  const email = override.email ?? where.env[`GIT_${upper}_EMAIL`] ?? where.config(`${role}.email`) ?? where.config('user.email') ?? where.env.EMAIL;
  if (name === undefined || email === undefined) {
    // git would guess from the system's user and host; a sandbox has neither, so it asks.
    exit(128, `${identityHelp(role === 'author' ? 'Author' : 'Committer')}fatal: no email was given and auto-detection is disabled\n`);
  }
  const cleanName = withoutCrud(name);
  if (cleanName === '') fatal(`empty ident name (for <${withoutCrud(email)}>) not allowed`);
  const dateText = override.date ?? where.env[`GIT_${upper}_DATE`];
  let when;
  if (dateText !== undefined && dateText !== '') {
    when = parseGitDate(dateText, where.tzOffset);
    if (!when) fatal(`invalid date format: ${dateText}`);
  } else {
    const ms = where.now();
    when = {timestamp: Math.floor(ms / 1000), tzMinutes: where.tzOffset(ms)};
  }
  return {name: cleanName, email: withoutCrud(email), ...when};
}

/** The text git prints before dying when it does not know who you are. @param {string} who */
function identityHelp(who) {
  return (
    `${who} identity unknown\n\n*** Please tell me who you are.\n\nRun\n\n` +
    '  git config --global user.email "you@example.com"\n  git config --global user.name "Your Name"\n\n' +
    "to set your account's default identity.\nOmit --global to set the identity only in this repository.\n\n"
  );
}

/**
 * `--author="Name <email>"` (ident.c: split_ident_line after git's own lookup of an existing
 * author when the text has no `<`; the engine takes the text as given).
 * @param {string} text @returns {{name: string, email: string}}
 */
export function parseAuthorOption(text) {
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(text);
  if (!match) fatal(`--author '${text}' is not 'Name <email>' and matches no existing author`);
  return {name: /** @type {string} */ (match[1]), email: /** @type {string} */ (match[2])};
}

/** git's default date format (`Fri Nov 27 18:00:00 2026 +0100`), in the ident's own zone. @param {Ident} ident */
export function formatDefaultDate(ident) {
  const date = new Date((ident.timestamp + ident.tzMinutes * 60) * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} ${date.getUTCFullYear()} ${formatOffset(ident.tzMinutes)}`;
}
