import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createChunkPrefetcher, type PrefetchHost} from './client';
import {upstreamPrefetchHelper} from '.';

/** A page that records what is fetched, runs idle tasks when told, and settles fetches on demand. */
function fakePage(loadedScripts: string[] = []) {
  const fetched: string[] = [];
  const idleTasks: (() => void)[] = [];
  const pending = new Map<string, {ok: () => void; fail: (e: Error) => void}>();
  const host: PrefetchHost = {
    isLoaded: (url) => loadedScripts.includes(url),
    fetchLater: (url) => {
      fetched.push(url);
      return new Promise((ok, fail) => pending.set(url, {ok, fail}));
    },
    whenIdle: (task) => idleTasks.push(task),
  };
  const runIdle = () => idleTasks.splice(0).forEach((task) => task());
  return {host, fetched, idleTasks, runIdle, pending};
}

describe('createChunkPrefetcher', () => {
  it('fetches each file once however many routes ask for it', () => {
    const page = fakePage();
    const prefetch = createChunkPrefetcher(page.host);
    // What upstream asks for on a lesson: the nested doc routes repeat the same chunks.
    for (let route = 0; route < 3; route++) for (const file of ['/a.js', '/b.js', '/c.js']) void prefetch(file);
    page.runIdle();
    void prefetch('/a.js');
    page.runIdle();
    expect(page.fetched).toEqual(['/a.js', '/b.js', '/c.js']);
  });

  it('waits for the browser to be idle, with one idle task per burst of requests', () => {
    const page = fakePage();
    const prefetch = createChunkPrefetcher(page.host);
    void prefetch('/a.js');
    void prefetch('/b.js');
    expect(page.fetched).toEqual([]);
    expect(page.idleTasks).toHaveLength(1);
    page.runIdle();
    expect(page.fetched).toEqual(['/a.js', '/b.js']);
    void prefetch('/c.js');
    expect(page.idleTasks).toHaveLength(1);
  });

  it('does not fetch a file the page already fetched (one of its own chunks)', async () => {
    const page = fakePage(['/page-chunk.js']);
    const prefetch = createChunkPrefetcher(page.host);
    const settled = prefetch('/page-chunk.js');
    page.runIdle();
    await expect(settled).resolves.toBeUndefined();
    expect(page.fetched).toEqual([]);
  });

  it('settles when the file arrives or fails, and never rejects (as upstream)', async () => {
    const page = fakePage();
    const prefetch = createChunkPrefetcher(page.host);
    const ok = prefetch('/ok.js');
    const failed = prefetch('/gone.js');
    page.runIdle();
    let okSettled = false;
    void ok.then(() => (okSettled = true));
    await Promise.resolve();
    expect(okSettled).toBe(false);
    page.pending.get('/ok.js')!.ok();
    page.pending.get('/gone.js')!.fail(new Error('404'));
    await expect(ok).resolves.toBeUndefined();
    await expect(failed).resolves.toBeUndefined();
  });
});

describe('the upstream helper this module replaces', () => {
  it('is the module core imports as ./prefetch, with one default export taking a URL', () => {
    const [withoutExtension, file] = upstreamPrefetchHelper();
    const source = fs.readFileSync(file!, 'utf8');
    expect(source).toMatch(/^export default function prefetch\(url\)/m);
    expect(source.match(/^export /gm)).toHaveLength(1);
    const importer = fs.readFileSync(`${withoutExtension!.replace(/prefetch$/, 'docusaurus.js')}`, 'utf8');
    expect(importer).toContain("import prefetchHelper from './prefetch';");
  });
});
