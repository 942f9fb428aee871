/**
 * The index (`.git/index`, "DIRC"): read in versions 2-4, as real git may leave it, and written
 * in version 2, git's default, with a valid checksum, so real git reads what the engine writes.
 * Extensions (cache tree, resolve-undo, untracked cache) are dropped on write: they are caches or
 * optional, and git rebuilds what it needs.
 */
import {compareBytes, concat} from './objects.js';
import {fromUtf8, utf8} from './fs.js';
import {sha1, sha1Hex} from './sha1.js';

/**
 * @typedef {object} IndexEntry
 * @property {string} path
 * @property {number} stage   0, or 1/2/3 (base/ours/theirs) during a conflict.
 * @property {number} mode    0o100644, 0o100755, 0o120000, 0o160000.
 * @property {string} oid
 * @property {number} size
 * @property {number} ctimeSeconds
 * @property {number} ctimeNanoseconds
 * @property {number} mtimeSeconds
 * @property {number} mtimeNanoseconds
 * @property {number} dev
 * @property {number} ino
 * @property {number} uid
 * @property {number} gid
 */

/** @param {IndexEntry} a @param {IndexEntry} b */
export function compareIndexEntries(a, b) {
  return compareBytes(a.path, b.path) || a.stage - b.stage;
}

/** The stat fields of an entry, from `fs.stat` (Node's, MemoryFs, lightning-fs). @param {import('./fs.js').Stats} stats */
export function statFields(stats) {
  const seconds = (/** @type {number} */ ms) => Math.floor(ms / 1000);
  const nanos = (/** @type {number} */ ms) => Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6) % 1e9;
  return {
    ctimeSeconds: seconds(stats.ctimeMs),
    ctimeNanoseconds: nanos(stats.ctimeMs),
    mtimeSeconds: seconds(stats.mtimeMs),
    mtimeNanoseconds: nanos(stats.mtimeMs),
    dev: (stats.dev ?? 0) >>> 0,
    ino: (stats.ino ?? 0) >>> 0,
    uid: (stats.uid ?? 0) >>> 0,
    gid: (stats.gid ?? 0) >>> 0,
    size: stats.size >>> 0,
  };
}

/** An entry with no stat data (written from a tree, not from a file). @param {string} path @param {number} mode @param {string} oid @param {number} [stage] @returns {IndexEntry} */
export function bareEntry(path, mode, oid, stage = 0) {
  return {path, stage, mode, oid, size: 0, ctimeSeconds: 0, ctimeNanoseconds: 0, mtimeSeconds: 0, mtimeNanoseconds: 0, dev: 0, ino: 0, uid: 0, gid: 0};
}

/** @param {Uint8Array} bytes @returns {IndexEntry[]} */
export function parseIndex(bytes) {
  if (bytes.length < 12) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (fromUtf8(bytes.subarray(0, 4)) !== 'DIRC') throw new Error('index file has a bad signature');
  const version = view.getUint32(4);
  if (version < 2 || version > 4) throw new Error(`index file version ${version} is not supported`);
  const count = view.getUint32(8);
  /** @type {IndexEntry[]} */
  const entries = [];
  let at = 12;
  let previousPath = '';
  for (let i = 0; i < count; i++) {
    const start = at;
    const u32 = (/** @type {number} */ offset) => view.getUint32(start + offset);
    const oid = Array.from(bytes.subarray(start + 40, start + 60), (b) => b.toString(16).padStart(2, '0')).join('');
    const flags = view.getUint16(start + 60);
    let pathStart = start + 62;
    if (version >= 3 && flags & 0x4000) pathStart += 2; // extended flags
    let path;
    if (version === 4) {
      // Path prefix compression: a varint of bytes to drop from the previous path, then a NUL-ended suffix.
      let p = pathStart;
      let byte = /** @type {number} */ (bytes[p++]);
      let drop = byte & 0x7f;
      while (byte & 0x80) {
        byte = /** @type {number} */ (bytes[p++]);
        drop = (drop + 1) * 128 + (byte & 0x7f);
      }
      const nul = bytes.indexOf(0, p);
      path = previousPath.slice(0, previousPath.length - drop) + fromUtf8(bytes.subarray(p, nul));
      at = nul + 1;
    } else {
      const nul = bytes.indexOf(0, pathStart);
      path = fromUtf8(bytes.subarray(pathStart, nul));
      const length = nul - start;
      at = start + ((length + 8) & ~7);
    }
    previousPath = path;
    entries.push({
      path,
      stage: (flags >> 12) & 3,
      mode: u32(24),
      oid,
      size: u32(36),
      ctimeSeconds: u32(0),
      ctimeNanoseconds: u32(4),
      mtimeSeconds: u32(8),
      mtimeNanoseconds: u32(12),
      dev: u32(16),
      ino: u32(20),
      uid: u32(28),
      gid: u32(32),
    });
  }
  return entries;
}

/** @param {IndexEntry[]} entries @returns {Uint8Array} */
export function serializeIndex(entries) {
  const sorted = [...entries].sort(compareIndexEntries);
  /** @type {Uint8Array[]} */
  const parts = [];
  const header = new Uint8Array(12);
  header.set(utf8('DIRC'));
  const headerView = new DataView(header.buffer);
  headerView.setUint32(4, 2);
  headerView.setUint32(8, sorted.length);
  parts.push(header);
  for (const entry of sorted) {
    const path = utf8(entry.path);
    const length = 62 + path.length;
    const padded = (length + 8) & ~7;
    const bytes = new Uint8Array(padded);
    const view = new DataView(bytes.buffer);
    const fields = [entry.ctimeSeconds, entry.ctimeNanoseconds, entry.mtimeSeconds, entry.mtimeNanoseconds, entry.dev, entry.ino, entry.mode, entry.uid, entry.gid, entry.size];
    fields.forEach((value, i) => view.setUint32(i * 4, value >>> 0));
    for (let i = 0; i < 20; i++) bytes[40 + i] = parseInt(entry.oid.slice(i * 2, i * 2 + 2), 16);
    view.setUint16(60, ((entry.stage & 3) << 12) | Math.min(path.length, 0xfff));
    bytes.set(path, 62);
    parts.push(bytes);
  }
  const body = concat(parts);
  return concat([body, sha1(body)]);
}

/** The index as the engine works with it: entries by path, each with its stages. */
export class Index {
  /** @param {IndexEntry[]} entries */
  constructor(entries) {
    /** @type {Map<string, IndexEntry[]>} path -> its entries, stage 0 alone or stages 1-3 */
    this.byPath = new Map();
    for (const entry of entries) {
      const list = this.byPath.get(entry.path) ?? [];
      list.push(entry);
      this.byPath.set(entry.path, list);
    }
  }

  /** The stage-0 entry of `path`. @param {string} path */
  get(path) {
    return this.byPath.get(path)?.find((entry) => entry.stage === 0);
  }

  /** @param {string} path */
  isConflicted(path) {
    return this.byPath.get(path)?.some((entry) => entry.stage > 0) === true;
  }

  conflictedPaths() {
    return [...this.byPath.keys()].filter((path) => this.isConflicted(path)).sort(compareBytes);
  }

  /** Sets the stage-0 entry of a path, resolving any conflict on it. @param {IndexEntry} entry */
  set(entry) {
    this.byPath.set(entry.path, [{...entry, stage: 0}]);
  }

  /** @param {string} path @param {IndexEntry[]} stages */
  setConflict(path, stages) {
    this.byPath.set(path, stages);
  }

  /** @param {string} path */
  remove(path) {
    return this.byPath.delete(path);
  }

  /** Every path, in git's order. */
  paths() {
    return [...this.byPath.keys()].sort(compareBytes);
  }

  /** All entries in git's order. */
  entries() {
    return [...this.byPath.values()].flat().sort(compareIndexEntries);
  }

  serialize() {
    return serializeIndex(this.entries());
  }

  /** A fingerprint of the content (not the stat data), for tests. */
  checksum() {
    return sha1Hex(utf8(this.entries().map((e) => `${e.mode.toString(8)} ${e.oid} ${e.stage}\t${e.path}`).join('\n')));
  }
}
