import type {LessonExpectation} from '../final-state';

/**
 * Lesson 01 ends where the phase `01-after-merge` ends: the advanced cart merged into `develop`
 * with `--no-ff` (after a sync merge and a resolved conflict), the feature branch deleted.
 */
const expectation: LessonExpectation = {phase: '01-after-merge'};

export default expectation;
