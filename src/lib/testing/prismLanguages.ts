import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

/** The languages docusaurus.config.ts adds (`prism.additionalLanguages`). */
export const ADDITIONAL_LANGUAGES = ['bash', 'diff', 'json'];

/**
 * Loads Prism language components into `prism` the way the theme's prism-include-languages does
 * (through the global `Prism` they extend). Node caches a component after its first load, so it is
 * evaluated afresh for each instance.
 */
export function loadPrismLanguages(prism: unknown, languages = ADDITIONAL_LANGUAGES): void {
  const scope = globalThis as {Prism?: unknown};
  const previous = scope.Prism;
  scope.Prism = prism;
  try {
    for (const language of languages) {
      const id = require.resolve(`prismjs/components/prism-${language}`);
      delete require.cache[id];
      require(id);
    }
  } finally {
    if (previous === undefined) delete scope.Prism;
    else scope.Prism = previous;
  }
}
