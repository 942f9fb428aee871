import {useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import {KEEP_SERVER_MARKUP} from '@site/src/hooks/useHydratedFromServer';
import DownloadError from '@site/src/components/DownloadError';
import ScrollBox from '@site/src/components/ScrollBox';
import {loadPageInFull} from '@site/src/lib/fullPageLoad';
import styles from './styles.module.css';

/**
 * A Mermaid diagram rendered to SVG at build time (src/plugins/static-mermaid),
 * once per colour mode. CSS shows the variant of the current theme; the other
 * one is `display: none`, so assistive technology reads a single diagram.
 * The box is sized from the SVG's viewBox before the SVG is laid out: nothing
 * shifts while the page loads.
 *
 * The markup is in the server-rendered HTML only. In the browser `svg` is a
 * loader instead of the strings: hydration keeps the server's SVG (React leaves
 * the inside of an element with `dangerouslySetInnerHTML` alone), and a page
 * reached by client-side navigation, which has no server HTML, loads it. If that download fails,
 * the page is loaded in full, whose HTML has the SVG; only if that was just tried (or on the dev
 * server) does the diagram say it could not be downloaded.
 *
 * A diagram shrinks to the width of the page, but never below `minScale` (the scale that keeps its
 * smallest text readable, src/lib/mermaidConfig.ts): narrower than that, it scrolls sideways in
 * its ScrollBox, which then says so.
 */
export interface DiagramSvgs {
  light: string;
  dark: string;
}

export type DiagramSource = DiagramSvgs | (() => Promise<{default: DiagramSvgs}>);

export interface StaticDiagramProps {
  svg: DiagramSource;
  width: string;
  height: string;
  darkWidth?: string;
  darkHeight?: string;
  /** The smallest scale the diagram may be drawn at (1 = its own size). */
  minScale?: string;
}

function box(width: string, height: string, minScale: string): CSSProperties {
  const minWidth = Math.ceil(Number(width) * Number(minScale));
  return {maxWidth: `${width}px`, minWidth: `${minWidth}px`, aspectRatio: `${width} / ${height}`};
}

export default function StaticDiagram({
  svg,
  width,
  height,
  darkWidth = width,
  darkHeight = height,
  minScale = '1',
}: StaticDiagramProps): ReactNode {
  const [svgs, setSvgs] = useState<DiagramSvgs | null>(typeof svg === 'function' ? null : svg);
  const [loadFailed, setLoadFailed] = useState(false);
  const lightRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (svgs || typeof svg !== 'function') return undefined;
    if (lightRef.current?.firstElementChild) return undefined; // hydrated: the server's SVG is there
    let current = true;
    svg().then(
      (module) => current && setSvgs(module.default),
      () => current && !loadPageInFull() && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
  }, [svg, svgs]);

  // The SVG comes from our own build (Mermaid output of the site's sources).
  const html = useMemo(
    () => (svgs ? {light: {__html: svgs.light}, dark: {__html: svgs.dark}} : null),
    [svgs],
  );

  return (
    <ScrollBox kind="diagram">
      <div className="static-diagram">
        <div
          ref={lightRef}
          className={clsx('static-diagram__light', styles.variant, styles.light)}
          style={box(width, height, minScale)}
          dangerouslySetInnerHTML={html?.light ?? KEEP_SERVER_MARKUP}
        />
        <div
          className={clsx('static-diagram__dark', styles.variant, styles.dark)}
          style={box(darkWidth, darkHeight, minScale)}
          dangerouslySetInnerHTML={html?.dark ?? KEEP_SERVER_MARKUP}
        />
        {loadFailed && (
          <DownloadError>
            <Translate id="staticDiagram.loadError" description="Shown in place of a diagram whose file could not be downloaded">
              {'Non è stato possibile scaricare il diagramma. Controlla la connessione e ricarica la pagina.'}
            </Translate>
          </DownloadError>
        )}
      </div>
    </ScrollBox>
  );
}
