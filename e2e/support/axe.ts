import {createRequire} from 'node:module';
import type {Page} from 'playwright-core';

// axe-core injected into the page (the @axe-core/playwright wrapper needs
// Node 22): WCAG 2.0/2.1 A and AA rules, one line per violation.

const require_ = createRequire(__filename);
const AXE_PATH = require_.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult {
  violations: {id: string; impact: string | null; help: string; nodes: {target: unknown[]}[]}[];
}

/**
 * The violations in the page (frames included), or only inside `selector` (e.g. one
 * card: then an embedded third-party frame, a StackBlitz iframe, is not audited).
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({path: AXE_PATH});
  // Off-screen blocks skip rendering (content-visibility: auto) until scrolled near, and axe
  // cannot judge the contrast of text not rendered: render everything for the audit.
  await page.addStyleTag({content: '* { content-visibility: visible !important; }'});
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
