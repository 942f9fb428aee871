// Swizzled (ejected) from @docusaurus/theme-mermaid 3.10.2. Three changes:
// 1. the Mermaid config depends on the colour mode: the site's config
//    (src/lib/mermaidConfig.ts: theme `base` with the site's palette, text sizes
//    and gitGraph layout) for light and for dark, where the stock component
//    passes one `options` object to both modes;
// 2. every diagram sits in a wrapper that exists from the server render on and
//    says its state (data-mermaid="pending|rendered|error") and the colour mode
//    of the rendered SVG, so the browser suite can count diagrams and check them;
// 3. as the build-time diagrams (src/components/StaticDiagram), a diagram never
//    shrinks below the scale that keeps its text readable: it scrolls sideways
//    in a ScrollBox instead.
import React, {useEffect, useMemo, useRef, type ReactNode} from 'react';
import ErrorBoundary from '@docusaurus/ErrorBoundary';
import {ErrorBoundaryErrorMessageFallback, useColorMode} from '@docusaurus/theme-common';
import {
  MermaidContainerClassName,
  useMermaidRenderResult,
  useMermaidThemeConfig,
} from '@docusaurus/theme-mermaid/client';
import type {Props} from '@theme/Mermaid';
import type {MermaidConfig, RenderResult} from 'mermaid';
import {minDiagramScale, siteMermaidConfig} from '@site/src/lib/mermaidConfig';
import ScrollBox from '@site/src/components/ScrollBox';

import styles from './styles.module.css';

function useSiteMermaidConfig(): {config: MermaidConfig; mode: 'light' | 'dark'} {
  const {colorMode} = useColorMode();
  const {options} = useMermaidThemeConfig();
  const config = useMemo(() => {
    const site = siteMermaidConfig(colorMode);
    return {
      startOnLoad: false,
      ...options,
      ...site,
      gitGraph: {...site.gitGraph, ...(options.gitGraph ?? {})},
      themeVariables: {...site.themeVariables, ...(options.themeVariables ?? {})},
    } as MermaidConfig;
  }, [colorMode, options]);
  return {config, mode: colorMode};
}

/** The width of an SVG's viewBox (its own size), if it has one. */
function naturalWidth(svg: string): number | undefined {
  const width = /<svg\b[^>]*\sviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)/i.exec(svg)?.[1];
  return width ? Number(width) : undefined;
}

function MermaidRenderResult({renderResult, minScale}: {renderResult: RenderResult; minScale: number}): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const width = naturalWidth(renderResult.svg);

  useEffect(() => {
    const div = ref.current!;
    renderResult.bindFunctions?.(div);
  }, [renderResult]);

  return (
    <div
      ref={ref}
      className={`${MermaidContainerClassName} ${styles.container}`}
      style={width ? {minWidth: `${Math.ceil(width * minScale)}px`} : undefined}
      // eslint-disable-next-line react/no-danger
      dangerouslySetInnerHTML={{__html: renderResult.svg}}
    />
  );
}

function MermaidState({value}: Props): ReactNode {
  const {config, mode} = useSiteMermaidConfig();
  const renderResult = useMermaidRenderResult({text: value, config});
  // Rendering is asynchronous: after a theme switch the previous SVG stays up
  // until the new one is ready, so remember the mode each result arrived in.
  const shown = useRef<{result: RenderResult | null; mode: string}>({result: null, mode});
  if (shown.current.result !== renderResult) shown.current = {result: renderResult, mode};
  const state = renderResult === null ? 'pending' : 'rendered';
  return (
    <div
      className={styles.block}
      data-mermaid={state}
      data-mermaid-mode={renderResult ? shown.current.mode : undefined}>
      {renderResult && (
        <ScrollBox kind="diagram">
          <MermaidRenderResult renderResult={renderResult} minScale={minDiagramScale(value)} />
        </ScrollBox>
      )}
    </div>
  );
}

export default function Mermaid(props: Props): ReactNode {
  return (
    <ErrorBoundary
      fallback={(params) => (
        <div className={styles.block} data-mermaid="error">
          <ErrorBoundaryErrorMessageFallback {...params} />
        </div>
      )}>
      <MermaidState {...props} />
    </ErrorBoundary>
  );
}
