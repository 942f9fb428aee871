import {describe, expect, it} from 'vitest';
import {waitForHydration} from './support/browser';
import {localePath, locales} from './support/env';
import {watchProblems} from './support/problems';
import {useServedSite} from './support/site';
import {ROUTE_CHUNK, scriptsLoaded} from './support/scripts';

// A page's HTML loads the chunks of its route next to main.js, so they download in parallel with
// it. Upstream's HTML listed main.js alone (its manifest lookup finds no module under webpack 5),
// and the route's chunks were requested only once main.js had run, a round trip later.
// src/plugins/route-chunk-scripts makes the lookup work.

const site = useServedSite();
const PAGES = ['/', '/docs', '/docs/lessons/hotfix-workflow'];

describe("a page's HTML loads the scripts of its route", () => {
  for (const locale of locales) {
    for (const pathInLocale of PAGES) {
      it(`${locale} ${pathInLocale}: every route chunk run on load is in the HTML, fetched once`, async () => {
        const page = await site.browser.newPage();
        const problems = watchProblems(page, site.server.origin);
        const requested: string[] = [];
        page.on('request', (request) => {
          if (request.resourceType() === 'script') requested.push(request.url());
        });
        const response = await page.goto(`${site.server.origin}${localePath(locale, pathInLocale)}`);
        await waitForHydration(page);

        const html = await response!.text();
        const inHtml = [...html.matchAll(/<script[^>]* src="?([^" >]+)/g)].map((m) => new URL(m[1]!, page.url()).href);
        const routeChunks = (await scriptsLoaded(page)).filter((url) => ROUTE_CHUNK.test(url));
        expect(routeChunks.length, 'route chunks run on load').toBeGreaterThan(0);
        expect(routeChunks.filter((url) => !inHtml.includes(url)), 'route chunks missing from the HTML').toEqual([]);
        expect(requested.filter((url, i) => requested.indexOf(url) !== i), 'scripts fetched twice').toEqual([]);
        expect(problems.stop()).toEqual([]);
        await page.close();
      });
    }
  }
});
