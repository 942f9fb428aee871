/**
 * git's configuration files: parsed as git parses them (sections, `"subsections"`, quoted values,
 * escapes, comments, continuation lines) and edited as `git config` edits them (a new key after the
 * last line of its section, a new section at the end, values quoted when git would quote them), so a
 * file the engine wrote reads the same to real git.
 */
import {Files} from './fs.js';
import {join} from './path.js';

/**
 * @typedef {object} ConfigEntry
 * @property {string} key      `section.key` or `section.subsection.key` (section and key lowercased).
 * @property {string | undefined} value  undefined for a bare boolean key (`[core] bare`).
 * @property {number} line     0-based line where the entry is.
 * @property {number} endLine  the last line it spans (continuations).
 */

/** @param {string} text @returns {{entries: ConfigEntry[], sections: {name: string, line: number}[]}} */
export function parseConfig(text) {
  const lines = text.split('\n');
  /** @type {ConfigEntry[]} */
  const entries = [];
  /** @type {{name: string, line: number}[]} */
  const sections = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    let line = /** @type {string} */ (lines[i]);
    const start = i;
    let rest = line.trimStart();
    if (rest === '' || rest.startsWith('#') || rest.startsWith(';')) continue;
    if (rest.startsWith('[')) {
      const match = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(rest);
      if (!match) continue;
      const name = /** @type {string} */ (match[1]).toLowerCase();
      section = match[2] === undefined ? name : `${name}.${match[2].replace(/\\(.)/g, '$1')}`;
      sections.push({name: section, line: i});
      rest = rest.slice(match[0].length).trim();
      if (rest === '' || rest.startsWith('#') || rest.startsWith(';')) continue;
      line = rest;
    }
    const keyMatch = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(=)?/.exec(line);
    if (!keyMatch || section === '') continue;
    const key = `${section}.${/** @type {string} */ (keyMatch[1]).toLowerCase()}`;
    if (keyMatch[2] === undefined) {
      entries.push({key, value: undefined, line: start, endLine: i});
      continue;
    }
    // The value: quotes toggle, backslash escapes, a trailing backslash continues the line.
    let raw = line.slice(keyMatch[0].length);
    let value = '';
    let quoted = false;
    let pendingSpace = '';
    for (;;) {
      let ended = false;
      for (let c = 0; c < raw.length; c++) {
        const ch = /** @type {string} */ (raw[c]);
        if (!quoted && (ch === '#' || ch === ';')) {
          ended = true;
          break;
        }
        if (ch === '\\') {
          const next = raw[c + 1];
          if (next === undefined) break; // continuation
          c++;
          value += pendingSpace + ({n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\'}[next] ?? next);
          pendingSpace = '';
          continue;
        }
        if (ch === '"') {
          quoted = !quoted;
          value += pendingSpace;
          pendingSpace = '';
          continue;
        }
        if (!quoted && (ch === ' ' || ch === '\t')) {
          if (value !== '') pendingSpace += ch;
          continue;
        }
        value += pendingSpace + ch;
        pendingSpace = '';
      }
      if (!ended && raw.endsWith('\\') && !raw.endsWith('\\\\') && i + 1 < lines.length) {
        i++;
        raw = /** @type {string} */ (lines[i]);
        continue;
      }
      break;
    }
    entries.push({key, value, line: start, endLine: i});
  }
  return {entries, sections};
}

/** The value as `git config` writes it (config.c: write_pair). @param {string} value */
function quoteValue(value) {
  const quote = value.startsWith(' ') || value.endsWith(' ') || /[;#]/.test(value) ? '"' : '';
  const escaped = value.replace(/[\n\t"\\]/g, (ch) => ({'\n': '\\n', '\t': '\\t', '"': '\\"', '\\': '\\\\'})[ch] ?? ch);
  return `${quote}${escaped}${quote}`;
}

/**
 * Splits `section.sub.section.key` into git's parts: section and key lowercased, the middle as is.
 * @param {string} key @returns {{section: string, subsection: string | undefined, name: string, canonical: string} | undefined}
 */
export function splitKey(key) {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first <= 0 || last === key.length - 1) return undefined;
  const section = key.slice(0, first).toLowerCase();
  const name = key.slice(last + 1).toLowerCase();
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !/^[a-z0-9.-]+$/.test(section)) return undefined;
  const subsection = first === last ? undefined : key.slice(first + 1, last);
  return {section, subsection, name, canonical: subsection === undefined ? `${section}.${name}` : `${section}.${subsection}.${name}`};
}

/**
 * `text` with `key` set to `value` (replacing its last occurrence), or unset when `value` is undefined.
 * @param {string} text @param {string} key @param {string | undefined} value
 */
export function editConfig(text, key, value) {
  const parts = splitKey(key);
  if (!parts) throw new Error(`invalid key: ${key}`);
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const {entries, sections} = parseConfig(text);
  const existing = entries.filter((entry) => entry.key === parts.canonical);
  const last = existing[existing.length - 1];
  const newLine = value === undefined ? undefined : `\t${parts.name} = ${quoteValue(value)}`;
  if (last) {
    lines.splice(last.line, last.endLine - last.line + 1, ...(newLine === undefined ? [] : [newLine]));
    return `${lines.join('\n')}\n`;
  }
  if (newLine === undefined) return text;
  const sectionName = parts.subsection === undefined ? parts.section : `${parts.section}.${parts.subsection}`;
  const found = sections.filter((s) => s.name === sectionName).pop();
  if (found) {
    // After the section's last line: the next section header, or the end of the file.
    const next = sections.find((s) => s.line > found.line);
    let at = next ? next.line : lines.length;
    while (at > found.line + 1 && /^\s*$/.test(/** @type {string} */ (lines[at - 1]))) at--;
    lines.splice(at, 0, newLine);
    return `${lines.join('\n')}\n`;
  }
  const header = parts.subsection === undefined ? `[${parts.section}]` : `[${parts.section} "${parts.subsection.replace(/["\\]/g, '\\$&')}"]`;
  lines.push(header, newLine);
  return `${lines.join('\n')}\n`;
}

/** The configuration files git reads, lowest precedence first, and lookups over them. */
export class Config {
  /**
   * @param {{path: string, text: string, scope: 'global' | 'local' | 'command'}[]} layers
   */
  constructor(layers) {
    this.layers = layers.map((layer) => ({...layer, entries: parseConfig(layer.text).entries}));
  }

  /** The last value of `key` (git's rule for single-valued keys). @param {string} key */
  get(key) {
    const canonical = splitKey(key)?.canonical;
    /** @type {string | undefined} */
    let found;
    for (const layer of this.layers) {
      for (const entry of layer.entries) if (entry.key === canonical) found = entry.value ?? 'true';
    }
    return found;
  }

  /** Every value of `key`, in order. @param {string} key */
  getAll(key) {
    const canonical = splitKey(key)?.canonical;
    return this.layers.flatMap((layer) => layer.entries.filter((entry) => entry.key === canonical).map((entry) => entry.value ?? 'true'));
  }

  /** git's boolean values: true/yes/on/a non-zero number; false/no/off/0/empty. @param {string} key */
  getBool(key, fallback = false) {
    const value = this.get(key);
    if (value === undefined) return fallback;
    if (/^(true|yes|on)$/i.test(value)) return true;
    if (value === '' || /^(false|no|off)$/i.test(value)) return false;
    const number = Number(value);
    return Number.isFinite(number) ? number !== 0 : fallback;
  }

  /** `key=value` lines, as `git config --list` prints them. */
  list() {
    return this.layers.flatMap((layer) => layer.entries.map((entry) => (entry.value === undefined ? entry.key : `${entry.key}=${entry.value}`)));
  }
}

/**
 * Where git looks for the global file: GIT_CONFIG_GLOBAL, else `$XDG_CONFIG_HOME/git/config` (or
 * `~/.config/git/config`) and `~/.gitconfig`.
 * @param {Record<string, string | undefined>} env @returns {{read: string[], write: string | undefined}}
 */
export function globalConfigPaths(env) {
  if (env.GIT_CONFIG_GLOBAL !== undefined) return {read: [env.GIT_CONFIG_GLOBAL], write: env.GIT_CONFIG_GLOBAL};
  const home = env.HOME;
  const xdg = env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'git/config') : home ? join(home, '.config/git/config') : undefined;
  const dot = home ? join(home, '.gitconfig') : undefined;
  return {read: /** @type {string[]} */ ([xdg, dot].filter(Boolean)), write: dot};
}

/**
 * Loads the global file(s), the repository's own (`commondir/config`) and `-c` settings.
 * @param {Files} files @param {Record<string, string | undefined>} env
 * @param {string | undefined} repoConfigPath @param {string[]} commandLine `key=value` from `-c`
 */
export async function loadConfig(files, env, repoConfigPath, commandLine = []) {
  /** @type {{path: string, text: string, scope: 'global' | 'local' | 'command'}[]} */
  const layers = [];
  for (const path of globalConfigPaths(env).read) {
    if (path === '/dev/null') continue;
    const text = await files.readText(path);
    if (text !== undefined) layers.push({path, text, scope: 'global'});
  }
  if (repoConfigPath) {
    const text = await files.readText(repoConfigPath);
    if (text !== undefined) layers.push({path: repoConfigPath, text, scope: 'local'});
  }
  if (commandLine.length > 0) {
    const text = commandLine
      .map((setting) => {
        const eq = setting.indexOf('=');
        const key = eq < 0 ? setting : setting.slice(0, eq);
        const parts = splitKey(key);
        if (!parts) return '';
        const header = parts.subsection === undefined ? `[${parts.section}]` : `[${parts.section} "${parts.subsection}"]`;
        return `${header}\n\t${parts.name}${eq < 0 ? '' : ` = ${quoteValue(setting.slice(eq + 1))}`}`;
      })
      .join('\n');
    layers.push({path: '(command line)', text, scope: 'command'});
  }
  return new Config(layers);
}
