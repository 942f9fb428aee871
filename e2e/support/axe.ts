import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Page} from 'playwright-core';

// axe-core injected into the page (the @axe-core/playwright wrapper needs
// Node 22): WCAG 2.0/2.1 A and AA rules, one line per violation.

const require_ = createRequire(__filename);
const AXE_PATH = require_.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's source, read once per test file (not once per page). */
let axeSource: string | undefined;

interface AxeResult {
  violations: {id: string; impact: string | null; help: string; nodes: {target: unknown[]}[]}[];
}

/**
 * The violations in the page (frames included), or only inside `selector` (e.g. one card, or every
 * element it matches: then an embedded third-party frame, a StackBlitz iframe, is not audited).
 * axe and the style below are added once per document: later audits of the same page reuse them.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  const ready = await page.evaluate(() => ({
    axe: 'axe' in window,
    style: document.querySelector('style[data-e2e-axe]') !== null,
  }));
  if (!ready.axe) await page.addScriptTag({content: (axeSource ??= readFileSync(AXE_PATH, 'utf8'))});
  // Off-screen blocks skip rendering (content-visibility: auto) until scrolled near, and axe
  // cannot judge the contrast of text not rendered: render everything for the audit.
  if (!ready.style) {
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.dataset.e2eAxe = '';
      style.textContent = '* { content-visibility: visible !important; }';
      document.head.append(style);
    });
  }
  const result = (await page.evaluate(async ({tags, selector}) => {
    const axe = (window as unknown as {axe: {run: (ctx: unknown, opts: unknown) => Promise<unknown>}}).axe;
    return axe.run(selector ?? document, {
      runOnly: {type: 'tag', values: tags},
      resultTypes: ['violations'],
      iframes: selector === null,
    });
  }, {tags: AXE_TAGS, selector: selector ?? null})) as AxeResult;
  return result.violations.map(
    (v) =>
      `axe ${v.id} (${v.impact ?? '?'}): ${v.help} -> ${v.nodes
        .slice(0, 5)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : ''}`,
  );
}
