// A static host for a Docusaurus build: brotli/gzip, long cache for hashed
// assets, 404.html for unknown paths. Used by `npm run bench`.
import {createReadStream, existsSync, readFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import {isCompressible, pickEncoding, resolveStatic} from './lib.mjs';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export /** A static server with brotli/gzip and a host's cache headers, on a free port. */
async function serve(/** @type {string} */ root) {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    const file = resolveStatic(root, req.url ?? '/');
    if (!file) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, {'content-type': TYPES['.html']});
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const ext = path.extname(file);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': file.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
      vary: 'Accept-Encoding',
    };
    const encoding = isCompressible(file) ? pickEncoding(req.headers['accept-encoding']) : undefined;
    if (!encoding) {
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
      return;
    }
    const key = `${encoding}:${file}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? zlib.brotliCompressSync(raw, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}})
          : zlib.gzipSync(raw, {level: 9});
      cache.set(key, body);
    }
    res.writeHead(200, {...headers, 'content-encoding': encoding, 'content-length': body.length});
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {server, origin: `http://127.0.0.1:${address.port}`};
}

