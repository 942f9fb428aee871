/**
 * The lessons' exercises, as a learner meets them: the exercise's project (the sandbox payload,
 * its `.sandbox/check.mjs` and vendored engine) in a temporary folder, the take-over repository
 * built by the project's own setup (the sandbox's git) or by real git, then
 * - the lesson's own commands (each goal's `solution`, found verbatim in the lesson's bash blocks
 *   in both languages) typed through either engine: `npm run check` passes in Italian and
 *   English, exit 0;
 * - wrong solutions, each a script: the check fails exactly the goal that is not met, with its
 *   message, exit 1; other right routes (git-flow's `--no-ff`, any branch name) pass;
 * - odd repositories (no .git, no commits, detached HEAD, a branch deleted, a merge in progress,
 *   a tag elsewhere, `git gc`'s packfiles and packed refs, a missing object): a message, never a
 *   stack trace, a non-zero exit.
 * Passing test results are cached by tree (`EXERCISE_CHECK_CACHE`, one folder for the run), so a wrong
 * solution whose code is right costs no second vitest run.
 */
import {existsSync, promises as fsp, readdirSync, readFileSync, rmSync, unlinkSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {exercises} from '../../examples/ecommerce/exercises';
import {expandSolution} from '../../examples/ecommerce/exercises/solution';
import type {Exercise} from '../../examples/ecommerce/exercises/types';
import {replayPhaseRepository, PHASE_REPO_DIR} from '../../examples/ecommerce/phaseRepository';
import {phases, type PhaseId} from '../../examples/ecommerce/phases';
import {MemoryFs} from '../../packages/sandbox-git/src/index.js';
import {readExampleFile} from '../../examples/readExample';
import {checkExercise} from '../../examples/tooling/exercise-check.mjs';
import {readCourseLessons, LESSON_DIRS} from '../../src/plugins/course-lessons/catalog';
import {REPO_ROOT, type EngineName} from '../git-parity/engines';
import {extractLesson} from '../lesson-runner/extract';
import {bash, checkResults, cleanUp, copyProject, exerciseOf, runCheck, solutionScript, startProject} from './harness';

afterAll(cleanUp);
// The projects' setup writes a `git` into their node_modules/.bin: never into the repository's own,
// where it would become every later test's git (harness.ts, linkNodeModules).
afterAll(() => {
  expect(existsSync(path.resolve(__dirname, '../../node_modules/.bin/git'))).toBe(false);
});

const IDS = Object.keys(exercises) as PhaseId[];
const SLOW = 240_000;

/** Commands of some goals, files put in, as one script. */
const commandsOf = (exercise: Exercise, ...ids: string[]) =>
  ids.flatMap((id) => expandSolution(exercise.goals.find((goal) => goal.id === id)!.solution, readExampleFile)).join('\n');
/** A goal's solution with one command replaced (the wrong move a learner makes). */
const replacing = (exercise: Exercise, id: string, from: string, to: string) => {
  const text = commandsOf(exercise, id);
  if (!text.includes(from)) throw new Error(`${id}'s solution has no ${from}`);
  return text.replace(from, to);
};
const goalsExcept = (exercise: Exercise, ...skipped: string[]) => exercise.goals.map((goal) => goal.id).filter((id) => !skipped.includes(id));
/** No stack trace: no `    at fn (file:line)` line, no `Error:` dump. */
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]\d+|^\w*Error: /m);

describe('the exercises', () => {
  it('are one per lesson, each starting from its lesson\u2019s NN-exercise phase', () => {
    const lessons = readCourseLessons(REPO_ROOT, 'it').map((lesson) => lesson.id);
    expect(Object.values(exercises).map((exercise) => exercise.lesson).sort()).toEqual(lessons);
    for (const [id, exercise] of Object.entries(exercises)) {
      expect(id).toBe(`${exercise.lesson.slice(0, 2)}-exercise`);
      expect(exercise.phase).toBe(id);
      expect(phases[id as PhaseId].lesson).toBe(exercise.lesson);
      expect(new Set(exercise.goals.map((goal) => goal.id)).size, 'goal ids are unique').toBe(exercise.goals.length);
    }
  });

  it.each(IDS)('%s: starts where the phase\u2019s history leaves each branch (its commits as real git and the sandbox build them)', async (id) => {
    const {repo} = await replayPhaseRepository(phases[id], readExampleFile);
    const branches = Object.fromEntries((await repo.refs.list('refs/heads/')).map(({name, oid}) => [name.slice('refs/heads/'.length), oid]));
    expect(exerciseOf(id).start, `update start in examples/ecommerce/exercises/${exerciseOf(id).lesson}.ts`).toEqual(branches);
  });

  describe.each(IDS)('%s: every goal\u2019s solution is the lesson\u2019s own commands', (id) => {
    const exercise = exerciseOf(id);
    it.each(['it', 'en'] as const)('found verbatim in the lesson\u2019s bash blocks (%s)', (locale) => {
      const file = path.join(REPO_ROOT, LESSON_DIRS[locale], `${exercise.lesson}.mdx`);
      const blocks = extractLesson(readFileSync(file, 'utf8'), readExampleFile).flatMap((item) => (item.kind === 'bash' && !item.norun ? [`\n${item.code}\n`] : []));
      const missing = exercise.goals.flatMap((goal) =>
        expandSolution(goal.solution, readExampleFile)
          // A whole line (or lines) of a block, or a line's command before its `||` / `&&`.
          .filter((command) => !blocks.some((block) => block.includes(`\n${command}\n`) || block.includes(`\n${command} `)))
          .map((command) => `${goal.id}: ${command.split('\n')[0]}`),
      );
      expect(missing, `commands not in ${path.relative(REPO_ROOT, file)}`).toEqual([]);
    });
  });
});

/** The exercise solved with the lesson's commands through `engine`, once per run (later tests copy it). */
const solvedProjects = new Map<string, Promise<string>>();
function solvedProject(id: PhaseId, engine: EngineName, built: 'it' | 'en'): Promise<string> {
  const key = `${id} ${engine} ${built}`;
  let dir = solvedProjects.get(key);
  if (!dir) {
    dir = startProject(id, built, engine).then(async (project) => {
      await bash(project, solutionScript(exerciseOf(id)), engine);
      return project;
    });
    solvedProjects.set(key, dir);
  }
  return dir;
}

describe.each(IDS)('%s solved with the lesson\u2019s commands', (id) => {
  const exercise = exerciseOf(id);

  it.each([
    ['git', 'it'],
    ['sandbox-git', 'en'],
  ] as const)('with %s (project built in %s): npm run check passes in Italian and English, exit 0', async (engine, built) => {
    const dir = await solvedProject(id, engine, built);
    for (const [lang, locale] of [
      ['it_IT.UTF-8', 'it'],
      ['en_US.UTF-8', 'en'],
      ['C.UTF-8', built],
    ] as const) {
      const {code, stdout, stderr} = await runCheck(dir, lang);
      expect({code, stderr}, stdout).toEqual({code: 0, stderr: ''});
      const lines = stdout.trimEnd().split('\n');
      expect(lines.slice(0, exercise.goals.length).map((line) => line.split(' — ')[0])).toEqual(exercise.goals.map((goal) => `✔ ${goal.text[locale]}`));
      expect(lines.at(-1)).toBe(locale === 'it' ? 'Esercizio completato: ogni obiettivo è raggiunto.' : 'Exercise complete: every goal is met.');
    }
    const solution = await runCheck(dir, 'en_US.UTF-8', '--solution');
    expect(solution.stdout.trim()).toBe('Every goal is already met: nothing more to do.');
    // The page's playground calls the checker with no test runner: the tests' goals are skipped, the rest met.
    const results = await checkExercise(exercise, {fs: fsp, dir});
    expect(results.map((result) => result.status)).toEqual(exercise.goals.map((goal) => (goal.needsTests ? 'skipped' : 'met')));
  }, SLOW);

  it('npm run solution prints, at the start, the lesson\u2019s commands of the goals not met, in order', async () => {
    const dir = await startProject(id, 'it', 'git');
    const {results} = await checkResults(dir);
    const {code, stdout} = await runCheck(dir, 'it_IT.UTF-8', '--solution');
    expect(code).toBe(0);
    const expected = exercise.goals
      .filter((goal) => results[goal.id]!.status !== 'met')
      .map((goal) => `# ✘ ${goal.text.it}\n${goal.solution.length > 0 ? expandSolution(goal.solution, readExampleFile).join('\n') : `# (nessun comando della lezione da copiare: ${goal.hint.it})`}\n`);
    expect(stdout).toBe(`${expected.join('\n')}\n`);
  }, SLOW);
});

/** A wrong (or another right) route: the script, and the one goal it must fail (none: it passes). */
interface Route {
  name: string;
  script: (exercise: Exercise) => string;
  fails?: string;
  found?: RegExp;
}

const ROUTES: Record<string, Route[]> = {
  '02-exercise': [
    {
      name: 'branched from develop',
      script: (e) => [replacing(e, 'branched-from-main', 'git switch -c hotfix/payment-timeout-fix', 'git switch -c hotfix/payment-timeout-fix develop'), commandsOf(e, 'fix-tests', 'release-tag'), 'git switch main', 'git merge --no-edit hotfix/payment-timeout-fix', commandsOf(e, 'fix-in-develop', 'hotfix-branch-deleted')].join('\n'),
      fails: 'branched-from-main',
      found: /^the release \w{7} contains develop's commits \(9682e36\): the branch started from develop$/,
    },
    {
      name: 'tag not annotated',
      script: (e) => [commandsOf(e, 'branched-from-main', 'fix-tests'), 'git tag hotfix-v1.0.1', commandsOf(e, 'fix-in-main', 'fix-in-develop', 'hotfix-branch-deleted')].join('\n'),
      fails: 'release-tag',
      found: /^hotfix-v1\.0\.1 is a lightweight tag, with no message or author: it must be annotated$/,
    },
    {
      name: 'fix merged into main only',
      script: (e) => commandsOf(e, 'branched-from-main', 'fix-tests', 'release-tag', 'fix-in-main', 'hotfix-branch-deleted'),
      fails: 'fix-in-develop',
      found: /^develop \(9682e36\) does not contain the release 989c9a1$/,
    },
    {
      name: 'develop\u2019s work lost (develop reset to main)',
      script: (e) => `${solutionScript(e)}\ngit switch develop\ngit reset -q --hard main`,
      fails: 'develop-wip-kept',
      found: /^develop \(989c9a1\) no longer contains its commits \(9682e36\): it was moved back$/,
    },
    {
      name: 'fix committed but tests still failing (only the timeout raised)',
      script: (e) =>
        [
          commandsOf(e, 'branched-from-main'),
          "sed -i 's/this.timeout = 30000/this.timeout = 60000/' src/payment/paymentProcessor.js",
          'git commit -q -am "hotfix: raise the payment timeout"',
          commandsOf(e, 'release-tag', 'fix-in-main', 'fix-in-develop', 'hotfix-branch-deleted'),
        ].join('\n'),
      fails: 'fix-tests',
      found: /^\d+ of \d+ tests fail on commit \w{7}, for example “.+”$/,
    },
    {
      name: 'tag on develop\u2019s merge, not on the release',
      script: (e) => [commandsOf(e, 'branched-from-main', 'fix-tests', 'fix-in-main', 'fix-in-develop'), `git tag -a hotfix-v1.0.1 develop -m "Hotfix v1.0.1"`, commandsOf(e, 'hotfix-branch-deleted')].join('\n'),
      fails: 'release-tag',
      found: /^hotfix-v1\.0\.1 points at \w{7}, which is not on main$/,
    },
    {
      name: 'hotfix branch left',
      script: (e) => commandsOf(e, ...goalsExcept(e, 'hotfix-branch-deleted')),
      fails: 'hotfix-branch-deleted',
      found: /^other branches are left: hotfix\/payment-timeout-fix$/,
    },
    {
      name: 'git-flow: --no-ff into main, tag on main after the merge, another hotfix/* name',
      script: (e) =>
        [
          'git switch -c hotfix/payments',
          ...expandSolution(e.goals.find((goal) => goal.id === 'fix-tests')!.solution, readExampleFile),
          'git switch main',
          'git merge --no-ff --no-edit hotfix/payments',
          'git tag -a hotfix-v1.0.1 -m "Hotfix v1.0.1: Payment timeout resolution"',
          'git switch develop',
          'git merge --no-ff --no-edit hotfix/payments',
          'git branch -d hotfix/payments',
        ].join('\n'),
    },
  ],
  '01-exercise': [
    {
      name: 'fast-forward instead of --no-ff',
      script: (e) => [commandsOf(e, 'synced-with-develop', 'cart-tests'), 'git switch develop', 'git merge feature/advanced-cart', commandsOf(e, 'feature-branch-deleted')].join('\n'),
      fails: 'merged-no-ff',
      found: /^src\/cart\/advancedCart\.js is in develop without a merge commit \(a fast-forward or a direct commit\)$/,
    },
    {
      name: 'conflict resolved on develop, the feature never updated',
      script: (e) =>
        [
          commandsOf(e, 'cart-tests'),
          'git switch develop',
          'git merge --no-ff --no-edit feature/advanced-cart',
          replacing(e, 'synced-with-develop', 'git merge develop\n', ''),
          commandsOf(e, 'feature-branch-deleted'),
        ].join('\n'),
      fails: 'synced-with-develop',
      found: /^the merged branch \(\w{7}\) did not contain develop \(9851fe9\): the conflict was resolved on develop$/,
    },
    {
      name: 'conflict resolved by keeping the feature\u2019s side (marketing\u2019s 30% lost)',
      script: (e) =>
        ['git merge develop', 'git checkout --ours src/cart/cartConfig.js', 'git add src/cart/cartConfig.js', 'git commit -q --no-edit', commandsOf(e, 'cart-tests', 'merged-no-ff', 'feature-branch-deleted')].join('\n'),
      fails: 'cart-tests',
      found: /^\d+ of \d+ tests fail on commit \w{7}, for example “.+”$/,
    },
    {
      name: 'conflict markers committed',
      script: (e) => ['git merge develop', 'git add src/cart/cartConfig.js', 'git commit -q --no-edit', commandsOf(e, 'cart-tests', 'merged-no-ff', 'feature-branch-deleted')].join('\n'),
      fails: 'cart-tests',
      found: /^\d+ of \d+ tests fail on commit \w{7}/,
    },
    {
      name: 'the feature merged into main too',
      script: (e) => `${solutionScript(e)}\ngit switch main\ngit merge develop\ngit switch develop`,
      fails: 'main-untouched',
      found: /^main moved from e83d492 to 17e754f$/,
    },
    {
      name: 'feature branch left',
      script: (e) => commandsOf(e, ...goalsExcept(e, 'feature-branch-deleted')),
      fails: 'feature-branch-deleted',
      found: /^other branches are left: feature\/advanced-cart$/,
    },
  ],
  '03-exercise': [
    {
      name: 'the winner fast-forwarded into develop',
      script: (e) => [commandsOf(e, 'independent-experiments'), 'git switch develop', 'git merge experiment/recs-co-purchase', commandsOf(e, 'winner-served', 'loser-archived', 'experiment-branches-deleted')].join('\n'),
      fails: 'winner-merged-no-ff',
      found: /^src\/recommendations\/coPurchase\.js is in develop without a merge commit/,
    },
    {
      name: 'the loser merged too',
      script: (e) => `${solutionScript(e)}\ngit merge --no-edit archive/recs-popularity`,
      fails: 'loser-not-adopted',
      found: /^develop has src\/recommendations\/popularity\.js$/,
    },
    {
      name: 'archive tag not annotated',
      script: (e) => [commandsOf(e, 'independent-experiments', 'winner-merged-no-ff', 'winner-served'), 'git tag archive/recs-popularity experiment/recs-popularity', commandsOf(e, 'experiment-branches-deleted')].join('\n'),
      fails: 'loser-archived',
      found: /^archive\/recs-popularity is a lightweight tag, with no message: it must be annotated$/,
    },
    {
      name: 'the winner merged but not served',
      script: (e) => commandsOf(e, ...goalsExcept(e, 'winner-served')),
      fails: 'winner-served',
      found: /^\d+ of \d+ tests fail on commit 6aa8338, for example “.+”$/,
    },
    {
      name: 'one experiment branched from main',
      script: (e) => [replacing(e, 'independent-experiments', 'git switch -c experiment/recs-co-purchase develop', 'git switch -c experiment/recs-co-purchase main'), commandsOf(e, 'winner-merged-no-ff', 'winner-served', 'loser-archived', 'experiment-branches-deleted')].join('\n'),
      fails: 'independent-experiments',
      found: /^the commit that adds src\/recommendations\/coPurchase\.js \(\w{7}\) does not start from develop \(6e93847\)$/,
    },
    {
      name: 'experiment branches left',
      script: (e) => commandsOf(e, ...goalsExcept(e, 'experiment-branches-deleted')),
      fails: 'experiment-branches-deleted',
      found: /^other branches are left: experiment\/recs-co-purchase, experiment\/recs-popularity$/,
    },
    {
      name: 'main moved',
      script: (e) => `${solutionScript(e)}\ngit switch main\ngit merge -q develop\ngit switch develop`,
      fails: 'main-untouched',
      found: /^main moved from 588e228 to 2368c9a$/,
    },
    {
      name: 'other names: experiment/a and experiment/b, archive/a',
      script: (e) =>
        solutionScript(e)
          .replace(/experiment\/recs-popularity/g, 'experiment/a')
          .replace(/experiment\/recs-co-purchase/g, 'experiment/b')
          .replace(/archive\/recs-popularity/g, 'archive/a'),
    },
  ],
};

describe.each(IDS)('%s: wrong solutions fail exactly the goal not met; other right routes pass', (id) => {
  const exercise = exerciseOf(id);
  const template = startProject(id, 'en', 'git');

  const routes = ROUTES[id] ?? [];

  it('has at least five wrong solutions, each naming a goal of the exercise', () => {
    expect(routes.filter((route) => route.fails).length, `add wrong solutions of ${id} to ROUTES in scripts/exercises/exercises.test.ts`).toBeGreaterThanOrEqual(5);
    for (const route of routes) if (route.fails) expect(exercise.goals.map((goal) => goal.id)).toContain(route.fails);
  });

  it.each(routes.map((route) => [route.name, route] as const))('%s', async (_name, route) => {
    const dir = copyProject(await template, id);
    await bash(dir, route.script(exercise));
    const {code, results} = await checkResults(dir);
    const unmet = Object.values(results).filter((result) => result.status !== 'met');
    expect(unmet.map((result) => result.id), JSON.stringify(unmet)).toEqual(route.fails ? [route.fails] : []);
    expect(code).toBe(route.fails ? 1 : 0);
    if (route.fails) {
      expect(unmet[0]!.found.en).toMatch(route.found!);
      expect(unmet[0]!.found.it).not.toBe(unmet[0]!.found.en);
    }
  }, SLOW);

  it('prints the unmet goal with what it found and its hint, in both languages', async () => {
    const route = routes.find((r) => r.fails)!;
    const dir = copyProject(await template, id);
    await bash(dir, route.script(exercise));
    const goal = exercise.goals.find((g) => g.id === route.fails)!;
    const {results} = await checkResults(dir);
    for (const locale of ['it', 'en'] as const) {
      const {code, stdout, stderr} = await runCheck(dir, locale === 'it' ? 'it_IT.UTF-8' : 'en_US.UTF-8');
      expect(code).toBe(1);
      expect(stderr).toBe('');
      expect(stdout).toContain(`✘ ${goal.text[locale]} — ${results[goal.id]!.found[locale]}\n`);
      expect(stdout).toContain(`${locale === 'it' ? 'Suggerimento' : 'Hint'}: ${goal.hint[locale]}\n`);
      expect(stdout.match(/^✔ /gm)?.length).toBe(exercise.goals.length - 1);
    }
    const solution = await runCheck(dir, 'en_US.UTF-8', '--solution');
    expect(solution.stdout).toMatch(new RegExp(`^# ✘ ${goal.text.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    expect(solution.stdout.match(/^# ✘ /gm)?.length).toBe(1);
  }, SLOW);
});

describe('odd repositories: a message, no stack trace, a non-zero exit', () => {
  const hotfix = exerciseOf('02-exercise');
  const start = startProject('02-exercise', 'en', 'git');
  const solved = solvedProject('02-exercise', 'git', 'it');

  /** Every goal's line is printed, none crashes; returns the results. */
  async function expectReported(dir: string, exercise: Exercise = hotfix) {
    const {code, stdout, stderr} = await runCheck(dir, 'en_US.UTF-8');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    noStackTrace(stdout);
    expect(stdout.match(/^[✔✘] /gm)?.length, stdout).toBe(exercise.goals.length);
    return (await checkResults(dir)).results;
  }

  it('no .git at all', async () => {
    const dir = copyProject(await start, 'no-git');
    rmSync(path.join(dir, '.git'), {recursive: true, force: true});
    const results = await expectReported(dir);
    for (const result of Object.values(results)) expect(result.found.en).toBe('no git repository in this folder (no .git): npm install or npm run setup recreates it');
  });

  it('no commits (a new git init)', async () => {
    const dir = copyProject(await start, 'no-commits');
    rmSync(path.join(dir, '.git'), {recursive: true, force: true});
    await bash(dir, 'git init -q -b main');
    const results = await expectReported(dir);
    expect(results['develop-wip-kept']!.found.en).toBe('there is no branch develop');
    expect(results['nothing-in-progress']!.found.en).toBe('HEAD is on main, which has no commits yet');
    expect(results['branched-from-main']!.status).toBe('unmet');
  });

  it('detached HEAD after a correct solution', async () => {
    const dir = copyProject(await solved, 'detached');
    await bash(dir, 'git switch -q --detach main');
    const results = await expectReported(dir);
    expect(Object.values(results).filter((r) => r.status !== 'met').map((r) => r.found.en)).toEqual(['HEAD is detached at commit 989c9a1: you are on no branch']);
  });

  it('a branch deleted', async () => {
    const dir = copyProject(await start, 'deleted');
    await bash(dir, 'git branch -D develop');
    const results = await expectReported(dir);
    expect(results['fix-in-develop']!.found.en).toBe('there is no branch develop');
    expect(results['develop-wip-kept']!.found.en).toBe('there is no branch develop');
  });

  it('a merge in progress (lesson 01\u2019s conflict, not resolved)', async () => {
    const feature = exerciseOf('01-exercise');
    const dir = copyProject(await startProject('01-exercise', 'en', 'git'), 'merging');
    await bash(dir, 'git merge develop || true');
    const results = await expectReported(dir, feature);
    expect(results['nothing-in-progress']!.found.en).toBe('a merge is in progress (git status shows it)');
  }, SLOW);

  it('the tag on the production commit', async () => {
    const dir = copyProject(await solved, 'tag-elsewhere');
    await bash(dir, `git tag -f -a hotfix-v1.0.1 ${hotfix.start.main} -m "Hotfix v1.0.1"`);
    const results = await expectReported(dir);
    expect(results['release-tag']!.found.en).toBe("hotfix-v1.0.1 points at 2fe6b56, where src/payment/paymentProcessor.js is production's, without the fix");
    expect(results['fix-tests']!.status).toBe('unmet');
  }, SLOW);

  it.each(['git', 'sandbox-git'] as const)('after git gc (packfiles, packed refs) of a repository written by %s: read as before', async (engine) => {
    const dir = copyProject(await solvedProject('02-exercise', engine, engine === 'git' ? 'it' : 'en'), `gc-${engine}`);
    await bash(dir, 'git gc -q --prune=now');
    expect(readdirSync(path.join(dir, '.git/objects/pack')).some((name) => name.endsWith('.pack'))).toBe(true);
    expect(readFileSync(path.join(dir, '.git/packed-refs'), 'utf8')).toContain('refs/tags/hotfix-v1.0.1');
    expect(existsSync(path.join(dir, '.git/refs/heads/main'))).toBe(false);
    expect((await runCheck(dir, 'en_US.UTF-8')).code).toBe(0);
    // A lightweight tag, packed, is still told apart from an annotated one.
    await bash(dir, 'git tag -d hotfix-v1.0.1 && git tag hotfix-v1.0.1 main && git pack-refs --all');
    const results = await expectReported(dir);
    expect(results['release-tag']!.found.en).toMatch(/lightweight/);
  }, SLOW);

  it('an object missing from the repository', async () => {
    const dir = copyProject(await solved, 'missing-object');
    const tip = (await bash(dir, 'git rev-parse develop')).trim();
    unlinkSync(path.join(dir, '.git/objects', tip.slice(0, 2), tip.slice(2)));
    const results = await expectReported(dir);
    expect(results['fix-in-develop']!.found.en).toMatch(/^the repository cannot be read \(/);
  }, SLOW);

  it('the exercise file missing: one line, exit 2', async () => {
    const dir = copyProject(await start, 'no-exercise');
    rmSync(path.join(dir, '.sandbox/exercise.json'));
    const {code, stdout, stderr} = await runCheck(dir, 'it_IT.UTF-8');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^npm run check non è riuscito a leggere l’esercizio \(.+\)\.\n$/);
  });
});

describe('checkExercise, as the page calls it (in memory, no test runner)', () => {
  it.each(IDS)('%s: reads the take-over repository the sandbox git builds in memory; the tests\u2019 goals are skipped', async (id) => {
    const exercise = exerciseOf(id);
    const {fs} = await replayPhaseRepository(phases[id], readExampleFile);
    const results = await checkExercise(exercise, {fs, dir: PHASE_REPO_DIR});
    expect(results.map((result) => result.id)).toEqual(exercise.goals.map((goal) => goal.id));
    for (const [i, goal] of exercise.goals.entries()) {
      if (!goal.needsTests) continue;
      // Skipped where there is a commit to test; lesson 02's has no release yet to test at all.
      const {status, found} = results[i]!;
      expect(status === 'skipped' || found.en.startsWith('no release yet'), `${status}: ${found.en}`).toBe(true);
    }
    expect(results.some((result) => result.status === 'unmet')).toBe(true);
  });

  it('an empty file system: every goal says there is no repository', async () => {
    const results = await checkExercise(exerciseOf('02-exercise'), {fs: new MemoryFs(), dir: '/nowhere'});
    expect(new Set(results.map((result) => `${result.status} ${result.found.en}`))).toEqual(new Set(['unmet no git repository in this folder (no .git): npm install or npm run setup recreates it']));
  });

  it('a repository above the folder is not the exercise\u2019s', async () => {
    const {fs} = await replayPhaseRepository(phases['02-exercise'], readExampleFile);
    const results = await checkExercise(exerciseOf('02-exercise'), {fs, dir: `${PHASE_REPO_DIR}/src`});
    expect(results.every((result) => result.found.en.startsWith('no git repository in this folder'))).toBe(true);
  });

  it('hands runTests the commit the goal names', async () => {
    const {fs} = await replayPhaseRepository(phases['01-exercise'], readExampleFile);
    const asked: string[] = [];
    const results = await checkExercise(exerciseOf('01-exercise'), {
      fs,
      dir: PHASE_REPO_DIR,
      runTests: async (goal, {commit}) => {
        asked.push(`${goal.id} ${commit}`);
        return {passed: false, found: {it: 'no', en: 'no'}};
      },
    });
    expect(asked).toEqual([`cart-tests ${exerciseOf('01-exercise').start.develop}`]);
    expect(results.find((result) => result.id === 'cart-tests')).toEqual({id: 'cart-tests', status: 'unmet', found: {it: 'no', en: 'no'}});
  });
});
