import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import InlineText from '@site/src/components/InlineText';
import {useCourseLessons} from '@site/src/plugins/course-lessons/client';
import styles from './styles.module.css';

/** The lessons as cards, in course order, from each lesson's front matter (in the page's language). */
export default function LessonCards(): ReactNode {
  return (
    <ol className={styles.cards}>
      {useCourseLessons().map((lesson) => (
        <li key={lesson.id} className={styles.card}>
          <p className={styles.workflow}>{lesson.workflow}</p>
          <h3 className={styles.title}>
            <Link to={lesson.path}>
              <span className={styles.number}>{lesson.number}</span> {lesson.name}
            </Link>
          </h3>
          <p>
            <InlineText runs={lesson.learn} />
          </p>
          <p className={styles.more} aria-hidden="true">
            <Translate id="lessons.card.open">Apri la lezione →</Translate>
          </p>
        </li>
      ))}
    </ol>
  );
}
