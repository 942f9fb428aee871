import {themes, type PrismTheme} from 'prism-react-renderer';

// The code-block themes (GitHub light, Dracula dark) with the token colours
// that fall below WCAG AA (4.5:1) on their own background replaced by
// darker/lighter shades of the same hue. Checked in prismThemes.test.ts.

type Overrides = Record<string, string>;

function withColors(theme: PrismTheme, overrides: Overrides): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((s) => {
      const color = s.types.map((t) => overrides[t]).find(Boolean);
      return color ? {...s, style: {...s.style, color}} : s;
    }),
  };
}

export const lightCodeTheme: PrismTheme = withColors(themes.github, {
  comment: '#57606a',
  prolog: '#57606a',
  string: '#b0144f',
  'attr-value': '#b0144f',
  entity: '#085e5c',
  url: '#085e5c',
  number: '#085e5c',
  constant: '#085e5c',
  variable: '#085e5c',
  atrule: '#035a94',
  keyword: '#035a94',
  'attr-name': '#035a94',
  function: '#b31d28',
  deleted: '#b31d28',
});

export const darkCodeTheme: PrismTheme = withColors(themes.dracula, {
  comment: '#9aa5d6',
});
