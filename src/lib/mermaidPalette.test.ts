import {describe, expect, it} from 'vitest';
import {blend, contrastRatio} from './contrast';
import {
  COMMIT_LABEL_BACKGROUND_OPACITY,
  mermaidThemeVariables,
  palettes,
  type ColorMode,
} from './mermaidPalette';

const AA_TEXT = 4.5;
// WCAG 1.4.11: lanes and commit dots are graphics that carry meaning.
const AA_GRAPHICS = 3;

describe('contrast maths', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the classic "just passes AA" grey.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
  it('blends a half-transparent box over the page', () => {
    expect(blend('#000000', '#ffffff', 0.5)).toEqual([128, 128, 128]);
  });
});

for (const mode of ['light', 'dark'] as ColorMode[]) {
  describe(`gitGraph palette, ${mode} mode`, () => {
    const p = palettes[mode];

    it('has 8 branch colours, each with a label colour and a highlight colour', () => {
      expect(p.branches).toHaveLength(8);
      expect(p.branchLabels).toHaveLength(8);
      expect(p.highlights).toHaveLength(8);
      expect(new Set(p.branches).size).toBe(8);
    });

    p.branches.forEach((branch, i) => {
      it(`branch ${i} (${branch}): label text AA on its box, lane visible on the page`, () => {
        expect(contrastRatio(p.branchLabels[i]!, branch)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(branch, p.pageBackground)).toBeGreaterThanOrEqual(AA_GRAPHICS);
        expect(contrastRatio(p.highlights[i]!, p.pageBackground)).toBeGreaterThanOrEqual(AA_GRAPHICS);
      });
    });

    it('commit labels are AA on their half-transparent box and on the bare page', () => {
      const box = blend(p.commitLabelBackground, p.pageBackground, COMMIT_LABEL_BACKGROUND_OPACITY);
      expect(contrastRatio(p.commitLabelColor, box)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(p.commitLabelColor, p.pageBackground)).toBeGreaterThanOrEqual(AA_TEXT);
    });

    it('tag labels are AA on their box, and the box border is visible', () => {
      expect(contrastRatio(p.tagLabelColor, p.tagLabelBackground)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(p.tagLabelBorder, p.pageBackground)).toBeGreaterThanOrEqual(AA_GRAPHICS);
    });

    it('text of other diagrams is AA on nodes and on the page; lines are visible', () => {
      for (const bg of [p.nodeFill, p.secondaryFill, p.tertiaryFill, p.pageBackground]) {
        expect(contrastRatio(p.text, bg)).toBeGreaterThanOrEqual(AA_TEXT);
      }
      expect(contrastRatio(p.line, p.pageBackground)).toBeGreaterThanOrEqual(AA_GRAPHICS);
    });

    it('maps onto the themeVariables gitGraph reads', () => {
      const vars = mermaidThemeVariables(mode);
      expect(vars.darkMode).toBe(mode === 'dark');
      for (let i = 0; i < 8; i++) {
        expect(vars[`git${i}`]).toBe(p.branches[i]);
        expect(vars[`gitBranchLabel${i}`]).toBe(p.branchLabels[i]);
        expect(vars[`gitInv${i}`]).toBe(p.highlights[i]);
      }
      expect(vars.commitLabelColor).toBe(p.commitLabelColor);
      expect(vars.commitLabelBackground).toBe(p.commitLabelBackground);
      expect(vars.tagLabelColor).toBe(p.tagLabelColor);
      expect(vars.tagLabelBackground).toBe(p.tagLabelBackground);
      expect(vars.tagLabelBorder).toBe(p.tagLabelBorder);
    });
  });
}

it('the two modes really differ (dark mode is not the light palette)', () => {
  expect(palettes.dark.branches).not.toEqual(palettes.light.branches);
  expect(mermaidThemeVariables('dark')).not.toEqual(mermaidThemeVariables('light'));
});
