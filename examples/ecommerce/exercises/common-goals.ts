/**
 * Goals every exercise shares, written once: the lesson's branch gone at the end, and nothing
 * left half done (which is also what makes a detached HEAD or a merge in progress fail the check).
 */
import type {ExerciseGoal, Localized} from './types';

/**
 * `<id>`: the lesson's branch (`branch`, named in the text as `name`) is deleted, and only
 * `main` and `develop` are left.
 */
export function branchDeletedGoal(id: string, name: Localized, branch: string): ExerciseGoal {
  return {
    id,
    text: {
      it: `${name.it} è cancellato: restano solo \`main\` e \`develop\``,
      en: `${name.en} is deleted: only \`main\` and \`develop\` are left`,
    },
    hint: {
      it: 'un branch già unito si cancella con git branch -d',
      en: 'a merged branch is deleted with git branch -d',
    },
    solution: [`git branch -d ${branch}`],
    check: {kind: 'only-branches', branches: ['main', 'develop']},
  };
}

/** No merge, cherry-pick or rebase in progress, HEAD on a branch; `hint` when the lesson's likely leftover is more specific. */
export function nothingInProgressGoal(
  hint: Localized = {
    it: 'concludi (git commit) o annulla (git merge --abort) ciò che è in corso, poi git switch su un branch',
    en: 'finish (git commit) or abort (git merge --abort) what is in progress, then git switch to a branch',
  },
): ExerciseGoal {
  return {
    id: 'nothing-in-progress',
    text: {
      it: 'Nessuna operazione lasciata a metà: nessun merge in corso, `HEAD` su un branch',
      en: 'Nothing left half done: no merge in progress, `HEAD` on a branch',
    },
    hint,
    solution: [],
    check: {kind: 'clean-state'},
  };
}
