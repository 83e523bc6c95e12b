/**
 * Smaller SVG markup: coordinates in geometry attributes rounded to 0.1 px (a tenth of a pixel
 * is invisible, and build-time charts are a large part of a page's weight). Text is untouched.
 */

const GEOMETRY = /\s(d|x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform|points|data-xs|data-ys)="([^"]*)"/g;

/** Rounds every number with more than one decimal inside geometry attributes. */
export function compactSvg(svg: string): string {
  return svg.replace(GEOMETRY, (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d*\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}
