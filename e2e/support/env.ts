import path from 'node:path';

// Everything the suite reads from the environment, in one place.

/** Folder of the built site (the output of `docusaurus build`). */
export const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');

/** The `baseUrl` the site was built with: `BASE_URL`, passed on by e2e/vitest.config.ts. */
export const baseUrl = normaliseBase(process.env.E2E_BASE_URL ?? '/');

/** The `url` the site was built with: sitemaps hold absolute URLs on this host. */
export const siteUrl = process.env.SITE_URL ?? 'https://corso-git.example.org';

/** Where screenshots go (printed by the test that writes them). */
export const screenshotDir = path.resolve(
  process.env.E2E_SCREENSHOT_DIR ?? 'test-results/screenshots',
);

export const locales = ['it', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'it';

function normaliseBase(base: string): string {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/** `/corso-git/` + `en/` + `docs` -> `/corso-git/en/docs`; locale it has no prefix. */
export function localePath(locale: Locale, pathInLocale: string): string {
  const rest = pathInLocale.replace(/^\//, '');
  return `${baseUrl}${locale === defaultLocale ? '' : `${locale}/`}${rest}`;
}

/** The locale a site path belongs to, and the path inside that locale (always starting with /). */
export function splitLocale(pathname: string): {locale: Locale; path: string} {
  if (!pathname.startsWith(baseUrl)) {
    throw new Error(`${pathname} is outside the base URL ${baseUrl}`);
  }
  const rest = pathname.slice(baseUrl.length);
  for (const locale of locales) {
    if (locale === defaultLocale) continue;
    if (rest === locale || rest.startsWith(`${locale}/`)) {
      return {locale, path: `/${rest.slice(locale.length + 1)}`};
    }
  }
  return {locale: defaultLocale, path: `/${rest}`};
}
