import type {Identity, HistoryStep, Phase} from './types';


/** The lesson's `git config user.name` / `user.email`. */
const IDENTITY: Identity = {name: 'Cart Team Developer', email: 'cart-team@ecommerce.com'};
const F = 'ecommerce/files';
const FEATURE = 'feature/advanced-cart';
/** The colleague whose commits on `develop` the lesson makes with `--author`. */
const COLLEAGUE = 'Giulia Bianchi <giulia@ecommerce.com>';

// Commit messages exactly as the lesson's commands write them.
export const FEATURE_MESSAGES = {
  initial: 'Initial commit: production e-commerce system',
  config: 'chore: add shared cart configuration',
  items: 'feat(cart): add items and quantities',
  totals: 'feat(cart): compute totals in integer cents',
  readme: 'docs: describe the shared cart configuration',
  syncMerge: "Merge branch 'develop' into feature/advanced-cart (README update)",
  discounts: 'feat(cart): add percentage and fixed discounts',
  capDiscount: 'chore: cap percentage discounts at 30%',
  // `git commit --no-edit` after a conflict keeps git's list of the conflicted files.
  conflictMerge: `Merge branch 'develop' into feature/advanced-cart

# Conflicts:
#\tsrc/cart/cartConfig.js`,
  demo: 'feat(cart): add the cart summary demo',
  mergeIntoDevelop: "Merge branch 'feature/advanced-cart' into develop",
} as const;

/** Lesson 01 before the feature: production on `main`, `develop` with the shared cart config. */
const start: HistoryStep[] = [
  {
    op: 'commit',
    message: FEATURE_MESSAGES.initial,
    files: {
      'README.md': `${F}/README.md`,
      'src/payment/paymentProcessor.js': `${F}/payment/paymentProcessor.production.js`,
    },
  },
  {op: 'branch', name: 'develop'},
  {
    op: 'commit',
    message: FEATURE_MESSAGES.config,
    files: {'src/cart/cartConfig.js': `${F}/feature/cart/cartConfig.base.js`},
  },
];

/**
 * Lesson 01 up to the conflict: the feature branch has its cart (items, totals, discounts) and
 * one sync with develop; develop has since received marketing's 30% cap, which the feature's
 * own change of the shared config will conflict with. Checked out on the feature branch.
 */
const beforeConflict: HistoryStep[] = [
  ...start,
  {op: 'branch', name: FEATURE},
  {
    op: 'commit',
    message: FEATURE_MESSAGES.items,
    files: {'src/cart/advancedCart.js': `${F}/feature/cart/advancedCart.items.js`},
  },
  {
    op: 'commit',
    message: FEATURE_MESSAGES.totals,
    files: {
      'src/cart/money.js': `${F}/feature/cart/money.js`,
      'src/cart/advancedCart.js': `${F}/feature/cart/advancedCart.totals.js`,
    },
  },
  {op: 'switch', name: 'develop'},
  {
    op: 'commit',
    message: FEATURE_MESSAGES.readme,
    files: {'README.md': `${F}/feature/README.develop.md`},
    author: COLLEAGUE,
  },
  {op: 'switch', name: FEATURE},
  {op: 'merge', branch: 'develop', message: FEATURE_MESSAGES.syncMerge},
  {
    op: 'commit',
    message: FEATURE_MESSAGES.discounts,
    files: {
      'src/cart/advancedCart.js': `${F}/feature/cart/advancedCart.js`,
      'src/cart/cartConfig.js': `${F}/feature/cart/cartConfig.feature.js`,
    },
  },
  {op: 'switch', name: 'develop'},
  {
    op: 'commit',
    message: FEATURE_MESSAGES.capDiscount,
    files: {'src/cart/cartConfig.js': `${F}/feature/cart/cartConfig.develop.js`},
    author: COLLEAGUE,
  },
  {op: 'switch', name: FEATURE},
];

/** The whole lesson: the feature branch, two syncs with develop (one conflicting), the --no-ff merge. */
const afterMerge: HistoryStep[] = [
  ...beforeConflict,
  {
    op: 'merge',
    branch: 'develop',
    message: FEATURE_MESSAGES.conflictMerge,
    resolved: {'src/cart/cartConfig.js': `${F}/feature/cart/cartConfig.resolved.js`},
  },
  {
    op: 'commit',
    message: FEATURE_MESSAGES.demo,
    files: {'test-cart.js': `${F}/feature/test-cart.js`},
  },
  {op: 'switch', name: 'develop'},
  {
    op: 'merge',
    branch: FEATURE,
    message: FEATURE_MESSAGES.mergeIntoDevelop,
    noFastForward: true,
  },
  {op: 'deleteBranch', name: FEATURE},
];

const T = 'ecommerce/tests/feature';

export const featurePhases = {
  /** `develop` is ready (shared cart config committed); the feature branch does not exist yet. */
  '01-start': {
    lesson: '01-feature-branch',
    identity: IDENTITY,
    history: start,
    untracked: {},
    tests: {'tests/cartConfig.test.ts': `${T}/cartConfig.test.ts`},
    openFile: 'src/cart/cartConfig.js',
  },
  /** The end of lesson 01: the advanced cart merged into develop with --no-ff, branch deleted. */
  '01-after-merge': {
    lesson: '01-feature-branch',
    identity: IDENTITY,
    endsLesson: true,
    history: afterMerge,
    untracked: {},
    tests: {
      'tests/cartConfig.test.ts': `${T}/cartConfig.test.ts`,
      'tests/money.test.ts': `${T}/money.test.ts`,
      'tests/advancedCart.test.ts': `${T}/advancedCart.test.ts`,
      'tests/demo.test.ts': `${T}/demo.test.ts`,
    },
    demo: 'test-cart.js',
    openFile: 'src/cart/advancedCart.js',
  },
  /**
   * Where the learner takes over (the lesson's exercise, `exercises/01-feature-branch.ts`): on
   * the feature branch, just before bringing develop in. The tests here pass; the exercise's
   * (the whole cart's) do not until the conflict is resolved.
   */
  '01-exercise': {
    lesson: '01-feature-branch',
    identity: IDENTITY,
    history: beforeConflict,
    untracked: {},
    tests: {
      'tests/cartConfig.test.ts': `${T}/cartConfig.test.ts`,
      'tests/money.test.ts': `${T}/money.test.ts`,
    },
    openFile: 'src/cart/cartConfig.js',
  },
} satisfies Record<string, Phase>;
