import {useEffect, useState, type RefObject} from 'react';
import {createViewportWatcher, type ViewportWatcher} from '@site/src/lib/viewportWatcher';

/** Near enough to start work: a little ahead of the reader's scrolling. */
const NEAR_VIEWPORT_MARGIN = '200px 0px';

let watcher: ViewportWatcher | undefined;

/**
 * False on the server and while hydrating; true once `ref`'s element comes within
 * NEAR_VIEWPORT_MARGIN of the viewport, or takes focus or the pointer (a keyboard or a pointer can
 * reach it before it is seen), and for the rest of its life. Lets a component leave off work that
 * only matters to a reader who can see it, such as the code-block buttons, until then.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [isNear, setIsNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (isNear || !element) return undefined;
    const becomeNear = () => setIsNear(true);
    if (typeof IntersectionObserver === 'undefined') {
      becomeNear();
      return undefined;
    }
    watcher ??= createViewportWatcher(NEAR_VIEWPORT_MARGIN);
    watcher.watch(element, becomeNear);
    element.addEventListener('focusin', becomeNear);
    element.addEventListener('pointerenter', becomeNear);
    return () => {
      watcher?.unwatch(element);
      element.removeEventListener('focusin', becomeNear);
      element.removeEventListener('pointerenter', becomeNear);
    };
  }, [isNear, ref]);
  return isNear;
}
