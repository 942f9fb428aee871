import type {LessonExpectation} from '../final-state';

/**
 * Lesson 03 ends where the phase `03-after-adoption` ends: the co-purchase experiment merged into
 * `develop`, the losing experiment kept only by its annotated `archive/...` tag, both branches gone.
 */
const expectation: LessonExpectation = {phase: '03-after-adoption'};

export default expectation;
