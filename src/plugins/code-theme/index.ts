/**
 * Docusaurus plugin for how code blocks are highlighted:
 * - puts the code-block colours of both modes in every page's <head> as one small <style>,
 *   generated from the themes in prismThemes.ts (see codeThemeCss.ts);
 * - resolves `prism-react-renderer` in the server and browser bundles to prism.ts here, a Prism
 *   with the course's languages only (the theme imports the package just for its Prism instance).
 */
import path from 'node:path';
import {createRequire} from 'node:module';
import type {Plugin} from '@docusaurus/types';
import {upstreamModule} from '../upstreamModule';
import {codeThemeCss} from './codeThemeCss';
import {darkCodeTheme, lightCodeTheme} from './prismThemes';

const require = createRequire(__filename);

export const SITE_PRISM = path.resolve(__dirname, 'prism.ts');

/**
 * `replacePrism: false` (UPSTREAM_OFF=prism, for the bench) leaves the package in place and
 * resolves the site's Prism to it instead, so everything highlights with upstream's Prism.
 */
export default function codeTheme(_context: unknown, options: unknown): Plugin {
  const replacePrism = (options as {replacePrism?: boolean} | undefined)?.replacePrism !== false;
  const css = codeThemeCss({light: lightCodeTheme, dark: darkCodeTheme});
  const alias: Record<string, string> = replacePrism
    ? {'prism-react-renderer$': SITE_PRISM}
    : Object.fromEntries([...upstreamModule(__dirname, 'prism'), SITE_PRISM].map((file) => [`${file}$`, require.resolve('prism-react-renderer')]));
  return {
    name: 'code-theme',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', attributes: {'data-code-theme': 'true'}, innerHTML: css}]};
    },
    configureWebpack() {
      return {resolve: {alias}};
    },
  };
}
