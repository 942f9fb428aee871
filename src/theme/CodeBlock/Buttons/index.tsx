import {useEffect, type ReactNode} from 'react';
import clsx from 'clsx';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import type {Props} from '@theme/CodeBlock/Buttons';
import {useCodeBlockNearViewport} from '@site/src/hooks/codeBlockNearViewport';
import {usePendingCode} from '@site/src/hooks/pendingCode';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';

/**
 * The theme's copy and word-wrap buttons, mounted once their block comes near the viewport or
 * takes focus or the pointer, instead of for every block right after hydration, and once it has
 * its code. As upstream, they are never in the server's HTML (the block is not near anything
 * there).
 */
export default function CodeBlockButtons({className}: Props): ReactNode {
  const isNearViewport = useCodeBlockNearViewport();
  // Copy needs the code: a block hydrated without it asks for it once near, and shows its
  // buttons when it is there.
  const pending = usePendingCode();
  useEffect(() => {
    if (isNearViewport) pending?.request(false);
  }, [isNearViewport, pending]);
  if (!isNearViewport || pending) return null;
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
