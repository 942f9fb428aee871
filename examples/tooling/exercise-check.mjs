/**
 * STUB, replaced by issue 18's checker when its branch is merged (this file is deleted then):
 * `checkExercise(exercise, {fs, dir, runTests?})` as the contract says, for the stub exercise's
 * kinds of goal only, through the sandbox's git.
 */
import {runGit} from '../../packages/sandbox-git/src/index.js';

/** @param {{fs: any, dir: string}} where @param {string[]} argv */
async function git(where, argv) {
  let out = '';
  const code = await runGit(argv, {fs: where.fs, cwd: where.dir, env: {HOME: '/nowhere', GIT_CONFIG_NOSYSTEM: '1'}, now: () => Date.now(), tzOffset: () => 0, stdout: (t) => void (out += t), stderr: () => {}});
  return {code, out};
}

/**
 * @param {import('../ecommerce/exercises/types').Exercise} exercise
 * @param {{fs: any, dir: string, runTests?: () => Promise<boolean>}} options
 * @returns {Promise<import('../ecommerce/exercises/types').GoalResult[]>}
 */
export async function checkExercise(exercise, options) {
  /** @type {import('../ecommerce/exercises/types').GoalResult[]} */
  const results = [];
  for (const goal of exercise.goals) {
    const check = /** @type {any} */ (goal.check);
    let met = false;
    if (goal.needsTests) {
      if (!options.runTests) {
        results.push({id: goal.id, status: 'skipped', found: {it: 'servono i test', en: 'needs the tests'}});
        continue;
      }
      met = await options.runTests();
    } else if (check.kind === 'branchHasSubject') {
      const {code, out} = await git(options, ['log', '--format=%s', check.branch]);
      met = code === 0 && out.split('\n').includes(check.subject);
    } else if (check.kind === 'annotatedTag') {
      const {code, out} = await git(options, ['show', '-s', '--format=%H', check.name]);
      met = code === 0 && out.startsWith(`tag ${check.name}\n`);
    } else if (check.kind === 'noBranch') {
      met = (await git(options, ['rev-parse', '--verify', '-q', `refs/heads/${check.branch}`])).code !== 0;
    }
    results.push({id: goal.id, status: met ? 'met' : 'unmet', found: met ? {it: 'fatto', en: 'done'} : {it: 'non ancora', en: 'not yet'}});
  }
  return results;
}
