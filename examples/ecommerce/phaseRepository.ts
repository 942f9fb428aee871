/**
 * A phase's repository, built in memory by the sandbox's git from the phase's script
 * (`phaseScript.ts`): the same commits, trees and refs real git builds from the same commands (a
 * test of the lesson runner checks that for every phase), without a git binary or a temporary
 * folder. The materializer takes its working tree; the lesson runner, its history.
 */
import {MemoryFs, Repository, runScript} from '../../packages/sandbox-git/src/index.js';
import {inlineScript, phaseScript} from './phaseScript';
import {COURSE_DATE, type Phase} from './phases/types';

/** Where the repository is in its in-memory file system. */
export const PHASE_REPO_DIR = '/repo';

/** The environment of the course's commits: fixed dates, no user configuration. */
export const PHASE_ENV: Record<string, string> = {
  HOME: '/home/learner',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_DATE: COURSE_DATE,
  GIT_COMMITTER_DATE: COURSE_DATE,
};

export interface PhaseRepository {
  fs: MemoryFs;
  repo: Repository;
  /** Files of the working tree (the checked-out branch's), path -> text. */
  worktree: Record<string, string>;
}

/** Replays `phase` (files read with `read`) with the sandbox's git, in memory. */
export async function replayPhaseRepository(phase: Pick<Phase, 'history' | 'identity'>, read: (source: string) => string): Promise<PhaseRepository> {
  const fs = new MemoryFs({now: () => Date.parse(COURSE_DATE)});
  const ctx = {fs, cwd: PHASE_REPO_DIR, env: PHASE_ENV, now: () => Date.parse(COURSE_DATE), tzOffset: () => 0};
  await runScript(inlineScript(phaseScript(phase), read), ctx);
  const repo = await Repository.open({...ctx, stdout: () => {}, stderr: () => {}});
  const worktree = Object.fromEntries(Object.entries(fs.files(PHASE_REPO_DIR)).filter(([path]) => !path.startsWith('.git/')));
  return {fs, repo, worktree};
}
