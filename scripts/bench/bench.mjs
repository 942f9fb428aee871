/**
 * npm run bench: builds the site (or takes BENCH_BUILD_DIR), serves it with
 * brotli/gzip like a static host, and measures the home page, the course
 * index and every lesson in both locales, plus a plain doc page as reference:
 * JS loaded before interaction (gzip size and bytes sent), Lighthouse mobile
 * scores, TBT, LCP, CLS. Writes bench-results/bench.json and prints a table.
 *
 * Environment:
 *   BENCH_BUILD_DIR=dir       measure an existing build instead of building (built with
 *                             BENCH_REFERENCE_PAGE=1, so that it has the reference page)
 *   BENCH_REFERENCE=/bench-reference  the plain doc page (scripts/bench/reference-page/)
 *   BENCH_PAGES=/a,/b         measure only these paths (plus the reference)
 *   BENCH_COMPARE_BUNDLERS=1  also build with webpack (DOCUSAURUS_FASTER=false)
 *                             and compare build time and lesson JS
 *   CHROME_PATH / CHROMIUM_PATH  browser (default /usr/bin/chromium)
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';
import {chromium} from 'playwright-core';
import {discoverPages, formatTable, localizedPath, resolveStatic, summarizeLighthouse} from './lib.mjs';
import {serve} from './server.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_DIR = path.join(SITE_DIR, 'bench-results');
const LOCALES = ['it', 'en'];
const CHROME =
  process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/**
 * Builds the site into outDir, under the shared build lock when flock exists.
 * Returns the build's own duration in seconds (time spent waiting for the
 * lock is not counted).
 */
function build(outDir, env = {}) {
  const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], {stdio: 'ignore'}).status === 0;
  const timeFile = path.join(RESULTS_DIR, `.build-time-${process.pid}`);
  const script =
    'start=$(date +%s%N); npx docusaurus build --out-dir "$1"; rc=$?; ' +
    'echo $(( $(date +%s%N) - start )) > "$2"; exit $rc';
  const [cmd, args] = hasFlock
    ? ['flock', ['/tmp/docusaurus-build.lock', 'sh', '-c', script, 'build', outDir, timeFile]]
    : ['sh', ['-c', script, 'build', outDir, timeFile]];
  const result = spawnSync(cmd, args, {
    cwd: SITE_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    // The reference page exists only in the bench's builds (scripts/bench/reference-page).
    env: {...process.env, BENCH_REFERENCE_PAGE: '1', ...env},
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
  const {server, origin} = await serve(root);
  const browser = await chromium.launch({executablePath: CHROME, args: CHROME_FLAGS.slice(1)});
  try {
    const out = {};
    for (const p of paths) out[p] = (await measureJs(browser, origin, root, p)).jsGzipBytes;
    return out;
  } finally {
    await browser.close();
    server.close();
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
  let pages = discoverPages(buildDir, LOCALES);
  if (process.env.BENCH_PAGES) {
    const only = process.env.BENCH_PAGES.split(',');
    pages = pages.filter((p) => only.includes(p.path));
  }
  for (const locale of LOCALES) {
    const ref = localizedPath(reference, locale, LOCALES);
    if (!pages.some((p) => p.path === ref)) pages.push({kind: 'index', locale, path: ref});
  }

  const {server, origin} = await serve(buildDir);
  const browser = await chromium.launch({executablePath: CHROME, args: CHROME_FLAGS.slice(1)});
  const rows = [];
  try {
    for (const page of pages) {
      process.stdout.write(`measuring ${page.path} ...\n`);
      const js = await measureJs(browser, origin, buildDir, page.path);
      const slug = page.path.replace(/[^a-z0-9]+/gi, '_') || 'root';
      const lh = await lighthouse(origin + page.path, path.join(RESULTS_DIR, 'lighthouse', `${slug}.json`));
      rows.push({...page, reference: page.path === localizedPath(reference, page.locale, LOCALES), ...js, ...lh});
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const row of rows) {
    const ref = rows.find((r) => r.path === localizedPath(reference, row.locale, LOCALES));
    row.jsRatio = ref && ref.jsGzipBytes > 0 ? row.jsGzipBytes / ref.jsGzipBytes : null;
  }

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

  const result = {
    date: new Date().toISOString(),
    buildDir,
    buildSeconds,
    reference,
    chrome: CHROME,
    pages: rows,
    bundlers,
  };
  writeFileSync(path.join(RESULTS_DIR, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('');
  console.log(formatTable(rows));
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
  console.log(`\nFigures written to ${path.relative(SITE_DIR, path.join(RESULTS_DIR, 'bench.json'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
