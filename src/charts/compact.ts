/**
 * Smaller SVG markup: coordinates in geometry attributes rounded to whole pixels, and paths made
 * of straight lines written with relative steps (`l12,-3` rather than `L530,117`). Charts are
 * drawn at the size they are shown (docs/design-note.md), so a pixel is the finest step a reader
 * can see; the steps are between rounded points, so nothing drifts. Build-time charts and maps
 * are the largest part of a page's weight. Radii, stroke widths and text are untouched.
 */

const GEOMETRY = /\s(d|x|y|x1|x2|y1|y2|cx|cy|width|height|transform|points|data-xs|data-ys|data-x|data-top|data-bottom)="([^"]*)"/g;
const DECIMAL = /-?\d*\.\d+/g;
/** A path of moves and straight lines only (after rounding). */
const POLYLINE = /^(?:[ML]-?\d+,-?\d+|Z)+$/;
const COMMAND = /([MLZ])(?:(-?\d+),(-?\d+))?/g;

/** The same path with every line-to after the first point written relative to the point before. */
function relativePath(d: string): string {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  return d.replace(COMMAND, (_, c: string, a?: string, b?: string) => {
    if (c === 'Z') {
      x = startX;
      y = startY;
      return 'Z';
    }
    const nx = Number(a);
    const ny = Number(b);
    const out = c === 'M' ? `M${nx},${ny}` : `l${nx - x},${ny - y}`;
    if (c === 'M') {
      startX = nx;
      startY = ny;
    }
    x = nx;
    y = ny;
    return out;
  });
}

/** A path of moves and straight lines (e.g. a d3 symbol's) in whole pixels with relative steps. */
export function compactPath(d: string): string {
  return relativePath(d.replace(DECIMAL, (n) => String(Math.round(Number(n)))));
}

/** Rounds every decimal number inside geometry attributes to a whole number; straight-line paths become relative. */
export function compactSvg(svg: string): string {
  return svg.replace(GEOMETRY, (all: string, name: string, value: string) => {
    if (value.includes('em')) return all;
    const rounded = value.includes('.') ? value.replace(DECIMAL, (n) => String(Math.round(Number(n)))) : value;
    const out = name === 'd' && POLYLINE.test(rounded) ? relativePath(rounded) : rounded;
    return out === value ? all : ` ${name}="${out}"`;
  });
}
