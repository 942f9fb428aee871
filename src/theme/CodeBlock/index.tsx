import React, {isValidElement, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';

/**
 * The theme's CodeBlock without its remount after hydration. Upstream keys the block on
 * `useIsBrowser()` so that inline token colours of the server's (light) theme get repainted in the
 * reader's mode; that rebuilds every token of every block on load. Our blocks carry no inline
 * colours (src/plugins/code-theme/codeThemeCss.ts), so the server's markup is already right in both modes.
 */

/** As upstream: plain-string children become one string, so the block can be copied. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((el) => isValidElement(el))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock({children: rawChildren, ...props}: Props): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  return typeof children === 'string' ? (
    <StringContent {...props}>{children}</StringContent>
  ) : (
    <ElementContent {...props}>{children}</ElementContent>
  );
}
