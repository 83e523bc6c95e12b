/**
 * Scatter of two indicators across the areas (Observable Plot, SVG at build time): one dot per
 * area, the whole country as a dark diamond with dashed reference lines through it, and the
 * outlying areas (farthest from the middle of the cloud in standardised units) named, with
 * labels placed so that none overlaps another label or a dot; a label that cannot be placed is
 * left out (the table and the tooltip name every area). Estimates are hollow dots; bounds use
 * their hollow marks.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber, type Lang } from '../i18n/format.ts';
import { isCount } from '../lib/units.ts';
import { esc, fixAria } from './aria.ts';
import { compactSvg } from './compact.ts';
import { overlaps, textWidth, type Box } from './labels.ts';
import { attrs, axesMarkup, plotFrame, splice, tipTargetsMarkup } from './svg.ts';
import { COUNTRY, INK, STATUS_MARK, SUBJECT, TYPE, WIDTHS } from './theme.ts';

export interface ScatterPoint {
  key: string;
  name: string;
  x: number;
  y: number;
  /** The statuses of the two values (the mark shows the weaker: a bound, then an estimate). */
  xStatus: string;
  yStatus: string;
  country?: boolean;
  selected?: boolean;
}

export interface ScatterOptions {
  points: ScatterPoint[];
  lang: Lang;
  x: { label: string; unit: string; decimals: number };
  y: { label: string; unit: string; decimals: number };
  ariaLabel: string;
  ariaDescription: string;
  width?: number;
  /** How many outlying areas to name (default 8 wide, 4 narrow). */
  labels?: number;
  document: Document;
}

/** The areas farthest from the middle of the cloud (standardised distance), farthest first. */
export function outliers(points: readonly ScatterPoint[], n: number): ScatterPoint[] {
  const areas = points.filter((p) => !p.country);
  if (areas.length < 3) return [...areas];
  const stats = (v: number[]) => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) || 1;
    return { mean, sd };
  };
  const sx = stats(areas.map((p) => p.x));
  const sy = stats(areas.map((p) => p.y));
  const dist = (p: ScatterPoint) => ((p.x - sx.mean) / sx.sd) ** 2 + ((p.y - sy.mean) / sy.sd) ** 2;
  return [...areas].sort((a, b) => dist(b) - dist(a) || a.key.localeCompare(b.key)).slice(0, n);
}

/** The status that marks a point: a bound before an estimate before ok. */
function statusOf(p: ScatterPoint): string {
  for (const s of [p.xStatus, p.yStatus]) if (s in STATUS_MARK) return s;
  return p.xStatus === 'estimate' || p.yStatus === 'estimate' ? 'estimate' : 'ok';
}

/** Renders the chart to an SVG string. */
export function scatterChart(o: ScatterOptions): string {
  const width = o.width ?? WIDTHS.wide;
  const narrow = width < 600;
  const height = narrow ? 340 : 460;
  const fmt = (unit: string, decimals: number) => (v: number) => formatNumber(o.lang, v, isCount(unit) ? 0 : Math.min(decimals, 1));
  const marginLeft = 48;
  const marginRight = narrow ? 12 : 24;
  const marginTop = 28;
  const marginBottom = 40;
  const areas = o.points.filter((p) => !p.country);
  const country = o.points.find((p) => p.country);
  const plain = areas.filter((p) => statusOf(p) === 'ok');
  const nice = (v: number[], n: number) => scaleLinear().domain([Math.min(...v), Math.max(...v)]).nice(n);
  const xScale = nice(o.points.map((p) => p.x), narrow ? 4 : 8);
  const yScale = nice(o.points.map((p) => p.y), narrow ? 5 : 7);
  const xDomain = xScale.domain() as [number, number];
  const yDomain = yScale.domain() as [number, number];
  const estimated = areas.filter((p) => statusOf(p) === 'estimate');
  const svg = Plot.plot({
    ...plotFrame({ document: o.document, width, height, marginTop, marginRight, marginBottom, marginLeft, ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription }),
    x: { domain: xDomain, axis: null, inset: 8 },
    y: { domain: yDomain, axis: null, inset: 8 },
    marks: [
      ...(country ? [Plot.ruleX([country.x], { stroke: COUNTRY, strokeDasharray: '5,4', strokeOpacity: 0.7, ariaDescription: 'whole country' }), Plot.ruleY([country.y], { stroke: COUNTRY, strokeDasharray: '5,4', strokeOpacity: 0.7, ariaDescription: 'whole country' })] : []),
      Plot.dot(plain, { x: 'x', y: 'y', r: 5, fill: SUBJECT, fillOpacity: 0.75, stroke: 'white', strokeWidth: 0.8, ariaDescription: 'areas' }),
      Plot.dot(estimated, { x: 'x', y: 'y', r: 5, fill: 'white', stroke: SUBJECT, strokeWidth: 1.6, ariaDescription: 'estimates' }),
      ...(Object.keys(STATUS_MARK) as (keyof typeof STATUS_MARK)[]).map((status) =>
        Plot.dot(areas.filter((p) => statusOf(p) === status), { x: 'x', y: 'y', r: 5.5, symbol: STATUS_MARK[status].symbol, rotate: STATUS_MARK[status].rotate, stroke: SUBJECT, strokeWidth: 1.4, fill: 'white', ariaDescription: status.replace('_', ' ') }),
      ),
      Plot.dot(areas.filter((p) => p.selected), { x: 'x', y: 'y', r: 9, stroke: INK, strokeWidth: 2, fill: 'none', ariaDescription: 'this area' }),
      ...(country ? [Plot.dot([country], { x: 'x', y: 'y', r: 6.5, symbol: 'diamond', fill: COUNTRY, stroke: 'white', ariaDescription: 'whole country' })] : []),
    ],
  }) as unknown as Element & { scale: (name: string) => { apply: (v: unknown) => number } };
  const sx = (v: number) => svg.scale('x').apply(v);
  const sy = (v: number) => svg.scale('y').apply(v);

  // Names: the country, the selected area and the outliers, each right of, left of, above or
  // below its dot, clear of every other name and dot and inside the plot.
  const wanted = [...(country ? [country] : []), ...areas.filter((p) => p.selected), ...outliers(o.points, o.labels ?? (narrow ? 4 : 8))].filter((p, i, all) => all.findIndex((q) => q.key === p.key) === i);
  const dots: Box[] = o.points.map((p) => ({ x: sx(p.x) - 5, y: sy(p.y) - 5, width: 10, height: 10 }));
  const placed: Box[] = [];
  const names: string[] = [];
  const frame = { x: marginLeft, y: marginTop, width: width - marginLeft - marginRight, height: height - marginTop - marginBottom };
  const within = (b: Box) => b.x >= frame.x && b.y >= frame.y && b.x + b.width <= frame.x + frame.width && b.y + b.height <= frame.y + frame.height;
  for (const p of wanted) {
    const bold = p.country === true || p.selected === true;
    const w = textWidth(p.name, TYPE.label, bold);
    const h = TYPE.label + 2;
    const px = sx(p.x);
    const py = sy(p.y);
    const candidates: (Box & { anchor: 'start' | 'end' | 'middle' })[] = [
      { x: px + 9, y: py - h / 2, width: w, height: h, anchor: 'start' },
      { x: px - 9 - w, y: py - h / 2, width: w, height: h, anchor: 'end' },
      { x: px - w / 2, y: py - 9 - h, width: w, height: h, anchor: 'middle' },
      { x: px - w / 2, y: py + 9, width: w, height: h, anchor: 'middle' },
    ];
    const box = candidates.find((b) => within(b) && !placed.some((q) => overlaps(q, b)) && !dots.some((d) => overlaps(d, b)));
    if (!box) continue;
    placed.push(box);
    const tx = box.anchor === 'start' ? box.x : box.anchor === 'end' ? box.x + w : box.x + w / 2;
    names.push(`<text${attrs({ x: tx.toFixed(1), y: (box.y + h / 2).toFixed(1), dy: '0.35em', 'text-anchor': box.anchor, fill: p.country ? COUNTRY : INK, stroke: 'white', 'stroke-width': 3, 'paint-order': 'stroke', 'font-weight': bold ? 'bold' : undefined })}>${esc(p.name)}</text>`);
  }
  const labels = `<g aria-description="labels" font-size="${TYPE.label}">${names.join('')}</g>`;
  const fx = fmt(o.x.unit, o.x.decimals);
  const fy = fmt(o.y.unit, o.y.decimals);
  const axes = axesMarkup(
    { width, left: marginLeft, right: width - marginRight, top: marginTop, bottom: height - marginBottom, x: xScale.ticks(narrow ? 4 : 8).map((v) => ({ at: sx(v), text: fx(v) })), y: yScale.ticks(narrow ? 5 : 7).map((v) => ({ at: sy(v), text: fy(v) })) },
    (text) => textWidth(text, TYPE.axis),
  );
  // Axis titles: the vertical one above the axis, the horizontal one under the axis at its right end.
  const titles = `<g aria-label="axis titles" role="group"><text x="${marginLeft - 40}" y="${marginTop - 14}" text-anchor="start">${esc(o.y.label)}</text><text x="${width - marginRight}" y="${height - 4}" text-anchor="end">${esc(o.x.label)}</text></g>`;
  const tips = tipTargetsMarkup({ keys: o.points.map((p) => p.key), xs: o.points.map((p) => sx(p.x)), ys: o.points.map((p) => sy(p.y)) });
  return compactSvg(splice(fixAria(svg).outerHTML, { back: axes.back, front: axes.front + titles + labels + tips }));
}
