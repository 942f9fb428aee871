// @ts-check
/**
 * Vite, configured to load the site's diagram modules outside Docusaurus: `@site/` is the
 * repository, `@docusaurus/Translate` is Docusaurus's own (from @docusaurus/core) over the
 * chosen locale's i18n/<locale>/code.json, as the site's build would give it. Used by the
 * diagram's bench (scripts/bench/repo-diagram.mjs) and its look check (look.mjs): Node loads the
 * TypeScript through Vite's SSR loader, the browser gets a bundle.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {transformWithOxc} from 'vite';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORE_EXPORTS = path.join(SITE_DIR, 'node_modules/@docusaurus/core/lib/client/exports');

/** The messages of a locale, id -> text, as Docusaurus hands them to Translate. @param {string} locale */
export function codeTranslations(locale) {
  const file = path.join(SITE_DIR, 'i18n', locale, 'code.json');
  /** @type {Record<string, {message: string}>} */
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  return Object.fromEntries(Object.entries(messages).map(([id, {message}]) => [id, message]));
}

/** @param {{locale?: string}} [options] @returns {import('vite').InlineConfig} */
export function diagramViteConfig({locale = 'it'} = {}) {
  const translations = '\0code-translations';
  return {
    configFile: false,
    root: SITE_DIR,
    logLevel: 'warn',
    resolve: {
      alias: [
        {find: /^@site\//, replacement: `${SITE_DIR}/`},
        {find: /^@docusaurus\/Translate$/, replacement: path.join(CORE_EXPORTS, 'Translate.js')},
        {find: /^@docusaurus\/Interpolate$/, replacement: path.join(CORE_EXPORTS, 'Interpolate.js')},
      ],
    },
    plugins: [
      {
        name: 'code-translations',
        resolveId: (id) => (id === '@generated/codeTranslations' ? translations : undefined),
        load: (id) => (id === translations ? `export default ${JSON.stringify(codeTranslations(locale))};` : undefined),
      },
      {
        // Modules written for vitest (CommonJS-style `__dirname`, as examples/readExample.ts).
        name: 'dirname',
        transform: (code, id) =>
          id.startsWith(SITE_DIR) && !id.includes('/node_modules/') && code.includes('__dirname')
            ? code.replaceAll('__dirname', JSON.stringify(path.dirname(id)))
            : undefined,
      },
      {
        // Docusaurus's client files are JSX in .js files.
        name: 'docusaurus-client-jsx',
        enforce: 'pre',
        transform: (code, id) =>
          id.startsWith(CORE_EXPORTS) ? transformWithOxc(code, id, {lang: 'jsx', jsx: {runtime: 'automatic', development: false}}) : undefined,
      },
    ],
    // The site's tsconfig says `jsx: preserve` (Docusaurus compiles JSX itself); here Vite does.
    oxc: {jsx: {runtime: 'automatic', development: false}},
    define: {'process.env.NODE_ENV': JSON.stringify('production')},
    server: {middlewareMode: true, hmr: false, ws: false},
    appType: 'custom',
  };
}
