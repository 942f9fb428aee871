/**
 * The worktrees of a repository: the main one and those `git worktree add` linked
 * (`<common dir>/worktrees/<id>/`, each with its own HEAD and index), as git lists them.
 */
import {RefStore} from './refs.js';
import {basename, dirname, join} from './path.js';

/**
 * @typedef {object} WorktreeInfo
 * @property {string} path     the worktree's folder
 * @property {string} gitdir   its git dir (`.git` for the main one, `.git/worktrees/<id>` for a linked one)
 * @property {string | undefined} id  the linked worktree's folder name under `worktrees/`
 * @property {string | undefined} branch   `refs/heads/x` when HEAD names a branch
 * @property {string | undefined} oid      HEAD's commit
 */

/** @param {import('./repo.js').Repository} repo @returns {Promise<WorktreeInfo[]>} */
export async function listWorktrees(repo) {
  /** @type {WorktreeInfo[]} */
  const list = [];
  const files = repo.files;
  const headOf = async (/** @type {string} */ gitdir) => new RefStore(files, {gitdir, commondir: repo.commondir}).head();
  if (basename(repo.commondir) === '.git') {
    const head = await headOf(repo.commondir);
    list.push({path: dirname(repo.commondir), gitdir: repo.commondir, id: undefined, branch: head.branch, oid: head.oid});
  }
  for (const id of await files.readdir(join(repo.commondir, 'worktrees'))) {
    const gitdir = join(repo.commondir, 'worktrees', id);
    const pointer = (await files.readText(join(gitdir, 'gitdir')))?.trim();
    if (!pointer) continue;
    const head = await headOf(gitdir);
    list.push({path: dirname(pointer), gitdir, id, branch: head.branch, oid: head.oid});
  }
  return list;
}

/**
 * The other worktree that has `branch` (`refs/heads/x`) checked out, if any.
 * @param {import('./repo.js').Repository} repo @param {string} branch
 */
export async function checkedOutElsewhere(repo, branch) {
  return (await listWorktrees(repo)).find((wt) => wt.branch === branch && wt.gitdir !== repo.gitdir);
}
