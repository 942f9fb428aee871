// @ts-check
/**
 * The upstream modules the build replaces, in one list: docusaurus.config.ts leaves out each one
 * named in UPSTREAM_OFF (comma-separated), and `npm run bench` (BENCH_UPSTREAM=1) builds the site
 * with each one off to measure what it buys. Each one's folder has a README with that figure and
 * UPSTREAM.md, the report to file upstream; its unit test fails when the upstream module moves.
 */

/** @typedef {{name: string, folder: string, replaces: string}} UpstreamReplacement */

// Removed, their figure being within the bench's run-to-run noise (README, "Upstream modules"):
// theme-common's utils/reactUtils (a localeCompare-free useShallowMemoObject).

/** @type {readonly UpstreamReplacement[]} */
export const UPSTREAM_REPLACEMENTS = [
  {name: 'search-highlight', folder: 'src/plugins/lazy-search-highlight', replaces: 'mark.js (search-local)'},
  {name: 'prism', folder: 'src/plugins/code-theme', replaces: 'prism-react-renderer'},
  {name: 'prefetch', folder: 'src/plugins/chunk-prefetch', replaces: 'core client/prefetch'},
  {name: 'route-chunks', folder: 'src/plugins/route-chunk-scripts', replaces: 'client manifest (rewritten)'},
];

/**
 * The replacements UPSTREAM_OFF turns off; an unknown name is an error, not a silent no-op.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Set<string>}
 */
export function replacementsOff(env = process.env) {
  const names = (env.UPSTREAM_OFF ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const known = new Set(UPSTREAM_REPLACEMENTS.map((r) => r.name));
  for (const name of names) {
    if (!known.has(name)) throw new Error(`UPSTREAM_OFF: no upstream replacement named '${name}' (known: ${[...known].join(', ')})`);
  }
  return new Set(names);
}
