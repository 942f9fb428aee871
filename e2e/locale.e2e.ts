import {beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {waitForHydration} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {localePath, splitLocale, type Locale} from './support/env';

// The navbar's language menu lands on the same page in the other language.

const site = useServedSite();
let pages: SitePage[];

const LABEL: Record<Locale, string> = {it: 'Italiano', en: 'English'};

beforeAll(async () => {
  pages = await readSitemaps(site.server.origin);
});


describe('locale dropdown', () => {
  for (const [from, to] of [
    ['it', 'en'],
    ['en', 'it'],
  ] as [Locale, Locale][]) {
    it(`switches every ${from} page to the same page in ${to}`, async () => {
      const failures: string[] = [];
      const page = await site.browser.newPage();
      const ours = pages.filter((p) => p.locale === from);
      for (const sitePage of ours) {
        const {path} = splitLocale(sitePage.pathname);
        const expected = localePath(to, path);
        try {
          await page.goto(sitePage.url);
          await waitForHydration(page);
          const nav = page.getByRole('navigation', {name: /main|principale/i});
          await nav.getByRole('button', {name: LABEL[from]}).click();
          await Promise.all([
            page.waitForURL((u) => u.pathname === expected, {timeout: 15_000}),
            nav.getByRole('link', {name: LABEL[to]}).click(),
          ]);
          await waitForHydration(page);
          const lang = await page.getAttribute('html', 'lang');
          if (lang !== to) failures.push(`${sitePage.pathname} -> ${expected}: <html lang="${lang}">`);
        } catch (e) {
          failures.push(
            `${sitePage.pathname}: switching to ${LABEL[to]} did not land on ${expected} (now at ${new URL(page.url()).pathname}): ${(e as Error).message.split('\n')[0]}`,
          );
        }
      }
      await page.close();
      expect(ours.length).toBeGreaterThan(0);
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});

describe('locale dropdown in the middle of a lesson', () => {
  // The menu keeps the #section; the section has the same id in both languages
  // (scripts/locale-anchors.test.ts), so the reader lands on it, not at the top of the page.
  const LESSON = '/docs/lessons/hotfix-workflow';
  const SECTION = 'phase-7-merging-back-into-main-and-develop';
  for (const [from, to] of [
    ['it', 'en'],
    ['en', 'it'],
  ] as [Locale, Locale][]) {
    it(`${from} -> ${to}: lands on the same section`, async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.server.origin}${localePath(from, LESSON)}#${SECTION}`);
      await waitForHydration(page);
      const nav = page.getByRole('navigation', {name: /main|principale/i});
      await nav.getByRole('button', {name: LABEL[from]}).click();
      await Promise.all([
        page.waitForURL((u) => u.pathname === localePath(to, LESSON), {timeout: 15_000}),
        nav.getByRole('link', {name: LABEL[to]}).click(),
      ]);
      await waitForHydration(page);
      expect(new URL(page.url()).hash).toBe(`#${SECTION}`);
      const heading = page.locator(`h3[id="${SECTION}"]`);
      await expect.poll(() => heading.count()).toBe(1);
      await expect
        .poll(() => heading.evaluate((el) => el.getBoundingClientRect().top), {timeout: 10_000})
        .toBeGreaterThanOrEqual(0);
      const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
      expect(top, 'the section is at the top of the window').toBeLessThan(200);
      await page.close();
    });
  }
});
