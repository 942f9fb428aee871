import {useId, useState, type ComponentType, type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type {PlaygroundProps} from '../Playground';
import styles from './styles.module.css';

type State = {kind: 'closed'} | {kind: 'loading'} | {kind: 'open'; Playground: ComponentType<PlaygroundProps>} | {kind: 'failed'};

/** The mark the playground measures its start-up from (`scripts/bench/playground.mjs` reads it). */
const OPEN_MARK = 'playground-open';

/**
 * The Sandbox card's "try it in your browser" button and the playground it opens below it. The
 * playground's code (xterm, the git engine, the shell) and the phase's data are downloaded on
 * the first click only; a failed download says so and keeps the button.
 */
export default function PlaygroundLauncher({phase}: {phase: string}): ReactNode {
  const [state, setState] = useState<State>({kind: 'closed'});
  const [loaded, setLoaded] = useState<ComponentType<PlaygroundProps> | null>(null);
  const assetUrl = useBaseUrl(`/sandbox/${phase}.playground.json`);
  const regionId = useId();

  const open = () => {
    if (state.kind === 'loading') return;
    if (state.kind === 'open') {
      setState({kind: 'closed'});
      return;
    }
    performance.clearMarks(OPEN_MARK);
    performance.mark(OPEN_MARK);
    if (loaded) {
      setState({kind: 'open', Playground: loaded});
      return;
    }
    setState({kind: 'loading'});
    import('../Playground').then(
      (module) => {
        setLoaded(() => module.default);
        setState({kind: 'open', Playground: module.default});
      },
      () => setState({kind: 'failed'}),
    );
  };

  return (
    <div className={styles.launcher}>
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--secondary"
          onClick={open}
          aria-expanded={state.kind === 'open'}
          aria-controls={regionId}
          aria-disabled={state.kind === 'loading'}
          data-playground-button="">
          {state.kind === 'open' ? (
            <Translate id="playground.action.close">{'Chiudi il playground'}</Translate>
          ) : state.kind === 'loading' ? (
            <Translate id="playground.action.loading">{'Caricamento del playground…'}</Translate>
          ) : (
            <Translate id="playground.action.open">{'Prova nel browser'}</Translate>
          )}
        </button>
        <span className={styles.hint}>
          <Translate id="playground.action.hint">{'git in un terminale nella pagina, anche offline e su telefono (senza Node.js)'}</Translate>
        </span>
      </div>
      {/* An alert, not a status: the card's role=status is the sandbox's (and only one per card). */}
      {state.kind === 'failed' && (
        <p role="alert" className={styles.status} data-playground-failed="">
          <Translate id="playground.action.failed">
            {'Non è stato possibile scaricare il playground: controlla la connessione e premi di nuovo «Prova nel browser».'}
          </Translate>
        </p>
      )}
      <div id={regionId}>{state.kind === 'open' && <state.Playground phase={phase} assetUrl={assetUrl} />}</div>
    </div>
  );
}
