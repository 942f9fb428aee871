/**
 * Each phase as a learner gets it (sandbox or zip): written to an empty folder, installed from
 * the npm registry, then `npm test` and `npm run demo` must pass there. Needs the registry.
 *
 * Locally, SKIP_PHASE_INSTALL=1 skips it for speed; in CI (CI set) it always runs.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify, stripVTControlCharacters} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {EXAMPLES_DIR, writePhase} from './materialize';
import {phases, type PhaseId} from './phases';

const run = promisify(execFile);
const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');
const skip = process.env.SKIP_PHASE_INSTALL === '1' && !inCI;
const FAST_CLOCK = path.join(EXAMPLES_DIR, 'tooling/fast-clock.cjs');

/** The environment of a fresh terminal: nothing of the npm script or vitest run that started us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy']);
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|COURSE_)/i.test(name) && !keep.has(name)) continue;
    if (['NODE_OPTIONS', 'NODE_ENV', 'TEST', 'INIT_CWD', 'FORCE_COLOR'].includes(name)) continue;
    env[name] = value;
  }
  return env;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

describe.skipIf(skip)('each phase as a standalone project', () => {
  it.concurrent.each(Object.keys(phases) as PhaseId[])(
    '%s: npm install, npm test and npm run demo pass in an empty folder',
    async (id) => {
      const dir = mkdtempSync(path.join(tmpdir(), `phase-${id}-`));
      dirs.push(dir);
      writePhase(id, dir);
      const env = cleanEnv();
      const step = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
        const started = performance.now();
        const {stdout} = await run('npm', args, {cwd: dir, env: {...env, ...extraEnv}, maxBuffer: 16 * 1024 * 1024});
        return {stdout: stripVTControlCharacters(stdout), seconds: ((performance.now() - started) / 1000).toFixed(1)};
      };

      const install = await step(['install', '--no-audit', '--no-fund']);
      const test = await step(['test']);
      expect(test.stdout).toMatch(/Test Files\s+\S*\s*\d+ passed/);
      expect(test.stdout).toContain('tests/paymentProcessor.test.ts');
      let demoSeconds = 'n/a';
      const script = phases[id].demo;
      if (script !== undefined) {
        // The demo waits real seconds by design: the preload compresses them, as in the lesson runner.
        const demo = await step(['run', 'demo'], {NODE_OPTIONS: `--require "${FAST_CLOCK}"`});
        expect(demo.stdout).toContain(`> node ${script}\n`);
        demoSeconds = demo.seconds;
      }
      console.log(`[phase ${id}] npm install ${install.seconds} s, npm test ${test.seconds} s, npm run demo ${demoSeconds} s`);
    },
    300_000,
  );
});
