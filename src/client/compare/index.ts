/**
 * The comparison tool in the browser: up to 10 areas of any level and one or more indicators,
 * drawn as time series beside a table, with the whole country as a reference line. The state
 * lives in the URL (?areas=TA08,TA19&ind=unemployment-share), so a shared link reproduces the
 * view and back/forward work. Data come from the per-area JSON-stat files (/data/areas/*.json),
 * only for the areas chosen. Changes are announced to screen readers.
 */
import { embedCode as embedHtml } from '../../lib/embed.ts';
import { observationHeader } from '../../lib/observation.ts';
import { loadArea, type AreaData } from './data.ts';
import { renderIndicator, type Draw } from './render.ts';
import { MAX_AREAS, readState, text as s, writeState, type CompareConfig, type CompareState } from './state.ts';

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
        Promise.all(codes.map(async (c) => [c, await loadArea(c)] as const)).then((entries) => new Map(entries)),
        import('../../charts/line.ts'),
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
      for (const id of state.indicators) csvRows.push(...renderIndicator(cfg, root, id, state.areas, data, draw, state.span, (span) => update({ ...state, span })).csv);
    }
    root.removeAttribute('aria-busy');
    if (download) {
      const text = [observationHeader(), ...csvRows].join('\n') + '\n';
      download.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      download.hidden = csvRows.length === 0;
    }
    if (embedCode) embedCode.value = embedHtml(`${location.origin}/${cfg.lang}/embed/${writeState(state)}`, state.indicators.map((i) => cfg.indicators[i]!.name).join(', '));
    if (status) status.textContent = s(cfg, 'compare.announce', { count: state.areas.length, areas: state.areas.map((a) => cfg.areas[a]).join(', '), indicators: state.indicators.map((i) => cfg.indicators[i]!.short).join(', ') });
  };

  const update = (next: CompareState) => {
    state = { areas: next.areas.slice(0, MAX_AREAS), indicators: next.indicators, span: next.span };
    history.pushState(null, '', writeState(state));
    void render();
  };
  // Charts are drawn at the page's width: draw again when it changes much (a phone turned).
  let drawnWidth = root.clientWidth;
  let resizing: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (Math.abs(root.clientWidth - drawnWidth) < 60) return;
      drawnWidth = root.clientWidth;
      void render();
    }, 250);
  });
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
