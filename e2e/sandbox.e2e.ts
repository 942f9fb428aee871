/**
 * The Sandbox cards in a real browser, against the BUILT site (BUILD_DIR), with stackblitz.com
 * intercepted (it is never reached from tests):
 * - nothing of StackBlitz is requested before the first click, and nothing of a phase (its asset,
 *   a POST of it) before its own card's click;
 * - "launch" makes exactly one POST to https://stackblitz.com/run whose fields are the phase's
 *   project (template node, every file byte for byte once the form's CRLF is undone);
 * - with stackblitz.com unreachable the card says so within seconds, keeps no iframe, and its
 *   .zip link downloads the same files;
 * - axe finds no WCAG 2.1 A/AA violation in the cards, idle, running and offline, light and dark.
 * Pages: SANDBOX_E2E_PAGES=/a,/en/b (paths under the base URL, E2E_BASE_URL); default: every
 * lesson in both locales. One browser for the file; one page per lesson page and check, on which
 * every card is tried in turn (a page load and an audit cost seconds each: one per card and state
 * made this file the slowest of the suite).
 */
import {gzipSync} from 'node:zlib';
import {strFromU8, unzipSync} from 'fflate';
import type {Locator, Page, Request, Route} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {themes, waitForHydration, type Theme} from './support/browser';
import {axeViolations} from './support/axe';
import {localePath, locales, type Locale} from './support/env';
import {sandboxAsset, type SandboxAsset} from '../src/plugins/sandbox-projects/assets';
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

const localeOf = (pagePath: string): Locale => (pagePath.startsWith('en/') ? 'en' : 'it');
const CARDS = 'section[data-sandbox-phase]';
const cardSelector = (phase: string) => `section[data-sandbox-phase="${phase}"]`;
/** Axe, WCAG 2.1 A/AA, on every card of the page at once (their StackBlitz iframes excluded). */
const cardsViolations = (page: Page) => axeViolations(page, CARDS);
const LAUNCH: Record<Locale, string> = {it: 'Avvia la sandbox', en: 'Start the sandbox'};
const NEW_TAB: Record<Locale, RegExp> = {it: /Apri in una nuova scheda/, en: /Open in a new tab/};

/** What the build writes for a phase in a locale (built once per file: it is pure, and not free). */
const assetCache = new Map<string, Promise<SandboxAsset>>();
function assetOf(phase: PhaseId, locale: Locale): Promise<SandboxAsset> {
  const key = `${locale}/${phase}`;
  let asset = assetCache.get(key);
  if (!asset) assetCache.set(key, (asset = sandboxAsset(phase, locale)));
  return asset;
}

interface Traffic {
  /** The page's own requests to stackblitz.com (the embed's POST, the reachability probe). */
  stackblitz: Request[];
  local: {url: string; type: string; bytes: number; gzip: number}[];
}

/**
 * The POSTs of every "open in a new tab" in the file: a new tab is a page of its own, which only
 * the context's route sees (a page's own route takes precedence for the page's requests). Told
 * apart by the project's title, which names the phase and is in the page's language.
 */
const newTabPosts: {request: Request; title: string | null}[] = [];
beforeAll(async () => {
  await site.browser.context.route(STACKBLITZ, (route) => {
    const request = route.request();
    if (request.method() === 'POST')
      newTabPosts.push({request, title: new URLSearchParams(request.postData() ?? '').get('project[title]')});
    return route.fulfill({status: 200, contentType: 'text/html', body: FAKE_STACKBLITZ});
  });
});

/**
 * Opens a page with stackblitz.com either faked, silent or unreachable, recording every request.
 * The route is the page's own, so checks on different pages cannot see each other's.
 * `sizes`: weigh every response of our server (for the [sandbox bytes] figures only).
 */
async function openPage(pagePath: string, stackblitz: 'fake' | 'silent' | 'abort', theme: Theme = 'light', sizes = false) {
  const page = await site.browser.newPage(theme);
  const traffic: Traffic = {stackblitz: [], local: []};
  await page.route(STACKBLITZ, async (route: Route) => {
    traffic.stackblitz.push(route.request());
    if (stackblitz === 'abort') return route.abort('internetdisconnected');
    const body = stackblitz === 'fake' ? FAKE_STACKBLITZ : '<!doctype html><title>no answer</title>';
    return route.fulfill({status: 200, contentType: 'text/html', body});
  });
  page.on('response', async (response) => {
    if (!response.url().startsWith(site.server.origin)) return;
    const body = sizes ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    traffic.local.push({
      url: response.url().slice(site.server.origin.length),
      type: response.request().resourceType(),
      bytes: body.length,
      gzip: sizes ? gzipSync(body).length : 0,
    });
  });
  await page.goto(`${site.server.root}${pagePath}`);
  await waitForHydration(page);
  return {page, traffic};
}

async function closePage(page: Page) {
  await page.unrouteAll({behavior: 'ignoreErrors'});
  await page.close();
}

/** The new tabs' POSTs of the project titled `title` (a phase, in a language). */
const newTabPostsOf = (title: string) => newTabPosts.filter((p) => p.title === title).map((p) => p.request);

/** Clicks the card's "open in a new tab" and waits for the tab: the POSTs of `title` it made. */
async function openNewTab(page: Page, card: Locator, locale: Locale, title: string): Promise<Request[]> {
  const mine = () => newTabPostsOf(title);
  const before = mine().length;
  const popup = page.waitForEvent('popup');
  await card.getByRole('button', {name: NEW_TAB[locale]}).click();
  const tab = await popup;
  await tab.waitForLoadState();
  await tab.close();
  return mine().slice(before);
}

/** The phases whose cards a page's served HTML has, in page order (read once per page). */
const phaseCache = new Map<string, Promise<PhaseId[]>>();
function phasesOn(pagePath: string): Promise<PhaseId[]> {
  let phases = phaseCache.get(pagePath);
  if (!phases) {
    phases = (async () => {
      const html = await (await fetch(`${site.server.root}${pagePath}`)).text();
      // The minifier drops an attribute's quotes where it can.
      return [...html.matchAll(/data-sandbox-phase="?([\w.-]+)/g)].map((m) => m[1] as PhaseId);
    })();
    phaseCache.set(pagePath, phases);
  }
  return phases;
}

/** The phases of the page's cards after hydration: the served ones, in the same order. */
async function expectServedCards(page: Page, pagePath: string): Promise<PhaseId[]> {
  const phases = await phasesOn(pagePath);
  const shown = await page.$$eval(CARDS, (cards) => cards.map((card) => card.getAttribute('data-sandbox-phase') ?? ''));
  expect(shown, 'the cards after hydration').toStrictEqual(phases);
  expect(phases.length, 'sandbox cards').toBeGreaterThan(0);
  return phases;
}

function formFields(request: Request): URLSearchParams {
  expect(request.headers()['content-type']).toMatch(/application\/x-www-form-urlencoded/);
  return new URLSearchParams(request.postData() ?? '');
}

const postsOf = (traffic: Traffic) => traffic.stackblitz.filter((r) => r.method() === 'POST');

/** Whether a request of our server is one of `phase`'s assets (`sandbox/<phase>.json`, `.zip`, …). */
const isAssetOf = (url: string, phase: string) => new RegExp(`/sandbox/${phase}\\.`).test(url);

const sum = (xs: {bytes: number; gzip: number}[]) =>
  xs.reduce((a, x) => ({bytes: a.bytes + x.bytes, gzip: a.gzip + x.gzip}), {bytes: 0, gzip: 0});

describe.each(PAGES)('sandboxes on /%s', (pagePath) => {
  const locale = localeOf(pagePath);

  it('has sandbox cards', async () => {
    expect((await phasesOn(pagePath)).length).toBeGreaterThan(0);
  });

  it('launches each card\'s phase with exactly one POST of its files to stackblitz.com/run, nothing of it before its click; axe-clean idle and running', async () => {
    const {page, traffic} = await openPage(pagePath, 'fake', 'light', true);
    try {
      const phases = await expectServedCards(page, pagePath);
      // Let the lazy work after hydration finish, so "before" means before.
      await page.waitForLoadState('networkidle');
      expect(traffic.stackblitz.map((r) => r.url()), 'requests to stackblitz.com before the first click').toStrictEqual([]);
      expect(traffic.local.filter((r) => r.url.includes('/sandbox/')), 'phase assets before the first click').toStrictEqual([]);
      const before = [...traffic.local];
      expect(await cardsViolations(page), 'axe, every card idle').toStrictEqual([]);

      for (const phase of phases) {
        const expected = await assetOf(phase, locale);
        const card = page.locator(cardSelector(phase));
        await card.scrollIntoViewIfNeeded();
        // The cards above were launched: they fetched and posted their own phase, never this one.
        expect(traffic.local.filter((r) => isAssetOf(r.url, phase)), `${phase}: its assets before its click`).toStrictEqual([]);
        const postsBefore = postsOf(traffic);
        expect(
          [...postsBefore.filter((r) => formFields(r).get('project[title]') === expected.project.title), ...newTabPostsOf(expected.project.title)],
          `${phase}: POSTs of it before its click`,
        ).toStrictEqual([]);

        const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().startsWith('https://stackblitz.com/run'));
        await card.getByRole('button', {name: LAUNCH[locale]}).click();
        const request = await posted;
        const frame = card.locator('iframe');
        await expect.poll(() => frame.count()).toBe(1);
        await expect.poll(() => card.locator('[role="status"]').innerText()).toMatch(
          locale === 'it' ? /Sandbox avviata/ : /sandbox is running/,
        );

        expect(postsOf(traffic).slice(postsBefore.length), `${phase}: POSTs to stackblitz.com by its launch`).toHaveLength(1);
        const url = new URL(request.url());
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
        expect(sent, `${phase}: the files posted`).toStrictEqual(expected.project.files);

        await expect.poll(() => frame.getAttribute('title')).toBe(
          locale === 'it'
            ? `Sandbox StackBlitz: repository e-commerce, fase ${phase}`
            : `StackBlitz sandbox: e-commerce repository, phase ${phase}`,
        );

        // "Open in a new tab" posts the same project to a new window, synchronously in the click.
        const tabPosts = await openNewTab(page, card, locale, expected.project.title);
        expect(postsOf(traffic).slice(postsBefore.length), `${phase}: POSTs by its launch, none more by its new tab`).toHaveLength(1);
        expect(tabPosts, `${phase}: POSTs by its new tab`).toHaveLength(1);
        const tabFields = formFields(tabPosts[0] as Request);
        expect(tabFields.get('project[template]')).toBe('node');
        expect(new URL((tabPosts[0] as Request).url()).searchParams.get('embed')).toBeNull();

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
      }
      expect(await cardsViolations(page), 'axe, every card running').toStrictEqual([]);
    } finally {
      await closePage(page);
    }
  });

  for (const theme of themes) {
    it(`says plainly when StackBlitz is unreachable (${theme}): each card's message, focused, no iframe, its commands${theme === 'light' ? ', a working zip' : ''}; axe-clean${theme === 'dark' ? ' idle and' : ''} offline`, async () => {
      const {page} = await openPage(pagePath, 'abort', theme);
      try {
        const phases = await expectServedCards(page, pagePath);
        // Idle in light mode: audited by the launch test above (the same cards, nothing clicked yet).
        if (theme === 'dark') expect(await cardsViolations(page), `axe, every card idle, ${theme}`).toStrictEqual([]);
        for (const phase of phases) {
          const expected = await assetOf(phase, locale);
          const card = page.locator(cardSelector(phase));
          const clicked = Date.now();
          // Keyboard only: focus the launch button and press Enter.
          await card.getByRole('button', {name: LAUNCH[locale]}).focus();
          await page.keyboard.press('Enter');
          const offline = card.locator('[data-sandbox-offline]');
          await offline.waitFor({state: 'visible', timeout: OFFLINE_WITHIN_MS});
          console.log(`[sandbox offline] /${pagePath} ${phase} ${theme}: message after ${Date.now() - clicked} ms`);
          await expect.poll(() => offline.innerText()).toMatch(
            locale === 'it' ? /Non è stato possibile raggiungere StackBlitz/ : /StackBlitz could not be reached/,
          );
          expect(await card.locator('iframe').count(), `${phase}: no blank iframe left`).toBe(0);
          // This card's message, not an earlier card's, has the focus.
          expect(await offline.evaluate((el) => el === document.activeElement), `${phase}: focus on its message`).toBe(true);
          const commands = await offline.locator('pre').innerText();
          const hasDemo = JSON.parse(expected.project.files['package.json'] ?? '{}').scripts?.demo;
          for (const command of [`unzip ${phase}.zip`, `cd ${phase}`, 'npm install', 'npm test', 'npm run history']) {
            expect(commands).toContain(command);
          }
          expect(commands.includes('npm run demo'), 'npm run demo offered only when the phase has a demo').toBe(Boolean(hasDemo));

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
            expect(files, `${phase}.zip`).toStrictEqual(expected.project.files);
          }
        }
        expect(await cardsViolations(page), `axe, every card offline, ${theme}`).toStrictEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }
});

// Two checks that wait on real time, or on nothing, run on every page at once (each page has its
// own route and traffic; a new tab's POST is told apart by its project's title): the card's own
// timeout (EMBED_TIMEOUT_MS, 8 s) when StackBlitz loads but never answers, and, during those 8 s,
// a first click of another card's "open in a new tab".
describe('on every page at once', () => {
  it('a StackBlitz that never answers: the card gives up (8 s), no iframe left; meanwhile a first click of "open in a new tab" opens the tab (asset fetched inside the click)', async () => {
    const failures: string[] = [];
    await Promise.all(
      PAGES.map(async (pagePath) => {
        const locale = localeOf(pagePath);
        const phases = await phasesOn(pagePath);
        const [phase] = phases;
        const other = phases[phases.length - 1];
        const {page, traffic} = await openPage(pagePath, 'silent');
        try {
          expect(phases.length, `/${pagePath}: a second card, to open in a new tab while the first waits`).toBeGreaterThan(1);
          const card = page.locator(cardSelector(phase ?? ''));
          const clicked = Date.now();
          await card.getByRole('button', {name: LAUNCH[locale]}).click();
          await expect.poll(() => card.locator('iframe').count(), {message: `/${pagePath}: an iframe while waiting`}).toBe(1);

          // The other card's first click is "open in a new tab": its asset is fetched inside the click.
          const title = (await assetOf(other!, locale)).project.title;
          const otherCard = page.locator(cardSelector(other ?? ''));
          expect(traffic.local.filter((r) => isAssetOf(r.url, other!)), `/${pagePath} ${other}: its assets before its click`).toStrictEqual([]);
          const tabPosts = await openNewTab(page, otherCard, locale, title);
          expect(tabPosts, `/${pagePath} ${other}: POSTs by its new tab`).toHaveLength(1);
          expect(formFields(tabPosts[0] as Request).get('project[template]')).toBe('node');
          expect(traffic.local.filter((r) => isAssetOf(r.url, other!) && r.url.endsWith('.json')), `/${pagePath} ${other}: its asset, fetched in the click`).toHaveLength(1);
          expect(await otherCard.locator('iframe').count(), `/${pagePath} ${other}: no embed from the new-tab action`).toBe(0);

          // The card's own timeout (EMBED_TIMEOUT_MS, unit-tested below the SDK's 10 s) ends the wait.
          await card.locator('[data-sandbox-offline]').waitFor({state: 'visible', timeout: 20_000});
          console.log(`[sandbox silent] /${pagePath}: offline message after ${Date.now() - clicked} ms`);
          expect(await card.locator('iframe').count(), `/${pagePath}: iframe left`).toBe(0);
          expect(postsOf(traffic), `/${pagePath}: POSTs of the page itself (the embed's)`).toHaveLength(1);
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
