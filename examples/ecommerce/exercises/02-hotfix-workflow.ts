/**
 * Lesson 02's exercise: the alert has fired (`02-exercise`: production with the payment bug on
 * `main`, work in progress on `develop`, no hotfix branch). The learner ships the hotfix alone.
 *
 * Any route the lesson accepts passes: any `hotfix/*` name (the name is gone once the branch is
 * deleted, so no goal reads it), `main` fast-forwarded with the tag on the hotfix branch (the
 * lesson) or merged `--no-ff` and tagged there (git-flow, the lesson's comparison).
 */
import {HOTFIX_MESSAGES} from '../phases/02-hotfix-workflow';
import {branchDeletedGoal, nothingInProgressGoal} from './common-goals';
import type {Exercise, ReleaseRef} from './types';

const T = 'ecommerce/tests';
const PAYMENT = 'src/payment/paymentProcessor.js';
const RELEASE: ReleaseRef = {tag: 'hotfix-v1.0.1', branch: 'main'};
/** What develop has and production must not: the two WIP commits' files. */
const WIP_PATHS = ['src/cart/advancedCart.js', 'src/api/newEndpoints.js'];
const BRANCH = 'hotfix/payment-timeout-fix';

export const hotfixExercise: Exercise = {
  lesson: '02-hotfix-workflow',
  phase: '02-exercise',
  task: {
    it: 'Il sistema di pagamento è rotto in produzione e `develop` ha lavoro a metà. Da solo: crea un branch di hotfix da `main`, correggi `src/payment/paymentProcessor.js` finché i test dell’hotfix passano, fai il commit, segna il rilascio con il tag annotato `hotfix-v1.0.1`, porta il fix in `main` e in `develop` senza perdere il lavoro in corso di `develop`, e cancella il branch di hotfix.',
    en: 'The payment system is broken in production and `develop` has unfinished work. On your own: create a hotfix branch from `main`, fix `src/payment/paymentProcessor.js` until the hotfix tests pass, commit, mark the release with the annotated tag `hotfix-v1.0.1`, bring the fix into `main` and into `develop` without losing develop’s work in progress, and delete the hotfix branch.',
  },
  start: {
    main: '2fe6b56544753b09f834c9ce85b458b9b472853b',
    develop: '9682e36c5e4316eb65319f658ef8bf60f2c02ed9',
  },
  tests: {
    'tests/paymentProcessor.test.ts': `${T}/paymentProcessor.hotfix.test.ts`,
    'tests/badInput.test.ts': `${T}/badInput.test.ts`,
    'tests/support.ts': `${T}/support.ts`,
  },
  goals: [
    {
      id: 'branched-from-main',
      text: {
        it: 'Il rilascio nasce da `main`, la produzione: non contiene il lavoro in corso di `develop`',
        en: 'The release starts from `main`, production: it has none of develop’s work in progress',
      },
      hint: {
        it: 'crea il branch di hotfix partendo da main: git switch -c con main come punto di partenza',
        en: 'create the hotfix branch starting from main: git switch -c with main as its starting point',
      },
      solution: [`git switch -c ${BRANCH}`],
      check: {kind: 'release-excludes', release: RELEASE, branch: 'develop', paths: WIP_PATHS},
    },
    {
      id: 'fix-tests',
      text: {
        it: 'I test dell’hotfix passano sul codice del rilascio (`src/payment/paymentProcessor.js` committato)',
        en: 'The hotfix tests pass on the release’s code (the committed `src/payment/paymentProcessor.js`)',
      },
      hint: {
        it: 'correggi src/payment/paymentProcessor.js (npm test lo prova), poi git add e git commit',
        en: 'fix src/payment/paymentProcessor.js (npm test tries it), then git add and git commit',
      },
      solution: [
        `cat > ${PAYMENT} << 'EOF'\n%include ecommerce/files/payment/paymentProcessor.hotfix.js\nEOF`,
        `git add ${PAYMENT}`,
        `git commit -m "${HOTFIX_MESSAGES.fix}"`,
      ],
      needsTests: true,
      check: {kind: 'tests', at: {release: RELEASE}},
    },
    {
      id: 'release-tag',
      text: {
        it: 'Il tag annotato `hotfix-v1.0.1` segna il rilascio, un commit di `main` con il fix',
        en: 'The annotated tag `hotfix-v1.0.1` marks the release, a commit of `main` with the fix',
      },
      hint: {
        it: 'un tag annotato ha un messaggio: git tag -a ... -m ... (git tag -d toglie un tag sbagliato)',
        en: 'an annotated tag has a message: git tag -a ... -m ... (git tag -d removes a wrong one)',
      },
      solution: [`git tag -a hotfix-v1.0.1 -m "${HOTFIX_MESSAGES.tag}"`],
      check: {kind: 'annotated-release-tag', release: RELEASE, changes: PAYMENT},
    },
    {
      id: 'fix-in-main',
      text: {it: 'Il fix è in `main`', en: 'The fix is in `main`'},
      hint: {
        it: 'da main, unisci il branch di hotfix: git switch e git merge',
        en: 'from main, merge the hotfix branch: git switch and git merge',
      },
      solution: ['git switch main', `git merge ${BRANCH}`],
      check: {kind: 'contains-release', branch: 'main', release: RELEASE},
    },
    {
      id: 'fix-in-develop',
      text: {it: 'Il fix è anche in `develop`', en: 'The fix is in `develop` too'},
      hint: {
        it: 'da develop, unisci il branch di hotfix (o il tag): git switch e git merge',
        en: 'from develop, merge the hotfix branch (or the tag): git switch and git merge',
      },
      solution: ['git switch develop', `git merge --no-edit ${BRANCH}`],
      check: {kind: 'contains-release', branch: 'develop', release: RELEASE},
    },
    {
      id: 'develop-wip-kept',
      text: {
        it: '`develop` conserva il suo lavoro in corso (i due commit WIP e i loro file)',
        en: '`develop` keeps its work in progress (the two WIP commits and their files)',
      },
      hint: {
        it: 'il fix entra in develop con un merge, che aggiunge senza togliere: git reflog develop mostra dov’era',
        en: 'the fix enters develop with a merge, which adds without taking away: git reflog develop shows where it was',
      },
      solution: [],
      check: {kind: 'keeps-work', branch: 'develop', paths: WIP_PATHS},
    },
    branchDeletedGoal('hotfix-branch-deleted', {it: 'Il branch di hotfix', en: 'The hotfix branch'}, BRANCH),
    nothingInProgressGoal(),
  ],
};
