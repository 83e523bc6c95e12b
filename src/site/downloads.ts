/**
 * Downloads: every indicator and every area as tidy CSV, as an Excel workbook with a notes sheet,
 * and as JSON-stat 2.0; the Frictionless Data Package that lists them; the notes (source,
 * definition, licence, retrieval date) written into each. Build-time only.
 */
import { buildDataset } from '../lib/jsonstat.ts';
import { xlsxWorkbook, type XlsxCell } from '../lib/xlsx.ts';
import { type Observation } from '../lib/observation.ts';
import { formatPlain } from '../lib/numbers.ts';
import { PUBLIC_STATUSES, STATUS_DEFINITIONS, STATUS_SHORT } from '../lib/status.ts';
import type { Indicator } from '../schema/indicator.ts';
import type { JsonStatDataset } from '../schema/raw.ts';
import { observationOf, partsOf, type SiteData } from './site.ts';
import { t, type Lang } from '../i18n/index.ts';
import { orderedIndicators } from './views.ts';

/** Every observation of an indicator, all areas, ordered by area then period. */
export function indicatorRows(site: SiteData, ind: Indicator): Observation[] {
  const byArea = site.series.get(ind.id);
  if (!byArea) return [];
  return [...byArea.values()].flatMap((s) => s.points.map((p) => observationOf(site, ind, s.area, p)));
}

/** Every observation of an area, all indicators in registry order. */
export function areaRows(site: SiteData, code: string): Observation[] {
  return orderedIndicators(site).flatMap((ind) => (site.series.get(ind.id)?.get(code)?.points ?? []).map((p) => observationOf(site, ind, code, p)));
}

/** The latest retrieval date (ISO) of the raw files of the given sources. */
export function retrievedAt(site: SiteData, sources: readonly string[]): string {
  return partsOf(site, sources).map((p) => p.retrieved_at).sort().at(-1) ?? site.rawWrittenAt;
}

/** Attribution lines (fi/sv/en) of the sources, with table and retrieval date filled in. */
export function attributions(site: SiteData, sources: readonly string[]): { fi: string; sv: string; en: string }[] {
  return sources.map((id) => {
    const s = site.sourceById.get(id)!;
    const date = retrievedAt(site, [id]).slice(0, 10);
    const fill = (text: string) => text.replace('{table}', s.table_id).replace('{date}', date);
    return { fi: fill(s.attribution.fi), sv: fill(s.attribution.sv), en: fill(s.attribution.en) };
  });
}

/** The notes of a download: what it is, its sources, definitions, licence, statuses. One line each. */
export function notesOf(site: SiteData, subject: { kind: 'indicator'; ind: Indicator } | { kind: 'area'; code: string }): string[][] {
  const inds = subject.kind === 'indicator' ? [subject.ind] : orderedIndicators(site).filter((i) => site.series.get(i.id)?.has(subject.code));
  const sources = [...new Set(inds.flatMap((i) => i.sources))];
  const title =
    subject.kind === 'indicator'
      ? [`Tilannekuva: ${subject.ind.name.fi} / ${subject.ind.name.sv} / ${subject.ind.name.en}`]
      : [`Tilannekuva: ${site.areaByCode.get(subject.code)!.name.fi} (${subject.code})`];
  const lines: string[][] = [title];
  for (const a of attributions(site, sources)) lines.push(['Source / Lähde / Källa', a.en], ['', a.fi], ['', a.sv]);
  lines.push(
    ['Licence', [...new Set(sources.map((s) => site.sourceById.get(s)!.licence.name))].join(', ') + ' (credit the producers as above)'],
    ['Retrieved', retrievedAt(site, sources).slice(0, 10)],
    ...PUBLIC_STATUSES.map((st) => [`status: ${st}`, STATUS_DEFINITIONS[st]]),
    ['break', 'a comparability break starts at this period (te24: the TE24 reform of January 2025)'],
    ['Register share', 'Register figures are not the Labour Force Survey’s official unemployment rate.'],
  );
  // Each indicator's unit and definition in English, Finnish and Swedish.
  for (const i of inds) {
    const unit = (lang: Lang) => t(lang, `unit.${i.unit}`);
    lines.push(
      [`${i.id}`, `${i.name.en}. ${i.definition.en} Formula: ${i.formula_text.en} Unit (column unit = ${i.unit}): ${unit('en')}.`],
      ['', `${i.name.fi}. ${i.definition.fi} Laskenta: ${i.formula_text.fi} Yksikkö: ${unit('fi')}.`],
      ['', `${i.name.sv}. ${i.definition.sv} Beräkning: ${i.formula_text.sv} Enhet: ${unit('sv')}.`],
    );
  }
  return lines;
}

/**
 * How a workbook lays out its observations on sheet "data": the rows and the columns.
 * - `period×indicator`: an area's file, one row per period, one column per indicator;
 * - `area×period`: an indicator's file, one row per area, one column per period;
 * - `period×area`: a chart's table, one row per period, one column per area (and indicator,
 *   when the chart has two).
 */
export type XlsxLayout = 'period×indicator' | 'area×period' | 'period×area';

const LAYOUT_NOTES: Record<XlsxLayout, string> = {
  'period×indicator': 'Sheet "data": one row per period (oldest first), one column per indicator (its id and unit in the header); each value a number.',
  'area×period': 'Sheet "data": one row per area (code, Finnish name, level), one column per period (oldest first); each value a number.',
  'period×area': 'Sheet "data": exactly the chart\'s table, one row per period (oldest first), one column per area; each value a number.',
};

/** The status cell of an observation: its status unless ok, and the comparability breaks that start at it. */
function statusCell(o: Observation): string {
  return [o.status === 'ok' ? '' : o.status, ...o.break.map((b) => `break: ${b}`)].filter(Boolean).join('; ');
}

/**
 * An Excel workbook (src/lib/xlsx.ts) of observations as a wide table, as a reader lays them out
 * in a spreadsheet (see {@link XlsxLayout}): sheet "data" with each value as a number (rounded as
 * in the CSV), sheet "status" of the same shape giving the status of every value that is not `ok`
 * (an estimate, a bound, withheld, missing) and the breaks, and sheet "notes". The tidy CSV beside
 * it has the same observations one a row; a wide sheet is about a fifth of the size of a tidy one.
 * Text is formula-neutralised by the writer. `created` (the data's retrieval time) is written as
 * the workbook's dates, so a rebuild gives the same bytes.
 */
export function xlsxOf(rows: readonly Observation[], decimalsOf: (indicator: string) => number, notes: string[][], layout: XlsxLayout, created?: Date): Uint8Array {
  const multi = new Set(rows.map((o) => o.indicator)).size > 1;
  const key = {
    'period×indicator': { row: (o: Observation) => o.period, col: (o: Observation) => o.indicator, head: ['period'], rowCells: (o: Observation) => [o.period], colHead: (o: Observation) => `${o.indicator} (${o.unit})`, sortRows: true, sortCols: false },
    'area×period': { row: (o: Observation) => o.area_code, col: (o: Observation) => o.period, head: ['area_code', 'area_name', 'area_level'], rowCells: (o: Observation) => [o.area_code, o.area_name, o.area_level], colHead: (o: Observation) => o.period, sortRows: false, sortCols: true },
    'period×area': { row: (o: Observation) => o.period, col: (o: Observation) => `${o.area_code} ${o.indicator}`, head: ['period'], rowCells: (o: Observation) => [o.period], colHead: (o: Observation) => `${o.area_name} (${o.area_code})${multi ? ` ${o.indicator}` : ''}`, sortRows: true, sortCols: false },
  }[layout];
  const rowFirst = new Map<string, Observation>();
  const colFirst = new Map<string, Observation>();
  const cells = new Map<string, Observation>();
  for (const o of rows) {
    const r = key.row(o);
    const c = key.col(o);
    if (!rowFirst.has(r)) rowFirst.set(r, o);
    if (!colFirst.has(c)) colFirst.set(c, o);
    cells.set(`${r}\t${c}`, o);
  }
  const rowKeys = [...rowFirst.keys()];
  const colKeys = [...colFirst.keys()];
  if (key.sortRows) rowKeys.sort();
  if (key.sortCols) colKeys.sort();
  const header = [...key.head, ...colKeys.map((c) => key.colHead(colFirst.get(c)!))];
  function* sheet(cell: (o: Observation) => XlsxCell): Generator<XlsxCell[]> {
    yield header;
    for (const r of rowKeys) {
      const line: XlsxCell[] = key.rowCells(rowFirst.get(r)!);
      for (const c of colKeys) {
        const o = cells.get(`${r}\t${c}`);
        line.push(o ? cell(o) : null);
      }
      yield line;
    }
  }
  const value = (o: Observation) => (o.value === null ? null : Number(formatPlain(o.value, decimalsOf(o.indicator))));
  const widths = key.head.map((h) => (h === 'area_name' ? 24 : h === 'area_level' ? 16 : 10));
  const layoutNotes = [
    ['Layout', LAYOUT_NOTES[layout]],
    ['', 'Sheet "status": the same cells; a status where it is not ok (see the statuses below), and "break: <id>" where a comparability break starts. An empty status cell beside a value means ok; a value is never published without its status.'],
  ];
  return xlsxWorkbook(
    [
      { name: 'data', rows: sheet(value), widths, freezeHeader: true },
      { name: 'status', rows: sheet((o) => statusCell(o) || null), widths, freezeHeader: true },
      { name: 'notes', rows: [notes[0]!, ...layoutNotes, ...notes.slice(1)], widths: [24, 120] },
    ],
    { creator: 'Tilannekuva', created },
  );
}

/**
 * JSON-stat 2.0 of tidy rows: dimensions area (or indicator, for an area's file) × period,
 * values as numbers, statuses other than `ok` in `status`. Labels are the Finnish names; the
 * Swedish and English names are in `extension.labels`.
 */
export function jsonStatOf(site: SiteData, rows: readonly Observation[], by: 'area' | 'indicator', label: string, sources: readonly string[]): JsonStatDataset {
  const keyOf = (o: Observation) => (by === 'area' ? o.area_code : o.indicator);
  const keys = [...new Set(rows.map(keyOf))];
  const periods = [...new Set(rows.map((o) => o.period))].sort();
  const labels = (lang: 'fi' | 'sv' | 'en') =>
    Object.fromEntries(keys.map((k) => [k, by === 'area' ? site.areaByCode.get(k)!.name[lang] : site.indicatorById.get(k)!.name[lang]]));
  // Values as the CSV writes them (rounded to the indicator's decimals), then as numbers.
  const cells = rows.map((o) => ({
    codes: [keyOf(o), o.period],
    value: o.value === null ? null : Number(o.value.toFixed(site.indicatorById.get(o.indicator)!.decimals)),
    status: o.status === 'ok' ? null : o.status,
  }));
  const dims = [
    { id: by, label: by === 'area' ? 'Alue' : 'Tiedot', codes: keys, labels: labels('fi') },
    { id: 'period', label: 'Aika', codes: periods },
  ];
  return buildDataset(dims, cells, {
    label,
    source: attributions(site, sources).map((a) => a.fi).join('; '),
    updated: retrievedAt(site, sources),
    role: { time: ['period'], ...(by === 'area' ? { geo: ['area'] } : { metric: ['indicator'] }) },
    note: [PUBLIC_STATUSES.filter((st) => st !== 'ok').map((st) => `status: ${st} = ${STATUS_SHORT[st]}`).join('; ')],
    extension: { tilannekuva: { labels: { sv: labels('sv'), en: labels('en') }, units: Object.fromEntries(rows.map((o) => [o.indicator, o.unit])) } },
  });
}
