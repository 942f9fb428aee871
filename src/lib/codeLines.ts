/**
 * A code block's line count as its placeholder height uses it: the fence's text less one
 * trailing newline (as the theme drops it), split on newlines. The build computes it for blocks
 * whose code is not in the page's JavaScript, the browser for the others: the two must agree.
 */
export function codeLineCount(code: string): number {
  return code.replace(/\r?\n$/, '').split(/\r?\n/).length;
}
