import {beforeAll, describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {themes, waitForHydration} from './support/browser';
import {readSitemaps, type SitePage} from './support/sitemap';
import {watchProblems} from './support/problems';
import {checkDiagrams, watchScripts} from './support/mermaid';
import {axeViolations} from './support/axe';
import {localePath, siteUrl, splitLocale, locales} from './support/env';

// Every page of both locales' sitemaps, in light and in dark mode: it loads
// and hydrates with no console error, page error or failing request to our
// server, and every Mermaid diagram renders. Then the <head>: lang, hreflang.

const site = useServedSite();
let pages: SitePage[];
/** What the light-mode visit saw in each page's <head>, checked by the hreflang test. */
const heads = new Map<string, {lang: string | null; alternates: (readonly [string, string])[]}>();
/** Open Graph / Twitter tags of each page (light-mode visit). */
const social = new Map<string, {meta: Record<string, string>; title: string; description: string | null}>();
/** Accessibility violations per page and theme. */
const a11y: string[] = [];
/** The text of each page's <main>, to catch an English page that falls back to Italian. */
const mainText = new Map<string, string>();

beforeAll(async () => {
  pages = await readSitemaps(site.server.origin);
});


describe('every page of the sitemaps', () => {
  it('lists pages in both locales', () => {
    for (const locale of locales) {
      expect(pages.filter((p) => p.locale === locale).length, `pages in ${locale}`).toBeGreaterThan(0);
    }
  });

  for (const theme of themes) {
    it(`loads cleanly and renders its diagrams in ${theme} mode`, async () => {
      const failures: string[] = [];
      let diagrams = 0;
      let staticDiagrams = 0;
      for (const sitePage of pages) {
        const page = await site.browser.newPage(theme);
        const problems = watchProblems(page, site.server.origin);
        const scripts = watchScripts(page, site.server.origin);
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
        } catch (e) {
          problems.list.push(`could not load: ${(e as Error).message.split('\n')[0]}`);
        }
        for (const p of problems.stop()) failures.push(`${sitePage.pathname} [${theme}]: ${p}`);
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
