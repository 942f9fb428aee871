// @ts-check
// Pure helpers of `npm run bench` (tested in lib.test.ts).
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

/**
 * Maps a URL path to a file of a Docusaurus build (trailingSlash: false):
 * `/docs/x` -> `docs/x.html`, `/en/` -> `en/index.html`. Undefined if none,
 * or if the path escapes the build folder.
 * @param {string} root
 * @param {string} urlPath
 * @param {(file: string) => boolean} [isFile]
 * @returns {string | undefined}
 */
export function resolveStatic(root, urlPath, isFile = defaultIsFile) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const absolute = path.resolve(root, `.${decoded}`);
  if (absolute !== root && !absolute.startsWith(root + path.sep)) return undefined;
  const candidates = decoded.endsWith('/')
    ? [path.join(absolute, 'index.html')]
    : [absolute, `${absolute}.html`, path.join(absolute, 'index.html')];
  return candidates.find((file) => isFile(file));
}

/** @param {string} file */
function defaultIsFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Picks the response encoding a static host would use.
 * @param {string | undefined} acceptEncoding
 * @returns {'br' | 'gzip' | undefined}
 */
export function pickEncoding(acceptEncoding) {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';')[0]?.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

/** @param {string} file */
export function isCompressible(file) {
  return /\.(html|js|mjs|css|json|svg|txt|xml|map)$/i.test(file);
}

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
