/**
 * The static assets of every phase, for one locale: `<phase>.json` (what the Sandbox card sends
 * to StackBlitz) and `<phase>.zip` (the same files, to run locally). Both are generated from the
 * same `SandboxProject`, so they cannot drift apart.
 */
import {strToU8, zipSync, type Zippable} from 'fflate';
import {phases, type Phase, type PhaseId} from '../../../examples/ecommerce/phases';
import {phaseFiles} from '../../../examples/ecommerce/materialize';
import {EXAMPLES_DIR, readExampleFile} from '../../../examples/readExample';
import {buildSandboxProject, type Locale, type SandboxProject, type SandboxSources} from './buildProject';

export {EXAMPLES_DIR};

export const fileSources: SandboxSources = {
  readExample: readExampleFile,
  readTooling: (name) => readExampleFile(`tooling/${name}`),
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

export function sandboxAsset(id: PhaseId, locale: Locale, sources: SandboxSources = fileSources): SandboxAsset {
  const phase: Phase = phases[id];
  return {
    phase: id,
    openFile: phase.openFile,
    project: buildSandboxProject(id, phase, phaseFiles(id), locale, sources),
  };
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
export function buildAssets(locale: Locale, sources: SandboxSources = fileSources): Map<string, Uint8Array> {
  const assets = new Map<string, Uint8Array>();
  for (const id of phaseIds()) {
    const asset = sandboxAsset(id, locale, sources);
    assets.set(`${id}.json`, strToU8(JSON.stringify(asset)));
    assets.set(`${id}.zip`, zipProject(id, asset.project.files));
  }
  return assets;
}

/** Global data of the plugin (`usePluginData('sandbox-projects')`): per phase, whether it has a demo. */
export interface SandboxCardData {
  phases: Record<string, {demo: boolean}>;
}

export function sandboxCardData(): SandboxCardData {
  return {
    phases: Object.fromEntries(
      phaseIds().map((id) => {
        const pkg = JSON.parse(phaseFiles(id)['package.json'] ?? '{}') as {scripts?: Record<string, string>};
        return [id, {demo: Boolean(pkg.scripts?.demo)}];
      }),
    ),
  };
}
