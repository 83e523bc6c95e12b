/**
 * Change chart for rankings (Observable Plot, SVG at build time): each area's value a year earlier
 * (hollow dot) and now (filled), joined by an arrow, one row per area in the order given (the
 * page sorts by change), with the change written at the row's end. The whole country is dark
 * grey with a bold name. Estimates are dashed; bounds are drawn with their hollow ▲ ▼ ◆ marks.
 * Wide drawings put names left of the rows; narrow ones above each row.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber } from '../i18n/format.ts';
import { isCount } from '../lib/units.ts';
import { fixAria } from './aria.ts';
import { compactSvg } from './compact.ts';
import { textWidth } from './labels.ts';
import { axesMarkup, plotFrame, splice, tipTargetsMarkup } from './svg.ts';
import type { ChartBase } from './svg.ts';
import { COUNTRY, DASH, ESTIMATE_OPACITY, MUTED, STATUS_MARK, SUBJECT, TYPE, WIDTHS } from './theme.ts';

interface Value {
  value: number;
  status: string;
}

export interface ChangeRow {
  key: string;
  name: string;
  before: Value;
  after: Value;
  /** The change as the page words it (units.ts), written at the row's end. */
  changeText: string;
  country?: boolean;
}

export interface ChangeOptions extends ChartBase {
  rows: ChangeRow[];
}

/** Renders the chart to an SVG string. */
export function changeChart(o: ChangeOptions): string {
  const width = o.width ?? WIDTHS.wide;
  const narrow = width < 600;
  const rowHeight = narrow ? 34 : 21;
  const fmtTick = (v: number) => formatNumber(o.lang, v, isCount(o.unit) ? 0 : Math.min(o.decimals, 1));
  const values = o.rows.flatMap((r) => [r.before.value, r.after.value]);
  const [lo, hi] = scaleLinear()
    .domain([Math.min(...values), Math.max(...values)])
    .nice(narrow ? 4 : 8)
    .domain() as [number, number];
  const nameWidth = narrow ? 0 : Math.max(...o.rows.map((r) => textWidth(r.name, TYPE.axis, r.country)));
  const changeWidth = Math.max(...o.rows.map((r) => textWidth(r.changeText, TYPE.axis)));
  const marginLeft = narrow ? 10 : Math.ceil(nameWidth + 14);
  const marginRight = Math.ceil(changeWidth + 16);
  const marginTop = narrow ? 44 : 30;
  const marginBottom = 30;
  const height = marginTop + marginBottom + rowHeight * o.rows.length;
  const keys = o.rows.map((r) => r.key);
  const est = (r: ChangeRow) => r.before.status === 'estimate' || r.after.status === 'estimate';
  const colour = (r: ChangeRow) => (r.country ? COUNTRY : SUBJECT);
  const exactRows = o.rows.filter((r) => !est(r));
  const estRows = o.rows.filter(est);
  const arrow = (rows: ChangeRow[], dashed: boolean) =>
    Plot.arrow(
      rows.filter((r) => r.before.value !== r.after.value),
      { x1: (r: ChangeRow) => r.before.value, x2: (r: ChangeRow) => r.after.value, y1: 'key', y2: 'key', stroke: colour, strokeWidth: 1.8, headLength: 7, insetEnd: 4.5, insetStart: 4, ...(dashed ? { strokeDasharray: DASH.estimate, strokeOpacity: ESTIMATE_OPACITY } : {}), ariaDescription: dashed ? 'estimated change' : 'change' },
    );
  const markOf = (status: string) => STATUS_MARK[status as keyof typeof STATUS_MARK];
  const svg = Plot.plot({
    ...plotFrame({ document: o.document, width, height, marginTop, marginRight, marginBottom, marginLeft, ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription }),
    // Inset on the left, so that a dot at the lowest tick keeps clear of the names.
    x: { domain: [lo, hi], axis: null, insetLeft: 10 },
    y: { type: 'point', domain: keys, axis: null, padding: 0.5 },
    marks: [
      arrow(exactRows, false),
      arrow(estRows, true),
      Plot.dot(o.rows, { x: (r: ChangeRow) => r.before.value, y: 'key', r: 4, stroke: MUTED, strokeWidth: 1.5, fill: 'white', ariaDescription: 'a year earlier' }),
      Plot.dot(
        o.rows.filter((r) => !markOf(r.after.status)),
        { x: (r: ChangeRow) => r.after.value, y: 'key', r: 4.5, fill: (r: ChangeRow) => (r.after.status === 'estimate' ? 'white' : colour(r)), stroke: colour, strokeWidth: 1.5, ariaDescription: 'now' },
      ),
      ...(Object.keys(STATUS_MARK) as (keyof typeof STATUS_MARK)[]).flatMap((status) => [
        Plot.dot(o.rows.filter((r) => r.after.status === status), { x: (r: ChangeRow) => r.after.value, y: 'key', r: 5, symbol: STATUS_MARK[status].symbol, rotate: STATUS_MARK[status].rotate, stroke: colour, strokeWidth: 1.4, fill: 'white', ariaDescription: `now, ${status.replace('_', ' ')}` }),
      ]),
      ...[false, true].flatMap((bold) => {
        const rows = o.rows.filter((r) => (r.country ?? false) === bold);
        const weight = bold ? 'bold' : 'normal';
        return [
          Plot.text(rows, { x: (r: ChangeRow) => Math.max(r.before.value, r.after.value), y: 'key', dx: 10, textAnchor: 'start', text: 'changeText', fill: bold ? COUNTRY : '#1b1b1b', fontWeight: weight, ariaDescription: 'change' }),
          ...(narrow ? [Plot.text(rows, { frameAnchor: 'left', y: 'key', dy: -rowHeight / 2 + 4, dx: -4, textAnchor: 'start', text: 'name', fill: '#1b1b1b', fontWeight: weight, ariaDescription: 'names' })] : []),
        ];
      }),
    ],
  }) as unknown as Element & { scale: (name: string) => { apply: (v: unknown) => number } };
  const sx = (v: number) => svg.scale('x').apply(v);
  const sy = (k: string) => svg.scale('y').apply(k);
  const axes = axesMarkup(
    {
      width,
      left: marginLeft,
      right: width - marginRight,
      top: marginTop,
      bottom: height - marginBottom,
      x: scaleLinear().domain([lo, hi]).ticks(narrow ? 4 : 8).map((v) => ({ at: sx(v), text: fmtTick(v) })),
      // Wide: the names left of the rows (the country's in bold); narrow: names above the rows.
      y: narrow ? [] : o.rows.map((r) => ({ at: sy(r.key), text: r.name, bold: r.country })),
      yGrid: false,
      xTop: true,
    },
    (text) => textWidth(text, TYPE.axis),
  );
  const tips = tipTargetsMarkup({ keys, xs: o.rows.map((r) => sx(r.after.value)), ys: o.rows.map((r) => sy(r.key)) });
  return compactSvg(splice(fixAria(svg).outerHTML, { back: axes.back, front: axes.front + tips }));
}
