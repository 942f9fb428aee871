import type {ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

/**
 * Said in place of (or under) content that could not be downloaded: a diagram's SVG, a block's
 * code. An alert, so that a screen reader announces it when it appears.
 */
export default function DownloadError({className, children}: {className?: string; children: ReactNode}): ReactNode {
  return (
    <p className={clsx(styles.downloadError, className)} role="alert">
      {children}
    </p>
  );
}
