/**
 * The in-page playground's figures, for `npm run bench` (bench.mjs calls `playgroundFigures`):
 * on lesson 02 in each locale, in a fresh profile (nothing in IndexedDB, the HTTP cache off),
 * under a CDP CPU throttle of 4x (Lighthouse's mobile factor), at desktop width:
 * - bytes fetched from the click to a ready prompt (gzip/brotli as sent), and until the network
 *   is idle again (the engine's git commands are then fetched in the background, so the
 *   playground keeps working offline);
 * - time from the click to a ready prompt (the phase's history replayed by the engine);
 * - time of a `git commit` (the engine's own run, `playground-git:commit`), of the whole command
 *   line and of the history's redraw after it (`playground-redraw`), as the page measures them.
 * Each figure is the median of BENCH_PLAYGROUND_RUNS (default 3) runs, with its spread.
 */
import {summarize} from './lib.mjs';

export const PLAYGROUND_LESSON = '/docs/lessons/hotfix-workflow';
export const PLAYGROUND_PHASE = process.env.BENCH_PLAYGROUND_PHASE ?? '02-exercise';
const CPU_THROTTLE = 4;
const BUTTON = {it: 'Prova nel browser', en: 'Try it in your browser'};

const spread = (values) => summarize(values) ?? {median: NaN, noise: NaN, min: NaN, max: NaN, n: 0};

/** The duration of the last performance measure called `name` in the page. */
function lastMeasure(page, name) {
  return page.evaluate((n) => {
    const entries = performance.getEntriesByName(n, 'measure');
    return entries.length > 0 ? entries[entries.length - 1].duration : null;
  }, name);
}

async function typeLine(page, root, line) {
  await page.locator(`${root} .xterm-helper-textarea`).focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-playground-pending') === '0', root, {timeout: 120_000});
}

async function runOnce(browser, url, locale, phase) {
  const context = await browser.newContext({viewport: {width: 1366, height: 900}});
  const page = await context.newPage();
  await page.route('https://stackblitz.com/**', (route) => route.abort('internetdisconnected'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  try {
    await page.goto(url, {waitUntil: 'load', timeout: 120_000});
    await page.waitForSelector('html[data-has-hydrated="true"]', {state: 'attached', timeout: 120_000});
    const card = page.locator(`section[data-sandbox-phase="${phase}"]`);
    if ((await card.count()) === 0) throw new Error(`no card for phase ${phase} on ${url}`);
    await card.scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');

    let counting = false;
    const sizes = new Map();
    let toReady = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (counting) sizes.set(e.requestId, 0);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (sizes.has(e.requestId)) sizes.set(e.requestId, e.encodedDataLength);
    });
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_THROTTLE});
    counting = true;
    const root = `[data-playground="${phase}"]`;
    const started = Date.now();
    await card.getByRole('button', {name: BUTTON[locale]}).click();
    await page.waitForSelector(`${root}[data-playground-status="ready"]`, {timeout: 180_000});
    const wallToReady = Date.now() - started;
    for (const bytes of sizes.values()) toReady += bytes;
    const readyMs = (await lastMeasure(page, 'playground-ready')) ?? wallToReady;
    await page.waitForLoadState('networkidle', {timeout: 120_000}).catch(() => {});
    counting = false;
    let toIdle = 0;
    for (const bytes of sizes.values()) toIdle += bytes;

    await typeLine(page, root, 'echo "bench" >> README.md && git add README.md');
    await typeLine(page, root, 'git commit -q -m "bench: one commit"');
    const commitMs = await lastMeasure(page, 'playground-git:commit');
    const commandMs = await lastMeasure(page, 'playground-command');
    const redrawMs = await lastMeasure(page, 'playground-redraw');
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: 1});
    return {bytesToReady: toReady, bytesToIdle: toIdle, requests: sizes.size, readyMs, commitMs, commandMs, redrawMs};
  } finally {
    await context.close();
  }
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin  the served build
 * @param {(locale: string, path: string) => string} localizedPath
 */
export async function playgroundFigures(browser, origin, localizedPath, runs = Number(process.env.BENCH_PLAYGROUND_RUNS ?? 3)) {
  const out = [];
  for (const locale of ['it', 'en']) {
    const url = origin + localizedPath(locale, PLAYGROUND_LESSON);
    let phase = PLAYGROUND_PHASE;
    const results = [];
    for (let run = 0; run < runs; run++) {
      try {
        results.push(await runOnce(browser, url, locale, phase));
      } catch (error) {
        // Before the exercise's phase exists, the card of the alert's phase.
        if (phase !== '02-before-fix' && /no card for phase/.test(String(error))) {
          phase = '02-before-fix';
          run--;
          continue;
        }
        throw error;
      }
    }
    const pick = (key) => spread(results.map((r) => r[key]).filter((v) => typeof v === 'number'));
    out.push({
      locale,
      path: localizedPath(locale, PLAYGROUND_LESSON),
      phase,
      cpuThrottle: CPU_THROTTLE,
      runs,
      bytesToReady: pick('bytesToReady'),
      bytesToIdle: pick('bytesToIdle'),
      readyMs: pick('readyMs'),
      commitMs: pick('commitMs'),
      commandMs: pick('commandMs'),
      redrawMs: pick('redrawMs'),
    });
  }
  return out;
}

export function formatPlaygroundTable(rows) {
  const kb = (x) => `${(x.median / 1024).toFixed(1)} kB`;
  const ms = (x) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}-${x.max.toFixed(0)})`;
  const lines = [
    `In-page playground (${rows[0]?.phase ?? ''}, CPU throttled ${rows[0]?.cpuThrottle ?? CPU_THROTTLE}x, median of ${rows[0]?.runs ?? 0} fresh loads):`,
    'page                           to prompt   +idle     click->prompt        git commit        command line      redraw',
  ];
  for (const r of rows) {
    lines.push(
      `${r.path.padEnd(30)} ${kb(r.bytesToReady).padStart(9)}  ${kb(r.bytesToIdle).padStart(9)}  ${ms(r.readyMs).padEnd(19)}  ${ms(r.commitMs).padEnd(16)}  ${ms(r.commandMs).padEnd(16)}  ${ms(r.redrawMs)}`,
    );
  }
  return lines.join('\n');
}

// `node scripts/bench/playground.mjs [buildDir]`: only these figures, on an existing build.
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const path = await import('node:path');
  const {chromium} = await import('playwright-core');
  const {requireChromium, CHROMIUM_ARGS} = await import('../browser-tools/chromium.mjs');
  const {startStaticServer} = await import('../browser-tools/static-server.mjs');
  const {localizedPath} = await import('./lib.mjs');
  const dir = path.resolve(process.argv[2] ?? process.env.BENCH_BUILD_DIR ?? 'build');
  const server = await startStaticServer({dir, locales: ['en'], host: true});
  const browser = await chromium.launch({executablePath: requireChromium(), args: CHROMIUM_ARGS});
  try {
    console.log(formatPlaygroundTable(await playgroundFigures(browser, server.origin, (locale, p) => localizedPath(p, locale, ['it', 'en']))));
  } finally {
    await browser.close();
    await server.close();
  }
}
