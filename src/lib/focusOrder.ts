/**
 * The control before or after an element in the page's tab order (for a widget that keeps the
 * keyboard, like a terminal, to let it go on Escape or Tab).
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function nextFocusable(from: Element, direction: 'next' | 'previous'): HTMLElement | undefined {
  const all = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !from.contains(el) && el.getClientRects().length > 0 && !el.closest('[inert], [hidden]'),
  );
  if (direction === 'next') return all.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return all.reverse().find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
}
