import {describe, expect, it} from 'vitest';
import {
  cacheKey,
  diagramId,
  fallbackWarning,
  findChromium,
  renderEnvironment,
  renderFailureMessage,
  replaceId,
  tokenizeIds,
  ID_TOKEN,
  viewBoxSize,
  accessibilityFields,
  ensureAccessibleName,
} from './svg';

describe('cacheKey', () => {
  it('changes with the diagram, the config, the Mermaid version and the rendering environment', () => {
    const base = cacheKey('gitGraph\n commit', {theme: 'default'}, '11.17.2', 'env-a');
    expect(cacheKey('gitGraph\n commit', {theme: 'default'}, '11.17.2', 'env-a')).toBe(base);
    expect(cacheKey('gitGraph\n commit id: "x"', {theme: 'default'}, '11.17.2', 'env-a')).not.toBe(base);
    expect(cacheKey('gitGraph\n commit', {theme: 'dark'}, '11.17.2', 'env-a')).not.toBe(base);
    expect(cacheKey('gitGraph\n commit', {theme: 'default'}, '11.18.0', 'env-a')).not.toBe(base);
    expect(cacheKey('gitGraph\n commit', {theme: 'default'}, '11.17.2', 'env-b')).not.toBe(base);
  });
});

describe('renderEnvironment', () => {
  const chromium = {path: '/usr/bin/chromium', modified: 1_700_000_000_000};
  const fonts = '/usr/share/fonts/dejavu/DejaVuSans.ttf\n/usr/share/fonts/liberation/LiberationSans-Regular.ttf\n';

  it('changes when a font is installed, since labels are sized by the fonts that draw them', () => {
    const withEmoji = `${fonts}/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf\n`;
    expect(renderEnvironment(chromium, withEmoji)).not.toBe(renderEnvironment(chromium, fonts));
  });

  it('changes with the browser build, not with the order fontconfig lists the fonts in', () => {
    const reordered = fonts.split('\n').reverse().join('\n');
    expect(renderEnvironment(chromium, reordered)).toBe(renderEnvironment(chromium, fonts));
    expect(renderEnvironment({...chromium, modified: chromium.modified + 1}, fonts)).not.toBe(
      renderEnvironment(chromium, fonts),
    );
  });
});

describe('replaceId', () => {
  it('rewrites the id everywhere Mermaid uses it, but not longer ids', () => {
    const svg =
      '<svg id="tmp-1" aria-labelledby="chart-title-tmp-1"><title id="chart-title-tmp-1">T</title>' +
      '<style>#tmp-1{fill:red}</style><g id="tmp-12"/><marker id="tmp-1_arrow"/></svg>';
    const out = replaceId(svg, 'tmp-1', 'X');
    expect(out).toBe(
      '<svg id="X" aria-labelledby="chart-title-X"><title id="chart-title-X">T</title>' +
        '<style>#X{fill:red}</style><g id="tmp-12"/><marker id="X_arrow"/></svg>',
    );
  });
});

describe('diagramId', () => {
  it('keeps the light and dark variants and repeated diagrams apart', () => {
    const key = 'abcdef0123456789';
    const ids = [
      diagramId(key, 'light', 0),
      diagramId(key, 'dark', 0),
      diagramId(key, 'light', 1),
      diagramId(key, 'dark', 1),
    ];
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toMatch(/^[a-z][\w-]*$/);
  });
});

describe('viewBoxSize', () => {
  it('reads width and height from the viewBox', () => {
    expect(viewBoxSize('<svg id="a" viewBox="-111.5 -36.7 269.6875 164.13" role="img">')).toEqual({
      width: 269.6875,
      height: 164.13,
    });
    expect(viewBoxSize('<svg width="10">')).toBeUndefined();
  });
});

describe('renderFailureMessage', () => {
  it('names the file, the line and Mermaid message', () => {
    const msg = renderFailureMessage('docs/lessons/02.mdx', 42, {
      name: 'Error',
      message: 'Parse error on line 3',
    });
    expect(msg).toContain('docs/lessons/02.mdx:42');
    expect(msg).toContain('Parse error on line 3');
  });
});

describe('findChromium', () => {
  const has = (...files: string[]) => (f: string) => files.includes(f);
  it('prefers CHROMIUM_PATH', () => {
    expect(findChromium({CHROMIUM_PATH: '/opt/c'}, has('/opt/c', '/usr/bin/chromium'))).toEqual({
      found: true,
      path: '/opt/c',
    });
  });
  it('reports a CHROMIUM_PATH that does not exist instead of guessing', () => {
    const r = findChromium({CHROMIUM_PATH: '/nope'}, has('/usr/bin/chromium'));
    expect(r.found).toBe(false);
  });
  it('falls back to well-known paths, then to nothing', () => {
    expect(findChromium({}, has('/usr/bin/google-chrome'))).toEqual({
      found: true,
      path: '/usr/bin/google-chrome',
    });
    expect(findChromium({}, has()).found).toBe(false);
  });
  it('can be switched off', () => {
    expect(findChromium({STATIC_MERMAID: 'off'}, has('/usr/bin/chromium')).found).toBe(false);
  });
  it('tells how to get a browser', () => {
    expect(fallbackWarning('no Chromium or Chrome found')).toMatch(/CHROMIUM_PATH/);
  });
});

describe('tokenizeIds', () => {
  it("gives Mermaid's undefined-… ids (timeline) to the diagram, so variants do not clash", () => {
    const svg =
      '<svg id="tmp-0"><defs><marker id="undefined-arrowhead"/></defs>' +
      '<g id="undefined-node-0"/><line marker-end="url(#undefined-arrowhead)"/><text>undefined-x</text></svg>';
    expect(tokenizeIds(svg, 'tmp-0')).toBe(
      `<svg id="${ID_TOKEN}"><defs><marker id="${ID_TOKEN}-u-arrowhead"/></defs>` +
        `<g id="${ID_TOKEN}-u-node-0"/><line marker-end="url(#${ID_TOKEN}-u-arrowhead)"/><text>undefined-x</text></svg>`,
    );
  });
});

describe('ensureAccessibleName', () => {
  const timeline = [
    'timeline TD',
    '  accTitle: Timeline <of> the "fix"',
    '  accDescr: From the alert & on.',
    '  T+0 : alert',
  ].join('\n');

  it('adds the <title>/<desc> Mermaid left out, referenced from the <svg>', () => {
    const svg = `<svg id="${ID_TOKEN}" viewBox="0 0 10 10"><g/></svg>`;
    expect(ensureAccessibleName(svg, timeline)).toBe(
      `<svg id="${ID_TOKEN}" viewBox="0 0 10 10" role="graphics-document document" ` +
        `aria-labelledby="chart-title-${ID_TOKEN}" aria-describedby="chart-desc-${ID_TOKEN}">` +
        `<title id="chart-title-${ID_TOKEN}">Timeline &lt;of&gt; the &quot;fix&quot;</title>` +
        `<desc id="chart-desc-${ID_TOKEN}">From the alert &amp; on.</desc><g/></svg>`,
    );
  });

  it('leaves an SVG that has a title, or a diagram without accTitle, unchanged', () => {
    const titled = `<svg aria-labelledby="t"><title id="t">T</title></svg>`;
    expect(ensureAccessibleName(titled, timeline)).toBe(titled);
    const bare = '<svg><g/></svg>';
    expect(ensureAccessibleName(bare, 'timeline\n  T+0 : alert')).toBe(bare);
  });

  it('reads accDescr in its block form', () => {
    expect(accessibilityFields('flowchart\n accTitle: T\n accDescr {\n  line one\n  line two\n }\n A-->B')).toEqual({
      title: 'T',
      description: 'line one line two',
    });
  });
});
