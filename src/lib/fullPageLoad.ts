/**
 * What a component does when a module it needs cannot be downloaded on a page reached by
 * client-side navigation (a flaky connection, or a page left open across a deploy that removed
 * the old hashed file): load the same URL in full, whose HTML has what the module held. Once per
 * URL and minute, so that a load that fails again ends in the component's message, not a loop;
 * never on the dev server, whose HTML has nothing more.
 */

/** How long a full load of a URL counts as already tried. */
export const RETRY_AFTER_MS = 60_000;
const STORAGE_KEY = 'course.fullPageLoads';

export interface FullLoadHost {
  url: string;
  now: number;
  read(): string | null;
  write(value: string): void;
  load(): void;
}

/** Loads `host.url` in full unless that was tried within RETRY_AFTER_MS; true when it does. */
export function loadInFull(host: FullLoadHost): boolean {
  let tried: Record<string, number> = {};
  try {
    tried = JSON.parse(host.read() ?? '{}') as Record<string, number>;
  } catch {
    // unreadable: start afresh
  }
  const last = tried[host.url];
  if (last !== undefined && host.now - last < RETRY_AFTER_MS) return false;
  const recent = Object.fromEntries(Object.entries(tried).filter(([, time]) => host.now - time < RETRY_AFTER_MS));
  try {
    host.write(JSON.stringify({...recent, [host.url]: host.now}));
  } catch {
    // No storage (private mode, disabled): without a record a failing load could repeat forever.
    return false;
  }
  host.load();
  return true;
}

/** The URL this page is reloading, so that every block asking next gets the same answer. */
let reloading: string | undefined;

/** In the browser: the page's URL, sessionStorage, `location.reload()`. */
export function loadPageInFull(): boolean {
  if (process.env.NODE_ENV !== 'production' || typeof window === 'undefined') return false;
  if (reloading === window.location.href) return true;
  const loads = loadInFull({
    url: window.location.href,
    now: Date.now(),
    read: () => window.sessionStorage.getItem(STORAGE_KEY),
    write: (value) => window.sessionStorage.setItem(STORAGE_KEY, value),
    load: () => window.location.reload(),
  });
  if (loads) reloading = window.location.href;
  return loads;
}
