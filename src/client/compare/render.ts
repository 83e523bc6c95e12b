/**
 * The comparison tool's drawing: one indicator's chart (drawn by the line chart builder in the
 * browser, at the width of the page) and table for the chosen areas and the whole country, and
 * the tidy CSV rows of exactly that table (and the table itself for the workbook, `workbook.ts`).
 * It opens on the last 36 months; a button shows the whole history (kept in the address as `span=all`). Periods with nothing in any column are left
 * out of the table and the CSV.
 */
import type * as LineCharts from '../../charts/line.ts';
import type { LineSeries } from '../../charts/line.ts';
import { legendHtml, legendTexts, lineLegend } from '../../charts/legend.ts';
import { CATEGORICAL, WIDTHS } from '../../charts/theme.ts';
import { defaultWindow } from '../../charts/window.ts';
import { formatPeriod, formatPeriodShort } from '../../i18n/format.ts';
import { observationLine } from '../../lib/observation.ts';
import { valueText } from '../../lib/units.ts';
import type { AreaData } from './data.ts';
import type { ShownCompareTable } from './workbook.ts';
import { shownNames } from './match.ts';
import { text as s, translator, type CompareConfig } from './state.ts';

/** The chart module (Observable Plot and d3) is loaded beside the data, not before the page runs. */
export type Draw = Pick<typeof LineCharts, 'renderLineChart' | 'lineYDomain' | 'noDataStretches'>;

/** Renders one indicator: chart and table of the chosen areas and the whole country. */
export function renderIndicator(
  cfg: CompareConfig,
  root: HTMLElement,
  id: string,
  areas: string[],
  data: Map<string, AreaData>,
  draw: Draw,
  span: 'recent' | 'all',
  onSpan: (span: 'recent' | 'all') => void,
): { csv: string[]; table?: ShownCompareTable } {
  const ind = cfg.indicators[id]!;
  const withCountry = areas.includes('SSS') ? areas : [...areas, 'SSS'];
  const names = shownNames(cfg, withCountry);
  const seriesOf = (code: string) => data.get(code)?.get(id) ?? [];
  const periods = [...new Set(withCountry.flatMap((c) => seriesOf(c).map((p) => p.period)))].sort();
  const valued = periods.filter((p) => withCountry.some((c) => seriesOf(c).some((x) => x.period === p && x.value !== null)));
  const all = valued.length ? periods.filter((p) => p >= valued[0]! && p <= valued.at(-1)!) : [];
  const recent = defaultWindow(all);
  const shown = span === 'all' ? all : recent;
  const section = document.createElement('section');
  section.className = 'compare-indicator';
  const h = document.createElement('h2');
  h.textContent = ind.name;
  section.append(h);
  const csv: string[] = [];
  if (shown.length === 0) {
    const p = document.createElement('p');
    p.textContent = s(cfg, 'compare.noData');
    section.append(p);
    root.append(section);
    return { csv };
  }
  root.append(section);
  const series: LineSeries[] = withCountry.map((code, k) => {
    const country = code === 'SSS' && !areas.includes('SSS');
    return {
      key: code,
      label: names[code]!,
      role: country ? 'country' : 'area',
      colour: country ? undefined : CATEGORICAL[k % CATEGORICAL.length],
      points: seriesOf(code).filter((p) => p.period >= shown[0]! && p.period <= shown.at(-1)!),
    };
  });
  const drawn = series.filter((x) => x.points.some((p) => p.value !== null));
  const from = formatPeriod(cfg.lang, shown[0]!);
  const to = formatPeriod(cfg.lang, shown.at(-1)!);
  const title = `${ind.name}: ${areas.map((a) => names[a]).join(', ')}`;
  const desc = s(cfg, 'compare.chartDesc', { indicator: ind.short, areas: areas.map((a) => names[a]).join(', '), from, to });
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.keyboard = s(cfg, 'chart.keyboard');
  const cap = document.createElement('figcaption');
  cap.innerHTML = `<p class="small muted"></p>`;
  cap.querySelector('p')!.textContent = desc;
  figure.append(cap);
  section.append(figure);
  const breaks = ind.breaks.filter((b) => b.period > shown[0]! && b.period <= shown.at(-1)!).map((b) => ({ period: b.period, label: b.label }));
  if (drawn.length) {
    // Drawn at the width it is shown at, so its text is 12 px and more on a phone too.
    const width = Math.round(Math.min(WIDTHS.wide, Math.max(300, section.clientWidth || WIDTHS.narrow)));
    const box = document.createElement('div');
    box.className = 'chart-drawing';
    const inner = document.createElement('div');
    inner.className = 'wide';
    inner.append(draw.renderLineChart({ series: drawn, lang: cfg.lang, decimals: ind.decimals, unit: ind.unit, breaks, ariaLabel: title, ariaDescription: desc, gapLabel: s(cfg, 'chart.gapLabel'), document, width }));
    box.append(inner);
    figure.append(box);
    const legend = document.createElement('ul');
    legend.className = 'chart-legend';
    legend.innerHTML = legendHtml(
      lineLegend(
        drawn,
        new Map(drawn.map((x) => [x.key, x.label])),
        legendTexts((key) => s(cfg, key)),
        { breaks: breaks.length > 0, gaps: draw.noDataStretches(drawn).length > 0 },
      ),
    );
    figure.append(legend);
    if (!draw.lineYDomain(drawn, ind.unit).zero) {
      const note = document.createElement('p');
      note.className = 'small muted chart-note';
      note.textContent = s(cfg, 'chart.yNotZero');
      figure.append(note);
    }
  }
  const src = document.createElement('p');
  src.className = 'small muted';
  src.textContent = `${s(cfg, 'compare.windowNote', { from, to })} ${s(cfg, 'compare.source', { source: ind.source, from, to })}`;
  figure.append(src);
  if (recent.length < all.length) {
    const p = document.createElement('p');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link-button';
    b.textContent = span === 'all' ? s(cfg, 'compare.showRecent') : s(cfg, 'compare.showAll', { from: formatPeriod(cfg.lang, all[0]!), to: formatPeriod(cfg.lang, all.at(-1)!) });
    b.addEventListener('click', () => onSpan(span === 'all' ? 'recent' : 'all'));
    p.append(b);
    figure.append(p);
  }
  // The table's periods: latest first, none in which no column has anything to show.
  const rowsShown = [...shown].reverse().filter((period) => withCountry.some((code) => {
    const p = seriesOf(code).find((x) => x.period === period);
    return p !== undefined && p.status !== 'missing';
  }));
  const wrap = document.createElement('div');
  wrap.className = 'table-scroll tall';
  // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', title);
  wrap.hidden = cfg.embed === true;
  const table = document.createElement('table');
  table.className = 'chart-table';
  table.innerHTML = '<caption class="visually-hidden"></caption><thead><tr></tr></thead><tbody></tbody>';
  table.querySelector('caption')!.textContent = title;
  const head = table.querySelector('thead tr')!;
  const header = [s(cfg, 'table.period'), ...withCountry.map((c) => names[c]!)];
  for (const [k, label] of header.entries()) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    if (k > 0) th.className = 'num';
    head.append(th);
  }
  const body = table.querySelector('tbody')!;
  for (const period of rowsShown) {
    const tr = document.createElement('tr');
    tr.dataset.key = period;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = formatPeriodShort(period);
    tr.append(th);
    for (const code of withCountry) {
      const p = seriesOf(code).find((x) => x.period === period);
      const td = document.createElement('td');
      td.className = 'num';
      td.textContent = valueText(cfg.lang, ind, p, translator(cfg));
      tr.append(td);
    }
    body.append(tr);
  }
  wrap.append(table);
  figure.append(wrap);
  (window as unknown as { chartTips?: (f: HTMLElement) => void }).chartTips?.(figure);
  const shownTable: ShownCompareTable = {
    indicator: id,
    title,
    header,
    rows: rowsShown.map((period) => ({ period: formatPeriodShort(period), points: withCountry.map((code) => seriesOf(code).find((x) => x.period === period)) })),
    span: `${from}–${to}`,
  };
  // CSV: exactly the table's cells, one tidy row per area and period.
  for (const code of withCountry) {
    for (const period of [...rowsShown].reverse()) {
      const p = seriesOf(code).find((x) => x.period === period);
      const info = cfg.areaInfo[code]!;
      const brk = ind.breaks.filter((b) => b.period === period).map((b) => b.id);
      csv.push(observationLine({ area_code: code, area_name: info.fi, area_level: info.level, indicator: id, period, value: p?.value ?? null, unit: ind.unit, status: p ? p.status : 'missing', break: brk }, ind.decimals));
    }
  }
  return { csv, table: shownTable };
}
