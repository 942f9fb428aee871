/**
 * The diagram's colours as CSS custom properties, light and dark, from the site's gitGraph palette
 * (mermaidPalette.ts, checked for WCAG AA there): one source for the lessons' diagrams and the
 * learner's. The light set applies under `[data-repo-diagram]`, the dark one when an ancestor has
 * `[data-theme='dark']` (Docusaurus sets it on <html>), so the diagram follows the colour mode
 * without a re-render.
 */
import {COMMIT_LABEL_BACKGROUND_OPACITY, palettes, type ColorMode, type GitPalette} from '../mermaidPalette';

export const DIAGRAM_ATTRIBUTE = 'data-repo-diagram';

/** The variable of a branch colour slot (0 is main's) and of the text on it. */
export const branchColour = (slot: number) => `var(--rd-branch-${slot})`;
export const branchText = (slot: number) => `var(--rd-branch-text-${slot})`;
export const NEUTRAL = {
  text: 'var(--rd-text)',
  line: 'var(--rd-line)',
  page: 'var(--rd-page)',
  message: 'var(--rd-message)',
  messageBackground: 'var(--rd-message-bg)',
  tag: 'var(--rd-tag)',
  tagBackground: 'var(--rd-tag-bg)',
  tagBorder: 'var(--rd-tag-border)',
} as const;

export const MESSAGE_BACKGROUND_OPACITY = COMMIT_LABEL_BACKGROUND_OPACITY;

function variables(p: GitPalette): string {
  const vars: Record<string, string> = {
    '--rd-page': p.pageBackground,
    '--rd-text': p.text,
    '--rd-line': p.line,
    '--rd-message': p.commitLabelColor,
    '--rd-message-bg': p.commitLabelBackground,
    '--rd-tag': p.tagLabelColor,
    '--rd-tag-bg': p.tagLabelBackground,
    '--rd-tag-border': p.tagLabelBorder,
  };
  p.branches.forEach((colour, i) => {
    vars[`--rd-branch-${i}`] = colour;
    vars[`--rd-branch-text-${i}`] = p.branchLabels[i]!;
  });
  return Object.entries(vars)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
}

/** The style sheet: both modes' variables. */
export function paletteCss(modes: Record<ColorMode, GitPalette> = palettes): string {
  return `[${DIAGRAM_ATTRIBUTE}]{${variables(modes.light)}}[data-theme='dark'] [${DIAGRAM_ATTRIBUTE}]{${variables(modes.dark)}}`;
}
