import type {Page, Route} from 'playwright-core';

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
    // Every request gets an answer: one left unanswered holds the page's load event forever (a
    // fetch that failed on a busy machine once did, and page.goto timed out after 60 s).
    let response: Awaited<ReturnType<Route['fetch']>> | undefined;
    for (let attempt = 1; attempt <= 3 && !response; attempt++) {
      response = await route.fetch().catch(() => undefined);
    }
    try {
      if (!response) {
        // Our own server did not answer three times: let the browser ask it itself.
        await route.continue();
      } else if ((await response.text()).includes(text)) {
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
