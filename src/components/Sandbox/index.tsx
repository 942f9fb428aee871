import {useCallback, useEffect, useId, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {useColorMode} from '@docusaurus/theme-common';
import {usePluginData} from '@docusaurus/useGlobalData';
import {
  embedSandbox,
  loadSandbox,
  openInNewTab,
  probeStackBlitz,
  type LoadedSandbox,
} from './launch';
import PlaygroundLauncher from '../PlaygroundLauncher';
import styles from './styles.module.css';

export interface SandboxProps {
  /** A phase id from examples/ecommerce/phases, e.g. `02-before-fix`. */
  phase: string;
  /** What to look for in this phase and what to expect, written in the lesson (each locale). */
  children?: ReactNode;
}

type Status = 'idle' | 'loading' | 'ready' | 'offline';

interface CardData {
  /** `exercise`: an exercise starts there (the card is "Try it yourself", with `npm run check`). */
  phases: Record<string, {demo: boolean; exercise?: boolean} | undefined>;
  /** The commands of the sandbox's git, as `git help` lists them. */
  gitCommands: string[];
}

/** Opens the phase full size on stackblitz.com; offered before and after the embed. */
function NewTabButton({onClick}: {onClick: () => void}): ReactNode {
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      <Translate id="sandbox.action.newTab">{'Apri in una nuova scheda'}</Translate>
      <span className={styles.srOnly}>
        {' '}
        <Translate id="sandbox.action.newTab.hint">{'(StackBlitz, si apre in una nuova scheda)'}</Translate>
      </span>
    </button>
  );
}

function LocalCommands({phase, demo, exercise}: {phase: string; demo: boolean; exercise: boolean}): ReactNode {
  const commands = [
    `unzip ${phase}.zip`,
    `cd ${phase}`,
    'npm install --no-audit --no-fund',
    ...(demo ? ['npm run demo'] : []),
    'npm test',
    'npm run history',
    ...(exercise ? ['npm run check'] : []),
  ].join('\n');
  return (
    <pre className={styles.commands}>
      <code>{commands}</code>
    </pre>
  );
}

/**
 * A card that launches the course's e-commerce repository, at one phase, in a StackBlitz
 * WebContainer. Nothing of the SDK or of the project is downloaded before a click.
 */
export default function Sandbox({phase, children}: SandboxProps): ReactNode {
  const assetUrl = useBaseUrl(`/sandbox/${phase}.json`);
  const zipUrl = useBaseUrl(`/sandbox/${phase}.zip`);
  const {colorMode} = useColorMode();
  const cardData = usePluginData('sandbox-projects') as CardData | undefined;
  const hasDemo = cardData?.phases[phase]?.demo === true;
  const isExercise = cardData?.phases[phase]?.exercise === true;
  const gitCommands = cardData?.gitCommands ?? [];
  const theme = colorMode === 'dark' ? 'dark' : 'light';
  const [status, setStatus] = useState<Status>('idle');
  const hostRef = useRef<HTMLDivElement>(null);
  const offlineRef = useRef<HTMLDivElement>(null);
  const loaded = useRef<Promise<LoadedSandbox> | null>(null);
  const ready = useRef<LoadedSandbox | null>(null);
  const mounted = useRef(true);
  const headingId = useId();

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (status === 'offline') offlineRef.current?.focus();
  }, [status]);

  // The SDK and the phase's files, fetched on the first click only (then kept).
  const load = useCallback((): Promise<LoadedSandbox> => {
    if (!loaded.current) {
      loaded.current = loadSandbox(assetUrl).then(
        (result) => {
          ready.current = result;
          return result;
        },
        (error: unknown) => {
          loaded.current = null;
          throw error;
        },
      );
    }
    return loaded.current;
  }, [assetUrl]);

  const frameTitle = translate(
    {id: 'sandbox.frame.title', message: 'Sandbox StackBlitz: repository e-commerce, fase {phase}'},
    {phase},
  );

  const launch = async () => {
    if (status === 'loading') return;
    setStatus('loading');
    try {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new Error('offline');
      const sandbox = await load();
      const host = hostRef.current;
      if (!host || !mounted.current) return;
      await embedSandbox({...sandbox, host, frameTitle, theme, probe: probeStackBlitz});
      if (!mounted.current) return;
      setStatus('ready');
      host.querySelector('iframe')?.focus();
    } catch {
      if (mounted.current) setStatus('offline');
    }
  };

  const openTab = () => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      setStatus('offline');
      return;
    }
    // Already loaded: open synchronously, inside the click, so no popup blocker objects.
    if (ready.current) {
      openInNewTab(ready.current, theme);
      return;
    }
    load().then(
      (sandbox) => openInNewTab(sandbox, theme),
      () => mounted.current && setStatus('offline'),
    );
  };

  return (
    <section className={styles.card} aria-labelledby={headingId} data-sandbox-phase={phase}>
      <h3 id={headingId} className={styles.title}>
        {isExercise ? (
          <Translate id="sandbox.card.title.exercise" values={{phase: <code>{phase}</code>}}>
            {'Mettiti alla prova: l’esercizio, fase {phase}'}
          </Translate>
        ) : (
          <Translate id="sandbox.card.title" values={{phase: <code>{phase}</code>}}>
            {'Sandbox: il repository alla fase {phase}'}
          </Translate>
        )}
      </h3>
      <p>
        <Translate id="sandbox.card.holds">
          {
            'Il repository e-commerce della lezione in questa fase, con la sua cronologia di commit, branch e tag, in un ambiente Node.js 22 che gira nel browser (StackBlitz WebContainer). Non devi installare nulla. Nel terminale prova:'
          }
        </Translate>
      </p>
      <ul className={styles.tryList}>
        {hasDemo && (
          <li>
            <code>npm run demo</code>{' '}
            <Translate id="sandbox.card.try.demo">{'esegue lo script dimostrativo di questa fase'}</Translate>
          </li>
        )}
        <li>
          <code>npm test</code>{' '}
          <Translate id="sandbox.card.try.test">{'lancia i test vitest di questa fase'}</Translate>
        </li>
        <li>
          <code>git status</code>, <code>git log --oneline --graph --all</code>{' '}
          <Translate id="sandbox.card.try.git">{'e gli altri comandi git della lezione'}</Translate>
        </li>
        {isExercise && (
          <li>
            <code>npm run check</code>{' '}
            <Translate id="sandbox.card.try.check" values={{solution: <code>npm run solution</code>}}>
              {'dice, obiettivo per obiettivo, che cosa hai fatto e che cosa manca; {solution} mostra i comandi della lezione per ciò che manca'}
            </Translate>
          </li>
        )}
        <li>
          <code>npm run history</code>{' '}
          <Translate
            id="sandbox.card.try.history"
            values={{gitlog: <code>git log --graph --oneline --all --decorate</code>}}>
            {'stampa branch, commit e tag come {gitlog}'}
          </Translate>
        </li>
      </ul>
      {children && <div data-sandbox-expect="">{children}</div>}
      <p className={styles.note} data-sandbox-git="">
        <Translate
          id="sandbox.card.git"
          values={{
            commands: (
              <>
                {gitCommands.map((command, i) => (
                  <span key={command}>
                    {i > 0 && ', '}
                    <code>{command}</code>
                  </span>
                ))}
              </>
            ),
            help: <code>git help</code>,
            npx: <code>npx git</code>,
          }}>
          {
            'Nel terminale c’è anche git, il git della sandbox: {commands}. Con i comandi della lezione fa quello che fa il git vero, e la cronologia ricreata all’avvio ha gli stessi hash della pagina. {help} elenca i comandi; se il terminale non trova git, usa {npx}.'
          }
        </Translate>
      </p>

      {status !== 'ready' && (
        <div className={styles.actions}>
          <button
            type="button"
            className="button button--primary"
            onClick={launch}
            aria-disabled={status === 'loading'}
            aria-describedby={status === 'loading' ? `${headingId}-status` : undefined}>
            {status === 'loading' ? (
              <Translate id="sandbox.action.loading">{'Avvio della sandbox…'}</Translate>
            ) : status === 'offline' ? (
              <Translate id="sandbox.action.retry">{'Riprova ad avviare la sandbox'}</Translate>
            ) : (
              <Translate id="sandbox.action.launch">{'Avvia la sandbox'}</Translate>
            )}
          </button>
          <NewTabButton onClick={openTab} />
        </div>
      )}
      {status === 'ready' && (
        <div className={styles.actions}>
          <NewTabButton onClick={openTab} />
        </div>
      )}

      <p id={`${headingId}-status`} className={styles.status} role="status">
        {status === 'loading' && (
          <>
            <span className={styles.spinner} aria-hidden="true" />
            <Translate id="sandbox.status.loading">
              {'Caricamento della sandbox da StackBlitz: può richiedere qualche secondo…'}
            </Translate>
          </>
        )}
        {status === 'ready' && (
          <Translate id="sandbox.status.ready">
            {'Sandbox avviata qui sotto. Le modifiche restano nel browser, non sul sito.'}
          </Translate>
        )}
      </p>

      <PlaygroundLauncher phase={phase} />

      {status === 'offline' && (
        <div ref={offlineRef} className={styles.offline} tabIndex={-1} data-sandbox-offline="">
          <p className={styles.offlineTitle}>
            <strong>
              <Translate id="sandbox.offline.title">{'Non è stato possibile raggiungere StackBlitz.'}</Translate>
            </strong>{' '}
            <Translate id="sandbox.offline.why">
              {
                'Forse sei offline, il browser blocca i cookie di terze parti oppure non supporta i WebContainer. Puoi eseguire la stessa fase sul tuo computer (serve Node.js 20.19 o più recente):'
              }
            </Translate>
          </p>
          <p>
            <a className="button button--primary button--sm" href={zipUrl} download={`${phase}.zip`}>
              <Translate id="sandbox.offline.download" values={{file: `${phase}.zip`}}>
                {'Scarica {file}'}
              </Translate>
            </a>
          </p>
          <p>
            <Translate id="sandbox.offline.commands">{'Poi, in un terminale:'}</Translate>
          </p>
          <LocalCommands phase={phase} demo={hasDemo} exercise={isExercise} />
          <p className={styles.note}>
            <Translate
              id="sandbox.offline.history"
              values={{
                install: <code>npm install</code>,
                git: <code>.git</code>,
                gitlog: <code>git log --graph --oneline --all</code>,
              }}>
              {
                '{install} ricrea anche la cronologia git (cartella {git}): con git installato, {gitlog} mostra gli stessi branch e tag.'
              }
            </Translate>
          </p>
          <p className={styles.note}>
            <Translate id="sandbox.offline.playground">
              {'Oppure premi «Prova nel browser» qui sopra: lo stesso repository con git in un terminale nella pagina, senza StackBlitz e senza Node.js.'}
            </Translate>
          </p>
        </div>
      )}

      <div ref={hostRef} className={styles.embed} data-sandbox-host="" />
    </section>
  );
}
