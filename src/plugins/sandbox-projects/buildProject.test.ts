import {readFileSync} from 'node:fs';
import path from 'node:path';
import {strFromU8, unzipSync} from 'fflate';
import {describe, expect, it} from 'vitest';
import {exercises} from '../../../examples/ecommerce/exercises';
import {expandSolution} from '../../../examples/ecommerce/exercises/solution';
import {inlineScript, phaseScript} from '../../../examples/ecommerce/phaseScript';
import {phases, type Phase} from '../../../examples/ecommerce/phases';
import {COURSE_DATE} from '../../../examples/ecommerce/phases/types';
import {phaseFiles, phaseTrackedFiles} from '../../../examples/ecommerce/materialize';
import {readExampleFile} from '../../../examples/readExample';
import {buildAssets, ENGINE_PACKAGE_DIR, EXAMPLES_DIR, fileSources, phaseIds, readEngineFiles, sandboxAsset, zipProject, type SandboxAsset} from './assets';
import {
  buildSandboxProject,
  CHECK_SCRIPT,
  CHECKER_MODULE,
  ENGINE_DIR,
  EXERCISE_FILE,
  type ExerciseFile,
  HISTORY_FILE,
  PINNED_VERSIONS,
  SANDBOX_GIT_COMMANDS,
  SANDBOX_NODE_VERSION,
  SANDBOX_README,
  TOOLING_SCRIPTS,
  type HistoryFile,
} from './buildProject';

const locales = ['it', 'en'] as const;
let built: Promise<Map<string, Uint8Array>> | undefined;
/** The Italian build's assets, built once for all phases. */
const italianAssets = () => (built ??= buildAssets('it'));
const isTooling = (p: string) => p === 'package.json' || p === '.nvmrc' || p === SANDBOX_README || p.startsWith('.sandbox/');

describe.each(phaseIds())('sandbox payload of %s', (id) => {
  it('is an exercise\u2019s project (npm run check, npm run solution) exactly when an exercise starts there', async () => {
    const {project} = await sandboxAsset(id, 'en');
    const pkg = JSON.parse(project.files['package.json'] ?? '') as {scripts: Record<string, string>};
    const exercise = Object.hasOwn(exercises, id);
    expect(EXERCISE_FILE in project.files).toBe(exercise);
    expect(CHECK_SCRIPT in project.files).toBe(exercise);
    expect('check' in pkg.scripts).toBe(exercise);
    expect(project.files[SANDBOX_README]?.includes('npm run check')).toBe(exercise);
  });

  const phase: Phase = phases[id];

  it.each(locales)('carries every file of the phase byte for byte, and the sandbox git (%s)', async (locale) => {
    const files = await phaseFiles(id);
    const {project} = await sandboxAsset(id, locale);
    expect(project.template).toBe('node');
    const phaseOnly = Object.fromEntries(Object.entries(project.files).filter(([p]) => !isTooling(p)));
    // An exercise's project also has the exercise's tests, in tests/ (see below).
    const exerciseTests = Object.fromEntries(Object.entries(exercises[id]?.tests ?? {}).map(([file, source]) => [file, readExampleFile(source)]));
    const expected = Object.fromEntries(Object.entries({...files, ...exerciseTests}).filter(([p]) => p !== 'package.json').sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(phaseOnly).toStrictEqual(expected);
    for (const [projectPath, name] of Object.entries(TOOLING_SCRIPTS)) {
      expect(project.files[projectPath]).toBe(readFileSync(path.join(EXAMPLES_DIR, 'tooling', name), 'utf8'));
    }
    // The engine is vendored as it is in packages/sandbox-git, bin and code, no tests.
    for (const [file, contents] of Object.entries(readEngineFiles())) expect(project.files[`${ENGINE_DIR}/${file}`], file).toBe(contents);
    expect(project.files[`${ENGINE_DIR}/bin/git.js`]).toBe(readFileSync(path.join(ENGINE_PACKAGE_DIR, 'bin/git.js'), 'utf8'));
    expect(Object.keys(project.files).filter((p) => p.startsWith(`${ENGINE_DIR}/`) && /\.test\.|testkit/.test(p))).toEqual([]);
  });

  it('has a package.json with pinned versions, Node 22, the sandbox git as a dependency and the sandbox scripts', async () => {
    const files = await phaseFiles(id);
    const {project} = await sandboxAsset(id, 'it');
    const pkg = JSON.parse(project.files['package.json'] ?? '') as Record<string, Record<string, string>>;
    const original = JSON.parse(files['package.json'] ?? '') as Record<string, Record<string, string>>;
    expect(pkg.devDependencies).toStrictEqual({vitest: PINNED_VERSIONS.vitest, 'sandbox-git': `file:${ENGINE_DIR}`});
    const engine = JSON.parse(project.files[`${ENGINE_DIR}/package.json`] ?? '') as {bin: Record<string, string>; dependencies: Record<string, string>};
    expect(engine.bin).toStrictEqual({git: 'bin/git.js'});
    for (const version of Object.values({...engine.dependencies, vitest: pkg.devDependencies?.vitest})) {
      expect(version, 'every version is exact').toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(pkg.engines).toStrictEqual({node: SANDBOX_NODE_VERSION});
    expect(SANDBOX_NODE_VERSION).toMatch(/^22\./);
    expect(project.files['.nvmrc']).toBe(`v${SANDBOX_NODE_VERSION}\n`);
    expect(pkg.scripts?.demo).toBe(original.scripts?.demo);
    expect(pkg.scripts?.test).toBe(original.scripts?.test);
    expect(pkg.scripts).toMatchObject({
      setup: 'node .sandbox/setup.mjs',
      postinstall: 'node .sandbox/setup.mjs',
      history: 'node .sandbox/setup.mjs --if-needed && git log --graph --oneline --all --decorate',
    });
    // A bare `git` in the terminal StackBlitz opens reaches the sandbox git, whatever the shell's PATH.
    expect((pkg.stackblitz as unknown as {startCommand: string}).startCommand).toMatch(/^export PATH="\$PWD\/node_modules\/\.bin:\$PATH"; .*git log --graph/);
  });

  it('ships the phase\u2019s script, its files\u2019 exact bytes, the date and what stays out of the repository', async () => {
    const {project} = await sandboxAsset(id, 'en');
    const history = JSON.parse(project.files[HISTORY_FILE] ?? '') as HistoryFile;
    expect(history.locale).toBe('en');
    expect(history.date).toBe(COURSE_DATE);
    expect(history.steps).toStrictEqual(inlineScript(phaseScript(phase), readExampleFile));
    expect(history.exclude).toEqual(expect.arrayContaining(['package.json', 'node_modules/', '.sandbox/', SANDBOX_README, '.nvmrc']));
    for (const p of Object.keys(phase.untracked)) expect(history.exclude).not.toContain(p);
    for (const p of await phaseTrackedFiles(id)) expect(history.exclude).not.toContain(p);
  });

  it.each(locales)('has a README of its own in the page\u2019s language, naming the git commands (%s)', async (locale) => {
    const {project, openFile} = await sandboxAsset(id, locale);
    const readme = project.files[SANDBOX_README] ?? '';
    expect(readme).toContain(locale === 'it' ? '## Git in questo terminale' : '## Git in this terminal');
    expect(readme).toContain(id);
    for (const command of SANDBOX_GIT_COMMANDS) expect(readme).toContain(`\`git ${command}\``);
    expect(readme).not.toMatch(/\{\{\w+\}\}/);
    expect(openFile).toBe(`${phase.openFile},${SANDBOX_README}`);
  });

  it('emits the same files as JSON and as a zip', async () => {
    const assets = await italianAssets();
    const json = JSON.parse(strFromU8(assets.get(`${id}.json`) ?? new Uint8Array())) as SandboxAsset;
    expect(json).toStrictEqual(await sandboxAsset(id, 'it'));
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

  it('keeps CRLF line endings and other bytes as they are', async () => {
    const files = await phaseFiles('02-before-fix');
    const withCrlf = {...files, 'notes.txt': 'line 1\r\nline 2\r\n\u00c8 \u{1F680}\n'};
    const project = buildSandboxProject('02-before-fix', phase, withCrlf, await phaseTrackedFiles('02-before-fix'), 'it', fileSources);
    expect(project.files['notes.txt']).toBe('line 1\r\nline 2\r\n\u00c8 \u{1F680}\n');
    const zipped = unzipSync(zipProject('x', project.files))['x/notes.txt'];
    expect(zipped && strFromU8(zipped)).toBe('line 1\r\nline 2\r\n\u00c8 \u{1F680}\n');
  });

  it('refuses a phase without package.json, scripts or with a file where the tooling goes', async () => {
    const files = await phaseFiles('02-before-fix');
    const tracked = await phaseTrackedFiles('02-before-fix');
    const {['package.json']: _pkg, ...noPackage} = files;
    expect(() => buildSandboxProject('p', phase, noPackage, tracked, 'it', fileSources)).toThrow(/package.json/);
    const noTest = {...files, 'package.json': JSON.stringify({scripts: {demo: 'node x.js'}})};
    expect(() => buildSandboxProject('p', phase, noTest, tracked, 'it', fileSources)).toThrow(/"test"/);
    expect(() => buildSandboxProject('p', phase, {...files, '.nvmrc': '20\n'}, tracked, 'it', fileSources)).toThrow(/reserved/);
    expect(() => buildSandboxProject('p', phase, {...files, [SANDBOX_README]: 'x'}, tracked, 'it', fileSources)).toThrow(/reserved/);
  });

  it('titles the project in the reader\u2019s language', async () => {
    const files = await phaseFiles('02-before-fix');
    const tracked = await phaseTrackedFiles('02-before-fix');
    expect(buildSandboxProject('02-before-fix', phase, files, tracked, 'it', fileSources).title).toContain('Corso Git');
    expect(buildSandboxProject('02-before-fix', phase, files, tracked, 'en', fileSources).title).toContain('Course');
  });
});

describe.each(Object.keys(exercises))('the exercise project of %s', (id) => {
  const exercise = exercises[id]!;

  it.each(locales)('has its goals (solutions with their files put in), its tests and the checker (%s)', async (locale) => {
    const {project} = await sandboxAsset(id as keyof typeof phases, locale);
    const data = JSON.parse(project.files[EXERCISE_FILE] ?? '') as ExerciseFile;
    expect(data.locale).toBe(locale);
    expect(data.exercise).toStrictEqual({...exercise, goals: exercise.goals.map((goal) => ({...goal, solution: expandSolution(goal.solution, readExampleFile)}))});
    expect(JSON.stringify(data.exercise)).not.toContain('%include');
    for (const [file, source] of Object.entries(exercise.tests)) {
      expect(data.tests[file], file).toBe(readExampleFile(source));
      expect(project.files[file], `${file} in the project, for npm test`).toBe(readExampleFile(source));
    }
    expect(data.testsHash).toMatch(/^[0-9a-f]{40}$/);
    const pkg = JSON.parse(project.files['package.json'] ?? '') as {scripts: Record<string, string>};
    expect(pkg.scripts).toMatchObject({check: `node ${CHECK_SCRIPT}`, solution: `node ${CHECK_SCRIPT} --solution`});
    expect(project.files[CHECK_SCRIPT]).toBe(readExampleFile('tooling/check.mjs'));
    // The checker as in examples/tooling, but importing the engine vendored beside it.
    const checker = readExampleFile('tooling/exercise-check.mjs');
    expect(project.files[CHECKER_MODULE]).toBe(checker.replaceAll('../../packages/sandbox-git/src/', './sandbox-git/src/'));
    expect(project.files[CHECKER_MODULE]).not.toContain('../../packages');
    for (const [, module] of project.files[CHECKER_MODULE]!.matchAll(/from '\.\/(sandbox-git\/src\/[^']+)'/g)) {
      expect(project.files[`.sandbox/${module}`], module).toBeDefined();
    }
    // The exercise's tests are the learner's files, not the repository's.
    const history = JSON.parse(project.files[HISTORY_FILE] ?? '') as HistoryFile;
    expect(history.exclude).toEqual(expect.arrayContaining(Object.keys(exercise.tests)));
    const readme = project.files[SANDBOX_README] ?? '';
    expect(readme).toContain(locale === 'it' ? "## L'esercizio" : '## The exercise');
    expect(readme).toContain(exercise.task[locale]);
  });

  it('refuses a phase whose own test file differs from the exercise\u2019s at the same path', async () => {
    const files = {...(await phaseFiles(id as keyof typeof phases))};
    const [file] = Object.keys(exercise.tests);
    files[file!] = '// another test\n';
    expect(() => buildSandboxProject(id, phases[id as keyof typeof phases], files, new Set(), 'it', fileSources, exercise)).toThrow(/is not the exercise's/);
  });
});
