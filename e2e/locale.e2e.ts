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
