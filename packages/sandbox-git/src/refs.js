/**
 * References: loose files and `packed-refs` (what real git writes after `git gc` or `pack-refs`),
 * HEAD (symbolic or detached, one per worktree), and git's rules for valid names.
 */
import {formatIdent} from './ident.js';
import {dirname, join} from './path.js';

const OID = /^[0-9a-f]{40}$/;
export const ZERO_OID = '0'.repeat(40);

/** git's check_refname_format (refs.c), without the pattern and one-level options. @param {string} name */
export function isValidRefName(name) {
  if (name === '@' || name === '' || name.endsWith('/') || name.endsWith('.') || name.startsWith('/')) return false;
  for (const component of name.split('/')) {
    if (component === '' || component.startsWith('.') || component.endsWith('.lock')) return false;
  }
  // Forbidden anywhere: control characters, space, ~ ^ : ? * [ \, "..", "@{".
  return !/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{/.test(name);
}

/** A name `git branch`/`git switch -c` accepts (strbuf_check_branch_ref). @param {string} name */
export function isValidBranchName(name) {
  return !name.startsWith('-') && name !== 'HEAD' && isValidRefName(`refs/heads/${name}`);
}

/** @param {string} name */
export function isValidTagName(name) {
  return !name.startsWith('-') && isValidRefName(`refs/tags/${name}`);
}

/** Refs that belong to one worktree (HEAD and the *_HEAD pseudo-refs), the rest to the repository. @param {string} name */
function isPerWorktree(name) {
  return !name.startsWith('refs/') || name.startsWith('refs/bisect/') || name.startsWith('refs/worktree/') || name.startsWith('refs/rewritten/');
}

/**
 * @typedef {object} RefLocation
 * @property {string} gitdir     the worktree's git dir (HEAD, index, MERGE_HEAD, ...)
 * @property {string} commondir  the repository's (refs, objects, config)
 */

export class RefStore {
  /**
   * @param {import('./fs.js').Files} files @param {RefLocation} where
   * @param {{ident: () => import('./types.js').Ident, logAll: boolean}} [reflog]
   *   who the reflog names, and core.logAllRefUpdates (git's default: on, for HEAD and branches)
   */
  constructor(files, where, reflog) {
    this.files = files;
    this.gitdir = where.gitdir;
    this.commondir = where.commondir;
    this.reflog = reflog;
    /** @type {Map<string, {oid: string, peeled?: string}> | undefined} */
    this.packed = undefined;
  }

  /** The reflog file of a ref. @param {string} name */
  logPath(name) {
    return join(isPerWorktree(name) ? this.gitdir : this.commondir, 'logs', name);
  }

  /**
   * Appends a reflog entry, as git does for HEAD and branches (and any ref whose log exists).
   * @param {string} name @param {string | undefined} old @param {string | undefined} next @param {string} message
   */
  async log(name, old, next, message) {
    if (!this.reflog) return;
    const path = this.logPath(name);
    const wanted = this.reflog.logAll && (name === 'HEAD' || /^refs\/(heads|remotes|notes)\//.test(name));
    if (!wanted && !(await this.files.exists(path))) return;
    const line = `${old ?? ZERO_OID} ${next ?? ZERO_OID} ${formatIdent(this.reflog.ident())}\t${message}\n`;
    const before = (await this.files.readText(path)) ?? '';
    await this.files.write(path, before + line);
  }

  /**
   * Moves a ref and logs it; when HEAD points at it, HEAD's log gets the entry too (git's
   * update through a symbolic ref).
   * @param {string} name @param {string} oid @param {string} message
   */
  async update(name, oid, message) {
    const old = await this.resolve(name);
    await this.write(name, oid);
    await this.log(name, old, oid, message);
    const head = await this.readRaw('HEAD');
    if (name !== 'HEAD' && head && 'symbolic' in head && head.symbolic === name) await this.log('HEAD', old, oid, message);
  }

  /** Points HEAD at a branch or a commit and logs the move. @param {{branch: string} | {oid: string}} target @param {string} message */
  async setHead(target, message) {
    const old = await this.resolve('HEAD');
    if ('branch' in target) await this.writeSymbolic('HEAD', target.branch);
    else await this.write('HEAD', target.oid);
    await this.log('HEAD', old, 'branch' in target ? await this.resolve(target.branch) : target.oid, message);
  }

  /**
   * The entries of a reflog, newest first.
   * @param {string} name @returns {Promise<{old: string, new: string, ident: string, message: string}[]>}
   */
  async readLog(name) {
    const text = (await this.files.readText(this.logPath(name))) ?? '';
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const tab = line.indexOf('\t');
        const head = tab < 0 ? line : line.slice(0, tab);
        return {old: head.slice(0, 40), new: head.slice(41, 81), ident: head.slice(82), message: tab < 0 ? '' : line.slice(tab + 1)};
      })
      .reverse();
  }

  /** Renames a ref's log with it. @param {string} from @param {string} to */
  async moveLog(from, to) {
    const text = await this.files.readText(this.logPath(from));
    if (text === undefined) return;
    await this.files.write(this.logPath(to), text);
    await this.files.unlink(this.logPath(from));
    await this.files.pruneEmptyDirs(dirname(this.logPath(from)), join(this.commondir, 'logs', 'refs'));
  }

  /** @param {string} name */
  path(name) {
    return join(isPerWorktree(name) ? this.gitdir : this.commondir, name);
  }

  async packedRefs() {
    if (this.packed) return this.packed;
    /** @type {Map<string, {oid: string, peeled?: string}>} */
    const packed = new Map();
    const text = (await this.files.readText(join(this.commondir, 'packed-refs'))) ?? '';
    /** @type {{oid: string, peeled?: string} | undefined} */
    let last;
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line === '') continue;
      if (line.startsWith('^')) {
        if (last) last.peeled = line.slice(1).trim();
        continue;
      }
      const [oid, name] = line.split(' ');
      if (oid && name && OID.test(oid)) {
        last = {oid};
        packed.set(name, last);
      }
    }
    this.packed = packed;
    return packed;
  }

  /**
   * The raw value of one ref: `{symbolic}` for `ref: ...`, `{oid}` otherwise, undefined when absent.
   * @param {string} name full name (`HEAD`, `refs/heads/main`)
   * @returns {Promise<{symbolic: string} | {oid: string} | undefined>}
   */
  async readRaw(name) {
    const text = await this.files.readText(this.path(name));
    if (text !== undefined) {
      const value = text.trim();
      if (value.startsWith('ref:')) return {symbolic: value.slice(4).trim()};
      if (OID.test(value)) return {oid: value};
      return undefined;
    }
    if (name.startsWith('refs/')) {
      const packed = (await this.packedRefs()).get(name);
      if (packed) return {oid: packed.oid};
    }
    return undefined;
  }

  /** The object id a ref leads to, following symbolic refs. @param {string} name @returns {Promise<string | undefined>} */
  async resolve(name, depth = 0) {
    const raw = await this.readRaw(name);
    if (!raw || depth > 5) return undefined;
    if ('oid' in raw) return raw.oid;
    return this.resolve(raw.symbolic, depth + 1);
  }

  /** @param {string} name */
  async exists(name) {
    return (await this.resolve(name)) !== undefined;
  }

  /**
   * HEAD: the branch it names (`refs/heads/x`, which may not exist yet: an unborn branch) and
   * the commit, or a detached commit.
   * @returns {Promise<{branch: string | undefined, oid: string | undefined}>}
   */
  async head() {
    const raw = await this.readRaw('HEAD');
    if (!raw) return {branch: undefined, oid: undefined};
    if ('oid' in raw) return {branch: undefined, oid: raw.oid};
    return {branch: raw.symbolic, oid: await this.resolve(raw.symbolic)};
  }

  /**
   * Every ref under `prefix` (`refs/heads/`, `refs/tags/`, `refs/`), sorted by name as git lists
   * them; loose files win over packed entries.
   * @param {string} prefix @returns {Promise<{name: string, oid: string}[]>}
   */
  async list(prefix = 'refs/') {
    /** @type {Map<string, string>} */
    const found = new Map();
    for (const [name, {oid}] of await this.packedRefs()) if (name.startsWith(prefix)) found.set(name, oid);
    const walk = async (/** @type {string} */ dir, /** @type {string} */ refPrefix) => {
      for (const entry of await this.files.readdir(dir)) {
        const path = join(dir, entry);
        const name = `${refPrefix}${entry}`;
        const stats = await this.files.lstat(path);
        if (stats?.isDirectory()) await walk(path, `${name}/`);
        else if (stats?.isFile() && name.startsWith(prefix) && !entry.endsWith('.lock')) {
          const value = (await this.files.readText(path))?.trim() ?? '';
          if (OID.test(value)) found.set(name, value);
        }
      }
    };
    await walk(join(this.commondir, 'refs'), 'refs/');
    return [...found].map(([name, oid]) => ({name, oid})).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** @param {string} name @param {string} oid */
  async write(name, oid) {
    await this.files.write(this.path(name), `${oid}\n`);
  }

  /** @param {string} name @param {string} target e.g. `refs/heads/main` */
  async writeSymbolic(name, target) {
    await this.files.write(this.path(name), `ref: ${target}\n`);
  }

  /** Deletes a ref: its loose file, its packed entry, its log, and the folders it leaves empty. @param {string} name */
  async delete(name) {
    const path = this.path(name);
    await this.files.unlink(path);
    if (await this.files.unlink(this.logPath(name))) await this.files.pruneEmptyDirs(dirname(this.logPath(name)), join(this.commondir, 'logs', 'refs'));
    if (name.startsWith('refs/')) {
      await this.files.pruneEmptyDirs(join(path, '..'), join(this.commondir, 'refs'));
      const packed = await this.packedRefs();
      if (packed.has(name)) {
        packed.delete(name);
        const text = (await this.files.readText(join(this.commondir, 'packed-refs'))) ?? '';
        const lines = text.split('\n');
        /** @type {string[]} */
        const kept = [];
        for (let i = 0; i < lines.length; i++) {
          const line = /** @type {string} */ (lines[i]);
          if (line.endsWith(` ${name}`) && OID.test(line.slice(0, 40))) {
            if (lines[i + 1]?.startsWith('^')) i++;
            continue;
          }
          kept.push(line);
        }
        await this.files.write(join(this.commondir, 'packed-refs'), kept.join('\n'));
      }
    }
  }
}
