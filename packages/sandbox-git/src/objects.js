/**
 * Git objects: parsed and serialized here byte for byte as git does (so ids are git's), stored and
 * read through isomorphic-git (loose objects and packfiles, zlib), which is what it is best at.
 */
import {formatIdent, parseIdent} from './ident.js';
import {Files, fromUtf8, utf8} from './fs.js';
import {sha1Hex} from './sha1.js';

/** @typedef {import('./types.js').CommitInfo} CommitInfo */
/** @typedef {import('./types.js').Ident} Ident */
/** @typedef {'blob' | 'tree' | 'commit' | 'tag'} ObjectType */

/**
 * @typedef {object} TreeEntry
 * @property {string} mode  `100644`, `100755`, `120000`, `40000`, `160000` (as stored: no leading 0).
 * @property {string} name
 * @property {string} oid
 */

/**
 * @typedef {object} TagInfo
 * @property {string} oid
 * @property {string} object  The tagged object.
 * @property {string} type    Its type.
 * @property {string} tag     The tag's name.
 * @property {Ident | undefined} tagger
 * @property {string} message
 */

/** The id git gives `body` as a `type` object. @param {ObjectType} type @param {Uint8Array} body */
export function hashObject(type, body) {
  const header = utf8(`${type} ${body.length}\0`);
  const all = new Uint8Array(header.length + body.length);
  all.set(header);
  all.set(body, header.length);
  return sha1Hex(all);
}

/** @param {Uint8Array} bytes */
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** @param {Uint8Array} body @returns {TreeEntry[]} */
export function parseTree(body) {
  /** @type {TreeEntry[]} */
  const entries = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space);
    entries.push({
      mode: fromUtf8(body.subarray(at, space)),
      name: fromUtf8(body.subarray(space + 1, nul)),
      oid: hex(body.subarray(nul + 1, nul + 21)),
    });
    at = nul + 21;
  }
  return entries;
}

/** git's tree order: names compared as bytes, a tree's name as if it ended with `/`. @param {TreeEntry} a @param {TreeEntry} b */
export function compareTreeEntries(a, b) {
  const key = (/** @type {TreeEntry} */ e) => (e.mode === '40000' ? `${e.name}/` : e.name);
  return compareBytes(key(a), key(b));
}

/** Compares strings by their UTF-8 bytes (git's path order). @param {string} a @param {string} b */
export function compareBytes(a, b) {
  if (a === b) return 0;
  // UTF-16 order equals UTF-8 byte order except around surrogates; paths are BMP text in practice.
  const ua = utf8(a);
  const ub = utf8(b);
  const n = Math.min(ua.length, ub.length);
  for (let i = 0; i < n; i++) if (ua[i] !== ub[i]) return /** @type {number} */ (ua[i]) - /** @type {number} */ (ub[i]);
  return ua.length - ub.length;
}

/** @param {TreeEntry[]} entries */
export function serializeTree(entries) {
  const sorted = [...entries].sort(compareTreeEntries);
  /** @type {Uint8Array[]} */
  const parts = [];
  for (const entry of sorted) {
    parts.push(utf8(`${entry.mode} ${entry.name}\0`));
    const raw = new Uint8Array(20);
    for (let i = 0; i < 20; i++) raw[i] = parseInt(entry.oid.slice(i * 2, i * 2 + 2), 16);
    parts.push(raw);
  }
  return concat(parts);
}

/** @param {Uint8Array[]} parts */
export function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Splits a commit or tag body into its header lines and message (`message` keeps git's trailing
 * newline). Continuation lines (a leading space, as in `gpgsig`) stay with their header.
 * @param {Uint8Array} body
 */
function splitHeaders(body) {
  const text = fromUtf8(body);
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const message = end < 0 ? '' : text.slice(end + 2);
  /** @type {[string, string][]} */
  const headers = [];
  for (const line of head.split('\n')) {
    if (line.startsWith(' ') && headers.length > 0) {
      const last = /** @type {[string, string]} */ (headers[headers.length - 1]);
      last[1] += `\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(' ');
    headers.push(space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)]);
  }
  return {headers, message};
}

/** @param {string} oid @param {Uint8Array} body @returns {CommitInfo} */
export function parseCommit(oid, body) {
  const {headers, message} = splitHeaders(body);
  const value = (/** @type {string} */ name) => headers.find(([key]) => key === name)?.[1];
  return {
    oid,
    tree: value('tree') ?? '',
    parents: headers.filter(([key]) => key === 'parent').map(([, v]) => v),
    author: parseIdent(value('author') ?? ''),
    committer: parseIdent(value('committer') ?? ''),
    message,
  };
}

/**
 * @param {{tree: string, parents: string[], author: Ident, committer: Ident, message: string}} commit
 */
export function serializeCommit(commit) {
  const lines = [`tree ${commit.tree}`, ...commit.parents.map((p) => `parent ${p}`), `author ${formatIdent(commit.author)}`, `committer ${formatIdent(commit.committer)}`];
  return utf8(`${lines.join('\n')}\n\n${commit.message}`);
}

/** @param {string} oid @param {Uint8Array} body @returns {TagInfo} */
export function parseTag(oid, body) {
  const {headers, message} = splitHeaders(body);
  const value = (/** @type {string} */ name) => headers.find(([key]) => key === name)?.[1];
  const tagger = value('tagger');
  return {oid, object: value('object') ?? '', type: value('type') ?? '', tag: value('tag') ?? '', tagger: tagger === undefined ? undefined : parseIdent(tagger), message};
}

/** @param {{object: string, type: string, tag: string, tagger: Ident, message: string}} tag */
export function serializeTag(tag) {
  return utf8(`object ${tag.object}\ntype ${tag.type}\ntag ${tag.tag}\ntagger ${formatIdent(tag.tagger)}\n\n${tag.message}`);
}

/**
 * zlib for loose objects: the platform's compression streams by default (browsers, Node);
 * `bin/git.js` hands in Node's synchronous zlib, which is faster for small objects.
 * @type {{inflate: (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array, deflate: (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array}}
 */
let zlibCodec = {inflate: (bytes) => throughStream(bytes, new DecompressionStream('deflate')), deflate: (bytes) => throughStream(bytes, new CompressionStream('deflate'))};

/** @param {typeof zlibCodec} codec */
export function setZlib(codec) {
  zlibCodec = codec;
}

/** @param {Uint8Array} bytes @param {{writable: WritableStream<Uint8Array>, readable: ReadableStream<Uint8Array>}} transform */
async function throughStream(bytes, transform) {
  const writer = transform.writable.getWriter();
  void writer.write(bytes);
  void writer.close();
  const reader = transform.readable.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concat(chunks);
}

/** @param {Uint8Array} bytes @param {'inflate' | 'deflate'} way */
async function zlib(bytes, way) {
  return zlibCodec[way](bytes);
}

/**
 * isomorphic-git, loaded the first time a packfile is needed (a repository after `git gc` or a
 * clone). `bin/git.js` hands in Node's faster `require` of it; elsewhere it is imported.
 * @type {() => Promise<typeof import('isomorphic-git')>}
 */
let loadIsomorphicGit = async () => (await import('isomorphic-git')).default;

/** @param {() => Promise<typeof import('isomorphic-git')>} loader */
export function setIsomorphicGitLoader(loader) {
  loadIsomorphicGit = loader;
}

/**
 * The object database of a repository (its common git dir). Loose objects are read and written
 * here (zlib through the platform): most commands then never load isomorphic-git, which costs
 * more than the command itself to start; packed objects are read through isomorphic-git.
 */
export class ObjectStore {
  /** @param {import('./fs.js').FsLike} fs @param {string} gitdir the common git dir */
  constructor(fs, gitdir) {
    this.fs = fs;
    this.gitdir = gitdir;
    this.files = new Files(fs);
    /** isomorphic-git's cache (pack indexes). */
    this.cache = {};
    /** @type {Map<string, {type: ObjectType, body: Uint8Array}>} */
    this.read = new Map();
    /** @type {Map<string, string>} */
    this.abbrevs = new Map();
    /** @type {Promise<boolean> | undefined} */
    this.packed = undefined;
  }

  /** @param {string} oid */
  loosePath(oid) {
    return `${this.gitdir}/objects/${oid.slice(0, 2)}/${oid.slice(2)}`;
  }

  /** Whether the repository has packfiles at all. */
  hasPacks() {
    this.packed ??= this.files.readdir(`${this.gitdir}/objects/pack`).then((names) => names.some((name) => name.endsWith('.idx')));
    return this.packed;
  }

  /** @param {string} oid @returns {Promise<{type: ObjectType, body: Uint8Array} | undefined>} */
  async get(oid) {
    const cached = this.read.get(oid);
    if (cached) return cached;
    const loose = await this.files.readBytes(this.loosePath(oid));
    /** @type {{type: ObjectType, body: Uint8Array} | undefined} */
    let object;
    if (loose) {
      const raw = await zlib(loose, 'inflate');
      const nul = raw.indexOf(0);
      const [type] = fromUtf8(raw.subarray(0, nul)).split(' ');
      object = {type: /** @type {ObjectType} */ (type), body: raw.subarray(nul + 1)};
    } else if (await this.hasPacks()) {
      const git = await loadIsomorphicGit();
      try {
        const result = await git.readObject({fs: this.fs, gitdir: this.gitdir, oid, format: 'content', cache: this.cache});
        object = {type: /** @type {ObjectType} */ (result.type), body: /** @type {Uint8Array} */ (result.object)};
      } catch (error) {
        if (/** @type {{code?: string}} */ (error).code !== 'NotFoundError') throw error;
      }
    }
    if (object) this.read.set(oid, object);
    return object;
  }

  /** @param {string} oid */
  async has(oid) {
    return (await this.get(oid)) !== undefined;
  }

  /** Writes an object (loose, as git does for single objects) and returns its id. @param {ObjectType} type @param {Uint8Array} body */
  async put(type, body) {
    const oid = hashObject(type, body);
    if (this.read.has(oid) || (await this.files.exists(this.loosePath(oid)))) {
      this.read.set(oid, {type, body});
      return oid;
    }
    const header = utf8(`${type} ${body.length}\0`);
    await this.files.write(this.loosePath(oid), await zlib(concat([header, body]), 'deflate'));
    this.read.set(oid, {type, body});
    return oid;
  }

  /** @param {string} oid @returns {Promise<CommitInfo>} */
  async commit(oid) {
    const object = await this.get(oid);
    if (!object || object.type !== 'commit') throw new Error(`not a commit: ${oid}`);
    return parseCommit(oid, object.body);
  }

  /** @param {string} oid */
  async tree(oid) {
    const object = await this.get(oid);
    if (!object || object.type !== 'tree') throw new Error(`not a tree: ${oid}`);
    return parseTree(object.body);
  }

  /** @param {string} oid */
  async tag(oid) {
    const object = await this.get(oid);
    if (!object || object.type !== 'tag') throw new Error(`not a tag: ${oid}`);
    return parseTag(oid, object.body);
  }

  /** @param {string} oid */
  async blob(oid) {
    const object = await this.get(oid);
    if (!object || object.type !== 'blob') throw new Error(`not a blob: ${oid}`);
    return object.body;
  }

  /** The commit an object leads to (tags peeled), or undefined. @param {string} oid @returns {Promise<string | undefined>} */
  async peelToCommit(oid) {
    let current = oid;
    for (let depth = 0; depth < 16; depth++) {
      const object = await this.get(current);
      if (!object) return undefined;
      if (object.type === 'commit') return current;
      if (object.type !== 'tag') return undefined;
      current = parseTag(current, object.body).object;
    }
    return undefined;
  }

  /**
   * Every full id starting with `prefix` (loose and packed), up to two (enough to tell).
   * @param {string} prefix at least 4 hex digits
   * @returns {Promise<string[]>}
   */
  async expand(prefix) {
    const found = new Set(
      (await this.files.readdir(`${this.gitdir}/objects/${prefix.slice(0, 2)}`)).map((name) => prefix.slice(0, 2) + name).filter((oid) => oid.startsWith(prefix)),
    );
    if (await this.hasPacks()) {
      const git = await loadIsomorphicGit();
      try {
        found.add(await git.expandOid({fs: this.fs, gitdir: this.gitdir, oid: prefix, cache: this.cache}));
      } catch (error) {
        const failure = /** @type {{code?: string, data?: {matches?: string[]}}} */ (error);
        if (failure.code === 'AmbiguousError') for (const oid of failure.data?.matches ?? []) found.add(oid);
        else if (failure.code !== 'NotFoundError') throw error;
      }
    }
    return [...found];
  }

  /** git's abbreviation: 7 hex digits, more while another object shares them. @param {string} oid */
  async abbrev(oid, min = 7) {
    const key = `${oid}:${min}`;
    const known = this.abbrevs.get(key);
    if (known) return known;
    let length = min;
    while (length < 40 && (await this.expand(oid.slice(0, length))).length > 1) length++;
    const short = oid.slice(0, length);
    this.abbrevs.set(key, short);
    return short;
  }
}
