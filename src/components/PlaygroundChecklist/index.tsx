import type {ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import type {Exercise, GoalResult} from '../../../examples/ecommerce/exercises/types';
import styles from './styles.module.css';

export interface PlaygroundChecklistProps {
  exercise: Exercise;
  /** The checker's last answer (undefined before the first check). */
  results: GoalResult[] | undefined;
  locale: 'it' | 'en';
}

/** A goal's text with its `code` spans as code. */
function codeSpans(text: string): ReactNode[] {
  return text.split('`').map((piece, i) => (i % 2 === 1 ? <code key={i}>{piece}</code> : piece));
}

/**
 * The exercise's goals, ticked as the learner's repository reaches them (the checker runs after
 * every command). A goal that needs the tests cannot be checked in the page: it says where to run them.
 */
export default function PlaygroundChecklist({exercise, results, locale}: PlaygroundChecklistProps): ReactNode {
  const byId = new Map(results?.map((r) => [r.id, r]));
  const met = results?.filter((r) => r.status === 'met').length ?? 0;
  const checkable = exercise.goals.filter((g) => !g.needsTests).length;
  return (
    <section className={styles.checklist} data-playground-checklist="" aria-labelledby="playground-checklist-title">
      <h4 id="playground-checklist-title" className={styles.title}>
        <Translate id="playground.checklist.title">{'Obiettivi dell’esercizio'}</Translate>
      </h4>
      <p className={styles.summary} aria-live="polite">
        <Translate id="playground.checklist.summary" values={{met, total: checkable}}>
          {'{met} di {total} raggiunti (si aggiornano dopo ogni comando)'}
        </Translate>
      </p>
      <ul className={styles.goals}>
        {exercise.goals.map((goal) => {
          const result = byId.get(goal.id);
          const status = result?.status ?? (goal.needsTests ? 'skipped' : 'unmet');
          return (
            <li key={goal.id} className={styles.goal} data-goal={goal.id} data-status={status}>
              <span className={styles.mark} aria-hidden="true">
                {status === 'met' ? '✓' : status === 'skipped' ? '…' : '○'}
              </span>
              <span>
                <span className={styles.srOnly}>
                  {status === 'met' ? (
                    <Translate id="playground.checklist.met">{'Raggiunto:'}</Translate>
                  ) : status === 'skipped' ? (
                    <Translate id="playground.checklist.skipped">{'Da verificare nella sandbox:'}</Translate>
                  ) : (
                    <Translate id="playground.checklist.unmet">{'Non ancora:'}</Translate>
                  )}{' '}
                </span>
                {codeSpans(goal.text[locale])}
                {goal.needsTests && (
                  <span className={styles.note}>
                    {' '}
                    <Translate id="playground.checklist.needsTests" values={{command: <code>npm test</code>}}>
                      {'(esegui {command} nella sandbox StackBlitz: qui i test non girano)'}
                    </Translate>
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
