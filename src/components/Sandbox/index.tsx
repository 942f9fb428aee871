import type {ReactNode} from 'react';

export interface SandboxProps {
  /** A phase id from examples/ecommerce/phases.ts, e.g. `02-before-fix`. */
  phase: string;
}

// Placeholder until the live sandbox lands: renders nothing, breaks nothing.
export default function Sandbox(_props: SandboxProps): ReactNode {
  return null;
}
