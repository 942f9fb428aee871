/**
 * Lesson 01's exercise: the learner takes over the feature branch just before the conflict
 * (`01-exercise`: the cart with its discounts on `feature/advanced-cart`, marketing's 30% cap
 * new on `develop`). Bringing develop in, resolving the conflict on the feature branch, the
 * `--no-ff` merge and the safe deletion are the lesson's workflow; the branch and its first
 * commits are the lesson's own, so the exercise is not a copy of ten blocks of code.
 */
import {FEATURE_MESSAGES} from '../phases/01-feature-branch';
import {branchDeletedGoal, nothingInProgressGoal} from './common-goals';
import type {Exercise} from './types';

const T = 'ecommerce/tests/feature';
const FEATURE = 'feature/advanced-cart';
/** The file only the feature has: where it entered develop is where the feature was merged. */
const CART = 'src/cart/advancedCart.js';

export const featureExercise: Exercise = {
  lesson: '01-feature-branch',
  phase: '01-exercise',
  task: {
    it: 'Sei su `feature/advanced-cart`, con il carrello e i suoi sconti; nel frattempo su `develop` il marketing ha limitato gli sconti al 30%, nelle stesse righe di `src/cart/cartConfig.js`. Da solo: aggiorna il feature branch con `develop`, risolvi il conflitto tenendo le intenzioni di entrambi, aggiungi la demo del carrello, integra la feature in `develop` con un commit di merge e cancella il feature branch.',
    en: 'You are on `feature/advanced-cart`, with the cart and its discounts; meanwhile on `develop` marketing capped discounts at 30%, in the same lines of `src/cart/cartConfig.js`. On your own: update the feature branch from `develop`, resolve the conflict keeping both intentions, add the cart demo, integrate the feature into `develop` with a merge commit and delete the feature branch.',
  },
  start: {
    main: 'e83d49277a800c9a02f0b8d9f26d58776ef0b6a8',
    develop: '9851fe9239d6ddec8c1031928ce6914766d95398',
    [FEATURE]: 'f0b29c164925280ce204390f3260c117fc15963a',
  },
  tests: {
    'tests/cartConfig.test.ts': `${T}/cartConfig.test.ts`,
    'tests/money.test.ts': `${T}/money.test.ts`,
    'tests/advancedCart.test.ts': `${T}/advancedCart.test.ts`,
    'tests/demo.test.ts': `${T}/demo.test.ts`,
  },
  goals: [
    {
      id: 'synced-with-develop',
      text: {
        it: 'Il feature branch riceve `develop` prima del merge finale: il conflitto si risolve sul feature branch, non su `develop`',
        en: 'The feature branch takes in `develop` before the final merge: the conflict is resolved on the feature branch, not on `develop`',
      },
      hint: {
        it: 'dal feature branch, unisci develop (git merge); risolvi il conflitto, poi git add e git commit',
        en: 'from the feature branch, merge develop (git merge); resolve the conflict, then git add and git commit',
      },
      solution: [
        'git merge develop',
        "cat > src/cart/cartConfig.js << 'EOF'\n%include ecommerce/files/feature/cart/cartConfig.resolved.js\nEOF",
        'git add src/cart/cartConfig.js',
        'git commit --no-edit',
      ],
      check: {kind: 'synced-before-merge', into: 'develop', path: CART},
    },
    {
      id: 'cart-tests',
      text: {
        it: 'I test del carrello passano su `develop` (30% del marketing, limite degli sconti fissi, nessun marcatore, demo)',
        en: 'The cart’s tests pass on `develop` (marketing’s 30%, the fixed-discount cap, no markers, the demo)',
      },
      hint: {
        it: 'la versione risolta di cartConfig.js tiene il 30% e maxFixedDiscountCents; npm test la prova, git commit la salva',
        en: 'the resolved cartConfig.js keeps the 30% and maxFixedDiscountCents; npm test tries it, git commit saves it',
      },
      solution: [
        "cat > test-cart.js << 'EOF'\n%include ecommerce/files/feature/test-cart.js\nEOF",
        'git add test-cart.js',
        `git commit -m "${FEATURE_MESSAGES.demo}"`,
      ],
      needsTests: true,
      check: {kind: 'tests', at: {branch: 'develop'}},
    },
    {
      id: 'merged-no-ff',
      text: {
        it: 'La feature entra in `develop` con un commit di merge (`--no-ff`)',
        en: 'The feature enters `develop` with a merge commit (`--no-ff`)',
      },
      hint: {
        it: 'da develop, git merge --no-ff: crea il commit di merge anche quando basterebbe un fast-forward',
        en: 'from develop, git merge --no-ff: it makes the merge commit even where a fast-forward would do',
      },
      solution: ['git switch develop', `git merge --no-ff --no-edit ${FEATURE}`],
      check: {kind: 'merged-no-ff', into: 'develop', path: CART},
    },
    {
      id: 'main-untouched',
      text: {
        it: '`main`, la produzione, non cambia: la feature va in `develop`',
        en: '`main`, production, does not change: the feature goes into `develop`',
      },
      hint: {
        it: 'main avanza solo con un rilascio: riportalo al commit di produzione (git reflog main mostra dov’era)',
        en: 'main moves only with a release: take it back to the production commit (git reflog main shows where it was)',
      },
      solution: [],
      check: {kind: 'unchanged', branch: 'main'},
    },
    branchDeletedGoal('feature-branch-deleted', {it: 'Il feature branch', en: 'The feature branch'}, FEATURE),
    nothingInProgressGoal({
      it: 'concludi il merge (git add dei file risolti, poi git commit) o annullalo (git merge --abort)',
      en: 'finish the merge (git add the resolved files, then git commit) or abort it (git merge --abort)',
    }),
  ],
};
