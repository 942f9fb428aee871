/**
 * The diagram's text twin: `git log --graph --oneline --all --decorate` as the course's git
 * engine prints it (the same output the lessons' `text gitlog` blocks show), for a screen reader
 * and for anyone who reads history better as text.
 */
import {runGit} from '../../../packages/sandbox-git/src/cli.js';
import type {RepoLocation} from './read';
import {TEXT_TWIN_ARGS} from './types';

/**
 * The engine's output of TEXT_TWIN_ARGS in `dir`, without trailing blanks; '' when git has
 * nothing to show (no repository, no commits yet) — the diagram says why in words then.
 */
export async function textTwin({fs, dir, env}: RepoLocation): Promise<string> {
  let out = '';
  const code = await runGit([...TEXT_TWIN_ARGS], {
    fs,
    cwd: dir,
    env: env ?? {},
    now: () => Date.now(),
    tzOffset: () => 0,
    stdout: (text) => void (out += text),
    stderr: () => {},
  });
  if (code !== 0) return '';
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
