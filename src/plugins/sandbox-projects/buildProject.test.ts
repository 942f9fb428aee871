import {readFileSync} from 'node:fs';
import path from 'node:path';
import {strFromU8, unzipSync} from 'fflate';
import {describe, expect, it} from 'vitest';
import {phases, type Phase} from '../../../examples/ecommerce/phases';
import {buildAssets, EXAMPLES_DIR, fileSources, phaseIds, sandboxAsset, zipProject, type SandboxAsset} from './assets';
import {
  buildSandboxProject,
  HISTORY_FILE,
  PINNED_VERSIONS,
  SANDBOX_NODE_VERSION,
  TOOLING_SCRIPTS,
  trackedPaths,
  type HistoryFile,
} from './buildProject';
import {phaseFiles} from '../../../examples/ecommerce/materialize';

const TOOLING = new Set(['package.json', '.nvmrc', HISTORY_FILE, ...Object.keys(TOOLING_SCRIPTS)]);
const locales = ['it', 'en'] as const;

describe.each(phaseIds())('sandbox payload of %s', (id) => {
  const phase: Phase = phases[id];
  const files = phaseFiles(id);

  it.each(locales)('carries every file of the phase byte for byte (%s)', (locale) => {
    const {project} = sandboxAsset(id, locale);
    expect(project.template).toBe('node');
    const phaseOnly = Object.fromEntries(Object.entries(project.files).filter(([p]) => !TOOLING.has(p)));
    const expected = Object.fromEntries(Object.entries(files).filter(([p]) => p !== 'package.json'));
    expect(phaseOnly).toStrictEqual(expected);
    for (const [projectPath, name] of Object.entries(TOOLING_SCRIPTS)) {
      expect(project.files[projectPath]).toBe(readFileSync(path.join(EXAMPLES_DIR, 'tooling', name), 'utf8'));
    }
  });

  it('has a package.json with pinned versions, Node 22 and the sandbox scripts', () => {
    const {project} = sandboxAsset(id, 'it');
    const pkg = JSON.parse(project.files['package.json'] ?? '') as Record<string, Record<string, string>>;
    const original = JSON.parse(files['package.json'] ?? '') as Record<string, Record<string, string>>;
    expect(pkg.devDependencies).toMatchObject({vitest: '4.1.12', 'isomorphic-git': '1.44.19'});
    expect(pkg.devDependencies?.vitest).toBe(PINNED_VERSIONS.vitest);
    for (const version of Object.values({...pkg.dependencies, ...pkg.devDependencies})) {
      expect(version, 'every version is exact').toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(pkg.engines).toStrictEqual({node: SANDBOX_NODE_VERSION});
    expect(SANDBOX_NODE_VERSION).toMatch(/^22\./);
    expect(project.files['.nvmrc']).toBe(`v${SANDBOX_NODE_VERSION}\n`);
    expect(pkg.scripts?.demo).toBe(original.scripts?.demo);
    expect(pkg.scripts?.test).toBe(original.scripts?.test);
    expect(pkg.scripts).toMatchObject({
      setup: 'node .sandbox/replay-history.mjs',
      postinstall: 'node .sandbox/replay-history.mjs',
      history: 'node .sandbox/print-history.mjs',
    });
  });

  it('ships the phase history with the exact bytes of each committed file', () => {
    const {project} = sandboxAsset(id, 'en');
    const history = JSON.parse(project.files[HISTORY_FILE] ?? '') as HistoryFile;
    expect(history.locale).toBe('en');
    expect(history.steps).toHaveLength(phase.history.length);
    phase.history.forEach((step, i) => {
      const replay = history.steps[i];
      if (step.op === 'merge' && step.resolved) {
        const {resolved, ...rest} = step;
        expect(replay).toMatchObject(rest);
        for (const [repoPath, source] of Object.entries(resolved)) {
          const inline = replay?.op === 'merge' ? replay.resolved?.[repoPath] : undefined;
          expect(inline).toBe(readFileSync(path.join(EXAMPLES_DIR, source), 'utf8'));
        }
        return;
      }
      if (step.op !== 'commit') return expect(replay).toStrictEqual(step);
      expect(replay).toMatchObject({op: 'commit', message: step.message});
      for (const [repoPath, source] of Object.entries(step.files)) {
        const inline = replay?.op === 'commit' ? replay.files[repoPath] : undefined;
        expect(inline).toBe(readFileSync(path.join(EXAMPLES_DIR, source), 'utf8'));
      }
    });
    // Sandbox tooling stays out of the lesson's repository; the lesson's untracked file does not.
    expect(history.exclude).toContain('package.json');
    expect(history.exclude).toContain('node_modules/');
    for (const p of Object.keys(phase.untracked)) expect(history.exclude).not.toContain(p);
    for (const p of trackedPaths(phase.history)) expect(history.exclude).not.toContain(p);
  });

  it('emits the same files as JSON and as a zip', () => {
    const assets = buildAssets('it');
    const json = JSON.parse(strFromU8(assets.get(`${id}.json`) ?? new Uint8Array())) as SandboxAsset;
    expect(json).toStrictEqual(sandboxAsset(id, 'it'));
    expect(json.openFile).toBe(phase.openFile);
    expect(json.project.files).toHaveProperty([phase.openFile]);
    const unzipped = unzipSync(assets.get(`${id}.zip`) ?? new Uint8Array());
    const fromZip = Object.fromEntries(
      Object.entries(unzipped).map(([name, bytes]) => [name.replace(`${id}/`, ''), strFromU8(bytes)]),
    );
    expect(Object.keys(unzipped).every((name) => name.startsWith(`${id}/`))).toBe(true);
    expect(fromZip).toStrictEqual(json.project.files);
    // Same sources, same bytes: the zip does not depend on when it is built.
    expect(zipProject(id, json.project.files)).toStrictEqual(assets.get(`${id}.zip`));
  });
});

describe('buildSandboxProject', () => {
  const phase: Phase = phases['02-before-fix'];
  const files = phaseFiles('02-before-fix');

  it('keeps CRLF line endings and other bytes as they are', () => {
    const withCrlf = {...files, 'notes.txt': 'line 1\r\nline 2\r\n\u00c8 \u{1F680}\n'};
    const project = buildSandboxProject('02-before-fix', phase, withCrlf, 'it', fileSources);
    expect(project.files['notes.txt']).toBe('line 1\r\nline 2\r\n\u00c8 \u{1F680}\n');
    const zipped = unzipSync(zipProject('x', project.files))['x/notes.txt'];
    expect(zipped && strFromU8(zipped)).toBe('line 1\r\nline 2\r\n\u00c8 \u{1F680}\n');
  });

  it('refuses a phase without package.json, scripts or with a file where the tooling goes', () => {
    const {['package.json']: _pkg, ...noPackage} = files;
    expect(() => buildSandboxProject('p', phase, noPackage, 'it', fileSources)).toThrow(/package.json/);
    const noTest = {...files, 'package.json': JSON.stringify({scripts: {demo: 'node x.js'}})};
    expect(() => buildSandboxProject('p', phase, noTest, 'it', fileSources)).toThrow(/"test"/);
    expect(() => buildSandboxProject('p', phase, {...files, '.nvmrc': '20\n'}, 'it', fileSources)).toThrow(/reserved/);
  });

  it('titles the project in the reader\u2019s language', () => {
    expect(buildSandboxProject('02-before-fix', phase, files, 'it', fileSources).title).toContain('Corso Git');
    expect(buildSandboxProject('02-before-fix', phase, files, 'en', fileSources).title).toContain('Course');
  });

  it('knows which files the history tracks at the end of a phase', () => {
    expect([...trackedPaths(phases['02-before-fix'].history)].sort()).toStrictEqual([
      'README.md',
      'src/payment/paymentProcessor.js',
    ]);
    expect(trackedPaths(phases['02-after-fix'].history)).toContain('POST_INCIDENT_ACTIONS.md');
    expect(trackedPaths(phases['02-after-fix'].history)).toContain('src/cart/advancedCart.js');
  });
});
