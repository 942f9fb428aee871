/**
 * The Prism the code blocks tokenize with, on the server and in the browser: Prism's core and the
 * languages the course shows. prism-react-renderer's own Prism bundles 16 languages, built by
 * deep-cloning grammars when its module loads: ~30 ms of main-thread work on every page load of
 * a phone-class CPU, for languages the course never shows. The bundles resolve
 * `prism-react-renderer` to this module (src/plugins/code-theme), so the theme's
 * prism-include-languages adds `prism.additionalLanguages` (bash, diff, json) to this instance.
 *
 * Tokens and line splitting are prism-react-renderer's (normalizeTokens below, with its MIT
 * licence); codeHtml.test.ts checks both against the package over every code block of the site.
 */
import type {Token} from 'prism-react-renderer';

type PrismStatic = typeof import('prismjs');

const scope = globalThis as {Prism?: unknown};
const previous = scope.Prism;
// Manual mode: Prism's core would otherwise re-highlight every <code class="language-…"> of the
// page on DOMContentLoaded, over the markup React rendered.
scope.Prism = {manual: true, disableWorkerMessageHandler: true};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Prism = require('prismjs/components/prism-core') as PrismStatic;
// Language components extend the global Prism; load them into this one.
scope.Prism = Prism;
/* eslint-disable @typescript-eslint/no-require-imports */
require('prismjs/components/prism-clike');
require('prismjs/components/prism-javascript');
require('prismjs/components/prism-js-extras');
/* eslint-enable @typescript-eslint/no-require-imports */
// As prism-react-renderer: plain-text names resolve to an empty grammar.
for (const name of ['plain', 'plaintext', 'text', 'txt']) Prism.languages[name] = {};
if (previous === undefined) delete scope.Prism;
else scope.Prism = previous;

export {Prism};

type TokenStream = (string | PrismToken)[];
interface PrismToken {
  type: string;
  alias?: string | string[];
  content: string | PrismToken | TokenStream;
}

const newlineRe = /\r\n|\r|\n/;

// Empty lines need a placeholder token, or they collapse.
function normalizeEmptyLines(line: Token[]): void {
  if (line.length === 0) {
    line.push({types: ['plain'], content: '\n', empty: true});
  } else if (line.length === 1 && line[0]!.content === '') {
    line[0]!.content = '\n';
    line[0]!.empty = true;
  }
}

function appendTypes(types: string[], add: string | string[]): string[] {
  if (types.length > 0 && types[types.length - 1] === add) return types;
  return types.concat(add);
}

/**
 * Prism's nested token stream as lines of flat tokens, each with the types of its ancestors: a
 * port of prism-react-renderer 2.4.1's normalizeTokens (MIT, Formidable Labs).
 */
export function normalizeTokens(tokens: TokenStream | string[]): Token[][] {
  const typeArrStack: string[][] = [[]];
  const tokenArrStack: TokenStream[] = [tokens as TokenStream];
  const tokenArrIndexStack = [0];
  const tokenArrSizeStack = [tokens.length];
  let i = 0;
  let stackIndex = 0;
  let currentLine: Token[] = [];
  const acc = [currentLine];
  while (stackIndex > -1) {
    while ((i = tokenArrIndexStack[stackIndex]!++) < tokenArrSizeStack[stackIndex]!) {
      let content: PrismToken['content'];
      let types = typeArrStack[stackIndex]!;
      const token = tokenArrStack[stackIndex]![i]!;
      if (typeof token === 'string') {
        types = stackIndex > 0 ? types : ['plain'];
        content = token;
      } else {
        types = appendTypes(types, token.type);
        if (token.alias) types = appendTypes(types, token.alias);
        content = token.content;
      }
      if (typeof content !== 'string') {
        stackIndex++;
        typeArrStack.push(types);
        const nested = Array.isArray(content) ? content : [content];
        tokenArrStack.push(nested);
        tokenArrIndexStack.push(0);
        tokenArrSizeStack.push(nested.length);
        continue;
      }
      const splitByNewlines = content.split(newlineRe);
      currentLine.push({types, content: splitByNewlines[0]!});
      for (let j = 1; j < splitByNewlines.length; j++) {
        normalizeEmptyLines(currentLine);
        acc.push((currentLine = []));
        currentLine.push({types, content: splitByNewlines[j]!});
      }
    }
    stackIndex--;
    typeArrStack.pop();
    tokenArrStack.pop();
    tokenArrIndexStack.pop();
    tokenArrSizeStack.pop();
  }
  normalizeEmptyLines(currentLine);
  return acc;
}
