import type {Page} from 'playwright-core';

/** Docusaurus names a route's chunks by a hash of 8 hex digits; numbered chunks are lazy modules. */
export const ROUTE_CHUNK = /\/[0-9a-f]{8}\.[0-9a-f]{8}\.js$/;

/** Scripts the page has run so far (webpack removes a chunk's <script> once run; timing keeps it). */
export function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script')
      .map((entry) => entry.name),
  );
}

/** Makes every script download of `page` from `origin` whose body contains `text` fail, as offline. */
export async function failScriptsContaining(page: Page, origin: string, text: string): Promise<string[]> {
  const failed: string[] = [];
  await page.route(`${origin}/**/*.js`, async (route) => {
    try {
      const response = await route.fetch();
      if ((await response.text()).includes(text)) {
        failed.push(route.request().url());
        await route.abort('internetdisconnected');
      } else {
        await route.fulfill({response});
      }
    } catch {
      // The page closed (or navigated away) while the script was on its way: nothing to answer.
    }
  });
  return failed;
}
