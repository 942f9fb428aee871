import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import {useNearViewport} from '@site/src/hooks/useNearViewport';
import styles from './styles.module.css';

export interface ScrollBoxProps {
  /** What scrolls, for the hint's words. */
  kind: 'diagram' | 'table';
  children: ReactNode;
  className?: string;
}

/**
 * A box whose content may be wider than the page (a diagram that must not shrink below readable
 * text, a wide table): the content scrolls sideways inside it, never the page. While it overflows,
 * a line under the box says so, in the page's language, and the box takes keyboard focus (arrow
 * keys scroll it) with that line as its name. The line sits in the box's bottom margin, so it
 * shifts nothing when it appears; until hydration, shadows at the scrolling edges (CSS only) are
 * the hint. Measured once the box nears the viewport, and again on every resize.
 */
export default function ScrollBox({kind, children, className}: ScrollBoxProps): ReactNode {
  const viewportRef = useRef<HTMLDivElement>(null);
  const isNear = useNearViewport(viewportRef);
  const [overflows, setOverflows] = useState(false);
  const hintId = useId();

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!isNear || !viewport) return undefined;
    const measure = () => setOverflows(viewport.scrollWidth > viewport.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    if (viewport.firstElementChild) observer.observe(viewport.firstElementChild);
    return () => observer.disconnect();
  }, [isNear]);

  return (
    <div className={clsx(styles.box, className)} data-scroll-box={kind} data-overflows={overflows || undefined}>
      <div
        ref={viewportRef}
        className={styles.viewport}
        {...(overflows ? {tabIndex: 0, role: 'region', 'aria-labelledby': hintId} : {})}>
        {children}
      </div>
      {overflows && (
        <p id={hintId} className={styles.hint} data-scroll-hint="">
          <span aria-hidden="true">↔ </span>
          {kind === 'diagram' ? (
            <Translate id="scrollBox.hint.diagram" description="Under a diagram wider than the screen">
              {'Scorri di lato per vedere tutto il diagramma.'}
            </Translate>
          ) : (
            <Translate id="scrollBox.hint.table" description="Under a table wider than the screen">
              {'Scorri di lato per vedere tutta la tabella.'}
            </Translate>
          )}
        </p>
      )}
    </div>
  );
}
