/**
 * The comparison tool's Excel option: the tables the tool shows as one workbook, built in the
 * browser. One sheet per indicator with exactly the table's rows and columns (the period as the
 * table writes it, then each area and the whole country), numbers as numbers rounded as shown, a
 * withheld value as the word the table writes, and the marks the table writes beside a value
 * ("estimate", "at least") in a last notes column; a notes sheet gives each table's title,
 * period, source and licence. Loaded only when the tool has drawn its tables (it brings the zip
 * writer), so the page's first script stays small.
 */
import { roundHalfUp } from '../../lib/numbers.ts';
import { hasValueName, type StatusName } from '../../lib/status.ts';
import { xlsxWorkbook, type XlsxCell } from '../../lib/xlsx.ts';
import { text as s, type CompareConfig } from './state.ts';

/** One indicator's table as the tool shows it. */
export interface ShownCompareTable {
  indicator: string;
  /** The table's caption (indicator and areas). */
  title: string;
  /** The header row: the period column's name, then the areas' names as shown. */
  header: string[];
  /** One row per period shown, in the table's order: the period as shown, then one point (or none) per area. */
  rows: { period: string; points: ({ value: number | null; status: StatusName } | undefined)[] }[];
  /** The period shown, as the page writes it ("1/2024–8/2026"). */
  span: string;
}

/** A cell of the table as a workbook cell: the value rounded as shown, "withheld" for a withheld one, empty for none. */
function cell(cfg: CompareConfig, decimals: number, p: ShownCompareTable['rows'][number]['points'][number]): XlsxCell {
  if (!p) return null;
  if (p.status === 'suppressed') return s(cfg, 'status.suppressed');
  if (p.value === null || !hasValueName(p.status)) return null;
  return roundHalfUp(p.value, decimals);
}

/** The rows of one table's sheet: the header with a notes column, then a row per period. */
export function compareSheetRows(cfg: CompareConfig, table: ShownCompareTable): XlsxCell[][] {
  const decimals = cfg.indicators[table.indicator]!.decimals;
  const areaNames = table.header.slice(1);
  return [
    [...table.header, s(cfg, 'table.status')],
    ...table.rows.map(({ period, points }) => [
      period,
      ...points.map((p) => cell(cfg, decimals, p)),
      points
        .map((p, k) => (p && p.value !== null && p.status !== 'ok' && hasValueName(p.status) ? `${areaNames[k]}: ${s(cfg, `status.${p.status}`)}` : ''))
        .filter(Boolean)
        .join('; '),
    ]),
  ];
}

/** A sheet name Excel accepts: at most 31 characters, a slash drawn as the division slash (∕), none of : \\ ? * [ ]. */
const sheetName = (name: string): string => name.replace(/\//g, '\u2215').replace(/[:\\?*[\]]/g, ' ').slice(0, 31);

/** Sheet names: the indicators' short names, numbered when two would be the same. */
function sheetNames(cfg: CompareConfig, tables: readonly ShownCompareTable[]): string[] {
  const plain = tables.map((t) => sheetName(cfg.indicators[t.indicator]!.short));
  const unique = new Set(plain.map((n) => n.toLowerCase())).size === plain.length && !plain.includes(s(cfg, 'tables.sheetNotes'));
  return unique ? plain : tables.map((t, k) => sheetName(`${k + 1} ${cfg.indicators[t.indicator]!.short}`));
}

/** The workbook of the tables shown: a sheet per indicator, then the notes. */
export function compareWorkbook(cfg: CompareConfig, tables: readonly ShownCompareTable[], created: Date): Uint8Array {
  const names = sheetNames(cfg, tables);
  const notes: XlsxCell[][] = tables.flatMap((t) => {
    const ind = cfg.indicators[t.indicator]!;
    return [[t.title], [s(cfg, 'table.period'), t.span], [s(cfg, 'table.source'), ind.source], [s(cfg, 'tables.licence'), 'CC BY 4.0'], []];
  });
  return xlsxWorkbook(
    [
      ...tables.map((t, k) => ({
        name: names[k]!,
        rows: compareSheetRows(cfg, t),
        widths: [...t.header.map((h, i) => (i === 0 ? 10 : Math.max(12, Math.min(30, h.length + 2)))), 40],
        freezeHeader: true,
      })),
      { name: s(cfg, 'tables.sheetNotes'), rows: notes, widths: [24, 100] },
    ],
    { creator: 'Tilannekuva', created },
  );
}
