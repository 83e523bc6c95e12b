/**
 * Legend keys of charts: a small drawing of each line style and status mark, as the chart draws
 * it (theme.ts), to sit beside its words in an HTML legend. Used by the pages and the comparison
 * tool, so both explain a chart the same way.
 */
import { esc } from './aria.ts';
import { ALERT, CATEGORICAL, COUNTRY, DASH, ESTIMATE_OPACITY, MUTED, STROKE, SUBJECT } from './theme.ts';

type LegendKey =
  | { kind: 'line'; colour: string; width: number; dash?: string }
  | { kind: 'estimate'; colour: string }
  | { kind: 'lower_bound' | 'upper_bound' | 'incomplete'; colour: string }
  | { kind: 'suppressed' }
  | { kind: 'break' }
  | { kind: 'gap' };

export interface LegendItem {
  key: LegendKey;
  text: string;
}

/** The key's drawing (an inline SVG 28 × 14 px, hidden from screen readers: the words say it). */
function legendSwatch(key: LegendKey): string {
  const open = '<svg class="key" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">';
  const line = (colour: string, width: number, dash?: string, opacity?: number) =>
    `<line x1="1" y1="7" x2="27" y2="7" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}${opacity ? ` stroke-opacity="${opacity}"` : ''} stroke-linecap="round"/>`;
  switch (key.kind) {
    case 'line':
      return `${open}${line(key.colour, key.width, key.dash)}</svg>`;
    case 'estimate':
      return `${open}${line(key.colour, 2.5, DASH.estimate, ESTIMATE_OPACITY)}</svg>`;
    case 'lower_bound':
      return `${open}<path d="M14,2.5L18.5,10.5H9.5Z" fill="white" stroke="${key.colour}" stroke-width="1.3"/></svg>`;
    case 'upper_bound':
      return `${open}<path d="M14,11.5L18.5,3.5H9.5Z" fill="white" stroke="${key.colour}" stroke-width="1.3"/></svg>`;
    case 'incomplete':
      return `${open}<path d="M14,2L19,7L14,12L9,7Z" fill="white" stroke="${key.colour}" stroke-width="1.3"/></svg>`;
    case 'suppressed':
      return `${open}<path d="M10.5,3.5L17.5,10.5M17.5,3.5L10.5,10.5" stroke="${ALERT}" stroke-width="1.5"/></svg>`;
    case 'break':
      return `${open}<line x1="14" y1="0" x2="14" y2="14" stroke="${ALERT}" stroke-dasharray="4,3"/></svg>`;
    case 'gap':
      return `${open}<rect x="1" y="1" width="26" height="12" fill="#eef1f4" stroke="${MUTED}" stroke-width="0.5"/></svg>`;
  }
}

/** A legend as HTML list items (the text escaped). */
export function legendHtml(items: readonly LegendItem[]): string {
  return items.map((i) => `<li>${legendSwatch(i.key)}<span>${esc(i.text)}</span></li>`).join('');
}

interface SeriesLike {
  key: string;
  role: 'area' | 'country' | 'peer';
  colour?: string;
  points: readonly { status: string }[];
}

/** The colour of each series: the given one, else by role (peers take the categorical colours after the selected area's). */
export function seriesColours(series: readonly Omit<SeriesLike, 'points'>[]): Map<string, string> {
  const out = new Map<string, string>();
  let peer = 0;
  for (const s of series) {
    if (s.colour) out.set(s.key, s.colour);
    else if (s.role === 'area') out.set(s.key, SUBJECT);
    else if (s.role === 'country') out.set(s.key, COUNTRY);
    else out.set(s.key, CATEGORICAL[1 + (peer++ % (CATEGORICAL.length - 1))]!);
  }
  return out;
}

/** Words of a line chart's legend, in the page's language. */
export interface LineLegendTexts {
  estimate: string;
  lower_bound: string;
  upper_bound: string;
  incomplete: string;
  suppressed: string;
  break: string;
  gap: string;
}

/** The legend's words from a translator of the dictionaries' `chart.key.*` entries (pages and the comparison tool). */
export function legendTexts(tr: (key: string) => string): LineLegendTexts {
  return {
    estimate: tr('chart.key.estimate'),
    lower_bound: tr('chart.key.lower'),
    upper_bound: tr('chart.key.upper'),
    incomplete: tr('chart.key.incomplete'),
    suppressed: tr('chart.key.withheld'),
    break: tr('chart.key.break'),
    gap: tr('chart.key.gap'),
  };
}

/** Keys of the statuses a chart draws (estimates, bounds, withheld values), in the given colour. */
export function statusItems(has: (status: string) => boolean, colour: string, texts: LineLegendTexts): LegendItem[] {
  const items: LegendItem[] = [];
  if (has('estimate')) items.push({ key: { kind: 'estimate', colour }, text: texts.estimate });
  for (const status of ['lower_bound', 'upper_bound', 'incomplete'] as const) if (has(status)) items.push({ key: { kind: status, colour }, text: texts[status] });
  if (has('suppressed')) items.push({ key: { kind: 'suppressed' }, text: texts.suppressed });
  return items;
}

/**
 * The legend of a line chart: each line with its name, then the marks the chart actually draws
 * (estimates, bounds, withheld values, breaks, stretches without data).
 */
export function lineLegend(series: readonly SeriesLike[], names: ReadonlyMap<string, string>, texts: LineLegendTexts, drawn: { breaks: boolean; gaps: boolean }): LegendItem[] {
  const colours = seriesColours(series);
  const items: LegendItem[] = series.map((s) => ({
    key: { kind: 'line', colour: colours.get(s.key)!, width: STROKE[s.role], dash: s.role === 'country' ? DASH.country : undefined },
    text: names.get(s.key) ?? s.key,
  }));
  items.push(...statusItems((status) => series.some((s) => s.points.some((p) => p.status === status)), series[0] ? colours.get(series[0].key)! : SUBJECT, texts));
  if (drawn.breaks) items.push({ key: { kind: 'break' }, text: texts.break });
  if (drawn.gaps) items.push({ key: { kind: 'gap' }, text: texts.gap });
  return items;
}
