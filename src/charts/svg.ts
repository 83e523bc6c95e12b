/**
 * SVG markup shared by the chart builders, written as text: axes and gridlines, direct labels at
 * line ends, tooltip targets, and splicing them into a drawing Observable Plot made of the data
 * marks. Plot draws the data; these parts are plain text because drawing them through a DOM (as
 * Plot's own axes do) costs five times as much, and every profile page draws about fifteen charts.
 */
import { esc } from './aria.ts';
import { dodge } from './labels.ts';
import type { Lang } from '../i18n/format.ts';
import { PLOT_STYLE, TYPE } from './theme.ts';

/** Attributes as markup (` name="value"`), skipping undefined ones; values escaped. */
export function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

/**
 * Puts markup into a drawing: `back` just after its style (under the data marks), `front` at its
 * end (over them), and `root` attributes on the `<svg>` element.
 */
export function splice(svg: string, parts: { back?: string; front?: string; root?: Record<string, string> }): string {
  let out = svg;
  if (parts.root) out = out.replace(/^<svg/, `<svg${attrs(parts.root)}`);
  if (parts.back) {
    const at = out.indexOf('</style>');
    const i = at >= 0 ? at + '</style>'.length : out.indexOf('>') + 1;
    out = out.slice(0, i) + parts.back + out.slice(i);
  }
  if (parts.front) out = out.replace(/<\/svg>$/, `${parts.front}</svg>`);
  return out;
}

export interface Axes {
  width: number;
  /** The plot's frame. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Ticks of the horizontal axis: position and text; gridlines mark them. */
  x: { at: number; text: string }[];
  /** Ticks of the vertical axis (bold for an emphasised row). */
  y: { at: number; text: string; bold?: boolean }[];
  /** Gridlines of the vertical axis too (default true). */
  yGrid?: boolean;
  /** The horizontal axis's labels above the frame as well as under it. */
  xTop?: boolean;
}

/**
 * Gridlines (back) and tick labels (front) of a chart, as Plot would draw them: faint lines at
 * every tick, values left of the frame, years or months under it; a label at the drawing's edge
 * is anchored inwards so that it is never cut off.
 */
export function axesMarkup(a: Axes, estimate: (text: string) => number): { back: string; front: string } {
  const grid = [
    ...(a.yGrid === false ? [] : a.y.map((t) => `<line x1="${a.left}" x2="${a.right}" y1="${t.at.toFixed(1)}" y2="${t.at.toFixed(1)}"/>`)),
    ...a.x.map((t) => `<line x1="${t.at.toFixed(1)}" x2="${t.at.toFixed(1)}" y1="${a.top}" y2="${a.bottom}"/>`),
  ].join('');
  const yLabels = a.y.map((t) => `<text x="${a.left - 6}" y="${t.at.toFixed(1)}" dy="0.32em"${t.bold ? ' font-weight="bold"' : ''}>${esc(t.text)}</text>`).join('');
  const xLabels = (y: number, dy: string) =>
    a.x
      .map((t) => {
        const w = estimate(t.text);
        const anchor = t.at - w / 2 < 0 ? 'start' : t.at + w / 2 > a.width ? 'end' : 'middle';
        const x = anchor === 'start' ? Math.max(0, t.at - 2) : anchor === 'end' ? Math.min(a.width, t.at + 2) : t.at;
        return `<text x="${x.toFixed(1)}" y="${y}" dy="${dy}" text-anchor="${anchor}">${esc(t.text)}</text>`;
      })
      .join('');
  return {
    back: `<g role="group" aria-hidden="true" aria-label="grid" stroke="currentColor" stroke-opacity="0.1">${grid}</g>`,
    front:
      `<g role="group" aria-label="y-axis tick label" font-variant="tabular-nums" text-anchor="end">${yLabels}</g>` +
      `<g role="group" aria-label="x-axis tick label" font-variant="tabular-nums">${xLabels(a.bottom + 9, '0.71em')}${a.xTop ? xLabels(a.top - 9, '0') : ''}</g>`,
  };
}

export interface EndLabel {
  text: string;
  colour: string;
  bold?: boolean;
  /** The line's last point. */
  px: number;
  py: number;
}

/**
 * Direct labels in a chart's right margin (from `right`), each as near its line's end as the
 * others allow, never overlapping (see `dodge`), with a leader when moved or when the line ends
 * before the margin; null when they cannot all fit between `top` and `bottom` (the page's legend
 * names the lines then).
 */
export function endLabelsMarkup(labels: readonly EndLabel[], box: { right: number; top: number; bottom: number }): string | null {
  const placed = dodge(labels.map((l) => ({ at: l.py, size: TYPE.label + 3 })), box.top, box.bottom, 1);
  if (placed === null) return null;
  const parts = labels.map((l, i) => {
    const ly = placed[i]!;
    const leader = Math.abs(ly - l.py) > 2 || l.px < box.right - 2 ? `<path d="M${(l.px + 4).toFixed(1)},${l.py.toFixed(1)}L${box.right + 2},${ly.toFixed(1)}" stroke="${l.colour}" stroke-width="1" stroke-opacity="0.6" fill="none"/>` : '';
    return `${leader}<text x="${box.right + 6}" y="${ly.toFixed(1)}" dy="0.35em" fill="${l.colour}"${l.bold ? ' font-weight="bold"' : ''}>${esc(l.text)}</text>`;
  });
  return `<g role="group" aria-label="labels" aria-description="labels" font-size="${TYPE.label}" text-anchor="start">${parts.join('')}</g>`;
}

/**
 * The tooltip targets of a chart (read by public/js/chart-tools.js): their keys (periods, months
 * or area codes) and positions; without `ys` a target is a column from `top` to `bottom`.
 */
export function tipTargetsMarkup(t: { keys: readonly string[]; xs: readonly number[]; ys?: readonly number[]; top?: number; bottom?: number }): string {
  return `<g${attrs({
    class: 'tip-targets',
    'data-keys': t.keys.join(' '),
    'data-xs': t.xs.map((v) => v.toFixed(1)).join(' '),
    'data-ys': t.ys?.map((v) => v.toFixed(1)).join(' '),
    'data-top': t.top?.toFixed(1),
    'data-bottom': t.bottom?.toFixed(1),
  })}/>`;
}

/**
 * The tooltip targets of a time series: every period from `from` to `to` (months or years), placed
 * on the chart's time scale, which `x0` and `x1` (the first and the last period's positions) fix.
 * Written as the two ends rather than a list (see {@link tipTargetsMarkup}) because the whole
 * history of a monthly series has about 250 periods; public/js/chart-tools.js lists them.
 */
export function periodTargetsMarkup(t: { from: string; to: string; x0: number; x1: number; top: number; bottom: number }): string {
  return `<g${attrs({ class: 'tip-targets', 'data-periods': `${t.from} ${t.to}`, 'data-x': `${t.x0.toFixed(1)} ${t.x1.toFixed(1)}`, 'data-top': t.top.toFixed(1), 'data-bottom': t.bottom.toFixed(1) })}/>`;
}

/** The options every chart gives Observable Plot: its DOM, size and margins, its accessible name and description, the theme's style, colours taken as given. */
export function plotFrame(o: { document: Document; width: number; height: number; marginTop: number; marginRight: number; marginBottom: number; marginLeft: number; ariaLabel?: string; ariaDescription?: string }) {
  return { ...o, style: PLOT_STYLE, color: { type: 'identity' as const } };
}

/** What every chart of one indicator is given besides its data: the language, the indicator's unit and decimals, its accessible name and description, its drawing width and the DOM to draw with. */
export interface ChartBase {
  lang: Lang;
  decimals: number;
  unit: string;
  ariaLabel: string;
  ariaDescription: string;
  /** Drawing width in CSS pixels (default `WIDTHS.wide`); below 600 the drawing is laid out for a phone. */
  width?: number;
  /** The DOM to render with: linkedom's at build time (src/charts/dom.ts), `window.document` in the browser. */
  document: Document;
}
