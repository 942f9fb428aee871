import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext, type Page} from 'playwright-core';
import {CHROMIUM_ARGS, requireChromium} from '../../scripts/browser-tools/chromium.mjs';

// The system Chromium, headless, with a fresh throw-away profile per launch.
const ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Theme = 'light' | 'dark';
export const themes: readonly Theme[] = ['light', 'dark'];

export interface Browser {
  context: BrowserContext;
  /** A new page whose site theme is `theme` from the first paint. */
  newPage(theme?: Theme): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = requireChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'course-e2e-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ARGS,
      viewport: {width: 1280, height: 900},
      locale: 'it-IT',
    });
  } catch (e) {
    fs.rmSync(profile, {recursive: true, force: true});
    throw e;
  }
  // The persistent context opens one blank page; close it so each test owns its pages.
  await Promise.all(context.pages().map((p) => p.close()));
  return {
    context,
    async newPage(theme?: Theme) {
      const page = await context.newPage();
      if (theme) await setTheme(page, theme);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, {recursive: true, force: true});
    },
  };
}

/**
 * Makes every page load of `page` start in `theme`: the stored choice
 * Docusaurus reads (localStorage.theme) and the OS preference agree.
 */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({colorScheme: theme});
  await page.addInitScript((t) => {
    try {
      window.localStorage.setItem('theme', t);
    } catch {
      // storage disabled: the emulated prefers-color-scheme still applies
    }
  }, theme);
}

/** Waits until React has hydrated the page (Docusaurus sets this attribute). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForSelector('html[data-has-hydrated="true"]', {state: 'attached', timeout: 30_000});
}
