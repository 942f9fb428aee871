/**
 * Which untracked files git leaves out: `.gitignore` in every folder, `.git/info/exclude` and
 * `core.excludesFile` (default `~/.config/git/ignore`), with gitignore's pattern rules (last match
 * wins, `!` re-includes, a trailing `/` matches folders only, a `/` elsewhere anchors the pattern
 * to its file's folder, `*`, `?`, `[...]` and `**`).
 */
import {join} from './path.js';

/**
 * @typedef {object} IgnorePattern
 * @property {RegExp} regex
 * @property {boolean} negate
 * @property {boolean} dirOnly
 * @property {boolean} anchored  matched against the path below `base`, else against the basename
 * @property {string} base       folder of the file that holds it ('' for the top)
 */

/** wildmatch (with WM_PATHNAME) as a regular expression. @param {string} glob */
function globToRegex(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = /** @type {string} */ (glob[i]);
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const before = i === 0 || glob[i - 1] === '/';
        const after = i + 2 === glob.length || glob[i + 2] === '/';
        if (before && after) {
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i++; // the slash
          }
          i++;
          continue;
        }
      }
      out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('!') || cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      i++;
      out += /** @type {string} */ (glob[i]).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** @param {string} text @param {string} base @returns {IgnorePattern[]} */
export function parseIgnoreFile(text, base) {
  /** @type {IgnorePattern[]} */
  const patterns = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    patterns.push({regex: globToRegex(line), negate, dirOnly, anchored, base});
  }
  return patterns;
}

export class IgnoreRules {
  /**
   * @param {import('./fs.js').Files} files
   * @param {string} worktree  the top folder
   * @param {IgnorePattern[]} base  info/exclude and core.excludesFile, lowest precedence
   */
  constructor(files, worktree, base) {
    this.files = files;
    this.worktree = worktree;
    /** @type {Map<string, IgnorePattern[]>} folder ('' for the top) -> its .gitignore */
    this.perDir = new Map();
    this.base = base;
  }

  /** Reads `<dir>/.gitignore` once. @param {string} dir repo path of the folder ('' = top) */
  async load(dir) {
    if (this.perDir.has(dir)) return;
    const text = await this.files.readText(join(this.worktree, dir, '.gitignore'));
    this.perDir.set(dir, text === undefined ? [] : parseIgnoreFile(text, dir));
  }

  /**
   * Whether `path` (repo path) is ignored, its parent folders having been checked already (git
   * does not look inside an ignored folder). Loads the `.gitignore` files on the way.
   * @param {string} path @param {boolean} isDir
   */
  async isIgnored(path, isDir) {
    const parts = path.split('/');
    /** @type {string[]} */
    const dirs = [''];
    for (let i = 1; i < parts.length; i++) dirs.push(parts.slice(0, i).join('/'));
    for (const dir of dirs) await this.load(dir);
    // Deepest file first, each file's last pattern first: the first match decides.
    const layers = [...dirs.map((dir) => this.perDir.get(dir) ?? [])].reverse().concat([this.base]);
    const name = /** @type {string} */ (parts[parts.length - 1]);
    for (const patterns of layers) {
      for (let i = patterns.length - 1; i >= 0; i--) {
        const pattern = /** @type {IgnorePattern} */ (patterns[i]);
        if (pattern.dirOnly && !isDir) continue;
        if (pattern.base !== '' && !path.startsWith(`${pattern.base}/`)) continue;
        const subject = pattern.anchored ? (pattern.base === '' ? path : path.slice(pattern.base.length + 1)) : name;
        if (pattern.regex.test(subject)) return !pattern.negate;
      }
    }
    return false;
  }
}
