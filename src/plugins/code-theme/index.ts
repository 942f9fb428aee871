/**
 * Docusaurus plugin: puts the code-block colours of both modes in every page's <head> as one small
 * <style>, generated from the themes in src/lib/prismThemes.ts (see src/lib/codeThemeCss.ts).
 */
import type {Plugin} from '@docusaurus/types';
import {codeThemeCss} from '../../lib/codeThemeCss';
import {darkCodeTheme, lightCodeTheme} from '../../lib/prismThemes';

export default function codeTheme(): Plugin {
  const css = codeThemeCss({light: lightCodeTheme, dark: darkCodeTheme});
  return {
    name: 'code-theme',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', attributes: {'data-code-theme': 'true'}, innerHTML: css}]};
    },
  };
}
