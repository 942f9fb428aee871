import fs from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {themes, waitForHydration, type Theme} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {watchProblems} from './support/problems';
import {
  checkDiagrams,
  DIAGRAM_SELECTOR,
  MERMAID_LIBRARY_MARKER,
  STATIC_DIAGRAM_SVG_MARKER,
  watchScripts,
  type DiagramReport,
  type ScriptWatch,
} from './support/mermaid';
import {axeViolations} from './support/axe';
import {localePath, siteUrl, splitLocale, locales, screenshotDir} from './support/env';
import {measureDiagramLayout, measureTables, MIN_TEXT_PX, visitScrollBoxes, type DiagramLayout} from './support/diagramLayout';
import {commentStyle, replacedBlocks, shownCommentStyle, watchReplacedBlocks} from './support/hydration';
import {diagramPages} from './fixtures/site';

// Every page of both locales' sitemaps, visited once in light and once in dark mode. A visit
// (a page load and hydration: seconds each) does every check the page needs, and records what it
// finds; the tests after the visits assert it, one concern per test:
// - it loads and hydrates with no console error, page error or failing request to our server,
//   and every Mermaid diagram renders; a page of build-time diagrams loads no Mermaid JavaScript;
// - axe finds no WCAG 2.1 A/AA violation;
// - the <head>: lang, hreflang, Open Graph (the light visit);
// - the diagram pages (fixtures/site diagramPages): at least as many diagrams as their source,
//   none of their SVG in a script (while a page that draws them in the browser does load Mermaid:
//   the same probe, seen to work); hydration rebuilds no code block or diagram, and code comments
//   have the mode's colours; screenshots at 1366 and 390 px, for a person to look at;
// - diagrams and tables are legible on every page that has any, at 1366 and 390 px: no two
//   labels of a diagram (commit messages, branch names, tags) overlap, nor a label a commit's dot,
//   measured exactly, rotated labels included (the checker is tested in diagram-layout.e2e.ts);
//   at 390 px every diagram's and table's text is at least MIN_TEXT_PX as rendered; a diagram or
//   table wider than the page scrolls sideways in its own box, which says so.

const site = useServedSite();
/** The visits load each page at the suite's default viewport (1280 x 900), then resize to these. */
const DESKTOP = {name: 'desktop', width: 1366, height: 900} as const;
const PHONE = {name: 'phone', width: 390, height: 844} as const;
const WIDTHS = [DESKTOP, PHONE] as const;

let pages: SitePage[];
/** What the light-mode visit saw in each page's <head>, checked by the hreflang test. */
const heads = new Map<string, {lang: string | null; alternates: (readonly [string, string])[]}>();
/** Open Graph / Twitter tags of each page (light-mode visit). */
const social = new Map<string, {meta: Record<string, string>; title: string; description: string | null}>();
/** Accessibility violations per page and theme. */
const a11y: string[] = [];
/** The text of each page's <main>, to catch an English page that falls back to Italian. */
const mainText = new Map<string, string>();

/** What a visit found on a diagram page (`${pathname} ${theme}`): its own checks, and hydration's. */
const diagramPageFindings = new Map<string, {diagrams: string[]; hydration: string[]}>();

/** What the visits of one mode found about legibility. */
interface Legibility {
  failures: string[];
  checked: string[];
  diagrams: number;
  labels: number;
  smallestPhoneText: number;
}
const legibility = new Map<Theme, Legibility>();

beforeAll(async () => {
  pages = await readSitemaps(site.server.origin);
  fs.mkdirSync(screenshotDir, {recursive: true});
});

afterAll(async () => {
  console.log(`[screenshots] saved in ${screenshotDir}`);
});

/** The diagram page (fixtures/site) a sitemap page is, if it is one. */
function diagramPageOf(sitePage: SitePage): {path: string; minDiagrams: number} | undefined {
  const {locale} = splitLocale(sitePage.pathname);
  return diagramPages.find((d) => localePath(locale, d.path) === sitePage.pathname);
}

/**
 * A diagram page: its diagrams (again, at 1366 px) and its scripts; screenshots at 1366 px; and
 * what hydration did to it. The page is still at its first paint's scroll position.
 */
async function checkDiagramPage(
  page: Page,
  sitePage: SitePage,
  theme: Theme,
  {path: p, minDiagrams}: {path: string; minDiagrams: number},
  scripts: ScriptWatch,
): Promise<{diagrams: string[]; hydration: string[]; report: DiagramReport; slug: string; saved: string[]}> {
  const diagrams: string[] = [];
  const hydration: string[] = [];
  const {locale} = splitLocale(sitePage.pathname);

  // Hydration keeps what the server rendered (read once late requests are done: networkidle).
  const replaced = await replacedBlocks(page);
  if (replaced.length > 0) hydration.push(`code blocks/diagrams removed from the DOM during load: ${JSON.stringify(replaced)}`);
  const shown = await shownCommentStyle(page);
  const wanted = commentStyle(theme);
  if (shown && (shown.color !== wanted.color || shown.fontStyle !== wanted.fontStyle))
    hydration.push(`a code comment in ${theme} mode is ${JSON.stringify(shown)}, expected ${JSON.stringify(wanted)}`);

  await page.setViewportSize(DESKTOP);
  const report = await checkDiagrams(page, theme);
  diagrams.push(...report.problems);
  if (minDiagrams <= 0) diagrams.push(`a diagram page is checked for at least one diagram (minDiagrams is ${minDiagrams})`);
  if (report.count < minDiagrams) diagrams.push(`${report.count} diagrams, expected ${minDiagrams}+`);
  const mermaidJs = await scripts.mermaidScripts();
  if (scripts.scripts.length === 0) diagrams.push('no script seen (the probe does not listen)');
  if (report.clientCount === 0) {
    if (mermaidJs.length > 0)
      diagrams.push(`scripts containing "${MERMAID_LIBRARY_MARKER}" (Mermaid) on a page of build-time diagrams: ${mermaidJs.join(', ')}`);
  } else if (mermaidJs.length === 0) {
    diagrams.push('client-side diagrams, but no script with the Mermaid library');
  }
  if (report.staticCount > 0) {
    // The SVG is in the HTML; shipping it in the page's JavaScript too would double its bytes.
    const carrying = await scripts.scriptsContaining(STATIC_DIAGRAM_SVG_MARKER);
    if (carrying.length > 0) diagrams.push(`scripts carrying diagram SVG: ${carrying.join(', ')}`);
  }

  const slug = `${locale}${p.replace(/\//g, '_') || '_home'}-${theme}`;
  const saved = [path.join(screenshotDir, `${slug}-top.png`)];
  // The top of the page as it opens (an audit may have scrolled it).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({path: saved[0]});
  const blocks = page.locator(DIAGRAM_SELECTOR);
  for (let i = 0; i < report.count; i++) {
    const file = path.join(screenshotDir, `${slug}-diagram-${i + 1}.png`);
    await blocks.nth(i).scrollIntoViewIfNeeded();
    await blocks.nth(i).screenshot({path: file});
    saved.push(file);
  }
  return {diagrams, hydration, report, slug, saved};
}

/** On a phone: each diagram in its box, with the line under it when it scrolls sideways (boxes visited). */
async function phoneScreenshots(page: Page, slug: string): Promise<string[]> {
  // A full-page shot does not wait for off-screen diagrams (content-visibility) to paint.
  await page.addStyleTag({content: '.static-diagram * { content-visibility: visible !important; }'});
  const saved: string[] = [];
  const boxes = page.locator('[data-scroll-box="diagram"]');
  for (let i = 0; i < (await boxes.count()); i++) {
    const file = path.join(screenshotDir, `${slug}-phone-diagram-${i + 1}.png`);
    // In page coordinates; the hint sits in the box's bottom margin, outside its bounding box.
    const box = await boxes.nth(i).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {y: r.top + window.scrollY, height: r.height};
    });
    await page.screenshot({path: file, fullPage: true, clip: {x: 0, y: box.y, width: PHONE.width, height: box.height + 24}});
    saved.push(file);
  }
  return saved;
}

function layoutProblems(where: string, layout: DiagramLayout, checkText: boolean): string[] {
  return [
    ...layout.overlaps.map((o) => `${where}: diagram #${o.diagram}: ${o.a} overlaps ${o.b} by ${o.depth} px`),
    ...(checkText ? layout.smallText.map((t) => `${where}: diagram #${t.diagram}: "${t.text}" is ${t.px} px (< ${MIN_TEXT_PX})`) : []),
    ...layout.clipped.map((c) => `${where}: ${c}`),
    ...layout.scrollWithoutHint.map((c) => `${where}: ${c}`),
  ];
}

/** Diagrams and tables at one width, if the page has any (false when it has none). */
async function checkLegibility(
  page: Page,
  sitePage: SitePage,
  theme: Theme,
  size: (typeof WIDTHS)[number],
  found: Legibility,
): Promise<boolean> {
  const has = await page.evaluate(
    () => document.querySelectorAll('.static-diagram, [data-mermaid], article table, main .markdown table').length,
  );
  if (has === 0) return false;
  await visitScrollBoxes(page);
  const where = `${sitePage.pathname} (${theme}, ${size.width} px)`;
  const layout = await measureDiagramLayout(page);
  const tables = await measureTables(page);
  const phone = size === PHONE;
  found.failures.push(...layoutProblems(where, layout, phone));
  if (phone) {
    found.failures.push(...tables.smallText.map((t) => `${where}: table #${t.table}: "${t.text}" is ${t.px} px`));
    found.smallestPhoneText = Math.min(found.smallestPhoneText, layout.smallestTextPx, tables.smallestTextPx);
  }
  found.failures.push(...tables.problems.map((p) => `${where}: ${p}`));
  if (size === DESKTOP) {
    found.checked.push(sitePage.pathname);
    found.diagrams += layout.diagrams;
    found.labels += layout.labels;
  }
  return true;
}

describe('every page of the sitemaps', () => {
  it('lists pages in both locales', () => {
    for (const locale of locales) {
      expect(pages.filter((p) => p.locale === locale).length, `pages in ${locale}`).toBeGreaterThan(0);
    }
  });

  for (const theme of themes) {
    it(`loads cleanly and renders its diagrams in ${theme} mode`, async () => {
      const failures: string[] = [];
      const found: Legibility = {failures: [], checked: [], diagrams: 0, labels: 0, smallestPhoneText: Infinity};
      legibility.set(theme, found);
      let diagrams = 0;
      let staticDiagrams = 0;
      for (const sitePage of pages) {
        const page = await site.browser.newPage(theme);
        const problems = watchProblems(page, site.server.origin);
        const scripts = watchScripts(page, site.server.origin);
        const diagramPage = diagramPageOf(sitePage);
        if (diagramPage) await watchReplacedBlocks(page);
        let loaded = false;
        try {
          const res = await page.goto(sitePage.url, {waitUntil: 'load'});
          if (!res || res.status() !== 200) problems.list.push(`HTTP ${res?.status()} for the page itself`);
          await waitForHydration(page);
          const dataTheme = await page.getAttribute('html', 'data-theme');
          if (dataTheme !== theme) problems.list.push(`html[data-theme] is "${dataTheme}", expected "${theme}"`);
          if (theme === 'light') {
            heads.set(sitePage.pathname, {
              lang: await page.getAttribute('html', 'lang'),
              alternates: await page.$$eval('link[rel="alternate"][hreflang]', (links) =>
                links.map((l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''] as const),
              ),
            });
          }
          if (theme === 'light') {
            mainText.set(
              sitePage.pathname,
              await page.evaluate(() => {
                // The page's own content (a doc's Markdown), not the translated chrome around it.
                const content = document.querySelector<HTMLElement>('.theme-doc-markdown, article .markdown') ??
                  document.querySelector('main');
                return (content?.innerText ?? '').replace(/\s+/g, ' ').trim();
              }),
            );
          }
          if (theme === 'light') {
            social.set(sitePage.pathname, await page.evaluate(() => {
              const meta: Record<string, string> = {};
              document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]').forEach((m) => {
                const key = m.getAttribute('property') ?? m.getAttribute('name') ?? '';
                meta[key] = meta[key] === undefined ? (m.getAttribute('content') ?? '') : `${meta[key]}|${m.getAttribute('content')}`;
              });
              return {
                meta,
                title: document.title,
                description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
              };
            }));
          }
          const report = await checkDiagrams(page, theme);
          diagrams += report.count;
          staticDiagrams += report.staticCount;
          problems.list.push(...report.problems);
          if (/\/docs\/lessons\//.test(sitePage.pathname) && report.count === 0)
            problems.list.push('a lesson page with no diagram (none found in either form)');
          if (process.env.E2E_AXE !== '0') {
            for (const v of await axeViolations(page)) a11y.push(`${sitePage.pathname} [${theme}]: ${v}`);
          }
          // Let late requests (lazy chunks, images) finish before judging.
          await page.waitForLoadState('networkidle', {timeout: 10_000}).catch(() => {});
          // Diagrams drawn at build time: Mermaid's JavaScript must stay off the page.
          if (report.clientCount === 0) {
            for (const js of await scripts.mermaidScripts())
              problems.list.push(`loads the Mermaid library (${js}) though no diagram is drawn in the browser`);
          }
          loaded = true;
        } catch (e) {
          problems.list.push(`could not load: ${(e as Error).message.split('\n')[0]}`);
        }
        for (const p of problems.stop()) failures.push(`${sitePage.pathname} [${theme}]: ${p}`);

        // The same document, at a desktop's and then a phone's width: the diagram page's checks and
        // screenshots, then legibility. Each part reports its own failure, so one cannot hide another.
        let shots: {slug: string; saved: string[]} | undefined;
        if (loaded && diagramPage) {
          const key = `${sitePage.pathname} ${theme}`;
          try {
            const checked = await checkDiagramPage(page, sitePage, theme, diagramPage, scripts);
            diagramPageFindings.set(key, {diagrams: checked.diagrams, hydration: checked.hydration});
            shots = checked;
          } catch (e) {
            diagramPageFindings.set(key, {diagrams: [`could not check: ${(e as Error).message.split('\n')[0]}`], hydration: []});
          }
        }
        if (loaded) {
          try {
            for (const size of WIDTHS) {
              await page.setViewportSize({width: size.width, height: size.height});
              if (!(await checkLegibility(page, sitePage, theme, size, found))) break;
            }
          } catch (e) {
            found.failures.push(`${sitePage.pathname}: ${(e as Error).message.split('\n')[0]}`);
          }
        }
        if (shots) {
          const findings = diagramPageFindings.get(`${sitePage.pathname} ${theme}`)!;
          try {
            // At the phone's width, every scrolling box visited by the legibility check just now.
            if ((page.viewportSize()?.width ?? 0) !== PHONE.width) {
              await page.setViewportSize(PHONE);
              await visitScrollBoxes(page);
            }
            shots.saved.push(...(await phoneScreenshots(page, shots.slug)));
            for (const f of shots.saved) if (fs.statSync(f).size <= 1000) findings.diagrams.push(`${f}: ${fs.statSync(f).size} bytes`);
          } catch (e) {
            findings.diagrams.push(`phone screenshots: ${(e as Error).message.split('\n')[0]}`);
          }
        }
        await page.close();
      }
      console.log(`[pages] ${theme}: ${pages.length} pages, ${diagrams} Mermaid diagrams checked (${staticDiagrams} drawn at build time)`);
      expect(failures, failures.join('\n')).toEqual([]);
      expect(diagrams, 'the site has Mermaid diagrams to check').toBeGreaterThan(0);
    });
  }

  it('has the right <html lang> and hreflang alternates for it, en and x-default', async () => {
    const failures: string[] = [];
    const publicOrigin = new URL(siteUrl).origin;
    for (const sitePage of pages) {
      const {locale, path} = splitLocale(sitePage.pathname);
      const where = sitePage.pathname;
      const head = heads.get(where);
      if (!head) {
        failures.push(`${where}: not visited by the light-mode test`);
        continue;
      }
      const {lang, alternates} = head;
      if (lang !== locale) failures.push(`${where}: <html lang="${lang}">, expected "${locale}"`);
      const expected: Record<string, string> = {
        it: `${publicOrigin}${localePath('it', path)}`,
        en: `${publicOrigin}${localePath('en', path)}`,
        'x-default': `${publicOrigin}${localePath('it', path)}`,
      };
      for (const [hreflang, href] of Object.entries(expected)) {
        const found = alternates.filter(([h]) => h === hreflang).map(([, u]) => u);
        if (found.length !== 1 || found[0] !== href) {
          failures.push(`${where}: hreflang="${hreflang}" is ${JSON.stringify(found)}, expected ${href}`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violation (axe-core), in light and dark mode', () => {
    expect(heads.size, 'pages visited').toBeGreaterThan(0);
    expect(a11y, a11y.join('\n')).toEqual([]);
  });

  it('has Open Graph and Twitter metadata in its own language', () => {
    const failures: string[] = [];
    const publicRoot = `${new URL(siteUrl).origin}${localePath('it', '')}`;
    const ogLocale = {it: 'it_IT', en: 'en_US'} as const;
    for (const sitePage of pages) {
      const where = sitePage.pathname;
      const s = social.get(where);
      if (!s) {
        failures.push(`${where}: not visited`);
        continue;
      }
      const {locale} = splitLocale(where);
      const m = s.meta;
      const want = (key: string, ok: boolean, what: string) => {
        if (!ok) failures.push(`${where}: ${key} ${what} (is ${JSON.stringify(m[key])})`);
      };
      want('og:title', m['og:title'] === s.title, `should equal the page title "${s.title}"`);
      want('og:description', !!m['og:description'] && m['og:description'] === s.description,
        `should be the page's meta description ${JSON.stringify(s.description)}`);
      want('og:image', !!m['og:image']?.startsWith(publicRoot) && /\.(png|jpe?g)$/.test(m['og:image'] ?? ''),
        `should be an absolute PNG/JPEG URL under ${publicRoot}`);
      want('og:locale', m['og:locale'] === ogLocale[locale], `should be ${ogLocale[locale]}`);
      want('og:locale:alternate', m['og:locale:alternate'] === ogLocale[locale === 'it' ? 'en' : 'it'], 'should name the other locale');
      want('og:url', m['og:url'] === `${new URL(siteUrl).origin}${where}`, 'should be the page\'s public URL');
      want('twitter:card', m['twitter:card'] === 'summary_large_image', 'should be summary_large_image');
    }
    // In its own language: the two home pages do not share title or description.
    const home = (l: 'it' | 'en') => social.get(localePath(l, ''));
    if (home('it') && home('en')) {
      if (home('it')!.meta['og:title'] === home('en')!.meta['og:title']) failures.push('home: same og:title in it and en');
      if (home('it')!.meta['og:description'] === home('en')!.meta['og:description'])
        failures.push('home: same og:description in it and en');
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('has a counterpart in the other locale for every page', () => {
    const byLocale = (l: string) =>
      new Set(pages.filter((p) => p.locale === l).map((p) => splitLocale(p.pathname).path));
    const it_ = byLocale('it');
    const en = byLocale('en');
    const missing = [
      ...[...it_].filter((p) => !en.has(p)).map((p) => `${p} has no English page`),
      ...[...en].filter((p) => !it_.has(p)).map((p) => `${p} has no Italian page`),
    ];
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('shows different text in the two languages (no English page falls back to Italian)', () => {
    const same = pages
      .filter((p) => p.locale === 'en')
      .map((p) => {
        const {path} = splitLocale(p.pathname);
        const en = mainText.get(p.pathname);
        const it_ = mainText.get(localePath('it', path));
        return en && it_ && en === it_ ? `${p.pathname} shows the same text as ${localePath('it', path)}` : '';
      })
      .filter(Boolean);
    expect(mainText.size, 'pages whose text was read').toBeGreaterThan(0);
    expect(same, same.join('\n')).toEqual([]);
  });
});

/** What the visit of a diagram page found (it fails when the page was not visited). */
function findingsOf(p: string, locale: (typeof locales)[number], theme: Theme) {
  const pathname = localePath(locale, p);
  expect(pages.map((x) => x.pathname), 'page is in the sitemap').toContain(pathname);
  const findings = diagramPageFindings.get(`${pathname} ${theme}`);
  expect(findings, `${pathname} visited in ${theme} mode (by "loads cleanly … in ${theme} mode")`).toBeDefined();
  return findings!;
}

describe('diagram pages', () => {
  for (const {path: p, minDiagrams} of diagramPages) {
    for (const locale of locales) {
      for (const theme of themes) {
        it(`${locale} ${p} in ${theme} mode: ${minDiagrams}+ diagrams render; screenshots`, () => {
          const {diagrams} = findingsOf(p, locale, theme);
          expect(diagrams, diagrams.join('\n')).toEqual([]);
        });
      }
    }
  }
});

// What a reader gets while a page starts: the server's code blocks and diagrams are kept by
// hydration, not rebuilt, in the right colours for the mode (more in hydration.e2e.ts).
describe('hydration keeps what the server rendered', () => {
  for (const {path: p} of diagramPages) {
    for (const locale of locales) {
      for (const theme of themes) {
        it(`${locale} ${p} in ${theme} mode: no code block or diagram rebuilt; code in the mode's colours`, () => {
          const {hydration} = findingsOf(p, locale, theme);
          expect(hydration, hydration.join('\n')).toEqual([]);
        });
      }
    }
  }
});

describe('diagrams and tables are legible', () => {
  for (const theme of themes) {
    it(`on every page with diagrams or tables, both locales, ${theme} mode, at ${WIDTHS.map((w) => w.width).join(' and ')} px`, () => {
      const found = legibility.get(theme);
      expect(found, `visited in ${theme} mode (by "loads cleanly … in ${theme} mode")`).toBeDefined();
      const {failures, checked, diagrams, labels, smallestPhoneText} = found!;
      console.log(
        `[diagram layout] ${theme}: ${checked.length} pages, ${diagrams} diagrams, ${labels} labels; smallest text at 390 px: ${smallestPhoneText} px`,
      );
      // Every lesson has diagrams; a page that lost them would silently skip the check.
      const lessons = pages.filter((p) => splitLocale(p.pathname).path.startsWith('/docs/lessons/'));
      expect(lessons.length, 'lesson pages in the sitemaps').toBeGreaterThan(0);
      for (const lesson of lessons) expect(checked, 'pages checked').toContain(lesson.pathname);
      expect(labels, 'diagram labels measured').toBeGreaterThan(0);
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});

describe('404 page', () => {
  const cases = [
    {locale: 'it', title: 'Pagina non trovata', link: 'Indice del corso'},
    {locale: 'en', title: 'Page Not Found', link: 'Course index'},
  ] as const;
  for (const c of cases) {
    it(`is localized in ${c.locale} and leads back to the course`, async () => {
      const page = await site.browser.newPage();
      const res = await page.goto(`${site.server.origin}${localePath(c.locale, 'no-such-page-xyz')}`);
      expect(res?.status()).toBe(404);
      await waitForHydration(page);
      expect(await page.getAttribute('html', 'lang')).toBe(c.locale);
      await expect(page.getByRole('heading', {level: 1}).textContent()).resolves.toBe(c.title);
      const href = await page.getByRole('main').getByRole('link', {name: c.link}).getAttribute('href');
      expect(href).toBe(localePath(c.locale, 'docs'));
      await page.close();
    });
  }
});
