import {useId, type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import InlineText from '../InlineText';
import {exerciseChecklist} from './checklist';
import styles from './styles.module.css';

export interface ExerciseGoalsProps {
  /** The phase the exercise starts from: `02-exercise`. */
  phase: string;
}

/**
 * The lesson's exercise: its task and its goals as a checklist, in the page's language, from the
 * same data `npm run check` verifies. The boxes are drawn, not inputs: the check, not the reader,
 * ticks them.
 */
export default function ExerciseGoals({phase}: ExerciseGoalsProps): ReactNode {
  const {i18n} = useDocusaurusContext();
  const {task, goals} = exerciseChecklist(phase, i18n.currentLocale);
  const listId = useId();
  return (
    <div className={styles.exercise} data-exercise={phase}>
      <p className={styles.task} data-exercise-task="">
        <InlineText runs={task} />
      </p>
      <p id={listId} className={styles.lead}>
        <Translate id="exercise.goals.lead" values={{check: <code>npm run check</code>}}>
          {'Gli obiettivi, che {check} verifica uno per uno sul tuo repository (conta lo stato finale, non i comandi che scegli):'}
        </Translate>
      </p>
      <ul className={styles.goals} aria-labelledby={listId}>
        {goals.map((goal) => (
          <li key={goal.id} data-goal={goal.id}>
            <InlineText runs={goal.text} />
            {goal.needsTests && (
              <>
                {' '}
                <span className={styles.byTests}>
                  <Translate id="exercise.goals.byTests">{'(verificato con i test)'}</Translate>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
