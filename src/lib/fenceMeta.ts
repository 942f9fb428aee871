// A code fence's meta string: what follows the language on its first line (```bash norun
// title="..."). Read by the build (src/plugins/remark-examples), the lesson runner and the code
// blocks on the page (src/theme/CodeBlock), so all three agree on what a fence says.

/** Reads `key=value` or `key="value with spaces"` from a fence's meta string. */
export function readMetaValue(meta: string | null | undefined, key: string): string | undefined {
  if (!meta) return undefined;
  const match = new RegExp(`(?:^|\\s)${key}=(?:"([^"]*)"|(\\S+))`).exec(meta);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** True when the fence meta carries a bare flag such as `norun`. */
export function hasMetaFlag(meta: string | null | undefined, flag: string): boolean {
  return !!meta && new RegExp(`(?:^|\\s)${flag}(?:\\s|$)`).test(meta);
}
