/**
 * "The payload runs": each phase's sandbox project, written to an empty folder, installs from the
 * npm registry (exact versions), recreates its git history on install, passes its own tests and
 * prints its branches and tag. Network: the npm registry only.
 */
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {phases, type Phase} from '../../../examples/ecommerce/phases';
import {EXAMPLES_DIR, phaseIds, sandboxAsset} from './assets';

const run = promisify(execFile);
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

// A clean npm environment: no NODE_OPTIONS preload from a parent, no user config.
const env = {...process.env, NODE_OPTIONS: '', npm_config_userconfig: '/dev/null', CI: '1'};
const npm = (dir: string, ...args: string[]) =>
  run('npm', args, {cwd: dir, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024});

describe.concurrent.each(phaseIds())('the sandbox project of %s', (id) => {
  it('installs, recreates its history, passes npm test, runs the demo and prints branches and tag', async () => {
    const phase: Phase = phases[id];
    const dir = mkdtempSync(path.join(os.tmpdir(), `sandbox-run-${id}-`));
    temps.push(dir);
    for (const [file, contents] of Object.entries(sandboxAsset(id, 'it').project.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), contents);
    }
    const install = await npm(dir, 'install', '--no-audit', '--no-fund', '--prefer-offline');
    expect(install.stdout).toMatch(/Cronologia git ricreata con isomorphic-git/);
    expect(existsSync(path.join(dir, '.git/HEAD'))).toBe(true);

    await npm(dir, 'test');

    if (phase.demo !== undefined) {
      const fastClock = path.join(EXAMPLES_DIR, 'tooling/fast-clock.cjs');
      const demo = await run('npm', ['run', 'demo'], {
        cwd: dir,
        env: {...env, NODE_OPTIONS: `--require ${fastClock}`},
        encoding: 'utf8',
      });
      expect(demo.stdout.length).toBeGreaterThan(0);
    }

    const {stdout: history} = await npm(dir, 'run', '--silent', 'history');
    const branches = new Set(['main']);
    for (const step of phase.history) {
      if (step.op === 'branch') branches.add(step.name);
      if (step.op === 'deleteBranch') branches.delete(step.name);
    }
    for (const branch of branches) expect(history).toMatch(new RegExp(`[(, ]${branch.replace('/', '\\/')}[,)]`));
    for (const step of phase.history) {
      if (step.op === 'tag') expect(history).toContain(`tag: ${step.name}`);
      if (step.op === 'commit') expect(history).toContain(` ${step.message.split('\n')[0]}\n`);
    }
  }, 240_000);
});
