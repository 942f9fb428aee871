import {createContext, useContext} from 'react';

/**
 * Whether the code block around this component has come near the viewport (see useNearViewport).
 * Provided by CodeBlock/Content/String, read by CodeBlock/Buttons.
 */
export const CodeBlockNearViewportContext = createContext(false);

export function useCodeBlockNearViewport(): boolean {
  return useContext(CodeBlockNearViewportContext);
}
