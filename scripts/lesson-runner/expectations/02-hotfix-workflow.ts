import type {LessonExpectation} from '../final-state';

/**
 * Lesson 02 ends exactly where the phase `02-after-fix` of `examples/ecommerce/phases` ends:
 * `main` fast-forwarded to the three hotfix commits, the annotated tag `hotfix-v1.0.1` on the
 * docs commit, `develop` with a merge commit of the hotfix and the post-incident commit on top,
 * the hotfix branch deleted, HEAD on `develop`, and `test-payment.js` left untracked.
 * Files, messages and parents all come from the phase, so they are stated once.
 */
const expectation: LessonExpectation = {phase: '02-after-fix'};

export default expectation;
