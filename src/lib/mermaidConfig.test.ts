import {describe, expect, it} from 'vitest';
import {
  BRANCH_LABEL_PX,
  DIAGRAM_TEXT_PX,
  GIT_LABEL_PX,
  GITGRAPH_LAYOUT_CSS,
  isGitGraph,
  MIN_READABLE_TEXT_PX,
  minDiagramScale,
  siteMermaidConfig,
} from './mermaidConfig';
import {mermaidThemeVariables} from './mermaidPalette';

describe('siteMermaidConfig', () => {
  it('keeps the palette of each mode and sets the label sizes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const config = siteMermaidConfig(mode);
      expect(config.theme).toBe('base');
      expect(config.themeVariables).toMatchObject(mermaidThemeVariables(mode));
      expect(config.themeVariables.commitLabelFontSize).toBe(`${GIT_LABEL_PX}px`);
      expect(config.themeVariables.tagLabelFontSize).toBe(`${GIT_LABEL_PX}px`);
      expect(config.themeVariables.fontSize).toBe(`${DIAGRAM_TEXT_PX}px`);
      expect(config.gitGraph).toEqual({rotateCommitLabel: false, parallelCommits: false});
      expect(config.themeCSS).toBe(GITGRAPH_LAYOUT_CSS);
    }
  });

  it('draws every text at least at the readable size', () => {
    expect(Math.min(GIT_LABEL_PX, BRANCH_LABEL_PX, DIAGRAM_TEXT_PX)).toBeGreaterThanOrEqual(MIN_READABLE_TEXT_PX);
  });
});

describe('minDiagramScale', () => {
  it('is the scale at which the smallest text of the diagram is 11 px', () => {
    expect(minDiagramScale('gitGraph TB:\n  commit id: "a"')).toBeCloseTo(11 / 12);
    expect(minDiagramScale('---\nconfig:\n  timeline: {}\n---\ntimeline TD\n  a : b')).toBeCloseTo(11 / 16);
    expect(minDiagramScale('flowchart TB\n  a --> b')).toBeCloseTo(11 / 16);
    for (const source of ['gitGraph', 'flowchart TB']) {
      const smallest = isGitGraph(source) ? GIT_LABEL_PX : DIAGRAM_TEXT_PX;
      expect(smallest * minDiagramScale(source)).toBeGreaterThanOrEqual(MIN_READABLE_TEXT_PX - 1e-9);
    }
  });

  it('recognises a gitGraph after front matter and comments', () => {
    expect(isGitGraph('---\nconfig:\n  gitGraph: {}\n---\n%% note\ngitGraph TB:\n')).toBe(true);
    expect(isGitGraph('flowchart TB\n  gitGraph --> x')).toBe(false);
  });
});
