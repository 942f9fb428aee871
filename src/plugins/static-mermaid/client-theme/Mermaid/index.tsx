// Swizzled (ejected) from @docusaurus/theme-mermaid 3.10.2. Two changes:
// 1. the Mermaid config depends on the colour mode: theme `base` with the
//    site's palette (src/lib/mermaidPalette.ts) for light and for dark, where
//    the stock component passes one `options` object to both modes;
// 2. every diagram sits in a wrapper that exists from the server render on and
//    says its state (data-mermaid="pending|rendered|error") and the colour mode
//    of the rendered SVG, so the browser suite can count diagrams and check them.
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
import {mermaidThemeVariables} from '@site/src/lib/mermaidPalette';

import styles from './styles.module.css';

function useSiteMermaidConfig(): {config: MermaidConfig; mode: 'light' | 'dark'} {
  const {colorMode} = useColorMode();
  const {options} = useMermaidThemeConfig();
  const config = useMemo(
    () =>
      ({
        startOnLoad: false,
        ...options,
        theme: 'base',
        themeVariables: {...mermaidThemeVariables(colorMode), ...(options.themeVariables ?? {})},
      }) as MermaidConfig,
    [colorMode, options],
  );
  return {config, mode: colorMode};
}

function MermaidRenderResult({renderResult}: {renderResult: RenderResult}): ReactNode {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const div = ref.current!;
    renderResult.bindFunctions?.(div);
  }, [renderResult]);

  return (
    <div
      ref={ref}
      className={`${MermaidContainerClassName} ${styles.container}`}
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
      {renderResult && <MermaidRenderResult renderResult={renderResult} />}
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
