import type {PrismTheme} from 'prism-react-renderer';

/**
 * Code blocks coloured by stylesheet instead of inline styles.
 *
 * prism-react-renderer writes each token's colour inline, from the theme of the colour mode the
 * page is rendered in. The server only knows the light mode, so Docusaurus remounts every code
 * block after hydration to repaint it: on a lesson page that rebuilds thousands of token spans and
 * was Lighthouse's one long task. Here the renderer gets a theme with no colours
 * (`CLASS_ONLY_CODE_THEME`), so server and browser render the same markup, and the colours of both
 * themes become rules on the token classes, scoped by `data-theme` like the rest of the site.
 */

/** The theme the renderer sees: tokens keep their classes (`token keyword`) and get no style. */
export const CLASS_ONLY_CODE_THEME: PrismTheme = {plain: {}, styles: []};

export interface CodeThemeRule {
  types: string[];
  declarations: Record<string, string>;
}

function kebab(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function declarations(style: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [property, value] of Object.entries(style)) {
    if (value === undefined || value === null) continue;
    out[kebab(property)] = String(value);
  }
  return out;
}

/**
 * A theme's token styles as rules, in the theme's order, so that a later entry for the same type
 * wins as it does in prism-react-renderer's `themeToDict`.
 */
export function codeThemeRules(theme: PrismTheme): CodeThemeRule[] {
  return theme.styles.map((entry) => {
    if (entry.languages) {
      // Neither theme in use has language-specific entries; refuse rather than colour wrongly.
      throw new Error(`codeThemeRules: language-specific entries are not supported (${entry.types.join(', ')})`);
    }
    return {types: entry.types, declarations: declarations(entry.style as Record<string, unknown>)};
  });
}

function block(selectors: string[], decls: Record<string, string>): string {
  const body = Object.entries(decls)
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
  return `${selectors.join(',')}{${body}}`;
}

/**
 * The stylesheet for both modes. Before the colour-mode script runs (or without JavaScript) there
 * is no `data-theme`, and the light colours apply, as for the diagrams.
 *
 * A token nested in another (`$(date)` inside a string) carries every type from the outermost to
 * the innermost, and prism-react-renderer lets the later types win. The class rules alone would let
 * the later *rule* win instead, so each rule is repeated for tokens whose last class is its type
 * (`[class$=' function']`); those come after all the others and win, as the innermost type does.
 */
export function codeThemeCss(themes: {light: PrismTheme; dark: PrismTheme}): string {
  const scopes = {light: "html:not([data-theme='dark'])", dark: "[data-theme='dark']"} as const;
  const css: string[] = [];
  for (const mode of ['light', 'dark'] as const) {
    const theme = themes[mode];
    const scope = scopes[mode];
    const plain: Record<string, string> = {};
    if (theme.plain.color) plain['--prism-color'] = theme.plain.color;
    if (theme.plain.backgroundColor) plain['--prism-background-color'] = theme.plain.backgroundColor;
    css.push(block([scope], plain));
    const rules = codeThemeRules(theme);
    for (const rule of rules) {
      css.push(block(rule.types.map((t) => `${scope} .token.${t}`), rule.declarations));
    }
    for (const rule of rules) {
      css.push(block(rule.types.map((t) => `${scope} .token[class$=' ${t}']`), rule.declarations));
    }
  }
  return css.join('\n');
}
