import {readFileSync} from 'node:fs';
import path from 'node:path';

/** The `examples/` folder: the single source of every file a lesson shows, a sandbox runs or a test checks. */
export const EXAMPLES_DIR = __dirname;

/** Reads a file of `examples/` by its path relative to that folder, refusing paths that escape it. */
export function readExampleFile(relativePath: string): string {
  const absolute = path.resolve(EXAMPLES_DIR, relativePath);
  if (!absolute.startsWith(EXAMPLES_DIR + path.sep)) {
    throw new Error(`Example path escapes examples/: ${relativePath}`);
  }
  try {
    return readFileSync(absolute, 'utf8');
  } catch {
    throw new Error(`Example file not found: examples/${relativePath}`);
  }
}
