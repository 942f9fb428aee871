// @ts-check
/**
 * The checker of the lessons' exercises: reads a repository and says, goal by goal, whether the
 * exercise's final state is there (`examples/ecommerce/exercises/`), in both languages.
 *
 * Plain JavaScript with no Node import, so the same file runs in the exercise's sandbox (Node,
 * `.sandbox/check.mjs`, where this file is `.sandbox/exercise-check.mjs` beside the vendored
 * engine), under the root's vitest and, bundled by webpack, in the page. It reads the repository
 * through the sandbox git's core (`packages/sandbox-git`): loose objects and refs itself, packed
 * refs too, packfiles (a repository after `git gc` or written by another client) through
 * isomorphic-git, which the engine imports on first need. Node callers may hand in a faster
 * loader and zlib (`setIsomorphicGitLoader`, `setZlib`), as `check.mjs` does.
 *
 * It never throws: an odd repository (no `.git`, no commits, detached HEAD, a branch deleted, a
 * merge in progress, a tag elsewhere, an unreadable object) is reported in `found`, goal by goal.
 */
import {ancestors, isAncestor} from '../../packages/sandbox-git/src/ancestry.js';
import {Files} from '../../packages/sandbox-git/src/fs.js';
import {join} from '../../packages/sandbox-git/src/path.js';
import {Repository, discover} from '../../packages/sandbox-git/src/repo.js';

/** @typedef {import('../ecommerce/exercises/types').Exercise} Exercise */
/** @typedef {import('../ecommerce/exercises/types').ExerciseGoal} ExerciseGoal */
/** @typedef {import('../ecommerce/exercises/types').GoalCheck} GoalCheck */
/** @typedef {import('../ecommerce/exercises/types').GoalResult} GoalResult */
/** @typedef {import('../ecommerce/exercises/types').Localized} Localized */
/** @typedef {import('../ecommerce/exercises/types').ReleaseRef} ReleaseRef */
/** @typedef {import('../../packages/sandbox-git/src/fs.js').FsLike} FsLike */
/** @typedef {import('../../packages/sandbox-git/src/fs.js').FsPromises} FsPromises */

/**
 * Runs the exercise's tests on a commit's code (Node only). `commit` is the full id the goal
 * names (develop's tip, the release).
 * @typedef {(goal: ExerciseGoal, target: {commit: string}) => Promise<{passed: boolean, found: Localized}>} RunTests
 */

/**
 * @typedef {object} RepoState
 * @property {Repository} repo
 * @property {Map<string, string>} branches  branch name -> tip
 * @property {Map<string, {annotated: boolean, commit: string | undefined}>} tags  tag name -> kind and commit
 * @property {{branch: string | undefined, oid: string | undefined}} head
 * @property {string[]} inProgress  operations left half done, by the file git keeps for them
 * @property {Record<string, string>} start
 */

/** @param {string} it @param {string} en @returns {Localized} */
const say = (it, en) => ({it, en});
/** @param {string | undefined} oid */
const short = (oid) => (oid ?? '').slice(0, 7);

/** What is found when there is no repository to read: every goal says so. */
class NoRepository extends Error {
  /** @param {Localized} found */
  constructor(found) {
    super(found.en);
    this.found = found;
  }
}

/**
 * Checks `exercise` against the repository whose working tree is `dir`.
 * @param {Exercise} exercise
 * @param {{fs: FsLike | FsPromises, dir: string, runTests?: RunTests}} options
 *   `fs`: Node's `fs`, its `fs.promises`, the engine's `MemoryFs` or a browser file system of
 *   that shape; `dir`: the working tree's absolute path; `runTests`: without it, `needsTests`
 *   goals are `'skipped'` (the page's playground).
 * @returns {Promise<GoalResult[]>}
 */
export async function checkExercise(exercise, {fs, dir, runTests}) {
  /** @type {RepoState | NoRepository} */
  let state;
  try {
    state = await readState(exercise, fs, dir);
  } catch (error) {
    state = error instanceof NoRepository ? error : new NoRepository(unreadable(error));
  }
  /** @type {GoalResult[]} */
  const results = [];
  for (const goal of exercise.goals) {
    if (state instanceof NoRepository) {
      results.push({id: goal.id, status: 'unmet', found: state.found});
      continue;
    }
    try {
      results.push({id: goal.id, ...(await evaluate(goal, state, runTests))});
    } catch (error) {
      results.push({id: goal.id, status: 'unmet', found: unreadable(error)});
    }
  }
  return results;
}

/** @param {unknown} error @returns {Localized} */
function unreadable(error) {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return say(`il repository non si legge (${reason})`, `the repository cannot be read (${reason})`);
}

/**
 * @param {Exercise} exercise @param {FsLike | FsPromises} fs @param {string} dir
 * @returns {Promise<RepoState>}
 */
async function readState(exercise, fs, dir) {
  /** @type {FsLike} */
  const fsLike = 'promises' in fs ? /** @type {FsLike} */ (fs) : {promises: /** @type {FsPromises} */ (fs)};
  const worktree = dir.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  const files = new Files(fsLike);
  const where = await discover(files, worktree);
  // Only this folder's own repository: a `.git` further up (the zip unpacked inside another
  // repository) is not the exercise's.
  if (!where || where.worktree !== worktree) {
    throw new NoRepository(
      say(
        `nessun repository git in questa cartella (manca .git): npm install o npm run setup lo ricreano`,
        `no git repository in this folder (no .git): npm install or npm run setup recreates it`,
      ),
    );
  }
  /** @type {import('../../packages/sandbox-git/src/types.js').GitContext} */
  const ctx = {fs: fsLike, cwd: worktree, env: {}, now: () => Date.now(), tzOffset: () => 0, stdout: () => {}, stderr: () => {}};
  const repo = await Repository.at(ctx, where);
  const branches = new Map((await repo.refs.list('refs/heads/')).map(({name, oid}) => [name.slice('refs/heads/'.length), oid]));
  /** @type {RepoState['tags']} */
  const tags = new Map();
  for (const {name, oid} of await repo.refs.list('refs/tags/')) {
    const object = await repo.objects.get(oid);
    tags.set(name.slice('refs/tags/'.length), {annotated: object?.type === 'tag', commit: await repo.objects.peelToCommit(oid)});
  }
  const head = await repo.refs.head();
  const inProgress = [];
  for (const name of ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']) if ((await repo.readGitFile(name)) !== undefined) inProgress.push(name);
  for (const name of ['rebase-merge', 'rebase-apply']) if (await files.exists(join(repo.gitdir, name))) inProgress.push(name);
  return {repo, branches, tags, head, inProgress, start: exercise.start};
}

/** @param {RepoState} state @param {string} oid @param {string} path */
async function has(state, oid, path) {
  return (await state.repo.commitFiles(oid)).has(path);
}

/** @param {RepoState} state @param {string} ancestor @param {string} descendant */
const contains = (state, ancestor, descendant) => isAncestor(state.repo.objects, ancestor, descendant);

/** @param {string} branch @returns {{status: 'unmet', found: Localized}} */
const noBranch = (branch) => ({status: 'unmet', found: say(`il branch ${branch} non esiste`, `there is no branch ${branch}`)});

/**
 * The release (see `ReleaseRef`): the tag's commit when it is on the branch, else the branch's
 * tip once it has moved.
 * @param {RepoState} state @param {ReleaseRef} ref
 */
async function findRelease(state, ref) {
  const tip = state.branches.get(ref.branch);
  const tagged = state.tags.get(ref.tag)?.commit;
  if (tip !== undefined && tagged !== undefined && (await contains(state, tagged, tip))) return tagged;
  if (tip !== undefined && tip !== state.start[ref.branch]) return tip;
  return undefined;
}

/** @param {ReleaseRef} ref @returns {{status: 'unmet', found: Localized}} */
const noRelease = (ref) => ({
  status: 'unmet',
  found: say(
    `nessun rilascio ancora: ${ref.branch} è dove l’hai preso e il tag ${ref.tag} non è su ${ref.branch}`,
    `no release yet: ${ref.branch} is where you took over and the tag ${ref.tag} is not on ${ref.branch}`,
  ),
});

/**
 * On `into`'s first-parent line, the merge whose first parent lacks `path` and second has it.
 * @param {RepoState} state @param {string} tip @param {string} path
 */
async function mergeBringing(state, tip, path) {
  /** @type {string | undefined} */
  let oid = tip;
  const seen = new Set();
  while (oid !== undefined && !seen.has(oid)) {
    seen.add(oid);
    const commit = await state.repo.objects.commit(oid);
    const [first, second] = commit.parents;
    if (first !== undefined && second !== undefined && !(await has(state, first, path)) && (await has(state, second, path))) {
      return {merge: oid, brought: second};
    }
    oid = first;
  }
  return undefined;
}

/**
 * @param {ExerciseGoal} goal @param {RepoState} state @param {RunTests | undefined} runTests
 * @returns {Promise<Omit<GoalResult, 'id'>>}
 */
async function evaluate(goal, state, runTests) {
  const check = goal.check;
  switch (check.kind) {
    case 'clean-state': {
      if (state.inProgress.length > 0) {
        const what = state.inProgress[0] === 'MERGE_HEAD' ? ['un merge', 'a merge'] : state.inProgress[0] === 'CHERRY_PICK_HEAD' ? ['un cherry-pick', 'a cherry-pick'] : state.inProgress[0] === 'REVERT_HEAD' ? ['un revert', 'a revert'] : ['un rebase', 'a rebase'];
        return {status: 'unmet', found: say(`${what[0]} è in corso (git status lo mostra)`, `${what[1]} is in progress (git status shows it)`)};
      }
      const {branch, oid} = state.head;
      if (branch === undefined) {
        return {status: 'unmet', found: say(`HEAD è staccato (detached) sul commit ${short(oid)}: non sei su nessun branch`, `HEAD is detached at commit ${short(oid)}: you are on no branch`)};
      }
      const name = branch.replace(/^refs\/heads\//, '');
      if (oid === undefined) return {status: 'unmet', found: say(`HEAD è su ${name}, che non ha ancora commit`, `HEAD is on ${name}, which has no commits yet`)};
      return {status: 'met', found: say(`HEAD su ${name}, niente in corso`, `HEAD on ${name}, nothing in progress`)};
    }
    case 'only-branches': {
      const extra = [...state.branches.keys()].filter((name) => !check.branches.includes(name));
      if (extra.length > 0) return {status: 'unmet', found: say(`restano altri branch: ${extra.join(', ')}`, `other branches are left: ${extra.join(', ')}`)};
      return {status: 'met', found: say(`branch: ${[...state.branches.keys()].join(', ')}`, `branches: ${[...state.branches.keys()].join(', ')}`)};
    }
    case 'unchanged': {
      const tip = state.branches.get(check.branch);
      const start = state.start[check.branch];
      if (tip === undefined) return noBranch(check.branch);
      if (tip === start) return {status: 'met', found: say(`${check.branch} è ancora su ${short(start)}`, `${check.branch} is still at ${short(start)}`)};
      return {status: 'unmet', found: say(`${check.branch} si è spostato da ${short(start)} a ${short(tip)}`, `${check.branch} moved from ${short(start)} to ${short(tip)}`)};
    }
    case 'tests': {
      let commit;
      if ('branch' in check.at) {
        commit = state.branches.get(check.at.branch);
        if (commit === undefined) return noBranch(check.at.branch);
      } else {
        commit = await findRelease(state, check.at.release);
        if (commit === undefined) return noRelease(check.at.release);
      }
      if (!runTests) {
        return {status: 'skipped', found: say(`i test si eseguono nella sandbox o nello zip: npm run check (commit ${short(commit)})`, `the tests run in the sandbox or the zip: npm run check (commit ${short(commit)})`)};
      }
      const {passed, found} = await runTests(goal, {commit});
      return {status: passed ? 'met' : 'unmet', found};
    }
    case 'merged-no-ff': {
      const tip = state.branches.get(check.into);
      if (tip === undefined) return noBranch(check.into);
      if (!(await has(state, tip, check.path))) return {status: 'unmet', found: say(`${check.into} non ha ancora ${check.path}`, `${check.into} does not have ${check.path} yet`)};
      const found = await mergeBringing(state, tip, check.path);
      if (found) return {status: 'met', found: say(`${check.path} è entrato in ${check.into} con il merge ${short(found.merge)}`, `${check.path} entered ${check.into} with the merge ${short(found.merge)}`)};
      return {status: 'unmet', found: say(`${check.path} è in ${check.into} senza un commit di merge (un fast-forward o un commit diretto)`, `${check.path} is in ${check.into} without a merge commit (a fast-forward or a direct commit)`)};
    }
    case 'synced-before-merge': {
      const tip = state.branches.get(check.into);
      const start = state.start[check.into];
      if (tip === undefined) return noBranch(check.into);
      if (start === undefined) throw new Error(`exercise has no start for ${check.into}`);
      if (!(await has(state, tip, check.path))) return {status: 'unmet', found: say(`${check.into} non ha ancora ${check.path}: la feature non è unita`, `${check.into} does not have ${check.path} yet: the feature is not merged`)};
      const brought = (await mergeBringing(state, tip, check.path))?.brought ?? tip;
      if (await contains(state, start, brought)) {
        return {status: 'met', found: say(`il branch unito (${short(brought)}) conteneva già ${check.into} (${short(start)})`, `the merged branch (${short(brought)}) already contained ${check.into} (${short(start)})`)};
      }
      return {status: 'unmet', found: say(`il branch unito (${short(brought)}) non conteneva ${check.into} (${short(start)}): il conflitto è stato risolto su ${check.into}`, `the merged branch (${short(brought)}) did not contain ${check.into} (${short(start)}): the conflict was resolved on ${check.into}`)};
    }
    case 'release-excludes': {
      const release = await findRelease(state, check.release);
      if (release === undefined) return noRelease(check.release);
      const wip = state.start[check.branch];
      if (wip !== undefined && (await contains(state, wip, release))) {
        return {status: 'unmet', found: say(`il rilascio ${short(release)} contiene i commit di ${check.branch} (${short(wip)}): il branch è partito da ${check.branch}`, `the release ${short(release)} contains ${check.branch}'s commits (${short(wip)}): the branch started from ${check.branch}`)};
      }
      for (const path of check.paths) {
        if (await has(state, release, path)) return {status: 'unmet', found: say(`il rilascio ${short(release)} ha ${path}, lavoro in corso di ${check.branch}`, `the release ${short(release)} has ${path}, ${check.branch}'s work in progress`)};
      }
      return {status: 'met', found: say(`il rilascio ${short(release)} non ha nulla di ${check.branch}`, `the release ${short(release)} has nothing of ${check.branch}`)};
    }
    case 'annotated-release-tag': {
      const {tag, branch} = check.release;
      const found = state.tags.get(tag);
      if (!found) return {status: 'unmet', found: say(`non c’è il tag ${tag}`, `there is no tag ${tag}`)};
      if (!found.annotated) return {status: 'unmet', found: say(`${tag} è un tag leggero, senza messaggio né autore: deve essere annotato`, `${tag} is a lightweight tag, with no message or author: it must be annotated`)};
      if (found.commit === undefined) return {status: 'unmet', found: say(`${tag} non punta a un commit`, `${tag} does not point at a commit`)};
      const tip = state.branches.get(branch);
      if (tip === undefined || !(await contains(state, found.commit, tip))) {
        return {status: 'unmet', found: say(`${tag} punta a ${short(found.commit)}, che non è su ${branch}`, `${tag} points at ${short(found.commit)}, which is not on ${branch}`)};
      }
      const start = state.start[branch];
      const before = start === undefined ? undefined : (await state.repo.commitFiles(start)).get(check.changes)?.oid;
      if ((await state.repo.commitFiles(found.commit)).get(check.changes)?.oid === before) {
        return {status: 'unmet', found: say(`${tag} punta a ${short(found.commit)}, dove ${check.changes} è quello di produzione, senza fix`, `${tag} points at ${short(found.commit)}, where ${check.changes} is production's, without the fix`)};
      }
      return {status: 'met', found: say(`${tag}, annotato, su ${short(found.commit)} di ${branch}`, `${tag}, annotated, on ${short(found.commit)} of ${branch}`)};
    }
    case 'contains-release': {
      const tip = state.branches.get(check.branch);
      if (tip === undefined) return noBranch(check.branch);
      const release = await findRelease(state, check.release);
      if (release === undefined) return noRelease(check.release);
      if (await contains(state, release, tip)) return {status: 'met', found: say(`${check.branch} contiene il rilascio ${short(release)}`, `${check.branch} contains the release ${short(release)}`)};
      return {status: 'unmet', found: say(`${check.branch} (${short(tip)}) non contiene il rilascio ${short(release)}`, `${check.branch} (${short(tip)}) does not contain the release ${short(release)}`)};
    }
    case 'keeps-work': {
      const tip = state.branches.get(check.branch);
      const start = state.start[check.branch];
      if (tip === undefined) return noBranch(check.branch);
      if (start !== undefined && !(await contains(state, start, tip))) {
        return {status: 'unmet', found: say(`${check.branch} (${short(tip)}) non contiene più i suoi commit (${short(start)}): è stato spostato indietro`, `${check.branch} (${short(tip)}) no longer contains its commits (${short(start)}): it was moved back`)};
      }
      for (const path of check.paths) {
        if (!(await has(state, tip, path))) return {status: 'unmet', found: say(`${check.branch} ha perso ${path}`, `${check.branch} lost ${path}`)};
      }
      return {status: 'met', found: say(`${check.branch} ha ancora i suoi commit e ${check.paths.join(', ')}`, `${check.branch} still has its commits and ${check.paths.join(', ')}`)};
    }
    case 'independent-experiments': {
      const start = state.start[check.from];
      if (start === undefined) throw new Error(`exercise has no start for ${check.from}`);
      const tips = [...state.branches.values(), ...[...state.tags.values()].flatMap((tag) => (tag.commit ? [tag.commit] : []))];
      const reachable = await ancestors(state.repo.objects, tips);
      /** @type {string[]} */
      const adders = [];
      for (const path of check.paths) {
        const others = check.paths.filter((other) => other !== path);
        /** @type {Localized | undefined} */
        let problem = say(`nessun commit (raggiungibile da un branch o un tag) aggiunge ${path}`, `no commit (reachable from a branch or a tag) adds ${path}`);
        for (const oid of reachable) {
          const commit = await state.repo.objects.commit(oid);
          if (commit.parents.length > 1 || !(await has(state, oid, path))) continue;
          const parent = commit.parents[0];
          if (parent !== undefined && (await has(state, parent, path))) continue;
          if (!(await contains(state, start, oid))) {
            problem = say(`il commit che aggiunge ${path} (${short(oid)}) non parte da ${check.from} (${short(start)})`, `the commit that adds ${path} (${short(oid)}) does not start from ${check.from} (${short(start)})`);
            continue;
          }
          let mixed;
          for (const other of others) if (await has(state, oid, other)) mixed = other;
          if (mixed !== undefined) {
            problem = say(`il commit che aggiunge ${path} (${short(oid)}) ha anche ${mixed}: l’esperimento è partito dall’altro, non da ${check.from}`, `the commit that adds ${path} (${short(oid)}) also has ${mixed}: the experiment started from the other one, not from ${check.from}`);
            continue;
          }
          problem = undefined;
          adders.push(short(oid));
          break;
        }
        if (problem) return {status: 'unmet', found: problem};
      }
      return {status: 'met', found: say(`un commit per esperimento, ognuno da ${check.from}: ${adders.join(', ')}`, `one commit per experiment, each from ${check.from}: ${adders.join(', ')}`)};
    }
    case 'absent': {
      const tip = state.branches.get(check.branch);
      if (tip === undefined) return noBranch(check.branch);
      if (await has(state, tip, check.path)) return {status: 'unmet', found: say(`${check.branch} ha ${check.path}`, `${check.branch} has ${check.path}`)};
      return {status: 'met', found: say(`${check.branch} non ha ${check.path}`, `${check.branch} does not have ${check.path}`)};
    }
    case 'archive-tag': {
      const candidates = [...state.tags].filter(([name]) => name.startsWith(check.prefix));
      if (candidates.length === 0) return {status: 'unmet', found: say(`nessun tag ${check.prefix}...`, `no ${check.prefix}... tag`)};
      /** @type {Localized | undefined} */
      let problem;
      for (const [name, tag] of candidates) {
        const kept = tag.commit !== undefined && (await has(state, tag.commit, check.path));
        if (tag.annotated && kept) return {status: 'met', found: say(`${name}, annotato, su ${short(tag.commit)}`, `${name}, annotated, on ${short(tag.commit)}`)};
        problem ??= !tag.annotated
          ? say(`${name} è un tag leggero, senza messaggio: deve essere annotato`, `${name} is a lightweight tag, with no message: it must be annotated`)
          : say(`${name} punta a ${short(tag.commit)}, che non ha ${check.path}`, `${name} points at ${short(tag.commit)}, which has no ${check.path}`);
      }
      return {status: 'unmet', found: /** @type {Localized} */ (problem)};
    }
    default: {
      /** @type {{kind: string}} */
      const unknown = check;
      throw new Error(`unknown goal kind ${unknown.kind}`);
    }
  }
}
