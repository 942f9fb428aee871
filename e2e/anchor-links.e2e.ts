import {describe, expect, it} from 'vitest';
import {waitForHydration} from './support/browser';
import {localePath, locales} from './support/env';
import {watchProblems} from './support/problems';
import {useServedSite} from './support/site';

// Links to a heading of the same page (the table of contents, each heading's # link) land on the
// heading, just below the sticky navbar. Off-screen blocks whose rendering is deferred
// (content-visibility) must not move the heading once the browser has scrolled to it: a rule
// that deferred the doc's paragraphs left it 33 px under the navbar.

const site = useServedSite();
const LESSON = '/docs/lessons/hotfix-workflow';

describe('links to a heading of the page', () => {
  for (const locale of locales) {
    it(`${locale}: the table of contents and a heading's # link take the reader to the heading`, async () => {
      const page = await site.browser.newPage();
      const problems = watchProblems(page, site.server.origin);
      await page.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
      await waitForHydration(page);
      await page.evaluate(() => ((window as unknown as {__sameDocument: boolean}).__sameDocument = true));

      const tocLinks = page.locator('.theme-doc-toc-desktop a.table-of-contents__link');
      expect(await tocLinks.count()).toBeGreaterThan(5);
      const target = tocLinks.nth(4);
      const id = (await target.getAttribute('href'))!.slice(1);
      await target.click();
      await page.waitForURL(`**#${id}`);
      const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
      expect(top, 'heading near the top of the window').toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(200);

      const heading = page.locator('article h2[id]').last();
      const headingId = await heading.getAttribute('id');
      await heading.locator('a.hash-link').click();
      await page.waitForURL(`**#${headingId}`);
      expect(await page.evaluate(() => (window as unknown as {__sameDocument?: boolean}).__sameDocument)).toBe(true);

      // A shared link to the heading, opened afresh, lands there too.
      await page.goto(`${site.server.origin}${localePath(locale, LESSON)}#${id}`);
      await waitForHydration(page);
      await page.waitForLoadState('networkidle', {timeout: 10_000}).catch(() => {});
      const landed = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
      expect(landed, 'heading of a shared link near the top of the window').toBeGreaterThanOrEqual(0);
      expect(landed).toBeLessThan(200);
      expect(problems.stop()).toEqual([]);
      await page.close();
    });
  }
});
