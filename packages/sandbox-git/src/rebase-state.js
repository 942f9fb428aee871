/**
 * The state of a rebase in progress, as git keeps it in `.git/rebase-merge` (read by `git status` and
 * `git branch` too).
 */

const STATE = 'rebase-merge';

/** @param {import('./repo.js').Repository} repo */
export const stateDir = (repo) => `${repo.gitdir}/${STATE}`;

/**
 * @typedef {object} RebaseState
 * @property {string} headName  `refs/heads/x`, or `detached HEAD`
 * @property {string} onto
 * @property {string} origHead
 * @property {string[]} todo  `pick <oid> <subject>` lines still to do
 * @property {string[]} done  lines done (the last one is the stopped one)
 * @property {number} total
 */

/** @param {import('./repo.js').Repository} repo @returns {Promise<RebaseState | undefined>} */
export async function readRebaseState(repo) {
  const dir = stateDir(repo);
  const read = async (/** @type {string} */ name) => (await repo.files.readText(`${dir}/${name}`))?.replace(/\n$/, '');
  const headName = await read('head-name');
  if (headName === undefined) return undefined;
  const lines = (/** @type {string | undefined} */ text) => (text ?? '').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  return {
    headName,
    onto: (await read('onto')) ?? '',
    origHead: (await read('orig-head')) ?? '',
    todo: lines(await read('git-rebase-todo')),
    done: lines(await read('done')),
    total: Number((await read('end')) ?? '0'),
  };
}

