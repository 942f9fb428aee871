/**
 * Docusaurus plugin for how code blocks are highlighted:
 * - puts the code-block colours of both modes in every page's <head> as one small <style>,
 *   generated from the themes in src/lib/prismThemes.ts (see src/lib/codeThemeCss.ts);
 * - resolves `prism-react-renderer` in the server and browser bundles to src/lib/prism.ts, a Prism
 *   with the course's languages only (the theme imports the package just for its Prism instance).
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {codeThemeCss} from '../../lib/codeThemeCss';
import {darkCodeTheme, lightCodeTheme} from '../../lib/prismThemes';

export const SITE_PRISM = path.resolve(__dirname, '../../lib/prism.ts');

export default function codeTheme(): Plugin {
  const css = codeThemeCss({light: lightCodeTheme, dark: darkCodeTheme});
  return {
    name: 'code-theme',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', attributes: {'data-code-theme': 'true'}, innerHTML: css}]};
    },
    configureWebpack() {
      return {resolve: {alias: {'prism-react-renderer$': SITE_PRISM}}};
    },
  };
}
