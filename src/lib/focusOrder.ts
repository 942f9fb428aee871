/**
 * Moves the focus to the control before or after an element in the page's order (for a widget
 * that keeps the keyboard, like a terminal, to let it go on Escape or Tab). Skips what cannot
 * take the focus: hidden, disabled, inside a closed <details>.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function focusBeside(from: Element, direction: 'next' | 'previous'): HTMLElement | undefined {
  const side = direction === 'next' ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  const candidates = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) =>
      !from.contains(el) &&
      from.compareDocumentPosition(el) & side &&
      el.getClientRects().length > 0 &&
      !el.closest('[inert], [hidden]') &&
      !el.closest('details:not([open]) > :not(summary)'),
  );
  if (direction === 'previous') candidates.reverse();
  for (const el of candidates) {
    el.focus();
    if (document.activeElement === el) return el;
  }
  return undefined;
}
