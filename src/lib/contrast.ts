// WCAG 2.x colour contrast, for the palette tests (pure, no DOM).

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a hex colour: ${hex}`);
  let h = m[1]!;
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(color: string | Rgb): number {
  const rgb = typeof color === 'string' ? parseHex(color) : color;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` painted with `opacity` over `bottom` (what the eye sees). */
export function blend(top: string, bottom: string, opacity: number): Rgb {
  const t = parseHex(top);
  const b = parseHex(bottom);
  return [0, 1, 2].map((i) => Math.round(t[i]! * opacity + b[i]! * (1 - opacity))) as unknown as Rgb;
}
