/**
 * The Sandbox card in a real browser, against the BUILT site (BUILD_DIR), with stackblitz.com
 * intercepted (it is never reached from tests):
 * - nothing of StackBlitz, of the SDK or of the phase's files is requested before the click;
 * - "launch" makes exactly one POST to https://stackblitz.com/run whose fields are the phase's
 *   project (template node, every file byte for byte once the form's CRLF is undone);
 * - with stackblitz.com unreachable the card says so within seconds, keeps no iframe, and its
 *   .zip link downloads the same files;
 * - axe finds no WCAG 2.1 A/AA violation in the card, idle, running and offline, light and dark.
 * Pages: SANDBOX_E2E_PAGES=/a,/en/b (paths under the base URL, E2E_BASE_URL); default: every
 * lesson in both locales. One browser for the file; each check opens its own page.
 */
import {gzipSync} from 'node:zlib';
import {strFromU8, unzipSync} from 'fflate';
import type {Page, Request, Route} from 'playwright-core';
import {describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {waitForHydration, type Theme} from './support/browser';
import {axeViolations} from './support/axe';
import {localePath, locales} from './support/env';
import {sandboxAsset} from '../src/plugins/sandbox-projects/assets';
import type {PhaseId} from '../examples/ecommerce/phases';
import {lessonPaths} from './fixtures/site';

/** Paths under the base URL (no leading slash): `docs/lessons/x`, `en/docs/lessons/x`; every lesson by default. */
const PAGES = (
  process.env.SANDBOX_E2E_PAGES?.split(',') ??
  lessonPaths.flatMap((lesson) => locales.map((locale) => localePath(locale, lesson).slice(localePath('it', '').length)))
)
  .map((p) => p.trim().replace(/^\//, ''));
const STACKBLITZ = 'https://stackblitz.com/**';
/** The card must give up on an unreachable StackBlitz well before the SDK's own 10 s. */
const OFFLINE_WITHIN_MS = 9_000;

/** Stands in for stackblitz.com/run: answers the SDK's handshake like the real editor does. */
const FAKE_STACKBLITZ = `<!doctype html><html lang="en"><head><title>StackBlitz test double</title></head>
<body><p>StackBlitz test double</p><script>
addEventListener('message', function (e) {
  if (e.data && e.data.action === 'SDK_INIT') {
    var channel = new MessageChannel();
    parent.postMessage({action: 'SDK_INIT_SUCCESS', id: e.data.id, payload: {previewOrigin: null}}, '*', [channel.port2]);
  }
});
</script></body></html>`;

const site = useServedSite();

const localeOf = (pagePath: string) => (pagePath.startsWith('en/') ? 'en' : 'it');
/** Axe, WCAG 2.1 A/AA, on one card only. */
const cardViolations = (page: Page, selector: string) => axeViolations(page, selector);
const cardSelector = (phase: string) => `section[data-sandbox-phase="${phase}"]`;

interface Traffic {
  stackblitz: Request[];
  local: {url: string; type: string; bytes: number; gzip: number}[];
}

const contextRouted = new Set<Page>();

/**
 * Opens a page with stackblitz.com either faked or unreachable, recording every request.
 * The route is the page's own (so checks on different pages cannot see each other's),
 * plus, for the fake, one on the context: "open in a new tab" posts from a new page.
 */
async function openPage(pagePath: string, stackblitz: 'fake' | 'silent' | 'abort', theme: Theme = 'light') {
  const page = await site.browser.newPage(theme);
  const traffic: Traffic = {stackblitz: [], local: []};
  const handle = async (route: Route) => {
    traffic.stackblitz.push(route.request());
    if (stackblitz === 'abort') return route.abort('internetdisconnected');
    const body = stackblitz === 'fake' ? FAKE_STACKBLITZ : '<!doctype html><title>no answer</title>';
    return route.fulfill({status: 200, contentType: 'text/html', body});
  };
  await page.route(STACKBLITZ, handle);
  if (stackblitz === 'fake') {
    await page.context().route(STACKBLITZ, handle);
    contextRouted.add(page);
  }
  page.on('response', async (response) => {
    if (!response.url().startsWith(site.server.origin)) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    traffic.local.push({
      url: response.url().slice(site.server.origin.length),
      type: response.request().resourceType(),
      bytes: body.length,
      gzip: gzipSync(body).length,
    });
  });
  await page.goto(`${site.server.root}${pagePath}`);
  await waitForHydration(page);
  return {page, traffic};
}

async function closePage(page: Page) {
  await page.unrouteAll({behavior: 'ignoreErrors'});
  if (contextRouted.delete(page)) await page.context().unrouteAll({behavior: 'ignoreErrors'});
  await page.close();
}

/** The phases whose cards a page shows, read once per page (by the first check that needs them). */
const phaseCache = new Map<string, Promise<PhaseId[]>>();
function phasesOn(pagePath: string): Promise<PhaseId[]> {
  let phases = phaseCache.get(pagePath);
  if (!phases) {
    phases = (async () => {
      const {page} = await openPage(pagePath, 'abort');
      const found = await page.$$eval('section[data-sandbox-phase]', (cards) =>
        cards.map((card) => card.getAttribute('data-sandbox-phase') ?? ''),
      );
      await closePage(page);
      return found as PhaseId[];
    })();
    phaseCache.set(pagePath, phases);
  }
  return phases;
}

function formFields(request: Request): URLSearchParams {
  expect(request.headers()['content-type']).toMatch(/application\/x-www-form-urlencoded/);
  return new URLSearchParams(request.postData() ?? '');
}

const sum = (xs: {bytes: number; gzip: number}[]) =>
  xs.reduce((a, x) => ({bytes: a.bytes + x.bytes, gzip: a.gzip + x.gzip}), {bytes: 0, gzip: 0});

describe.each(PAGES)('sandboxes on /%s', (pagePath) => {
  const locale = localeOf(pagePath);

  it('has sandbox cards', async () => {
    expect((await phasesOn(pagePath)).length).toBeGreaterThan(0);
  });

  it('launches each phase with exactly one POST of its files to stackblitz.com/run, nothing before the click', async () => {
    const phases = await phasesOn(pagePath);
    for (const phase of phases) {
      const {page, traffic} = await openPage(pagePath, 'fake');
      const card = page.locator(cardSelector(phase));
      await card.scrollIntoViewIfNeeded();
      // Let the lazy work after hydration finish, so "before" means before.
      await page.waitForLoadState('networkidle');
      expect(traffic.stackblitz.map((r) => r.url()), 'requests to stackblitz.com before the click').toStrictEqual([]);
      expect(traffic.local.filter((r) => r.url.includes('/sandbox/')), 'phase assets before the click').toStrictEqual([]);
      const before = [...traffic.local];
      expect(await cardViolations(page, cardSelector(phase)), 'axe, idle').toStrictEqual([]);

      const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().startsWith('https://stackblitz.com/run'));
      await card.getByRole('button', {name: locale === 'it' ? 'Avvia la sandbox' : 'Start the sandbox'}).click();
      const request = await posted;
      const frame = card.locator('iframe');
      await expect.poll(() => frame.count()).toBe(1);
      await expect.poll(() => card.locator('[role="status"]').innerText()).toMatch(
        locale === 'it' ? /Sandbox avviata/ : /sandbox is running/,
      );

      const posts = traffic.stackblitz.filter((r) => r.method() === 'POST');
      expect(posts, 'POSTs to stackblitz.com').toHaveLength(1);
      const url = new URL(request.url());
      const expected = await sandboxAsset(phase, locale);
      expect(url.pathname).toBe('/run');
      expect(url.searchParams.get('file')).toBe(expected.openFile);
      expect(Number(url.searchParams.get('terminalHeight'))).toBeGreaterThan(0);

      const fields = formFields(request);
      expect(fields.get('project[template]')).toBe('node');
      expect(fields.get('project[title]')).toBe(expected.project.title);
      // Chromium really sends CRLF (so the normalisation below is needed, and is all there is).
      expect(fields.get('project[files][package.json]')).toContain('\r\n');
      const sent: Record<string, string> = {};
      for (const [name, value] of fields) {
        const m = /^project\[files\]\[(.+)\]$/.exec(name);
        if (!m?.[1]) continue;
        // HTML form submission normalises every line break in a value to CRLF: undo exactly that.
        sent[m[1]] = value.replace(/\r\n/g, '\n');
      }
      for (const [file, contents] of Object.entries(expected.project.files)) {
        expect(contents.includes('\r'), `${file} has no CR in the sources, so CRLF->LF is lossless`).toBe(false);
      }
      expect(sent).toStrictEqual(expected.project.files);

      await expect.poll(() => frame.getAttribute('title')).toBe(
        locale === 'it'
          ? `Sandbox StackBlitz: repository e-commerce, fase ${phase}`
          : `StackBlitz sandbox: e-commerce repository, phase ${phase}`,
      );
      expect(await cardViolations(page, cardSelector(phase)), 'axe, running').toStrictEqual([]);

      // "Open in a new tab" posts the same project to a new window, synchronously in the click.
      const popup = page.context().waitForEvent('page');
      await card.getByRole('button', {name: locale === 'it' ? /Apri in una nuova scheda/ : /Open in a new tab/}).click();
      const tab = await popup;
      await tab.waitForLoadState();
      const newTabPosts = traffic.stackblitz.filter((r) => r.method() === 'POST');
      expect(newTabPosts).toHaveLength(2);
      const tabFields = formFields(newTabPosts[1] as Request);
      expect(tabFields.get('project[template]')).toBe('node');
      expect(new URL((newTabPosts[1] as Request).url()).searchParams.get('embed')).toBeNull();
      await tab.close();

      if (phase === phases[0]) {
        const after = traffic.local.slice(before.length);
        const pageLoad = sum(before);
        const js = sum(before.filter((r) => r.type === 'script'));
        const clickJs = sum(after.filter((r) => r.type === 'script'));
        const asset = sum(after.filter((r) => r.url.includes('/sandbox/')));
        console.log(
          `[sandbox bytes] /${pagePath}: before the click ${pageLoad.bytes} B (${pageLoad.gzip} B gzip), of which JS ${js.bytes} B (${js.gzip} B gzip); ` +
            `after the click +${clickJs.bytes} B JS (${clickJs.gzip} B gzip: ${after.filter((r) => r.type === 'script').map((r) => r.url).join(', ')}) ` +
            `+${asset.bytes} B asset (${asset.gzip} B gzip: ${after.filter((r) => r.url.includes('/sandbox/')).map((r) => r.url).join(', ')})`,
        );
        expect(before.some((r) => r.type === 'script' && r.url.includes('stackblitz'))).toBe(false);
      }
      await closePage(page);
    }
  });

  it('says plainly when StackBlitz is unreachable, keeps no iframe and offers a working zip', async () => {
    for (const phase of await phasesOn(pagePath)) {
      for (const theme of ['light', 'dark'] as const) {
        const {page} = await openPage(pagePath, 'abort', theme);
        const card = page.locator(cardSelector(phase));
        expect(await cardViolations(page, cardSelector(phase)), `axe, idle, ${theme}`).toStrictEqual([]);
        const clicked = Date.now();
        // Keyboard only: focus the launch button and press Enter.
        await card.getByRole('button', {name: locale === 'it' ? 'Avvia la sandbox' : 'Start the sandbox'}).focus();
        await page.keyboard.press('Enter');
        const offline = card.locator('[data-sandbox-offline]');
        await offline.waitFor({state: 'visible', timeout: OFFLINE_WITHIN_MS});
        console.log(`[sandbox offline] /${pagePath} ${phase} ${theme}: message after ${Date.now() - clicked} ms`);
        await expect.poll(() => offline.innerText()).toMatch(
          locale === 'it' ? /Non è stato possibile raggiungere StackBlitz/ : /StackBlitz could not be reached/,
        );
        expect(await card.locator('iframe').count(), 'no blank iframe left').toBe(0);
        expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-sandbox-offline'))).toBe(true);
        const commands = await offline.locator('pre').innerText();
        const hasDemo = JSON.parse((await sandboxAsset(phase, locale)).project.files['package.json'] ?? '{}').scripts?.demo;
        for (const command of [`unzip ${phase}.zip`, `cd ${phase}`, 'npm install', 'npm test', 'npm run history']) {
          expect(commands).toContain(command);
        }
        expect(commands.includes('npm run demo'), 'npm run demo offered only when the phase has a demo').toBe(Boolean(hasDemo));
        expect(await cardViolations(page, cardSelector(phase)), `axe, offline, ${theme}`).toStrictEqual([]);

        if (theme === 'light') {
          const download = page.waitForEvent('download');
          await offline.getByRole('link', {name: new RegExp(`${phase}\\.zip`)}).click();
          const file = await download;
          expect(file.suggestedFilename()).toBe(`${phase}.zip`);
          const stream = await file.createReadStream();
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          const unzipped = unzipSync(new Uint8Array(Buffer.concat(chunks)));
          const files = Object.fromEntries(
            Object.entries(unzipped).map(([name, bytes]) => [name.replace(`${phase}/`, ''), strFromU8(bytes)]),
          );
          expect(files).toStrictEqual((await sandboxAsset(phase, locale)).project.files);
        }
        await closePage(page);
      }
    }
  });

  it('opens a new tab on a first click of "open in a new tab" too (asset fetched inside the click)', async () => {
    const [phase] = await phasesOn(pagePath);
    const {page, traffic} = await openPage(pagePath, 'fake');
    const card = page.locator(cardSelector(phase ?? ''));
    const popup = page.context().waitForEvent('page');
    await card.getByRole('button', {name: locale === 'it' ? /Apri in una nuova scheda/ : /Open in a new tab/}).click();
    const tab = await popup;
    await tab.waitForLoadState();
    const posts = traffic.stackblitz.filter((r) => r.method() === 'POST');
    expect(posts).toHaveLength(1);
    expect(formFields(posts[0] as Request).get('project[template]')).toBe('node');
    expect(await card.locator('iframe').count(), 'no embed from the new-tab action').toBe(0);
    await tab.close();
    await closePage(page);
  });
});

// The card's own timeout (EMBED_TIMEOUT_MS, 8 s) is real time: wait for it on every page at
// once rather than one page after the other. Each page has its own route and its own traffic.
describe('a StackBlitz that loads but never answers', () => {
  it('the card gives up (8 s) with no iframe left, on every page at once', async () => {
    const failures: string[] = [];
    await Promise.all(
      PAGES.map(async (pagePath) => {
        const locale = localeOf(pagePath);
        const [phase] = await phasesOn(pagePath);
        const {page, traffic} = await openPage(pagePath, 'silent');
        try {
          const card = page.locator(cardSelector(phase ?? ''));
          const clicked = Date.now();
          await card.getByRole('button', {name: locale === 'it' ? 'Avvia la sandbox' : 'Start the sandbox'}).click();
          await expect.poll(() => card.locator('iframe').count(), {message: `/${pagePath}: an iframe while waiting`}).toBe(1);
          // The card's own timeout (EMBED_TIMEOUT_MS, unit-tested below the SDK's 10 s) ends the wait.
          await card.locator('[data-sandbox-offline]').waitFor({state: 'visible', timeout: 20_000});
          console.log(`[sandbox silent] /${pagePath}: offline message after ${Date.now() - clicked} ms`);
          expect(await card.locator('iframe').count(), `/${pagePath}: iframe left`).toBe(0);
          expect(traffic.stackblitz.filter((r) => r.method() === 'POST'), `/${pagePath}: POSTs`).toHaveLength(1);
        } catch (e) {
          failures.push(`/${pagePath}: ${(e as Error).message.split('\n')[0]}`);
        } finally {
          await closePage(page);
        }
      }),
    );
    expect(failures, failures.join('\n')).toStrictEqual([]);
  });
});
