/**
 * Small multiples (the at-a-glance grid): one small line chart per area (SVG text at build time,
 * src/charts/marks.ts) on shared scales, with the whole country as a dashed reference line in each. The
 * page lays the cells out as a grid of links (names and values are HTML text beside the
 * drawing, so they stay legible at any width); each drawing is decorative for screen readers,
 * whose reader gets the name, the value and the table instead.
 */
import { scaleLinear, scaleUtc } from 'd3';
import { periodToDate } from '../lib/periods.ts';
import type { LineSeries } from './line.ts';
import { lineMarksMarkup } from './marks.ts';
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
}

/** One cell's drawing: no axes; faint rules at each new year and at the bottom of the scale. */
export function sparkline(o: SparklineOptions): string {
  const width = o.width ?? 200;
  const height = o.height ?? 64;
  const januaries: Date[] = [];
  for (let y = Number(o.from.slice(0, 4)) + 1; y <= Number(o.to.slice(0, 4)); y++) januaries.push(periodToDate(`${y}-01`));
  const [top, right, bottom, left] = [4, width - 6, height - 4, 4];
  const x = scaleUtc().domain([periodToDate(o.from), periodToDate(o.to)]).range([left, right]);
  const y = scaleLinear().domain(o.domain).range([bottom, top]);
  const rules = januaries.map((d) => {
    const at = Math.round(x(d));
    return `<line x1="${at}" x2="${at}" y1="${top}" y2="${bottom}"/>`;
  });
  return (
    `<svg aria-hidden="true" focusable="false" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" overflow="visible">` +
    `<g stroke="${GRID}">${rules.join('')}<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke-linecap="square"/></g>` +
    lineMarksMarkup(o.series, periodToDate, { x, y, top, bottom }, { widths: { area: 2.2, country: 1.4 } }) +
    '</svg>'
  );
}
