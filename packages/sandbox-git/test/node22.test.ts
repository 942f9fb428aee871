/**
 * The engine's tests under Node 22, the Node that WebContainers run (the machine's Node, 20, runs
 * them in the main suite). Node 22 comes from the npm registry (the `node-<platform>-<arch>`
 * package, cached in node_modules/.cache), or from SANDBOX_GIT_NODE22. Needs the registry once:
 * `SKIP_PHASE_INSTALL=1` skips it locally, never when `CI` is set.
 */
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {promisify, stripVTControlCharacters} from 'node:util';
import {describe, expect, it} from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const VERSION = '22.22.0';
const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');
const skip = process.env.SKIP_PHASE_INSTALL === '1' && !inCI && !process.env.SANDBOX_GIT_NODE22;

/** A Node 22 binary: given, cached, or fetched from the registry into the cache. */
async function node22(): Promise<string> {
  if (process.env.SANDBOX_GIT_NODE22) return process.env.SANDBOX_GIT_NODE22;
  const cache = path.join(ROOT, 'node_modules/.cache/sandbox-git-node22');
  const binary = path.join(cache, 'package/bin/node');
  if (existsSync(binary)) return binary;
  mkdirSync(cache, {recursive: true});
  await run('npm', ['pack', `node-${process.platform}-${process.arch}@${VERSION}`, '--silent'], {cwd: cache, maxBuffer: 16 * 1024 * 1024});
  const tarball = readdirSync(cache).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack gave no tarball');
  await run('tar', ['xzf', tarball], {cwd: cache});
  return binary;
}

describe.skipIf(skip)('the sandbox git under Node 22', () => {
  it('passes its own tests', {timeout: 600_000}, async () => {
    const node = await node22();
    const {stdout: version} = await run(node, ['--version']);
    expect(version.trim()).toMatch(/^v22\./);
    const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
    const {stdout: printed} = await run(node, [vitest, 'run', '--config', 'vitest.config.ts'], {
      cwd: path.join(ROOT, 'packages/sandbox-git'),
      env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1'},
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: {stdout?: string; stderr?: string}) => {
      throw new Error(`the engine's tests fail under Node ${version.trim()}:\n${(error.stdout ?? '').slice(-4000)}\n${(error.stderr ?? '').slice(-2000)}`);
    });
    // Colours are asked off, but vitest may still colour under CI: read the text without them.
    const stdout = stripVTControlCharacters(printed);
    expect(stdout).toMatch(/Tests\s+\d+ passed/);
    expect(stdout).not.toMatch(/failed/);
    console.log(`[node22] ${version.trim()}: ${/Tests\s+(\d+) passed/.exec(stdout)?.[0]}`);
  });
});
