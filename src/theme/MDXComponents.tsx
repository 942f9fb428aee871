import type {ComponentProps, ReactNode} from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import StaticDiagram from '@theme/StaticDiagram';
import StaticCode from '@theme/StaticCode';
import ScrollBox from '@site/src/components/ScrollBox';

// Components every MDX page may use without importing them. StaticDiagram is
// what src/plugins/static-mermaid turns ```mermaid fences into, StaticCode what
// src/plugins/code-modules turns a doc's other fences into.

/** A Markdown table: wider than the page (the course's comparison tables on a phone), it scrolls in its box, which says so. */
function Table(props: ComponentProps<'table'>): ReactNode {
  return (
    <ScrollBox kind="table">
      <table {...props} />
    </ScrollBox>
  );
}

export default {
  ...MDXComponents,
  table: Table,
  StaticDiagram,
  StaticCode,
};
