import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {waitForHydration} from './support/browser';
import {verbatimLine} from './support/code';
import {localePath, locales, type Locale} from './support/env';
import {STATIC_DIAGRAM_SVG_MARKER} from './support/mermaid';
import {followSidebarLink} from './support/navigation';
import {watchProblems} from './support/problems';
import {failScriptsContaining} from './support/scripts';
import {useServedSite} from './support/site';

// Nothing a reader relies on vanishes when a module the page downloads lazily cannot be fetched
// (a flaky connection; a page left open across a deploy that removed the old hashed files). Each
// lazy module is blocked in turn:
// - on a page loaded from its URL, its HTML has what the module holds: every code block keeps its
//   copy and word-wrap buttons (copy copies the code shown), every diagram its SVG;
// - on a page reached by client-side navigation, which has no such HTML, the page is loaded in
//   full from its URL, and then has them; only when that was just tried does a block say, in the
//   page's language, that it could not be downloaded.

const site = useServedSite();
const LESSON = '/docs/lessons/hotfix-workflow';
const MIN_DIAGRAMS = 6;
const COPY_LABEL: Record<Locale, string> = {it: 'Copia il codice negli appunti', en: 'Copy code to clipboard'};
const WRAP_LABEL: Record<Locale, string> = {it: 'Attiva/disattiva a capo automatico', en: 'Toggle word wrap'};

/** A line only the lesson's code strings module holds (read from the served page). */
async function codeLine(locale: Locale): Promise<string> {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
  const line = await verbatimLine(page.locator('article .theme-code-block').last());
  await page.close();
  return line;
}

/** The lazy modules of a lesson, each by a text only its file contains. */
const LAZY_MODULES: {name: string; marker: (locale: Locale) => Promise<string>}[] = [
  {name: 'code strings', marker: codeLine},
  {name: 'diagram SVG', marker: async () => STATIC_DIAGRAM_SVG_MARKER},
  // mark.js itself (the search-term highlighter the search plugin downloads when needed).
  {name: 'mark.js', marker: async () => 'iframesTimeout'},
];

const drawnDiagrams = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('.static-diagram__light')).filter((d) => d.querySelector('svg')).length);

/** The lesson's last code block has both buttons once reached, and copy copies what it shows. */
async function expectWorkingButtons(page: Page, locale: Locale): Promise<void> {
  const last = page.locator('article .theme-code-block').last();
  await last.scrollIntoViewIfNeeded();
  const copy = last.getByRole('button', {name: COPY_LABEL[locale]});
  await copy.waitFor({timeout: 10_000});
  await copy.click();
  const shown = await last.locator('.token-line').allTextContents();
  expect(await page.evaluate(() => (window as unknown as {__copied?: string}).__copied)).toBe(shown.join('\n'));
  // Word wrap is there whenever the code overflows (a phone-wide window makes the long lines do).
  const overflows = await last.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth);
  await expect
    .poll(() => last.getByRole('button', {name: WRAP_LABEL[locale]}).count(), {message: 'word wrap while the code overflows'})
    .toBe(overflows ? 1 : 0);
}

async function newLessonPage(): Promise<Page> {
  const page = await site.browser.newPage('light');
  await page.setViewportSize({width: 412, height: 823});
  await page.addInitScript(() => {
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as {__copied: string}).__copied = text;
    };
  });
  return page;
}

describe('a lazy module that cannot be downloaded takes nothing away', () => {
  for (const module of LAZY_MODULES) {
    for (const locale of locales) {
      it(`${locale}, ${module.name} blocked: a page loaded from its URL keeps its code buttons and diagrams`, async () => {
        const marker = await module.marker(locale);
        const page = await newLessonPage();
        const problems = watchProblems(page, site.server.origin);
        await failScriptsContaining(page, site.server.origin, marker);
        // From a search result, so that the search highlighter is asked for too.
        await page.goto(`${site.server.origin}${localePath(locale, LESSON)}?_highlight=hotfix`);
        await waitForHydration(page);
        expect(await drawnDiagrams(page)).toBeGreaterThanOrEqual(MIN_DIAGRAMS);
        await expectWorkingButtons(page, locale);
        expect(await page.locator('article [role="alert"]').count(), 'download errors shown').toBe(0);
        expect(problems.stop().filter((p) => p.startsWith('page error')), 'uncaught errors').toEqual([]);
        await page.close();
      });

      it(`${locale}, ${module.name} blocked: a page reached by client-side navigation loads in full, with everything`, async () => {
        const marker = await module.marker(locale);
        const page = await newLessonPage();
        const problems = watchProblems(page, site.server.origin);
        const failed = await failScriptsContaining(page, site.server.origin, marker);
        // The sidebar's link as a desktop reader clicks it; then back to a phone's width.
        await page.setViewportSize({width: 1280, height: 900});
        const sameDocument = await followSidebarLink(page, site.server.origin, locale, '/docs', LESSON);
        await page.setViewportSize({width: 412, height: 823});
        if (module.name === 'mark.js') {
          // Nothing to highlight: mark.js is not even asked for, and the navigation stays in the page.
          expect(failed, 'mark.js requests').toEqual([]);
          expect(sameDocument).toBe(true);
        } else {
          expect(failed.length, `${module.name} downloads that failed`).toBeGreaterThan(0);
          // The module failed: the page came back from its URL, a new document.
          await expect.poll(() => page.evaluate(() => (window as unknown as {__sameDocument?: boolean}).__sameDocument ?? false), {timeout: 15_000}).toBe(false);
          await waitForHydration(page);
        }
        await expect.poll(() => drawnDiagrams(page), {timeout: 15_000}).toBeGreaterThanOrEqual(MIN_DIAGRAMS);
        await expectWorkingButtons(page, locale);
        expect(await page.locator('article [role="alert"]').count(), 'download errors shown').toBe(0);
        expect(problems.stop().filter((p) => p.startsWith('page error')), 'uncaught errors').toEqual([]);
        await page.close();
      });
    }
  }

  const MESSAGES = {
    code: {
      it: 'Non è stato possibile scaricare il codice. Controlla la connessione e ricarica la pagina.',
      en: 'The code could not be downloaded. Check your connection and reload the page.',
    },
    diagram: {
      it: 'Non è stato possibile scaricare il diagramma. Controlla la connessione e ricarica la pagina.',
      en: 'The diagram could not be downloaded. Check your connection and reload the page.',
    },
  } as const;

  for (const locale of locales) {
    it(`${locale}: when a full load was just tried, a block that still cannot get its module says so, in the page's language`, async () => {
      const line = await codeLine(locale);
      const page = await site.browser.newPage('light');
      const problems = watchProblems(page, site.server.origin);
      await failScriptsContaining(page, site.server.origin, line);
      // As if the page had just been loaded in full for this very reason.
      const url = `${site.server.origin}${localePath(locale, LESSON)}`;
      await page.addInitScript((lesson) => {
        sessionStorage.setItem('course.fullPageLoads', JSON.stringify({[lesson]: Date.now()}));
      }, url);
      expect(await followSidebarLink(page, site.server.origin, locale, '/docs', LESSON), 'no second full load').toBe(true);
      const alerts = page.locator('article [role="alert"]');
      await alerts.first().waitFor({timeout: 15_000});
      expect(await alerts.count()).toBe(await page.locator('article .theme-code-block').count());
      expect(await alerts.first().textContent()).toBe(MESSAGES.code[locale]);
      expect(problems.stop().filter((p) => p.startsWith('page error'))).toEqual([]);
      await page.close();

      // The same for the diagrams.
      const diagrams = await site.browser.newPage('light');
      await failScriptsContaining(diagrams, site.server.origin, STATIC_DIAGRAM_SVG_MARKER);
      await diagrams.addInitScript((lesson) => {
        sessionStorage.setItem('course.fullPageLoads', JSON.stringify({[lesson]: Date.now()}));
      }, url);
      expect(await followSidebarLink(diagrams, site.server.origin, locale, '/docs', LESSON)).toBe(true);
      const diagramAlerts = diagrams.locator('.static-diagram [role="alert"]');
      await diagramAlerts.first().waitFor({timeout: 15_000});
      expect(await diagramAlerts.count()).toBeGreaterThanOrEqual(MIN_DIAGRAMS);
      expect(await diagramAlerts.first().textContent()).toBe(MESSAGES.diagram[locale]);
      await diagrams.close();
    });
  }
});
