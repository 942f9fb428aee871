/**
 * The file system the engine works on: anything with Node's `fs.promises` shape (Node's `fs`, the
 * in-memory `MemoryFs` below, `@isomorphic-git/lightning-fs` in a browser), the same object
 * isomorphic-git is given. Only the calls every one of them has are used: readFile, writeFile,
 * mkdir, readdir, stat, lstat, unlink, rmdir, readlink, symlink.
 */
import {dirname, join} from './path.js';

/**
 * @typedef {object} Stats
 * @property {() => boolean} isFile
 * @property {() => boolean} isDirectory
 * @property {() => boolean} isSymbolicLink
 * @property {number} size
 * @property {number} mode
 * @property {number} mtimeMs
 * @property {number} ctimeMs
 * @property {number} [dev]
 * @property {number} [ino]
 * @property {number} [uid]
 * @property {number} [gid]
 */

/**
 * @typedef {object} FsPromises
 * @property {(path: string, options?: any) => Promise<any>} readFile
 * @property {(path: string, data: Uint8Array | string, options?: any) => Promise<void>} writeFile
 * @property {(path: string, options?: any) => Promise<any>} mkdir
 * @property {(path: string) => Promise<string[]>} readdir
 * @property {(path: string) => Promise<Stats>} stat
 * @property {(path: string) => Promise<Stats>} lstat
 * @property {(path: string) => Promise<void>} unlink
 * @property {(path: string) => Promise<void>} rmdir
 * @property {(path: string) => Promise<string>} [readlink]
 * @property {(target: string, path: string) => Promise<void>} [symlink]
 * @property {(path: string, mode: number) => Promise<void>} [chmod]
 */

/** @typedef {{promises: FsPromises}} FsLike */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** @param {string} text */
export const utf8 = (text) => encoder.encode(text);
/** @param {Uint8Array} bytes */
export const fromUtf8 = (bytes) => decoder.decode(bytes);

/** @param {unknown} error @param {string} code */
export const hasCode = (error, code) => typeof error === 'object' && error !== null && /** @type {{code?: string}} */ (error).code === code;

/** Small helpers over an `FsLike`, with the errors the engine cares about turned into values. */
export class Files {
  /** @param {FsLike} fs */
  constructor(fs) {
    this.fs = fs;
    this.p = fs.promises;
  }

  /** @param {string} path @returns {Promise<Stats | undefined>} */
  async lstat(path) {
    try {
      return await this.p.lstat(path);
    } catch (error) {
      if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  /** @param {string} path @returns {Promise<Stats | undefined>} */
  async stat(path) {
    try {
      return await this.p.stat(path);
    } catch (error) {
      if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  /** @param {string} path */
  async exists(path) {
    return (await this.lstat(path)) !== undefined;
  }

  /** @param {string} path */
  async isDirectory(path) {
    return (await this.stat(path))?.isDirectory() === true;
  }

  /** @param {string} path @returns {Promise<Uint8Array | undefined>} */
  async readBytes(path) {
    try {
      const data = await this.p.readFile(path);
      return typeof data === 'string' ? utf8(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } catch (error) {
      if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR') || hasCode(error, 'EISDIR')) return undefined;
      throw error;
    }
  }

  /** @param {string} path @returns {Promise<string | undefined>} */
  async readText(path) {
    const bytes = await this.readBytes(path);
    return bytes === undefined ? undefined : fromUtf8(bytes);
  }

  /** @param {string} path */
  async mkdirp(path) {
    if (await this.isDirectory(path)) return;
    const parent = dirname(path);
    if (parent !== path) await this.mkdirp(parent);
    try {
      await this.p.mkdir(path);
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
    }
  }

  /**
   * Writes a file, creating its folders.
   * @param {string} path @param {Uint8Array | string} data @param {{mode?: number}} [options]
   */
  async write(path, data, options = {}) {
    await this.mkdirp(dirname(path));
    await this.p.writeFile(path, typeof data === 'string' ? utf8(data) : data, options.mode ? {mode: options.mode} : undefined);
    if (options.mode !== undefined && this.p.chmod) await this.p.chmod(path, options.mode).catch(() => {});
  }

  /** @param {string} path @returns {Promise<string[]>} */
  async readdir(path) {
    try {
      return (await this.p.readdir(path)).sort();
    } catch (error) {
      if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')) return [];
      throw error;
    }
  }

  /** Removes a file (or symlink); true when there was one. @param {string} path */
  async unlink(path) {
    try {
      await this.p.unlink(path);
      return true;
    } catch (error) {
      if (hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')) return false;
      throw error;
    }
  }

  /** Removes `path` and everything below it. @param {string} path */
  async removeTree(path) {
    const stats = await this.lstat(path);
    if (!stats) return;
    if (!stats.isDirectory()) {
      await this.p.unlink(path);
      return;
    }
    for (const name of await this.readdir(path)) await this.removeTree(join(path, name));
    await this.p.rmdir(path);
  }

  /** Removes the empty folders from `path` up to (not including) `stop`. @param {string} path @param {string} stop */
  async pruneEmptyDirs(path, stop) {
    let dir = path;
    while (dir !== stop && dir.startsWith(`${stop}/`)) {
      if ((await this.readdir(dir)).length > 0) return;
      try {
        await this.p.rmdir(dir);
      } catch {
        return;
      }
      dir = dirname(dir);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// An in-memory file system: the materializer replays phases in it, tests use it, and it is the
// model of what a browser file system must offer.

/**
 * @typedef {object} MemoryNode
 * @property {'file' | 'dir' | 'symlink'} type
 * @property {Uint8Array} [data]
 * @property {string} [target]
 * @property {number} mode
 * @property {number} mtimeMs
 * @property {number} ctimeMs
 * @property {number} ino
 */

/** @param {string} code @param {string} syscall @param {string} path */
function fsError(code, syscall, path) {
  const error = /** @type {Error & {code: string, path: string, syscall: string}} */ (new Error(`${code}: ${syscall} '${path}'`));
  error.code = code;
  error.path = path;
  error.syscall = syscall;
  return error;
}

/** @param {MemoryNode} node @returns {Stats} */
function statsOf(node) {
  return {
    isFile: () => node.type === 'file',
    isDirectory: () => node.type === 'dir',
    isSymbolicLink: () => node.type === 'symlink',
    size: node.type === 'file' ? /** @type {Uint8Array} */ (node.data).length : node.type === 'symlink' ? (node.target ?? '').length : 0,
    mode: node.mode,
    mtimeMs: node.mtimeMs,
    ctimeMs: node.ctimeMs,
    dev: 1,
    ino: node.ino,
    uid: 0,
    gid: 0,
  };
}

export class MemoryFs {
  /** @param {{now?: () => number}} [options] */
  constructor(options = {}) {
    /** @type {Map<string, MemoryNode>} */
    this.nodes = new Map();
    this.now = options.now ?? (() => Date.now());
    this.nextIno = 1;
    this.nodes.set('/', this.node('dir', 0o40755));
    const self = this;
    /** @type {FsPromises} */
    this.promises = {
      async readFile(path, options) {
        const node = self.follow(path, 'open');
        if (node.type === 'dir') throw fsError('EISDIR', 'read', path);
        const data = /** @type {Uint8Array} */ (node.data);
        const encoding = typeof options === 'string' ? options : options?.encoding;
        return encoding ? fromUtf8(data) : data.slice();
      },
      async writeFile(path, data, options) {
        const parent = self.follow(dirname(clean(path)), 'open');
        if (parent.type !== 'dir') throw fsError('ENOTDIR', 'open', path);
        const existing = self.nodes.get(clean(path));
        if (existing?.type === 'dir') throw fsError('EISDIR', 'open', path);
        const bytes = typeof data === 'string' ? utf8(data) : data.slice();
        const mode = existing?.mode ?? (typeof options === 'object' && options?.mode ? 0o100000 | (options.mode & 0o777) : 0o100644);
        const node = existing && existing.type === 'file' ? existing : self.node('file', mode);
        node.data = bytes;
        node.mtimeMs = node.ctimeMs = self.now();
        self.nodes.set(clean(path), node);
      },
      async mkdir(path, options) {
        const target = clean(path);
        if (options?.recursive) {
          const parts = target.split('/').filter(Boolean);
          let at = '';
          for (const part of parts) {
            at += `/${part}`;
            const node = self.nodes.get(at);
            if (!node) self.nodes.set(at, self.node('dir', 0o40755));
            else if (node.type !== 'dir') throw fsError('ENOTDIR', 'mkdir', path);
          }
          return;
        }
        if (self.nodes.has(target)) throw fsError('EEXIST', 'mkdir', path);
        const parent = self.nodes.get(dirname(target));
        if (!parent) throw fsError('ENOENT', 'mkdir', path);
        if (parent.type !== 'dir') throw fsError('ENOTDIR', 'mkdir', path);
        self.nodes.set(target, self.node('dir', 0o40755));
      },
      async readdir(path) {
        const target = clean(path);
        const node = self.follow(target, 'scandir');
        if (node.type !== 'dir') throw fsError('ENOTDIR', 'scandir', path);
        const prefix = target === '/' ? '/' : `${target}/`;
        /** @type {string[]} */
        const names = [];
        for (const key of self.nodes.keys()) {
          if (key !== target && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.push(key.slice(prefix.length));
        }
        return names.sort();
      },
      async stat(path) {
        return statsOf(self.follow(path, 'stat'));
      },
      async lstat(path) {
        const node = self.nodes.get(clean(path));
        if (!node) {
          self.follow(dirname(clean(path)), 'lstat');
          throw fsError('ENOENT', 'lstat', path);
        }
        return statsOf(node);
      },
      async unlink(path) {
        const node = self.nodes.get(clean(path));
        if (!node) throw fsError('ENOENT', 'unlink', path);
        if (node.type === 'dir') throw fsError('EISDIR', 'unlink', path);
        self.nodes.delete(clean(path));
      },
      async rmdir(path) {
        const target = clean(path);
        const node = self.nodes.get(target);
        if (!node) throw fsError('ENOENT', 'rmdir', path);
        if (node.type !== 'dir') throw fsError('ENOTDIR', 'rmdir', path);
        if ((await self.promises.readdir(target)).length > 0) throw fsError('ENOTEMPTY', 'rmdir', path);
        self.nodes.delete(target);
      },
      async readlink(path) {
        const node = self.nodes.get(clean(path));
        if (!node) throw fsError('ENOENT', 'readlink', path);
        if (node.type !== 'symlink') throw fsError('EINVAL', 'readlink', path);
        return /** @type {string} */ (node.target);
      },
      async symlink(target, path) {
        if (self.nodes.has(clean(path))) throw fsError('EEXIST', 'symlink', path);
        const node = self.node('symlink', 0o120777);
        node.target = target;
        self.nodes.set(clean(path), node);
      },
      async chmod(path, mode) {
        const node = self.follow(path, 'chmod');
        node.mode = (node.mode & ~0o777) | (mode & 0o777);
      },
    };
  }

  /** @param {'file' | 'dir' | 'symlink'} type @param {number} mode @returns {MemoryNode} */
  node(type, mode) {
    const now = this.now();
    return {type, mode, mtimeMs: now, ctimeMs: now, ino: this.nextIno++, ...(type === 'file' ? {data: new Uint8Array()} : {})};
  }

  /**
   * The node at `path`, following symlinks in its last component.
   * @param {string} path @param {string} syscall @returns {MemoryNode}
   */
  follow(path, syscall, depth = 0) {
    const target = clean(path);
    const node = this.nodes.get(target);
    if (!node) throw fsError('ENOENT', syscall, path);
    if (node.type === 'symlink') {
      if (depth > 8) throw fsError('ELOOP', syscall, path);
      const link = /** @type {string} */ (node.target);
      return this.follow(link.startsWith('/') ? link : join(dirname(target), link), syscall, depth + 1);
    }
    return node;
  }

  /** Every file below `dir` (path relative to it -> text), for tests and the materializer. */
  files(dir = '/') {
    const root = clean(dir);
    const prefix = root === '/' ? '/' : `${root}/`;
    /** @type {Record<string, string>} */
    const out = {};
    for (const [key, node] of [...this.nodes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (node.type === 'file' && key.startsWith(prefix)) out[key.slice(prefix.length)] = fromUtf8(/** @type {Uint8Array} */ (node.data));
    }
    return out;
  }
}

/** @param {string} path */
function clean(path) {
  const joined = join('/', path);
  return joined === '' ? '/' : joined;
}
