/**
 * npm run bench: builds the site (or takes BENCH_BUILD_DIR), serves it with brotli/gzip like a
 * static host and measures the home page, the course index and every lesson in both locales,
 * plus a plain doc page as reference: JS loaded before interaction (gzip size and bytes sent),
 * the main thread's CPU time to load and hydrate (median of several loads, ± half their spread),
 * Lighthouse mobile scores, TBT, LCP, CLS. The reference page's Lighthouse run is repeated: the
 * spread of its figures is the run-to-run noise of this run. Compare pages with the reference
 * of the same run, never absolute figures across runs or machines. Writes bench-results/bench.json.
 *
 * BENCH_UPSTREAM=1 also measures each upstream replacement (src/plugins/upstream-replacements.mjs)
 * off and on, in the same run: one Italian build per replacement left out (UPSTREAM_OFF), and,
 * on a lesson and the reference page, JS, CPU time, prefetch links and, at 150 ms round trips and
 * 1.6 Mbps, the time to hydration and when the route's chunks are requested, against the build
 * with all of them on; loads are interleaved across builds.
 *
 * Environment:
 *   BENCH_BUILD_DIR=dir       measure an existing build instead of building (built with
 *                             BENCH_REFERENCE_PAGE=1, so that it has the reference page)
 *   BENCH_REFERENCE=/bench-reference  the plain doc page (scripts/bench/reference-page/)
 *   BENCH_PAGES=/a,/b         measure only these paths (plus the reference)
 *   BENCH_LOADS=5             page loads per page for the CPU figure
 *   BENCH_REFERENCE_RUNS=3    Lighthouse runs of each reference page (their spread: the noise)
 *   BENCH_UPSTREAM=1          each upstream replacement off and on (see above)
 *   BENCH_UPSTREAM_ONLY=1     only that, without the Lighthouse table
 *   BENCH_REUSE_BUILDS=1      with BENCH_UPSTREAM: measure the builds without each replacement
 *                             that the last run left in bench-results/ instead of building them
 *   BENCH_PLAYGROUND=0        skip the in-page playground's figures (scripts/bench/playground.mjs)
 *   BENCH_PLAYGROUND_RUNS=3   fresh loads per locale for them
 *   BENCH_COMPARE_BUNDLERS=1  also build with webpack (DOCUSAURUS_FASTER=false)
 *                             and compare build time and lesson JS
 *   CHROMIUM_PATH             browser (default: the first usual install path found)
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';
import {chromium} from 'playwright-core';
import {requireChromium, CHROMIUM_ARGS} from '../browser-tools/chromium.mjs';
import {resolveStatic, startStaticServer} from '../browser-tools/static-server.mjs';
import {UPSTREAM_REPLACEMENTS} from '../../src/plugins/upstream-replacements.mjs';
import {
  compareToOn,
  discoverPages,
  formatTable,
  formatUpstreamTable,
  localizedPath,
  summarize,
  summarizeLighthouse,
} from './lib.mjs';
import {formatPlaygroundTable, playgroundFigures} from './playground.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_DIR = path.join(SITE_DIR, 'bench-results');
const LOCALES = ['it', 'en'];
const CHROME = requireChromium();
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

/**
 * Builds the site into outDir, under the shared build lock when flock exists.
 * Returns the build's own duration in seconds (time spent waiting for the
 * lock is not counted).
 */
function build(outDir, env = {}, extraArgs = '') {
  const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], {stdio: 'ignore'}).status === 0;
  const timeFile = path.join(RESULTS_DIR, `.build-time-${process.pid}`);
  const script =
    `start=$(date +%s%N); npx docusaurus build --out-dir "$1" ${extraArgs}; rc=$?; ` +
    'echo $(( $(date +%s%N) - start )) > "$2"; exit $rc';
  const [cmd, args] = hasFlock
    ? ['flock', ['/tmp/docusaurus-build.lock', 'sh', '-c', script, 'build', outDir, timeFile]]
    : ['sh', ['-c', script, 'build', outDir, timeFile]];
  const result = spawnSync(cmd, args, {
    cwd: SITE_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    // The reference page exists only in the bench's builds (scripts/bench/reference-page).
    // No persistent bundler cache: it is not invalidated by what plugins alias, so a build
    // with a replacement off (UPSTREAM_OFF) would reuse the modules of one with it on.
    env: {...process.env, BENCH_REFERENCE_PAGE: '1', DOCUSAURUS_NO_PERSISTENT_CACHE: '1', ...env},
  });
  if (result.status !== 0) throw new Error(`build failed (${cmd} ${args.join(' ')})`);
  const nanoseconds = Number(readFileSync(timeFile, 'utf8').trim());
  rmSync(timeFile, {force: true});
  return nanoseconds / 1e9;
}

/** JS requested before interaction: scripts fetched until load + network idle. */
async function measureJs(browser, origin, root, urlPath) {
  const context = await browser.newContext({viewport: {width: 412, height: 823}});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  /** @type {Map<string, {url: string, type: string, encoded: number}>} */
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) =>
    requests.set(e.requestId, {url: e.response.url, type: e.type, encoded: 0}),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoded = e.encodedDataLength;
  });
  await page.goto(origin + urlPath, {waitUntil: 'load'});
  await page.waitForLoadState('networkidle');
  await context.close();
  let jsGzipBytes = 0;
  let jsTransferredBytes = 0;
  const scripts = [];
  for (const r of requests.values()) {
    if (r.type !== 'Script') continue;
    const file = resolveStatic(root, new URL(r.url).pathname);
    const gzip = file ? zlib.gzipSync(readFileSync(file), {level: 9}).length : 0;
    jsGzipBytes += gzip;
    jsTransferredBytes += r.encoded;
    scripts.push({url: new URL(r.url).pathname, gzip, transferred: r.encoded});
  }
  return {jsGzipBytes, jsTransferredBytes, scripts};
}

/** Lighthouse (mobile defaults) through its CLI, one Chromium per page. */
function lighthouse(url, outFile) {
  return new Promise((resolve) => {
    const cli = path.join(SITE_DIR, 'node_modules/lighthouse/cli/index.js');
    const child = spawn(
      process.execPath,
      [
        cli,
        url,
        '--output=json',
        `--output-path=${outFile}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        '--quiet',
      ],
      {env: {...process.env, CHROME_PATH: CHROME}, stdio: ['ignore', 'ignore', 'inherit']},
    );
    child.on('exit', (code) => {
      if (code !== 0 || !existsSync(outFile)) {
        console.error(`lighthouse failed for ${url} (exit ${code})`);
        resolve(summarizeLighthouse(undefined));
        return;
      }
      resolve(summarizeLighthouse(JSON.parse(readFileSync(outFile, 'utf8'))));
    });
  });
}

async function measureJsOnly(root, paths) {
  const server = await startStaticServer({dir: root, locales: LOCALES.slice(1), host: true});
  const browser = await chromium.launch({executablePath: CHROME, args: CHROME_FLAGS.slice(1)});
  try {
    const out = {};
    for (const p of paths) out[p] = (await measureJs(browser, server.origin, root, p)).jsGzipBytes;
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

const PHONE = {width: 412, height: 823};

/**
 * One load of a page at phone width: the main thread's CPU time (ms) from navigation until the
 * page has hydrated and the network is idle, and the <link rel=prefetch> the page added by then.
 * `latencyMs`: every request waits that long (as Lighthouse's mobile network); the time to
 * hydration is then the figure, CPU time is not recorded.
 */
async function loadOnce(browser, url, options = {}) {
  try {
    return await loadOnceOrThrow(browser, url, options);
  } catch (error) {
    // One load that never finished (a stalled request on a loaded machine) loses one figure, not the run.
    console.error(`  load of ${url} failed: ${String(error).split('\n')[0]}`);
    return {cpuMs: NaN, hydratedMs: null, routeChunksAtMs: null, prefetchLinks: NaN};
  }
}

async function loadOnceOrThrow(browser, url, {latencyMs = 0} = {}) {
  const context = await browser.newContext({viewport: PHONE});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  if (latencyMs > 0) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  await page.addInitScript(() => {
    // Before the parser has made <html>: watch the document for the attribute React sets.
    new MutationObserver((_records, observer) => {
      if (document.documentElement?.dataset.hasHydrated === 'true') {
        window.__hydratedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-has-hydrated']});
  });
  await cdp.send('Performance.enable', {timeDomain: 'threadTicks'});
  const before = await cdp.send('Performance.getMetrics');
  // At emulated latency only the time to hydration counts: wait for that, not for every image.
  await page.goto(url, {waitUntil: latencyMs > 0 ? 'commit' : 'load', timeout: 120_000});
  await page.waitForSelector('html[data-has-hydrated="true"]', {state: 'attached', timeout: 120_000});
  if (latencyMs === 0) {
    await page.waitForLoadState('networkidle', {timeout: 60_000}).catch(() => {});
    // Upstream adds prefetch links right after hydration, the site's replacement when idle.
    await page.waitForTimeout(1000);
  }
  const after = await cdp.send('Performance.getMetrics');
  const metric = (m, name) => m.metrics.find((x) => x.name === name)?.value ?? 0;
  const result = {
    cpuMs: (metric(after, 'ThreadTime') - metric(before, 'ThreadTime')) * 1000,
    hydratedMs: await page.evaluate(() => window.__hydratedAt ?? null),
    // When the first of the route's chunks (8-hex-digit names) was requested, since navigation.
    routeChunksAtMs: await page.evaluate(() => {
      const starts = performance
        .getEntriesByType('resource')
        .filter((entry) => /\/[0-9a-f]{8}\.[0-9a-f]{8}\.js$/.test(entry.name))
        .map((entry) => entry.startTime);
      return starts.length > 0 ? Math.min(...starts) : null;
    }),
    prefetchLinks: await page.evaluate(() => document.querySelectorAll('link[rel=prefetch]').length),
  };
  await context.close();
  return result;
}

/** Repeated loads of several pages, interleaved so that the machine's load drifts over all alike. */
async function repeatedLoads(browser, urls, loads, options) {
  /** @type {Record<string, Awaited<ReturnType<typeof loadOnce>>[]>} */
  const results = Object.fromEntries(urls.map((url) => [url, []]));
  for (let i = 0; i < loads; i++) {
    for (const url of urls) results[url].push(await loadOnce(browser, url, options));
  }
  return results;
}

async function lighthouseTable(buildDir, reference) {
  let pages = discoverPages(buildDir, LOCALES);
  if (process.env.BENCH_PAGES) {
    const only = process.env.BENCH_PAGES.split(',');
    pages = pages.filter((p) => only.includes(p.path));
  }
  for (const locale of LOCALES) {
    const ref = localizedPath(reference, locale, LOCALES);
    if (!pages.some((p) => p.path === ref)) pages.push({kind: 'index', locale, path: ref});
  }
  const isReference = (page) => page.path === localizedPath(reference, page.locale, LOCALES);
  const loads = Number(process.env.BENCH_LOADS ?? 5);
  const referenceRuns = Number(process.env.BENCH_REFERENCE_RUNS ?? 3);

  const server = await startStaticServer({dir: buildDir, locales: LOCALES.slice(1), host: true});
  const browser = await chromium.launch({executablePath: CHROME, args: CHROME_FLAGS.slice(1)});
  const rows = [];
  const noise = [];
  try {
    console.log(`CPU time: ${loads} loads of each page, interleaved ...`);
    const cpu = await repeatedLoads(browser, pages.map((p) => server.origin + p.path), loads);
    for (const page of pages) {
      process.stdout.write(`measuring ${page.path} ...\n`);
      const js = await measureJs(browser, server.origin, buildDir, page.path);
      const slug = page.path.replace(/[^a-z0-9]+/gi, '_') || 'root';
      const runs = isReference(page) ? referenceRuns : 1;
      const reports = [];
      for (let run = 0; run < runs; run++) {
        reports.push(await lighthouse(server.origin + page.path, path.join(RESULTS_DIR, 'lighthouse', `${slug}-${run}.json`)));
      }
      if (runs > 1) noise.push({path: page.path, runs: reports});
      rows.push({
        ...page,
        reference: isReference(page),
        ...js,
        cpu: summarize(cpu[server.origin + page.path].map((r) => r.cpuMs)),
        ...reports[0],
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const row of rows) {
    const ref = rows.find((r) => r.path === localizedPath(reference, row.locale, LOCALES));
    row.jsRatio = ref && ref.jsGzipBytes > 0 ? row.jsGzipBytes / ref.jsGzipBytes : null;
    row.cpuRatio = ref?.cpu && row.cpu ? row.cpu.median / ref.cpu.median : null;
  }
  const spread = (values) => {
    const s = summarize(values.filter((v) => v !== null));
    return s ? {min: s.min, max: s.max, noise: s.noise} : null;
  };
  const noiseSummary = noise.map(({path: p, runs}) => ({
    path: p,
    performance: spread(runs.map((r) => r.performance)),
    tbtMs: spread(runs.map((r) => r.tbtMs)),
    lcpMs: spread(runs.map((r) => r.lcpMs)),
  }));
  return {rows, noise: noiseSummary};
}

/** Each upstream replacement off (an Italian build without it) against the build with all on. */
async function upstreamFigures(buildDir) {
  const lesson = '/docs/lessons/hotfix-workflow';
  const reference = process.env.BENCH_REFERENCE ?? '/bench-reference';
  const loads = Number(process.env.BENCH_LOADS ?? 5);
  const variants = [{name: 'all on', dir: buildDir, replacement: undefined}];
  for (const replacement of UPSTREAM_REPLACEMENTS) {
    const dir = path.join(RESULTS_DIR, `build-without-${replacement.name}`);
    if (process.env.BENCH_REUSE_BUILDS === '1' && existsSync(path.join(dir, 'index.html'))) {
      console.log(`Measuring the build without ${replacement.name} left in ${dir}`);
    } else {
      console.log(`Building without ${replacement.name} (Italian only) into ${dir} ...`);
      build(dir, {UPSTREAM_OFF: replacement.name}, '--locale it');
    }
    variants.push({name: replacement.name, dir, replacement});
  }
  const servers = await Promise.all(variants.map((v) => startStaticServer({dir: v.dir, host: true})));
  const browser = await chromium.launch({executablePath: CHROME, args: CHROME_FLAGS.slice(1)});
  /** @type {Record<string, any>} */
  const measured = {};
  try {
    for (const [i, variant] of variants.entries()) {
      measured[variant.name] = {
        js: {
          lesson: (await measureJs(browser, servers[i].origin, variant.dir, lesson)).jsGzipBytes,
          reference: (await measureJs(browser, servers[i].origin, variant.dir, reference)).jsGzipBytes,
        },
      };
    }
    console.log(`CPU time: ${loads} loads of ${lesson} and ${reference} per build, interleaved ...`);
    const urls = variants.flatMap((_v, i) => [servers[i].origin + lesson, servers[i].origin + reference]);
    const plain = await repeatedLoads(browser, urls, loads);
    console.log(`Hydration at 150 ms round trips: ${loads} loads of ${lesson} per build, interleaved ...`);
    const slow = await repeatedLoads(browser, variants.map((_v, i) => servers[i].origin + lesson), loads, {latencyMs: 150});
    for (const [i, variant] of variants.entries()) {
      const onLesson = plain[servers[i].origin + lesson];
      Object.assign(measured[variant.name], {
        cpuLesson: summarize(onLesson.map((r) => r.cpuMs)),
        cpuReference: summarize(plain[servers[i].origin + reference].map((r) => r.cpuMs)),
        hydrated: summarize(slow[servers[i].origin + lesson].map((r) => r.hydratedMs ?? NaN)),
        routeChunksAt: summarize(slow[servers[i].origin + lesson].map((r) => r.routeChunksAtMs ?? NaN)),
        prefetchLinks: summarize(onLesson.map((r) => r.prefetchLinks))?.median ?? null,
      });
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
  const on = measured['all on'];
  const rows = UPSTREAM_REPLACEMENTS.map((replacement) => {
    const off = measured[replacement.name];
    return {
      name: replacement.name,
      module: replacement.replaces,
      jsGzipDelta: off.js.lesson - on.js.lesson,
      jsGzipDeltaReference: off.js.reference - on.js.reference,
      cpu: compareToOn(on.cpuLesson, off.cpuLesson),
      cpuReference: compareToOn(on.cpuReference, off.cpuReference),
      hydrated: compareToOn(on.hydrated, off.hydrated),
      routeChunksAt: compareToOn(on.routeChunksAt, off.routeChunksAt),
      prefetchLinksDelta: on.prefetchLinks === null || off.prefetchLinks === null ? null : off.prefetchLinks - on.prefetchLinks,
    };
  });
  return {lesson, reference, measured, rows};
}

/** The in-page playground on lesson 02 (scripts/bench/playground.mjs), both locales. */
async function playgroundTable(buildDir) {
  const server = await startStaticServer({dir: buildDir, locales: LOCALES.slice(1), host: true});
  const browser = await chromium.launch({executablePath: CHROME, args: CHROME_FLAGS.slice(1)});
  try {
    return await playgroundFigures(browser, server.origin, (locale, p) => localizedPath(p, locale, LOCALES));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  mkdirSync(path.join(RESULTS_DIR, 'lighthouse'), {recursive: true});
  let buildDir = process.env.BENCH_BUILD_DIR ? path.resolve(process.env.BENCH_BUILD_DIR) : undefined;
  let buildSeconds = null;
  if (!buildDir) {
    buildDir = path.join(RESULTS_DIR, 'build');
    console.log(`Building the site into ${buildDir} ...`);
    buildSeconds = build(buildDir);
  }
  const reference = process.env.BENCH_REFERENCE ?? '/bench-reference';
  const table = process.env.BENCH_UPSTREAM_ONLY === '1' ? {rows: [], noise: []} : await lighthouseTable(buildDir, reference);
  const rows = table.rows;

  let bundlers;
  if (process.env.BENCH_COMPARE_BUNDLERS === '1') {
    const lessons = rows.filter((r) => r.kind === 'lesson').map((r) => r.path);
    const fasterDir = path.join(RESULTS_DIR, 'build-faster');
    const webpackDir = path.join(RESULTS_DIR, 'build-webpack');
    console.log('Comparing bundlers: Rspack/SWC (future.v4) vs webpack/Babel (faster: false) ...');
    const fasterSeconds = build(fasterDir);
    const webpackSeconds = build(webpackDir, {DOCUSAURUS_FASTER: 'false'});
    bundlers = {
      faster: {buildSeconds: fasterSeconds, lessonJsGzipBytes: await measureJsOnly(fasterDir, lessons)},
      webpack: {buildSeconds: webpackSeconds, lessonJsGzipBytes: await measureJsOnly(webpackDir, lessons)},
    };
  }
  const playground = process.env.BENCH_PLAYGROUND === '0' || process.env.BENCH_UPSTREAM_ONLY === '1' ? undefined : await playgroundTable(buildDir);
  const upstream = process.env.BENCH_UPSTREAM === '1' || process.env.BENCH_UPSTREAM_ONLY === '1'
    ? await upstreamFigures(buildDir)
    : undefined;

  const result = {
    date: new Date().toISOString(),
    buildDir,
    buildSeconds,
    reference,
    chrome: CHROME,
    pages: rows,
    noise: table.noise,
    bundlers,
    playground,
    upstream,
  };
  writeFileSync(path.join(RESULTS_DIR, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (rows.length > 0) {
    console.log('');
    console.log(formatTable(rows));
    console.log('\nRun-to-run noise (the reference page, Lighthouse run repeatedly; CPU: ± half the spread of its loads):');
    for (const n of table.noise) {
      const range = (x, digits = 0) => (x ? `${x.min.toFixed(digits)}-${x.max.toFixed(digits)} (±${x.noise.toFixed(digits)})` : '-');
      console.log(`  ${n.path}: perf ${range(n.performance)}, TBT ms ${range(n.tbtMs)}, LCP ms ${range(n.lcpMs)}`);
    }
  }
  if (bundlers) {
    console.log('');
    console.log('bundler   build s  ' + Object.keys(bundlers.faster.lessonJsGzipBytes).join('  '));
    for (const [name, b] of Object.entries(bundlers)) {
      console.log(
        `${name.padEnd(8)}  ${b.buildSeconds.toFixed(1).padStart(7)}  ` +
          Object.values(b.lessonJsGzipBytes)
            .map((v) => `${(v / 1024).toFixed(1)} kB`)
            .join('  '),
      );
    }
  }
  if (playground) {
    console.log('');
    console.log(formatPlaygroundTable(playground));
  }
  if (upstream) {
    console.log(`\nUpstream replacements, each turned off, against all on (${upstream.lesson}, at phone width;`);
    console.log('CPU: main-thread ms to load and hydrate, median ± half the spread; "(noise)": within it):');
    console.log(formatUpstreamTable(upstream.rows));
    console.log('Same, on the reference page (CPU ms): ' +
      upstream.rows.map((r) => `${r.name} ${r.cpuReference ? `${r.cpuReference.delta.toFixed(0)} ±${r.cpuReference.noise.toFixed(0)}` : '-'}`).join(', '));
  }
  console.log(`\nFigures written to ${path.relative(SITE_DIR, path.join(RESULTS_DIR, 'bench.json'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
