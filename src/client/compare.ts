/**
 * The comparison tool in the browser: up to 10 areas of any level and one or more indicators,
 * drawn as time series beside a table, with the whole country as a reference line. The state
 * lives in the URL (?areas=TA08,TA19&ind=unemployment-share), so a shared link reproduces the
 * view and back/forward work. Data come from the per-area JSON-stat files (/data/areas/*.json),
 * only for the areas chosen. Changes are announced to screen readers.
 */
import type * as LineCharts from '../charts/line.ts';
import type { LineSeries } from '../charts/line.ts';

/** The chart module (Observable Plot and d3) is loaded beside the data, not before the page runs. */
type Draw = typeof LineCharts.renderLineChart;
import { formatPeriod, formatPeriodShort, type Lang } from '../i18n/format.ts';
import { observationHeader, observationLine } from '../lib/observation.ts';
import type { AreaLevel } from '../schema/vocabulary.ts';
import type { StatusName } from '../lib/status.ts';
import { valueText, type Translate, type Unit } from '../lib/units.ts';

export interface CompareConfig {
  lang: Lang;
  /** Area code → name in the page's language. */
  areas: Record<string, string>;
  /** Area code → level and official Finnish name (for the tidy CSV). */
  areaInfo: Record<string, { level: AreaLevel; fi: string }>;
  /** Level → its name in the page's language (to tell apart areas with the same name). */
  levelNames: Record<string, string>;
  /** Indicator id → name, unit, decimals, source text, and levels. */
  indicators: Record<string, { name: string; short: string; unit: Unit; decimals: number; source: string; breaks: { id: string; period: string; label: string }[] }>;
  strings: Record<string, string>;
  defaults: { areas: string[]; indicators: string[] };
  /** Embed mode: only the chart, no controls. */
  embed?: boolean;
}

export const MAX_AREAS = 10;
/** Colour-blind-safe categorical palette (Okabe–Ito, darkened for 3:1 against white). */
const COLOURS = ['#0b4f8a', '#b35900', '#007a5e', '#a8327d', '#5a3e9b', '#8a6d00', '#00718f', '#b3261e', '#4d6b00', '#6b4e32'];

interface Point {
  period: string;
  value: number | null;
  status: StatusName;
}
type AreaData = Map<string, Point[]>;

const cache = new Map<string, Promise<AreaData>>();

/** Reads a per-area JSON-stat file (indicator × period) into indicator → points. */
export function parseAreaJsonStat(ds: {
  id: string[];
  size: number[];
  dimension: Record<string, { category: { index: Record<string, number> | string[] } }>;
  value: (number | null)[];
  status?: Record<string, string>;
}): AreaData {
  const codes = (dim: string) => {
    const idx = ds.dimension[dim]!.category.index;
    if (Array.isArray(idx)) return idx;
    const out: string[] = [];
    for (const [c, i] of Object.entries(idx)) out[i] = c;
    return out;
  };
  const inds = codes(ds.id[0]!);
  const periods = codes(ds.id[1]!);
  const out: AreaData = new Map();
  inds.forEach((ind, i) => {
    const points: Point[] = [];
    periods.forEach((period, j) => {
      const k = i * periods.length + j;
      const value = ds.value[k] ?? null;
      const status = (ds.status?.[String(k)] ?? (value === null ? null : 'ok')) as StatusName | null;
      if (status !== null) points.push({ period, value, status });
    });
    out.set(ind, points);
  });
  return out;
}

function load(code: string): Promise<AreaData> {
  let p = cache.get(code);
  if (!p) {
    p = fetch(`/data/areas/${code.toLowerCase()}.json`).then(async (r) => {
      if (!r.ok) throw new Error(`${r.status} ${code}`);
      return parseAreaJsonStat(await r.json());
    });
    cache.set(code, p);
  }
  return p;
}

/** Reads the state from a URL query: known areas (max 10) and known indicators. */
export function readState(search: string, cfg: CompareConfig): { areas: string[]; indicators: string[] } {
  const q = new URLSearchParams(search);
  const list = (k: string) => (q.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const areas = [...new Set(list('areas').map((a) => a.toUpperCase()))].filter((a) => a in cfg.areas).slice(0, MAX_AREAS);
  const indicators = [...new Set(list('ind'))].filter((i) => i in cfg.indicators);
  if (!q.has('areas') && !q.has('ind')) return { ...cfg.defaults };
  return { areas, indicators };
}

export function writeState(state: { areas: string[]; indicators: string[] }): string {
  const q = new URLSearchParams();
  if (state.areas.length) q.set('areas', state.areas.join(','));
  if (state.indicators.length) q.set('ind', state.indicators.join(','));
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

const s = (cfg: CompareConfig, key: string, params: Record<string, string | number> = {}) =>
  (cfg.strings[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** The configuration's strings as a translator for `units.ts`. */
const translator = (cfg: CompareConfig): Translate => (key, params) => s(cfg, key, params);

/** Renders one indicator: chart and table of the chosen areas and the whole country. */
function renderIndicator(cfg: CompareConfig, root: HTMLElement, id: string, areas: string[], data: Map<string, AreaData>, renderLineChart: Draw): { csv: string[] } {
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

/** Starts the tool on the page (or the embed page). */
export function startCompare(cfg: CompareConfig): void {
  const root = document.querySelector<HTMLElement>('#compare-output')!;
  const status = document.querySelector<HTMLElement>('#compare-status');
  let state = readState(location.search, cfg);
  let csvRows: string[] = [];
  const chosen = document.querySelector<HTMLUListElement>('#compare-chosen');
  const chosenInd = document.querySelector<HTMLUListElement>('#compare-chosen-ind');
  const download = document.querySelector<HTMLAnchorElement>('#compare-csv');
  const embedCode = document.querySelector<HTMLTextAreaElement>('#compare-embed');

  const renderChosen = () => {
    if (chosen) {
      chosen.replaceChildren(
        ...state.areas.map((code) => {
          const li = document.createElement('li');
          li.textContent = `${cfg.areas[code]} `;
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = s(cfg, 'compare.remove');
          b.setAttribute('aria-label', s(cfg, 'compare.removeArea', { area: cfg.areas[code] ?? code }));
          b.addEventListener('click', () => update({ ...state, areas: state.areas.filter((a) => a !== code) }));
          li.append(b);
          return li;
        }),
      );
    }
    if (chosenInd) {
      chosenInd.replaceChildren(
        ...state.indicators.map((id) => {
          const li = document.createElement('li');
          li.textContent = `${cfg.indicators[id]!.name} `;
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = s(cfg, 'compare.remove');
          b.setAttribute('aria-label', s(cfg, 'compare.removeIndicator', { indicator: cfg.indicators[id]!.name }));
          b.addEventListener('click', () => update({ ...state, indicators: state.indicators.filter((i) => i !== id) }));
          li.append(b);
          return li;
        }),
      );
    }
  };

  const render = async () => {
    renderChosen();
    root.setAttribute('aria-busy', 'true');
    const codes = [...new Set([...state.areas, 'SSS'])];
    let data: Map<string, AreaData>;
    let draw: Draw;
    try {
      [data, draw] = await Promise.all([
        Promise.all(codes.map(async (c) => [c, await load(c)] as const)).then((entries) => new Map(entries)),
        import('../charts/line.ts').then((m) => m.renderLineChart),
      ]);
    } catch {
      root.textContent = s(cfg, 'compare.loadError');
      root.removeAttribute('aria-busy');
      return;
    }
    root.replaceChildren();
    csvRows = [];
    if (state.areas.length === 0 || state.indicators.length === 0) {
      const p = document.createElement('p');
      p.textContent = s(cfg, 'compare.empty');
      root.append(p);
    } else {
      for (const id of state.indicators) csvRows.push(...renderIndicator(cfg, root, id, state.areas, data, draw).csv);
    }
    root.removeAttribute('aria-busy');
    if (download) {
      const text = [observationHeader(), ...csvRows].join('\n') + '\n';
      download.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      download.hidden = csvRows.length === 0;
    }
    if (embedCode) embedCode.value = `<iframe src="${location.origin}/${cfg.lang}/embed/${writeState(state)}" title="${state.indicators.map((i) => cfg.indicators[i]!.name).join(', ')}" width="680" height="460" style="border:0"></iframe>`;
    if (status) status.textContent = s(cfg, 'compare.announce', { count: state.areas.length, areas: state.areas.map((a) => cfg.areas[a]).join(', '), indicators: state.indicators.map((i) => cfg.indicators[i]!.short).join(', ') });
  };

  const update = (next: { areas: string[]; indicators: string[] }) => {
    state = { areas: next.areas.slice(0, MAX_AREAS), indicators: next.indicators };
    history.pushState(null, '', writeState(state));
    void render();
  };
  window.addEventListener('popstate', () => {
    state = readState(location.search, cfg);
    void render();
  });

  const areaInput = document.querySelector<HTMLInputElement>('#compare-area');
  const areaForm = document.querySelector<HTMLFormElement>('#compare-area-form');
  const message = document.querySelector<HTMLElement>('#compare-message');
  if (areaForm && areaInput) {
    // Several areas share a name (Lahti the municipality and the employment area): the list
    // offers "name (level)" labels; a bare name picks the employment area, then region, then municipality.
    const order = ['employment_area', 'region', 'municipality', 'country'];
    const byName = new Map<string, string>();
    const entries = Object.entries(cfg.areas).sort(([a], [b]) => order.indexOf(cfg.areaInfo[a]!.level) - order.indexOf(cfg.areaInfo[b]!.level));
    for (const [code, name] of entries) {
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, code);
      byName.set(`${name} (${cfg.levelNames[cfg.areaInfo[code]!.level]})`.toLowerCase(), code);
    }
    areaForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = areaInput.value.trim();
      const code = byName.get(v.toLowerCase()) ?? (v.toUpperCase() in cfg.areas ? v.toUpperCase() : undefined);
      if (!code) {
        if (message) message.textContent = s(cfg, 'compare.unknownArea', { name: v });
        return;
      }
      if (state.areas.length >= MAX_AREAS) {
        if (message) message.textContent = s(cfg, 'compare.tooMany', { max: MAX_AREAS });
        return;
      }
      if (message) message.textContent = '';
      areaInput.value = '';
      if (!state.areas.includes(code)) update({ ...state, areas: [...state.areas, code] });
    });
  }
  const indForm = document.querySelector<HTMLFormElement>('#compare-ind-form');
  const indSelect = document.querySelector<HTMLSelectElement>('#compare-ind');
  if (indForm && indSelect) {
    indForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!state.indicators.includes(indSelect.value)) update({ ...state, indicators: [...state.indicators, indSelect.value] });
    });
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
  void render();
}
