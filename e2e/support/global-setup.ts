import {CHROMIUM_MISSING, findChromium} from '../../scripts/browser-tools/chromium.mjs';

// Runs once before the browser suite: fail fast, in one line, without Chromium.
export default function setup(): void {
  if (!findChromium().found) {
    process.stderr.write(`\n${CHROMIUM_MISSING}\n\n`);
    process.exit(1);
  }
}
