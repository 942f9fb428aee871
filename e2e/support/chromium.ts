import fs from 'node:fs';
import {execFileSync} from 'node:child_process';

// Where the system Chromium is. The suite uses it through playwright-core (no
// browser download). One clear line when it is missing.

export const CHROMIUM_MISSING =
  'Chromium not found: install it with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH=/path/to/chromium.';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], {encoding: 'utf8'}).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}
