import type {Locator} from 'playwright-core';
import {expect} from 'vitest';

/**
 * A line of the block's code as it appears verbatim inside a JavaScript string: the longest ASCII
 * line with no quote or backslash (which a bundle escapes).
 */
export async function verbatimLine(block: Locator): Promise<string> {
  // Line by line from the DOM (an off-screen block is not rendered: it has no innerText).
  const text = await block.locator('.token-line').allTextContents();
  const lines = text.filter((l) => /^[\x20-\x7e]+$/.test(l) && !/["'`\\]/.test(l));
  const longest = lines.sort((a, b) => b.length - a.length)[0] ?? '';
  expect(longest.length, 'a distinctive line of code').toBeGreaterThan(25);
  return longest;
}
