import {useRef, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {useThemeConfig} from '@docusaurus/theme-common';
import {CodeBlockContextProvider, createCodeBlockMetadata} from '@docusaurus/theme-common/internal';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import type {Props} from '@theme/CodeBlock/Content/String';
import {useNearViewport} from '@site/src/hooks/useNearViewport';
import {useCodeWordWrap} from '@site/src/hooks/useCodeWordWrap';
import {CodeBlockNearViewportContext} from '@site/src/hooks/codeBlockNearViewport';
import {hasMetaFlag} from '@site/src/lib/fenceMeta';

/**
 * The theme's string code block, with its browser-only work left until the block comes near the
 * viewport: measuring whether the code overflows, and mounting the copy and word-wrap buttons
 * (CodeBlock/Buttons). Upstream does both for every block of the page right after hydration.
 *
 * A block the reader must not run (fence meta `norun`, which the lesson runner skips too) says so:
 * a title, unless it has its own, and the `code-block-norun` look (src/css/custom.css).
 */
export default function CodeBlockString(props: Props): ReactNode {
  const {prism} = useThemeConfig();
  const norun = hasMetaFlag(props.metastring, 'norun');
  const metadata = createCodeBlockMetadata({
    code: props.children,
    className: clsx(props.className, norun && 'code-block-norun'),
    metastring: props.metastring,
    magicComments: prism.magicComments,
    defaultLanguage: prism.defaultLanguage,
    language: props.language,
    title:
      props.title ??
      (norun
        ? translate({
            id: 'codeBlock.norun.title',
            message: 'Per confronto — non eseguire',
            description: 'Title of a code block shown for comparison, which the reader must not run',
          })
        : undefined),
    showLineNumbers: props.showLineNumbers,
  });
  const codeBlockRef = useRef<HTMLPreElement>(null);
  const isNearViewport = useNearViewport(codeBlockRef);
  const wordWrap = useCodeWordWrap(codeBlockRef, isNearViewport);
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <CodeBlockNearViewportContext value={isNearViewport}>
        <CodeBlockLayout />
      </CodeBlockNearViewportContext>
    </CodeBlockContextProvider>
  );
}
