import {useLayoutEffect, useRef, useState, type RefObject} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';

/**
 * What an element whose server markup is kept renders as `dangerouslySetInnerHTML`: one object for
 * every render, since React compares it by identity and would rewrite the element for a new one.
 */
export const KEEP_SERVER_MARKUP = {__html: ''};

/**
 * True when this component's first render was the hydration of server-rendered HTML (in the
 * browser, before the app has mounted: useIsBrowser turns true only after), and for the rest of
 * its life. Components that render costly but fixed markup use it to keep the server's markup
 * (a stable empty `dangerouslySetInnerHTML`) instead of computing it again on load.
 */
export function useHydratedFromServer(): boolean {
  const isBrowser = useIsBrowser();
  const hydrated = useRef<boolean | null>(null);
  if (hydrated.current === null) hydrated.current = typeof window !== 'undefined' && !isBrowser;
  return hydrated.current;
}

/**
 * Whether to keep the server's markup inside `ref`'s element (rendered with KEEP_SERVER_MARKUP):
 * true while `hydrated` says this element was hydrated, until the element turns out empty after
 * all (React rendered it afresh, as after a hydration error), then false for good, so the
 * component renders the markup itself.
 */
export function useKeepServerMarkup(ref: RefObject<Element | null>, hydrated: boolean): boolean {
  const [renderInBrowser, setRenderInBrowser] = useState(false);
  const keep = hydrated && !renderInBrowser;
  useLayoutEffect(() => {
    if (keep && ref.current && !ref.current.firstChild) setRenderInBrowser(true);
  }, [keep, ref]);
  return keep;
}
