import {useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import {CodeBlockContextProvider, useCodeBlockContext} from '@docusaurus/theme-common/internal';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import type {Props} from '@theme/CodeBlock/Buttons';
import {useCodeBlockNearViewport} from '@site/src/hooks/codeBlockNearViewport';
import {shownCode, usePendingCode} from '@site/src/hooks/pendingCode';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';

/**
 * The theme's copy and word-wrap buttons, mounted once their block comes near the viewport or
 * takes focus or the pointer, instead of for every block right after hydration. As upstream, they
 * are never in the server's HTML (the block is not near anything there).
 *
 * A block hydrated from the server's HTML has its lines on screen but not its code string (a
 * doc's code is not in its JavaScript: @theme/StaticCode): copy takes the code from those lines,
 * so the buttons work without any download, and whether or not the strings can be downloaded.
 */
export default function CodeBlockButtons({className}: Props): ReactNode {
  const isNearViewport = useCodeBlockNearViewport();
  const pending = usePendingCode();
  const {metadata, wordWrap} = useCodeBlockContext();
  // Read once the buttons show (a frame after the block nears the viewport, from the DOM).
  const code = useMemo(
    () => (isNearViewport && pending ? shownCode(wordWrap.codeBlockRef.current) : undefined),
    [isNearViewport, pending, wordWrap.codeBlockRef],
  );
  if (!isNearViewport) return null;
  // Nothing on screen yet: CodeBlock/Content is downloading the code, the buttons come with it.
  if (pending && code === undefined) return null;
  const buttons = (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
  if (!pending) return buttons;
  return (
    <CodeBlockContextProvider metadata={{...metadata, code: code!}} wordWrap={wordWrap}>
      {buttons}
    </CodeBlockContextProvider>
  );
}
