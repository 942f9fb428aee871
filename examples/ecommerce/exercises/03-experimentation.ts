/**
 * Lesson 03's exercise: the learner takes over on `develop` with the order history and the
 * benchmark (`03-exercise`), before any experiment, and runs the whole experiment workflow:
 * two independent `experiment/*` branches, the benchmark's verdict, the winner merged `--no-ff`
 * and served, the loser archived under an annotated `archive/*` tag, both branches deleted.
 * Branch and tag names are free (the goals read files, ancestry and tag kinds, not names).
 */
import {EXPERIMENT_MESSAGES} from '../phases/03-experimentation';
import {nothingInProgressGoal} from './common-goals';
import type {Exercise} from './types';

const T = 'ecommerce/tests/recommend';
const F = 'ecommerce/files/recommend';
const POPULARITY = 'src/recommendations/popularity.js';
const CO_PURCHASE = 'src/recommendations/coPurchase.js';

export const experimentationExercise: Exercise = {
  lesson: '03-experimentation',
  phase: '03-exercise',
  task: {
    it: 'Sei su `develop`, con lo storico ordini e il banco di prova. Da solo: apri da `develop` un branch `experiment/...` per ciascuno dei due approcci (`popularity.js` e `coPurchase.js`), confrontali con `node bench-recommendations.js`, porta il vincitore in `develop` con un commit di merge e servilo da `src/recommendations/index.js`, archivia il perdente con un tag annotato `archive/...` e cancella entrambi i branch.',
    en: 'You are on `develop`, with the order history and the benchmark. On your own: open from `develop` one `experiment/...` branch for each of the two approaches (`popularity.js` and `coPurchase.js`), compare them with `node bench-recommendations.js`, bring the winner into `develop` with a merge commit and serve it from `src/recommendations/index.js`, archive the loser under an annotated `archive/...` tag and delete both branches.',
  },
  start: {
    main: '588e22826c8456328ad9abcde8d38a72de8109b6',
    develop: '6e93847728006446fdd9505e3dff1eef3a575e99',
  },
  tests: {
    'tests/orders.test.ts': `${T}/orders.test.ts`,
    'tests/benchmark.test.ts': `${T}/benchmark.test.ts`,
    'tests/coPurchase.test.ts': `${T}/coPurchase.test.ts`,
    'tests/serving.test.ts': `${T}/serving.test.ts`,
  },
  goals: [
    {
      id: 'independent-experiments',
      text: {
        it: 'Due esperimenti indipendenti, nati da `develop`: uno aggiunge `popularity.js`, l’altro `coPurchase.js`',
        en: 'Two independent experiments, started from `develop`: one adds `popularity.js`, the other `coPurchase.js`',
      },
      hint: {
        it: 'ogni esperimento ha il suo branch creato da develop: git switch -c <nome> develop, poi git add e git commit',
        en: 'each experiment has its own branch created from develop: git switch -c <name> develop, then git add and git commit',
      },
      solution: [
        'git switch -c experiment/recs-popularity develop',
        'mkdir -p src/recommendations',
        `cat > ${POPULARITY} << 'EOF'\n%include ${F}/popularity.js\nEOF`,
        `git add ${POPULARITY}`,
        `git commit -m "${EXPERIMENT_MESSAGES.popularity}"`,
        'git switch -c experiment/recs-co-purchase develop',
        'mkdir -p src/recommendations',
        `cat > ${CO_PURCHASE} << 'EOF'\n%include ${F}/coPurchase.js\nEOF`,
        `git add ${CO_PURCHASE}`,
        `git commit -m "${EXPERIMENT_MESSAGES.coPurchase}"`,
      ],
      check: {kind: 'independent-experiments', from: 'develop', paths: [POPULARITY, CO_PURCHASE]},
    },
    {
      id: 'winner-merged-no-ff',
      text: {
        it: 'Il vincitore del benchmark, il co-acquisto, entra in `develop` con un commit di merge (`--no-ff`)',
        en: 'The benchmark’s winner, co-purchase, enters `develop` with a merge commit (`--no-ff`)',
      },
      hint: {
        it: 'confronta con node bench-recommendations.js <file> <file>, poi da develop git merge --no-ff',
        en: 'compare with node bench-recommendations.js <file> <file>, then from develop git merge --no-ff',
      },
      solution: ['git switch develop', 'git merge --no-ff --no-edit experiment/recs-co-purchase'],
      check: {kind: 'merged-no-ff', into: 'develop', path: CO_PURCHASE},
    },
    {
      id: 'loser-not-adopted',
      text: {
        it: 'Il perdente, la popolarità, non entra in `develop`',
        en: 'The loser, popularity, does not enter `develop`',
      },
      hint: {
        it: 'in develop entra solo il vincitore: un merge sbagliato si annulla con git revert -m 1 <merge>',
        en: 'only the winner enters develop: a wrong merge is undone with git revert -m 1 <merge>',
      },
      solution: [],
      check: {kind: 'absent', branch: 'develop', path: POPULARITY},
    },
    {
      id: 'winner-served',
      text: {
        it: 'Il negozio serve il co-acquisto: i test passano su `develop` (`src/recommendations/index.js` committato)',
        en: 'The shop serves co-purchase: the tests pass on `develop` (the committed `src/recommendations/index.js`)',
      },
      hint: {
        it: 'scrivi src/recommendations/index.js che serve il co-acquisto (npm test lo prova), poi git add e git commit su develop',
        en: 'write src/recommendations/index.js serving co-purchase (npm test tries it), then git add and git commit on develop',
      },
      solution: [
        `cat > src/recommendations/index.js << 'EOF'\n%include ${F}/index.js\nEOF`,
        'git add src/recommendations/index.js',
        `git commit -m "${EXPERIMENT_MESSAGES.serve}"`,
      ],
      needsTests: true,
      check: {kind: 'tests', at: {branch: 'develop'}},
    },
    {
      id: 'loser-archived',
      text: {
        it: 'Un tag annotato `archive/...` tiene l’esperimento perdente, con il suo `popularity.js`',
        en: 'An annotated `archive/...` tag keeps the losing experiment, with its `popularity.js`',
      },
      hint: {
        it: 'prima di cancellare il branch perdente, git tag -a archive/<nome> <branch> -m "perché"',
        en: 'before deleting the losing branch, git tag -a archive/<name> <branch> -m "why"',
      },
      solution: [
        `git tag -a archive/recs-popularity experiment/recs-popularity -m "${EXPERIMENT_MESSAGES.archiveTag}"`,
      ],
      check: {kind: 'archive-tag', prefix: 'archive/', path: POPULARITY},
    },
    {
      id: 'experiment-branches-deleted',
      text: {
        it: 'I branch degli esperimenti sono cancellati: restano solo `main` e `develop`',
        en: 'The experiment branches are deleted: only `main` and `develop` are left',
      },
      hint: {
        it: 'git branch -d per il vincitore (unito), git branch -D per il perdente (archiviato dal tag)',
        en: 'git branch -d for the winner (merged), git branch -D for the loser (kept by the tag)',
      },
      solution: ['git branch -d experiment/recs-co-purchase', 'git branch -D experiment/recs-popularity'],
      check: {kind: 'only-branches', branches: ['main', 'develop']},
    },
    {
      id: 'main-untouched',
      text: {
        it: '`main` non cambia: gli esperimenti non lo toccano',
        en: '`main` does not change: the experiments never touch it',
      },
      hint: {
        it: 'main avanza solo con un rilascio: riportalo al commit del catalogo (git reflog main mostra dov’era)',
        en: 'main moves only with a release: take it back to the catalogue commit (git reflog main shows where it was)',
      },
      solution: [],
      check: {kind: 'unchanged', branch: 'main'},
    },
    nothingInProgressGoal(),
  ],
};
