import {createContext, useContext} from 'react';

/**
 * Set around a code block whose code has not been downloaded (see @theme/StaticCode): how many
 * lines it has, and how to ask for it. Null once the code is there, and for any other block.
 * A block hydrated from the server's HTML never needs to ask: its lines are on screen, and its
 * buttons copy them from there (CodeBlock/Buttons). Only a block with nothing to show (a page
 * reached by client-side navigation, the dev server) asks for its code.
 */
export interface PendingCode {
  readonly lines: number;
  /** Asks for the code, to show it. */
  readonly request: () => void;
}

export const PendingCodeContext = createContext<PendingCode | null>(null);

export function usePendingCode(): PendingCode | null {
  return useContext(PendingCodeContext);
}

/**
 * The code a block shows, read from its lines (`.token-line`, one per line: what the server
 * rendered), or undefined when it shows none.
 */
export function shownCode(block: Element | null | undefined): string | undefined {
  const lines = block?.querySelectorAll('.token-line');
  if (!lines || lines.length === 0) return undefined;
  return Array.from(lines, (line) => line.textContent ?? '').join('\n');
}
