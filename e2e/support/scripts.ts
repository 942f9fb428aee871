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
