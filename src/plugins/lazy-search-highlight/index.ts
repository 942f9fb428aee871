/**
 * Docusaurus plugin: in the browser bundle, resolves the mark.js that
 * @easyops-cn/docusaurus-search-local imports for its search-term highlighting to
 * lazyMark.ts here, which downloads mark.js only when a page has words to highlight or
 * highlights to clear. The server bundle keeps mark.js (it never runs there).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const require = createRequire(__filename);

export const LAZY_MARK = path.resolve(__dirname, 'lazyMark.ts');

export default function lazySearchHighlight(): Plugin {
  // The search plugin's generated module imports mark.js by this resolved path.
  const markJs = require.resolve('mark.js');
  return {
    name: 'lazy-search-highlight',
    configureWebpack(_config, isServer) {
      return isServer ? {} : {resolve: {alias: {[`${markJs}$`]: LAZY_MARK}}};
    },
  };
}
