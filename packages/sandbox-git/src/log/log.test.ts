/**
 * `git log` against real git 2.39: random repositories are built with real git (fast-import for
 * the commits, loose tag objects, refs and HEAD written as git writes them), every command below
 * runs in each with real git, and the walk, graph, formats and decorations must print the same
 * bytes. Followed by the course's lesson histories pinned as text.
 */
import {execFileSync, spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CommitInfo, Ident} from '../types.js';
import {loadDecorations, type DecoratedRef, type Decorations} from './decorate.js';
import {parseColor, parseCommitFormat, parseDateMode, showDate, type FormatContext} from './format.js';
import {parseGraphColors} from './graph.js';
import {showLog} from './log-tree.js';
import {allRefTips, walkLog, type StartPoint} from './walk.js';

// ---------------------------------------------------------------------------------------------
// Random histories

/** mulberry32: a small seeded generator, so a failing history can be rebuilt from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  return {next, int, pick, chance};
}
type Rng = ReturnType<typeof prng>;

interface ModelCommit {
  mark: number;
  parents: number[];
  author: Ident;
  committer: Ident;
  message: string;
  blob: number;
}
interface ModelTag {
  name: string;
  /** A commit mark, or the index of another annotated tag (a tag of a tag). */
  target: {commit: number} | {tag: number};
  annotated: {tagger: Ident; message: string} | null;
}
interface ModelHistory {
  seed: number;
  dates: string;
  commits: ModelCommit[];
  branches: Map<string, number>;
  remotes: Map<string, number>;
  /** Refs outside heads, remotes and tags (full names): `--all` walks them, `--decorate` shows the stash only. */
  others: Map<string, number>;
  tags: ModelTag[];
  head: {branch: string} | {detached: number};
  /** What the history was built from, for a failure report. */
  script: string[];
}

const BRANCH_NAMES = ['main', 'develop', 'feature', 'feature-x', 'feature/x', 'feature/y', 'hotfix/pay', 'Zed', 'a', 'release/1.0', 'topic'];
const TAG_NAMES = ['v1', 'v1.0', 'v10', 'v2', 'archive/old', 'T', 'rc'];
const ZONES = [60, 0, -420, 330, -570, 825, 60, 60];
const PEOPLE = [
  {name: 'Ada Lovelace', email: 'ada@example.com'},
  {name: 'Linus', email: 'linus@kernel.example'},
  {name: 'Zoë Ünïcode', email: 'zoe@exämple.org'},
];
const SUBJECTS = ['Initial commit', 'feat: add cart', 'fix: payment timeout', 'docs: README', 'WIP', 'refactor(core): split', 'chore: bump', 'test: cover the edge', 'café ✓ 🚀 done'];

function randomMessage(rng: Rng, n: number): string {
  const subject = `${rng.pick(SUBJECTS)} ${n}`;
  switch (rng.int(12)) {
    case 0:
      return `${subject}\n\nThe body explains why.\nSecond line of the body.\n`;
    case 1:
      return `${subject}\ncontinued subject line\n\nbody\n`;
    case 2:
      return `\n\n${subject}\n`;
    case 3:
      return subject; // no trailing newline
    case 4:
      return `${subject}   \n\n\tindented\twith tabs\n  trailing spaces   \n\n\n`;
    case 5:
      return `${subject}\n\nkey:\tvalue\nα\tβ\n日本\t語\n`;
    case 6:
      return `${subject}\r\n\r\nwindows body\r\n`;
    case 7:
      return rng.chance(0.3) ? '' : `${subject}\n`;
    case 8:
      return `${subject}\n\n\n\nafter blank lines\n\n\nand more\n`;
    default:
      return `${subject}\n`;
  }
}

function generateHistory(seed: number): ModelHistory {
  const rng = prng(seed);
  const dates = rng.pick(['same', 'same', 'increasing', 'shuffled', 'ties']);
  const base = 1795795200; // 2026-11-27T17:00:00Z, the course's date
  let clock = base;
  const nextDate = () => {
    if (dates === 'same') return base;
    if (dates === 'increasing') return (clock += 1 + rng.int(5000));
    if (dates === 'ties') return (clock += rng.chance(0.6) ? 0 : 60);
    return base + rng.int(20) * 3600 - 36000;
  };
  const ident = (): Ident => {
    const who = rng.pick(PEOPLE);
    return {...who, timestamp: nextDate(), tzMinutes: rng.pick(ZONES)};
  };
  const commits: ModelCommit[] = [];
  const branches = new Map<string, number>();
  const remotes = new Map<string, number>();
  const others = new Map<string, number>();
  const tags: ModelTag[] = [];
  const script: string[] = [];
  let head: {branch: string} | {detached: number} = {branch: 'main'};

  const commit = (parents: number[]) => {
    const mark = commits.length + 1;
    const author = ident();
    const committer = rng.chance(0.8) ? {...author} : ident();
    const blob = rng.chance(0.2) && parents[0] ? (commits[parents[0] - 1] as ModelCommit).blob : rng.int(12);
    commits.push({mark, parents, author, committer, message: randomMessage(rng, mark), blob});
    return mark;
  };
  // git refuses a branch whose name is a folder of another's (feature and feature/x).
  const canCreate = (name: string) =>
    !branches.has(name) && ![...branches.keys()].some((b) => b.startsWith(`${name}/`) || name.startsWith(`${b}/`));
  const headCommit = () => ('branch' in head ? branches.get(head.branch) : head.detached);
  const setHead = (mark: number) => {
    if ('branch' in head) branches.set(head.branch, mark);
    else head = {detached: mark};
  };
  const ancestors = (mark: number) => {
    const seen = new Set<number>();
    const stack = [mark];
    while (stack.length) {
      const m = stack.pop() as number;
      if (seen.has(m)) continue;
      seen.add(m);
      stack.push(...(commits[m - 1] as ModelCommit).parents);
    }
    return seen;
  };

  branches.set('main', commit([]));
  script.push('commit (root) on main');
  /** Branches whose tips `current` does not contain, in a shuffled order. */
  const mergeable = (current: number) => {
    const contained = ancestors(current);
    return [...branches.entries()]
      .filter(([name, tip]) => (!('branch' in head) || name !== head.branch) && !contained.has(tip))
      .map(([name, tip]) => ({name, tip, key: rng.next()}))
      .sort((a, b) => a.key - b.key);
  };
  const ops = [
    ['commit', 34],
    ['branch', 12],
    ['switch', 14],
    ['merge', 20],
    ['octopus', 4],
    ['criss-cross', 3],
    ['side-merge', 5],
    ['tag', 6],
    ['detach', 3],
    ['orphan', 2],
    ['remote', 3],
    ['delete', 2],
    ['reset', 3],
    ['other-ref', 2],
  ] as const;
  const total = ops.reduce((sum, [, weight]) => sum + weight, 0);
  const steps = rng.pick([4, 10, 20, 35, 50, 70, 100]);
  for (let step = 0; step < steps; step++) {
    const current = headCommit() as number;
    let roll = rng.int(total);
    const op = (ops.find(([, weight]) => (roll -= weight) < 0) as (typeof ops)[number])[0];
    const otherBranches = [...branches.keys()].filter((b) => !('branch' in head) || b !== head.branch);
    if (op === 'commit') {
      setHead(commit([current]));
      script.push(`commit on ${'branch' in head ? head.branch : 'detached HEAD'}`);
    } else if (op === 'branch') {
      const name = rng.pick(BRANCH_NAMES);
      if (canCreate(name)) {
        const at = rng.chance(0.7) ? current : 1 + rng.int(commits.length);
        branches.set(name, at);
        head = {branch: name};
        script.push(`switch -c ${name} (at ${at})`);
      }
    } else if (op === 'switch' && otherBranches.length) {
      const name = rng.pick(otherBranches);
      head = {branch: name};
      script.push(`switch ${name}`);
    } else if (op === 'merge') {
      const other = mergeable(current)[0];
      if (!other) continue;
      if (ancestors(other.tip).has(current) && rng.chance(0.4)) {
        setHead(other.tip);
        script.push(`merge --ff-only ${other.name}`);
      } else {
        setHead(commit([current, other.tip]));
        script.push(`merge --no-ff ${other.name}`);
      }
    } else if (op === 'octopus') {
      // git merge a b c: every head new to HEAD and to each other.
      const heads: number[] = [];
      for (const {tip} of mergeable(current)) {
        if (heads.length === 2 + rng.int(3)) break;
        if (heads.some((h) => h === tip || ancestors(h).has(tip) || ancestors(tip).has(h))) continue;
        heads.push(tip);
      }
      if (heads.length < 2) continue;
      setHead(commit([current, ...heads]));
      script.push(`merge (octopus) ${heads.join(' ')}`);
    } else if (op === 'criss-cross' && 'branch' in head) {
      // Merge the other way round too: two merges whose bases cross.
      const other = mergeable(current).find(({tip}) => !ancestors(tip).has(current));
      if (!other) continue;
      const here = head.branch;
      branches.set(here, commit([current, other.tip]));
      branches.set(other.name, commit([other.tip, current]));
      script.push(`criss-cross ${here} x ${other.name}`);
    } else if (op === 'side-merge') {
      // A new branch at an older commit merging another branch: the merge's first parent has
      // another child, so the graph routes it left (`|_|/`-style lines).
      const name = rng.pick(BRANCH_NAMES);
      const at = 1 + rng.int(commits.length);
      const other = mergeable(at).find(({tip}) => !ancestors(tip).has(at));
      if (!canCreate(name) || !other) continue;
      branches.set(name, commit([at, other.tip]));
      head = {branch: name};
      script.push(`switch -c ${name} ${at} + merge --no-ff ${other.name}`);
    } else if (op === 'tag') {
      const name = rng.pick(TAG_NAMES);
      if (!tags.some((t) => t.name === name)) {
        const annotated = rng.chance(0.5);
        const nested = annotated && rng.chance(0.2) && tags.some((t) => t.annotated);
        const target: ModelTag['target'] = nested
          ? {tag: tags.findIndex((t) => t.annotated)}
          : {commit: rng.chance(0.7) ? current : 1 + rng.int(commits.length)};
        tags.push({
          name,
          target,
          annotated: annotated ? {tagger: ident(), message: `Release ${name}\n`} : null,
        });
        script.push(`tag ${annotated ? '-a ' : ''}${name} ${JSON.stringify(target)}`);
      }
    } else if (op === 'detach') {
      head = {detached: rng.chance(0.5) ? current : 1 + rng.int(commits.length)};
      script.push(`switch --detach ${head.detached}`);
    } else if (op === 'orphan') {
      const name = rng.pick(BRANCH_NAMES);
      if (canCreate(name)) {
        branches.set(name, commit([]));
        head = {branch: name};
        script.push(`switch --orphan ${name} + commit`);
      }
    } else if (op === 'remote') {
      const name = rng.pick([...branches.keys()]);
      remotes.set(`origin/${name}`, branches.get(name) as number);
      if (rng.chance(0.3)) remotes.set('upstream/x', 1 + rng.int(commits.length));
      script.push(`push origin ${name}`);
    } else if (op === 'other-ref') {
      // git stash's two commits (the index, then the work tree as a merge), or a ref that
      // --all walks and the decorations leave out.
      const name = rng.pick(['refs/stash', 'refs/original/refs/heads/main', 'refs/wip/x']);
      if (name === 'refs/stash') {
        const index = commit([current]);
        others.set(name, commit([current, index]));
      } else {
        others.set(name, rng.chance(0.5) ? current : commit([current]));
      }
      script.push(`update-ref ${name}`);
    } else if (op === 'delete' && otherBranches.length > 1) {
      const name = rng.pick(otherBranches);
      branches.delete(name);
      script.push(`branch -D ${name}`);
    } else if (op === 'reset' && 'branch' in head) {
      const back = (commits[current - 1] as ModelCommit).parents[0];
      if (back) {
        branches.set(head.branch, back);
        script.push(`reset --hard HEAD~`);
      }
    }
  }
  return {seed, dates, commits, branches, remotes, others, tags, head, script};
}

// ---------------------------------------------------------------------------------------------
// Building the repositories with real git

const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  TZ: 'UTC',
  LANG: 'C.UTF-8',
  GIT_TEST_DATE_NOW: '1796000000',
};
const NOW = 1796000000;

function identLine(who: Ident) {
  const abs = Math.abs(who.tzMinutes);
  const tz = `${who.tzMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60) * 100 + (abs % 60)).padStart(4, '0')}`;
  return `${who.name} <${who.email}> ${who.timestamp} ${tz}`;
}

function data(text: string) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

interface TagObject {
  oid: string;
  object: string;
}
interface Repo {
  history: ModelHistory;
  gitDir: string;
  refs: {name: string; oid: string}[];
  head: {oid: string; branch: string | null};
  markOid: Map<number, string>;
}
interface World {
  commits: Map<string, CommitInfo>;
  tags: Map<string, TagObject>;
  abbrev: (oid: string) => string;
}

function sha1(type: string, body: Buffer) {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');
}

/** Parses `git cat-file --batch-all-objects --batch`. */
function readObjects(out: Buffer) {
  const commits = new Map<string, CommitInfo>();
  const tags = new Map<string, TagObject>();
  const oids: string[] = [];
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(10, pos);
    const [oid, type, size] = out.subarray(pos, nl).toString().split(' ') as [string, string, string];
    const body = out.subarray(nl + 1, nl + 1 + Number(size)).toString('utf8');
    pos = nl + 1 + Number(size) + 1;
    oids.push(oid);
    if (type === 'commit') commits.set(oid, parseCommit(oid, body));
    if (type === 'tag') tags.set(oid, {oid, object: (/^object ([0-9a-f]{40})/.exec(body) as RegExpExecArray)[1] as string});
  }
  return {commits, tags, oids};
}

function parseIdent(text: string): Ident {
  const m = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!m) throw new Error(`bad ident ${text}`);
  const minutes = Number(m[5]) * 60 + Number(m[6]);
  return {name: m[1] as string, email: m[2] as string, timestamp: Number(m[3]), tzMinutes: m[4] === '-' ? -minutes : minutes};
}

function parseCommit(oid: string, raw: string): CommitInfo {
  const split = raw.indexOf('\n\n');
  const headers = raw.slice(0, split).split('\n');
  const parents: string[] = [];
  let tree = '';
  let author: Ident | null = null;
  let committer: Ident | null = null;
  for (const line of headers) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') tree = value;
    if (key === 'parent') parents.push(value);
    if (key === 'author') author = parseIdent(value);
    if (key === 'committer') committer = parseIdent(value);
  }
  return {oid, tree, parents, author: author as Ident, committer: committer as Ident, message: raw.slice(split + 2)};
}

/**
 * find_unique_abbrev: 7 characters (more when the object count calls for it), then longer
 * until no other object shares the prefix.
 */
function abbreviator(oids: string[], packedCount: number) {
  const sorted = [...oids].sort();
  const bits = packedCount > 0 ? Math.floor(Math.log2(packedCount)) + 1 : 0;
  const minLen = Math.max(7, Math.ceil(bits / 2));
  const cache = new Map<string, string>();
  const common = (a: string | undefined, b: string) => {
    if (!a) return 0;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };
  return (oid: string) => {
    let short = cache.get(oid);
    if (short) return short;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < oid) lo = mid + 1;
      else hi = mid;
    }
    const neighbours = Math.max(common(sorted[lo - 1], oid), common(sorted[lo + 1], oid));
    short = oid.slice(0, Math.max(minLen, neighbours + 1));
    cache.set(oid, short);
    return short;
  };
}

function buildWorld(root: string, histories: ModelHistory[]) {
  const store = path.join(root, 'store.git');
  execFileSync('git', ['init', '-q', '--bare', store], {env: GIT_ENV});
  // One fast-import for every history's commits: each commit on a scratch ref of its own.
  let stream = '';
  const markBase: number[] = [];
  let nextMark = 1;
  for (const h of histories) {
    markBase.push(nextMark - 1);
    for (const c of h.commits) {
      const mark = nextMark - 1 + c.mark;
      stream += `commit refs/scratch/${mark}\nmark :${mark}\n`;
      stream += `author ${identLine(c.author)}\ncommitter ${identLine(c.committer)}\n${data(c.message)}`;
      c.parents.forEach((p, i) => {
        stream += `${i === 0 ? 'from' : 'merge'} :${nextMark - 1 + p}\n`;
      });
      stream += `deleteall\nM 100644 inline file.txt\n${data(`content ${c.blob}`)}\n`;
    }
    nextMark += h.commits.length;
  }
  const marksFile = path.join(root, 'marks');
  execFileSync('git', ['--git-dir', store, 'fast-import', '--quiet', `--export-marks=${marksFile}`], {
    env: GIT_ENV,
    input: stream,
  });
  const marks = new Map<number, string>();
  for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
    const [mark, oid] = line.split(' ');
    if (mark && oid) marks.set(Number(mark.slice(1)), oid);
  }
  rmSync(path.join(store, 'refs', 'scratch'), {recursive: true, force: true});
  rmSync(path.join(store, 'packed-refs'), {force: true});

  // Annotated tags as loose objects (fast-import cannot give two tags the same name).
  const tagFiles: string[] = [];
  const repos: Repo[] = histories.map((history, index) => {
    const markOid = new Map<number, string>();
    for (const c of history.commits) markOid.set(c.mark, marks.get((markBase[index] as number) + c.mark) as string);
    const gitDir = path.join(root, `h${index}.git`);
    mkdirSync(path.join(gitDir, 'objects', 'info'), {recursive: true});
    mkdirSync(path.join(gitDir, 'refs', 'heads'), {recursive: true});
    writeFileSync(path.join(gitDir, 'objects', 'info', 'alternates'), `${path.join(store, 'objects')}\n`);
    writeFileSync(path.join(gitDir, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
    const refs: {name: string; oid: string}[] = [];
    for (const [name, mark] of history.branches) refs.push({name: `refs/heads/${name}`, oid: markOid.get(mark) as string});
    for (const [name, mark] of history.remotes) refs.push({name: `refs/remotes/${name}`, oid: markOid.get(mark) as string});
    for (const [name, mark] of history.others) refs.push({name, oid: markOid.get(mark) as string});
    const tagOids: string[] = [];
    for (const tag of history.tags) {
      const targetOid = 'commit' in tag.target ? (markOid.get(tag.target.commit) as string) : (tagOids[tag.target.tag] as string);
      if (!tag.annotated) {
        tagOids.push(targetOid);
      } else {
        const type = 'commit' in tag.target ? 'commit' : 'tag';
        const body = Buffer.from(
          `object ${targetOid}\ntype ${type}\ntag ${tag.name}\ntagger ${identLine(tag.annotated.tagger)}\n\n${tag.annotated.message}`,
        );
        const file = path.join(root, `tag-${index}-${tagOids.length}`);
        writeFileSync(file, body);
        tagFiles.push(file);
        tagOids.push(sha1('tag', body));
      }
      refs.push({name: `refs/tags/${tag.name}`, oid: tagOids[tagOids.length - 1] as string});
    }
    for (const ref of refs) {
      mkdirSync(path.dirname(path.join(gitDir, ref.name)), {recursive: true});
      writeFileSync(path.join(gitDir, ref.name), `${ref.oid}\n`);
    }
    const head =
      'branch' in history.head
        ? {oid: markOid.get(history.branches.get(history.head.branch) as number) as string, branch: `refs/heads/${history.head.branch}`}
        : {oid: markOid.get(history.head.detached) as string, branch: null};
    writeFileSync(path.join(gitDir, 'HEAD'), head.branch ? `ref: ${head.branch}\n` : `${head.oid}\n`);
    return {history, gitDir, refs, head, markOid};
  });
  if (tagFiles.length) {
    const written = execFileSync('git', ['--git-dir', store, 'hash-object', '-t', 'tag', '-w', '--stdin-paths'], {
      env: GIT_ENV,
      input: `${tagFiles.join('\n')}\n`,
    })
      .toString()
      .trim()
      .split('\n');
    expect(written.length).toBe(tagFiles.length);
  }
  const objects = readObjects(
    execFileSync('git', ['--git-dir', store, 'cat-file', '--batch-all-objects', '--batch'], {
      env: GIT_ENV,
      maxBuffer: 1 << 30,
    }),
  );
  const packed = execFileSync('git', ['--git-dir', store, 'count-objects', '-v'], {env: GIT_ENV}).toString();
  const inPack = Number((/in-pack: (\d+)/.exec(packed) as RegExpExecArray)[1]);
  const world: World = {commits: objects.commits, tags: objects.tags, abbrev: abbreviator(objects.oids, inPack)};
  return {repos, world};
}

// ---------------------------------------------------------------------------------------------
// The commands, as real git runs them and as the modules run them

interface OursOptions {
  tips: 'all' | 'HEAD' | (string | StartPoint)[];
  /** Start points after the tips (`--all ^a`). */
  more?: StartPoint[];
  abbrevCommit?: boolean;
  format?: string | undefined;
  graph?: boolean;
  decorate?: false | 'short' | 'full';
  color?: boolean;
  firstParent?: boolean;
  topoOrder?: boolean;
  sortOrder?: 'graph' | 'date' | 'author-date';
  maxCount?: number;
  skip?: number;
  reverse?: boolean;
  date?: string;
  graphColors?: string;
}

interface Command {
  name: string;
  /**
   * The share of the histories a command runs on (every one with LOG_TEST_FULL=1): each git run
   * costs a process, 20 to 70 ms on this shared machine, so the graph runs everywhere and the
   * rest in rotation.
   */
  weight: number;
  args: (repo: Repo, rng: Rng) => {git: string[]; ours: OursOptions} | null;
}

function peelChain(world: World, oid: string) {
  const chain: string[] = [];
  let tag = world.tags.get(oid);
  while (tag) {
    chain.push(tag.object);
    tag = world.tags.get(tag.object);
  }
  return chain;
}

function peelToCommit(world: World, oid: string): string | null {
  const chain = peelChain(world, oid);
  const last = chain.length ? (chain[chain.length - 1] as string) : oid;
  return world.commits.has(last) ? last : null;
}

async function runOurs(world: World, repo: Repo, o: OursOptions) {
  const readCommit = async (oid: string) => {
    const c = world.commits.get(oid);
    if (!c) throw new Error(`no commit ${oid}`);
    return c;
  };
  const tips: (string | StartPoint)[] =
    o.tips === 'all'
      ? allRefTips(
          repo.refs.map((r) => ({name: r.name, commit: peelToCommit(world, r.oid)})),
          repo.head.oid,
        )
      : o.tips === 'HEAD'
        ? [repo.head.oid]
        : [...o.tips];
  tips.push(...(o.more ?? []));
  const graph = o.graph ?? false;
  const entries = await walkLog({
    tips,
    readCommit,
    topoOrder: graph || (o.topoOrder ?? false),
    ...(o.sortOrder ? {sortOrder: o.sortOrder} : {}),
    firstParent: o.firstParent ?? false,
    ...(o.maxCount !== undefined ? {maxCount: o.maxCount} : {}),
    ...(o.skip !== undefined ? {skip: o.skip} : {}),
    reverse: o.reverse ?? false,
  });
  const format = parseCommitFormat(o.format);
  if (!format) throw new Error(`bad format ${o.format}`);
  const refs: DecoratedRef[] = repo.refs.map((r) => ({name: r.name, oid: r.oid, peeled: peelChain(world, r.oid)}));
  const decorations: Decorations = loadDecorations(refs, repo.head);
  const dateMode = o.date ? parseDateMode(o.date) : null;
  const ctx: FormatContext = {
    abbrev: world.abbrev,
    decorations,
    decorateFull: o.decorate === 'full',
    color: o.color ?? false,
    now: NOW,
    ...(dateMode ? {dateMode} : {}),
  };
  return showLog(
    entries,
    {
      format,
      graph,
      decorate: Boolean(o.decorate),
      ...(o.abbrevCommit ? {abbrevCommit: true} : {}),
      ...(o.graphColors ? {graphColors: parseGraphColors(o.graphColors)} : {}),
    },
    ctx,
  );
}

const COLOR = ['-c', 'color.ui=always'];
/** Every padding and cut of pretty.c: parse_padding_placeholder, steals and colours among them. */
const PADDINGS =
  '%<(12)%an|%>(8,trunc)%s|%><(9)%h|%<(5,ltrunc)%s|%<(7,mtrunc)%ae|%<|(50)%s|%>>(30)%h|' +
  '%<(20,trunc)%d|%Cred%<(6)%Creset%an  %>>(4)%s|%<|(-60)x|%>(3)日本語|%< (4)%h';

/** log.graphColors: named, bright, 256 and RGB colours with attributes. */
const GRAPH_COLORS = 'red, bold blue,#ff8000,200 ul, brightgreen';
const someBranch = (repo: Repo, rng: Rng) => rng.pick(repo.refs.filter((r) => r.name.startsWith('refs/heads/')));

/**
 * Less common options, each on a few histories (all of them with LOG_TEST_FULL=1): the walk's
 * other orders and limits, the other formats and dates, ranges with the graph, colours.
 */
const EXTRAS: [string, Command['args']][] = [
  ['color: log --graph --all --decorate', () => ({git: [...COLOR, 'log', '--graph', '--all', '--decorate'], ours: {tips: 'all', graph: true, decorate: 'short', color: true}})],
  ['log --topo-order --oneline --all', () => ({git: ['log', '--topo-order', '--oneline', '--all'], ours: {tips: 'all', topoOrder: true, format: 'oneline'}})],
  ['log --date-order --graph --oneline --all', () => ({git: ['log', '--date-order', '--graph', '--oneline', '--all'], ours: {tips: 'all', graph: true, sortOrder: 'date', format: 'oneline'}})],
  ['log --author-date-order --oneline --all --decorate=full', () => ({
    git: ['log', '--author-date-order', '--oneline', '--all', '--decorate=full'],
    ours: {tips: 'all', topoOrder: true, sortOrder: 'author-date', format: 'oneline', decorate: 'full'},
  })],
  ['log --all --skip=2 -n 4 --oneline', () => ({git: ['log', '--all', '--skip=2', '-n', '4', '--oneline'], ours: {tips: 'all', skip: 2, maxCount: 4, format: 'oneline'}})],
  ['log --all --reverse --format=%h %p %t', () => ({git: ['log', '--all', '--reverse', '--format=%h %p %t'], ours: {tips: 'all', reverse: true, format: '%h %p %t'}})],
  ['log --graph --oneline --decorate a..b', (repo, rng) => {
    const a = someBranch(repo, rng);
    const b = someBranch(repo, rng);
    return {
      git: ['log', '--graph', '--oneline', '--decorate', `${a.name}..${b.name}`],
      ours: {tips: [{oid: a.oid, uninteresting: true}, b.oid], graph: true, format: 'oneline', decorate: 'short'},
    };
  }],
  ['log --oneline --all ^a', (repo, rng) => {
    const a = someBranch(repo, rng);
    return {git: ['log', '--oneline', '--all', `^${a.name}`], ours: {tips: 'all', more: [{oid: a.oid, uninteresting: true}], format: 'oneline'}};
  }],
  ['log --all --pretty=fuller --date=iso --abbrev-commit', () => ({
    git: ['log', '--all', '--pretty=fuller', '--date=iso', '--abbrev-commit'],
    ours: {tips: 'all', format: 'fuller', date: 'iso', abbrevCommit: true},
  })],
  ['log --graph --pretty=short --all', () => ({git: ['log', '--graph', '--pretty=short', '--all'], ours: {tips: 'all', graph: true, format: 'short'}})],
  ['log --pretty=full --date=rfc --first-parent', () => ({git: ['log', '--pretty=full', '--date=rfc', '--first-parent'], ours: {tips: 'HEAD', format: 'full', firstParent: true, date: 'rfc'}})],
  ['color: log --graph --all --format=%C(auto)…', () => ({
    git: [...COLOR, 'log', '--graph', '--all', '--format=%C(auto)%h%d %s %Cred%an%Creset %C(bold blue)<%ae>%C(reset) %C(yellow ul)%cr'],
    ours: {tips: 'all', graph: true, color: true, format: '%C(auto)%h%d %s %Cred%an%Creset %C(bold blue)<%ae>%C(reset) %C(yellow ul)%cr'},
  })],
  ['log --all --format=format:<every placeholder>', () => ({
    git: ['log', '--all', '--format=format:%H%n%P%n%an <%ae> %al|%ad|%aD|%ai|%aI|%at|%as%n%cn %cd %ci %cI %cs%n[%s]%n%f%n%-b%+D% d%x09%m%%%z'],
    ours: {tips: 'all', format: 'format:%H%n%P%n%an <%ae> %al|%ad|%aD|%ai|%aI|%at|%as%n%cn %cd %ci %cI %cs%n[%s]%n%f%n%-b%+D% d%x09%m%%%z'},
  })],
  ['log --graph --all --format=%h%n%b', () => ({git: ['log', '--graph', '--all', '--format=%h%n%b'], ours: {tips: 'all', graph: true, format: '%h%n%b'}})],
  ['log --graph --all --format=format:%s', () => ({git: ['log', '--graph', '--all', '--format=format:%s'], ours: {tips: 'all', graph: true, format: 'format:%s'}})],
  ['log --graph --all --date=relative --decorate', () => ({git: ['log', '--graph', '--all', '--date=relative', '--decorate'], ours: {tips: 'all', graph: true, date: 'relative', decorate: 'short'}})],
  ['log --all --pretty=reference', () => ({git: ['log', '--all', '--pretty=reference'], ours: {tips: 'all', format: 'reference'}})],
  ['log --graph --all --format=', () => ({git: ['log', '--graph', '--all', '--format='], ours: {tips: 'all', graph: true, format: ''}})],
  ['log --graph --all --pretty=raw', () => ({git: ['log', '--graph', '--all', '--pretty=raw'], ours: {tips: 'all', graph: true, format: 'raw'}})],
  ['color: -c log.graphColors=… log --graph --oneline --all', () => ({
    git: [...COLOR, '-c', `log.graphColors=${GRAPH_COLORS}`, 'log', '--graph', '--oneline', '--all'],
    ours: {tips: 'all', graph: true, format: 'oneline', color: true, graphColors: GRAPH_COLORS},
  })],
  ['log --all --date=short --format=%ad %cd|%h', () => ({
    git: ['log', '--all', '--date=short', '--format=%ad %cd|%h'],
    ours: {tips: 'all', date: 'short', format: '%ad %cd|%h'},
  })],
  ['log --first-parent --date=raw', () => ({git: ['log', '--first-parent', '--date=raw'], ours: {tips: 'HEAD', firstParent: true, date: 'raw'}})],
  ['log --all --date=unix --format=%ad', () => ({git: ['log', '--all', '--date=unix', '--format=%ad'], ours: {tips: 'all', date: 'unix', format: '%ad'}})],
  ['log --all --date=iso-strict --pretty=fuller', () => ({git: ['log', '--all', '--date=iso-strict', '--pretty=fuller'], ours: {tips: 'all', date: 'iso-strict', format: 'fuller'}})],
  ['log --graph --all --format=<paddings>', () => ({git: ['log', '--graph', '--all', `--format=${PADDINGS}`], ours: {tips: 'all', graph: true, format: PADDINGS}})],
  [
    'color: log --all --format=<paddings>',
    () => ({git: [...COLOR, 'log', '--all', `--format=%C(auto)${PADDINGS}`], ours: {tips: 'all', color: true, format: `%C(auto)${PADDINGS}`}}),
  ],
  ['log --graph --oneline --decorate --all --skip=1 -n 6', () => ({
    git: ['log', '--graph', '--oneline', '--decorate', '--all', '--skip=1', '-n', '6'],
    ours: {tips: 'all', graph: true, format: 'oneline', decorate: 'short', skip: 1, maxCount: 6},
  })],
];

const COMMANDS: Command[] = [
  {
    name: 'log --graph --oneline --all --decorate',
    weight: 1,
    args: () => ({git: ['log', '--graph', '--oneline', '--all', '--decorate'], ours: {tips: 'all', graph: true, format: 'oneline', decorate: 'short'}}),
  },
  {
    name: '-c log.decorate=short log --graph --oneline --all',
    weight: 0.06,
    args: () => ({git: ['-c', 'log.decorate=short', 'log', '--graph', '--oneline', '--all'], ours: {tips: 'all', graph: true, format: 'oneline', decorate: 'short'}}),
  },
  {name: 'log --oneline', weight: 0.1, args: () => ({git: ['log', '--oneline'], ours: {tips: 'HEAD', format: 'oneline'}})},
  {name: 'log --oneline -3', weight: 0.1, args: () => ({git: ['log', '--oneline', '-3'], ours: {tips: 'HEAD', format: 'oneline', maxCount: 3}})},
  {
    name: 'log --first-parent --oneline <branch>',
    weight: 0.12,
    args: (repo, rng) => {
      const ref = someBranch(repo, rng);
      return {git: ['log', '--first-parent', '--oneline', ref.name], ours: {tips: [ref.oid], format: 'oneline', firstParent: true}};
    },
  },
  {name: 'log --graph --all', weight: 0.25, args: () => ({git: ['log', '--graph', '--all'], ours: {tips: 'all', graph: true}})},
  {name: 'log -1 --format=%B', weight: 0.1, args: () => ({git: ['log', '-1', '--format=%B'], ours: {tips: 'HEAD', format: '%B', maxCount: 1}})},
  {name: "log --format='%h %s%d'", weight: 0.1, args: () => ({git: ['log', '--format=%h %s%d'], ours: {tips: 'HEAD', format: '%h %s%d'}})},
  {
    name: 'log --graph --oneline --first-parent',
    weight: 0.12,
    args: () => ({git: ['log', '--graph', '--oneline', '--first-parent'], ours: {tips: 'HEAD', graph: true, format: 'oneline', firstParent: true}}),
  },
  {
    name: 'log --all --decorate (medium, date order)',
    weight: 0.12,
    args: () => ({git: ['log', '--all', '--decorate'], ours: {tips: 'all', decorate: 'short'}}),
  },
  {
    name: 'color: log --graph --oneline --all --decorate',
    weight: 0.08,
    args: () => ({git: [...COLOR, 'log', '--graph', '--oneline', '--all', '--decorate'], ours: {tips: 'all', graph: true, format: 'oneline', decorate: 'short', color: true}}),
  },
  {
    name: 'ranges: a..b, ^a b c',
    weight: 0.15,
    args: (repo, rng) => {
      const refs = repo.refs.filter((r) => !r.name.startsWith('refs/tags/'));
      const a = rng.pick(refs);
      const b = rng.pick(refs);
      const c = rng.pick(refs);
      const graph = rng.chance(0.5);
      const firstParent = rng.chance(0.25);
      const flags = [...(graph ? ['--graph'] : []), ...(firstParent ? ['--first-parent'] : []), '--oneline'];
      const options = {graph, firstParent, format: 'oneline'};
      return rng.chance(0.5)
        ? {git: ['log', ...flags, `${a.name}..${b.name}`], ours: {...options, tips: [{oid: a.oid, uninteresting: true}, b.oid]}}
        : {
            git: ['log', ...flags, b.name, `^${a.name}`, c.name],
            ours: {...options, tips: [b.oid, {oid: a.oid, uninteresting: true}, c.oid]},
          };
    },
  },
  ...EXTRAS.map(([name, args]) => ({name, weight: 0.03, args})),
];

// ---------------------------------------------------------------------------------------------

/**
 * LOG_TEST_HISTORIES=n changes how many histories are built, LOG_TEST_FULL=1 runs every command
 * on every history (2400 git runs for 200 histories: a minute or more on this machine).
 */
const HISTORIES = Number(process.env.LOG_TEST_HISTORIES ?? 120);
const FULL = Boolean(process.env.LOG_TEST_FULL);
/** LOG_TEST_SEED=n builds other histories (the report of a failure names its seed). */
const SEED = Number(process.env.LOG_TEST_SEED ?? 1000);
let root = '';
let repos: Repo[] = [];
let world: World;
/** For each history, each command's git arguments, options, and git's output. */
const runs: {repo: Repo; command: string; git: string[]; ours: OursOptions; expected: string}[] = [];

/** Runs a shell script; resolves when it exits 0. */
function runShell(file: string, env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [file], {env, stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${file} exited ${code}: ${stderr}`))));
  });
}

function describeHistory(repo: Repo) {
  const h = repo.history;
  const lines = [`seed ${h.seed}, dates: ${h.dates}, HEAD: ${JSON.stringify(h.head)}`];
  lines.push(`script: ${h.script.join('; ')}`);
  for (const c of h.commits) {
    const oid = repo.markOid.get(c.mark) as string;
    lines.push(`  ${c.mark} ${oid.slice(0, 7)} parents [${c.parents.join(' ')}] ${c.committer.timestamp} ${JSON.stringify(c.message.slice(0, 30))}`);
  }
  lines.push(`refs: ${repo.refs.map((r) => `${r.name}=${r.oid.slice(0, 7)}`).join(' ')}`);
  return lines.join('\n');
}

describe('git log against real git 2.39 on random histories', () => {
  beforeAll(async () => {
    const started = performance.now();
    root = mkdtempSync(path.join(tmpdir(), 'sandbox-git-log-'));
    const histories = Array.from({length: HISTORIES}, (_, i) => generateHistory(SEED + i));
    const generated = performance.now();
    ({repos, world} = buildWorld(root, histories));
    const built = performance.now();
    // Every git run in two shells (the machine's two cores), each output in a file of its own:
    // one process per git run, where spawning each from Node would cost several times more.
    const scripts = ['', ''];
    const outFile = (n: number) => path.join(root, `out-${n}`);
    repos.forEach((repo, index) => {
      const rng = prng(repo.history.seed * 7 + 1);
      COMMANDS.forEach((command, j) => {
        // One history in 1/weight, spread so that neighbours run different commands.
        const chosen = FULL || (index + j * 7) % Math.max(1, Math.round(1 / command.weight)) === 0;
        const args = command.args(repo, rng);
        if (!args || !chosen) return;
        const quoted = args.git.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
        scripts[runs.length % 2] += `git --git-dir='${repo.gitDir}' ${quoted} > '${outFile(runs.length)}' 2>&1\n`;
        runs.push({repo, command: command.name, git: args.git, ours: args.ours, expected: ''});
      });
    });
    await Promise.all(
      scripts.map((script, i) => {
        const file = path.join(root, `run-${i}.sh`);
        writeFileSync(file, script);
        return runShell(file, {...GIT_ENV, HOME: root});
      }),
    );
    runs.forEach((run, n) => {
      run.expected = readFileSync(outFile(n), 'utf8');
    });
    const ms = (t: number) => `${Math.round(t)} ms`;
    console.log(
      `log.test: ${repos.length} histories (${world.commits.size} commits) generated in ${ms(generated - started)}, ` +
        `built in ${ms(built - generated)}, ` +
        `${runs.length} git runs in ${ms(performance.now() - built)}`,
    );
  }, 600_000);

  afterAll(() => {
    // LOG_TEST_KEEP=1 keeps the repositories to look at (`git --git-dir=<root>/h<n>.git log ...`).
    if (root && !process.env.LOG_TEST_KEEP) rmSync(root, {recursive: true, force: true});
    else if (root) console.log(`log.test: repositories kept in ${root}`);
  });

  it('the histories hold merges, octopus merges, crossings and horizontal routing', () => {
    const graphs = runs
      .filter((run) => run.command === 'log --graph --oneline --all --decorate')
      .map((run) => run.expected)
      .join('');
    // Each pattern is a graph.c case: a left-skewed route (`_`, post-merge and collapsing
    // lines), an octopus (`*-.`), a merge whose parent's line crosses (`|\|`, `|/|`).
    for (const pattern of ['_', '*-.', '*---.', '|\\|', '|/|', '\\ \\', '/ /', '(HEAD)', 'HEAD -> ', 'tag: ', 'origin/', 'refs/stash']) {
      expect(graphs, pattern).toContain(pattern);
    }
  });

  for (const command of COMMANDS) {
    it(command.name, async () => {
      const mine = runs.filter((run) => run.command === command.name);
      expect(mine.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const run of mine) {
        const actual = await runOurs(world, run.repo, run.ours);
        if (actual !== run.expected && failures.length < 3) {
          failures.push(
            `git ${run.git.join(' ')}\n${describeHistory(run.repo)}\n--- git\n${JSON.stringify(run.expected)}\n${run.expected}\n--- ours\n${JSON.stringify(actual)}\n${actual}`,
          );
        }
      }
      if (failures.length) throw new Error(failures.join('\n\n=====\n\n'));
    });
  }
});


// ---------------------------------------------------------------------------------------------
// The course's lessons, pinned as text: the histories of docs/lessons/*.mdx (```text gitlog```
// blocks, whose hashes are those of the lesson runner's fixed dates and files). The commits here
// carry the printed abbreviations as ids, every one at the course's date.

interface PinnedCommit {
  id: string;
  parents: string[];
  subject: string;
}

function pinned(list: PinnedCommit[]) {
  const when: Ident = {name: 'Corso Git', email: 'corso@example.com', timestamp: 1795798800, tzMinutes: 60};
  const commits = new Map<string, CommitInfo>();
  const oid = (id: string) => id.padEnd(40, '0');
  for (const c of list) {
    commits.set(oid(c.id), {
      oid: oid(c.id),
      tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      parents: c.parents.map(oid),
      author: when,
      committer: when,
      message: `${c.subject}\n`,
    });
  }
  return {
    oid,
    async log(refs: Record<string, string>, head: string, args: {all?: boolean; tips?: string[]} = {all: true}) {
      const refList = Object.entries(refs).map(([name, id]) => ({name, oid: oid(id)}));
      const headBranch = head.startsWith('refs/') ? head : null;
      const headOid = headBranch ? oid(refs[headBranch] as string) : oid(head);
      const tips = args.all
        ? allRefTips(
            refList.map((r) => ({name: r.name, commit: r.oid})),
            headOid,
          )
        : (args.tips ?? []).map(oid);
      const entries = await walkLog({tips, readCommit: async (o) => commits.get(o) as CommitInfo, topoOrder: true});
      return showLog(
        entries,
        {format: parseCommitFormat('oneline') as NonNullable<ReturnType<typeof parseCommitFormat>>, graph: true, decorate: true},
        {abbrev: (o) => o.slice(0, 7), decorations: loadDecorations(refList, {oid: headOid, branch: headBranch})},
      );
    },
  };
}

describe('the lessons’ logs (git log --graph --oneline --all --decorate)', () => {
  it('lesson 01: a feature branch that merges develop twice, then merges into develop', async () => {
    const repo = pinned([
      {id: 'e83d492', parents: [], subject: 'Initial commit: production e-commerce system'},
      {id: 'a431ee1', parents: ['e83d492'], subject: 'chore: add shared cart configuration'},
      {id: '47c55ad', parents: ['a431ee1'], subject: 'feat(cart): add items and quantities'},
      {id: 'efec2a5', parents: ['47c55ad'], subject: 'feat(cart): compute totals in integer cents'},
      {id: '6da0a74', parents: ['a431ee1'], subject: 'docs: describe the shared cart configuration'},
      {id: '2cb46c7', parents: ['efec2a5', '6da0a74'], subject: "Merge branch 'develop' into feature/advanced-cart (README update)"},
      {id: 'f0b29c1', parents: ['2cb46c7'], subject: 'feat(cart): add percentage and fixed discounts'},
      {id: '9851fe9', parents: ['6da0a74'], subject: 'chore: cap percentage discounts at 30%'},
      {id: '39e003f', parents: ['f0b29c1', '9851fe9'], subject: "Merge branch 'develop' into feature/advanced-cart"},
      {id: '946c73e', parents: ['39e003f'], subject: 'feat(cart): add the cart summary demo'},
      {id: '17e754f', parents: ['9851fe9', '946c73e'], subject: "Merge branch 'feature/advanced-cart' into develop"},
    ]);
    expect(
      await repo.log({'refs/heads/main': 'e83d492', 'refs/heads/develop': '9851fe9', 'refs/heads/feature/advanced-cart': '39e003f'}, 'refs/heads/feature/advanced-cart'),
    ).toBe(
      [
        '*   39e003f (HEAD -> feature/advanced-cart) Merge branch \'develop\' into feature/advanced-cart',
        '|\\  ',
        '| * 9851fe9 (develop) chore: cap percentage discounts at 30%',
        '* | f0b29c1 feat(cart): add percentage and fixed discounts',
        "* | 2cb46c7 Merge branch 'develop' into feature/advanced-cart (README update)",
        '|\\| ',
        '| * 6da0a74 docs: describe the shared cart configuration',
        '* | efec2a5 feat(cart): compute totals in integer cents',
        '* | 47c55ad feat(cart): add items and quantities',
        '|/  ',
        '* a431ee1 chore: add shared cart configuration',
        '* e83d492 (main) Initial commit: production e-commerce system',
        '',
      ].join('\n'),
    );
    expect(
      await repo.log({'refs/heads/main': 'e83d492', 'refs/heads/develop': '17e754f', 'refs/heads/feature/advanced-cart': '946c73e'}, 'refs/heads/develop'),
    ).toBe(
      [
        "*   17e754f (HEAD -> develop) Merge branch 'feature/advanced-cart' into develop",
        '|\\  ',
        '| * 946c73e (feature/advanced-cart) feat(cart): add the cart summary demo',
        "| *   39e003f Merge branch 'develop' into feature/advanced-cart",
        '| |\\  ',
        '| |/  ',
        '|/|   ',
        '* | 9851fe9 chore: cap percentage discounts at 30%',
        '| * f0b29c1 feat(cart): add percentage and fixed discounts',
        "| *   2cb46c7 Merge branch 'develop' into feature/advanced-cart (README update)",
        '| |\\  ',
        '| |/  ',
        '|/|   ',
        '* | 6da0a74 docs: describe the shared cart configuration',
        '| * efec2a5 feat(cart): compute totals in integer cents',
        '| * 47c55ad feat(cart): add items and quantities',
        '|/  ',
        '* a431ee1 chore: add shared cart configuration',
        '* e83d492 (main) Initial commit: production e-commerce system',
        '',
      ].join('\n'),
    );
  });

  it('lesson 02: a hotfix merged into develop, tagged, then a follow-up commit', async () => {
    const repo = pinned([
      {id: '2fe6b56', parents: [], subject: 'Initial commit: production e-commerce system'},
      {id: '2900bc1', parents: ['2fe6b56'], subject: 'WIP: advanced cart system - partial implementation'},
      {id: '9682e36', parents: ['2900bc1'], subject: 'WIP: new API endpoints structure'},
      {id: '989c9a1', parents: ['2fe6b56'], subject: 'hotfix: fix payment timeout and add retry logic'},
      {id: '1b76424', parents: ['989c9a1'], subject: 'test: add hotfix validation test'},
      {id: 'c8aa0c1', parents: ['1b76424'], subject: 'docs: document payment timeout hotfix'},
      {id: 'fe77bdc', parents: ['9682e36', 'c8aa0c1'], subject: "Merge branch 'hotfix/payment-timeout-fix' into develop"},
      {id: 'cfa7ee1', parents: ['fe77bdc'], subject: 'docs: post-incident action plan'},
    ]);
    expect(
      await repo.log({'refs/heads/main': '2fe6b56', 'refs/heads/develop': '9682e36', 'refs/heads/hotfix/payment-timeout-fix': 'c8aa0c1'}, 'refs/heads/hotfix/payment-timeout-fix'),
    ).toBe(
      [
        '* 9682e36 (develop) WIP: new API endpoints structure',
        '* 2900bc1 WIP: advanced cart system - partial implementation',
        '| * c8aa0c1 (HEAD -> hotfix/payment-timeout-fix) docs: document payment timeout hotfix',
        '| * 1b76424 test: add hotfix validation test',
        '| * 989c9a1 hotfix: fix payment timeout and add retry logic',
        '|/  ',
        '* 2fe6b56 (main) Initial commit: production e-commerce system',
        '',
      ].join('\n'),
    );
    expect(
      await repo.log({'refs/heads/main': 'c8aa0c1', 'refs/heads/develop': 'cfa7ee1', 'refs/tags/hotfix-v1.0.1': 'c8aa0c1'}, 'refs/heads/develop'),
    ).toBe(
      [
        '* cfa7ee1 (HEAD -> develop) docs: post-incident action plan',
        "*   fe77bdc Merge branch 'hotfix/payment-timeout-fix' into develop",
        '|\\  ',
        '| * c8aa0c1 (tag: hotfix-v1.0.1, main) docs: document payment timeout hotfix',
        '| * 1b76424 test: add hotfix validation test',
        '| * 989c9a1 hotfix: fix payment timeout and add retry logic',
        '* | 9682e36 WIP: new API endpoints structure',
        '* | 2900bc1 WIP: advanced cart system - partial implementation',
        '|/  ',
        '* 2fe6b56 Initial commit: production e-commerce system',
        '',
      ].join('\n'),
    );
  });

  it('lesson 03: two experiments from develop, one merged, one archived as a tag', async () => {
    const repo = pinned([
      {id: '588e228', parents: [], subject: 'Initial commit: product catalogue'},
      {id: '1fcd1da', parents: ['588e228'], subject: 'feat: export order history for recommendations'},
      {id: '6e93847', parents: ['1fcd1da'], subject: 'test: add recommendation benchmark harness'},
      {id: '91fc4a6', parents: ['6e93847'], subject: 'experiment: recommend the most bought products'},
      {id: '8121729', parents: ['6e93847'], subject: 'experiment: recommend products bought together'},
      {id: '6aa8338', parents: ['6e93847', '8121729'], subject: "Merge branch 'experiment/recs-co-purchase' into develop"},
      {id: '2368c9a', parents: ['6aa8338'], subject: 'feat: serve co-purchase recommendations'},
    ]);
    expect(
      await repo.log(
        {'refs/heads/main': '588e228', 'refs/heads/develop': '6e93847', 'refs/heads/experiment/recs-popularity': '91fc4a6', 'refs/heads/experiment/recs-co-purchase': '8121729'},
        'refs/heads/experiment/recs-co-purchase',
      ),
    ).toBe(
      [
        '* 8121729 (HEAD -> experiment/recs-co-purchase) experiment: recommend products bought together',
        '| * 91fc4a6 (experiment/recs-popularity) experiment: recommend the most bought products',
        '|/  ',
        '* 6e93847 (develop) test: add recommendation benchmark harness',
        '* 1fcd1da feat: export order history for recommendations',
        '* 588e228 (main) Initial commit: product catalogue',
        '',
      ].join('\n'),
    );
    expect(
      await repo.log({'refs/heads/main': '588e228', 'refs/heads/develop': '2368c9a', 'refs/tags/archive/recs-popularity': '91fc4a6'}, 'refs/heads/develop'),
    ).toBe(
      [
        '* 2368c9a (HEAD -> develop) feat: serve co-purchase recommendations',
        "*   6aa8338 Merge branch 'experiment/recs-co-purchase' into develop",
        '|\\  ',
        '| * 8121729 experiment: recommend products bought together',
        '|/  ',
        '| * 91fc4a6 (tag: archive/recs-popularity) experiment: recommend the most bought products',
        '|/  ',
        '* 6e93847 test: add recommendation benchmark harness',
        '* 1fcd1da feat: export order history for recommendations',
        '* 588e228 (main) Initial commit: product catalogue',
        '',
      ].join('\n'),
    );
  });
});

describe('formats, dates and colours pinned from git 2.39', () => {
  it('names a --pretty format by its shortest completion, as find_commit_format does', () => {
    expect(parseCommitFormat('r')).toMatchObject({kind: 'builtin', name: 'raw'});
    expect(parseCommitFormat('ref')).toMatchObject({kind: 'user', format: '%C(auto)%h (%s, %ad)', dateMode: 'short'});
    expect(parseCommitFormat('f')).toMatchObject({name: 'full'});
    expect(parseCommitFormat('fulle')).toMatchObject({name: 'fuller'});
    expect(parseCommitFormat('o')).toMatchObject({name: 'oneline', useTerminator: true});
    expect(parseCommitFormat('%h')).toEqual({kind: 'user', format: '%h', useTerminator: true});
    expect(parseCommitFormat('format:%h')).toEqual({kind: 'user', format: '%h', useTerminator: false});
    expect(parseCommitFormat('tformat:x')).toEqual({kind: 'user', format: 'x', useTerminator: true});
    expect(parseCommitFormat('nonsense')).toBeNull();
  });

  it('parses colours as git config --get-color does', () => {
    const cases: [string, string | null][] = [
      ['bold red blue', '\x1b[1;31;44m'],
      ['reset', '\x1b[m'],
      ['normal', ''],
      ['default', '\x1b[39m'],
      ['brightred ul', '\x1b[4;91m'],
      ['#ff8000 #000000', '\x1b[38;2;255;128;0;48;2;0;0;0m'],
      ['200', '\x1b[38;5;200m'],
      ['12', '\x1b[94m'],
      ['-1 blue', '\x1b[44m'],
      ['nobold no-ul dim italic strike', '\x1b[2;3;9;22;24m'],
      ['reset bold', '\x1b[;1m'],
      ['red normal', '\x1b[31m'],
      ['normal red', '\x1b[41m'],
      ['Red', '\x1b[31m'],
      ['BOLD', null],
      ['red blue green', null],
    ];
    for (const [value, expected] of cases) expect(parseColor(value), value).toBe(expected);
  });

  it('prints dates in the ident’s own zone', () => {
    // 2026-11-27T17:00:00Z, shown at +0100, -0530 and +1345.
    expect(showDate(1795798800, 60)).toBe('Fri Nov 27 18:00:00 2026 +0100');
    expect(showDate(1795798800, -330, 'iso')).toBe('2026-11-27 11:30:00 -0530');
    expect(showDate(1795798800, 825, 'iso-strict')).toBe('2026-11-28T06:45:00+13:45');
    expect(showDate(1795798800, 0, 'rfc')).toBe('Fri, 27 Nov 2026 17:00:00 +0000');
    expect(showDate(1795798800, 60, 'raw')).toBe('1795798800 +0100');
    expect(showDate(1795798800, 60, 'relative', 1795798800 + 3 * 86400)).toBe('3 days ago');
    expect(showDate(1795798800, 60, 'relative', 1795798800 + 400 * 86400)).toBe('1 year, 1 month ago');
  });
});
