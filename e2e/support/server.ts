import {startStaticServer as startServer, type StaticServer} from '../../scripts/browser-tools/static-server.mjs';
import {buildDir, baseUrl, defaultLocale, locales} from './env';

// The built site (BUILD_DIR, BASE_URL) on the static host the bench uses too
// (scripts/browser-tools/static-server.mjs), uncompressed and uncached so the suite sees every request.

export type {StaticServer};
export {resolveStatic} from '../../scripts/browser-tools/static-server.mjs';

export function startStaticServer(): Promise<StaticServer> {
  return startServer({dir: buildDir, base: baseUrl, locales: locales.filter((l) => l !== defaultLocale)});
}
