/**
 * Builds a phase's repository in the playground's file system: the project's files, then the
 * phase's script run by the course's engine at the course's fixed date (so the commit ids equal
 * the page's, the sandbox's and real git's), then `.git/info/exclude`, exactly as the StackBlitz
 * sandbox's setup does (`examples/tooling/setup.mjs`).
 */
import {runScript, type MemoryFs} from '../../../packages/sandbox-git/src/index.js';
import {Files} from '../../../packages/sandbox-git/src/fs.js';
import {join} from '../../../packages/sandbox-git/src/path.js';
import type {PlaygroundAsset} from './asset';

/** The learner's home in the playground; each phase's project is a folder in it. */
export const PLAYGROUND_HOME = '/home/learner';

/** The project folder of a phase (the name `unzip <phase>.zip` gives it too). */
export const projectDir = (phase: string) => `${PLAYGROUND_HOME}/${phase}`;

/** The environment of the learner's shell and git: no system or user configuration to read. */
export function playgroundEnv(): Record<string, string> {
  return {HOME: PLAYGROUND_HOME, USER: 'learner', GIT_CONFIG_NOSYSTEM: '1', LANG: 'C.UTF-8'};
}

/** Minutes east of UTC at `ms`, in git's sign, from the browser's zone. */
export const localTzOffset = (ms: number) => -new Date(ms).getTimezoneOffset();

export async function seedRepository(asset: PlaygroundAsset, fs: MemoryFs, dir = projectDir(asset.phase)): Promise<void> {
  const files = new Files(fs);
  await files.mkdirp(dir);
  for (const [path, content] of Object.entries(asset.files)) await files.write(join(dir, path), content);
  const fixed = Date.parse(asset.date);
  await runScript(asset.steps, {
    fs,
    cwd: dir,
    env: {...playgroundEnv(), GIT_AUTHOR_DATE: asset.date, GIT_COMMITTER_DATE: asset.date},
    now: () => fixed,
    tzOffset: localTzOffset,
  });
  await files.write(join(dir, '.git/info/exclude'), `${asset.exclude.join('\n')}\n`);
}
