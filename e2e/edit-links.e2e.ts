import {existsSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {waitForHydration} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {lastUpdatedText} from './support/dates';

// Every course page links "edit this page" to ITS source file in the right
// locale folder of the repository, and shows when it was last updated (the
// build has git history here; without one, as in a zip, the date is left out).

const REPO_URL = process.env.REPO_URL ?? 'https://github.com/corso-git/corso-git-workflow';
const EDIT_PREFIX = `${REPO_URL}/edit/main/`;
const SOURCE_FOLDER = {it: 'docs/', en: 'i18n/en/docusaurus-plugin-content-docs/current/'} as const;

const site = useServedSite();
let docPages: SitePage[];

beforeAll(async () => {
  docPages = (await readSitemaps(site.server.origin)).filter((p) => /\/docs(\/|$)/.test(p.pathname));
});


describe('edit links and last-updated dates', () => {
  it('every doc page links to its own source file in its locale folder', async () => {
    expect(docPages.length).toBeGreaterThan(0);
    const failures: string[] = [];
    const page = await site.browser.newPage();
    for (const docPage of docPages) {
      await page.goto(docPage.url);
      const href = await page.locator('a.theme-edit-this-page').getAttribute('href');
      const source = href?.startsWith(EDIT_PREFIX) ? href.slice(EDIT_PREFIX.length) : undefined;
      if (!source) failures.push(`${docPage.pathname}: edit link is ${href ?? 'missing'}`);
      else if (!source.startsWith(SOURCE_FOLDER[docPage.locale]))
        failures.push(`${docPage.pathname}: edit link points outside ${SOURCE_FOLDER[docPage.locale]}: ${source}`);
      else if (!existsSync(path.resolve(source)))
        failures.push(`${docPage.pathname}: edit link points to a file that does not exist: ${source}`);
      await waitForHydration(page);
      const time = page.locator('time[itemprop="dateModified"]');
      const updated = await time.getAttribute('datetime');
      if (!updated || Number.isNaN(Date.parse(updated))) {
        failures.push(`${docPage.pathname}: no "last updated" date (${updated})`);
      } else {
        // Shown as the theme formats it, and still there once the page has hydrated.
        const shown = await time.textContent();
        const expected = lastUpdatedText(docPage.locale, updated);
        if (shown !== expected) failures.push(`${docPage.pathname}: last updated shows "${shown}", expected "${expected}"`);
      }
    }
    await page.close();
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
