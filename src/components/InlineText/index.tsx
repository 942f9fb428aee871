import type {ReactNode} from 'react';
import type {InlineText as Runs} from '@site/src/plugins/course-lessons/client';

/** Text from a lesson's front matter, its `code` spans as code (see course-lessons/catalog.ts). */
export default function InlineText({runs}: {runs: Runs}): ReactNode {
  return runs.map((run, i) => (run.code ? <code key={i}>{run.text}</code> : run.text));
}
