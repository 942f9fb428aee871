import {useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useColorMode} from '@docusaurus/theme-common';
import {COMMANDS, MemoryFs, runGit} from '../../../packages/sandbox-git/src/index.js';
import {exercises} from '../../../examples/ecommerce/exercises';
import type {GoalResult} from '../../../examples/ecommerce/exercises/types';
import {checkExercise} from '../../../examples/tooling/exercise-check.mjs';
import {Shell} from '../../lib/playgroundShell/interpret';
import {TerminalSession} from '../../lib/playgroundShell/session';
import type {PlaygroundAsset} from '../../lib/playgroundRepo/asset';
import {currentBranch, promptText} from '../../lib/playgroundRepo/prompt';
import {localTzOffset, PLAYGROUND_HOME, playgroundEnv, projectDir, seedRepository} from '../../lib/playgroundRepo/seed';
import {restoreSnapshot, takeSnapshot} from '../../lib/playgroundRepo/snapshot';
import {openStore, snapshotKey, type SnapshotStore} from '../../lib/playgroundRepo/store';
import {focusBeside} from '../../lib/focusOrder';
import {loadRepoDiagram, type RepoDiagramData} from '../../lib/repoGraph/load';
import RepoDiagram from '../RepoDiagram';
import PlaygroundTerminal, {type TerminalHandle} from '../PlaygroundTerminal';
import PlaygroundEditor from '../PlaygroundEditor';
import PlaygroundChecklist from '../PlaygroundChecklist';
import {shellMessages, terminalText} from './messages';
import styles from './styles.module.css';

export interface PlaygroundProps {
  phase: string;
  /** `sandbox/<phase>.playground.json` under the site's base URL. */
  assetUrl: string;
}

/** Performance marks the bench reads (`scripts/bench/playground.mjs`). */
export const PLAYGROUND_OPEN_MARK = 'playground-open';

type Status = 'loading' | 'ready' | 'error';

interface Runtime {
  asset: PlaygroundAsset;
  fs: MemoryFs;
  shell: Shell;
  session: TerminalSession;
  store: SnapshotStore | undefined;
  key: string;
}

interface Editing {
  shown: string;
  initial: string | undefined;
  resolve(text: string | undefined): void;
}

const measure = (name: string, start: string) => {
  try {
    performance.measure(name, start);
  } catch {
    // the start mark is missing (opened another way): nothing to measure
  }
};

async function fetchAsset(url: string): Promise<PlaygroundAsset> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PlaygroundAsset;
}

/**
 * The in-page git playground of a phase: a terminal over the phase's repository (seeded by the
 * course's git engine from the phase's script, kept in IndexedDB per phase and locale), the
 * repository's history as text beside it, and the exercise's checklist on exercise phases.
 * Loaded only when the learner presses the card's button (the Sandbox card imports it).
 */
export default function Playground({phase, assetUrl}: PlaygroundProps): ReactNode {
  const {i18n} = useDocusaurusContext();
  const locale = i18n.currentLocale === 'en' ? 'en' : 'it';
  const {colorMode} = useColorMode();
  const [status, setStatus] = useState<Status>('loading');
  const [failure, setFailure] = useState('');
  const [diagram, setDiagram] = useState<RepoDiagramData | undefined>(undefined);
  const [results, setResults] = useState<GoalResult[] | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [confirmReset, setConfirmReset] = useState(false);
  const [notKept, setNotKept] = useState(false);
  const runtime = useRef<Runtime | null>(null);
  const terminal = useRef<TerminalHandle | null>(null);
  const terminalBox = useRef<HTMLDivElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const booting = useRef(false);
  const root = useRef<HTMLElement>(null);
  /** Inputs not run yet, on the element at once (`data-playground-pending`): the tests wait on it. */
  const pending = useRef(0);
  const headingId = useId();
  const exercise = exercises[phase];
  const dir = projectDir(phase);

  const write = useCallback((text: string) => terminal.current?.write(text), []);

  /** After every command: keep the repository, redraw its history, tick the checklist. */
  const afterCommand = useCallback(async () => {
    const rt = runtime.current;
    if (!rt) return;
    if (rt.store) {
      await rt.store
        .save(rt.key, takeSnapshot(rt.fs, {version: rt.asset.version, cwd: rt.shell.cwd, history: rt.session.history}))
        .catch(() => setNotKept(true));
    }
    // The redraw is measured from here to the diagram's commit to the DOM (the layout effect below).
    performance.mark('playground-redraw-start');
    setDiagram(await loadRepoDiagram({fs: rt.fs, dir, env: playgroundEnv()}));
    if (exercise) setResults(await checkExercise(exercise, {fs: rt.fs, dir}).catch(() => undefined));
  }, [dir, exercise]);

  /** A shell over `fs`, whose git is the engine and whose editor is the panel below. */
  const makeShell = useCallback(
    (fs: MemoryFs, cwd: string) =>
      new Shell(
        {
          fs,
          env: playgroundEnv(),
          git: async (argv, io) => {
            performance.mark('playground-git-start');
            const code = await runGit(argv, {fs, cwd: io.cwd, env: io.env, now: () => Date.now(), tzOffset: localTzOffset, stdout: io.stdout, stderr: io.stderr, isTTY: false});
            measure(`playground-git:${argv.find((a) => !a.startsWith('-')) ?? ''}`, 'playground-git-start');
            return code;
          },
          clear: () => terminal.current?.clear(),
          edit: (path, initial) =>
            new Promise((resolve) => {
              const here = runtime.current?.shell.cwd ?? cwd;
              setEditing({shown: path.startsWith(`${here}/`) ? path.slice(here.length + 1) : path, initial, resolve});
            }),
          now: () => Date.now(),
          messages: shellMessages(),
        },
        cwd,
      ),
    [],
  );

  const seed = useCallback(
    async (asset: PlaygroundAsset): Promise<MemoryFs> => {
      const fs = new MemoryFs();
      await seedRepository(asset, fs, dir);
      return fs;
    },
    [dir],
  );

  const boot = useCallback(async () => {
    if (booting.current) return;
    booting.current = true;
    setStatus('loading');
    try {
      const [asset, store] = await Promise.all([fetchAsset(assetUrl), openStore()]);
      const key = snapshotKey(locale, phase);
      const stored = await store?.load(key).catch(() => undefined);
      const restored = stored?.version === asset.version ? stored : undefined;
      const fs = restored ? restoreSnapshot(restored) : await seed(asset);
      const shell = makeShell(fs, restored?.cwd ?? dir);
      const session = new TerminalSession(
        {
          write,
          prompt: async () => {
            const rt = runtime.current;
            return rt ? promptText(rt.shell.cwd, PLAYGROUND_HOME, await currentBranch(rt.fs, rt.shell.cwd)) : '$ ';
          },
          run: async (script) => {
            const rt = runtime.current;
            if (!rt) return;
            performance.mark('playground-command-start');
            await rt.shell.run(script, {stdout: write, stderr: write});
            await afterCommand();
            measure('playground-command', 'playground-command-start');
          },
          clear: () => terminal.current?.clear(),
        },
        restored?.history ?? [],
      );
      runtime.current = {asset, fs, shell, session, store, key};
      if (!store) setNotKept(true);
      write(`${terminalText.welcome(phase)}\r\n`);
      if (restored) write(`${terminalText.restored()}\r\n`);
      if (!store) write(`${terminalText.notKept()}\r\n`);
      await afterCommand();
      await session.start();
      setStatus('ready');
      measure('playground-ready', PLAYGROUND_OPEN_MARK);
      terminal.current?.focus();
      // Every git command's code now, while the network is there: the playground then works offline.
      const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
      idle(() => void Promise.all(Object.values(COMMANDS).map((load) => load().catch(() => undefined))));
    } catch (error) {
      setFailure(error instanceof Error ? error.message.split('\n')[0]! : String(error));
      setStatus('error');
    } finally {
      booting.current = false;
    }
  }, [afterCommand, assetUrl, dir, locale, makeShell, phase, seed, write]);

  const onTerminalReady = useCallback(
    (handle: TerminalHandle) => {
      terminal.current = handle;
      void boot();
    },
    [boot],
  );

  const reset = async () => {
    const rt = runtime.current;
    setConfirmReset(false);
    if (!rt) return;
    await rt.session.idle();
    await rt.store?.remove(rt.key).catch(() => undefined);
    const fs = await seed(rt.asset);
    rt.fs = fs;
    rt.shell = makeShell(fs, dir);
    terminal.current?.clear();
    write(`\r\x1b[2K${terminalText.reset(phase)}\r\n`);
    await afterCommand();
    await rt.session.start();
    resetButton.current?.focus();
  };

  useEffect(() => () => editing?.resolve(undefined), [editing]);

  useLayoutEffect(() => {
    if (diagram) measure('playground-redraw', 'playground-redraw-start');
  }, [diagram]);

  const onData = (data: string) => {
    const rt = runtime.current;
    if (!rt) return;
    const mirror = () => root.current?.setAttribute('data-playground-pending', String(pending.current));
    pending.current++;
    mirror();
    void rt.session.input(data).finally(() => {
      pending.current--;
      mirror();
    });
  };

  const leaveTerminal = (direction: 'next' | 'previous') => {
    const box = terminalBox.current;
    if (box) focusBeside(box, direction);
  };

  const finishEdit = (text: string | undefined) => {
    editing?.resolve(text);
    setEditing(undefined);
    terminal.current?.focus();
  };

  return (
    <section
      ref={root}
      className={styles.playground}
      aria-labelledby={headingId}
      data-playground={phase}
      data-playground-status={status}
      data-playground-pending="0">
      <h4 id={headingId} className={styles.title}>
        <Translate id="playground.title" values={{phase: <code>{phase}</code>}}>
          {'Playground git nel browser: fase {phase}'}
        </Translate>
      </h4>
      <p className={styles.intro}>
        <Translate id="playground.intro" values={{edit: <code>edit FILE</code>, help: <code>help</code>}}>
          {
            'Lo stesso repository della sandbox, con lo stesso git, che gira nella pagina: funziona anche offline e su telefono. Incolla i blocchi della lezione o scrivi i comandi; {edit} apre un file da modificare, {help} elenca i comandi. Il repository resta salvato in questo browser. Esc o Tab escono dal terminale.'
          }
        </Translate>
      </p>
      <p className={styles.status} role="status">
        {status === 'loading' && <Translate id="playground.status.loading">{'Preparazione del repository…'}</Translate>}
        {status === 'ready' && notKept && <Translate id="playground.status.notKept">{'Il repository non verrà salvato in questo browser.'}</Translate>}
      </p>
      {status === 'error' && (
        <div className={styles.error} data-playground-error="">
          <p>
            <strong>
              <Translate id="playground.error.title">{'Non è stato possibile preparare il playground.'}</Translate>
            </strong>{' '}
            <Translate id="playground.error.reason" values={{reason: failure}}>
              {'Motivo: {reason}. Controlla la connessione e riprova.'}
            </Translate>
          </p>
          <button type="button" className="button button--primary button--sm" onClick={() => void boot()}>
            <Translate id="playground.error.retry">{'Riprova'}</Translate>
          </button>
        </div>
      )}
      <div className={styles.layout}>
        <div className={styles.terminalColumn}>
          <div ref={terminalBox}>
            <PlaygroundTerminal
              theme={colorMode === 'dark' ? 'dark' : 'light'}
              label={terminalText.label()}
              tooMuchOutput={terminalText.tooMuchOutput()}
              onReady={onTerminalReady}
              onData={onData}
              onLeave={leaveTerminal}
            />
          </div>
          {editing && (
            <PlaygroundEditor key={editing.shown} path={editing.shown} initial={editing.initial} onSave={(text) => finishEdit(text)} onCancel={() => finishEdit(undefined)} />
          )}
          <div className={styles.actions}>
            {!confirmReset ? (
              <button
                ref={resetButton}
                type="button"
                className="button button--secondary button--sm"
                disabled={status !== 'ready' || editing !== undefined}
                onClick={() => setConfirmReset(true)}>
                <Translate id="playground.reset">{'Ripristina la fase'}</Translate>
              </button>
            ) : (
              <div className={styles.confirm} role="group" aria-label={translate({id: 'playground.reset.confirmLabel', message: 'Conferma il ripristino'})}>
                <span>
                  <Translate id="playground.reset.question">{'Le tue modifiche a questo repository andranno perse.'}</Translate>
                </span>
                <button type="button" className="button button--danger button--sm" onClick={() => void reset()} autoFocus>
                  <Translate id="playground.reset.confirm">{'Ripristina'}</Translate>
                </button>
                <button type="button" className="button button--secondary button--sm" onClick={() => setConfirmReset(false)}>
                  <Translate id="playground.reset.cancel">{'Annulla'}</Translate>
                </button>
              </div>
            )}
          </div>
        </div>
        <div className={styles.side}>
          <div className={styles.diagram} data-playground-diagram="">
            <h5 className={styles.diagramTitle}>
              <Translate id="playground.diagram.title">{'Il tuo repository, dopo ogni comando'}</Translate>
            </h5>
            {diagram && <RepoDiagram graph={diagram.graph} textTwin={diagram.textTwin} />}
          </div>
          {exercise && <PlaygroundChecklist exercise={exercise} results={results} locale={locale} />}
        </div>
      </div>
    </section>
  );
}
