/**
 * Time-series chart (Observable Plot, rendered to SVG at build time). Gaps stay gaps: a missing
 * period interrupts the line. Lower bounds are hollow dots; withheld values are crosses along the
 * bottom; comparability breaks are dashed vertical rules with a label. The country line is
 * dashed and peers are thin grey lines, so no meaning depends on colour alone.
 */
import * as Plot from '@observablehq/plot';
import { utcYear } from 'd3';
import { formatNumber, formatPeriodShort, type Lang } from '../i18n/format.ts';
import { periodToDate } from '../lib/periods.ts';
import { fixAria } from './aria.ts';

interface LinePoint {
  period: string;
  value: number | null;
  status: string;
}

export interface LineSeries {
  /** Stable key (area code). */
  key: string;
  /** Label drawn at the line's end. */
  label: string;
  /** `area` = the subject (strong), `country` (dashed), `peer` (thin grey). */
  role: 'area' | 'country' | 'peer';
  points: LinePoint[];
  /** Colour of an `area` line when several are compared (default: the portal's blue). */
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
  width?: number;
  height?: number;
  /** The DOM to render with: linkedom's at build time (src/charts/dom.ts), `window.document` in the browser. */
  document: Document;
}


const COLOURS = { area: '#0b4f8a', country: '#3d3d3d', peer: '#9aa5b1' } as const;

/** Renders the chart to an SVG string. */
export function lineChart(o: LineChartOptions): string {
  return (renderLineChart(o) as Element).outerHTML;
}

/** Renders the chart to an SVG element of `o.document`. */
export function renderLineChart(o: LineChartOptions): Element {
  const colourOf = new Map(o.series.map((s) => [s.key, s.role === 'area' ? (s.colour ?? COLOURS.area) : COLOURS[s.role]]));
  const rows = o.series.flatMap((s) =>
    s.points.map((p) => ({ key: s.key, label: s.label, role: s.role, colour: colourOf.get(s.key)!, date: periodToDate(p.period), period: p.period, value: p.value, status: p.status })),
  );
  const valued = rows.filter((r) => r.value !== null);
  // A value whose neighbours (in its own series) have no value would be invisible as a line.
  const isolated: typeof rows = [];
  for (const s of o.series) {
    s.points.forEach((p, i) => {
      if (p.value === null || p.status !== 'ok') return;
      const before = s.points[i - 1]?.value ?? null;
      const after = s.points[i + 1]?.value ?? null;
      if (before === null && after === null) isolated.push({ key: s.key, label: s.label, role: s.role, colour: colourOf.get(s.key)!, date: periodToDate(p.period), period: p.period, value: p.value, status: p.status });
    });
  }
  const fmt = (v: number) => formatNumber(o.lang, v, o.unit === 'persons' || o.unit === 'euros' ? 0 : Math.min(o.decimals, 1));
  const years = new Set(valued.map((r) => r.period.slice(0, 4)));
  const svg = Plot.plot({
    document: o.document,
    width: o.width ?? 640,
    height: o.height ?? 260,
    marginLeft: 56,
    marginRight: 130,
    marginTop: 22,
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    style: { fontSize: '12px', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1b1b1b', background: 'transparent' },
    // Whole years on the axis (one tick every n years, so the labels never repeat or crowd);
    // for one or two years, months.
    x: {
      type: 'utc',
      label: null,
      ...(years.size > 2 ? { ticks: utcYear.every(Math.ceil(years.size / 8)) ?? undefined, tickFormat: '%Y' } : { tickFormat: (d: Date) => formatPeriodShort(d.toISOString().slice(0, 7)) }),
    },
    y: { grid: true, label: null, tickFormat: fmt, zero: o.unit === 'persons' || o.unit === 'euros' },
    marks: [
      ...o.breaks.map((b) => Plot.ruleX([periodToDate(b.period)], { stroke: '#8a1c1c', strokeDasharray: '4,3', ariaDescription: 'break' })),
      ...o.breaks.map((b) =>
        Plot.text([b], { x: () => periodToDate(b.period), frameAnchor: 'top', dy: -14, text: 'label', fill: '#8a1c1c', textAnchor: 'start', dx: 3, ariaDescription: 'break label' }),
      ),
      // One line mark per role (per series for coloured comparisons), so each has constant
      // styles: peers under the country under the areas.
      ...(['peer', 'country', 'area'] as const).flatMap((role) =>
        (role === 'area' ? o.series.filter((s) => s.role === 'area').map((s) => [s.key, s.colour ?? COLOURS.area] as const) : [[null, COLOURS[role]] as const]).map(([key, colour]) =>
        Plot.lineY(
          rows.filter((r) => r.role === role && (key === null || r.key === key)),
          {
            x: 'date',
            y: 'value',
            z: 'key',
            stroke: colour,
            strokeWidth: role === 'area' ? 2.5 : role === 'country' ? 1.8 : 1,
            strokeDasharray: role === 'country' ? '6,3' : undefined,
            ariaDescription: `${role} line`,
          },
        ),
        ),
      ),
      // Single values (a period with no neighbour) would be invisible as a line: draw a dot.
      Plot.dot(isolated, { x: 'date', y: 'value', r: 2.5, fill: (d: { colour: string }) => d.colour, ariaDescription: 'single value' }),
      Plot.dot(valued.filter((r) => r.status === 'lower_bound'), { x: 'date', y: 'value', r: 3.5, stroke: (d: { colour: string }) => d.colour, fill: 'white', ariaDescription: 'lower bound' }),
      Plot.dot(rows.filter((r) => r.status === 'suppressed'), { x: 'date', frameAnchor: 'bottom', symbol: 'times', r: 3.5, stroke: '#8a1c1c', ariaDescription: 'withheld' }),
      Plot.text(valued.filter((r) => r.label !== ''), Plot.selectLast({ x: 'date', y: 'value', z: 'key', text: 'label', dx: 6, textAnchor: 'start', fill: (d: { role: string; colour: string }) => (d.role === 'peer' ? '#5b6670' : d.colour), ariaDescription: 'label' })),
    ],
  }) as unknown as Element;
  return fixAria(svg);
}
