import {findChromium, CHROMIUM_MISSING} from './chromium';

// Runs once before the browser suite: fail fast, in one line, without Chromium.
export default function setup(): void {
  if (!findChromium()) {
    process.stderr.write(`\n${CHROMIUM_MISSING}\n\n`);
    process.exit(1);
  }
}
