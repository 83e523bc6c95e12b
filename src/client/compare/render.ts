/**
 * The comparison tool's drawing: one indicator's chart (drawn by the line chart builder in the
 * browser) and table for the chosen areas and the whole country, and the tidy CSV rows of exactly
 * that table.
 */
import type * as LineCharts from '../../charts/line.ts';
import type { LineSeries } from '../../charts/line.ts';
import { formatPeriod, formatPeriodShort } from '../../i18n/format.ts';
import { observationLine } from '../../lib/observation.ts';
import { valueText } from '../../lib/units.ts';
import type { AreaData } from './data.ts';
import { text as s, translator, type CompareConfig } from './state.ts';

/** The chart module (Observable Plot and d3) is loaded beside the data, not before the page runs. */
export type Draw = typeof LineCharts.renderLineChart;

/** Colour-blind-safe categorical palette (Okabe–Ito, darkened for 3:1 against white). */
const COLOURS = ['#0b4f8a', '#b35900', '#007a5e', '#a8327d', '#5a3e9b', '#8a6d00', '#00718f', '#b3261e', '#4d6b00', '#6b4e32'];

/** Renders one indicator: chart and table of the chosen areas and the whole country. */
export function renderIndicator(cfg: CompareConfig, root: HTMLElement, id: string, areas: string[], data: Map<string, AreaData>, renderLineChart: Draw): { csv: string[] } {
  const ind = cfg.indicators[id]!;
  const withCountry = areas.includes('SSS') ? areas : [...areas, 'SSS'];
  const seriesOf = (code: string) => data.get(code)?.get(id) ?? [];
  const periods = [...new Set(withCountry.flatMap((c) => seriesOf(c).map((p) => p.period)))].sort();
  const valued = periods.filter((p) => withCountry.some((c) => seriesOf(c).some((x) => x.period === p && x.value !== null)));
  const shown = valued.length ? periods.filter((p) => p >= valued[0]! && p <= valued.at(-1)!) : [];
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
  const series: LineSeries[] = withCountry.map((code, k) => ({
    key: code,
    label: cfg.areas[code] ?? code,
    role: code === 'SSS' && !areas.includes('SSS') ? 'country' : 'area',
    colour: COLOURS[k % COLOURS.length],
    points: seriesOf(code).filter((p) => p.period >= shown[0]! && p.period <= shown.at(-1)!),
  }));
  const drawn = series.filter((x) => x.points.some((p) => p.value !== null));
  const from = formatPeriod(cfg.lang, shown[0]!);
  const to = formatPeriod(cfg.lang, shown.at(-1)!);
  const title = `${ind.name}: ${areas.map((a) => cfg.areas[a]).join(', ')}`;
  const desc = s(cfg, 'compare.chartDesc', { indicator: ind.short, areas: areas.map((a) => cfg.areas[a]).join(', '), from, to });
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const cap = document.createElement('figcaption');
  cap.innerHTML = `<p class="small muted"></p>`;
  cap.querySelector('p')!.textContent = desc;
  figure.append(cap);
  if (drawn.length) {
    const svg = renderLineChart({
      series: drawn,
      lang: cfg.lang,
      decimals: ind.decimals,
      unit: ind.unit,
      breaks: ind.breaks.filter((b) => b.period > shown[0]! && b.period <= shown.at(-1)!).map((b) => ({ period: b.period, label: b.label })),
      ariaLabel: title,
      ariaDescription: desc,
      document,
      width: cfg.embed ? 600 : 640,
    });
    figure.append(svg);
  }
  const src = document.createElement('p');
  src.className = 'small muted';
  src.textContent = s(cfg, 'compare.source', { source: ind.source, from, to });
  figure.append(src);
  section.append(figure);
  if (!cfg.embed) {
    const wrap = document.createElement('div');
    wrap.className = 'table-scroll tall';
    // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', title);
    const table = document.createElement('table');
    table.innerHTML = '<caption class="visually-hidden"></caption><thead><tr></tr></thead><tbody></tbody>';
    table.querySelector('caption')!.textContent = title;
    const head = table.querySelector('thead tr')!;
    for (const [k, label] of [s(cfg, 'table.period'), ...withCountry.map((c) => cfg.areas[c] ?? c)].entries()) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      if (k > 0) th.className = 'num';
      head.append(th);
    }
    const body = table.querySelector('tbody')!;
    for (const period of [...shown].reverse()) {
      const tr = document.createElement('tr');
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
    section.append(wrap);
  }
  // CSV: exactly the table's cells, one tidy row per area and period.
  for (const code of withCountry) {
    for (const period of shown) {
      const p = seriesOf(code).find((x) => x.period === period);
      const info = cfg.areaInfo[code]!;
      const brk = ind.breaks.filter((b) => b.period === period).map((b) => b.id);
      csv.push(observationLine({ area_code: code, area_name: info.fi, area_level: info.level, indicator: id, period, value: p?.value ?? null, unit: ind.unit, status: p ? p.status : 'missing', break: brk }, ind.decimals));
    }
  }
  root.append(section);
  return { csv };
}

