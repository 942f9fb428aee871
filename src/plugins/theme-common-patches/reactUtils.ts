/**
 * Stands in for @docusaurus/theme-common's `lib/utils/reactUtils.js` in both bundles (see
 * src/plugins/theme-common-patches). The same five exports, written as upstream's, except that
 * useShallowMemoObject orders its keys with a plain comparison instead of `localeCompare`: the
 * first `localeCompare` of a page loads the browser's collation data, and the doc pages' mobile
 * sidebar filler made that call during hydration (~10 ms of main thread, ~40 ms at the 4x
 * slowdown Lighthouse simulates). Keys are property names: any fixed order works.
 */
import {
  createElement,
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type ComponentType,
  type ReactNode,
} from 'react';

// As @docusaurus/useIsomorphicLayoutEffect: no layout effects on the server.
const useIsomorphicLayoutEffect = typeof window !== 'undefined' ? useLayoutEffect : useEffect;

/** Orders [key, value] entries by key, without locale rules (see the module comment). */
export function byKey(a: [string, unknown], b: [string, unknown]): number {
  if (a[0] === b[0]) return 0;
  return a[0] < b[0] ? -1 : 1;
}

/** As upstream: a stable callback that always calls the latest `callback`. */
export function useEvent<T extends (...args: never[]) => unknown>(callback: T): T {
  const ref = useRef(callback);
  useIsomorphicLayoutEffect(() => {
    ref.current = callback;
  }, [callback]);
  return useCallback((...args: Parameters<T>) => ref.current(...args), []) as T;
}

/** As upstream: the value of the previous render. */
export function usePrevious<T>(value: T): T | undefined {
  const ref = useRef<T | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref.current;
}

/** As upstream: a hook called outside its provider, named from the stack. */
export class ReactContextError extends Error {
  constructor(providerName: string, additionalInfo?: string) {
    super();
    this.name = 'ReactContextError';
    this.message = `Hook ${
      this.stack?.split('\n')[1]?.match(/at (?:\w+\.)?(?<name>\w+)/)?.groups?.name ?? ''
    } is called outside the <${providerName}>. ${additionalInfo ?? ''}`;
  }
}

/** As upstream: the same object while its keys and values are the same, in any key order. */
export function useShallowMemoObject<O extends object>(obj: O): O {
  const deps = Object.entries(obj).sort(byKey);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the entries are the dependencies
  return useMemo(() => obj, deps.flat());
}

/** As upstream: providers (taking only children) nested in order, as one component. */
export function composeProviders(
  providers: ComponentType<{children: ReactNode}>[],
): ComponentType<{children: ReactNode}> {
  return function ComposedProviders({children}: {children: ReactNode}) {
    return createElement(
      Fragment,
      null,
      providers.reduceRight<ReactNode>((element, Provider) => createElement(Provider, null, element), children),
    );
  };
}
