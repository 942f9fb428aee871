import MDXComponents from '@theme-original/MDXComponents';
import StaticDiagram from '@theme/StaticDiagram';
import StaticCode from '@theme/StaticCode';

// Components every MDX page may use without importing them. StaticDiagram is
// what src/plugins/static-mermaid turns ```mermaid fences into, StaticCode what
// src/plugins/code-modules turns a doc's other fences into.
export default {
  ...MDXComponents,
  StaticDiagram,
  StaticCode,
};
