/**
 * The two git engines the course runs its commands with: real git (the lesson runner's, CI's) and
 * the sandbox's (`packages/sandbox-git`), each as the command a shell runs for `git`.
 */
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SANDBOX_GIT_BIN = path.join(REPO_ROOT, 'packages/sandbox-git/bin/git.js');

export type EngineName = 'git' | 'sandbox-git';

/** The real git binary, found on PATH without node_modules/.bin (where the sandbox's could be). */
export const REAL_GIT: string = (() => {
  for (const dir of (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(path.delimiter)) {
    if (dir.includes(`node_modules${path.sep}.bin`) || dir.includes('git-journal')) continue;
    const candidate = path.join(dir, 'git');
    if (existsSync(candidate)) {
      try {
        if (/^git version /.test(execFileSync(candidate, ['--version'], {encoding: 'utf8'}))) return candidate;
      } catch {
        // not a git
      }
    }
  }
  return 'git';
})();

/** The argv prefix that runs an engine: `[/usr/bin/git]` or `[node, .../bin/git.js]`. */
export function engineCommand(engine: EngineName): string[] {
  return engine === 'git' ? [REAL_GIT] : [process.execPath, SANDBOX_GIT_BIN];
}
