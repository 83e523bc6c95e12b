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
import type { ShownCompareTable } from './workbook.ts';
import { renderIndicator, type Draw } from './render.ts';
import { areaLabel, matchAreas, resolveArea } from './match.ts';
import { MAX_AREAS, leftOut, readState, text as s, writeState, type CompareConfig, type CompareState } from './state.ts';

/** Starts the tool on the page (or the embed page). */
export function startCompare(cfg: CompareConfig): void {
  const root = document.querySelector<HTMLElement>('#compare-output')!;
  const status = document.querySelector<HTMLElement>('#compare-status');
  let state = readState(location.search, cfg);
  let csvRows: string[] = [];
  const chosen = document.querySelector<HTMLUListElement>('#compare-chosen');
  const chosenInd = document.querySelector<HTMLUListElement>('#compare-chosen-ind');
  const downloads = document.querySelector<HTMLElement>('#compare-downloads');
  const download = document.querySelector<HTMLAnchorElement>('#compare-csv');
  const downloadXlsx = document.querySelector<HTMLAnchorElement>('#compare-xlsx');
  const xlsxItem = document.querySelector<HTMLElement>('#compare-xlsx-item');
  let drawing = 0;
  const embedCode = document.querySelector<HTMLTextAreaElement>('#compare-embed');

  const renderChosen = () => {
    if (chosen) {
      chosen.replaceChildren(
        ...state.areas.map((code, k) => {
          const li = document.createElement('li');
          li.textContent = `${areaLabel(cfg, code)} `;
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = s(cfg, 'compare.remove');
          b.setAttribute('aria-label', s(cfg, 'compare.removeArea', { area: areaLabel(cfg, code) }));
          b.addEventListener('click', () => {
            update({ ...state, areas: state.areas.filter((a) => a !== code) });
            focusAfterRemoval(chosen, k, document.querySelector<HTMLElement>('#compare-area'));
          });
          li.append(b);
          return li;
        }),
      );
    }
    if (chosenInd) {
      chosenInd.replaceChildren(
        ...state.indicators.map((id, k) => {
          const li = document.createElement('li');
          li.textContent = `${cfg.indicators[id]!.name} `;
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = s(cfg, 'compare.remove');
          b.setAttribute('aria-label', s(cfg, 'compare.removeIndicator', { indicator: cfg.indicators[id]!.name }));
          b.addEventListener('click', () => {
            update({ ...state, indicators: state.indicators.filter((i) => i !== id) });
            focusAfterRemoval(chosenInd, k, document.querySelector<HTMLElement>('#compare-ind'));
          });
          li.append(b);
          return li;
        }),
      );
    }
  };

  const render = async () => {
    const drawn = ++drawing;
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
    if (drawn !== drawing) return; // a newer view is being drawn
    root.replaceChildren();
    csvRows = [];
    const tables: ShownCompareTable[] = [];
    if (state.areas.length === 0 || state.indicators.length === 0) {
      const p = document.createElement('p');
      p.textContent = s(cfg, 'compare.empty');
      root.append(p);
    } else {
      for (const id of state.indicators) {
        const shown = renderIndicator(cfg, root, id, state.areas, data, draw, state.span, (span) => update({ ...state, span }));
        csvRows.push(...shown.csv);
        if (shown.table) tables.push(shown.table);
      }
    }
    root.removeAttribute('aria-busy');
    if (download) {
      const text = [observationHeader(), ...csvRows].join('\n') + '\n';
      URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    }
    if (downloads) downloads.hidden = csvRows.length === 0;
    // The Excel option: the same tables as a workbook (its writer is loaded only now).
    if (downloadXlsx && xlsxItem) {
      xlsxItem.hidden = true;
      if (tables.length) {
        void import('./workbook.ts').then(({ compareWorkbook }) => {
          if (drawn !== drawing) return;
          URL.revokeObjectURL(downloadXlsx.href);
          const bytes = compareWorkbook(cfg, tables, new Date());
          downloadXlsx.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
          xlsxItem.hidden = false;
        });
      }
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
  const suggest = document.querySelector<HTMLUListElement>('#compare-suggest');
  const suggestStatus = document.querySelector<HTMLElement>('#compare-suggest-status');
  // Areas the address asked for but the tool cannot show are named, not dropped silently.
  const left = leftOut(location.search, cfg);
  if (message) {
    message.textContent = [
      left.beyond.length ? s(cfg, 'compare.tooManyUrl', { max: MAX_AREAS, areas: left.beyond.map((c) => areaLabel(cfg, c)).join(', ') }) : '',
      left.unknown.length ? s(cfg, 'compare.unknownCodes', { codes: left.unknown.join(', ') }) : '',
    ].filter(Boolean).join(' ');
  }
  const add = (code: string) => {
    if (state.areas.length >= MAX_AREAS && !state.areas.includes(code)) {
      if (message) message.textContent = s(cfg, 'compare.tooMany', { max: MAX_AREAS });
      return;
    }
    if (message) message.textContent = '';
    if (areaInput) areaInput.value = '';
    showSuggestions([]);
    if (!state.areas.includes(code)) update({ ...state, areas: [...state.areas, code] });
    areaInput?.focus();
  };
  // Type-ahead: the areas matching what is typed, as buttons under the field (↓ moves into them).
  const showSuggestions = (codes: string[]) => {
    if (!suggest) return;
    suggest.replaceChildren(
      ...codes.map((code) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'link-button';
        b.textContent = areaLabel(cfg, code);
        b.addEventListener('click', () => add(code));
        li.append(b);
        return li;
      }),
    );
    suggest.hidden = codes.length === 0;
    if (suggestStatus) suggestStatus.textContent = areaInput?.value.trim() ? s(cfg, 'compare.suggestCount', { count: codes.length }) : '';
  };
  if (areaForm && areaInput) {
    areaInput.addEventListener('input', () => showSuggestions(matchAreas(cfg, areaInput.value)));
    areaInput.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && suggest?.querySelector('button')) {
        e.preventDefault();
        suggest.querySelector('button')!.focus();
      } else if (e.key === 'Escape') showSuggestions([]);
    });
    suggest?.addEventListener('keydown', (e) => {
      const buttons = [...suggest.querySelectorAll('button')];
      const k = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (k < 0) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = k + (e.key === 'ArrowDown' ? 1 : -1);
        (next < 0 ? areaInput : buttons[Math.min(next, buttons.length - 1)]!).focus();
      } else if (e.key === 'Escape') {
        areaInput.focus();
        showSuggestions([]);
      }
    });
    areaForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = areaInput.value.trim();
      const found = resolveArea(cfg, v);
      if ('code' in found) return add(found.code);
      if (message) message.textContent = found.candidates.length ? s(cfg, 'compare.choose', { name: v }) : s(cfg, 'compare.unknownArea', { name: v });
      showSuggestions(found.candidates);
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

/**
 * After a removal the focus goes to the remove button now at the same place in the list (the
 * next item), else the one before it, else to the field that adds items: never to the page body.
 */
function focusAfterRemoval(list: HTMLUListElement | null, index: number, fallback: HTMLElement | null): void {
  const buttons = list ? [...list.querySelectorAll('button')] : [];
  (buttons[Math.min(index, buttons.length - 1)] ?? fallback)?.focus();
}
