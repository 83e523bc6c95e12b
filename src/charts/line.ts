/**
 * Time-series chart (SVG text from d3 scales, src/charts/marks.ts; at build time, and in the comparison tool's browser).
 *
 * - Gaps stay gaps: a missing period interrupts the line, and a stretch where no line has a value
 *   is a shaded band with its name. A value with no neighbour gets a dot.
 * - Statuses are drawn (src/charts/theme.ts, STATUS_MARK): estimated stretches dotted and
 *   lighter; lower bounds ▲, upper bounds ▼ and incomplete values ◆ as hollow marks; withheld
 *   values a cross on the bottom edge. Comparability breaks are dashed red rules with a label.
 * - The selected area is thick blue, the whole country dashed dark grey, other areas thinner in
 *   the categorical colours. Line ends carry direct labels (name and latest value), moved apart
 *   so they never overlap and tied to their line by a leader; when they cannot fit (a narrow
 *   drawing, too many lines) the page's legend names the lines instead.
 * - Years are marked by gridlines; counts start at zero, shares do not (`lineYDomain` says so).
 * - A `g.tip-targets` carries the first and last period and their x positions for the tooltip
 *   script (public/js/chart-tools.js), which lists the periods between them and reads the values
 *   from the chart's table.
 */
import { scaleLinear, scaleUtc } from 'd3';
import { formatNumber, formatPeriodShort, type Lang } from '../i18n/format.ts';
import { periodToDate as toDate } from '../lib/periods.ts';
import { hasValueName } from '../lib/status.ts';
import { formatValue, isCount } from '../lib/units.ts';
import { esc } from './aria.ts';
import { axesMarkup, endLabelsMarkup, periodTargetsMarkup } from './svg.ts';
import { lineMarksMarkup, markGroup, svgRoot, valued } from './marks.ts';
import { compactSvg } from './compact.ts';
import { textWidth } from './labels.ts';
import { seriesColours } from './legend.ts';
import { ALERT, MUTED, TYPE, WIDTHS } from './theme.ts';

interface LinePoint {
  period: string;
  value: number | null;
  status: string;
}

export interface LineSeries {
  /** Stable key (area code). */
  key: string;
  /** Name drawn at the line's end ('' for none). */
  label: string;
  /** `area` = a selected area (strong), `country` (dashed), `peer` (thinner, categorical colour). */
  role: 'area' | 'country' | 'peer';
  points: LinePoint[];
  /** Colour of the line (default: by role, see `seriesColours`). */
  colour?: string;
}

export interface LineChartOptions {
  series: LineSeries[];
  lang: Lang;
  decimals: number;
  unit: string;
  /** Comparability breaks to draw: first period after the break and a short label. */
  breaks: { period: string; label: string }[];
  /** Accessible name of the SVG (the chart's title). */
  ariaLabel: string;
  /** One-sentence description of what the chart shows. */
  ariaDescription: string;
  /** Drawing width in CSS pixels (default `WIDTHS.wide`); below 600 the drawing is laid out for a phone. */
  width?: number;
  height?: number;
  /** Name the lines at their ends (default: when the drawing is 600 px or wider). */
  directLabels?: boolean;
  /** Name of a stretch where no line has a value (e.g. "no data"); without it such stretches are only shaded. */
  gapLabel?: string;
}

/**
 * The value axis of the series: counts from zero, other units from a rounded minimum; `zero`
 * says whether the axis starts at zero (pages say so when it does not).
 */
export function lineYDomain(series: readonly LineSeries[], unit: string): { domain: [number, number]; zero: boolean } {
  const values = series.flatMap((s) => s.points.filter((p) => p.value !== null && hasValueName(p.status)).map((p) => p.value!));
  if (values.length === 0) return { domain: [0, 1], zero: true };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (isCount(unit) || lo <= 0) lo = Math.min(0, lo);
  if (lo === hi) {
    hi = hi + (Math.abs(hi) || 1) * 0.1;
    if (!isCount(unit) && lo > 0) lo = lo - (Math.abs(lo) || 1) * 0.1;
  }
  const [a, b] = scaleLinear().domain([lo, hi]).nice(5).domain() as [number, number];
  return { domain: [a, b], zero: a <= 0 };
}

/** A status symbol before a value in a direct label: ≈ estimate, ≥ at least, ≤ at most, ? incomplete. */
export function statusSign(status: string): string {
  return status === 'estimate' ? '≈' : status === 'lower_bound' ? '≥' : status === 'upper_bound' ? '≤' : status === 'incomplete' ? '?' : '';
}

/**
 * Stretches of two or more periods in which no series has a value, between the first and the
 * last value of any: each from the last period with a value before it to the first after it.
 */
export function noDataStretches(series: readonly LineSeries[]): { from: string; to: string }[] {
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const valuedAt = new Set(series.flatMap((s) => s.points.filter((p) => p.value !== null && hasValueName(p.status)).map((p) => p.period)));
  const anyValue = periods.map((p) => valuedAt.has(p));
  const out: { from: string; to: string }[] = [];
  const lastValued = anyValue.lastIndexOf(true);
  for (let i = anyValue.indexOf(true) + 1; i < lastValued; i++) {
    if (anyValue[i]) continue;
    let j = i;
    while (!anyValue[j + 1]) j++;
    if (j > i) out.push({ from: periods[i - 1]!, to: periods[j + 1]! });
    i = j;
  }
  return out;
}

const dates = new Map<string, Date>();
/** A period's date on the time axis (made once per period: charts ask for the same few hundred). */
function periodToDate(period: string): Date {
  let d = dates.get(period);
  if (!d) dates.set(period, (d = toDate(period)));
  return d;
}

/** Renders the chart to an SVG string (coordinates rounded to 0.1 px). */
export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? WIDTHS.wide;
  const narrow = width < 600;
  const height = o.height ?? (narrow ? 250 : 340);
  const colours = seriesColours(o.series);
  const periods = [...new Set(o.series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const fmtTick = (v: number) => formatNumber(o.lang, v, isCount(o.unit) ? 0 : Math.min(o.decimals, 1));
  const { domain } = lineYDomain(o.series, o.unit);
  const yTicks = scaleLinear().domain(domain).ticks(narrow ? 4 : 5);

  // Direct labels: name and latest value; the right margin fits the longest (at most 30 %).
  const labelled = o.series
    .map((s) => ({ s, last: [...s.points].reverse().find(valued) }))
    .filter((x): x is { s: LineSeries; last: LinePoint } => x.s.label !== '' && x.last !== undefined)
    .map((x) => ({ ...x, text: `${x.s.label} ${statusSign(x.last.status)}${formatValue(o.lang, x.last.value!, o.unit, o.decimals)}`, bold: x.s.role === 'area' }));
  const labelWidth = Math.max(0, ...labelled.map((l) => textWidth(l.text, TYPE.label, l.bold)));
  const direct = (o.directLabels ?? !narrow) && labelled.length > 0 && labelWidth + 24 <= width * 0.3;
  const marginRight = direct ? Math.ceil(labelWidth + 24) : narrow ? 12 : 20;
  const marginLeft = Math.ceil(Math.max(...yTicks.map((v) => textWidth(fmtTick(v), TYPE.axis)), 20) + 12);
  const marginTop = o.breaks.length ? 26 : 14;
  const marginBottom = 28;

  // x ticks: the first of January of every n-th year (years marked by gridlines); months when
  // the chart spans fewer than two new years.
  const first = periods[0] ?? '2000-01';
  const last = periods.at(-1) ?? first;
  const monthly = first.length === 7;
  const plotWidth = width - marginLeft - marginRight;
  const maxTicks = Math.max(2, Math.floor(plotWidth / (narrow ? 52 : 64)));
  let ticks: string[];
  let tickText: (p: string) => string;
  const years: number[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) if (!monthly || `${y}-01` >= first) years.push(y);
  if (!monthly || years.length >= 2) {
    const step = Math.ceil(years.length / maxTicks);
    ticks = years.filter((y) => y % step === 0 || step === 1).map((y) => (monthly ? `${y}-01` : String(y)));
    tickText = (p) => p.slice(0, 4);
  } else {
    const months = periods.filter((p) => Number(p.slice(5, 7)) % 3 === 1);
    const step = Math.ceil(months.length / maxTicks);
    ticks = months.filter((_, i) => i % step === 0);
    tickText = formatPeriodShort;
  }

  const gaps = noDataStretches(o.series).map((g) => ({ x1: periodToDate(g.from), x2: periodToDate(g.to), label: o.gapLabel ?? '' }));

  const x = scaleUtc().domain([periodToDate(first), periodToDate(last)]).range([marginLeft, width - marginRight]);
  const y = scaleLinear().domain(domain).range([height - marginBottom, marginTop]);
  const frame = { x, y, top: marginTop, bottom: height - marginBottom };
  const topText = (text: string, at: number) => `<text transform="translate(${Math.round(at)},${marginTop})" y="0.71em">${esc(text)}</text>`;
  const gapLabels = gaps.filter((g) => g.label && textWidth(g.label, TYPE.axis) + 8 < x(g.x2) - x(g.x1));
  const marks = [
    gaps.length ? markGroup('rect', 'no data', { fill: '#eef1f4' }, gaps.map((g) => `<rect x="${Math.round(x(g.x1))}" y="${marginTop}" width="${Math.round(x(g.x2) - x(g.x1))}" height="${height - marginBottom - marginTop}"/>`).join('')) : '',
    // At the band's top left, clear of a break rule's label (which sits above the frame).
    gapLabels.length ? markGroup('text', 'no data label', { transform: 'translate(6,14)', 'text-anchor': 'start', fill: MUTED }, gapLabels.map((g) => topText(g.label, x(g.x1))).join('')) : '',
    ...o.breaks.map((b) => {
      const at = Math.round(x(periodToDate(b.period)));
      return markGroup('rule', 'break', { 'stroke-dasharray': '4,3', stroke: ALERT }, `<line x1="${at}" x2="${at}" y1="${marginTop}" y2="${height - marginBottom}"/>`);
    }),
    ...o.breaks.map((b) => {
      // The label reads rightwards from the rule, or leftwards when it would run past the plot.
      const end = x(periodToDate(b.period)) + 3 + textWidth(b.label, TYPE.axis) > width - marginRight;
      return markGroup('text', 'break label', { transform: `translate(${end ? -3 : 3},-16)`, 'text-anchor': end ? 'end' : 'start', fill: ALERT }, topText(b.label, x(periodToDate(b.period))));
    }),
    lineMarksMarkup(o.series, periodToDate, frame),
  ].join('');

  const axes = axesMarkup(
    { width, left: marginLeft, right: width - marginRight, top: marginTop, bottom: height - marginBottom, x: ticks.map((p) => ({ at: x(periodToDate(p)), text: tickText(p) })), y: yTicks.map((v) => ({ at: y(v), text: fmtTick(v) })) },
    (text) => textWidth(text, TYPE.axis),
  );
  const labels = direct
    ? endLabelsMarkup(
        labelled.map((l) => ({ text: l.text, colour: colours.get(l.s.key)!, bold: l.bold, px: x(periodToDate(l.last.period)), py: y(l.last.value!) })),
        { right: width - marginRight, top: marginTop - 6, bottom: height - marginBottom },
      )
    : null;
  // Without direct labels, a latest value standing alone after a gap carries its value, so it
  // is never an unexplained dot far from the rest (the selected area's only).
  let lone = '';
  const subject = o.series.find((s) => s.role === 'area') ?? o.series[0];
  if (!labels && subject) {
    const i = subject.points.findLastIndex(valued);
    const p = subject.points[i];
    if (p && !valued(subject.points[i - 1])) {
      const text = `${statusSign(p.status)}${formatValue(o.lang, p.value!, o.unit, o.decimals)}`;
      // Above the dot, or below it where the line before the gap comes from above (or there is no room above).
      const before = subject.points.slice(0, i).findLast(valued);
      const py = y(p.value!);
      const below = py - 8 - TYPE.label < marginTop || (before !== undefined && y(before.value!) <= py + 4 && py + 8 + TYPE.label <= height - marginBottom);
      lone = `<text x="${(x(periodToDate(p.period)) - 2).toFixed(1)}" y="${(below ? py + 8 + TYPE.label * 0.8 : py - 8).toFixed(1)}" text-anchor="end" font-weight="bold" font-size="${TYPE.label}" fill="${colours.get(subject.key)}" stroke="white" stroke-width="3" paint-order="stroke" aria-description="latest value label">${esc(text)}</text>`;
    }
  }
  const tips = periodTargetsMarkup({ from: first, to: last, x0: x(periodToDate(first)), x1: x(periodToDate(last)), top: marginTop, bottom: height - marginBottom });
  return compactSvg(svgRoot({ width, height, ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription, root: { 'data-labels': labels ? 'direct' : 'legend' } }, axes.back + marks + axes.front + (labels ?? '') + lone + tips));
}

/** Renders the chart to an SVG element of `o.document` (the comparison tool, in the browser). */
export function renderLineChart(o: LineChartOptions & { document: Document }): Element {
  const template = o.document.createElement('template');
  template.innerHTML = lineChart(o);
  return template.content.firstElementChild!;
}
