/**
 * The playground's prompt: the folder (`~` for the home) and, inside a repository, the checked-out
 * branch (or the short id of a detached HEAD), as git's own prompt script shows them.
 */
import type {FsLike} from '../../../packages/sandbox-git/src/fs.js';
import {dirname} from '../../../packages/sandbox-git/src/path.js';

/** The branch (or `abc1234...` when detached) of the repository holding `cwd`; undefined outside one. */
export async function currentBranch(fs: FsLike, cwd: string): Promise<string | undefined> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    let head: string | undefined;
    try {
      const data = (await fs.promises.readFile(`${dir === '/' ? '' : dir}/.git/HEAD`, 'utf8')) as string;
      head = typeof data === 'string' ? data : new TextDecoder().decode(data);
    } catch {
      head = undefined;
    }
    if (head !== undefined) {
      const ref = /^ref: refs\/heads\/(.+)$/m.exec(head);
      return ref ? ref[1]! : `${head.trim().slice(0, 7)}...`;
    }
    if (dir === '/') return undefined;
  }
}

export function promptText(cwd: string, home: string, branch: string | undefined): string {
  const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  return `${shown}${branch ? ` (${branch})` : ''} $ `;
}
