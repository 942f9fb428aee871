import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import InlineText from '@site/src/components/InlineText';
import ScrollBox from '@site/src/components/ScrollBox';
import {useCourseLessons} from '@site/src/plugins/course-lessons/client';

/**
 * The course index's table of lessons, in course order, from each lesson's front matter (in the
 * page's language): what the learner does, and the workflow it teaches and when it fits. Like a
 * Markdown table (MDXComponents), it scrolls in a ScrollBox on a phone, which says so.
 */
export default function LessonIndex(): ReactNode {
  return (
    <ScrollBox kind="table">
      <table>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="lessons.index.lesson" description="Column of the course index's lesson table: the lesson">
                Lezione
              </Translate>
            </th>
            <th scope="col">
              <Translate id="lessons.index.learn" description="Column of the course index's lesson table: what you learn">
                Cosa impari
              </Translate>
            </th>
            <th scope="col">
              <Translate id="lessons.index.workflow" description="Column of the course index's lesson table: the workflow">
                Workflow
              </Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {useCourseLessons().map((lesson) => (
            <tr key={lesson.id}>
              <td>
                <Link to={lesson.path}>{lesson.title}</Link>
              </td>
              <td>
                <InlineText runs={lesson.learn} />
              </td>
              <td>
                <strong>{lesson.workflow}</strong>: <InlineText runs={lesson.when} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
