import type {Page} from 'playwright-core';
import {waitForHydration} from './browser';
import {localePath, type Locale} from './env';

/**
 * Opens `from`, then follows its sidebar link to `to` as a reader clicks it. Resolves once `to`
 * has hydrated, with whether it was reached without a page load (client-side navigation). When the
 * page reloads itself after the client-side navigation (a lazy module that failed), the document
 * asked may be torn down while it answers: that is a page load too, so the answer is false.
 */
export async function followSidebarLink(page: Page, origin: string, locale: Locale, from: string, to: string): Promise<boolean> {
  await page.goto(`${origin}${localePath(locale, from)}`, {timeout: 60_000});
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as {__sameDocument: boolean}).__sameDocument = true));
  await page.locator(`nav a[href="${localePath(locale, to)}"]`).first().click();
  await page.waitForURL(`**${localePath(locale, to)}`);
  await waitForHydration(page);
  try {
    return (await page.evaluate(() => (window as unknown as {__sameDocument?: boolean}).__sameDocument)) === true;
  } catch (error) {
    if (error instanceof Error && /Execution context was destroyed|navigation/i.test(error.message)) return false;
    throw error;
  }
}
