/**
 * The journal records what parity compares: each command's argv, cwd, exit code, output and the
 * repository's state after it. Through its server (journal-server.mjs) and through the
 * shim alone (PARITY_ENGINE_PROCESS=1) it must record the same, and a change to any part of the
 * repository must show in the state.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {zoneOffset} from './journal-server.mjs';
import {type EngineName} from './engines';
import {createJournal, readJournal, type JournalEntry} from './journal';
import {parityEnv} from './scenario';

const run = promisify(execFile);
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, {recursive: true, force: true}))));

const SCRIPT = `git init -q shop && cd shop
git config user.name Dev && git config user.email dev@example.com
printf 'a\\n' > a.txt && mkdir -p src && printf 'b\\n' > src/b.js && chmod +x src/b.js
git add . && git commit -qm first
git switch -qc topic && printf 'c\\n' >> a.txt && git commit -qam second
git switch -q - && printf 'z\\n' > a.txt && git commit -qam third
git merge topic || true
git status --short
printf 'untracked\\n' > notes.txt
git status --short
`;

async function journal(engine: EngineName, viaServer: boolean): Promise<{entries: JournalEntry[]; root: string}> {
  const root = await mkdtemp(path.join(os.tmpdir(), `journal-${engine}-`));
  temps.push(root);
  const before = process.env.PARITY_ENGINE_PROCESS;
  if (viaServer) delete process.env.PARITY_ENGINE_PROCESS;
  else process.env.PARITY_ENGINE_PROCESS = '1';
  const bin = await createJournal(path.join(root, 'journal'), engine);
  if (before === undefined) delete process.env.PARITY_ENGINE_PROCESS;
  else process.env.PARITY_ENGINE_PROCESS = before;
  const work = path.join(root, 'work');
  await run('mkdir', ['-p', work, path.join(root, 'home')]);
  await run('bash', ['-c', SCRIPT], {cwd: work, env: parityEnv(path.join(root, 'home'), bin)});
  const entries = (await readJournal(path.join(root, 'journal'))).map((entry) => ({
    ...entry,
    cwd: entry.cwd.split(root).join('<root>'),
    stdout: entry.stdout.split(root).join('<root>'),
    stderr: entry.stderr.split(root).join('<root>'),
    state: entry.state.split(root).join('<root>'),
  }));
  return {entries, root};
}

describe('the parity journal', () => {
  it('records the same through its server as through the shim alone, for both engines', {timeout: 240_000}, async () => {
    const [serverGit, shimGit, serverSandbox, shimSandbox] = await Promise.all([
      journal('git', true),
      journal('git', false),
      journal('sandbox-git', true),
      journal('sandbox-git', false),
    ]);
    expect(serverGit.entries.map((entry) => entry.argv[0])).toEqual(['init', 'config', 'config', 'add', 'commit', 'switch', 'commit', 'switch', 'commit', 'merge', 'status', 'status']);
    expect(serverGit.entries).toEqual(shimGit.entries);
    expect(serverSandbox.entries).toEqual(shimSandbox.entries);
    // And the engines agree with each other here, conflict included.
    expect(serverSandbox.entries).toEqual(serverGit.entries);
  });

  it('records every part of the repository the commands change', {timeout: 120_000}, async () => {
    const {entries} = await journal('git', true);
    const states = entries.map((entry) => entry.state);
    const merge = entries.find((entry) => entry.argv[0] === 'merge')!;
    expect(merge.code).toBe(1);
    expect(merge.stdout).toContain('CONFLICT (content): Merge conflict in a.txt');
    expect(merge.state).toMatch(/^MERGE_HEAD:\n[0-9a-f]{40}\n/m);
    expect(merge.state).toMatch(/^index:\n(.*\n)*100644 [0-9a-f]{40} 1\ta\.txt$/m);
    expect(merge.state).toMatch(/^[0-9a-f]{40} x \.\/src\/b\.js$/m);
    // `git init shop` runs outside any repository; from `git config` on, the state is shop's.
    expect(states[0]).toBe('(no repository)\n');
    expect(states[1]).toMatch(/^HEAD: ref: refs\/heads\/master$/m);
    // The two `git status --short` differ only by the untracked file written between them.
    const [first, second] = entries.filter((entry) => entry.argv[0] === 'status');
    expect(first!.state).not.toBe(second!.state);
    expect(second!.state).toContain(' - ./notes.txt');
    expect(second!.stdout).toContain('?? notes.txt');
  });

  it('gives the engine the shim\'s time zone', () => {
    const ms = Date.UTC(2026, 6, 1);
    expect(zoneOffset('UTC', ms)).toBe(0);
    expect(zoneOffset('Europe/Rome', ms)).toBe(120);
    expect(zoneOffset('America/New_York', Date.UTC(2026, 0, 1))).toBe(-300);
  });
});
