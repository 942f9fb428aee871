/**
 * A goal's solution as the learner copies it: its `%include <examples path>` lines (heredoc
 * bodies, as in the lesson's fences) replaced by the file, with the site's own expansion
 * (`src/plugins/remark-examples`), so the printed command is the lesson's block, byte for byte.
 */
import {expandFence, type ReadExample} from '../../../src/plugins/remark-examples/expand';

export function expandSolution(commands: readonly string[], read: ReadExample): string[] {
  return commands.map((command) => expandFence({lang: 'bash', value: command}, read));
}
