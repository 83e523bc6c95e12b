/**
 * A chart's Excel workbook, written in the browser from the chart's own CSV (`/data/charts/<slug>.csv`,
 * exactly the chart's rows) and its indicator's notes (`/data/notes/<id>.json`) with the code the
 * build writes every other workbook with (src/lib/wide-xlsx.ts): one row per period, one column
 * per area, the statuses and the notes. The build no longer writes a workbook beside each of
 * the thousands of chart CSVs. Loaded only when a reader asks for a workbook (it brings the zip
 * writer).
 */
import { readCsv } from '../lib/csv.ts';
import { OBSERVATION_COLUMNS, parseObservation } from '../lib/observation.ts';
import { xlsxOf, type ChartNotes } from '../lib/wide-xlsx.ts';

/**
 * The workbook of a chart's CSV. Each value is written with the digits the CSV gives it (the
 * build writes every value of an indicator with that indicator's decimals).
 */
export function chartWorkbook(csv: Uint8Array, file: string, notes: ChartNotes): Uint8Array {
  const table = readCsv(csv, { file, columns: OBSERVATION_COLUMNS });
  const rows = table.rows.map((r) => parseObservation(r.values, { file, row: r.line }));
  const digits = new Map<string, number>();
  for (const r of table.rows) {
    const dot = r.values.value!.indexOf('.');
    const d = dot < 0 ? 0 : r.values.value!.length - dot - 1;
    const ind = r.values.indicator!;
    if (r.values.value !== '' && d > (digits.get(ind) ?? -1)) digits.set(ind, d);
  }
  return xlsxOf(rows, (ind) => digits.get(ind) ?? 0, notes.notes, 'period×area', new Date(notes.created));
}

/** Fetches a chart's CSV and notes; returns its workbook and the file name to save it as (`<slug>.xlsx`). */
export async function fetchChartWorkbook(csvHref: string, notesHref: string): Promise<{ bytes: Uint8Array; name: string }> {
  const [csv, notes] = await Promise.all([
    fetch(csvHref).then((r) => {
      if (!r.ok) throw new Error(`${csvHref}: HTTP ${r.status}`);
      return r.arrayBuffer();
    }),
    fetch(notesHref).then((r) => {
      if (!r.ok) throw new Error(`${notesHref}: HTTP ${r.status}`);
      return r.json() as Promise<ChartNotes>;
    }),
  ]);
  const name = csvHref.replace(/^.*\//, '');
  return { bytes: chartWorkbook(new Uint8Array(csv), name, notes), name: name.replace(/\.csv$/, '.xlsx') };
}
