import type {Page} from 'playwright-core';

// Collects what a learner would see as "broken" on a page: console errors,
// uncaught exceptions, and requests to our own server that fail or get 4xx/5xx.

export interface PageProblems {
  list: string[];
  /** Stops listening and returns the problems seen. */
  stop(): string[];
}

export function watchProblems(page: Page, origin: string): PageProblems {
  const list: string[] = [];
  const own = (url: string) => url.startsWith(origin);
  const short = (url: string) => (own(url) ? url.slice(origin.length) : url);

  const onConsole = (msg: import('playwright-core').ConsoleMessage) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      list.push(`console error: ${msg.text()}${loc.url ? ` (at ${short(loc.url)})` : ''}`);
    }
  };
  const onPageError = (err: Error) => list.push(`page error: ${err.message}`);
  const onFailed = (req: import('playwright-core').Request) => {
    if (own(req.url())) list.push(`request failed: ${short(req.url())} (${req.failure()?.errorText ?? '?'})`);
  };
  const onResponse = (res: import('playwright-core').Response) => {
    if (own(res.url()) && res.status() >= 400) {
      list.push(`HTTP ${res.status()}: ${short(res.url())}`);
    }
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  return {
    list,
    stop() {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
      return [...list];
    },
  };
}
