import {useCallback, useEffect, useState, type RefObject} from 'react';
import type {useCodeWordWrap as useThemeCodeWordWrap} from '@docusaurus/theme-common/internal';

type WordWrap = ReturnType<typeof useThemeCodeWordWrap>;

/**
 * The theme's `useCodeWordWrap`, except that it measures whether the code overflows (the word-wrap
 * button shows only then) only while `isMeasured`. Upstream measures every block of the page in
 * the effects right after hydration; each measure of an off-screen block forces a layout of its
 * own, and on a lesson they were the main-thread's longest task after hydration.
 */
export function useCodeWordWrap(codeBlockRef: RefObject<HTMLPreElement | null>, isMeasured: boolean): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);

  const toggle = useCallback(() => {
    const codeElement = codeBlockRef.current?.querySelector('code');
    if (!codeElement) return;
    if (isEnabled) {
      codeElement.removeAttribute('style');
    } else {
      codeElement.style.whiteSpace = 'pre-wrap';
      // As upstream: no scrollbar at all once wrapped, even for a very long token.
      codeElement.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [codeBlockRef, isEnabled]);

  const updateCodeIsScrollable = useCallback(() => {
    const block = codeBlockRef.current;
    const code = block?.querySelector('code');
    if (!isMeasured || !block || !code) return;
    // The code element's width, not the block's scrollWidth: the block has `content-visibility:
    // auto`, and until the browser renders it (a frame after it nears the viewport) its
    // scrollWidth leaves the code out.
    setIsCodeScrollable(code.scrollWidth > block.clientWidth || code.hasAttribute('style'));
  }, [codeBlockRef, isMeasured]);

  useTabBecameVisibleCallback(codeBlockRef, isMeasured, updateCodeIsScrollable);
  useEffect(updateCodeIsScrollable, [isEnabled, updateCodeIsScrollable]);
  useEffect(() => {
    if (!isMeasured) return undefined;
    window.addEventListener('resize', updateCodeIsScrollable, {passive: true});
    return () => window.removeEventListener('resize', updateCodeIsScrollable);
  }, [isMeasured, updateCodeIsScrollable]);

  return {codeBlockRef, isEnabled, isCodeScrollable, toggle};
}

/**
 * As upstream: measure again when the tab panel holding the block is shown (a hidden block
 * measures as not overflowing). A block in a hidden panel is never near the viewport, so its first
 * measure waits for the panel to show anyway.
 */
function useTabBecameVisibleCallback(
  codeBlockRef: RefObject<HTMLPreElement | null>,
  isMeasured: boolean,
  callback: () => void,
): void {
  useEffect(() => {
    const tabPanel = codeBlockRef.current?.closest('[role=tabpanel]');
    if (!isMeasured || !tabPanel) return undefined;
    const observer = new MutationObserver(callback);
    observer.observe(tabPanel, {attributes: true, attributeFilter: ['hidden']});
    return () => observer.disconnect();
  }, [codeBlockRef, isMeasured, callback]);
}
