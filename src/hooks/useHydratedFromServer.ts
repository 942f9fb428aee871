import {useRef} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';

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
