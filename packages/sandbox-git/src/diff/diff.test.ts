// The diff modules against real git, byte for byte: thousands of random file pairs are staged in
// one throwaway repository and each git output (`git diff old new` with its variants, --stat,
// --numstat, --shortstat, --summary, --check) is compared with ours for the same pairs.
import {execFileSync, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkFile} from './check.js';
import {formatCombinedDiff, type CombinedOptions} from './combined.js';
import {formatNumstat, formatShortStat, formatStat, formatSummary, statFile, type StatFile, type SummaryEntry} from './stat.js';
import {CODE, MEDIUM, Rng, STYLES, gitEnv, joinLines, lines, mutate} from './testkit.js';
import {formatFileDiff, formatHunks, type UnifiedOptions} from './unified.js';
import {diffContents} from './xdiff.js';

interface Pair {
  old: Uint8Array | null;
  new: Uint8Array | null;
}

/** A random file pair; `size` picks how many lines. */
function randomPair(rng: Rng): Pair {
  const pool = rng.pick(STYLES);
  const roll = rng.next();
  const n = roll < 0.01 ? 800 + rng.int(1500) : roll < 0.08 ? 60 + rng.int(200) : rng.int(30);
  const eol = rng.chance(0.08) ? '\r\n' : rng.chance(0.05) ? 'mixed' : '\n';
  const base = lines(rng, pool, n);
  const next = rng.chance(0.15) ? lines(rng, pool, rng.int(30)) : mutate(rng, base, pool);
  const bytes = (ls: string[], finalNewline: boolean) => {
    let s = joinLines(rng, ls, eol, finalNewline);
    if (rng.chance(0.02)) s = s.slice(0, rng.int(s.length + 1)) + '\0' + s.slice(rng.int(s.length + 1));
    return Buffer.from(s, 'latin1');
  };
  const oldBytes = bytes(base, !rng.chance(0.2));
  const newBytes = rng.chance(0.1) ? oldBytes : bytes(next, !rng.chance(0.2));
  return {old: oldBytes, new: newBytes};
}

// ---- Real git in a throwaway repository ------------------------------------------------------

let root = '';
const env = () => gitEnv(root);

function git(cwd: string, args: string[]) {
  const r = spawnSync('git', args, {cwd, env: env(), maxBuffer: 1 << 28});
  if (r.status === null || r.status > 3) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return {out: r.stdout.toString('latin1'), status: r.status};
}

function blobId(content: Uint8Array) {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const show = (bytes: Uint8Array | null) => (bytes === null ? null : JSON.stringify(latin1(bytes)));

interface Case extends Pair {
  path: string;
  oldMode: number;
  newMode: number;
}

/**
 * A repository with two commits, `old` and `new`, holding the cases' two sides, written by one
 * `git fast-import` (no work tree: thousands of files cost one process). Diffing the two commits
 * runs the same diffcore and builtin_diff as `git diff --staged`.
 */
function commitBoth(cases: Case[]) {
  const repo = mkdtempSync(join(root, 'repo-'));
  git(repo, ['init', '-q']);
  const chunks: Buffer[] = [];
  let mark = 0;
  const blobs = new Map<string, number>();
  const blob = (content: Uint8Array) => {
    const key = latin1(content);
    let m = blobs.get(key);
    if (m === undefined) {
      m = ++mark;
      blobs.set(key, m);
      chunks.push(Buffer.from(`blob\nmark :${m}\ndata ${content.length}\n`), Buffer.from(content), Buffer.from('\n'));
    }
    return m;
  };
  for (const side of ['old', 'new'] as const) {
    const entries = cases.flatMap((c) => {
      const content = c[side];
      return content === null ? [] : [`M ${(side === 'old' ? c.oldMode : c.newMode).toString(8)} :${blob(content)} ${c.path}\n`];
    });
    chunks.push(Buffer.from(`commit refs/heads/${side}\ncommitter T <t@example.com> 1700000000 +0000\ndata 0\ndeleteall\n${entries.join('')}\n`));
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], {cwd: repo, env: env(), input: Buffer.concat(chunks)});
  if (r.status !== 0) throw new Error(`git fast-import: ${r.stderr}`);
  return repo;
}

/** Paths as git orders them (bytewise). */
function byPath<T extends {path: string}>(items: T[]) {
  return [...items].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

function makeCases(seed: number, count: number): Case[] {
  const rng = new Rng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const pair = randomPair(rng);
    const kind = rng.next();
    const id = String(i).padStart(4, '0');
    const path =
      kind < 0.05 ? `src/components/a-really-long-folder-name-for-the-stat/${id}-with-a-long-file-name.js` : kind < 0.07 ? `with space ${id}.txt` : kind < 0.08 ? `caffè-${id}` : `f${id}`;
    const oldMode = rng.chance(0.05) ? 0o100755 : 0o100644;
    const newMode = rng.chance(0.05) ? (oldMode === 0o100644 ? 0o100755 : 0o100644) : oldMode;
    let {old, new: next} = pair;
    if (rng.chance(0.04)) old = null;
    else if (rng.chance(0.04)) next = null;
    cases.push({path, old, new: next, oldMode, newMode});
  }
  // Unchanged files are not in git's output; keep them (git must skip them too) but no null/null.
  return byPath(cases.filter((c) => c.old !== null || c.new !== null));
}

/** The pairs git lists: something changed. */
function changed(cases: Case[]) {
  return cases.filter((c) => c.old === null || c.new === null || latin1(c.old) !== latin1(c.new) || c.oldMode !== c.newMode);
}

function ourDiff(c: Case, options: UnifiedOptions) {
  return latin1(
    formatFileDiff(
      {
        old: c.old === null ? null : {path: c.path, mode: c.oldMode, content: c.old, oid: blobId(c.old)},
        new: c.new === null ? null : {path: c.path, mode: c.newMode, content: c.new, oid: blobId(c.new)},
      },
      options,
    ),
  );
}

/** git's output cut into one piece per file (each starts with "diff --git "). */
function perFile(out: string) {
  return out.split(/(?=^diff --git )/m).filter((s) => s.length);
}

/** Compares per file and reports the first few files that differ, with their inputs. */
function expectSameFiles(label: string, cases: Case[], gitPieces: string[], ours: string[]) {
  const problems: string[] = [];
  const n = Math.max(gitPieces.length, ours.length);
  for (let i = 0; i < n && problems.length < 3; i++) {
    if (gitPieces[i] === ours[i]) continue;
    const c = cases[i];
    problems.push(
      `${label}: file #${i} ${c?.path}\nold=${c ? show(c.old) : '?'}\nnew=${c ? show(c.new) : '?'}\n--- git\n${gitPieces[i]}\n--- ours\n${ours[i]}`,
    );
  }
  expect(problems.join('\n\n')).toBe('');
  expect(ours.length).toBe(gitPieces.length);
}

// ---- The tests ------------------------------------------------------------------------------

let cases: Case[] = [];
let repo = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sandbox-git-diff-'));
  cases = makeCases(20240601, 1500);
  repo = commitBoth(cases);
});

afterAll(() => {
  if (root) rmSync(root, {recursive: true, force: true});
});

describe('git diff old new, file by file, against git 2.39', () => {
  // [label, git arguments, our options, all pairs (else the first 500 numbered ones)]. One run
  // prints abbreviated ids (7 hex digits in a repository this size), the others full ones.
  const variants: [string, string[], UnifiedOptions, boolean][] = [
    ['default (Myers, indent heuristic)', [], {}, true],
    ['diff.indentHeuristic=false, abbreviated ids', ['-c', 'diff.indentHeuristic=false'], {indentHeuristic: false, abbrev: (oid) => oid.slice(0, 7)}, true],
    ['--histogram', ['--histogram'], {algorithm: 'histogram'}, true],
    ['--minimal', ['--minimal'], {algorithm: 'minimal'}, false],
    ['-U0', ['-U0'], {context: 0}, false],
    ['-U1 --inter-hunk-context=2', ['-U1', '--inter-hunk-context=2'], {context: 1, interHunkContext: 2}, false],
    ['--patience', ['--patience'], {algorithm: 'patience'}, true],
    ['-w', ['-w'], {ignoreWhitespace: 'all'}, false],
    ['-b', ['-b'], {ignoreWhitespace: 'change'}, false],
    ['--ignore-space-at-eol', ['--ignore-space-at-eol'], {ignoreWhitespace: 'at-eol'}, false],
    ['--ignore-cr-at-eol', ['--ignore-cr-at-eol'], {ignoreWhitespace: 'cr-at-eol'}, false],
    ['--ignore-blank-lines', ['--ignore-blank-lines'], {ignoreBlankLines: true}, false],
    ['-b --ignore-blank-lines -U1', ['-b', '--ignore-blank-lines', '-U1'], {ignoreWhitespace: 'change', ignoreBlankLines: true, context: 1}, false],
    ['--histogram -w --ignore-blank-lines', ['--histogram', '-w', '--ignore-blank-lines'], {algorithm: 'histogram', ignoreWhitespace: 'all', ignoreBlankLines: true}, false],
  ];
  for (const [label, args, options, all] of variants) {
    it(label, () => {
      const configArgs = args[0] === '-c' ? args.slice(0, 2) : [];
      const diffArgs = args[0] === '-c' ? args.slice(2) : args;
      const fullIndex = options.abbrev ? [] : ['--full-index'];
      const pathspec = all ? [] : ['--', ':(glob)f0[0-4]*'];
      const {out} = git(repo, [...configArgs, 'diff', '--no-renames', ...fullIndex, ...diffArgs, 'old', 'new', ...pathspec]);
      const listed = changed(all ? cases : cases.filter((c) => /^f0[0-4]/.test(c.path)));
      expectSameFiles(label, listed, perFile(out), listed.map((c) => ourDiff(c, options)).filter((s) => s.length));
    });
  }
});

/** Our stat entries for the pairs git lists, in its order. */
function statFiles(list: Case[], options: UnifiedOptions = {}) {
  const files: StatFile[] = [];
  for (const c of list) {
    const f = statFile(c.old && {path: c.path, mode: c.oldMode, content: c.old}, c.new && {path: c.path, mode: c.newMode, content: c.new}, options);
    if (f) files.push(f);
  }
  return files;
}

describe('--stat, --numstat, --shortstat, --summary against git 2.39', () => {
  it('all files at once', () => {
    const list = changed(cases);
    const files = statFiles(list);
    expect(formatStat(files)).toBe(git(repo, ['diff', '--no-renames', '--stat', 'old', 'new']).out);
    expect(formatNumstat(files)).toBe(git(repo, ['diff', '--no-renames', '--numstat', 'old', 'new']).out);
    expect(formatShortStat(files)).toBe(git(repo, ['diff', '--no-renames', '--shortstat', 'old', 'new']).out);
    const entries: SummaryEntry[] = list.map((c) => ({
      status: c.old === null ? 'A' : c.new === null ? 'D' : 'M',
      path: c.path,
      oldMode: c.oldMode,
      newMode: c.newMode,
    }));
    expect(formatSummary(entries)).toBe(git(repo, ['diff', '--no-renames', '--summary', 'old', 'new']).out);
  });

  it('counts with whitespace and blank lines ignored (-w, -b --ignore-blank-lines)', () => {
    const list = changed(cases);
    const w = statFiles(list, {ignoreWhitespace: 'all'});
    expect(formatNumstat(w)).toBe(git(repo, ['diff', '--no-renames', '--numstat', '-w', 'old', 'new']).out);
    expect(formatShortStat(w)).toBe(git(repo, ['diff', '--no-renames', '--shortstat', '-w', 'old', 'new']).out);
    const b = statFiles(list, {ignoreWhitespace: 'change', ignoreBlankLines: true});
    expect(formatNumstat(b)).toBe(git(repo, ['diff', '--no-renames', '--numstat', '-b', '--ignore-blank-lines', 'old', 'new']).out);
  });

  it('random groups of files in each width (name shortening, bar scaling, Bin lines), as git show --stat', () => {
    // One commit per group on top of `old` (fast-import, reusing the blobs), then one `git show --stat` per width
    // for all of them: hundreds of stats for a handful of processes.
    const rng = new Rng(7);
    const list = changed(cases);
    const groups = Array.from({length: 100}, () =>
      byPath(Array.from({length: 1 + rng.int(6)}, () => list[rng.int(list.length)] as Case).filter((c, i, all) => all.indexOf(c) === i)),
    );
    const stream: Buffer[] = [Buffer.from('feature done\n')];
    for (const [k, group] of groups.entries()) {
      stream.push(Buffer.from(`commit refs/heads/g${k}\ncommitter T <t@example.com> 1700000000 +0000\ndata 0\nfrom old\n`));
      for (const c of group) {
        if (c.new === null) stream.push(Buffer.from(`D ${c.path}\n`));
        else stream.push(Buffer.from(`M ${c.newMode.toString(8)} ${blobId(c.new)} ${c.path}\n`));
      }
      stream.push(Buffer.from('\n'));
    }
    stream.push(Buffer.from('done\n'));
    const r = spawnSync('git', ['fast-import', '--quiet'], {cwd: repo, env: env(), input: Buffer.concat(stream)});
    expect(r.status, String(r.stderr)).toBe(0);
    const refs = groups.map((_, k) => `g${k}`);
    const settings: [string[], {width?: number; graphWidth?: number; nameWidth?: number}][] = [
      [['--stat'], {}],
      [['--stat=60'], {width: 60}],
      [['--stat=130', '--stat-graph-width=12'], {width: 130, graphWidth: 12}],
      [['--stat=40', '--stat-name-width=25'], {width: 40, nameWidth: 25}],
      [['--stat', '--stat-graph-width=5', '--stat-name-width=10'], {graphWidth: 5, nameWidth: 10}],
    ];
    const stats = groups.map((group) => statFiles(group));
    for (const [flags, options] of settings) {
      const out = git(repo, ['show', '--no-renames', '--format=tformat:<END>', ...flags, ...refs]).out;
      const pieces = out.split('<END>\n').slice(1).map((p) => p.replace(/^\n/, ''));
      const ours = stats.map((files) => formatStat(files, options));
      const k = ours.findIndex((stat, i) => stat !== pieces[i]);
      if (k >= 0) expect({flags, k, stat: ours[k]}).toEqual({flags, k, stat: pieces[k]});
      expect(ours.length).toBe(pieces.length);
    }
  });
});

describe('renames (found by git; printed by us)', () => {
  it('diff headers, --stat, --numstat and --summary with a rename', () => {
    const rng = new Rng(11);
    const renames: {from: string; to: string; old: Uint8Array; new: Uint8Array}[] = [];
    const dirs = ['src/cart', 'src/payment', 'lib', 'src/cart/deep/er', ''];
    for (let i = 0; i < 40; i++) {
      // Distinct files, changed a little: git pairs each with its own rename.
      const base = [`// file ${i}`, ...lines(rng, MEDIUM, 20 + rng.int(20))];
      const next = [...base];
      if (rng.chance(0.7)) next.splice(1 + rng.int(base.length - 1), 1, ...lines(rng, CODE, 1 + rng.int(3)));
      const name = `file${i}.js`;
      const from = [rng.pick(dirs), name].filter(Boolean).join('/');
      const to = rng.chance(0.3) ? [rng.pick(dirs), `moved${i}.js`].filter(Boolean).join('/') : [rng.pick(dirs), name].filter(Boolean).join('/');
      if (from === to || renames.some((r) => r.from === from || r.to === to || r.from === to || r.to === from)) continue;
      renames.push({from, to, old: Buffer.from(joinLines(rng, base, '\n', true), 'latin1'), new: Buffer.from(joinLines(rng, next, '\n', true), 'latin1')});
    }
    const dir = mkdtempSync(join(root, 'renames-'));
    git(dir, ['init', '-q']);
    const stream: Buffer[] = [];
    for (const side of ['old', 'new'] as const) {
      stream.push(Buffer.from(`commit refs/heads/${side}\ncommitter T <t@example.com> 1700000000 +0000\ndata 0\ndeleteall\n`));
      for (const r of renames) stream.push(Buffer.from(`M 100644 inline ${side === 'old' ? r.from : r.to}\ndata ${r[side].length}\n`), Buffer.from(r[side]), Buffer.from('\n'));
      stream.push(Buffer.from('\n'));
    }
    expect(spawnSync('git', ['fast-import', '--quiet'], {cwd: dir, env: env(), input: Buffer.concat(stream)}).status).toBe(0);

    const out = git(dir, ['diff', '-M', '--full-index', 'old', 'new']).out;
    const pieces = perFile(out);
    expect(pieces.length).toBe(renames.length);
    const ours = pieces.map((piece) => {
      const to = /^rename to (.*)$/m.exec(piece)?.[1] as string;
      const r = renames.find((x) => x.to === to) as (typeof renames)[number];
      const similarity = Number(/^similarity index (\d+)%$/m.exec(piece)?.[1]);
      return {r, similarity};
    });
    expect(ours.map(({r, similarity}) =>
      latin1(formatFileDiff({old: {path: r.from, mode: 0o100644, content: r.old, oid: blobId(r.old)}, new: {path: r.to, mode: 0o100644, content: r.new, oid: blobId(r.new)}, rename: {similarity}})),
    )).toEqual(pieces);
    const files = ours.map(({r}) => statFile({path: r.from, content: r.old}, {path: r.to, content: r.new}, {fromPath: r.from}) as StatFile);
    expect(formatStat(files)).toBe(git(dir, ['diff', '-M', '--stat', 'old', 'new']).out);
    expect(formatNumstat(files)).toBe(git(dir, ['diff', '-M', '--numstat', 'old', 'new']).out);
    expect(formatSummary(ours.map(({r, similarity}) => ({status: 'R', path: r.to, fromPath: r.from, similarity, oldMode: 0o100644, newMode: 0o100644})))).toBe(
      git(dir, ['diff', '-M', '--summary', 'old', 'new']).out,
    );
  });
});

describe('an unmerged path in --stat (git prints no newline after "Unmerged")', () => {
  it('matches git diff --stat, --numstat and --cached --stat during a conflict', () => {
    const dir = mkdtempSync(join(root, 'unmerged-'));
    const sh = (script: string) => execFileSync('bash', ['-c', script], {cwd: dir, env: env()});
    sh(`git init -q -b main && printf 'a\\n' > f && printf 'x\\n' > g && git add . && git commit -qm b && git checkout -qb t &&
        printf 'b\\n' > f && git commit -qam t && git checkout -q main && printf 'c\\n' > f && printf 'y\\n' > g && git commit -qam m &&
        (git merge -q t >/dev/null 2>&1 || true) && printf 'z\\n' > g`);
    const worktree: StatFile[] = [
      {path: 'f', added: 0, deleted: 0, unmerged: true},
      {path: 'f', added: 4, deleted: 0},
      {path: 'g', added: 1, deleted: 1},
    ];
    expect(formatStat(worktree)).toBe(git(dir, ['diff', '--stat']).out);
    expect(formatShortStat(worktree)).toBe(git(dir, ['diff', '--shortstat']).out);
    expect(formatNumstat(worktree)).toBe(git(dir, ['diff', '--numstat']).out);
    expect(formatStat([{path: 'f', added: 0, deleted: 0, unmerged: true}])).toBe(git(dir, ['diff', '--cached', '--stat']).out);
  });
});

describe('git diff --check against git 2.39', () => {
  it('every pair (output and exit status)', () => {
    const {out, status} = git(repo, ['diff', '--no-renames', '--check', 'old', 'new']);
    let ours = '';
    let failed = false;
    for (const c of changed(cases)) {
      if (c.new === null) continue;
      const r = checkFile(c.path, c.old, c.new);
      ours += latin1(r.output);
      failed ||= r.failed;
    }
    if (ours !== out) {
      // Point at the first file whose lines differ.
      const gitLines = out.split('\n');
      const ourLines = ours.split('\n');
      const at = gitLines.findIndex((l, i) => l !== ourLines[i]);
      expect(ourLines.slice(Math.max(0, at - 3), at + 3).join('\n')).toBe(gitLines.slice(Math.max(0, at - 3), at + 3).join('\n'));
    }
    expect(ours).toBe(out);
    expect(status).toBe(failed ? 2 : 0);
  });
});

describe('the course files', () => {
  const files = fileURLToPath(new URL('../../../../examples/ecommerce/files/', import.meta.url));
  const read = (p: string) => readFileSync(join(files, p));

  it('payment/paymentProcessor.production.js → paymentProcessor.hotfix.js', () => {
    const a = read('payment/paymentProcessor.production.js');
    const b = read('payment/paymentProcessor.hotfix.js');
    const dir = mkdtempSync(join(root, 'course-'));
    writeFileSync(join(dir, 'a'), a);
    writeFileSync(join(dir, 'b'), b);
    for (const [args, options] of [
      [[], {}],
      [['--histogram'], {algorithm: 'histogram'}],
      [['-U1'], {context: 1}],
    ] as [string[], UnifiedOptions][]) {
      const {out, status} = git(dir, ['diff', '--no-index', ...args, 'a', 'b']);
      expect(status).toBe(1);
      expect(latin1(formatHunks(a, b, options))).toBe(out.slice(out.indexOf('\n@@') + 1));
    }
    const numstat = git(dir, ['diff', '--no-index', '--numstat', 'a', 'b']).out;
    const s = statFile({path: 'a', content: a}, {path: 'b', content: b});
    expect(`${s?.added}\t${s?.deleted}\t`).toBe(numstat.slice(0, numstat.lastIndexOf('\t') + 1));
  });

  it("lesson 01's resolved merge of cartConfig.js, as git show prints it (diff --cc)", () => {
    const cart = (name: string) => read(`feature/cart/${name}`);
    const [base, feature, develop, resolved] = ['cartConfig.base.js', 'cartConfig.feature.js', 'cartConfig.develop.js', 'cartConfig.resolved.js'].map(cart) as [Buffer, Buffer, Buffer, Buffer];
    const dir = mkdtempSync(join(root, 'course-merge-'));
    git(dir, ['init', '-q']);
    const path = 'src/cart/cartConfig.js';
    const commit = (ref: string, mark: number, content: Buffer, parents: number[]) =>
      Buffer.concat([
        Buffer.from(`commit ${ref}\nmark :${mark}\ncommitter T <t@example.com> 1700000000 +0000\ndata 0\n${parents.map((p, i) => `${i ? 'merge' : 'from'} :${p}\n`).join('')}M 100644 inline ${path}\ndata ${content.length}\n`),
        content,
        Buffer.from('\n\n'),
      ]);
    const stream = Buffer.concat([
      commit('refs/heads/develop', 1, base, []),
      commit('refs/heads/feature', 2, feature, [1]),
      commit('refs/heads/develop', 3, develop, [1]),
      commit('refs/heads/merged', 4, resolved, [2, 3]),
    ]);
    expect(spawnSync('git', ['fast-import', '--quiet'], {cwd: dir, env: env(), input: stream}).status).toBe(0);
    const out = git(dir, ['show', '--format=', 'merged']).out;
    expect(out).toMatch(/^diff --cc src\/cart\/cartConfig.js\n/);
    const abbrev = (content: Buffer) => blobId(content).slice(0, 7);
    const ours = formatCombinedDiff(path, {mode: 0o100644, content: resolved, oid: abbrev(resolved)}, [
      {mode: 0o100644, content: feature, oid: abbrev(feature)},
      {mode: 0o100644, content: develop, oid: abbrev(develop)},
    ]);
    expect(latin1(ours)).toBe(out);
  });
});

describe('hunk headers: the function name git finds (no diff driver)', () => {
  it('matches git diff --no-index on pinned cases', () => {
    const filler = ['  one', '  two', '  three', '  four', '  five', '  six', '  seven'];
    const at79 = 'x'.repeat(79);
    const pairs: [string, string][] = [];
    const around = (func: string, change = '  CHANGED') => {
      const a = [func, ...filler, '  old', ...filler].join('\n') + '\n';
      return [a, a.replace('  old', change)] as [string, string];
    };
    // A name cut at 80 bytes inside a UTF-8 character loses the character (sane_truncate_line).
    pairs.push(around(`${at79}\xc3\xa8 and more`));
    pairs.push(around(`${'y'.repeat(78)}\xc3\xa8 and more`));
    // Latin-1: not UTF-8, the header stops before the first such byte.
    pairs.push(around('caff\xe8 al bar'));
    pairs.push(around('function cart() {\r'));
    pairs.push(around('_private = {'));
    pairs.push(around('$jq = {'));
    pairs.push(around('  indented() {'));
    pairs.push(around('9 starts with a digit'));
    pairs.push(around(`${'z'.repeat(76)}   \t  `));
    // Two hunks: the second one keeps the first one's name when none is nearer.
    const two = ['fn first', ...filler, 'a', ...filler, ...filler, 'b', ...filler].join('\n') + '\n';
    pairs.push([two, two.replace('\na\n', '\nA\n').replace('\nb\n', '\nB\n')]);
    const named = ['fn first', ...filler, 'a', ...filler, 'fn second', ...filler, 'b', ...filler].join('\n') + '\n';
    pairs.push([named, named.replace('\na\n', '\nA\n').replace('\nb\n', '\nB\n')]);
    const dir = mkdtempSync(join(root, 'funcname-'));
    const script = pairs.map(([a, b], i) => {
      writeFileSync(join(dir, `a${i}`), Buffer.from(a, 'latin1'));
      writeFileSync(join(dir, `b${i}`), Buffer.from(b, 'latin1'));
      return `git diff --no-index a${i} b${i}; echo '<END>'`;
    });
    const out = execFileSync('bash', ['-c', script.join('\n')], {cwd: dir, env: env()}).toString('latin1');
    const pieces = out.split('<END>\n');
    pairs.forEach(([a, b], i) => {
      const piece = pieces[i] as string;
      expect({i, hunks: latin1(formatHunks(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1')))}).toEqual({i, hunks: piece.slice(piece.indexOf('\n@@') + 1)});
    });
    // What those cases are about, so that they cannot pass by finding no name at all.
    expect(pieces[0]).toContain(`@@ ${at79}\n`);
    expect(pieces[1]).toContain(`@@ ${'y'.repeat(78)}\xc3\xa8\n`);
    expect(pieces[2]).toContain('@@ caff\n');
    expect(pieces[10]).toMatch(/@@ fn second\n/);
  });
});

describe('combined diffs of merge commits (git show) against git 2.39', () => {
  it('--cc, -c and --cc -U1, with two and three parents', () => {
    const rng = new Rng(31);
    interface Path {
      path: string;
      result: Uint8Array | null;
      parents: (Uint8Array | null)[];
      modes: number[];
      mode: number;
    }
    const make = (numParent: number, count: number) => {
      const paths: Path[] = [];
      for (let i = 0; i < count; i++) {
        const pool = rng.pick(STYLES);
        const base = lines(rng, pool, rng.int(30));
        const parents = Array.from({length: numParent}, () => mutate(rng, base, pool));
        // The resolution: one parent's version edited, often with a block of another's.
        let result = mutate(rng, rng.pick(parents), pool);
        if (rng.chance(0.5)) {
          const other = rng.pick(parents);
          const at = rng.int(other.length + 1);
          result.splice(rng.int(result.length + 1), rng.int(3), ...other.slice(at, at + 1 + rng.int(4)));
        }
        if (rng.chance(0.1)) result = [...(parents[0] as string[])];
        const eol = rng.chance(0.1) ? '\r\n' : '\n';
        const bytes = (ls: string[]) => Buffer.from(joinLines(rng, ls, eol, !rng.chance(0.15)), 'latin1');
        const p: Path = {
          path: `m${String(i).padStart(4, '0')}`,
          result: rng.chance(0.03) ? null : bytes(result),
          parents: parents.map((ls) => (rng.chance(0.04) ? null : bytes(ls))),
          modes: parents.map(() => (rng.chance(0.05) ? 0o100755 : 0o100644)),
          mode: rng.chance(0.05) ? 0o100755 : 0o100644,
        };
        if (p.result && rng.chance(0.02)) p.result = Buffer.concat([p.result, Buffer.from('\0')]);
        paths.push(p);
      }
      return paths;
    };
    const dir = mkdtempSync(join(root, 'combined-'));
    git(dir, ['init', '-q']);
    const sets = [make(2, 500), make(3, 120)];
    const stream: Buffer[] = [];
    let mark = 0;
    const commit = (ref: string, entries: [string, number, Uint8Array | null][], parents: number[]) => {
      stream.push(Buffer.from(`commit ${ref}\nmark :${++mark}\ncommitter T <t@example.com> 1700000000 +0000\ndata 0\n`));
      parents.forEach((p, i) => stream.push(Buffer.from(`${i ? 'merge' : 'from'} :${p}\n`)));
      stream.push(Buffer.from('deleteall\n'));
      for (const [path, mode, content] of entries) {
        if (content) stream.push(Buffer.from(`M ${mode.toString(8)} inline ${path}\ndata ${content.length}\n`), Buffer.from(content), Buffer.from('\n'));
      }
      stream.push(Buffer.from('\n'));
      return mark;
    };
    sets.forEach((paths, s) => {
      const parentMarks = (paths[0] as Path).parents.map((_, n) => commit(`refs/heads/s${s}p${n}`, paths.map((p) => [p.path, p.modes[n] as number, p.parents[n] ?? null]), []));
      commit(`refs/heads/s${s}`, paths.map((p) => [p.path, p.mode, p.result]), parentMarks);
    });
    expect(spawnSync('git', ['fast-import', '--quiet'], {cwd: dir, env: env(), input: Buffer.concat(stream)}).status).toBe(0);

    const same = (a: Uint8Array | null, b: Uint8Array | null) => (a === null ? b === null : b !== null && latin1(a) === latin1(b));
    for (const [s, paths] of sets.entries()) {
      // git lists the paths that differ from every parent.
      const listed = paths.filter((p) => p.parents.every((q, n) => !same(q, p.result) || (q !== null && p.result !== null && p.modes[n] !== p.mode)));
      for (const [flags, options] of [
        [[], {}],
        [['-c'], {dense: false}],
        [['--cc', '-U1'], {context: 1}],
      ] as [string[], CombinedOptions][]) {
        const out = git(dir, ['show', '--format=', '--full-index', '--no-renames', ...flags, `s${s}`]).out;
        const ours = listed.map((p) =>
          latin1(
            formatCombinedDiff(
              p.path,
              p.result && {mode: p.mode, content: p.result, oid: blobId(p.result)},
              p.parents.map((q, n) => q && {mode: p.modes[n] as number, content: q, oid: blobId(q)}),
              options,
            ),
          ),
        );
        const pieces = out.split(/(?=^diff --(?:cc|combined) )/m).filter((x) => x.length);
        const gitByPath = new Map(pieces.map((x) => [/^diff --(?:cc|combined) (.*)$/m.exec(x)?.[1], x]));
        const problems = listed
          .map((p, i) => ({p, ours: ours[i] as string, git: gitByPath.get(p.path) ?? ''}))
          .filter((x) => x.ours !== x.git)
          .slice(0, 2)
          .map((x) => `${flags.join(' ')} ${x.p.path}\nresult=${show(x.p.result)}\n${x.p.parents.map((q, n) => `parent ${n}=${show(q)}`).join('\n')}\n--- git\n${x.git}\n--- ours\n${x.ours}`);
        expect(problems.join('\n\n')).toBe('');
        expect(ours.filter(Boolean).length).toBe(pieces.length);
      }
    }
  });
});

describe('unit cases', () => {
  it('changes are 0-based ranges in old and new', () => {
    expect(diffContents('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
      {i1: 1, chg1: 1, i2: 1, chg2: 1},
      {i1: 3, chg1: 0, i2: 3, chg2: 1},
    ]);
  });

  it('a new empty file has a header and no hunks; a mode change has no index line', () => {
    const text = (s: Uint8Array) => Buffer.from(s).toString();
    expect(text(formatFileDiff({old: null, new: {path: 'e', mode: 0o100644, content: '', oid: 'e69de29'}}))).toBe(
      'diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\n',
    );
    expect(text(formatFileDiff({old: {path: 'x', mode: '100644', content: 'a\n', oid: '7898192'}, new: {path: 'x', mode: '100755', content: 'a\n', oid: '7898192'}}))).toBe(
      'diff --git a/x b/x\nold mode 100644\nnew mode 100755\n',
    );
  });

  it('stat: singular and plural, Bin lines', () => {
    expect(formatStat([{path: 'p', added: 1, deleted: 1}])).toBe(' p | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n');
    expect(formatStat([{path: 'img', added: 12, deleted: 0, binary: true}])).toBe(' img | Bin 0 -> 12 bytes\n 1 file changed, 0 insertions(+), 0 deletions(-)\n');
    expect(formatShortStat([{path: 'a', added: 2, deleted: 0}, {path: 'b', added: 0, deleted: 0}])).toBe(' 2 files changed, 2 insertions(+)\n');
  });
});
