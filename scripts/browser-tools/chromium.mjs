// @ts-check
/**
 * Where the system Chromium is: one finder for the build (static-mermaid draws the diagrams
 * with it), the browser suite and the bench. No browser is ever downloaded.
 */
import {existsSync} from 'node:fs';

/** Where Chromium may live when CHROMIUM_PATH is not set, in order. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Chromium flags for a container or CI: no sandbox as root, no GPU, small /dev/shm. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** The one line said when there is no browser. */
export const CHROMIUM_MISSING =
  'Chromium not found: install it with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH=/path/to/chromium.';

/**
 * @typedef {{found: true, path: string} | {found: false, reason: string}} BrowserLookup
 */

/**
 * Finds Chromium: CHROMIUM_PATH (or CHROME_PATH, Lighthouse's name) wins, and is not second-guessed
 * when it points nowhere; then the usual install paths.
 * @param {Record<string, string | undefined>} [env]
 * @param {(file: string) => boolean} [exists]
 * @returns {BrowserLookup}
 */
export function findChromium(env = process.env, exists = existsSync) {
  const configured = env.CHROMIUM_PATH ?? env.CHROME_PATH;
  if (configured) {
    return exists(configured)
      ? {found: true, path: configured}
      : {found: false, reason: `CHROMIUM_PATH=${configured} does not exist`};
  }
  const path = CHROMIUM_CANDIDATES.find((candidate) => exists(candidate));
  return path ? {found: true, path} : {found: false, reason: 'no Chromium or Chrome found'};
}

/**
 * The Chromium executable, or an error that says how to get one.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function requireChromium(env = process.env) {
  const lookup = findChromium(env);
  if (!lookup.found) throw new Error(`${CHROMIUM_MISSING} (${lookup.reason})`);
  return lookup.path;
}
