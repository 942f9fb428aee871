/**
 * One IntersectionObserver shared by many elements, each told once when it first comes near the
 * viewport. A lesson has dozens of code blocks: one observer is cheaper than one each.
 */
export interface ViewportWatcher {
  /** Calls `onNear` once, the first time `element` is within the margin of the viewport. */
  watch(element: Element, onNear: () => void): void;
  /** Stops watching `element` (nothing happens if it was not watched). */
  unwatch(element: Element): void;
}

type ObserverFactory = (
  callback: IntersectionObserverCallback,
  options: IntersectionObserverInit,
) => Pick<IntersectionObserver, 'observe' | 'unobserve'>;

export function createViewportWatcher(
  rootMargin: string,
  createObserver: ObserverFactory = (callback, options) => new IntersectionObserver(callback, options),
): ViewportWatcher {
  const waiting = new Map<Element, () => void>();
  let observer: ReturnType<ObserverFactory> | undefined;
  const onEntries: IntersectionObserverCallback = (entries) => {
    for (const entry of entries) {
      const onNear = waiting.get(entry.target);
      if (!entry.isIntersecting || !onNear) continue;
      waiting.delete(entry.target);
      observer?.unobserve(entry.target);
      onNear();
    }
  };
  return {
    watch(element, onNear) {
      observer ??= createObserver(onEntries, {rootMargin});
      waiting.set(element, onNear);
      observer.observe(element);
    },
    unwatch(element) {
      if (!waiting.delete(element)) return;
      observer?.unobserve(element);
    },
  };
}
