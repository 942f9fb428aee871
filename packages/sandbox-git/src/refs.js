/**
 * References: loose files and `packed-refs` (what real git writes after `git gc` or `pack-refs`),
 * HEAD (symbolic or detached, one per worktree), and git's rules for valid names.
 */
import {join} from './path.js';

const OID = /^[0-9a-f]{40}$/;

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
  /** @param {import('./fs.js').Files} files @param {RefLocation} where */
  constructor(files, where) {
    this.files = files;
    this.gitdir = where.gitdir;
    this.commondir = where.commondir;
    /** @type {Map<string, {oid: string, peeled?: string}> | undefined} */
    this.packed = undefined;
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

  /** Deletes a ref: its loose file, its packed entry, and the folders it leaves empty. @param {string} name */
  async delete(name) {
    const path = this.path(name);
    await this.files.unlink(path);
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
