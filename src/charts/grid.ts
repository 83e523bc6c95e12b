/**
 * Small multiples (the at-a-glance grid): one small line chart per area (Observable Plot, SVG at
 * build time) on shared scales, with the whole country as a dashed reference line in each. The
 * page lays the cells out as a grid of links (names and values are HTML text beside the
 * drawing, so they stay legible at any width); each drawing is decorative for screen readers,
 * whose reader gets the name, the value and the table instead.
 */
import * as Plot from '@observablehq/plot';
import { periodToDate } from '../lib/periods.ts';
import { fixAria } from './aria.ts';
import { compactSvg } from './compact.ts';
import { lineMarks, type LineSeries } from './line.ts';
import { GRID } from './theme.ts';

export interface SparklineOptions {
  /** The area (role `area`) and the whole country (role `country`). */
  series: LineSeries[];
  /** Shared value axis of every cell. */
  domain: [number, number];
  /** First and last period of every cell. */
  from: string;
  to: string;
  width?: number;
  height?: number;
  document: Document;
}

/** One cell's drawing: no axes; faint rules at each new year and at the bottom of the scale. */
export function sparkline(o: SparklineOptions): string {
  const width = o.width ?? 200;
  const height = o.height ?? 64;
  const januaries: Date[] = [];
  for (let y = Number(o.from.slice(0, 4)) + 1; y <= Number(o.to.slice(0, 4)); y++) januaries.push(periodToDate(`${y}-01`));
  const svg = Plot.plot({
    document: o.document,
    width,
    height,
    margin: 4,
    marginRight: 6,
    style: { background: 'transparent', overflow: 'visible' },
    x: { type: 'utc', domain: [periodToDate(o.from), periodToDate(o.to)], axis: null },
    y: { domain: o.domain, axis: null },
    color: { type: 'identity' },
    marks: [Plot.ruleX(januaries, { stroke: GRID }), Plot.frame({ anchor: 'bottom', stroke: GRID }), ...lineMarks(o.series, periodToDate, { widths: { area: 2.2, country: 1.4 } })],
  }) as unknown as Element;
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  return compactSvg(fixAria(svg).outerHTML);
}
