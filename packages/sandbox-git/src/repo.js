/**
 * A repository as one command sees it: where it is (discovery from the working directory, linked
 * worktrees included), its refs, objects, index, configuration, and the working tree's files.
 */
import {Config, loadConfig} from './config.js';
import {fatal} from './errors.js';
import {Files, utf8} from './fs.js';
import {IgnoreRules, parseIgnoreFile} from './ignore.js';
import {Index, parseIndex, serializeIndex, statFields} from './index-file.js';
import {ObjectStore, compareBytes, hashObject, serializeTree} from './objects.js';
import {basename, dirname, isInside, join, relative, resolve} from './path.js';
import {RefStore} from './refs.js';
import {resolveIdent} from './ident.js';

/** @typedef {import('./types.js').GitContext} GitContext */
/** @typedef {{mode: string, oid: string}} FlatEntry  a file of a tree: mode as stored (`100644`) */

/** Pseudo-refs and files kept per worktree. */
const PER_WORKTREE = new Set(['HEAD', 'index', 'MERGE_HEAD', 'MERGE_MSG', 'MERGE_MODE', 'ORIG_HEAD', 'AUTO_MERGE', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'SQUASH_MSG', 'COMMIT_EDITMSG']);

/**
 * Finds the repository that contains `cwd`: a `.git` folder, or a `.git` file pointing to a
 * linked worktree's git dir (which names the common dir in its `commondir` file).
 * @param {Files} files @param {string} cwd
 * @returns {Promise<{worktree: string, gitdir: string, commondir: string} | undefined>}
 */
export async function discover(files, cwd) {
  let dir = cwd;
  for (;;) {
    const dotgit = join(dir, '.git');
    const stats = await files.lstat(dotgit);
    if (stats?.isDirectory() && (await files.exists(join(dotgit, 'HEAD')))) {
      return {worktree: dir, gitdir: dotgit, commondir: await commonDir(files, dotgit)};
    }
    if (stats?.isFile()) {
      const text = (await files.readText(dotgit)) ?? '';
      const match = /^gitdir: (.*)$/m.exec(text);
      if (match) {
        const gitdir = resolve(dir, /** @type {string} */ (match[1]).trim());
        if (await files.exists(join(gitdir, 'HEAD'))) return {worktree: dir, gitdir, commondir: await commonDir(files, gitdir)};
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** @param {Files} files @param {string} gitdir */
async function commonDir(files, gitdir) {
  const text = await files.readText(join(gitdir, 'commondir'));
  return text === undefined ? gitdir : resolve(gitdir, text.trim());
}

export class Repository {
  /**
   * @param {GitContext} ctx @param {Files} files
   * @param {{worktree: string, gitdir: string, commondir: string}} where
   * @param {Config} config
   */
  constructor(ctx, files, where, config) {
    this.ctx = ctx;
    this.files = files;
    this.worktree = where.worktree;
    this.gitdir = where.gitdir;
    this.commondir = where.commondir;
    this.config = config;
    this.refs = new RefStore(files, where, {
      // The reflog names the committer; a repository with no identity yet still logs its moves.
      ident: () => {
        try {
          return resolveIdent('committer', {env: ctx.env, config: (key) => config.get(key), now: ctx.now, tzOffset: ctx.tzOffset});
        } catch {
          const ms = ctx.now();
          return {name: 'unknown', email: '', timestamp: Math.floor(ms / 1000), tzMinutes: ctx.tzOffset(ms)};
        }
      },
      logAll: config.getBool('core.logallrefupdates', true),
    });
    this.objects = new ObjectStore(ctx.fs, where.commondir);
    /** @type {Index | undefined} */
    this.cachedIndex = undefined;
    /** @type {Map<string, Map<string, FlatEntry>>} */
    this.flatTrees = new Map();
    /** @type {IgnoreRules | undefined} */
    this.ignore = undefined;
  }

  /**
   * The repository around `ctx.cwd`, or `fatal: not a git repository` as git says it.
   * @param {GitContext} ctx @param {string[]} [configOverrides] `-c key=value`
   */
  static async open(ctx, configOverrides = []) {
    const files = new Files(ctx.fs);
    const where = await discover(files, ctx.cwd);
    if (!where) fatal('not a git repository (or any of the parent directories): .git');
    return Repository.at(ctx, where, configOverrides);
  }

  /**
   * @param {GitContext} ctx @param {{worktree: string, gitdir: string, commondir: string}} where
   * @param {string[]} [configOverrides]
   */
  static async at(ctx, where, configOverrides = []) {
    const files = new Files(ctx.fs);
    const config = await loadConfig(files, ctx.env, join(where.commondir, 'config'), configOverrides);
    return new Repository(ctx, files, where, config);
  }

  /** Where a file of the git dir lives: the worktree's own, or the common dir. @param {string} name */
  path(name) {
    return join(PER_WORKTREE.has(name) || name.startsWith('logs/HEAD') ? this.gitdir : this.commondir, name);
  }

  /** @param {string} name */
  async readGitFile(name) {
    return this.files.readText(this.path(name));
  }

  /** @param {string} name @param {string} text */
  async writeGitFile(name, text) {
    await this.files.write(this.path(name), text);
  }

  /** @param {string} name */
  async removeGitFile(name) {
    await this.files.unlink(this.path(name));
  }

  // -------------------------------------------------------------------------------------------
  // Index

  async index() {
    if (this.cachedIndex) return this.cachedIndex;
    const bytes = await this.files.readBytes(this.path('index'));
    let entries;
    try {
      entries = bytes === undefined ? [] : parseIndex(bytes);
    } catch (error) {
      fatal(`index file corrupt (${/** @type {Error} */ (error).message})`);
    }
    this.cachedIndex = new Index(entries);
    return this.cachedIndex;
  }

  /** @param {Index} index */
  async writeIndex(index) {
    this.cachedIndex = index;
    await this.files.write(this.path('index'), serializeIndex(index.entries()));
  }

  // -------------------------------------------------------------------------------------------
  // Trees

  /**
   * Every file of a tree, recursively: repo path -> mode and blob id (cached per tree).
   * @param {string | undefined} treeOid @returns {Promise<Map<string, FlatEntry>>}
   */
  async flattenTree(treeOid) {
    if (treeOid === undefined) return new Map();
    const cached = this.flatTrees.get(treeOid);
    if (cached) return cached;
    /** @type {Map<string, FlatEntry>} */
    const flat = new Map();
    const walk = async (/** @type {string} */ oid, /** @type {string} */ prefix) => {
      for (const entry of await this.objects.tree(oid)) {
        const path = prefix + entry.name;
        if (entry.mode === '40000') await walk(entry.oid, `${path}/`);
        else flat.set(path, {mode: entry.mode, oid: entry.oid});
      }
    };
    await walk(treeOid, '');
    this.flatTrees.set(treeOid, flat);
    return flat;
  }

  /** The flat tree of a commit. @param {string | undefined} commitOid */
  async commitFiles(commitOid) {
    if (commitOid === undefined) return new Map();
    return this.flattenTree((await this.objects.commit(commitOid)).tree);
  }

  /**
   * Writes the trees of a set of files (path -> mode, blob) and returns the top tree's id,
   * as `git write-tree` does from the index.
   * @param {Map<string, FlatEntry>} files
   */
  async writeTree(files) {
    /** @type {Map<string, Map<string, {mode: string, oid: string} | 'dir'>>} */
    const dirs = new Map([['', new Map()]]);
    for (const [path, entry] of files) {
      const parts = path.split('/');
      for (let i = 0; i < parts.length - 1; i++) {
        const dir = parts.slice(0, i).join('/');
        const sub = parts.slice(0, i + 1).join('/');
        if (!dirs.has(sub)) dirs.set(sub, new Map());
        /** @type {Map<string, any>} */ (dirs.get(dir)).set(/** @type {string} */ (parts[i]), 'dir');
      }
      /** @type {Map<string, any>} */ (dirs.get(parts.slice(0, -1).join('/'))).set(/** @type {string} */ (parts[parts.length - 1]), entry);
    }
    const write = async (/** @type {string} */ dir) => {
      /** @type {import('./objects.js').TreeEntry[]} */
      const entries = [];
      for (const [name, entry] of /** @type {Map<string, {mode: string, oid: string} | 'dir'>} */ (dirs.get(dir))) {
        if (entry === 'dir') entries.push({mode: '40000', name, oid: await write(dir === '' ? name : `${dir}/${name}`)});
        else entries.push({mode: entry.mode, name, oid: entry.oid});
      }
      return this.objects.put('tree', serializeTree(entries));
    };
    return write('');
  }

  /** The files of the index's stage 0 as a flat tree. @param {Index} index */
  static indexFiles(index) {
    /** @type {Map<string, FlatEntry>} */
    const files = new Map();
    for (const path of index.paths()) {
      const entry = index.get(path);
      if (entry) files.set(path, {mode: entry.mode.toString(8), oid: entry.oid});
    }
    return files;
  }

  // -------------------------------------------------------------------------------------------
  // The working tree

  /** Absolute path of a repo path. @param {string} path */
  abs(path) {
    return join(this.worktree, path);
  }

  /** The repo path of an absolute path, or undefined outside the worktree. @param {string} absolute */
  repoPath(absolute) {
    if (!isInside(this.worktree, absolute)) return undefined;
    return relative(this.worktree, absolute);
  }

  /** Where the command runs, as a repo path prefix ('' at the top, `src/` below). */
  prefix() {
    const rel = this.repoPath(this.ctx.cwd);
    return rel === undefined || rel === '' ? '' : `${rel}/`;
  }

  /**
   * A working-tree file as git would store it: mode, blob id and content; undefined when absent
   * (or a folder).
   * @param {string} path
   * @returns {Promise<{mode: string, oid: string, content: Uint8Array, stats: import('./fs.js').Stats} | undefined>}
   */
  async workFile(path) {
    const absolute = this.abs(path);
    const stats = await this.files.lstat(absolute);
    if (!stats || stats.isDirectory()) return undefined;
    let content;
    let mode;
    if (stats.isSymbolicLink() && this.files.p.readlink) {
      content = utf8(await this.files.p.readlink(absolute));
      mode = '120000';
    } else {
      content = /** @type {Uint8Array} */ (await this.files.readBytes(absolute));
      mode = this.config.getBool('core.filemode', true) && stats.mode & 0o111 ? '100755' : '100644';
    }
    return {mode, oid: hashObject('blob', content), content, stats};
  }

  /** Builds an index entry for a working-tree file, writing its blob. @param {string} path */
  async stageFile(path) {
    const file = await this.workFile(path);
    if (!file) return undefined;
    const oid = await this.objects.put('blob', file.content);
    return {path, stage: 0, mode: parseInt(file.mode, 8), oid, ...statFields(file.stats)};
  }

  /** The ignore rules of this worktree (info/exclude, core.excludesFile, .gitignore files). */
  async ignoreRules() {
    if (this.ignore) return this.ignore;
    /** @type {import('./ignore.js').IgnorePattern[]} */
    const base = [];
    const excludesFile = this.config.get('core.excludesfile') ?? (this.ctx.env.XDG_CONFIG_HOME ? join(this.ctx.env.XDG_CONFIG_HOME, 'git/ignore') : this.ctx.env.HOME ? join(this.ctx.env.HOME, '.config/git/ignore') : undefined);
    if (excludesFile) base.push(...parseIgnoreFile((await this.files.readText(excludesFile.replace(/^~(?=\/)/, this.ctx.env.HOME ?? '~'))) ?? '', ''));
    base.push(...parseIgnoreFile((await this.files.readText(join(this.commondir, 'info/exclude'))) ?? '', ''));
    this.ignore = new IgnoreRules(this.files, this.worktree, base);
    return this.ignore;
  }

  /**
   * Every file of the working tree git would see (tracked ones, and untracked ones not ignored),
   * with the folders that hold no tracked file, for status's `dir/` lines.
   * @param {Index} index
   * @returns {Promise<{files: string[], trackedDirs: Set<string>}>}
   */
  async scanWorktree(index) {
    const ignore = await this.ignoreRules();
    const tracked = new Set(index.paths());
    /** @type {Set<string>} folders holding a tracked path */
    const trackedDirs = new Set();
    for (const path of tracked) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) trackedDirs.add(parts.slice(0, i).join('/'));
    }
    /** @type {string[]} */
    const found = [];
    const walk = async (/** @type {string} */ dir) => {
      for (const name of await this.files.readdir(dir === '' ? this.worktree : this.abs(dir))) {
        const path = dir === '' ? name : `${dir}/${name}`;
        if (name === '.git') continue;
        const stats = await this.files.lstat(this.abs(path));
        if (!stats) continue;
        if (stats.isDirectory()) {
          // A nested repository is not looked into (git would show it as `dir/`).
          if (!trackedDirs.has(path) && (await ignore.isIgnored(path, true))) continue;
          if (!trackedDirs.has(path) && (await this.files.exists(join(this.abs(path), '.git')))) {
            found.push(`${path}/`);
            continue;
          }
          await walk(path);
        } else if (tracked.has(path) || !(await ignore.isIgnored(path, false))) {
          found.push(path);
        }
      }
    };
    await walk('');
    return {files: found.sort(compareBytes), trackedDirs};
  }

  /** The name of this worktree's folder, for messages. */
  name() {
    return basename(this.worktree);
  }
}
