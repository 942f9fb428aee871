import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  discoverPages,
  formatTable,
  localizedPath,
  pickEncoding,
  resolveStatic,
  summarizeLighthouse,
} from './lib.mjs';

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

describe('discoverPages', () => {
  it('lists home, course index and every lesson of each locale', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
    for (const d of ['docs/lessons', 'en/docs/lessons']) mkdirSync(path.join(dir, d), {recursive: true});
    writeFileSync(path.join(dir, 'docs/lessons/hotfix-workflow.html'), '');
    writeFileSync(path.join(dir, 'docs/lessons/feature-branch.html'), '');
    writeFileSync(path.join(dir, 'en/docs/lessons/hotfix-workflow.html'), '');
    expect(discoverPages(dir, ['it', 'en']).map((p) => `${p.kind} ${p.path}`)).toEqual([
      'home /',
      'index /docs',
      'lesson /docs/lessons/feature-branch',
      'lesson /docs/lessons/hotfix-workflow',
      'home /en/',
      'index /en/docs',
      'lesson /en/docs/lessons/hotfix-workflow',
    ]);
    expect(localizedPath('/docs', 'en', ['it', 'en'])).toBe('/en/docs');
    expect(localizedPath('/docs', 'it', ['it', 'en'])).toBe('/docs');
  });
});

describe('summarizeLighthouse / formatTable', () => {
  it('turns a report into scores out of 100 and the metrics', () => {
    const lhr = {
      categories: {
        performance: {score: 0.96},
        accessibility: {score: 1},
        'best-practices': {score: 1},
        seo: {score: 0.92},
      },
      audits: {
        'total-blocking-time': {numericValue: 120.4, score: 1, scoreDisplayMode: 'numeric'},
        'largest-contentful-paint': {numericValue: 1800, score: 0.9, scoreDisplayMode: 'numeric'},
        'cumulative-layout-shift': {numericValue: 0.01, score: 1, scoreDisplayMode: 'numeric'},
        'meta-description': {score: 0, scoreDisplayMode: 'binary'},
      },
    };
    const s = summarizeLighthouse(lhr);
    expect(s).toMatchObject({performance: 96, accessibility: 100, bestPractices: 100, seo: 92, tbtMs: 120.4, cls: 0.01});
    expect(s.failedAudits).toEqual(['largest-contentful-paint', 'meta-description']);
    expect(summarizeLighthouse(undefined).performance).toBeNull();
    const table = formatTable([{path: '/docs', reference: true, jsGzipBytes: 2048, jsTransferredBytes: 1024, jsRatio: 1, ...s}]);
    expect(table).toContain('/docs (ref)');
    expect(table).toMatch(/2\.0\s+1\.0\s+1\.00\s+96\s+100\s+100\s+92\s+120\s+1800\s+0\.010/);
  });
});
