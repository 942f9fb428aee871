// Mermaid colours for the site, per colour mode. Mermaid's `base` theme is the
// only one whose colours can be set (themeVariables); the rest derives from
// these. gitGraph uses git0..7 for branch lanes and their label boxes,
// gitBranchLabel0..7 for the label text, commitLabel* for commit ids and
// tagLabel* for tags. Checked for WCAG AA in mermaidPalette.test.ts.

export type ColorMode = 'light' | 'dark';

export interface GitPalette {
  /** Page background the diagram sits on (Docusaurus' --ifm-background-color). */
  pageBackground: string;
  /** Branch colours, in Mermaid's order: main first. */
  branches: readonly string[];
  /** Label text on each branch colour. */
  branchLabels: readonly string[];
  /** Highlighted commits (type: HIGHLIGHT). */
  highlights: readonly string[];
  commitLabelColor: string;
  /** Mermaid paints it at 50% opacity over the page. */
  commitLabelBackground: string;
  tagLabelColor: string;
  tagLabelBackground: string;
  tagLabelBorder: string;
  /** Text, lines and node colours for the other diagram types (flowchart, timeline). */
  text: string;
  line: string;
  nodeFill: string;
  nodeBorder: string;
  secondaryFill: string;
  tertiaryFill: string;
}

/** Opacity Mermaid applies to `.commit-label-bkg`. */
export const COMMIT_LABEL_BACKGROUND_OPACITY = 0.5;

export const palettes: Record<ColorMode, GitPalette> = {
  light: {
    pageBackground: '#ffffff',
    // main = the site's teal, then calm, distinct, dark hues: white text on each.
    branches: ['#0b6e69', '#1d4ed8', '#b45309', '#7e22ce', '#be123c', '#15803d', '#4338ca', '#a21caf'],
    branchLabels: Array(8).fill('#ffffff'),
    highlights: ['#064e4a', '#1e3a8a', '#78350f', '#581c87', '#881337', '#14532d', '#312e81', '#701a75'],
    commitLabelColor: '#1c1e21',
    commitLabelBackground: '#e5e7eb',
    tagLabelColor: '#1c1e21',
    tagLabelBackground: '#fef3c7',
    tagLabelBorder: '#b45309',
    text: '#1c1e21',
    line: '#525860',
    nodeFill: '#e6f4f3',
    nodeBorder: '#0b6e69',
    secondaryFill: '#eef2ff',
    tertiaryFill: '#f5f5f4',
  },
  dark: {
    pageBackground: '#1b1b1d',
    // main = the site's dark-mode teal, then light tints: near-black text on each.
    branches: ['#4fd1c5', '#93c5fd', '#fcd34d', '#d8b4fe', '#fda4af', '#86efac', '#a5b4fc', '#f0abfc'],
    branchLabels: Array(8).fill('#111418'),
    highlights: ['#99f6e4', '#bfdbfe', '#fde68a', '#e9d5ff', '#fecdd3', '#bbf7d0', '#c7d2fe', '#f5d0fe'],
    commitLabelColor: '#e3e3e3',
    commitLabelBackground: '#3f4450',
    tagLabelColor: '#f5f5f5',
    tagLabelBackground: '#3b3320',
    tagLabelBorder: '#fcd34d',
    text: '#e3e3e3',
    line: '#a8adb5',
    nodeFill: '#17403d',
    nodeBorder: '#4fd1c5',
    secondaryFill: '#27304a',
    tertiaryFill: '#2a2a2e',
  },
};

/** Mermaid `themeVariables` for a colour mode (to use with theme `base`). */
export function mermaidThemeVariables(mode: ColorMode): Record<string, string | boolean> {
  const p = palettes[mode];
  const vars: Record<string, string | boolean> = {
    darkMode: mode === 'dark',
    background: p.pageBackground,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif',
    primaryColor: p.nodeFill,
    primaryTextColor: p.text,
    primaryBorderColor: p.nodeBorder,
    secondaryColor: p.secondaryFill,
    secondaryTextColor: p.text,
    tertiaryColor: p.tertiaryFill,
    tertiaryTextColor: p.text,
    lineColor: p.line,
    textColor: p.text,
    mainBkg: p.nodeFill,
    nodeBorder: p.nodeBorder,
    titleColor: p.text,
    edgeLabelBackground: p.pageBackground,
    commitLabelColor: p.commitLabelColor,
    commitLabelBackground: p.commitLabelBackground,
    tagLabelColor: p.tagLabelColor,
    tagLabelBackground: p.tagLabelBackground,
    tagLabelBorder: p.tagLabelBorder,
  };
  p.branches.forEach((c, i) => {
    vars[`git${i}`] = c;
    vars[`gitBranchLabel${i}`] = p.branchLabels[i]!;
    vars[`gitInv${i}`] = p.highlights[i]!;
  });
  return vars;
}
