import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {waitForHydration} from './support/browser';
import {localePath, locales} from './support/env';
import {watchProblems} from './support/problems';
import {useServedSite} from './support/site';
import {ROUTE_CHUNK, scriptsLoaded} from './support/scripts';

// While a reader is on a page, the files of the pages its visible links lead to are prefetched,
// so the next click is quick. Upstream asked for the same files many times over (lesson 02: 99
// <link rel=prefetch> for 12 files, 82 of them files the page already had), in one long task
// right after hydration. src/plugins/chunk-prefetch asks for each file once, when idle.

const site = useServedSite();
const LESSON = '/docs/lessons/hotfix-workflow';
const NEXT_LESSON = '/docs/lessons/feature-branch';


/** The URLs of <link rel=prefetch>, once they have stopped changing. */
async function settledPrefetches(page: Page): Promise<string[]> {
  const read = () =>
    page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=prefetch]'), (l) => l.href));
  let last = await read();
  for (let stable = 0, tries = 0; stable < 3 && tries < 40; tries++) {
    await page.waitForTimeout(250);
    const now = await read();
    stable = now.length === last.length && now.length > 0 ? stable + 1 : 0;
    last = now;
  }
  return last;
}


describe('prefetching the pages a reader can go to next', () => {
  for (const locale of locales) {
    it(`${locale}: each file once, none the page already has, and the next lesson's files before the click`, async () => {
      const page = await site.browser.newPage();
      await page.setViewportSize({width: 1280, height: 900});
      const problems = watchProblems(page, site.server.origin);
      await page.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
      await waitForHydration(page);

      const prefetched = await settledPrefetches(page);
      expect(prefetched.length, 'files prefetched').toBeGreaterThan(0);
      expect(prefetched.filter((url, i) => prefetched.indexOf(url) !== i), 'prefetched twice').toEqual([]);
      const ownScripts = await scriptsLoaded(page);
      expect(prefetched.filter((url) => ownScripts.includes(url)), 'prefetched, though the page has it').toEqual([]);

      await page.locator(`.theme-doc-sidebar-container a[href$="${NEXT_LESSON}"]`).click();
      await page.waitForURL(`**${NEXT_LESSON}`);
      await page.locator('article h1').waitFor();
      const routeChunks = (await scriptsLoaded(page)).filter((url) => !ownScripts.includes(url) && ROUTE_CHUNK.test(url));
      expect(routeChunks.length, "the next lesson's route chunks").toBeGreaterThan(0);
      expect(routeChunks.filter((url) => !prefetched.includes(url)), 'route chunks not prefetched').toEqual([]);
      expect(problems.stop()).toEqual([]);
      await page.close();
    });
  }
});
