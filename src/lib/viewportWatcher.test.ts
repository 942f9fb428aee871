import {describe, expect, it, vi} from 'vitest';
import {createViewportWatcher} from './viewportWatcher';

/** A stand-in IntersectionObserver the test drives by hand. */
function fakeObserver() {
  const created: {callback: IntersectionObserverCallback; options: IntersectionObserverInit}[] = [];
  const observed = new Set<Element>();
  const factory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => {
    created.push({callback, options});
    return {observe: (el: Element) => void observed.add(el), unobserve: (el: Element) => void observed.delete(el)};
  };
  const report = (target: Element, isIntersecting: boolean) =>
    created[0]!.callback([{target, isIntersecting} as IntersectionObserverEntry], {} as IntersectionObserver);
  return {factory, created, observed, report};
}

const element = (name: string) => ({name}) as unknown as Element;

describe('createViewportWatcher', () => {
  it('creates no observer until an element is watched, then one for all elements, with the margin', () => {
    const io = fakeObserver();
    const watcher = createViewportWatcher('200px 0px', io.factory);
    expect(io.created).toHaveLength(0);
    watcher.watch(element('a'), () => {});
    watcher.watch(element('b'), () => {});
    expect(io.created).toHaveLength(1);
    expect(io.created[0]!.options).toEqual({rootMargin: '200px 0px'});
    expect(io.observed.size).toBe(2);
  });

  it('tells an element once, when it first intersects, and stops observing it', () => {
    const io = fakeObserver();
    const watcher = createViewportWatcher('0px', io.factory);
    const a = element('a');
    const onNear = vi.fn();
    watcher.watch(a, onNear);
    io.report(a, false);
    expect(onNear).not.toHaveBeenCalled();
    io.report(a, true);
    io.report(a, true);
    expect(onNear).toHaveBeenCalledTimes(1);
    expect(io.observed.has(a)).toBe(false);
  });

  it('tells only the element that intersects', () => {
    const io = fakeObserver();
    const watcher = createViewportWatcher('0px', io.factory);
    const [a, b] = [element('a'), element('b')];
    const nearA = vi.fn();
    const nearB = vi.fn();
    watcher.watch(a, nearA);
    watcher.watch(b, nearB);
    io.report(b, true);
    expect(nearA).not.toHaveBeenCalled();
    expect(nearB).toHaveBeenCalledTimes(1);
    expect(io.observed.has(a)).toBe(true);
  });

  it('tells nothing after unwatch (an unmounted block)', () => {
    const io = fakeObserver();
    const watcher = createViewportWatcher('0px', io.factory);
    const a = element('a');
    const onNear = vi.fn();
    watcher.watch(a, onNear);
    watcher.unwatch(a);
    io.report(a, true);
    expect(onNear).not.toHaveBeenCalled();
    expect(io.observed.has(a)).toBe(false);
    watcher.unwatch(element('never watched'));
  });
});
