/**
 * The playground's repository for a phase is the phase's repository: seeded from the asset the
 * page downloads, it has the refs, objects and working tree the engine's replay
 * (`phaseRepository.ts`) has, and the HEAD and refs real git builds from the same script.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {MemoryFs, runGit} from '../../../packages/sandbox-git/src/index.js';
import {replayPhaseRepository, PHASE_REPO_DIR} from '../../../examples/ecommerce/phaseRepository';
import {phases, type PhaseId} from '../../../examples/ecommerce/phases';
import {readExampleFile} from '../../../examples/readExample';
import {REAL_GIT} from '../../../scripts/git-parity/engines';
import {playgroundAsset} from '../../plugins/sandbox-projects/assets';
import {projectDir, seedRepository} from './seed';
import {restoreSnapshot, takeSnapshot} from './snapshot';

const temp = mkdtempSync(path.join(tmpdir(), 'playground-seed-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

/** `refname oid` lines of a MemoryFs repository, as `git for-each-ref` and HEAD give them. */
async function engineRefs(fs: MemoryFs, dir: string): Promise<string> {
  let out = '';
  const ctx = {fs, cwd: dir, env: {HOME: '/nowhere', GIT_CONFIG_NOSYSTEM: '1'}, now: () => 0, tzOffset: () => 0, stdout: (t: string) => void (out += t), stderr: () => {}};
  const refs = Object.keys(fs.files(`${dir}/.git/refs`)).map((r) => `refs/${r}`).sort();
  for (const ref of ['HEAD', ...refs]) {
    out += `${ref} `;
    expect(await runGit(['rev-parse', ref], ctx)).toBe(0);
  }
  return out;
}


describe.each(Object.keys(phases) as PhaseId[])('the playground repository of %s', (id) => {
  it('has the refs, objects and working tree of the phase', async () => {
    const asset = await playgroundAsset(id);
    const fs = new MemoryFs();
    const dir = projectDir(id);
    await seedRepository(asset, fs, dir);
    const replay = await replayPhaseRepository(phases[id], readExampleFile);

    const ours = fs.files(dir);
    const theirs = replay.fs.files(PHASE_REPO_DIR);
    const objects = (files: Record<string, string>) => Object.keys(files).filter((p) => p.startsWith('.git/objects/')).sort();
    expect(objects(ours)).toEqual(objects(theirs));
    expect(await engineRefs(fs, dir)).toBe(await engineRefs(replay.fs, PHASE_REPO_DIR));
    // The working tree: the phase's files, the tracked ones as the replay left them.
    for (const [file, text] of Object.entries(replay.worktree)) expect(ours[file], file).toBe(text);
    for (const [file, text] of Object.entries(asset.files)) expect(ours[file], file).toBe(text);
    expect(ours['.git/info/exclude']).toBe(`${asset.exclude.join('\n')}\n`);

    // Real git, from the same script and date: the same HEAD and refs.
    const real = path.join(temp, id);
    mkdirSync(real, {recursive: true});
    const env = {...process.env, HOME: temp, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: asset.date, GIT_COMMITTER_DATE: asset.date};
    for (const step of asset.steps) {
      if ('write' in step) {
        mkdirSync(path.dirname(path.join(real, step.write)), {recursive: true});
        writeFileSync(path.join(real, step.write), step.content);
      } else {
        try {
          execFileSync(REAL_GIT, step.git, {cwd: real, env, stdio: 'pipe'});
        } catch (error) {
          expect((error as {status?: number}).status, `git ${step.git.join(' ')}`).toBe(step.status);
        }
      }
    }
    const git = (...args: string[]) => execFileSync(REAL_GIT, args, {cwd: real, env, encoding: 'utf8'}).trim();
    const realRefs = git('for-each-ref', '--format=%(refname)').split('\n').filter(Boolean).sort();
    const realLine = ['HEAD', ...realRefs].map((ref) => `${ref} ${git('rev-parse', ref)}\n`).join('');
    expect(await engineRefs(fs, dir)).toBe(realLine);
  });
});

describe('a snapshot of the playground', () => {
  it('restores the same repository, and the engine goes on from it', async () => {
    const asset = await playgroundAsset('02-before-fix');
    const fs = new MemoryFs();
    const dir = projectDir('02-before-fix');
    await seedRepository(asset, fs, dir);
    // Through structured clone, as IndexedDB stores it.
    const stored = structuredClone(takeSnapshot(fs, {version: asset.version, cwd: dir, history: ['git status']}));
    const back = restoreSnapshot(stored);
    expect(back.files('/')).toEqual(fs.files('/'));
    expect(stored.history).toEqual(['git status']);
    const ctx = {fs: back, cwd: dir, env: {HOME: '/home/learner', GIT_CONFIG_NOSYSTEM: '1'}, now: () => Date.parse(asset.date), tzOffset: () => 0, stdout: () => {}, stderr: () => {}};
    await back.promises.writeFile(`${dir}/NEW.md`, 'new\n');
    expect(await runGit(['add', 'NEW.md'], ctx)).toBe(0);
    expect(await runGit(['commit', '-q', '-m', 'new'], ctx)).toBe(0);
    expect(Object.keys(back.files(dir)).filter((p) => p.startsWith('.git/objects/')).length).toBeGreaterThan(
      Object.keys(fs.files(dir)).filter((p) => p.startsWith('.git/objects/')).length,
    );
  });
});
