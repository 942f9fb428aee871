import type {Identity, HistoryStep, Phase} from './types';


/** The lesson's `git config user.name` / `user.email`. */
const IDENTITY: Identity = {name: 'DevOps Engineer', email: 'devops@ecommerce.com'};
const F = 'ecommerce/files';
const T = 'ecommerce/tests';

/** Tests every phase of lesson 02 runs, whichever payment processor it has. */
const sharedTests = {
  'tests/badInput.test.ts': `${T}/badInput.test.ts`,
  'tests/support.ts': `${T}/support.ts`,
};

// Commit messages exactly as the lesson's commands write them.
export const HOTFIX_MESSAGES = {
  initial: 'Initial commit: production e-commerce system',
  wipCart: 'WIP: advanced cart system - partial implementation',
  wipApi: 'WIP: new API endpoints structure',
  fix: `hotfix: fix payment timeout and add retry logic

URGENT: Fix critical payment processing failures

Changes:
- Increase timeout from 30s to 60s
- Add automatic retry (2 attempts)
- Add delay between retries (2s)
- Improve success rate to 95%
- Add attempt tracking

Fixes: Payment API timeout errors
Impact: Critical revenue protection`,
  test: `test: add hotfix validation test

- Verify payment success rate >95%
- Test retry mechanism
- Validate timeout improvements`,
  docs: `docs: document payment timeout hotfix

- Complete incident analysis
- Detail solution implementation
- Include deployment plan
- Add follow-up actions`,
  tag: `Hotfix v1.0.1: Payment timeout resolution

Critical fix for payment processing failures
- Fixed timeout issues
- Added retry mechanism
- Restored 95%+ success rate`,
  mergeIntoDevelop: "Merge branch 'hotfix/payment-timeout-fix' into develop",
  postIncident: `docs: post-incident action plan

- Define monitoring improvements
- Plan resilience enhancements
- Set success metrics
- Schedule follow-up tasks`,
} as const;

/** Lesson 02 up to the alert: production on `main`, work in progress on `develop`. */
const beforeHotfix: HistoryStep[] = [
  {
    op: 'commit',
    message: HOTFIX_MESSAGES.initial,
    files: {
      'README.md': `${F}/README.md`,
      'src/payment/paymentProcessor.js': `${F}/payment/paymentProcessor.production.js`,
    },
  },
  {op: 'branch', name: 'develop'},
  {
    op: 'commit',
    message: HOTFIX_MESSAGES.wipCart,
    files: {'src/cart/advancedCart.js': `${F}/cart/advancedCart.wip.js`},
  },
  {
    op: 'commit',
    message: HOTFIX_MESSAGES.wipApi,
    files: {'src/api/newEndpoints.js': `${F}/api/newEndpoints.wip.js`},
  },
  {op: 'switch', name: 'main'},
];

export const hotfixPhases = {
  /** The alert has fired: `main` is production with the payment bug. */
  '02-before-fix': {
    lesson: '02-hotfix-workflow',
    identity: IDENTITY,
    history: beforeHotfix,
    untracked: {'test-payment.js': `${F}/test-payment.js`},
    tests: {
      ...sharedTests,
      'tests/paymentProcessor.test.ts': `${T}/paymentProcessor.production.test.ts`,
    },
    demo: 'test-payment.js',
    openFile: 'src/payment/paymentProcessor.js',
  },
  /** The end of lesson 02: hotfix merged into main and develop, tagged, follow-up committed. */
  '02-after-fix': {
    lesson: '02-hotfix-workflow',
    identity: IDENTITY,
    endsLesson: true,
    history: [
      ...beforeHotfix,
      {op: 'branch', name: 'hotfix/payment-timeout-fix'},
      {
        op: 'commit',
        message: HOTFIX_MESSAGES.fix,
        files: {'src/payment/paymentProcessor.js': `${F}/payment/paymentProcessor.hotfix.js`},
      },
      {
        op: 'commit',
        message: HOTFIX_MESSAGES.test,
        files: {'test-payment-fixed.js': `${F}/test-payment-fixed.js`},
      },
      {
        op: 'commit',
        message: HOTFIX_MESSAGES.docs,
        files: {'HOTFIX_PAYMENT_TIMEOUT.md': `${F}/HOTFIX_PAYMENT_TIMEOUT.md`},
      },
      {op: 'tag', name: 'hotfix-v1.0.1', message: HOTFIX_MESSAGES.tag},
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'hotfix/payment-timeout-fix', message: ''},
      {op: 'switch', name: 'develop'},
      {
        op: 'merge',
        branch: 'hotfix/payment-timeout-fix',
        message: HOTFIX_MESSAGES.mergeIntoDevelop,
      },
      {op: 'deleteBranch', name: 'hotfix/payment-timeout-fix'},
      {
        op: 'commit',
        message: HOTFIX_MESSAGES.postIncident,
        files: {'POST_INCIDENT_ACTIONS.md': `${F}/POST_INCIDENT_ACTIONS.md`},
      },
    ],
    untracked: {'test-payment.js': `${F}/test-payment.js`},
    tests: {
      ...sharedTests,
      'tests/paymentProcessor.test.ts': `${T}/paymentProcessor.hotfix.test.ts`,
    },
    demo: 'test-payment-fixed.js',
    openFile: 'src/payment/paymentProcessor.js',
  },
  /**
   * Where the learner takes over (the lesson's exercise, `exercises/02-hotfix-workflow.ts`): the
   * alert has fired, no hotfix branch yet. Its tests are the ones that pass on any payment
   * processor; the exercise brings the hotfix's, which fail on this production code.
   */
  '02-exercise': {
    lesson: '02-hotfix-workflow',
    identity: IDENTITY,
    history: beforeHotfix,
    untracked: {'test-payment.js': `${F}/test-payment.js`},
    tests: sharedTests,
    demo: 'test-payment.js',
    openFile: 'src/payment/paymentProcessor.js',
  },
} satisfies Record<string, Phase>;
