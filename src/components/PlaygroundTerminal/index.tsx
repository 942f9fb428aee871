import {useEffect, useRef, type ReactNode} from 'react';
import {Terminal, type ITheme} from '@xterm/xterm';
import {FitAddon} from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import styles from './styles.module.css';

/** What the playground does with its terminal. */
export interface TerminalHandle {
  write(text: string): void;
  clear(): void;
  focus(): void;
}

export interface PlaygroundTerminalProps {
  theme: 'light' | 'dark';
  /** The input's accessible name (xterm's `promptLabel`), in the page's language. */
  label: string;
  /** Announced by the screen reader when too much output is printed at once. */
  tooMuchOutput: string;
  onReady(handle: TerminalHandle): void;
  /** Keystrokes and pastes (xterm's `onData`: a paste's line ends are `\r`). */
  onData(data: string): void;
  /** Escape or Tab: the terminal lets the focus go (there is no completion to keep Tab for). */
  onLeave(direction: 'next' | 'previous'): void;
}

/** Below this the box is being laid out, not really that small (see `refit`). */
const MIN_COLS = 20;
const MIN_ROWS = 5;

/** The site's code-block colours (GitHub light, Dracula dark): AA contrast for every colour used. */
const THEMES: Record<'light' | 'dark', ITheme> = {
  light: {background: '#f6f8fa', foreground: '#1f2328', cursor: '#1f2328', cursorAccent: '#f6f8fa', selectionBackground: '#b6d7ff', selectionForeground: '#1f2328'},
  dark: {background: '#282a36', foreground: '#f8f8f2', cursor: '#f8f8f2', cursorAccent: '#282a36', selectionBackground: '#44475a', selectionForeground: '#f8f8f2'},
};

/**
 * The playground's terminal: xterm.js in screen-reader mode (its output is also an accessible
 * live region), sized to its box. Escape and Tab leave it, so the focus is never trapped.
 */
export default function PlaygroundTerminal({theme, label, tooMuchOutput, onReady, onData, onLeave}: PlaygroundTerminalProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const callbacks = useRef({onData, onLeave});
  callbacks.current = {onData, onLeave};

  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    Terminal.strings.promptLabel = label;
    Terminal.strings.tooMuchOutput = tooMuchOutput;
    const term = new Terminal({
      screenReaderMode: true,
      convertEol: true,
      cursorBlink: false,
      fontFamily: 'var(--ifm-font-family-monospace), monospace',
      fontSize: 14,
      lineHeight: 1.2,
      rows: 18,
      scrollback: 3000,
      theme: THEMES[theme],
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      if (event.key === 'Escape' || (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey)) {
        event.preventDefault();
        callbacks.current.onLeave(event.shiftKey ? 'previous' : 'next');
        return false;
      }
      return true;
    });
    const data = term.onData((d) => callbacks.current.onData(d));
    // Fitted on the next frame, and only to a sane size: a box measured mid-layout (a screenshot,
    // a rotating phone) can be a few pixels wide for a moment, and a reflow to a couple of columns
    // and back mangles the lines already written.
    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const size = fit.proposeDimensions();
        if (!size || size.cols < MIN_COLS || size.rows < MIN_ROWS) return;
        if (size.cols !== term.cols || size.rows !== term.rows) term.resize(size.cols, size.rows);
      });
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    terminal.current = term;
    onReady({
      write: (text) => term.write(text),
      clear: () => term.clear(),
      focus: () => term.focus(),
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      data.dispose();
      term.dispose();
      terminal.current = null;
    };
    // The terminal is made once; theme changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (terminal.current) terminal.current.options.theme = THEMES[theme];
  }, [theme]);

  // The host has a fixed height: the fit addon sizes the rows to it (a box that grew with its
  // rows would make every fit grow it again).
  return (
    <div className={styles.frame}>
      <div ref={host} className={styles.terminal} data-playground-terminal="" />
    </div>
  );
}
