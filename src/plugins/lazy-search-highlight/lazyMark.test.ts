import {beforeEach, describe, expect, it, vi} from 'vitest';

// What the search plugin calls, recorded instead of walking a DOM.
const calls: string[] = [];
vi.mock('mark.js/dist/mark.es6.js', () => ({
  default: class FakeMark {
    mark(keywords: string[]) {
      calls.push(`mark ${keywords.join(',')}`);
    }
    unmark() {
      calls.push('unmark');
    }
  },
}));

const {default: LazyMark} = await import('./lazyMark');

/** An article with or without highlights left by mark.js. */
function article(highlighted: boolean): Element {
  return {querySelector: (selector: string) => (highlighted && selector === 'mark[data-markjs]' ? {} : null)} as unknown as Element;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyMark', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('does nothing, and loads nothing, to clear a page with no highlights (every ordinary page load)', async () => {
    new LazyMark(article(false)).unmark();
    await settle();
    expect(calls).toEqual([]);
  });

  it('clears highlights that are there, then marks the searched words, in the order called', async () => {
    const mark = new LazyMark(article(true));
    mark.unmark();
    mark.mark(['stash', 'worktree']);
    await settle();
    expect(calls).toEqual(['unmark', 'mark stash,worktree']);
  });
});
