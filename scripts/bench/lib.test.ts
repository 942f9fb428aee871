import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  compareToOn,
  discoverPages,
  formatTable,
  formatUpstreamTable,
  localizedPath,
  summarize,
  summarizeLighthouse,
} from './lib.mjs';

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
    const cpu = {median: 410, noise: 12, min: 398, max: 422, n: 5};
    const table = formatTable([{path: '/docs', reference: true, jsGzipBytes: 2048, jsTransferredBytes: 1024, jsRatio: 1, cpu, cpuRatio: 1, ...s}]);
    expect(table).toContain('/docs (ref)');
    expect(table).toMatch(/2\.0\s+1\.0\s+1\.00\s+410 ±12\s+1\.00\s+96\s+100\s+100\s+92\s+120\s+1800\s+0\.010/);
  });
});

describe('summarize / compareToOn / formatUpstreamTable', () => {
  it('takes the median of repeated measures, and half their spread as the noise', () => {
    expect(summarize([30, 10, 20])).toEqual({median: 20, noise: 10, min: 10, max: 30, n: 3});
    expect(summarize([10, 20, 30, 40])?.median).toBe(25);
    expect(summarize([])).toBeNull();
  });
  it('says whether a replacement off moves a figure beyond the noise', () => {
    const on = {median: 100, noise: 5};
    expect(compareToOn(on, {median: 130, noise: 4})).toEqual({delta: 30, noise: 5, beyondNoise: true});
    expect(compareToOn(on, {median: 103, noise: 8})).toEqual({delta: 3, noise: 8, beyondNoise: false});
    const table = formatUpstreamTable([
      {name: 'prism', module: 'prism-react-renderer', jsGzipDelta: 10240, cpu: compareToOn(on, {median: 103, noise: 8}), hydrated: null, prefetchLinksDelta: 0},
    ]);
    expect(table).toMatch(/prism\s+prism-react-renderer\s+\+10\.0\s+\+3 ±8 \(noise\)\s+-\s+-\s+\+0/);
  });
});
