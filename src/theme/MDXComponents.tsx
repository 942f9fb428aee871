import MDXComponents from '@theme-original/MDXComponents';
import StaticDiagram from '@site/src/components/StaticDiagram';

// Components every MDX page may use without importing them. StaticDiagram is
// what src/plugins/static-mermaid turns ```mermaid fences into.
export default {
  ...MDXComponents,
  StaticDiagram,
};
