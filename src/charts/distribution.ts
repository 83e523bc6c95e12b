/**
 * Distribution of one indicator across areas (a beeswarm strip of dots, Observable Plot, SVG at
 * build time) with the whole country as a dashed rule, and names where a reader needs them: the
 * selected area, the whole country, and the lowest and highest areas. Names sit in a row above
 * the dots, moved apart so that none overlaps another, each tied to its dot by a leader.
 * Estimates are hollow dots; bounds use their hollow marks.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber, type Lang } from '../i18n/format.ts';
import { formatValue } from '../lib/units.ts';
import { esc, fixAria } from './aria.ts';
import { compactSvg } from './compact.ts';
import { serverDocument } from './dom.ts';
import { dodge, textWidth } from './labels.ts';
import { statusSign } from './line.ts';
import { attrs, axesMarkup, plotFrame, splice, tipTargetsMarkup } from './svg.ts';
import { COUNTRY, INK, STATUS_MARK, SUBJECT, TYPE, WIDTHS } from './theme.ts';

export interface DistributionOptions {
  values: { code: string; name: string; value: number; status?: string }[];
  country: number | null;
  countryLabel: string;
  highlight?: string;
  lang: Lang;
  decimals: number;
  unit?: string;
  ariaLabel: string;
  ariaDescription: string;
  width?: number;
}

export function distributionChart(o: DistributionOptions): string {
  const width = o.width ?? WIDTHS.wide;
  const narrow = width < 600;
  const unit = o.unit ?? 'percent';
  const fmt = (v: number) => formatNumber(o.lang, v, Math.min(o.decimals, 1));
  const value = (v: number, status = 'ok') => `${statusSign(status)}${formatValue(o.lang, v, unit, o.decimals)}`;
  const r = narrow ? 4.5 : 5.5;
  const labelRow = narrow ? 2 : 1;
  const marginTop = 14 + labelRow * (TYPE.label + 6) + 10;
  const height = marginTop + (narrow ? 110 : 100) + 26;
  const others = o.values.filter((v) => v.code !== o.highlight);
  const statusOf = (v: { status?: string }) => v.status ?? 'ok';
  const byStatus = (status: string) => others.filter((v) => (status === 'ok' ? !(statusOf(v) in STATUS_MARK) && statusOf(v) !== 'estimate' : statusOf(v) === status));
  const all = [...o.values.map((v) => v.value), ...(o.country === null ? [] : [o.country])];
  const xScale = scaleLinear().domain([Math.min(...all), Math.max(...all)]).nice(narrow ? 4 : 8);
  const svg = Plot.plot({
    ...plotFrame({ document: serverDocument(), width, height, marginTop, marginRight: 24, marginBottom: 26, marginLeft: 24, ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription }),
    x: { domain: xScale.domain(), axis: null },
    y: { axis: null },
    marks: [
      ...(o.country === null ? [] : [Plot.ruleX([o.country], { stroke: COUNTRY, strokeDasharray: '6,3', strokeWidth: 1.5, ariaDescription: 'whole country' })]),
      Plot.dot(byStatus('ok'), Plot.dodgeY('middle', { x: 'value', r, fill: '#7eaed8', stroke: '#3f7fbd', ariaLabel: 'code', ariaDescription: 'areas' } as Plot.DotOptions & Plot.DodgeYOptions)),
      Plot.dot(byStatus('estimate'), Plot.dodgeY('middle', { x: 'value', r, fill: 'white', stroke: '#3f7fbd', strokeWidth: 1.5, ariaLabel: 'code', ariaDescription: 'estimates' } as Plot.DotOptions & Plot.DodgeYOptions)),
      ...(Object.keys(STATUS_MARK) as (keyof typeof STATUS_MARK)[]).map((status) =>
        Plot.dot(byStatus(status), Plot.dodgeY('middle', { x: 'value', r: r + 0.5, symbol: STATUS_MARK[status].symbol, rotate: STATUS_MARK[status].rotate, fill: 'white', stroke: '#3f7fbd', strokeWidth: 1.4, ariaLabel: 'code', ariaDescription: status.replace('_', ' ') } as Plot.DotOptions & Plot.DodgeYOptions)),
      ),
      Plot.dot(o.values.filter((v) => v.code === o.highlight), { x: 'value', frameAnchor: 'middle', r: r + 2.5, fill: SUBJECT, stroke: INK, strokeWidth: 1.5, ariaLabel: 'code', ariaDescription: 'this area' }),
    ],
  }) as unknown as Element & { scale: (name: string) => { apply: (v: unknown) => number } };
  const sx = (v: number) => svg.scale('x').apply(v);

  // Where each dot was drawn (Plot placed them; the codes ride on aria-label, removed here).
  const at = new Map<string, { x: number; y: number }>();
  for (const c of svg.querySelectorAll('circle[aria-label], path[aria-label]')) {
    const code = c.getAttribute('aria-label')!;
    const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(c.getAttribute('transform') ?? '');
    const x = Number(c.getAttribute('cx') ?? t?.[1]);
    const y = Number(c.getAttribute('cy') ?? t?.[2]);
    at.set(code, { x, y });
    c.removeAttribute('aria-label');
  }

  // Names: the selected area, the country, the lowest and the highest, in a row (two on a
  // phone) above the dots, moved apart along x.
  const sorted = [...o.values].sort((a, b) => a.value - b.value || a.code.localeCompare(b.code));
  const named = [
    ...o.values.filter((v) => v.code === o.highlight).map((v) => ({ code: v.code, text: `${v.name} ${value(v.value, v.status)}`, bold: true, colour: SUBJECT, x: sx(v.value), y: at.get(v.code)?.y })),
    ...(o.country === null ? [] : [{ code: 'SSS', text: `${o.countryLabel} ${value(o.country)}`, bold: true, colour: COUNTRY, x: sx(o.country), y: undefined as number | undefined }]),
    ...[sorted[0], sorted.at(-1)].filter((v): v is NonNullable<typeof v> => v !== undefined && v.code !== o.highlight).map((v) => ({ code: v.code, text: `${v.name} ${value(v.value, v.status)}`, bold: false, colour: INK, x: sx(v.value), y: at.get(v.code)?.y })),
  ].filter((n, i, all) => all.findIndex((m) => m.code === n.code) === i);
  const parts: string[] = [];
  const left = 4;
  const right = width - 4;
  const rows: (typeof named)[] = Array.from({ length: labelRow }, () => []);
  // On a phone the extremes take the first row and the country and the selected area the second,
  // between the extremes' leaders (which drop straight down from under their names at the ends),
  // so that no leader crosses a name.
  const extreme = (n: (typeof named)[number]) => n.code !== 'SSS' && n.code !== o.highlight;
  named.forEach((n) => rows[labelRow === 2 && !extreme(n) ? 1 : 0]!.push(n));
  const dropped: number[] = [];
  rows.forEach((row, k) => {
    const ordered = [...row].sort((a, b) => a.x - b.x);
    const widths = ordered.map((n) => textWidth(n.text, TYPE.label, n.bold));
    const want = ordered.map((n, i) => ({ at: n.x, size: widths[i]! }));
    const lo = Math.max(left, ...(k > 0 ? dropped.filter((x) => x < width / 2).map((x) => x + 6) : []));
    const hi = Math.min(right, ...(k > 0 ? dropped.filter((x) => x >= width / 2).map((x) => x - 6) : []));
    const placed = dodge(want, lo, hi, 10) ?? dodge(want, left, right, 10);
    if (!placed) return;
    const ly = 14 + k * (TYPE.label + 6);
    ordered.forEach((n, i) => {
      const cx = placed[i]!;
      const dotY = n.y ?? marginTop;
      // The leader leaves the name from the point under it nearest the dot (straight down when the name is above its dot).
      const top = labelRow === 2 ? Math.min(Math.max(n.x, cx - widths[i]! / 2 + 2), cx + widths[i]! / 2 - 2) : cx;
      if (labelRow === 2 && k === 0) dropped.push(top);
      parts.push(`<path${attrs({ d: `M${top.toFixed(1)},${ly + 5}L${n.x.toFixed(1)},${(dotY - (n.y === undefined ? 0 : r + 1)).toFixed(1)}`, stroke: n.colour, 'stroke-width': 1, 'stroke-opacity': 0.6, fill: 'none' })}/>`);
      parts.push(`<text${attrs({ x: cx.toFixed(1), y: ly, 'text-anchor': 'middle', fill: n.colour, 'font-weight': n.bold ? 'bold' : undefined })}>${esc(n.text)}</text>`);
    });
  });
  const keys = [...at.keys()];
  const labels = `<g aria-description="labels" font-size="${TYPE.label}">${parts.join('')}</g>`;
  const axes = axesMarkup({ width, left: 24, right: width - 24, top: marginTop, bottom: height - 26, x: xScale.ticks(narrow ? 4 : 8).map((v) => ({ at: sx(v), text: fmt(v) })), y: [] }, (text) => textWidth(text, TYPE.axis));
  const tips = tipTargetsMarkup({ keys, xs: keys.map((k) => at.get(k)!.x), ys: keys.map((k) => at.get(k)!.y) });
  return compactSvg(splice(fixAria(svg).outerHTML, { back: axes.back, front: axes.front + labels + tips }));
}
