import type {Page} from 'playwright-core';

// What a reader of a diagram needs: labels that do not cover one another, and text big enough to
// read. Measured in the browser on the diagrams as the page shows them, in screen pixels.
//
// A label is the box it is drawn in: a commit message's grey box, a branch name's coloured badge, a
// tag's flag (Mermaid gitGraph). Each box is measured exactly, rotation included: the corners of
// its own bounding box (getBBox, in its own coordinates) are mapped to the screen by the element's
// full transform (getScreenCTM), which gives a rotated rectangle (or, for a tag, its polygon's
// points). Two labels overlap when their convex outlines intersect by more than OVERLAP_TOLERANCE
// pixels, by the separating-axis test; axis-aligned boxes of two parallel diagonal labels
// intersect where the labels themselves do not. A label must not cover a commit's dot either.

/** Pixels by which two outlines may run into each other (anti-aliasing, rounding). */
export const OVERLAP_TOLERANCE = 0.75;

/** The smallest text a reader must be able to read without zooming, in CSS pixels as rendered. */
export const MIN_TEXT_PX = 11;

export interface LabelOverlap {
  diagram: number;
  a: string;
  b: string;
  /** How far the outlines run into each other, in px (the smallest push that would part them). */
  depth: number;
}

export interface SmallText {
  diagram: number;
  text: string;
  px: number;
}

export interface DiagramLayout {
  /** Diagrams measured (the variant of the current colour mode, or the client-side SVG). */
  diagrams: number;
  /** Labels measured, all diagrams together. */
  labels: number;
  overlaps: LabelOverlap[];
  /** Text elements drawn smaller than MIN_TEXT_PX. */
  smallText: SmallText[];
  /** The smallest text size seen, in px (Infinity when no text). */
  smallestTextPx: number;
  /** Diagrams wider than their box that do not scroll inside it (so they are cut off). */
  clipped: string[];
  /** Diagrams that scroll sideways but show no visible hint that they do. */
  scrollWithoutHint: string[];
}

export interface TableLegibility {
  tables: number;
  /** Table text drawn smaller than MIN_TEXT_PX. */
  smallText: {table: number; text: string; px: number}[];
  smallestTextPx: number;
  /** Tables wider than their box with no scrolling box, or no visible hint that they scroll. */
  problems: string[];
}

/** The content's tables: text size as rendered, and sideways scrolling with a visible hint. */
export async function measureTables(page: Page): Promise<TableLegibility> {
  return page.evaluate((minPx) => {
    const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const tables = Array.from(document.querySelectorAll<HTMLTableElement>('article table, main .markdown table'));
    const smallText: {table: number; text: string; px: number}[] = [];
    const problems: string[] = [];
    let smallestTextPx = Infinity;
    tables.forEach((table, index) => {
      const n = index + 1;
      table.querySelectorAll<HTMLElement>('th, td, th *, td *').forEach((el) => {
        if (!Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim())) return;
        const px = Math.round(parseFloat(getComputedStyle(el).fontSize) * 10) / 10;
        smallestTextPx = Math.min(smallestTextPx, px);
        if (px < minPx) smallText.push({table: n, text: textOf(el).slice(0, 50), px});
      });
      let scroller: HTMLElement | null = table;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      const name = `table #${n} ("${textOf(table.querySelector('tr') ?? table).slice(0, 50)}")`;
      if (!scroller) {
        if (table.getBoundingClientRect().right > innerWidth + 1) problems.push(`${name}: wider than the page and no scrolling box`);
      } else if (scroller.scrollWidth > scroller.clientWidth + 1) {
        const hint = scroller.closest('[data-scroll-box]')?.querySelector<HTMLElement>('[data-scroll-hint]');
        if (!hint || hint.getBoundingClientRect().height === 0 || getComputedStyle(hint).visibility === 'hidden')
          problems.push(`${name}: scrolls (${scroller.scrollWidth} px in ${scroller.clientWidth} px) with no visible hint`);
      }
    });
    return {tables: tables.length, smallText, smallestTextPx, problems};
  }, MIN_TEXT_PX);
}

/**
 * Brings every scrolling box of the page near the viewport in turn (it measures whether it
 * overflows only then, src/components/ScrollBox), and back to the top.
 */
export async function visitScrollBoxes(page: Page): Promise<void> {
  const boxes = page.locator('[data-scroll-box]');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).evaluate((el) => el.scrollIntoView({block: 'center'}));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The lessons' diagrams: the build-time SVG of the current mode, or the client-side one. */
export const DIAGRAM_SELECTOR = '.static-diagram svg, [data-mermaid] svg';

/** The learner's live branch diagram (src/components/RepoDiagram), drawn with the same label classes. */
export const REPO_DIAGRAM_SELECTOR = '[data-repo-diagram] svg';

/**
 * Measures every diagram of the page (`selector`: which SVGs): label overlaps, text sizes, and whether a diagram wider than
 * the page scrolls inside its own box with a visible hint. Off-screen diagrams skip rendering
 * (content-visibility: auto), so the check forces them visible first.
 */
export async function measureDiagramLayout(page: Page, selector = DIAGRAM_SELECTOR): Promise<DiagramLayout> {
  await page.addStyleTag({content: '.static-diagram, .static-diagram * { content-visibility: visible !important; }'});
  return page.evaluate(
    ({tolerance, minPx, selector}) => {
      type Pt = {x: number; y: number};
      const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const visible = (el: Element) => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.display === 'none' || s.visibility === 'hidden') return false;
        }
        return true;
      };

      /** The element's own bounding box, mapped to the screen corner by corner. */
      const outlineOf = (el: SVGGraphicsElement): Pt[] => {
        const m = el.getScreenCTM();
        if (!m) return [];
        const map = (x: number, y: number): Pt => ({x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f});
        if (el instanceof SVGPolygonElement) {
          return Array.from({length: el.points.numberOfItems}, (_, i) => {
            const p = el.points.getItem(i);
            return map(p.x, p.y);
          });
        }
        const b = el.getBBox();
        if (b.width === 0 || b.height === 0) return [];
        return [map(b.x, b.y), map(b.x + b.width, b.y), map(b.x + b.width, b.y + b.height), map(b.x, b.y + b.height)];
      };

      /** Convex hull (monotone chain), so a polygon's points become a proper convex outline. */
      const hull = (pts: Pt[]): Pt[] => {
        const p = [...pts].sort((a, b) => a.x - b.x || a.y - b.y);
        if (p.length < 3) return p;
        const cross = (o: Pt, a: Pt, b: Pt) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
        const lower: Pt[] = [];
        for (const q of p) {
          while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
          lower.push(q);
        }
        const upper: Pt[] = [];
        for (const q of [...p].reverse()) {
          while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
          upper.push(q);
        }
        return [...lower.slice(0, -1), ...upper.slice(0, -1)];
      };

      /** Separating-axis test: how deep two convex outlines run into each other (<= 0: apart). */
      const penetration = (a: Pt[], b: Pt[]): number => {
        let least = Infinity;
        for (const poly of [a, b]) {
          for (let i = 0; i < poly.length; i++) {
            const p1 = poly[i]!;
            const p2 = poly[(i + 1) % poly.length]!;
            const len = Math.hypot(p2.x - p1.x, p2.y - p1.y);
            if (len < 1e-6) continue;
            const nx = -(p2.y - p1.y) / len;
            const ny = (p2.x - p1.x) / len;
            const project = (poly2: Pt[]) => {
              let min = Infinity;
              let max = -Infinity;
              for (const q of poly2) {
                const d = q.x * nx + q.y * ny;
                min = Math.min(min, d);
                max = Math.max(max, d);
              }
              return {min, max};
            };
            const pa = project(a);
            const pb = project(b);
            const depth = Math.min(pa.max - pb.min, pb.max - pa.min);
            if (depth <= 0) return depth;
            least = Math.min(least, depth);
          }
        }
        return least;
      };

      /** The diagrams as shown: the current mode's build-time SVG, or the client-side one. */
      const svgs = Array.from(document.querySelectorAll<SVGSVGElement>(selector)).filter((svg) => !svg.parentElement?.closest('svg') && visible(svg));

      const overlaps: {diagram: number; a: string; b: string; depth: number}[] = [];
      const smallText: {diagram: number; text: string; px: number}[] = [];
      const clipped: string[] = [];
      const scrollWithoutHint: string[] = [];
      let labels = 0;
      let smallestTextPx = Infinity;

      svgs.forEach((svg, index) => {
        const n = index + 1;
        const title = textOf(svg.querySelector(':scope > title') ?? svg).slice(0, 60);
        const name = `diagram #${n} ("${title}")`;

        // Labels: each drawn box with the text it holds.
        const found: {name: string; outline: Pt[]}[] = [];
        const add = (box: SVGGraphicsElement | null, text: string, kind: string) => {
          if (!box || !visible(box)) return;
          const outline = hull(outlineOf(box));
          if (outline.length >= 3) found.push({name: `${kind} "${text.slice(0, 50)}"`, outline});
        };
        svg.querySelectorAll<SVGTextElement>('text.commit-label').forEach((text) => {
          const bkg = text.parentElement?.querySelector<SVGRectElement>(':scope > rect.commit-label-bkg');
          add(bkg ?? text, textOf(text), 'commit');
        });
        svg.querySelectorAll<SVGTextElement>('text.tag-label').forEach((text) => {
          // Mermaid inserts each tag's flag (polygon) and hole just before its text.
          let flag = text.previousElementSibling;
          while (flag && !(flag instanceof SVGPolygonElement)) flag = flag.previousElementSibling;
          add((flag as SVGPolygonElement | null) ?? text, textOf(text), 'tag');
        });
        svg.querySelectorAll<SVGGElement>('g.branchLabel').forEach((group) => {
          const bkg = group.previousElementSibling;
          add(bkg instanceof SVGRectElement ? bkg : group, textOf(group), 'branch');
        });
        labels += found.length;
        // Commit dots: a label must not cover one either (a circle, as a 24-sided polygon).
        const dots: {name: string; outline: Pt[]}[] = [];
        svg.querySelectorAll<SVGCircleElement>('.commit-bullets circle').forEach((circle, k) => {
          const m = circle.getScreenCTM();
          if (!m || !visible(circle)) return;
          const [cx, cy, r] = [circle.cx.baseVal.value, circle.cy.baseVal.value, circle.r.baseVal.value];
          const outline = Array.from({length: 24}, (_, i) => {
            const a = (i / 24) * 2 * Math.PI;
            const x = cx + r * Math.cos(a);
            const y = cy + r * Math.sin(a);
            return {x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f};
          });
          dots.push({name: `commit dot #${k + 1}`, outline});
        });
        const record = (a: {name: string; outline: Pt[]}, b: {name: string; outline: Pt[]}) => {
          const depth = penetration(a.outline, b.outline);
          if (depth > tolerance) overlaps.push({diagram: n, a: a.name, b: b.name, depth: Math.round(depth * 10) / 10});
        };
        for (let i = 0; i < found.length; i++) {
          for (let j = i + 1; j < found.length; j++) record(found[i]!, found[j]!);
          for (const dot of dots) record(found[i]!, dot);
        }

        // Text size as rendered: the computed font size times the scale the SVG is drawn at.
        const texts = [
          ...Array.from(svg.querySelectorAll<SVGGraphicsElement>('text')).filter((t) => !t.closest('text') || t === t.closest('text')),
          ...Array.from(svg.querySelectorAll<SVGForeignObjectElement>('foreignObject')),
        ];
        for (const el of texts) {
          const text = textOf(el);
          if (!text || !visible(el)) continue;
          const m = el.getScreenCTM();
          if (!m) continue;
          const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
          const leaves =
            el instanceof SVGForeignObjectElement
              ? Array.from(el.querySelectorAll<HTMLElement>('*')).filter(
                  (e) => Array.from(e.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()),
                )
              : [el, ...Array.from(el.querySelectorAll<SVGTSpanElement>('tspan'))].filter((e) =>
                  Array.from(e.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()),
                );
          for (const leaf of leaves) {
            const px = Math.round(parseFloat(getComputedStyle(leaf).fontSize) * scale * 10) / 10;
            smallestTextPx = Math.min(smallestTextPx, px);
            if (px < minPx) smallText.push({diagram: n, text: textOf(leaf).slice(0, 50), px});
          }
        }

        // Wider than its box: it must scroll inside a box of its own, and say so.
        const svgRect = svg.getBoundingClientRect();
        let scroller: HTMLElement | null = svg.parentElement;
        while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
        const article = svg.closest('article, main') ?? document.body;
        const room = (scroller ?? article).getBoundingClientRect();
        if (!scroller) {
          if (svgRect.right > room.right + 1 || svgRect.left < room.left - 1 || svgRect.right > innerWidth + 1)
            clipped.push(`${name}: ${Math.round(svgRect.width)} px wide, no scrolling box, ${Math.round(room.width)} px of room`);
        } else if (scroller.scrollWidth > scroller.clientWidth + 1) {
          const hint = scroller.closest('[data-scroll-box]')?.querySelector<HTMLElement>('[data-scroll-hint]');
          const shown = hint && visible(hint) && hint.getBoundingClientRect().height > 0;
          if (!shown) scrollWithoutHint.push(`${name}: scrolls (${scroller.scrollWidth} px in ${scroller.clientWidth} px) with no visible hint`);
        }
      });

      return {diagrams: svgs.length, labels, overlaps, smallText, smallestTextPx, clipped, scrollWithoutHint};
    },
    {tolerance: OVERLAP_TOLERANCE, minPx: MIN_TEXT_PX, selector},
  );
}
