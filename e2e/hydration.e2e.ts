import type {Page} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {themes, waitForHydration} from './support/browser';
import {localePath, locales} from './support/env';
import {checkDiagrams} from './support/mermaid';
import {watchProblems} from './support/problems';
import {useServedSite} from './support/site';
import {lastUpdatedText} from './support/dates';
import {followSidebarLink} from './support/navigation';

// What a reader gets while a page starts: a doc page formats no date while it loads; and a page
// reached by client-side navigation, which has no server HTML, still draws its diagrams and
// highlights its code as served. (That hydration keeps the server's code blocks and diagrams, in
// the mode's colours, is checked by pages.e2e.ts's visit of each page; when their download fails:
// lazy-modules.e2e.ts.)

const site = useServedSite();

describe('a doc page loads without costly locale set-up', () => {
  // The first date formatting of a page loads the browser's locale data (~20 ms of a doc page's
  // main thread on a phone-class CPU). Nothing a reader sees on load needs it: the server already
  // formatted the last-updated date (src/theme/LastUpdated). On a phone's screen, where the doc
  // sidebar moves into the navbar menu (Lighthouse's mobile run) and on a desktop's.
  // (theme-common's useShallowMemoObject still calls localeCompare while a doc page hydrates on a
  // phone: replacing it bought less than the bench's run-to-run noise, so upstream's stands; see
  // src/plugins/upstream-replacements.mjs.)
  const viewports = [
    {width: 412, height: 823},
    {width: 1280, height: 900},
  ];
  for (const locale of locales) {
    for (const p of ['/docs/lessons/hotfix-workflow', '/docs']) {
      it(`${locale} ${p}: no Intl.DateTimeFormat until idle`, async () => {
        const page = await site.browser.newPage();
        await page.addInitScript(() => {
          const calls: string[] = [];
          (window as unknown as {__localeCalls: string[]}).__localeCalls = calls;
          const record = (name: string) => calls.push(`${name}\n${new Error().stack?.split('\n').slice(2, 5).join('\n')}`);
          const Original = Intl.DateTimeFormat;
          Intl.DateTimeFormat = new Proxy(Original, {
            construct(target, args) {
              record('Intl.DateTimeFormat');
              return Reflect.construct(target, args);
            },
            apply(target, self, args) {
              record('Intl.DateTimeFormat');
              return Reflect.apply(target, self, args);
            },
          }) as never;
        });
        for (const viewport of viewports) {
          await page.setViewportSize(viewport);
          await page.goto(`${site.server.origin}${localePath(locale, p)}`);
          await waitForHydration(page);
          await page.waitForLoadState('networkidle', {timeout: 10_000}).catch(() => {});
          const calls = await page.evaluate(() => (window as unknown as {__localeCalls: string[]}).__localeCalls);
          expect(calls, `${viewport.width}px wide`).toEqual([]);
        }
        await page.close();
      });
    }
  }
});

const LESSON = '/docs/lessons/hotfix-workflow';

/** Opens the course index, then follows the in-app link to lesson 02 (no page load). */
async function navigateToLesson(page: Page, locale: (typeof locales)[number]): Promise<void> {
  const sameDocument = await followSidebarLink(page, site.server.origin, locale, '/docs', LESSON);
  expect(sameDocument, 'reached without a page load').toBe(true);
}

describe('a lesson reached by client-side navigation', () => {
  for (const locale of locales) {
    for (const theme of themes) {
      it(`${locale} in ${theme} mode: its diagrams are downloaded and drawn, its code highlighted as served, its date formatted`, async () => {
        const page = await site.browser.newPage(theme);
        const problems = watchProblems(page, site.server.origin);
        await navigateToLesson(page, locale);
        await page.waitForFunction(
          () => Array.from(document.querySelectorAll('.static-diagram__light')).filter((d) => d.querySelector('svg')).length >= 6,
          undefined,
          {timeout: 15_000},
        );
        const report = await checkDiagrams(page, theme);
        expect(report.problems, report.problems.join('\n')).toEqual([]);
        expect(report.staticCount).toBeGreaterThanOrEqual(6);
        expect(problems.stop()).toEqual([]);

        // Its code blocks, rendered in the browser, are the server's, token for token.
        const codeBlocks = (p: Page) =>
          p.$$eval('.theme-code-block pre > code', (codes) => codes.map((c) => c.innerHTML));
        const rendered = await codeBlocks(page);
        const served = await site.browser.newPage(theme);
        await served.goto(`${site.server.origin}${localePath(locale, LESSON)}`);
        await waitForHydration(served);
        expect(rendered.length).toBeGreaterThan(10);
        expect(rendered.join('')).toContain('class="token ');
        expect(rendered).toEqual(await codeBlocks(served));
        await served.close();

        // The last-updated date, formatted in the browser this time.
        const time = page.locator('time[itemprop="dateModified"]');
        expect(await time.textContent()).toBe(lastUpdatedText(locale, (await time.getAttribute('datetime'))!));
        await page.close();
      });
    }
  }
});
