/**
 * The marks of every chart of lines (time series, seasonal chart, small multiples) written as SVG
 * text, in the markup Observable Plot gives the same marks (a `<g aria-label="line">` of paths per
 * series, `<g aria-label="dot">` of circles or symbols, rules, rects and texts), so that the
 * page's styles, the tooltip script and the tests read them alike. Written as text because
 * drawing these through a DOM, as Plot does, took about a third of the whole site build: every
 * profile page draws about fifteen line charts, wide and narrow (see docs/design-note.md).
 * Coordinates are written rounded to whole pixels and paths with relative steps, as
 * `compactSvg` (compact.ts) writes every other drawing.
 */
import { symbol, symbolDiamond, symbolTimes, symbolTriangle } from 'd3';
import { esc } from './aria.ts';
import { compactPath } from './compact.ts';
import { attrs } from './svg.ts';
import { ALERT, DASH, ESTIMATE_OPACITY, INK, STATUS_MARK, STROKE, TYPE } from './theme.ts';
import { seriesColours } from './legend.ts';
import { hasValueName } from '../lib/status.ts';
import type { LineSeries } from './line.ts';

type Attrs = Record<string, string | number | undefined>;

/** A number as a whole pixel (`-0` as `0`). */
const px = (v: number) => String(Math.round(v) || 0);

/** A line through the points (whole pixels, relative steps); a single point is `M x,y Z`, as d3's line draws it. */
export function polyline(points: readonly (readonly [number, number])[]): string {
  let x = Math.round(points[0]![0]) || 0;
  let y = Math.round(points[0]![1]) || 0;
  let d = `M${x},${y}`;
  if (points.length === 1) return `${d}Z`;
  for (let i = 1; i < points.length; i++) {
    const nx = Math.round(points[i]![0]) || 0;
    const ny = Math.round(points[i]![1]) || 0;
    d += `l${nx - x},${ny - y}`;
    x = nx;
    y = ny;
  }
  return d;
}

/** A group of marks of one kind (`line`, `dot`, `rule`, `rect`, `text`), named for tests and tools by its description. */
export function markGroup(kind: string, description: string, a: Attrs, children: string): string {
  return `<g role="group"${attrs(a)} aria-description="${esc(description)}" aria-label="${kind}">${children}</g>`;
}

/** The root `<svg>` of a chart written as text (size, accessible name and description, text defaults). */
export function svgRoot(o: { width: number; height: number; ariaLabel?: string; ariaDescription?: string; root?: Attrs }, body: string): string {
  return `<svg${attrs({ ...o.root, 'aria-label': o.ariaLabel, 'aria-description': o.ariaDescription, viewBox: `0 0 ${o.width} ${o.height}`, width: o.width, height: o.height, 'text-anchor': 'middle', 'font-size': TYPE.axis, fill: 'currentColor', color: INK, overflow: 'visible' })}>${body}</svg>`;
}

/** Scales and frame a chart's marks are drawn in. */
export interface Frame<X> {
  x: (v: X) => number;
  y: (v: number) => number;
  top: number;
  bottom: number;
}

interface LinePoint {
  period: string;
  value: number | null;
  status: string;
}

/** Whether a point carries a value that can be drawn. */
export const valued = (p: LinePoint | undefined) => p !== undefined && p.value !== null && hasValueName(p.status);

/** Symbol paths by name and radius, drawn about the origin in whole pixels (the same few are asked for again and again). */
const symbols = new Map<string, string>();
function symbolPath(name: 'triangle' | 'diamond' | 'times', r: number): string {
  const key = `${name}${r}`;
  let d = symbols.get(key);
  if (d === undefined) {
    const type = name === 'triangle' ? symbolTriangle : name === 'diamond' ? symbolDiamond : symbolTimes;
    symbols.set(key, (d = compactPath(symbol(type, r * r * Math.PI)()!)));
  }
  return d;
}

/**
 * A symbol placed at (x, y), turned by 180° when `turn`: its path with each move made absolute
 * (its relative steps stay, negated when turned). The marks of one status and colour are one
 * path of such pieces instead of an element each: a whole history with a hollow mark at every
 * incomplete value carried hundreds of them.
 */
export function placedSymbol(d: string, x: number, y: number, turn = false): string {
  const k = turn ? -1 : 1;
  return d.replace(/([Ml])(-?\d+),(-?\d+)/g, (_, c: string, a: string, b: string) => (c === 'M' ? `M${px(x + k * Number(a))},${px(y + k * Number(b))}` : `l${k * Number(a) || 0},${k * Number(b) || 0}`));
}

/**
 * The marks of lines with every status drawn as theme.ts says: lines split at missing values and
 * where the style changes (the stretch between an exact and an estimated value is drawn as
 * estimated); a dot for a value with no neighbour; a dot at each line's last value; hollow ▲ ▼ ◆
 * for bounds; crosses on the bottom edge for withheld values. `xOf` places a period on the x
 * scale (a date, or a month number for the seasonal chart). Peers are drawn first, then the
 * country, then the selected area on top.
 */
export function lineMarksMarkup<X>(series: readonly LineSeries[], xOf: (period: string) => X, f: Frame<X>, o: { widths?: Partial<Record<LineSeries['role'], number>>; ends?: boolean; marks?: boolean } = {}): string {
  const colours = seriesColours(series);
  const at = (p: LinePoint): [number, number] => [f.x(xOf(p.period)), f.y(p.value!)];
  type Path = { points: [number, number][]; colour: string; width: number };
  const byRole = { peer: [[], []], country: [[], []], area: [[], []] } as Record<LineSeries['role'], [Path[], Path[]]>;
  const isolated: string[] = [];
  // Symbols by status, then colour: one path of pieces each (see placedSymbol).
  const bounds: Record<keyof typeof STATUS_MARK, Map<string, string>> = { lower_bound: new Map(), upper_bound: new Map(), incomplete: new Map() };
  const add = (into: Map<string, string>, colour: string, piece: string) => into.set(colour, (into.get(colour) ?? '') + piece);
  let suppressed = '';
  const ends: string[] = [];
  for (const s of series) {
    const colour = colours.get(s.key)!;
    const width = o.widths?.[s.role] ?? STROKE[s.role];
    const [exact, est] = byRole[s.role];
    let open: Path | null = null;
    let prev: { xy: [number, number]; est: boolean } | null = null;
    s.points.forEach((p, i) => {
      if (p.status === 'suppressed') suppressed += placedSymbol(symbolPath('times', 3.5), Math.round(f.x(xOf(p.period))), Math.round(f.bottom));
      if (!valued(p)) {
        prev = null;
        open = null;
        return;
      }
      const xy = at(p);
      const isEst = p.status === 'estimate';
      if (!valued(s.points[i - 1]) && !valued(s.points[i + 1])) isolated.push(`<circle cx="${px(xy[0])}" cy="${px(xy[1])}" r="3.5" fill="${isEst ? 'white' : colour}" stroke="${colour}"/>`);
      if (p.status === 'lower_bound' || p.status === 'upper_bound' || p.status === 'incomplete') {
        const m = STATUS_MARK[p.status];
        add(bounds[p.status], colour, placedSymbol(symbolPath(m.symbol, 4), Math.round(xy[0]), Math.round(xy[1]), m.rotate === 180));
      }
      const start = (into: Path[], points: [number, number][]) => {
        open = { points, colour, width };
        into.push(open);
      };
      if (prev === null) start(isEst ? est : exact, [xy]);
      else if (prev.est === isEst) open!.points.push(xy);
      else if (isEst) start(est, [prev.xy, xy]);
      else {
        // The style changes back: the connecting stretch is an estimate, then the exact line goes on.
        est.at(-1)!.points.push(xy);
        start(exact, [xy]);
      }
      prev = { xy, est: isEst };
    });
    const last = s.points.findLast(valued);
    if (last && o.ends !== false) {
      const [x, y] = at(last);
      ends.push(`<circle cx="${px(x)}" cy="${px(y)}" r="3" fill="${colour}"/>`);
    }
  }
  const paths = (list: Path[]) => list.map((p) => `<path d="${polyline(p.points)}" stroke-width="${p.width}" stroke="${p.colour}"/>`).join('');
  let out = '';
  for (const role of ['peer', 'country', 'area'] as const) {
    const [exact, est] = byRole[role];
    if (exact.length) out += markGroup('line', `${role} line`, { 'stroke-dasharray': role === 'country' ? DASH.country : undefined, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', fill: 'none' }, paths(exact));
    if (est.length) out += markGroup('line', `${role} estimate`, { 'stroke-dasharray': DASH.estimate, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'stroke-opacity': ESTIMATE_OPACITY, fill: 'none' }, paths(est));
  }
  if (isolated.length) out += markGroup('dot', 'single value', { 'stroke-width': 1.5 }, isolated.join(''));
  if (ends.length) out += markGroup('dot', 'latest value', {}, ends.join(''));
  if (o.marks !== false) {
    for (const status of Object.keys(STATUS_MARK) as (keyof typeof STATUS_MARK)[]) {
      if (bounds[status].size) out += markGroup('dot', status.replace('_', ' '), { 'stroke-width': 1.3, fill: 'white' }, [...bounds[status]].map(([colour, d]) => `<path d="${d}" stroke="${colour}"/>`).join(''));
    }
  }
  if (suppressed) out += markGroup('dot', 'withheld', { 'stroke-width': 1.5, stroke: ALERT, fill: 'none' }, `<path d="${suppressed}"/>`);
  return out;
}
