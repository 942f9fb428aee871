import {afterAll, beforeAll} from 'vitest';
import {launchBrowser, type Browser} from './browser';
import {startStaticServer, type StaticServer} from './server';

export interface ServedSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * For a test file: serves the built site and launches Chromium before its tests, and stops both
 * after them. Read `server` and `browser` inside tests and hooks (they exist once set up).
 */
export function useServedSite(): ServedSite {
  const site = {} as {server: StaticServer; browser: Browser};
  beforeAll(async () => {
    site.server = await startStaticServer();
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
