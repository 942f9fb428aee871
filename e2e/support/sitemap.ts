import {locales, localePath, siteUrl, type Locale} from './env';

// The pages of the site, as both locales' sitemaps list them, rewritten from
// the public host (SITE_URL) to the local server.

export interface SitePage {
  locale: Locale;
  /** Full local URL, e.g. http://127.0.0.1:40123/en/docs */
  url: string;
  /** Path on the server, e.g. /en/docs */
  pathname: string;
}

export function parseSitemap(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export async function readSitemaps(origin: string): Promise<SitePage[]> {
  const pages: SitePage[] = [];
  const publicOrigin = new URL(siteUrl).origin;
  for (const locale of locales) {
    const sitemapUrl = `${origin}${localePath(locale, 'sitemap.xml')}`;
    const res = await fetch(sitemapUrl);
    if (!res.ok) throw new Error(`${sitemapUrl}: HTTP ${res.status} (is the sitemap plugin on?)`);
    const locs = parseSitemap(await res.text());
    if (locs.length === 0) throw new Error(`${sitemapUrl} lists no page`);
    for (const loc of locs) {
      const u = new URL(loc);
      if (u.origin !== publicOrigin) {
        throw new Error(`${sitemapUrl}: ${loc} is not on SITE_URL ${siteUrl} (built with another SITE_URL?)`);
      }
      pages.push({locale, url: `${origin}${u.pathname}${u.search}`, pathname: u.pathname});
    }
  }
  return pages;
}
