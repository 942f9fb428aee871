import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {findChromium as findSystemChromium, type BrowserLookup} from '../../../scripts/browser-tools/chromium.mjs';

/** Placeholder that stands for a diagram's DOM id in cached SVG. */
export const ID_TOKEN = '__STATIC_MERMAID_ID__';

export type Variant = 'light' | 'dark';

export interface CachedSvg {
  /** SVG markup whose ids all contain ID_TOKEN. */
  svg: string;
  width: number;
  height: number;
}

/** Cache key: changes whenever the diagram, the Mermaid config or Mermaid itself changes. */
export function cacheKey(diagram: string, config: unknown, mermaidVersion: string, environment: string): string {
  return createHash('sha256')
    .update(JSON.stringify({diagram, config, mermaidVersion, environment, format: 2}))
    .digest('hex');
}

/**
 * What else decides a rendered diagram's text metrics: the browser build and the fonts it
 * measures with. Mermaid sizes each label's box from the width the text had when drawn, so an SVG
 * cached before a font was installed (an emoji font, say) clips its labels once the page shows
 * them in that font. `fonts` is the machine's font files, one per line, in any order.
 */
export function renderEnvironment(browser: {path: string; modified: number}, fonts: string): string {
  const fontFiles = fonts.split('\n').filter(Boolean).sort();
  return createHash('sha256')
    .update(JSON.stringify({browser, fontFiles}))
    .digest('hex');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every occurrence of the id Mermaid rendered with (`tempId`, e.g.
 * `smtmp-2`) by `replacement`, without touching longer ids (`smtmp-21`).
 */
export function replaceId(svg: string, tempId: string, replacement: string): string {
  return svg.replace(new RegExp(`${escapeRegExp(tempId)}(?![0-9])`, 'g'), replacement);
}

/**
 * Turns the ids Mermaid rendered into ID_TOKEN-based ones: the diagram's own id
 * (`tempId`), and the `undefined-…` ids some diagram types (timeline, in
 * Mermaid 11) give their nodes and markers, which would otherwise repeat across
 * diagrams and between the light and dark variants.
 */
export function tokenizeIds(svg: string, tempId: string): string {
  return replaceId(svg, tempId, ID_TOKEN).replace(/(id="|#)undefined-(?=[\w-])/g, `$1${ID_TOKEN}-u-`);
}

/**
 * Gives the ids of one diagram on one page: unique per variant and per
 * repeated diagram, stable across builds (derived from the cache key).
 */
export function diagramId(key: string, variant: Variant, occurrence: number): string {
  const base = `mmd-${key.slice(0, 10)}-${variant}`;
  return occurrence === 0 ? base : `${base}-${occurrence}`;
}

/** The width/height of an SVG's viewBox, or undefined if it has none. */
export function viewBoxSize(svg: string): {width: number; height: number} | undefined {
  const match = /<svg\b[^>]*\sviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/i.exec(
    svg,
  );
  if (!match?.[1] || !match[2]) return undefined;
  return {width: Number(match[1]), height: Number(match[2])};
}

/** Message of a diagram that Mermaid refused, naming the file and the fence's line. */
export function renderFailureMessage(
  file: string,
  line: number | undefined,
  reason: unknown,
): string {
  const message =
    reason && typeof reason === 'object' && 'message' in reason
      ? String((reason as {message: unknown}).message)
      : String(reason);
  const where = line === undefined ? file : `${file}:${line}`;
  return `static-mermaid: the Mermaid diagram at ${where} does not render: ${message}`;
}

export type {BrowserLookup};

/**
 * Finds the browser that renders diagrams at build time (the site's one Chromium finder, see
 * scripts/browser-tools/chromium.mjs). STATIC_MERMAID=off forces client-side rendering.
 */
export function findChromium(
  env: Record<string, string | undefined>,
  exists: (file: string) => boolean = existsSync,
): BrowserLookup {
  if (env.STATIC_MERMAID === 'off') {
    return {found: false, reason: 'STATIC_MERMAID=off'};
  }
  return findSystemChromium(env, exists);
}

/** The single warning printed when diagrams fall back to client-side Mermaid. */
export function fallbackWarning(reason: string): string {
  return [
    `[static-mermaid] ${reason}: diagrams are rendered in the browser by Mermaid (slower pages).`,
    '  To render them at build time, install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`,',
    '  macOS: install Google Chrome) or point CHROMIUM_PATH at a Chrome/Chromium executable.',
  ].join('\n');
}

/** The `accTitle` / `accDescr` a diagram's source declares (single-line or `accDescr { … }`). */
export function accessibilityFields(diagram: string): {title?: string; description?: string} {
  const title = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(diagram)?.[1];
  const description =
    /^\s*accDescr\s*:\s*(.+?)\s*$/m.exec(diagram)?.[1] ??
    /^\s*accDescr\s*\{([\s\S]*?)\}/m.exec(diagram)?.[1]?.replace(/\s+/g, ' ').trim();
  return {
    ...(title ? {title} : {}),
    ...(description ? {description} : {}),
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Gives the SVG the accessible name and description its source declares when
 * Mermaid left them out (Mermaid 11's timeline renderer ignores accTitle and
 * accDescr): a <title>/<desc> first in the <svg>, referenced like Mermaid
 * does for the other diagram types. An SVG that has a <title> is unchanged.
 */
export function ensureAccessibleName(svg: string, diagram: string): string {
  const open = /<svg\b[^>]*>/i.exec(svg);
  if (!open || /<title\b/i.test(svg)) return svg;
  const {title, description} = accessibilityFields(diagram);
  if (!title) return svg;
  const attrs: string[] = [];
  const has = (name: string) => new RegExp(`\\s${name}=`, 'i').test(open[0]);
  if (!has('role')) attrs.push('role="graphics-document document"');
  if (!has('aria-labelledby')) attrs.push(`aria-labelledby="chart-title-${ID_TOKEN}"`);
  if (description && !has('aria-describedby')) attrs.push(`aria-describedby="chart-desc-${ID_TOKEN}"`);
  const tag = attrs.length ? open[0].replace(/\s*(\/?)>$/, ` ${attrs.join(' ')}$1>`) : open[0];
  const children =
    `<title id="chart-title-${ID_TOKEN}">${escapeXml(title)}</title>` +
    (description ? `<desc id="chart-desc-${ID_TOKEN}">${escapeXml(description)}</desc>` : '');
  return svg.slice(0, open.index) + tag + children + svg.slice(open.index + open[0].length);
}
