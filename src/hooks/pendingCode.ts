import {createContext, useContext} from 'react';

/**
 * Set around a code block whose code has not been downloaded yet (see StaticCode): how many lines
 * it has, and how to ask for it. Null once the code is there, and for any other block.
 */
export interface PendingCode {
  readonly lines: number;
  /**
   * Asks for the code. `toShow`: the block has no code on screen (no server markup to keep), so a
   * failed download must be told to the reader; otherwise (the copy button) it is only missed.
   */
  readonly request: (toShow: boolean) => void;
}

export const PendingCodeContext = createContext<PendingCode | null>(null);

export function usePendingCode(): PendingCode | null {
  return useContext(PendingCodeContext);
}
