/**
 * The Sandbox card in a real browser, against the BUILT site (BUILD_DIR), with stackblitz.com
 * intercepted (it is never reached from tests):
 * - nothing of StackBlitz, of the SDK or of the phase's files is requested before the click;
 * - "launch" makes exactly one POST to https://stackblitz.com/run whose fields are the phase's
 *   project (template node, every file byte for byte once the form's CRLF is undone);
 * - with stackblitz.com unreachable the card says so within seconds, keeps no iframe, and its
 *   .zip link downloads the same files;
 * - axe finds no WCAG 2.1 A/AA violation in the card, idle, running and offline, light and dark.
 * Pages: SANDBOX_E2E_PAGES=/a,/en/b (paths under the base URL); default: every lesson in both locales.
 */
import {createRequire} from 'node:module';
import {gzipSync} from 'node:zlib';
import {strFromU8, unzipSync} from 'fflate';
import type {Page, Request, Route} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
// TEMPORARY: switch to './support/server' and './support/browser' when the site harness is on main.
import {launchBrowser, startStaticServer, waitForHydration, type Browser, type StaticServer} from './sandbox/harness';
import {sandboxAsset} from '../src/plugins/sandbox-projects/assets';
import type {PhaseId} from '../examples/ecommerce/phases';

const LESSONS = ['feature-branch', 'hotfix-workflow', 'experimentation'];
const PAGES = (process.env.SANDBOX_E2E_PAGES ?? LESSONS.flatMap((l) => [`/docs/lessons/${l}`, `/en/docs/lessons/${l}`]).join(','))
  .split(',')
  .map((p) => p.trim().replace(/^\//, ''));
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const localeOf = (pagePath: string) => (pagePath.startsWith('en/') ? 'en' : 'it');
const cardSelector = (phase: string) => `section[data-sandbox-phase="${phase}"]`;

interface Traffic {
  stackblitz: Request[];
  local: {url: string; type: string; bytes: number; gzip: number}[];
}

/** Opens a page with stackblitz.com either faked or unreachable, recording every request. */
async function openPage(pagePath: string, stackblitz: 'fake' | 'silent' | 'abort', theme: 'light' | 'dark' = 'light') {
  const page = await browser.newPage();
  await page.emulateMedia({colorScheme: theme});
  await page.addInitScript((t) => window.localStorage.setItem('theme', t), theme);
  const traffic: Traffic = {stackblitz: [], local: []};
  await page.context().route(STACKBLITZ, async (route: Route) => {
    traffic.stackblitz.push(route.request());
    if (stackblitz === 'abort') return route.abort('internetdisconnected');
    const body = stackblitz === 'fake' ? FAKE_STACKBLITZ : '<!doctype html><title>no answer</title>';
    return route.fulfill({status: 200, contentType: 'text/html', body});
  });
  page.on('response', async (response) => {
    if (!response.url().startsWith(server.origin)) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    traffic.local.push({
      url: response.url().slice(server.origin.length),
      type: response.request().resourceType(),
      bytes: body.length,
      gzip: gzipSync(body).length,
    });
  });
  await page.goto(`${server.root}${pagePath}`);
  await waitForHydration(page);
  return {page, traffic};
}

async function closePage(page: Page) {
  await page.context().unrouteAll({behavior: 'ignoreErrors'});
  await page.close();
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({path: AXE});
  return page.evaluate(
    async ({selector, tags}) => {
      const axe = (window as unknown as {axe: {run: Function}}).axe;
      const result = await axe.run(selector, {runOnly: tags, iframes: false});
      return (result.violations as {id: string; nodes: {target: string[]}[]}[]).map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    },
    {selector, tags: WCAG},
  );
}

async function phasesOn(pagePath: string): Promise<PhaseId[]> {
  const {page} = await openPage(pagePath, 'abort');
  const phases = await page.$$eval('section[data-sandbox-phase]', (cards) =>
    cards.map((card) => card.getAttribute('data-sandbox-phase') ?? ''),
  );
  await closePage(page);
  return phases as PhaseId[];
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
      await page.waitForTimeout(500); // let lazy work after hydration happen, so "before" means before
      expect(traffic.stackblitz.map((r) => r.url()), 'requests to stackblitz.com before the click').toStrictEqual([]);
      expect(traffic.local.filter((r) => r.url.includes('/sandbox/')), 'phase assets before the click').toStrictEqual([]);
      const before = [...traffic.local];
      expect(await axeViolations(page, cardSelector(phase)), 'axe, idle').toStrictEqual([]);

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
      const expected = sandboxAsset(phase, locale);
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
      expect(await axeViolations(page, cardSelector(phase)), 'axe, running').toStrictEqual([]);

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
        expect(await axeViolations(page, cardSelector(phase)), `axe, idle, ${theme}`).toStrictEqual([]);
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
        const hasDemo = JSON.parse(sandboxAsset(phase, locale).project.files['package.json'] ?? '{}').scripts?.demo;
        for (const command of [`unzip ${phase}.zip`, `cd ${phase}`, 'npm install', 'npm test', 'npm run history']) {
          expect(commands).toContain(command);
        }
        expect(commands.includes('npm run demo'), 'npm run demo offered only when the phase has a demo').toBe(Boolean(hasDemo));
        expect(await axeViolations(page, cardSelector(phase)), `axe, offline, ${theme}`).toStrictEqual([]);

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
          expect(files).toStrictEqual(sandboxAsset(phase, locale).project.files);
        }
        await closePage(page);
      }
    }
  });

  it('gives up on a StackBlitz that loads but never answers (8 s), with no iframe left', async () => {
    const [phase] = await phasesOn(pagePath);
    const {page, traffic} = await openPage(pagePath, 'silent');
    const card = page.locator(cardSelector(phase ?? ''));
    const clicked = Date.now();
    await card.getByRole('button', {name: locale === 'it' ? 'Avvia la sandbox' : 'Start the sandbox'}).click();
    await expect.poll(() => card.locator('iframe').count()).toBe(1);
    // The card's own timeout (EMBED_TIMEOUT_MS, unit-tested below the SDK's 10 s) ends the wait.
    await card.locator('[data-sandbox-offline]').waitFor({state: 'visible', timeout: 20_000});
    console.log(`[sandbox silent] /${pagePath}: offline message after ${Date.now() - clicked} ms`);
    expect(await card.locator('iframe').count()).toBe(0);
    expect(traffic.stackblitz.filter((r) => r.method() === 'POST')).toHaveLength(1);
    await closePage(page);
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
