import {createContext, useContext} from 'react';

/**
 * Set around a code block whose code has not been downloaded yet (see StaticCode): how many lines
 * it has, and how to ask for it. Null once the code is there, and for any other block.
 */
export interface PendingCode {
  readonly lines: number;
  readonly request: () => void;
}

export const PendingCodeContext = createContext<PendingCode | null>(null);

export function usePendingCode(): PendingCode | null {
  return useContext(PendingCodeContext);
}
