import type {Page} from 'playwright-core';
import {waitForHydration} from './browser';
import {localePath, type Locale} from './env';

/**
 * Opens `from`, then follows its sidebar link to `to` as a reader clicks it. Resolves once `to`
 * has hydrated, with whether it was reached without a page load (client-side navigation).
 */
export async function followSidebarLink(page: Page, origin: string, locale: Locale, from: string, to: string): Promise<boolean> {
  await page.goto(`${origin}${localePath(locale, from)}`, {timeout: 60_000});
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as {__sameDocument: boolean}).__sameDocument = true));
  await page.locator(`nav a[href="${localePath(locale, to)}"]`).first().click();
  await page.waitForURL(`**${localePath(locale, to)}`);
  await waitForHydration(page);
  return (await page.evaluate(() => (window as unknown as {__sameDocument?: boolean}).__sameDocument)) === true;
}
