import type {CSSProperties, ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

/**
 * A Mermaid diagram rendered to SVG at build time (src/plugins/static-mermaid),
 * once per colour mode. CSS shows the variant of the current theme; the other
 * one is `display: none`, so assistive technology reads a single diagram.
 * The box is sized from the SVG's viewBox before the SVG is laid out: nothing
 * shifts while the page loads.
 */
export interface StaticDiagramProps {
  light: string;
  dark: string;
  width: string;
  height: string;
  darkWidth?: string;
  darkHeight?: string;
}

function box(width: string, height: string): CSSProperties {
  return {maxWidth: `${width}px`, aspectRatio: `${width} / ${height}`};
}

export default function StaticDiagram({
  light,
  dark,
  width,
  height,
  darkWidth = width,
  darkHeight = height,
}: StaticDiagramProps): ReactNode {
  return (
    <div className={clsx('static-diagram', styles.diagram)}>
      <div
        className={clsx('static-diagram__light', styles.variant, styles.light)}
        style={box(width, height)}
        // The SVG comes from our own build (Mermaid output of the site's sources).
        dangerouslySetInnerHTML={{__html: light}}
      />
      <div
        className={clsx('static-diagram__dark', styles.variant, styles.dark)}
        style={box(darkWidth, darkHeight)}
        dangerouslySetInnerHTML={{__html: dark}}
      />
    </div>
  );
}
