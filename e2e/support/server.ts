import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type {AddressInfo} from 'node:net';
import {buildDir, baseUrl as defaultBase, locales, defaultLocale} from './env';

// A tiny static host for the built site, like GitHub Pages or any CDN would be:
// `/docs` -> `docs.html` or `docs/index.html`; misses get the locale's 404.html
// with status 404. Listens on a free port chosen by the OS.

export interface StaticServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** origin + baseUrl, e.g. http://127.0.0.1:40123/corso-git/ */
  root: string;
  /** Every request the server answered, with its status (for diagnostics). */
  log: {path: string; status: number}[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.map': 'application/json; charset=utf-8',
};

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The file that answers `rel` (a path inside the build, no leading slash), or null. */
export function resolveFile(dir: string, rel: string): string | null {
  const target = path.resolve(dir, rel);
  if (target !== dir && !target.startsWith(dir + path.sep)) return null; // no ../ escapes
  const candidates = [target, path.join(target, 'index.html')];
  if (!path.extname(target)) candidates.push(`${target}.html`);
  return candidates.find(isFile) ?? null;
}

export async function startStaticServer(
  options: {dir?: string; base?: string} = {},
): Promise<StaticServer> {
  const dir = path.resolve(options.dir ?? buildDir);
  const base = options.base ?? defaultBase;
  if (!isFile(path.join(dir, 'index.html'))) {
    throw new Error(
      `No built site in ${dir}: run \`npm run build\` first (or set BUILD_DIR to the build folder).`,
    );
  }
  const log: StaticServer['log'] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const send = (status: number, file: string | null, body?: string) => {
      log.push({path: url.pathname, status});
      if (file) {
        res.writeHead(status, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        fs.createReadStream(file).pipe(res);
      } else {
        res.writeHead(status, {'content-type': 'text/plain; charset=utf-8'});
        res.end(body ?? '');
      }
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, 'Method not allowed');
    if (!pathname.startsWith(base)) {
      if (pathname === base.replace(/\/$/, '')) {
        res.writeHead(301, {location: base});
        return res.end();
      }
      return send(404, null, `Outside the base URL ${base}`);
    }
    const rel = pathname.slice(base.length);
    const file = resolveFile(dir, rel);
    if (file) return send(200, file);
    const locale = locales.find((l) => l !== defaultLocale && (rel === l || rel.startsWith(`${l}/`)));
    const notFound = path.join(dir, locale ?? '', '404.html');
    return send(404, isFile(notFound) ? notFound : null, 'Not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${base}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
