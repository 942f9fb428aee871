import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {themes, waitForHydration} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {
  checkDiagrams,
  DIAGRAM_SELECTOR,
  MERMAID_LIBRARY_MARKER,
  STATIC_DIAGRAM_SVG_MARKER,
  watchScripts,
} from './support/mermaid';
import {localePath, locales, screenshotDir} from './support/env';
import {visitScrollBoxes} from './support/diagramLayout';
import {diagramPages} from './fixtures/site';

// Screenshots of the diagram pages in light and dark mode, at desktop and phone
// width, for a person to look at; a guard that those pages keep their diagrams; and that a page whose
// diagrams were all drawn at build time loads no Mermaid JavaScript (while a
// page that draws them in the browser does: the same probe, seen to work).

const site = useServedSite();
const DESKTOP = {width: 1366, height: 900};
const PHONE = {width: 390, height: 844};
let pages: SitePage[];

beforeAll(async () => {
  pages = await readSitemaps(site.server.origin);
  fs.mkdirSync(screenshotDir, {recursive: true});
});

afterAll(async () => {
  console.log(`[screenshots] saved in ${screenshotDir}`);
});

describe('diagram pages', () => {
  for (const {path: p, minDiagrams} of diagramPages) {
    for (const locale of locales) {
      for (const theme of themes) {
        it(`${locale} ${p} in ${theme} mode: ${minDiagrams}+ diagrams render; screenshots`, async () => {
          const pathname = localePath(locale, p);
          expect(pages.map((x) => x.pathname), 'page is in the sitemap').toContain(pathname);
          const page = await site.browser.newPage(theme);
          await page.setViewportSize(DESKTOP);
          const scripts = watchScripts(page, site.server.origin);
          await page.goto(`${site.server.origin}${pathname}`);
          await waitForHydration(page);
          const report = await checkDiagrams(page, theme);
          expect(report.problems, report.problems.join('\n')).toEqual([]);
          expect(minDiagrams, 'a diagram page is checked for at least one diagram').toBeGreaterThan(0);
          expect(report.count).toBeGreaterThanOrEqual(minDiagrams);
          await page.waitForLoadState('networkidle', {timeout: 10_000}).catch(() => {});
          const mermaidJs = await scripts.mermaidScripts();
          expect(scripts.scripts.length, 'scripts seen (the probe listens)').toBeGreaterThan(0);
          if (report.clientCount === 0) {
            expect(mermaidJs, `scripts containing "${MERMAID_LIBRARY_MARKER}" (Mermaid) on a page of build-time diagrams`).toEqual([]);
          } else {
            expect(mermaidJs.length, 'client-side diagrams come with the Mermaid library').toBeGreaterThan(0);
          }
          if (report.staticCount > 0) {
            // The SVG is in the HTML; shipping it in the page's JavaScript too would double its bytes.
            expect(await scripts.scriptsContaining(STATIC_DIAGRAM_SVG_MARKER), 'scripts carrying diagram SVG').toEqual([]);
          }

          const slug = `${locale}${p.replace(/\//g, '_') || '_home'}-${theme}`;
          const saved = [path.join(screenshotDir, `${slug}-top.png`)];
          await page.screenshot({path: saved[0]});
          const blocks = page.locator(DIAGRAM_SELECTOR);
          for (let i = 0; i < report.count; i++) {
            const file = path.join(screenshotDir, `${slug}-diagram-${i + 1}.png`);
            await blocks.nth(i).scrollIntoViewIfNeeded();
            await blocks.nth(i).screenshot({path: file});
            saved.push(file);
          }
          // On a phone: each diagram in its box, with the line under it when it scrolls sideways.
          await page.setViewportSize(PHONE);
          await visitScrollBoxes(page);
          // A full-page shot does not wait for off-screen diagrams (content-visibility) to paint.
          await page.addStyleTag({content: '.static-diagram * { content-visibility: visible !important; }'});
          const boxes = page.locator('[data-scroll-box="diagram"]');
          for (let i = 0; i < (await boxes.count()); i++) {
            const file = path.join(screenshotDir, `${slug}-phone-diagram-${i + 1}.png`);
            // In page coordinates; the hint sits in the box's bottom margin, outside its bounding box.
            const box = await boxes.nth(i).evaluate((el) => {
              const r = el.getBoundingClientRect();
              return {y: r.top + window.scrollY, height: r.height};
            });
            await page.screenshot({path: file, fullPage: true, clip: {x: 0, y: box.y, width: PHONE.width, height: box.height + 24}});
            saved.push(file);
          }
          for (const f of saved) expect(fs.statSync(f).size).toBeGreaterThan(1000);
          await page.close();
        });
      }
    }
  }
});
