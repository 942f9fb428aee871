/**
 * STUB, replaced by issue 18's exercises when its branch is merged (this file is deleted then):
 * the playground's checklist is coded against the contract in `./types.ts`; this one exercise,
 * on the phase the lesson's exercise card uses until `02-exercise` exists, lets its tests run.
 */
import type {Exercise} from './types';

const FIX = 'hotfix: fix payment timeout and add retry logic';

export const exercises: Record<string, Exercise> = {
  '02-before-fix': {
    lesson: '02-hotfix-workflow',
    phase: '02-before-fix',
    task: {it: 'Correggi il bug dei pagamenti con un hotfix.', en: 'Fix the payment bug with a hotfix.'},
    goals: [
      {
        id: 'fix-on-main',
        text: {it: '`main` contiene il commit del fix', en: '`main` contains the fix commit'},
        hint: {it: 'un merge su main', en: 'a merge into main'},
        solution: ['git switch main', 'git merge hotfix/payment-timeout-fix'],
        check: {kind: 'branchHasSubject', branch: 'main', subject: FIX},
      },
      {
        id: 'release-tag',
        text: {it: 'il tag annotato `hotfix-v1.0.1` esiste', en: 'the annotated tag `hotfix-v1.0.1` exists'},
        hint: {it: 'git tag -a', en: 'git tag -a'},
        solution: ['git tag -a hotfix-v1.0.1 -m "…"'],
        check: {kind: 'annotatedTag', name: 'hotfix-v1.0.1'},
      },
      {
        id: 'fix-on-develop',
        text: {it: '`develop` contiene il commit del fix', en: '`develop` contains the fix commit'},
        hint: {it: 'un merge su develop', en: 'a merge into develop'},
        solution: ['git switch develop', 'git merge --no-edit hotfix/payment-timeout-fix'],
        check: {kind: 'branchHasSubject', branch: 'develop', subject: FIX},
      },
      {
        id: 'branch-deleted',
        text: {it: 'il branch di hotfix è cancellato', en: 'the hotfix branch is deleted'},
        hint: {it: 'git branch -d', en: 'git branch -d'},
        solution: ['git branch -d hotfix/payment-timeout-fix'],
        check: {kind: 'noBranch', branch: 'hotfix/payment-timeout-fix'},
      },
      {
        id: 'tests-pass',
        text: {it: 'i test passano', en: 'the tests pass'},
        hint: {it: 'npm test', en: 'npm test'},
        solution: ['npm test'],
        needsTests: true,
        check: {kind: 'tests'},
      },
    ],
  },
};
