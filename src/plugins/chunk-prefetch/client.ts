/**
 * Stands in for @docusaurus/core's client prefetch helper (aliased by src/plugins/chunk-prefetch).
 *
 * Docusaurus prefetches the chunks of every route a visible link leads to, calling this helper
 * once per chunk of each matching route entry. Nested doc routes share their path, so upstream
 * asked for the same files many times over: on lesson 02, 99 `<link rel=prefetch>` for 12 files,
 * all appended in one task right after hydration (~90 ms at 4× CPU, on every doc page).
 * Here each file is asked for once, not at all when the page already fetched it, and the links
 * are added when the browser is idle.
 */

/** What the prefetcher needs from the page, injected so the logic is testable without a DOM. */
export interface PrefetchHost {
  /** The page already fetched this URL (one of its own chunks). */
  isLoaded(url: string): boolean;
  /** Asks the browser to fetch the URL at low priority; settles when it is done or failed. */
  fetchLater(url: string): Promise<void>;
  /** Runs the task when the main thread is idle. */
  whenIdle(task: () => void): void;
}

export function createChunkPrefetcher(host: PrefetchHost): (url: string) => Promise<void> {
  const requested = new Map<string, Promise<void>>();
  let queue: {url: string; done: () => void}[] = [];

  const flush = () => {
    const batch = queue;
    queue = [];
    for (const {url, done} of batch) {
      if (host.isLoaded(url)) done();
      else host.fetchLater(url).then(() => done(), () => done());
    }
  };

  return (url) => {
    const known = requested.get(url);
    if (known) return known;
    const promise = new Promise<void>((done) => {
      if (queue.length === 0) host.whenIdle(flush);
      queue.push({url, done});
    });
    requested.set(url, promise);
    return promise;
  };
}

function supportsLinkPrefetch(): boolean {
  try {
    return document.createElement('link').relList.supports('prefetch');
  } catch {
    return false;
  }
}

const browserHost: PrefetchHost = {
  isLoaded(url) {
    // Webpack removes a chunk's <script> once it has run; the resource timeline keeps its URL.
    return performance.getEntriesByName(new URL(url, document.baseURI).href).length > 0;
  },
  fetchLater(url) {
    // Safari has no <link rel=prefetch>: fetch it, as upstream's fallback does.
    if (!supportsLinkPrefetch()) return fetch(url, {credentials: 'include'}).then(() => undefined);
    return new Promise((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = url;
      link.onload = () => resolve();
      link.onerror = () => reject(new Error(`prefetch failed: ${url}`));
      document.head.appendChild(link);
    });
  },
  whenIdle(task) {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, {timeout: 3000});
    else setTimeout(task, 200);
  },
};

let prefetchInBrowser: ((url: string) => Promise<void>) | undefined;

/** Upstream's signature: settles once the file is fetched or failed, and never rejects. */
export default function prefetch(url: string): Promise<void> {
  prefetchInBrowser ??= createChunkPrefetcher(browserHost);
  return prefetchInBrowser(url);
}
