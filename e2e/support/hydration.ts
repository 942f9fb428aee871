import type {Page} from 'playwright-core';
import {darkCodeTheme, lightCodeTheme} from '../../src/plugins/code-theme/prismThemes';
import type {Theme} from './browser';

// What hydration does to what the server rendered: code blocks and diagrams must be kept, not
// rebuilt (rebuilding them was the lesson pages' long main-thread task).

/** Records, from the first byte of every document of `page`, code blocks and diagrams that leave the DOM. */
export async function watchReplacedBlocks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const replaced: string[] = [];
    (window as unknown as {__replacedBlocks: string[]}).__replacedBlocks = replaced;
    const describe = (node: Node) =>
      node instanceof Element ? `${node.tagName.toLowerCase()}.${Array.from(node.classList).join('.')}` : node.nodeName;
    new MutationObserver((records) => {
      for (const record of records) {
        record.removedNodes.forEach((node) => {
          if (!(node instanceof Element)) return;
          const block = '.theme-code-block, .token-line, .token, .static-diagram, .static-diagram svg';
          if (node.matches(block) || node.querySelector(block)) {
            replaced.push(describe(node));
          }
        });
      }
    }).observe(document, {childList: true, subtree: true});
  });
}

/** The code blocks and diagrams removed from the DOM so far (watchReplacedBlocks). */
export function replacedBlocks(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as {__replacedBlocks: string[]}).__replacedBlocks);
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** A code comment's colour and style in `theme`, as the site's code theme sets them. */
export function commentStyle(theme: Theme): {color: string; fontStyle: string} {
  const codeTheme = theme === 'light' ? lightCodeTheme : darkCodeTheme;
  const style: {color?: string; fontStyle?: string} = codeTheme.styles
    .filter((s) => s.types.includes('comment'))
    .reduce((a, s) => ({...a, ...s.style}), {});
  return {color: rgb(String(style.color)), fontStyle: String(style.fontStyle ?? 'normal')};
}

/** The first code comment's colour and style as shown, or null when the page has no code comment. */
export async function shownCommentStyle(page: Page): Promise<{color: string; fontStyle: string} | null> {
  const comment = page.locator('.theme-code-block .token.comment').first();
  if ((await comment.count()) === 0) return null;
  return comment.evaluate((el) => {
    const style = getComputedStyle(el);
    return {color: style.color, fontStyle: style.fontStyle};
  });
}
