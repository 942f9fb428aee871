import type {Identity, FileMap, HistoryStep, Phase} from './types';


/** The lesson's `git config user.name` / `user.email`. */
const IDENTITY: Identity = {name: 'Product Engineer', email: 'product@ecommerce.com'};
const F = 'ecommerce/files/recommend';
const T = 'ecommerce/tests/recommend';

// Commit and tag messages exactly as the lesson's commands write them.
export const EXPERIMENT_MESSAGES = {
  initial: 'Initial commit: product catalogue',
  orders: 'feat: export order history for recommendations',
  bench: 'test: add recommendation benchmark harness',
  popularity: 'experiment: recommend the most bought products',
  coPurchase: 'experiment: recommend products bought together',
  mergeIntoDevelop: "Merge branch 'experiment/recs-co-purchase' into develop",
  serve: 'feat: serve co-purchase recommendations',
  archiveTag: `Archived experiment: popularity recommendations

Lost to experiment/recs-co-purchase on bench-recommendations.js.
Revive with: git switch -c experiment/recs-popularity archive/recs-popularity`,
} as const;

/** `main` with the catalogue; `develop` with the order history and the benchmark harness. */
const setup: HistoryStep[] = [
  {
    op: 'commit',
    message: EXPERIMENT_MESSAGES.initial,
    files: {'README.md': `${F}/README.md`, 'data/products.json': `${F}/products.json`},
  },
  {op: 'branch', name: 'develop'},
  {
    op: 'commit',
    message: EXPERIMENT_MESSAGES.orders,
    files: {
      'scripts/generate-orders.js': `${F}/generate-orders.js`,
      'data/orders.json': `${F}/orders.json`,
    },
  },
  {
    op: 'commit',
    message: EXPERIMENT_MESSAGES.bench,
    files: {'bench-recommendations.js': `${F}/bench-recommendations.js`},
  },
];

const popularityExperiment: HistoryStep[] = [
  {op: 'branch', name: 'experiment/recs-popularity'},
  {
    op: 'commit',
    message: EXPERIMENT_MESSAGES.popularity,
    files: {'src/recommendations/popularity.js': `${F}/popularity.js`},
  },
];

const coPurchaseExperiment: HistoryStep[] = [
  {op: 'switch', name: 'develop'},
  {op: 'branch', name: 'experiment/recs-co-purchase'},
  {
    op: 'commit',
    message: EXPERIMENT_MESSAGES.coPurchase,
    files: {'src/recommendations/coPurchase.js': `${F}/coPurchase.js`},
  },
];

/** Tests every phase of the lesson runs: the data and the harness are on every branch. */
const commonTests: FileMap = {
  'tests/orders.test.ts': `${T}/orders.test.ts`,
  'tests/benchmark.test.ts': `${T}/benchmark.test.ts`,
};

/** `npm run demo`: the lesson's benchmark of the approach checked out in the phase. */
const benchmark = (approach: string): Pick<Phase, 'demo' | 'demoArgs'> => ({
  demo: 'bench-recommendations.js',
  demoArgs: [approach],
});

export const experimentationPhases = {
  /** Phase 1 done: experiment A committed, checked out on `experiment/recs-popularity`. */
  '03-experiment-popularity': {
    lesson: '03-experimentation',
    identity: IDENTITY,
    history: [...setup, ...popularityExperiment],
    untracked: {},
    tests: {...commonTests, 'tests/popularity.test.ts': `${T}/popularity.test.ts`},
    ...benchmark('src/recommendations/popularity.js'),
    openFile: 'src/recommendations/popularity.js',
  },
  /** Phase 2 done: both experiment branches exist, checked out on `experiment/recs-co-purchase`. */
  '03-experiments': {
    lesson: '03-experimentation',
    identity: IDENTITY,
    history: [...setup, ...popularityExperiment, ...coPurchaseExperiment],
    untracked: {},
    tests: {...commonTests, 'tests/coPurchase.test.ts': `${T}/coPurchase.test.ts`},
    ...benchmark('src/recommendations/coPurchase.js'),
    openFile: 'src/recommendations/coPurchase.js',
  },
  /**
   * The end of lesson 03: co-purchase merged into `develop` with --no-ff and served,
   * popularity archived under an annotated tag, both experiment branches deleted.
   */
  '03-after-adoption': {
    lesson: '03-experimentation',
    identity: IDENTITY,
    endsLesson: true,
    history: [
      ...setup,
      ...popularityExperiment,
      ...coPurchaseExperiment,
      {op: 'switch', name: 'develop'},
      {
        op: 'merge',
        branch: 'experiment/recs-co-purchase',
        message: EXPERIMENT_MESSAGES.mergeIntoDevelop,
        noFastForward: true,
      },
      {op: 'deleteBranch', name: 'experiment/recs-co-purchase'},
      {
        op: 'commit',
        message: EXPERIMENT_MESSAGES.serve,
        files: {'src/recommendations/index.js': `${F}/index.js`},
      },
      {
        op: 'tag',
        name: 'archive/recs-popularity',
        message: EXPERIMENT_MESSAGES.archiveTag,
        target: 'experiment/recs-popularity',
      },
      {op: 'deleteBranch', name: 'experiment/recs-popularity', force: true},
    ],
    untracked: {},
    tests: {
      ...commonTests,
      'tests/coPurchase.test.ts': `${T}/coPurchase.test.ts`,
      'tests/serving.test.ts': `${T}/serving.test.ts`,
    },
    ...benchmark('src/recommendations/index.js'),
    openFile: 'src/recommendations/index.js',
  },
  /**
   * Where the learner takes over (the lesson's exercise, `exercises/03-experimentation.ts`): on
   * `develop`, with the data and the benchmark, before any experiment. No demo: the benchmark
   * needs an approach file, which the learner writes.
   */
  '03-exercise': {
    lesson: '03-experimentation',
    identity: IDENTITY,
    history: setup,
    untracked: {},
    tests: commonTests,
    openFile: 'bench-recommendations.js',
  },
} satisfies Record<string, Phase>;
