/**
 * The static assets of every phase, for one locale: `<phase>.json` (what the Sandbox card sends
 * to StackBlitz) and `<phase>.zip` (the same files, to run locally). Both are generated from the
 * same `SandboxProject`, so they cannot drift apart.
 */
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {strToU8, zipSync, type Zippable} from 'fflate';
import {exercises} from '../../../examples/ecommerce/exercises';
import {phases, type Phase, type PhaseId} from '../../../examples/ecommerce/phases';
import {phaseFiles, phaseTrackedFiles} from '../../../examples/ecommerce/materialize';
import {EXAMPLES_DIR, readExampleFile} from '../../../examples/readExample';
import {inlineScript, phaseScript} from '../../../examples/ecommerce/phaseScript';
import {COURSE_DATE} from '../../../examples/ecommerce/phases/types';
import {playgroundAssetName, type PlaygroundAsset} from '../../lib/playgroundRepo/asset';
import {buildSandboxProject, SANDBOX_GIT_COMMANDS, type Locale, type SandboxProject, type SandboxSources} from './buildProject';

export {EXAMPLES_DIR};

/** The sandbox's git package, as it is vendored in each project. */
export const ENGINE_PACKAGE_DIR = path.resolve(EXAMPLES_DIR, '../packages/sandbox-git');

/**
 * What the sandbox needs of the engine package: its package.json, README and every `.js` file of
 * `bin/` and `src/` (tests and test helpers are TypeScript and stay home).
 */
export function readEngineFiles(root: string = ENGINE_PACKAGE_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (rel.endsWith('.js')) files[rel] = readFileSync(path.join(root, rel), 'utf8');
    }
  };
  for (const name of ['package.json', 'README.md']) files[name] = readFileSync(path.join(root, name), 'utf8');
  walk('bin');
  walk('src');
  return files;
}

let engineFiles: Record<string, string> | undefined;

export const fileSources: SandboxSources = {
  readExample: readExampleFile,
  readTooling: (name) => readExampleFile(`tooling/${name}`),
  engineFiles: () => (engineFiles ??= readEngineFiles()),
};

/** What `static/sandbox/<phase>.json` holds: read by the Sandbox card after the click. */
export interface SandboxAsset {
  phase: string;
  openFile: string;
  project: SandboxProject;
}

/** Fixed entry date: the same sources always give the same zip bytes. */
const ZIP_DATE = new Date(Date.UTC(2026, 10, 27, 17, 0, 0));

export function phaseIds(): PhaseId[] {
  return Object.keys(phases) as PhaseId[];
}

export async function sandboxAsset(id: PhaseId, locale: Locale, sources: SandboxSources = fileSources): Promise<SandboxAsset> {
  const phase: Phase = phases[id];
  return {
    phase: id,
    // The phase's file first, the sandbox's README beside it.
    openFile: `${phase.openFile},SANDBOX.md`,
    project: buildSandboxProject(id, phase, await phaseFiles(id), await phaseTrackedFiles(id), locale, sources, exercises[id]),
  };
}

/**
 * The in-page playground's asset for a phase: the same script and files the sandbox project
 * carries (its `.sandbox/history.json` and the phase's files), without the sandbox's tooling.
 */
export async function playgroundAsset(id: PhaseId, sources: SandboxSources = fileSources): Promise<PlaygroundAsset> {
  const phase: Phase = phases[id];
  const files = await phaseFiles(id);
  const tracked = await phaseTrackedFiles(id);
  const others = Object.fromEntries(Object.entries(files).filter(([p]) => !tracked.has(p)));
  const exclude = [...Object.keys(others).filter((p) => !(p in phase.untracked)), 'node_modules/', 'package-lock.json'].sort();
  const body = {
    phase: id,
    lesson: phase.lesson,
    date: COURSE_DATE,
    steps: inlineScript(phaseScript(phase), (source) => sources.readExample(source)),
    files: others,
    exclude,
  };
  const version = createHash('sha1').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return {...body, version};
}

/** A zip whose single top folder is named after the phase (`unzip x.zip && cd x`). */
export function zipProject(folder: string, files: Record<string, string>): Uint8Array {
  const entries: Zippable = {};
  for (const [filePath, contents] of Object.entries(files)) {
    entries[`${folder}/${filePath}`] = [strToU8(contents), {mtime: ZIP_DATE}];
  }
  return zipSync(entries, {level: 9});
}

/** File name (relative to the `sandbox/` folder of the locale's site) -> bytes. */
export async function buildAssets(locale: Locale, sources: SandboxSources = fileSources): Promise<Map<string, Uint8Array>> {
  const assets = new Map<string, Uint8Array>();
  for (const id of phaseIds()) {
    const asset = await sandboxAsset(id, locale, sources);
    assets.set(`${id}.json`, strToU8(JSON.stringify(asset)));
    assets.set(`${id}.zip`, zipProject(id, asset.project.files));
    assets.set(playgroundAssetName(id), strToU8(JSON.stringify(await playgroundAsset(id, sources))));
  }
  return assets;
}

/**
 * Global data of the plugin (`usePluginData('sandbox-projects')`): per phase, whether it has a
 * demo and whether it is where an exercise starts (the card is then "Try it yourself", with
 * `npm run check`); the sandbox git's commands, for the card.
 */
export interface SandboxCardData {
  phases: Record<string, {demo: boolean; exercise: boolean}>;
  gitCommands: string[];
}

export async function sandboxCardData(): Promise<SandboxCardData> {
  const entries: [string, {demo: boolean; exercise: boolean}][] = [];
  for (const id of phaseIds()) {
    const pkg = JSON.parse((await phaseFiles(id))['package.json'] ?? '{}') as {scripts?: Record<string, string>};
    entries.push([id, {demo: Boolean(pkg.scripts?.demo), exercise: Object.hasOwn(exercises, id)}]);
  }
  return {phases: Object.fromEntries(entries), gitCommands: [...SANDBOX_GIT_COMMANDS]};
}
