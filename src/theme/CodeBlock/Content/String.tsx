import {useRef, type ReactNode} from 'react';
import {useThemeConfig} from '@docusaurus/theme-common';
import {CodeBlockContextProvider, createCodeBlockMetadata} from '@docusaurus/theme-common/internal';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import type {Props} from '@theme/CodeBlock/Content/String';
import {useNearViewport} from '@site/src/hooks/useNearViewport';
import {useCodeWordWrap} from '@site/src/hooks/useCodeWordWrap';
import {CodeBlockNearViewportContext} from '@site/src/hooks/codeBlockNearViewport';

/**
 * The theme's string code block, with its browser-only work left until the block comes near the
 * viewport: measuring whether the code overflows, and mounting the copy and word-wrap buttons
 * (CodeBlock/Buttons). Upstream does both for every block of the page right after hydration.
 */
export default function CodeBlockString(props: Props): ReactNode {
  const {prism} = useThemeConfig();
  const metadata = createCodeBlockMetadata({
    code: props.children,
    className: props.className,
    metastring: props.metastring,
    magicComments: prism.magicComments,
    defaultLanguage: prism.defaultLanguage,
    language: props.language,
    title: props.title,
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
