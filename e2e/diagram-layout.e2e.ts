import {beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {themes, waitForHydration} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {splitLocale} from './support/env';
import {
  measureDiagramLayout,
  measureTables,
  MIN_TEXT_PX,
  visitScrollBoxes,
  type DiagramLayout,
} from './support/diagramLayout';

// Legible diagrams on every screen: on every page of both sitemaps that has diagrams or tables, in
// light and dark mode, at desktop and phone width, no two labels of a diagram (commit messages,
// branch names, tags) overlap, nor a label a commit's dot, measured exactly, rotated labels
// included; at phone width every
// diagram's and table's text is at least MIN_TEXT_PX as rendered, and a diagram or table wider
// than the page scrolls sideways in its own box, which says so.

const site = useServedSite();
let pages: SitePage[];

const WIDTHS = [
  {name: 'desktop', width: 1366, height: 900},
  {name: 'phone', width: 390, height: 844},
] as const;

beforeAll(async () => {
  pages = await readSitemaps(site.server.origin);
});

function layoutProblems(where: string, layout: DiagramLayout, checkText: boolean): string[] {
  return [
    ...layout.overlaps.map((o) => `${where}: diagram #${o.diagram}: ${o.a} overlaps ${o.b} by ${o.depth} px`),
    ...(checkText ? layout.smallText.map((t) => `${where}: diagram #${t.diagram}: "${t.text}" is ${t.px} px (< ${MIN_TEXT_PX})`) : []),
    ...layout.clipped.map((c) => `${where}: ${c}`),
    ...layout.scrollWithoutHint.map((c) => `${where}: ${c}`),
  ];
}

describe('the checker itself', () => {
  it('measures rotated labels exactly: parallel diagonal labels whose axis-aligned boxes meet do not overlap; crossing ones do, and so does a label over a commit dot', async () => {
    const page = await site.browser.newPage();
    // Two commit labels turned -45 degrees, 30 px apart along their normal: their axis-aligned
    // boxes intersect widely, the labels themselves do not. A third one, flat, crosses the first
    // near its lower end, clear of the second.
    const label = (id: string, x: number, y: number, angle: number, width = 160) =>
      `<g transform="rotate(${angle}, ${x}, ${y})"><rect class="commit-label-bkg" x="${x}" y="${y}" width="${width}" height="16"></rect>` +
      `<text class="commit-label" x="${x + 2}" y="${y + 12}" font-size="12">${id}</text></g>`;
    await page.setContent(
      `<div class="static-diagram"><svg width="400" height="400" viewBox="0 0 400 400"><title>t</title>` +
        label('first', 100, 200, -45) +
        label('parallel', 100 + 30 * Math.SQRT1_2, 200 + 30 * Math.SQRT1_2, -45) +
        label('crossing', 40, 170, 0, 110) +
        // A commit dot under the second label, and one clear of every label.
        `<g class="commit-bullets"><circle cx="${100 + 30 * Math.SQRT1_2 + 60}" cy="${200 + 30 * Math.SQRT1_2 - 50}" r="8"></circle>` +
        `<circle cx="350" cy="350" r="8"></circle></g>` +
        `<text x="10" y="390" font-size="8">tiny</text></svg></div>`,
    );
    const layout = await measureDiagramLayout(page);
    expect(layout.labels).toBe(3);
    expect(layout.overlaps.map((o) => [o.a, o.b])).toEqual([
      ['commit "first"', 'commit "crossing"'],
      ['commit "parallel"', 'commit dot #1'],
    ]);
    expect(layout.smallText.map((t) => [t.text, t.px])).toEqual([['tiny', 8]]);
    await page.close();
  });
});

describe('diagrams and tables are legible', () => {
  for (const theme of themes) {
    it(`on every page with diagrams or tables, both locales, ${theme} mode, at ${WIDTHS.map((w) => w.width).join(' and ')} px`, async () => {
      const failures: string[] = [];
      const checked: string[] = [];
      let diagrams = 0;
      let labels = 0;
      let smallestPhoneText = Infinity;
      for (const sitePage of pages) {
        // Only pages whose HTML has a diagram or a table need a browser (the rest are many).
        const html = await (await fetch(sitePage.url)).text();
        if (!/static-diagram|data-mermaid|<table/.test(html)) continue;
        const page = await site.browser.newPage(theme);
        try {
          for (const size of WIDTHS) {
            await page.setViewportSize({width: size.width, height: size.height});
            if (size === WIDTHS[0]) {
              await page.goto(sitePage.url);
              await waitForHydration(page);
            }
            const has = await page.evaluate(
              () => document.querySelectorAll('.static-diagram, [data-mermaid], article table, main .markdown table').length,
            );
            if (has === 0) break;
            await visitScrollBoxes(page);
            const where = `${sitePage.pathname} (${theme}, ${size.width} px)`;
            const layout = await measureDiagramLayout(page);
            const tables = await measureTables(page);
            const phone = size.name === 'phone';
            failures.push(...layoutProblems(where, layout, phone));
            if (phone) {
              failures.push(...tables.smallText.map((t) => `${where}: table #${t.table}: "${t.text}" is ${t.px} px`));
              smallestPhoneText = Math.min(smallestPhoneText, layout.smallestTextPx, tables.smallestTextPx);
            }
            failures.push(...tables.problems.map((p) => `${where}: ${p}`));
            if (size === WIDTHS[0]) {
              checked.push(sitePage.pathname);
              diagrams += layout.diagrams;
              labels += layout.labels;
            }
          }
        } catch (e) {
          failures.push(`${sitePage.pathname}: ${(e as Error).message.split('\n')[0]}`);
        } finally {
          await page.close();
        }
      }
      console.log(
        `[diagram layout] ${theme}: ${checked.length} pages, ${diagrams} diagrams, ${labels} labels; smallest text at 390 px: ${smallestPhoneText} px`,
      );
      // Every lesson has diagrams; a page that lost them would silently skip the check.
      const lessons = pages.filter((p) => splitLocale(p.pathname).path.startsWith('/docs/lessons/'));
      expect(lessons.length, 'lesson pages in the sitemaps').toBeGreaterThan(0);
      for (const lesson of lessons) expect(checked, 'pages checked').toContain(lesson.pathname);
      expect(labels, 'diagram labels measured').toBeGreaterThan(0);
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
