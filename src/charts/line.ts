/**
 * Time-series chart (Observable Plot; SVG at build time, and in the comparison tool's browser).
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
 * - A `g.tip-targets` carries the periods and their x positions for the tooltip script
 *   (public/js/chart-tools.js), which reads the values from the chart's table.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber, formatPeriodShort, type Lang } from '../i18n/format.ts';
import { periodToDate as toDate } from '../lib/periods.ts';
import { hasValueName } from '../lib/status.ts';
import { formatValue, isCount } from '../lib/units.ts';
import { esc, fixAria } from './aria.ts';
import { axesMarkup, endLabelsMarkup, plotFrame, splice, tipTargetsMarkup } from './svg.ts';
import { compactSvg } from './compact.ts';
import { textWidth } from './labels.ts';
import { seriesColours } from './legend.ts';
import { ALERT, DASH, ESTIMATE_OPACITY, MUTED, STATUS_MARK, STROKE, TYPE, WIDTHS } from './theme.ts';

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
  /** The DOM to render with: linkedom's at build time (src/charts/dom.ts), `window.document` in the browser. */
  document: Document;
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

interface Row {
  key: string;
  seg: string;
  x: Date | number;
  value: number;
  colour: string;
  width: number;
}

const dates = new Map<string, Date>();
/** A period's date on the time axis (made once per period: charts ask for the same few hundred). */
function periodToDate(period: string): Date {
  let d = dates.get(period);
  if (!d) dates.set(period, (d = toDate(period)));
  return d;
}

/** Whether a point carries a value that can be drawn. */
const valued = (p: LinePoint | undefined) => p !== undefined && p.value !== null && hasValueName(p.status);

/**
 * The marks of lines (Observable Plot) with every status drawn as theme.ts says: lines split at
 * missing values and where the style changes (the stretch between an exact and an estimated
 * value is drawn as estimated); a dot for a value with no neighbour; a dot at each line's last
 * value; hollow ▲ ▼ ◆ for bounds; crosses on the bottom edge for withheld values. `xOf` places a
 * period on the x axis (a date, or a month number for the seasonal chart). Used by every chart
 * of lines (time series, seasonal chart, small multiples).
 */
export function lineMarks(series: readonly LineSeries[], xOf: (period: string) => Date | number, o: { widths?: Partial<Record<LineSeries['role'], number>>; ends?: boolean; marks?: boolean } = {}): Plot.Markish[] {
  const colours = seriesColours(series);
  const byRole = { peer: [[], []], country: [[], []], area: [[], []] } as Record<LineSeries['role'], [Row[], Row[]]>;
  const isolated: (Row & { status: string })[] = [];
  const marks: { row: Row; status: string }[] = [];
  const suppressed: { x: Date | number }[] = [];
  const ends: Row[] = [];
  for (const s of series) {
    const colour = colours.get(s.key)!;
    const w = o.widths?.[s.role] ?? STROKE[s.role];
    let seg = 0;
    let prev: { p: LinePoint; est: boolean } | null = null;
    const [exact, est] = byRole[s.role];
    s.points.forEach((p, i) => {
      if (p.status === 'suppressed') suppressed.push({ x: xOf(p.period) });
      if (!valued(p)) {
        prev = null;
        seg++;
        return;
      }
      const row: Row = { key: s.key, seg: '', x: xOf(p.period), value: p.value!, colour, width: w };
      const isEst = p.status === 'estimate';
      if (!valued(s.points[i - 1]) && !valued(s.points[i + 1])) isolated.push({ ...row, status: p.status });
      if (p.status === 'lower_bound' || p.status === 'upper_bound' || p.status === 'incomplete') marks.push({ row, status: p.status });
      if (prev === null || prev.est === isEst) {
        (isEst ? est : exact).push({ ...row, seg: `${s.key}:${seg}` });
      } else {
        // The style changes: the connecting stretch is an estimate.
        const prevRow: Row = { ...row, x: xOf(prev.p.period), value: prev.p.value! };
        seg++;
        if (isEst) {
          est.push({ ...prevRow, seg: `${s.key}:${seg}` }, { ...row, seg: `${s.key}:${seg}` });
        } else {
          est.push({ ...row, seg: `${s.key}:${seg - 1}` });
          exact.push({ ...row, seg: `${s.key}:${seg}` });
        }
      }
      prev = { p, est: isEst };
    });
    const lastPoint = [...s.points].reverse().find(valued);
    if (lastPoint) ends.push({ key: s.key, seg: '', x: xOf(lastPoint.period), value: lastPoint.value!, colour, width: w });
  }
  const common = { x: 'x', y: 'value', z: 'seg', stroke: 'colour', strokeWidth: 'width', strokeLinejoin: 'round', strokeLinecap: 'round' } as const;
  const out: Plot.Markish[] = [];
  for (const role of ['peer', 'country', 'area'] as const) {
    const [exact, est] = byRole[role];
    if (exact.length) out.push(Plot.line(exact, { ...common, strokeDasharray: role === 'country' ? DASH.country : undefined, ariaDescription: `${role} line` }));
    if (est.length) out.push(Plot.line(est, { ...common, strokeDasharray: DASH.estimate, strokeOpacity: ESTIMATE_OPACITY, ariaDescription: `${role} estimate` }));
  }
  // A value with no neighbour would be invisible as a line: a dot (hollow for an estimate).
  if (isolated.length) out.push(Plot.dot(isolated, { x: 'x', y: 'value', r: 3.5, stroke: 'colour', strokeWidth: 1.5, fill: (d: { status: string; colour: string }) => (d.status === 'estimate' ? 'white' : d.colour), ariaDescription: 'single value' }));
  if (o.ends !== false && ends.length) out.push(Plot.dot(ends, { x: 'x', y: 'value', r: 3, fill: 'colour', ariaDescription: 'latest value' }));
  if (o.marks !== false) {
    for (const status of Object.keys(STATUS_MARK) as (keyof typeof STATUS_MARK)[]) {
      const rows = marks.filter((m) => m.status === status).map((m) => m.row);
      if (rows.length) out.push(Plot.dot(rows, { x: 'x', y: 'value', r: 4, symbol: STATUS_MARK[status].symbol, rotate: STATUS_MARK[status].rotate, stroke: 'colour', strokeWidth: 1.3, fill: 'white', ariaDescription: status.replace('_', ' ') }));
    }
  }
  if (suppressed.length) out.push(Plot.dot(suppressed, { x: 'x', frameAnchor: 'bottom', symbol: 'times', r: 3.5, stroke: ALERT, ariaDescription: 'withheld' }));
  return out;
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
  const t0 = periodToDate(first).getTime();
  const span = periodToDate(last).getTime() - t0 || 1;
  const px = (d: Date) => marginLeft + ((d.getTime() - t0) / span) * plotWidth;

  // Plot draws the data marks only; axes, labels and tooltip targets are written as text (svg.ts).
  const plot = Plot.plot({
    ...plotFrame({ document: o.document, width, height, marginTop, marginRight, marginBottom, marginLeft, ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription }),
    x: { type: 'utc', axis: null, domain: [periodToDate(first), periodToDate(last)] },
    y: { axis: null, domain },
    marks: [
      ...(gaps.length
        ? [
            Plot.rect(gaps, { x1: 'x1', x2: 'x2', fill: '#eef1f4', ariaDescription: 'no data' }),
            Plot.text(
              gaps.filter((g) => g.label && textWidth(g.label, TYPE.axis) + 8 < px(g.x2) - px(g.x1)),
              // At the band's top left, clear of a break rule's label (which sits above the frame).
              { x: 'x1', frameAnchor: 'top', dy: 14, dx: 6, textAnchor: 'start', text: 'label', fill: MUTED, ariaDescription: 'no data label' },
            ),
          ]
        : []),
      ...o.breaks.map((b) => Plot.ruleX([periodToDate(b.period)], { stroke: ALERT, strokeDasharray: '4,3', ariaDescription: 'break' })),
      ...o.breaks.map((b) => {
        // The label reads rightwards from the rule, or leftwards when it would run past the plot.
        const end = px(periodToDate(b.period)) + 3 + textWidth(b.label, TYPE.axis) > width - marginRight;
        return Plot.text([b], { x: () => periodToDate(b.period), frameAnchor: 'top', dy: -16, text: 'label', fill: ALERT, textAnchor: end ? 'end' : 'start', dx: end ? -3 : 3, ariaDescription: 'break label' });
      }),
      ...lineMarks(o.series, periodToDate),
    ],
  }) as unknown as Element & { scale: (name: string) => { apply: (v: unknown) => number } };

  const x = (d: Date) => plot.scale('x').apply(d);
  const y = (v: number) => plot.scale('y').apply(v);
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
  const tips = tipTargetsMarkup({ keys: periods, xs: periods.map((p) => x(periodToDate(p))), top: marginTop, bottom: height - marginBottom });
  return compactSvg(splice(fixAria(plot).outerHTML, { back: axes.back, front: axes.front + (labels ?? '') + lone + tips, root: { 'data-labels': labels ? 'direct' : 'legend' } }));
}

/** Renders the chart to an SVG element of `o.document` (the comparison tool, in the browser). */
export function renderLineChart(o: LineChartOptions): Element {
  const template = o.document.createElement('template');
  template.innerHTML = lineChart(o);
  return template.content.firstElementChild!;
}
