/**
 * Seasonal chart (SVG text at build time, src/charts/marks.ts): one line per year across the twelve
 * months, so that a reader can tell a seasonal rise (the same months rise every year) from a real
 * one. The latest year is the selected area's blue and thick; earlier years are greys, darker
 * when more recent, each named at its end. Statuses are drawn as on every line chart.
 */
import { scaleLinear } from 'd3';
import { formatNumber, monthShort } from '../i18n/format.ts';
import { formatValue, isCount } from '../lib/units.ts';
import { esc } from './aria.ts';
import { compactSvg } from './compact.ts';
import { textWidth } from './labels.ts';
import { lineYDomain, statusSign, type LineSeries } from './line.ts';
import { lineMarksMarkup, svgRoot } from './marks.ts';
import { axesMarkup, endLabelsMarkup, tipTargetsMarkup } from './svg.ts';
import type { ChartBase } from './svg.ts';
import { MUTED, SUBJECT, TYPE, WIDTHS } from './theme.ts';

/** Greys of earlier years, most recent first (each at least 3:1 against white). */
const YEAR_GREYS = ['#5b6670', '#6b7580', '#7b858f', '#87919b', '#87919b'] as const;

export interface SeasonalOptions extends Omit<ChartBase, 'document'> {
  /** One series per year, oldest first; points are months (`YYYY-MM`) of that year. The last is the latest year. */
  years: { year: string; points: { period: string; value: number | null; status: string }[] }[];
}

/** The colour of each year's line: the latest the selected area's blue, earlier ones greys. */
export function yearColours(years: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  years.forEach((y, i) => out.set(y, i === years.length - 1 ? SUBJECT : YEAR_GREYS[Math.min(years.length - 2 - i, YEAR_GREYS.length - 1)]!));
  return out;
}

/** Renders the chart to an SVG string. */
export function seasonalChart(o: SeasonalOptions): string {
  const width = o.width ?? WIDTHS.wide;
  const narrow = width < 600;
  const height = narrow ? 250 : 320;
  const colours = yearColours(o.years.map((y) => y.year));
  const latest = o.years.at(-1)?.year;
  const series: LineSeries[] = o.years.map((y) => ({ key: y.year, label: y.year, role: y.year === latest ? 'area' : 'peer', colour: colours.get(y.year), points: y.points }));
  const fmtTick = (v: number) => formatNumber(o.lang, v, isCount(o.unit) ? 0 : Math.min(o.decimals, 1));
  const { domain } = lineYDomain(series, o.unit);
  const yTicks = scaleLinear().domain(domain).ticks(narrow ? 4 : 5);
  const lastOf = (s: LineSeries) => [...s.points].reverse().find((p) => p.value !== null && p.status !== 'missing' && p.status !== 'suppressed');
  const labels = series
    .map((s) => ({ s, last: lastOf(s) }))
    .filter((x): x is { s: LineSeries; last: NonNullable<ReturnType<typeof lastOf>> } => x.last !== undefined)
    .map((x) => ({ ...x, text: x.s.role === 'area' ? `${x.s.label} ${statusSign(x.last.status)}${formatValue(o.lang, x.last.value!, o.unit, o.decimals)}` : x.s.label }));
  const month = (period: string) => Number(period.slice(5, 7));
  const inline = labels.find((l) => l.s.role === 'area' && month(l.last.period) <= 10);
  const labelWidth = Math.max(0, ...labels.filter((l) => l !== inline).map((l) => textWidth(l.text, TYPE.label, l.s.role === 'area')));
  // On a phone too, when the years' names fit a narrow margin (the latest year then ends before November).
  const direct = labels.length > 0 && (!narrow || labelWidth + 24 <= width * 0.3);
  const marginRight = direct ? Math.ceil(labelWidth + 24) : 12;
  const marginLeft = Math.ceil(Math.max(...yTicks.map((v) => textWidth(fmtTick(v), TYPE.axis)), 20) + 12);
  const marginTop = 14;
  const marginBottom = 28;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const x = scaleLinear().domain([1, 12]).range([marginLeft, width - marginRight]);
  const y = scaleLinear().domain(domain).range([height - marginBottom, marginTop]);
  const marks = lineMarksMarkup(series, month, { x, y, top: marginTop, bottom: height - marginBottom }, { widths: { peer: 1.8 } });
  const axes = axesMarkup(
    { width, left: marginLeft, right: width - marginRight, top: marginTop, bottom: height - marginBottom, x: (narrow ? [1, 4, 7, 10] : months).map((m) => ({ at: x(m), text: monthShort(o.lang, m) })), y: yTicks.map((v) => ({ at: y(v), text: fmtTick(v) })) },
    (text) => textWidth(text, TYPE.axis),
  );
  // Earlier years are named in the margin; the latest year, when it ends before November, right
  // after its last month (a leader across the rest of the year would cross the other lines).
  const inlineFits = !inline || x(month(inline.last.period)) + 8 + textWidth(inline.text, TYPE.label, true) <= width - marginRight + 4;
  const margin = direct && inlineFits
    ? endLabelsMarkup(
        labels.filter((l) => l !== inline).map((l) => ({ text: l.text, colour: l.s.role === 'area' ? SUBJECT : MUTED, bold: l.s.role === 'area', px: x(month(l.last.period)), py: y(l.last.value!) })),
        { right: width - marginRight, top: marginTop - 6, bottom: height - marginBottom },
      )
    : null;
  const inlineLabel = margin !== null && inline ? `<text x="${(x(month(inline.last.period)) + 8).toFixed(1)}" y="${y(inline.last.value!).toFixed(1)}" dy="0.35em" text-anchor="start" fill="${SUBJECT}" font-weight="bold" font-size="${TYPE.label}" stroke="white" stroke-width="3" paint-order="stroke" aria-description="latest year label">${esc(inline.text)}</text>` : '';
  const tips = tipTargetsMarkup({ keys: months.map(String), xs: months.map(x), top: marginTop, bottom: height - marginBottom });
  return compactSvg(svgRoot({ width, height, ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription, root: { 'data-labels': margin !== null ? 'direct' : 'legend' } }, axes.back + marks + axes.front + (margin ?? '') + inlineLabel + tips));
}
