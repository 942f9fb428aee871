import type {Page, Response} from 'playwright-core';

// Mermaid diagrams, in either of the two forms the site can ship:
// - static (the default when Chromium is available at build time): the build
//   replaced each ```mermaid fence by <StaticDiagram>, a `.static-diagram`
//   holding an inline SVG per colour mode (`.static-diagram__light` /
//   `.static-diagram__dark`); CSS hides the other mode's variant, and no
//   Mermaid JavaScript reaches the browser;
// - client-side (fallback: no Chromium at build time, or STATIC_MERMAID=off):
//   the swizzled @theme/Mermaid, a wrapper [data-mermaid] present from the
//   server render, whose state becomes "rendered" (an <svg> inside) or "error".

/** Every diagram of a page, in either form (for locators and screenshots). */
export const DIAGRAM_SELECTOR = '.static-diagram, [data-mermaid]';

export interface DiagramReport {
  /** Diagrams on the page, both forms. */
  count: number;
  /** Of which rendered at build time. */
  staticCount: number;
  /** Of which rendered in the browser. */
  clientCount: number;
  problems: string[];
}

export async function checkDiagrams(page: Page, mode: 'light' | 'dark'): Promise<DiagramReport> {
  // Wait until no client-side diagram is still rendering (a failure turns into "error").
  await page
    .waitForFunction(() => !document.querySelector('[data-mermaid="pending"]'), undefined, {
      timeout: 30_000,
    })
    .catch(() => {});
  // Off-screen diagrams skip rendering (content-visibility: auto); their labels are measured below.
  await page.addStyleTag({content: '.static-diagram { content-visibility: visible !important; }'});
  return page.evaluate((expectedMode) => {
    const problems: string[] = [];
    const isError = (svg: Element | null, text: string) =>
      svg?.getAttribute('aria-roledescription') === 'error' || /Syntax error/i.test(text);
    const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

    // Client-side form.
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('[data-mermaid]'));
    blocks.forEach((block, i) => {
      const n = `client-side diagram #${i + 1}`;
      const state = block.dataset.mermaid;
      const svg = block.querySelector('svg');
      const text = textOf(block);
      if (state !== 'rendered') problems.push(`${n} is "${state}": ${text.slice(0, 200)}`);
      else if (!svg) problems.push(`${n} has no <svg>`);
      else if (isError(svg, text)) problems.push(`${n} is Mermaid's error diagram: ${text.slice(0, 200)}`);
      else if (block.dataset.mermaidMode !== expectedMode)
        problems.push(`${n} was rendered for "${block.dataset.mermaidMode}" mode, expected "${expectedMode}"`);
      else if (svg.getBoundingClientRect().width < 10) problems.push(`${n} has an empty <svg>`);
    });

    // Build-time form: the current mode's variant shows, the other one is display:none.
    const otherMode = expectedMode === 'light' ? 'dark' : 'light';
    const statics = Array.from(document.querySelectorAll<HTMLElement>('.static-diagram'));
    statics.forEach((diagram, i) => {
      const n = `static diagram #${i + 1}`;
      const shown = diagram.querySelector<HTMLElement>(`:scope > .static-diagram__${expectedMode}`);
      const hidden = diagram.querySelector<HTMLElement>(`:scope > .static-diagram__${otherMode}`);
      if (!shown || !hidden) {
        problems.push(`${n} lacks its ${shown ? otherMode : expectedMode} variant`);
        return;
      }
      for (const variant of [shown, hidden]) {
        const svg = variant.querySelector('svg');
        if (svg && isError(svg, textOf(variant)))
          problems.push(`${n} (${variant.className}) is Mermaid's error diagram: ${textOf(variant).slice(0, 200)}`);
      }
      if (getComputedStyle(hidden).display !== 'none')
        problems.push(`${n}: the ${otherMode} variant shows in ${expectedMode} mode (display: ${getComputedStyle(hidden).display})`);
      if (getComputedStyle(shown).display === 'none') {
        problems.push(`${n}: the ${expectedMode} variant is display:none in ${expectedMode} mode`);
        return;
      }
      const svg = shown.querySelector('svg');
      if (!svg) {
        problems.push(`${n}: the ${expectedMode} variant has no <svg>`);
        return;
      }
      if (svg.getBoundingClientRect().width <= 10)
        problems.push(`${n}: the ${expectedMode} <svg> is ${svg.getBoundingClientRect().width} px wide`);
      // Each label fits its box. Mermaid sized the box from the text as drawn at build time; drawn
      // with other fonts (a cache from before an emoji font was installed), the page clips it.
      svg.querySelectorAll('foreignObject').forEach((box) => {
        const label = box.firstElementChild;
        if (!label) return;
        const needed = Math.max(label.scrollWidth, ...Array.from(label.querySelectorAll('*'), (e) => e.scrollWidth));
        const width = (box as SVGForeignObjectElement).width.baseVal.value;
        if (needed > width + 1)
          problems.push(`${n}: label "${textOf(box).slice(0, 40)}" needs ${needed} px, its box is ${Math.round(width)} px (clipped)`);
      });
      // Its accessible name: Mermaid turns accTitle into <title> (and aria-labelledby to it).
      const title = svg.querySelector(':scope > title');
      const titleText = title ? textOf(title) : '';
      if (!titleText) problems.push(`${n}: the ${expectedMode} <svg> has no accessible <title> (accTitle)`);
      const labelledBy = svg.getAttribute('aria-labelledby');
      if (labelledBy && title && !labelledBy.split(/\s+/).includes(title.id))
        problems.push(`${n}: aria-labelledby="${labelledBy}" does not point at its <title id="${title.id}">`);
    });

    // Mermaid can leave its error SVG elsewhere in the body (#d<id>).
    const stray = document.querySelector('svg[aria-roledescription="error"]');
    if (stray && ![...blocks, ...statics].some((b) => b.contains(stray)))
      problems.push(`Mermaid error diagram outside any block: ${(stray.textContent ?? '').slice(0, 200)}`);
    return {
      count: blocks.length + statics.length,
      staticCount: statics.length,
      clientCount: blocks.length,
      problems,
    };
  }, mode);
}

/**
 * Text found only in the Mermaid library itself (its error renderer), never in
 * the site's own code nor in a built diagram's SVG. Production chunk names are
 * content hashes (`assets/js/421.5231e3bd.js`), so a Mermaid chunk can only be
 * recognised by what it contains.
 */
export const MERMAID_LIBRARY_MARKER = 'Syntax error in text';

/**
 * The start of a build-time diagram's SVG (ids are `mmd-<hash>-<mode>`): such markup belongs
 * in the page's HTML, and in a script only when a page reached by client-side navigation loads it.
 */
export const STATIC_DIAGRAM_SVG_MARKER = '<svg id="mmd-';

export interface ScriptWatch {
  /** Waits for the bodies seen so far, then lists the own-origin scripts that contain Mermaid. */
  mermaidScripts(): Promise<string[]>;
  /** Waits for the bodies seen so far, then lists the own-origin scripts that contain `text`. */
  scriptsContaining(text: string): Promise<string[]>;
  /** Every own-origin script URL the page requested (path only). */
  scripts: string[];
}

/** Records every JavaScript file `page` loads from `origin`, to tell whether Mermaid is among them. */
export function watchScripts(page: Page, origin: string): ScriptWatch {
  const scripts: string[] = [];
  const pending: Promise<{url: string; body: string}>[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    if (!url.startsWith(origin) || response.request().resourceType() !== 'script') return;
    const short = url.slice(origin.length);
    scripts.push(short);
    pending.push(
      response
        .text()
        .then((body) => ({url: short, body}))
        .catch(() => ({url: short, body: ''})),
    );
  });
  const scriptsContaining = async (text: string) =>
    (await Promise.all(pending)).filter((s) => s.body.includes(text)).map((s) => s.url);
  return {
    scripts,
    scriptsContaining,
    mermaidScripts: () => scriptsContaining(MERMAID_LIBRARY_MARKER),
  };
}
