import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import rootPackage from '../../package.json';
import {
  buildPhaseFiles,
  EXAMPLES_DIR,
  phaseFiles,
  phaseTestSources,
  phaseTrackedFiles,
  readExampleSource,
  VITEST_VERSION,
  writePhase,
} from './materialize';
import {replayPhaseRepository} from './phaseRepository';
import {phases, type HistoryStep, type Phase, type PhaseId} from './phases';

const commit = (message: string, files: Record<string, string>): HistoryStep => ({op: 'commit', message, files});

describe('phaseFiles', () => {
  const ids = Object.keys(phases) as PhaseId[];

  it.each(ids)('%s: every file is the replayed working tree or its source under examples/, byte for byte', async (id) => {
    const phase: Phase = phases[id];
    const files = await phaseFiles(id);
    const {worktree} = await replayPhaseRepository(phase, readExampleSource);
    const sources = {...phase.untracked, ...phase.tests};
    expect(Object.keys(files)).toEqual([...Object.keys(worktree), ...Object.keys(sources), 'package.json'].sort());
    expect(await phaseTrackedFiles(id)).toEqual(new Set(Object.keys(worktree)));
    for (const [file, text] of Object.entries(worktree)) expect(files[file], file).toBe(text);
    for (const [file, source] of Object.entries(sources)) {
      expect(files[file], file).toBe(readFileSync(path.join(EXAMPLES_DIR, source), 'utf8'));
    }
  });

  // What `npm run demo` runs in each phase: the script the lesson runs at that point.
  const demoCommands: Record<PhaseId, string | undefined> = {
    '01-start': undefined, // only the shared cart configuration: nothing to demo yet
    '01-after-merge': 'node test-cart.js',
    '02-before-fix': 'node test-payment.js',
    '02-after-fix': 'node test-payment-fixed.js',
    '03-experiment-popularity': 'node bench-recommendations.js src/recommendations/popularity.js',
    '03-experiments': 'node bench-recommendations.js src/recommendations/coPurchase.js',
    '03-after-adoption': 'node bench-recommendations.js src/recommendations/index.js',
    // Where the exercises start: the cart before the conflict (its demo is the learner's to add),
    // the payment bug (the diagnostic script), develop before any experiment (no approach yet).
    '01-exercise': undefined,
    '02-exercise': 'node test-payment.js',
    '03-exercise': undefined,
  };

  it.each(ids)('%s: package.json runs the demo and the tests with the root vitest, as CommonJS', async (id) => {
    const pkg = JSON.parse((await phaseFiles(id))['package.json']!);
    const demo = demoCommands[id];
    expect(pkg).toMatchObject({
      private: true,
      type: 'commonjs',
      devDependencies: {vitest: rootPackage.devDependencies.vitest},
      engines: {node: '>=20.19'},
    });
    expect(pkg.scripts).toEqual(demo === undefined ? {test: 'vitest run'} : {demo, test: 'vitest run'});
    expect(pkg.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    expect((await phaseFiles(id))['package.json']).toBe(`${JSON.stringify(pkg, null, 2)}\n`);
  });

  it('pins vitest to the exact version of the root, which is the installed one', () => {
    const installed = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, '../node_modules/vitest/package.json'), 'utf8')).version;
    expect(VITEST_VERSION).toBe(rootPackage.devDependencies.vitest);
    expect(VITEST_VERSION).toBe(installed);
  });

  it('refuses unknown phases and files claimed twice', async () => {
    expect(() => phaseFiles('nope' as PhaseId)).toThrow(/Unknown phase "nope"/);
    const base: Phase = {lesson: 'x', identity: {name: 'A', email: 'a@b'}, history: [commit('one', {'a.js': 'A'})], untracked: {}, tests: {}, openFile: 'a.js'};
    const read = (source: string): string => `content of ${source}`;
    expect(await buildPhaseFiles('x', base, read)).toEqual({
      'a.js': 'content of A',
      'package.json': expect.stringContaining('"name": "ecommerce-x"'),
    });
    await expect(buildPhaseFiles('x', {...base, untracked: {'a.js': 'B'}}, read)).rejects.toThrow(/untracked file a.js/);
    await expect(buildPhaseFiles('x', {...base, tests: {'package.json': 'P'}}, read)).rejects.toThrow(/package.json is generated/);
    await expect(buildPhaseFiles('x', {...base, demo: 'missing.js'}, read)).rejects.toThrow(/demo script missing.js/);
    await expect(buildPhaseFiles('x', {...base, demoArgs: ['a.js']}, read)).rejects.toThrow(/demoArgs without a demo script/);
    await expect(buildPhaseFiles('x', {...base, demo: 'a.js', demoArgs: ['b.js']}, read)).rejects.toThrow(/demo argument b.js is not a file/);
    await expect(buildPhaseFiles('x', {...base, demo: 'a.js', demoArgs: ['a.js; rm -rf x']}, read)).rejects.toThrow(/is not a plain word/);
    await expect(buildPhaseFiles('x', {...base, history: [commit('one', {'a.js': 'A'}), commit('two', {'a.js': 'A'})]}, read)).rejects.toThrow(/Phase x: its history does not replay: .*nothing to commit/s);
    expect(JSON.parse((await buildPhaseFiles('x', {...base, demo: 'a.js', demoArgs: ['--time', 'a.js']}, read))['package.json']!).scripts)
      .toEqual({demo: 'node a.js --time a.js', test: 'vitest run'});
    expect(JSON.parse((await buildPhaseFiles('x', base, read))['package.json']!).scripts).toEqual({test: 'vitest run'});
  });

  it('reads only inside examples/', () => {
    expect(() => readExampleSource('../package.json')).toThrow(/escapes examples/);
    expect(() => readExampleSource('ecommerce/files/missing.js')).toThrow(/not found: examples\/ecommerce\/files\/missing.js/);
  });
});

describe('the sources under examples/ecommerce/files', () => {
  const root = path.join(EXAMPLES_DIR, 'ecommerce/files');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [path.relative(EXAMPLES_DIR, full).split(path.sep).join('/')];
    });
  const sources = walk(root);

  it('hold each distinct file version once', () => {
    const contents = sources.map((source) => readFileSync(path.join(EXAMPLES_DIR, source), 'utf8'));
    expect(new Set(contents).size).toBe(contents.length);
  });

  it('are all used by some phase', () => {
    const used = new Set(
      Object.values(phases).flatMap((phase: Phase) =>
        [
          ...phase.history.flatMap((step) =>
            step.op === 'commit' ? Object.values(step.files) : step.op === 'merge' ? Object.values(step.resolved ?? {}) : [],
          ),
          ...Object.values(phase.untracked),
        ],
      ),
    );
    expect(sources.filter((source) => !used.has(source))).toEqual([]);
  });

  it('the phase tests are listed for the root run to skip them outside a phase', () => {
    expect(phaseTestSources()).toEqual(expect.arrayContaining(['ecommerce/tests/support.ts', 'ecommerce/tests/badInput.test.ts']));
  });
});

describe('writePhase', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

  it('writes exactly the phase files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phase-'));
    dirs.push(dir);
    const files = await phaseFiles('02-after-fix');
    expect(await writePhase('02-after-fix', dir)).toEqual(Object.keys(files));
    for (const [file, content] of Object.entries(files)) {
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(content);
    }
  });
});
