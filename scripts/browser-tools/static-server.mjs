// @ts-check
/**
 * A static host for a Docusaurus build (trailingSlash: false), one for the browser suite and the
 * bench: `/docs` -> `docs.html` or `docs/index.html`; paths outside the base URL and misses get
 * the locale's 404.html with status 404; listens on a free port of 127.0.0.1.
 * `host: true` answers as a production host would (brotli or gzip, long cache for hashed assets:
 * what the bench measures); otherwise every answer is uncompressed and `no-cache`, so the
 * browser suite sees every request.
 */
import {createReadStream, readFileSync, statSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

/** @type {Record<string, string>} */
const TYPES = {
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

/** @param {string} file */
function defaultIsFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The file of the build that answers a URL path (relative to the base URL, query allowed):
 * `/docs/x` -> `docs/x.html`, `/en/` -> `en/index.html`. Undefined if none, or if the path
 * escapes the build folder.
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
  const absolute = path.resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (absolute !== root && !absolute.startsWith(root + path.sep)) return undefined;
  const candidates = decoded.endsWith('/')
    ? [path.join(absolute, 'index.html')]
    : [absolute, `${absolute}.html`, path.join(absolute, 'index.html')];
  return candidates.find((file) => isFile(file));
}

/**
 * The response encoding a static host would pick.
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

/** @param {string} base */
function normaliseBase(base) {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/**
 * @typedef {object} StaticServer
 * @property {string} origin e.g. http://127.0.0.1:40123
 * @property {string} root origin + base URL, e.g. http://127.0.0.1:40123/corso-git/
 * @property {{path: string, status: number}[]} log every request answered, with its status
 * @property {() => Promise<void>} close
 */

/**
 * Serves a built site.
 * @param {{dir: string, base?: string, locales?: string[], host?: boolean}} options
 *   `locales`: the non-default locales, whose paths get their own 404.html
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({dir, base = '/', locales = [], host = false}) {
  const root = path.resolve(dir);
  const baseUrl = normaliseBase(base);
  if (!defaultIsFile(path.join(root, 'index.html'))) {
    throw new Error(`No built site in ${root}: run \`npm run build\` first (or set BUILD_DIR to the build folder).`);
  }
  /** @type {StaticServer['log']} */
  const log = [];
  /** @type {Map<string, Buffer>} */
  const compressed = new Map();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    /** @param {number} status @param {string | undefined} file @param {string} [body] */
    const send = (status, file, body) => {
      log.push({path: url.pathname, status});
      if (!file) {
        res.writeHead(status, {'content-type': 'text/plain; charset=utf-8'});
        res.end(body ?? '');
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': !host
          ? 'no-cache'
          : file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=0, must-revalidate',
        ...(host ? {vary: 'Accept-Encoding'} : {}),
      };
      const encoding = host && isCompressible(file) ? pickEncoding(req.headers['accept-encoding']) : undefined;
      if (!encoding) {
        res.writeHead(status, headers);
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
        return;
      }
      const key = `${encoding}:${file}`;
      let bytes = compressed.get(key);
      if (!bytes) {
        const raw = readFileSync(file);
        bytes =
          encoding === 'br'
            ? zlib.brotliCompressSync(raw, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}})
            : zlib.gzipSync(raw, {level: 9});
        compressed.set(key, bytes);
      }
      res.writeHead(status, {...headers, 'content-encoding': encoding, 'content-length': bytes.length});
      res.end(req.method === 'HEAD' ? undefined : bytes);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, undefined, 'Method not allowed');
    if (!url.pathname.startsWith(baseUrl)) {
      if (url.pathname === baseUrl.replace(/\/$/, '')) {
        res.writeHead(301, {location: baseUrl});
        res.end();
        return undefined;
      }
      return send(404, undefined, `Outside the base URL ${baseUrl}`);
    }
    const rel = url.pathname.slice(baseUrl.length);
    const file = resolveStatic(root, `/${rel}`);
    if (file) return send(200, file);
    const locale = locales.find((l) => rel === l || rel.startsWith(`${l}/`));
    const notFound = path.join(root, locale ?? '', '404.html');
    return send(404, defaultIsFile(notFound) ? notFound : undefined, 'Not found');
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server: no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    root: `${origin}${baseUrl}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
