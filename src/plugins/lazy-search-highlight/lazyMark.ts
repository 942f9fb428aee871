/**
 * Stands in for mark.js in the browser bundle (aliased by src/plugins/lazy-search-highlight). The search plugin highlights the searched words on the page a result
 * leads to (`?_highlight=…`), and to clear old highlights it runs mark.js's `unmark()` over the
 * whole article on every page load: a walk of every text node of a lesson, and mark.js in every
 * page's JavaScript. Here mark.js is downloaded only when there is something to mark or unmark.
 */
type MarkOptions = Record<string, unknown>;
interface MarkInstance {
  mark(keywords: string | string[], options?: MarkOptions): void;
  unmark(options?: MarkOptions): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

// A different file of the same package than the one aliased to this module.
const loadMark = (): Promise<MarkConstructor> =>
  // @ts-expect-error -- mark.js ships no types; the constructor's shape is declared above.
  import('mark.js/dist/mark.es6.js').then((module: {default: MarkConstructor}) => module.default);

/** Highlights mark.js made: its <mark> elements carry data-markjs. */
const MARKED = 'mark[data-markjs]';

export default class LazyMark {
  private readonly context: Element;
  // Calls run in order, as they would synchronously.
  private queue: Promise<void> = Promise.resolve();

  constructor(context: Element) {
    this.context = context;
  }

  private run(action: (mark: MarkInstance) => void): void {
    this.queue = this.queue
      .then(loadMark)
      .then((Mark) => action(new Mark(this.context)))
      .catch((error: unknown) => console.warn('Search highlighting unavailable:', error));
  }

  mark(keywords: string | string[], options?: MarkOptions): void {
    this.run((mark) => mark.mark(keywords, options));
  }

  unmark(options?: MarkOptions): void {
    // Nothing highlighted (every page load but one from a search result): nothing to load or walk.
    if (!this.context.querySelector(MARKED)) return;
    this.run((mark) => mark.unmark(options));
  }
}
