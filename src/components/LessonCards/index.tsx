import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import {courseLessons} from './lessons';
import styles from './styles.module.css';

/** The lessons as cards, in course order. */
export default function LessonCards(): ReactNode {
  return (
    <ol className={styles.cards}>
      {courseLessons().map((lesson) => (
        <li key={lesson.number} className={styles.card}>
          <p className={styles.workflow}>{lesson.workflow}</p>
          <h3 className={styles.title}>
            <Link to={lesson.path}>
              <span className={styles.number}>{lesson.number}</span> {lesson.title}
            </Link>
          </h3>
          <p>{lesson.summary}</p>
          <p className={styles.more} aria-hidden="true">
            <Translate id="lessons.card.open">Apri la lezione →</Translate>
          </p>
        </li>
      ))}
    </ol>
  );
}
