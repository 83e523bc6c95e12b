/**
 * The wide Excel workbook of a set of observations (the downloads of an area, an indicator or a
 * chart): values laid out as a spreadsheet user expects, with their statuses and notes beside
 * them. Pure, so that the build writes the area and indicator workbooks with it and the browser
 * writes a chart's workbook from the chart's CSV with the same code (src/client/chart-workbook.ts).
 */
import { formatPlain } from './numbers.ts';
import type { Observation } from './observation.ts';
import { xlsxWorkbook, type XlsxCell } from './xlsx.ts';

/**
 * How a workbook lays out its observations on sheet "data": the rows and the columns.
 * - `period×indicator`: an area's file, one row per period, one column per indicator;
 * - `area×period`: an indicator's file, one row per area, one column per period;
 * - `period×area`: a chart's table, one row per period, one column per area (and indicator,
 *   when the chart has two).
 */
export type XlsxLayout = 'period×indicator' | 'area×period' | 'period×area';

/** A chart's notes file (`/data/notes/<indicator>.json`): its notes sheet and the data's retrieval time (ISO). */
export interface ChartNotes {
  created: string;
  notes: string[][];
}

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
  for (const o of rows) {
    const r = key.row(o);
    const c = key.col(o);
    if (!rowFirst.has(r)) rowFirst.set(r, o);
    if (!colFirst.has(c)) colFirst.set(c, o);
  }
  const rowKeys = [...rowFirst.keys()];
  const colKeys = [...colFirst.keys()];
  if (key.sortRows) rowKeys.sort();
  if (key.sortCols) colKeys.sort();
  // The cells as one grid, row by row (a workbook of an area or an indicator has about 100,000).
  const rowAt = new Map(rowKeys.map((r, i) => [r, i]));
  const colAt = new Map(colKeys.map((c, i) => [c, i]));
  const grid = new Array<Observation | undefined>(rowKeys.length * colKeys.length);
  for (const o of rows) grid[rowAt.get(key.row(o))! * colKeys.length + colAt.get(key.col(o))!] = o;
  const header = [...key.head, ...colKeys.map((c) => key.colHead(colFirst.get(c)!))];
  function* sheet(cell: (o: Observation) => XlsxCell): Generator<XlsxCell[]> {
    yield header;
    for (let i = 0; i < rowKeys.length; i++) {
      const line: XlsxCell[] = key.rowCells(rowFirst.get(rowKeys[i]!)!);
      for (let k = i * colKeys.length, end = k + colKeys.length; k < end; k++) {
        const o = grid[k];
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

