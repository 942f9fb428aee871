import type {ReactNode} from 'react';

/**
 * Stands in for @theme/Mermaid when diagrams are rendered at build time (see
 * src/plugins/static-mermaid): the client-side renderer, and Mermaid with it,
 * then stays out of the JavaScript every page loads. No ```mermaid fence
 * reaches the page in that mode; if one ever did, its source shows as text.
 */
export default function NoClientMermaid({value}: {value: string}): ReactNode {
  return (
    <pre>
      <code>{value}</code>
    </pre>
  );
}
