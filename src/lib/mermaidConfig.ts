// The Mermaid configuration of the whole site: the same for the diagrams drawn at build time
// (src/plugins/static-mermaid) and for the ones drawn in the browser when there is no Chromium at
// build time (src/theme/Mermaid). Colours come from mermaidPalette.ts; this module adds the text
// sizes and the gitGraph layout, so that every branch diagram of the course is drawn the same way
// and stays legible on a phone.

import {mermaidThemeVariables, type ColorMode} from './mermaidPalette';

/** The smallest text a reader must be able to read without zooming, in CSS px as rendered. */
export const MIN_READABLE_TEXT_PX = 11;

/**
 * gitGraph commit messages and tags (Mermaid's default is 10 px). Branch names are bigger
 * (BRANCH_LABEL_PX); every other diagram type draws its text at the theme's 16 px.
 */
export const GIT_LABEL_PX = 12;
export const BRANCH_LABEL_PX = 14;
export const DIAGRAM_TEXT_PX = 16;

/**
 * gitGraph layout, measured in the browser (e2e/diagram-layout.e2e.ts counts overlapping label
 * boxes). Every lesson draws its branches top to bottom (`gitGraph TB:`), `main` in the first lane,
 * in the first colour: then each commit has a row of its own, and its message, to the left of the
 * commit, can only meet lane lines, never another message. That leaves two faults of Mermaid
 * 11.x's TB layout that its options cannot reach, fixed here with `themeCSS` (CSS that Mermaid
 * puts inside each SVG, so it holds in both renderers):
 *
 * 1. Branch names collide: a lane's x is the previous lane's plus 50 px plus half of the PREVIOUS
 *    name's width (gitGraphRenderer `setBranchPosition`), so any name wider than about 64 px runs
 *    into its left neighbour: `experiment/recs-popularity` hid `develop`. Every other branch name
 *    (2nd, 4th, ... lane) moves up one row; names two lanes apart are clear of each other.
 * 2. Tags collide: in TB Mermaid turns a tag 45 degrees down to the right, across the next rows,
 *    where later commits' messages are. Here a tag lies flat, to the right of its commit, on the
 *    commit's own row, which no other label uses.
 *
 * Both rules override positions Mermaid sets as `transform` attributes (CSS wins over them);
 * if Mermaid changes its markup, the browser suite's overlap check fails.
 */
export const GITGRAPH_LAYOUT_CSS = [
  `.branchLabel { font-size: ${BRANCH_LABEL_PX}px; }`,
  // drawBranches appends, per branch: the lane line, the name's background, the name.
  'rect.branchLabelBkg:nth-of-type(even), rect.branchLabelBkg:nth-of-type(even) + .branchLabel { transform: translateY(-28px); }',
  // The flag and its hole were drawn flat, then rotated about the commit; the text as well.
  '.tag-label-bkg, .tag-hole { transform: translate(12px, 10px); }',
  '.tag-label { transform: translate(14px, 10px); }',
].join('\n');

/** gitGraph options: message labels flat, beside their commit; one row per commit. */
export const GITGRAPH_OPTIONS = {rotateCommitLabel: false, parallelCommits: false} as const;

/** The full Mermaid configuration of a colour mode. */
export function siteMermaidConfig(mode: ColorMode) {
  return {
    theme: 'base',
    themeVariables: {
      ...mermaidThemeVariables(mode),
      fontSize: `${DIAGRAM_TEXT_PX}px`,
      commitLabelFontSize: `${GIT_LABEL_PX}px`,
      tagLabelFontSize: `${GIT_LABEL_PX}px`,
    },
    gitGraph: {...GITGRAPH_OPTIONS},
    themeCSS: GITGRAPH_LAYOUT_CSS,
  };
}

/**
 * The smallest scale a diagram may be drawn at, so that its smallest text stays readable: a
 * diagram that would need less scrolls sideways in its box instead of shrinking. `source` is the
 * diagram's Mermaid text: a gitGraph's smallest text is its labels, others' the theme's size.
 */
export function minDiagramScale(source: string): number {
  const smallest = isGitGraph(source) ? GIT_LABEL_PX : DIAGRAM_TEXT_PX;
  return Math.min(1, MIN_READABLE_TEXT_PX / smallest);
}

/** True when the Mermaid text is a gitGraph (after its optional front matter and comments). */
export function isGitGraph(source: string): boolean {
  const body = source.replace(/^\s*---\n[\s\S]*?\n---\n/, '');
  const first = body.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('%%'));
  return /^\s*gitGraph\b/.test(first ?? '');
}
