// @ts-check
// Pure helpers of `npm run bench` (tested in lib.test.ts).
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';

/**
 * The pages to measure, from the build folder: home, course index and every
 * lesson, in each locale (`it` at the root, others under /<locale>/).
 * @param {string} buildDir
 * @param {string[]} locales first = default locale
 * @returns {{kind: 'home' | 'index' | 'lesson', locale: string, path: string}[]}
 */
export function discoverPages(buildDir, locales) {
  /** @type {{kind: 'home' | 'index' | 'lesson', locale: string, path: string}[]} */
  const pages = [];
  locales.forEach((locale, i) => {
    const prefix = i === 0 ? '' : `/${locale}`;
    pages.push({kind: 'home', locale, path: `${prefix}/`});
    pages.push({kind: 'index', locale, path: `${prefix}/docs`});
    const lessonsDir = path.join(buildDir, prefix, 'docs', 'lessons');
    if (existsSync(lessonsDir)) {
      for (const entry of readdirSync(lessonsDir).sort()) {
        if (entry.endsWith('.html')) {
          pages.push({kind: 'lesson', locale, path: `${prefix}/docs/lessons/${entry.slice(0, -5)}`});
        } else if (existsSync(path.join(lessonsDir, entry, 'index.html'))) {
          pages.push({kind: 'lesson', locale, path: `${prefix}/docs/lessons/${entry}`});
        }
      }
    }
  });
  return pages;
}

/**
 * Path of the reference page in a locale (the default-locale path prefixed).
 * @param {string} reference e.g. `/docs`
 * @param {string} locale
 * @param {string[]} locales
 */
export function localizedPath(reference, locale, locales) {
  return locale === locales[0] ? reference : `/${locale}${reference}`;
}

/**
 * The figures of one Lighthouse JSON report.
 * @param {any} lhr
 */
export function summarizeLighthouse(lhr) {
  /** @param {string} id */
  const score = (id) => {
    const value = lhr?.categories?.[id]?.score;
    return typeof value === 'number' ? Math.round(value * 100) : null;
  };
  /** @param {string} id */
  const audit = (id) => {
    const value = lhr?.audits?.[id]?.numericValue;
    return typeof value === 'number' ? value : null;
  };
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    tbtMs: audit('total-blocking-time'),
    lcpMs: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    failedAudits: Object.entries(lhr?.audits ?? {})
      .filter(
        ([, /** @type {any} */ a]) =>
          a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode),
      )
      .map(([id]) => id),
  };
}

/**
 * @param {number | null | undefined} value
 * @param {number} digits
 */
function fmt(value, digits = 0) {
  return value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

/**
 * Text table of the results.
 * @param {any[]} rows
 */
export function formatTable(rows) {
  const header = [
    'page',
    'JS gzip kB',
    'JS sent kB',
    'x ref',
    'CPU ms',
    'x ref',
    'perf',
    'a11y',
    'b.p.',
    'SEO',
    'TBT ms',
    'LCP ms',
    'CLS',
  ];
  const body = rows.map((r) => [
    `${r.path}${r.reference ? ' (ref)' : ''}`,
    fmt(r.jsGzipBytes / 1024, 1),
    fmt(r.jsTransferredBytes / 1024, 1),
    fmt(r.jsRatio, 2),
    r.cpu ? `${fmt(r.cpu.median)} ±${fmt(r.cpu.noise)}` : '-',
    fmt(r.cpuRatio, 2),
    fmt(r.performance),
    fmt(r.accessibility),
    fmt(r.bestPractices),
    fmt(r.seo),
    fmt(r.tbtMs),
    fmt(r.lcpMs),
    fmt(r.cls, 3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => String(row[i]).length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/**
 * Median and noise of repeated measures: `noise` is half their spread ((max - min) / 2), the
 * distance within which another run's median may land.
 * @param {number[]} values
 * @returns {{median: number, noise: number, min: number, max: number, n: number} | null}
 */
export function summarize(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const at = (/** @type {number} */ i) => /** @type {number} */ (sorted[i]);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  const min = at(0);
  const max = at(sorted.length - 1);
  return {median, noise: (max - min) / 2, min, max, n: sorted.length};
}

/**
 * What turning a replacement off changes, against the build with every replacement on, and
 * whether that is more than the run-to-run noise of the figure.
 * @param {{median: number, noise: number} | null} on
 * @param {{median: number, noise: number} | null} off
 * @returns {{delta: number, noise: number, beyondNoise: boolean} | null}
 */
export function compareToOn(on, off) {
  if (!on || !off) return null;
  const noise = Math.max(on.noise, off.noise);
  const delta = off.median - on.median;
  return {delta, noise, beyondNoise: Math.abs(delta) > noise};
}

/**
 * Text table of the upstream replacements measured off and on.
 * @param {{name: string, module: string, jsGzipDelta: number | null, cpu: ReturnType<typeof compareToOn>,
 *   hydrated: ReturnType<typeof compareToOn>, routeChunksAt?: ReturnType<typeof compareToOn>,
 *   prefetchLinksDelta: number | null}[]} rows
 */
export function formatUpstreamTable(rows) {
  /** @param {ReturnType<typeof compareToOn>} c */
  const cell = (c) => (c ? `${c.delta >= 0 ? '+' : ''}${fmt(c.delta)} ±${fmt(c.noise)}${c.beyondNoise ? '' : ' (noise)'}` : '-');
  const header = ['turned off', 'replaces', 'JS gzip kB', 'CPU ms', 'hydrated ms @150ms', 'route chunks ms @150ms', 'prefetch links'];
  const body = rows.map((r) => [
    r.name,
    r.module,
    r.jsGzipDelta === null ? '-' : `${r.jsGzipDelta >= 0 ? '+' : ''}${fmt(r.jsGzipDelta / 1024, 1)}`,
    cell(r.cpu),
    cell(r.hydrated),
    cell(r.routeChunksAt ?? null),
    r.prefetchLinksDelta === null ? '-' : `${r.prefetchLinksDelta >= 0 ? '+' : ''}${r.prefetchLinksDelta}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => String(row[i]).length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
