// The three-way content merge against real git, byte for byte: random (base, ours, theirs)
// triples merged by merge-ort (`git merge-tree --write-tree`, one process for all of them, in
// each conflict style, and a real `git merge` in a work tree), and by `git merge-file`, whose
// exit status is the number of conflicts.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MERGE_FILE_OPTIONS, mergeContents, type MergeOptions} from './merge.js';
import {CODE, Rng, STYLES, TINY, gitEnv, joinLines, lines, mutate} from './testkit.js';

interface Triple {
  path: string;
  base: Buffer;
  ours: Buffer;
  theirs: Buffer;
}

function randomTriple(rng: Rng, path: string): Triple {
  // Small pools conflict more; every pool still shows up.
  const pool = rng.chance(0.5) ? rng.pick([TINY, CODE]) : rng.pick(STYLES);
  const n = rng.chance(0.06) ? 60 + rng.int(150) : rng.int(25);
  const eol = rng.chance(0.1) ? '\r\n' : rng.chance(0.05) ? 'mixed' : '\n';
  const base = lines(rng, pool, n);
  // Often both sides start with the same change, so identical edits are frequent.
  const shared = rng.chance(0.3) ? mutate(rng, base, pool) : base;
  const ours = rng.chance(0.2) ? shared : mutate(rng, shared, pool);
  const theirs = rng.chance(0.15) ? base : mutate(rng, shared, pool);
  const bytes = (ls: string[]) => {
    let s = joinLines(rng, ls, eol, !rng.chance(0.2));
    if (rng.chance(0.01)) s += '\0';
    return Buffer.from(s, 'latin1');
  };
  return {path, base: bytes(base), ours: bytes(ours), theirs: bytes(theirs)};
}

function makeTriples(seed: number, count: number) {
  const rng = new Rng(seed);
  return Array.from({length: count}, (_, i) => randomTriple(rng, `f${String(i).padStart(4, '0')}`));
}

// ---- Real git ---------------------------------------------------------------------------------

let root = '';
const env = () => gitEnv(root);

function git(cwd: string, args: string[], input?: Buffer) {
  const r = spawnSync('git', args, {cwd, env: env(), input, maxBuffer: 1 << 28});
  if (r.status === null || r.status > 1) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return {out: r.stdout, status: r.status};
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** Commits base, then `main` (ours) and `topic` (theirs) on it, with one `git fast-import`. */
function commitTriples(triples: Triple[]) {
  const repo = mkdtempSync(join(root, 'repo-'));
  git(repo, ['init', '-q', '-b', 'main']);
  const chunks: Buffer[] = [];
  const commit = (ref: string, mark: number, from: number | null, side: 'base' | 'ours' | 'theirs') => {
    for (const [i, t] of triples.entries()) {
      chunks.push(Buffer.from(`blob\nmark :${mark * 100000 + i}\ndata ${t[side].length}\n`), t[side], Buffer.from('\n'));
    }
    const entries = triples.map((t, i) => `M 100644 :${mark * 100000 + i} ${t.path}\n`).join('');
    chunks.push(Buffer.from(`commit ${ref}\nmark :${mark}\ncommitter T <t@example.com> 1700000000 +0000\ndata 0\n${from ? `from :${from}\n` : ''}deleteall\n${entries}\n`));
  };
  commit('refs/heads/base', 1, null, 'base');
  commit('refs/heads/main', 2, 1, 'ours');
  commit('refs/heads/topic', 3, 1, 'theirs');
  const r = spawnSync('git', ['fast-import', '--quiet'], {cwd: repo, env: env(), input: Buffer.concat(chunks)});
  if (r.status !== 0) throw new Error(`git fast-import: ${r.stderr}`);
  return repo;
}

/** Every file of a tree: path → content, read with one `git cat-file --batch`. */
function readTree(repo: string, tree: string) {
  const entries = git(repo, ['ls-tree', '-r', '-z', tree])
    .out.toString('latin1')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      return {path, oid: meta.split(' ')[2] as string};
    });
  const batch = git(repo, ['cat-file', '--batch'], Buffer.from(entries.map((e) => e.oid).join('\n') + '\n')).out;
  const files = new Map<string, Buffer>();
  let at = 0;
  for (const e of entries) {
    const nl = batch.indexOf(10, at);
    const size = Number(batch.subarray(at, nl).toString().split(' ')[2]);
    files.set(e.path, batch.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return files;
}

/** Compares our merge of each triple with git's result; reports the first few that differ. */
function expectSameMerges(label: string, triples: Triple[], gitResult: (t: Triple) => Buffer | undefined, options: MergeOptions, conflicted?: Set<string>) {
  const problems: string[] = [];
  for (const t of triples) {
    const ours = mergeContents(t.base, t.ours, t.theirs, options);
    const theirs = gitResult(t);
    const sameConflict = conflicted === undefined || conflicted.has(t.path) === ours.conflicts > 0;
    if (theirs !== undefined && latin1(ours.result) === latin1(theirs) && sameConflict) continue;
    problems.push(
      `${label}: ${t.path}\nbase=${JSON.stringify(latin1(t.base))}\nours=${JSON.stringify(latin1(t.ours))}\ntheirs=${JSON.stringify(latin1(t.theirs))}\n` +
        `--- git${conflicted ? ` (conflicted: ${conflicted.has(t.path)})` : ''}\n${theirs === undefined ? '(missing)' : latin1(theirs)}\n--- ours (conflicts: ${ours.conflicts})\n${latin1(ours.result)}`,
    );
    if (problems.length >= 3) break;
  }
  expect(problems.join('\n\n')).toBe('');
}

let triples: Triple[] = [];
let repo = '';
let baseAbbrev = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sandbox-git-merge-'));
  triples = makeTriples(4242, 800);
  repo = commitTriples(triples);
  baseAbbrev = git(repo, ['rev-parse', '--short', 'base']).out.toString().trim();
});

afterAll(() => {
  if (root) rmSync(root, {recursive: true, force: true});
});

describe('merge-ort content merges (git merge-tree --write-tree) against git 2.39', () => {
  for (const style of ['merge', 'diff3', 'zdiff3'] as const) {
    it(`merge.conflictStyle=${style}`, () => {
      const {out, status} = git(repo, ['-c', `merge.conflictStyle=${style}`, 'merge-tree', '--write-tree', '--name-only', '--no-messages', 'main', 'topic']);
      const [tree, ...names] = out.toString('latin1').split('\n').filter(Boolean);
      const conflicted = new Set(names);
      expect(status).toBe(conflicted.size ? 1 : 0);
      const files = readTree(repo, tree as string);
      // merge-tree labels the sides with the names it was given; `git merge` says HEAD (below).
      // All of them in the default style; diff3 and zdiff3 are checked on the first half.
      const some = style === 'merge' ? triples : triples.slice(0, 400);
      expectSameMerges(style, some, (t) => files.get(t.path), {style, labels: {ours: 'main', base: baseAbbrev, theirs: 'topic'}}, conflicted);
    });
  }
});

describe('git merge in a work tree against git 2.39', () => {
  const runs: [string, string[], MergeOptions, number, number][] = [
    ['writes <<<<<<< HEAD and >>>>>>> <branch> and the same files', [], {}, 0, 150],
    ['-Xignore-space-change', ['-Xignore-space-change'], {ignoreWhitespace: 'change'}, 150, 230],
    ['-Xignore-all-space', ['-Xignore-all-space'], {ignoreWhitespace: 'all'}, 230, 310],
    ['-Xignore-space-at-eol', ['-Xignore-space-at-eol'], {ignoreWhitespace: 'at-eol'}, 310, 390],
  ];
  for (const [label, args, options, from, to] of runs) {
    it(label, () => {
      const some = triples.slice(from, to);
      const dir = commitTriples(some);
      git(dir, ['checkout', '-q', '-f', 'main']);
      const {status} = git(dir, ['merge', '-q', '--no-edit', ...args, 'topic']);
      const conflicted = new Set(git(dir, ['diff', '--name-only', '--diff-filter=U']).out.toString().split('\n').filter(Boolean));
      expect(status).toBe(conflicted.size ? 1 : 0);
      expectSameMerges(label, some, (t) => readFileSync(join(dir, t.path)), {...options, labels: {ours: 'HEAD', theirs: 'topic'}}, conflicted);
    });
  }
});

describe('git merge-file -p (Myers, XDL_MERGE_ZEALOUS_ALNUM) against git 2.39', () => {
  it('result and exit status (= number of conflicts), in each style and favour', () => {
    const dir = mkdtempSync(join(root, 'merge-file-'));
    const rng = new Rng(99);
    const runs: {t: Triple; args: string[]; options: MergeOptions}[] = [];
    const text = triples.filter((t) => ![t.base, t.ours, t.theirs].some((b) => b.includes(0)));
    for (const [i, t] of text.slice(0, 90).entries()) {
      const variant = i < 40 ? 0 : rng.int(6);
      const labels = {ours: 'HEAD', base: 'base', theirs: 'branch'};
      const [args, options]: [string[], MergeOptions] = [
        [[], {}],
        [['--diff3'], {style: 'diff3'}],
        [['--zdiff3'], {style: 'zdiff3'}],
        [['--ours'], {favor: 'ours'}],
        [['--union'], {favor: 'union'}],
        [['--marker-size=3', '--theirs'], {markerSize: 3, favor: 'theirs'}],
      ][variant] as [string[], MergeOptions];
      runs.push({t, args, options: {...MERGE_FILE_OPTIONS, ...options, labels}});
    }
    mkdirSync(join(dir, 'in'));
    const script = runs
      .map(({t, args}, i) => {
        for (const side of ['base', 'ours', 'theirs'] as const) writeFileSync(join(dir, 'in', `${i}.${side}`), t[side]);
        return `git merge-file -p ${args.join(' ')} -L HEAD -L base -L branch in/${i}.ours in/${i}.base in/${i}.theirs > out.${i}; echo $? > status.${i}`;
      })
      .join('\n');
    execFileSync('bash', ['-c', script], {cwd: dir, env: env()});
    const problems: string[] = [];
    for (const [i, {t, options}] of runs.entries()) {
      const ours = mergeContents(t.base, t.ours, t.theirs, options);
      const gitOut = readFileSync(join(dir, `out.${i}`));
      const gitStatus = Number(readFileSync(join(dir, `status.${i}`), 'utf8'));
      if (latin1(ours.result) === latin1(gitOut) && Math.min(ours.conflicts, 127) === gitStatus) continue;
      problems.push(
        `merge-file ${runs[i]?.args.join(' ')} #${i}\nbase=${JSON.stringify(latin1(t.base))}\nours=${JSON.stringify(latin1(t.ours))}\ntheirs=${JSON.stringify(latin1(t.theirs))}\n` +
          `--- git (exit ${gitStatus})\n${latin1(gitOut)}\n--- ours (conflicts ${ours.conflicts})\n${latin1(ours.result)}`,
      );
      if (problems.length >= 3) break;
    }
    expect(problems.join('\n\n')).toBe('');
  });
});

describe('the course: lesson 01 merges develop into feature/advanced-cart', () => {
  const files = fileURLToPath(new URL('../../../../examples/ecommerce/files/feature/cart/', import.meta.url));
  const base = readFileSync(join(files, 'cartConfig.base.js'));
  const feature = readFileSync(join(files, 'cartConfig.feature.js'));
  const develop = readFileSync(join(files, 'cartConfig.develop.js'));

  for (const style of ['merge', 'diff3'] as const) {
    it(`cartConfig.js conflicts as git merge writes it (${style})`, () => {
      const dir = commitTriples([{path: 'cartConfig.js', base, ours: feature, theirs: develop}]);
      git(dir, ['checkout', '-q', '-f', 'main']);
      git(dir, ['branch', '-q', '-m', 'topic', 'develop']);
      const {status} = git(dir, ['-c', `merge.conflictStyle=${style}`, 'merge', '-q', '--no-edit', 'develop']);
      expect(status).toBe(1);
      const abbrev = git(dir, ['rev-parse', '--short', 'base']).out.toString().trim();
      const ours = mergeContents(base, feature, develop, {style, labels: {ours: 'HEAD', base: abbrev, theirs: 'develop'}});
      expect(latin1(ours.result)).toBe(latin1(readFileSync(join(dir, 'cartConfig.js'))));
      expect(ours.conflicts).toBeGreaterThan(0);
    });
  }
});

describe('unit cases', () => {
  it('a conflict with git merge labels', () => {
    const r = mergeContents('a\nb\nc\n', 'a\nB\nc\n', 'a\nβ\nc\n', {labels: {ours: 'HEAD', theirs: 'feature'}});
    expect(Buffer.from(r.result).toString()).toBe('a\n<<<<<<< HEAD\nB\n=======\nβ\n>>>>>>> feature\nc\n');
    expect(r.conflicts).toBe(1);
  });

  it('identical changes and one-sided changes merge cleanly', () => {
    const r = mergeContents('a\nb\nc\nd\n', 'a\nX\nc\nd\n', 'a\nX\nc\nD\n');
    expect(Buffer.from(r.result).toString()).toBe('a\nX\nc\nD\n');
    expect(r.conflicts).toBe(0);
  });

  it('a binary side is not merged: ours, one conflict', () => {
    const r = mergeContents('a\n', 'b\0', 'c\n');
    expect(r).toMatchObject({binary: true, conflicts: 1});
    expect(Buffer.from(r.result).toString('latin1')).toBe('b\0');
  });
});
