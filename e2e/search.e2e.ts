import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {resolveStatic} from './support/server';
import {useServedSite} from './support/site';
import {waitForHydration} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {buildDir, baseUrl, localePath, splitLocale} from './support/env';
import {searchCases} from './fixtures/site';

// The navbar's offline search finds a page by a word only that page contains.

const site = useServedSite();
let pages: SitePage[];

beforeAll(async () => {
  pages = await readSitemaps(site.server.origin);
});


/** Visible text of a built page's <main> (or body), roughly as the indexer sees it. */
function builtText(pathname: string): string {
  const file = resolveStatic(buildDir, `/${pathname.slice(baseUrl.length)}`);
  if (!file) return '';
  const html = fs.readFileSync(file, 'utf8');
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .toLowerCase();
}

describe('local search', () => {
  for (const c of searchCases) {
    it(`finds ${c.path} in ${c.locale} for "${c.term}"`, async () => {
      const target = localePath(c.locale, c.path);
      // The case is only meaningful if the word is on that page and on no other.
      const word = new RegExp(`\\b${c.term.toLowerCase()}\\b`);
      const containing = pages
        .filter((p) => p.locale === c.locale && word.test(builtText(p.pathname)))
        .map((p) => p.pathname);
      expect(containing, `pages of ${c.locale} containing "${c.term}"`).toEqual([target]);

      const page = await site.browser.newPage();
      const home = pages.find((p) => p.locale === c.locale && splitLocale(p.pathname).path === '/');
      await page.goto(home?.url ?? `${site.server.origin}${localePath(c.locale, '')}`);
      await waitForHydration(page);
      // A textbox until focused, then autocomplete turns it into a combobox.
      const box = page.getByRole('navigation').locator('input.navbar__search-input');
      await box.click();
      await page.getByRole('combobox').waitFor({timeout: 10_000});
      await box.pressSequentially(c.term, {delay: 30});
      const first = page.getByRole('option').first();
      await first.waitFor({state: 'visible', timeout: 20_000});
      await Promise.all([
        page.waitForURL((u) => u.pathname === target, {timeout: 15_000}),
        first.click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(target);
      // The page highlights the searched word (mark.js is downloaded for this).
      const marks = page.locator('article mark[data-markjs]');
      await marks.first().waitFor({timeout: 10_000});
      expect((await marks.first().textContent())?.toLowerCase()).toBe(c.term.toLowerCase());
      await page.close();
    });
  }
});

it('search index files exist for both locales', () => {
  for (const dir of ['', 'en']) {
    const files = fs.readdirSync(path.join(buildDir, dir)).filter((f) => f.startsWith('search-index'));
    expect(files.length, `search index in ${dir || 'it'}`).toBeGreaterThan(0);
  }
});
