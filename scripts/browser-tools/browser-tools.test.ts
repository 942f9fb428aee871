import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {pickEncoding, resolveStatic, startStaticServer} from './static-server.mjs';
import {findChromium} from './chromium.mjs';

describe('resolveStatic', () => {
  const root = '/site';
  const files = new Set(['/site/index.html', '/site/docs.html', '/site/en/index.html', '/site/assets/a.js']);
  const isFile = (f: string) => files.has(f);
  it('serves Docusaurus pages built with trailingSlash: false', () => {
    expect(resolveStatic(root, '/', isFile)).toBe('/site/index.html');
    expect(resolveStatic(root, '/docs', isFile)).toBe('/site/docs.html');
    expect(resolveStatic(root, '/en/', isFile)).toBe('/site/en/index.html');
    expect(resolveStatic(root, '/en', isFile)).toBe('/site/en/index.html');
    expect(resolveStatic(root, '/assets/a.js?v=1', isFile)).toBe('/site/assets/a.js');
    expect(resolveStatic(root, '/missing', isFile)).toBeUndefined();
  });
  it('never serves a file outside the build folder', () => {
    const outside = (f: string) => f === '/etc/passwd';
    expect(resolveStatic(root, '/../etc/passwd', outside)).toBeUndefined();
    expect(resolveStatic(root, '/%2e%2e/etc/passwd', outside)).toBeUndefined();
  });
});

describe('pickEncoding', () => {
  it('prefers brotli like a static host, then gzip', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('gzip;q=1.0, identity')).toBe('gzip');
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});

describe('startStaticServer', () => {
  it('serves pages and assets under the base URL, each locale its own 404, compressed only as a host', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'static-server-'));
    for (const [file, text] of Object.entries({
      'index.html': 'home',
      'docs.html': 'docs',
      '404.html': 'it 404',
      'en/404.html': 'en 404',
      'assets/js/a.js': 'x'.repeat(2000),
    })) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), text);
    }
    const plain = await startStaticServer({dir, base: '/site/', locales: ['en']});
    const host = await startStaticServer({dir, host: true});
    try {
      const get = (url: string, init?: RequestInit) => fetch(url, init);
      expect(await (await get(`${plain.root}docs`)).text()).toBe('docs');
      const missing = await get(`${plain.root}en/nothing`);
      expect([missing.status, await missing.text()]).toEqual([404, 'en 404']);
      expect((await get(`${plain.origin}/elsewhere`)).status).toBe(404);
      expect((await get(`${plain.root}assets/js/a.js`)).headers.get('cache-control')).toBe('no-cache');
      const compressed = await get(`${host.root}assets/js/a.js`, {headers: {'accept-encoding': 'gzip'}});
      expect(compressed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(plain.log.map((entry) => entry.status)).toEqual([200, 404, 404, 200]);
      expect(compressed.headers.get('content-encoding')).toBe('gzip');
      expect(await compressed.text()).toBe('x'.repeat(2000));
    } finally {
      await plain.close();
      await host.close();
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('findChromium', () => {
  const has = (...files: string[]) => (file: string) => files.includes(file);
  it('prefers CHROMIUM_PATH, and reports one that does not exist instead of guessing', () => {
    expect(findChromium({CHROMIUM_PATH: '/opt/c'}, has('/opt/c', '/usr/bin/chromium'))).toEqual({found: true, path: '/opt/c'});
    expect(findChromium({CHROMIUM_PATH: '/nope'}, has('/usr/bin/chromium')).found).toBe(false);
  });
  it('falls back to the usual install paths, then to nothing', () => {
    expect(findChromium({}, has('/usr/bin/google-chrome'))).toEqual({found: true, path: '/usr/bin/google-chrome'});
    expect(findChromium({}, has()).found).toBe(false);
  });
});
