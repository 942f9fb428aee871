import {describe, expect, it} from 'vitest';
import {useServedSite} from './support/site';
import {measureDiagramLayout} from './support/diagramLayout';

// The legibility checker of e2e/support/diagramLayout.ts, tested on a page drawn for it. It
// measures every page of both sitemaps during pages.e2e.ts's visit of each page (one load per page
// and mode for all of that file's checks): in light and dark mode, at desktop and phone width, no
// two labels of a diagram (commit messages, branch names, tags) overlap, nor a label a commit's
// dot, measured exactly, rotated labels included; at phone width every diagram's and table's text
// is at least MIN_TEXT_PX as rendered, and a diagram or table wider than the page scrolls sideways
// in its own box, which says so.

const site = useServedSite();

describe('the checker itself', () => {
  it('measures rotated labels exactly: parallel diagonal labels whose axis-aligned boxes meet do not overlap; crossing ones do, and so does a label over a commit dot', async () => {
    const page = await site.browser.newPage();
    // Two commit labels turned -45 degrees, 30 px apart along their normal: their axis-aligned
    // boxes intersect widely, the labels themselves do not. A third one, flat, crosses the first
    // near its lower end, clear of the second.
    const label = (id: string, x: number, y: number, angle: number, width = 160) =>
      `<g transform="rotate(${angle}, ${x}, ${y})"><rect class="commit-label-bkg" x="${x}" y="${y}" width="${width}" height="16"></rect>` +
      `<text class="commit-label" x="${x + 2}" y="${y + 12}" font-size="12">${id}</text></g>`;
    await page.setContent(
      `<div class="static-diagram"><svg width="400" height="400" viewBox="0 0 400 400"><title>t</title>` +
        label('first', 100, 200, -45) +
        label('parallel', 100 + 30 * Math.SQRT1_2, 200 + 30 * Math.SQRT1_2, -45) +
        label('crossing', 40, 170, 0, 110) +
        // A commit dot under the second label, and one clear of every label.
        `<g class="commit-bullets"><circle cx="${100 + 30 * Math.SQRT1_2 + 60}" cy="${200 + 30 * Math.SQRT1_2 - 50}" r="8"></circle>` +
        `<circle cx="350" cy="350" r="8"></circle></g>` +
        `<text x="10" y="390" font-size="8">tiny</text></svg></div>`,
    );
    const layout = await measureDiagramLayout(page);
    expect(layout.labels).toBe(3);
    expect(layout.overlaps.map((o) => [o.a, o.b])).toEqual([
      ['commit "first"', 'commit "crossing"'],
      ['commit "parallel"', 'commit dot #1'],
    ]);
    expect(layout.smallText.map((t) => [t.text, t.px])).toEqual([['tiny', 8]]);
    await page.close();
  });
});
