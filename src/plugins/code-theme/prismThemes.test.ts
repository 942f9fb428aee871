import {describe, expect, it} from 'vitest';
import {blend, contrastRatio, type Rgb} from '../../lib/contrast';
import {darkCodeTheme, lightCodeTheme} from './prismThemes';

function toRgb(css: string): Rgb | string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
  return m ? ([Number(m[1]), Number(m[2]), Number(m[3])] as const) : css;
}

// Backgrounds: the block itself and a highlighted line
// (--docusaurus-highlighted-code-line-bg in src/css/custom.css).
const cases = [
  {name: 'light', theme: lightCodeTheme, highlight: {color: '#000000', opacity: 0.1}},
  {name: 'dark', theme: darkCodeTheme, highlight: {color: '#000000', opacity: 0.3}},
];

describe.each(cases)('$name code theme', ({theme, highlight}) => {
  const bg = theme.plain.backgroundColor!;
  const bgHex = typeof toRgb(bg) === 'string' ? bg : null;
  it('every token colour is AA (4.5:1) on the block and on a highlighted line', () => {
    const failing: string[] = [];
    for (const s of theme.styles) {
      if (!s.style.color) continue;
      const fg = toRgb(s.style.color);
      const backgrounds = [toRgb(bg)];
      if (bgHex) backgrounds.push(blend(highlight.color, bgHex, highlight.opacity));
      for (const b of backgrounds) {
        const ratio = contrastRatio(fg, b);
        if (ratio < 4.5) failing.push(`${s.types.join(',')} ${s.style.color}: ${ratio.toFixed(2)}`);
      }
    }
    expect(failing).toEqual([]);
  });
});
