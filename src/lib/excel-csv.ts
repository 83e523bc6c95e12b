/**
 * CSV for spreadsheet programs set to a language that writes decimals with a comma (Finnish,
 * Swedish and most of Europe): Excel there opens a file with a double-click as columns only if
 * the file starts with a UTF-8 byte-order mark (otherwise "ä" shows as "Ã¤"), separates fields
 * with semicolons and writes numbers with a decimal comma. The tidy downloads stay in the
 * portable form (UTF-8 without BOM, comma, decimal point: `csv.ts`); this is the extra,
 * Excel-friendly option beside them, and the link text says which is which.
 *
 * Text cells are neutralised against formula injection exactly like the portable CSV.
 */
import { neutraliseFormula } from './csv.ts';

/** The UTF-8 byte-order mark, as the first character of the text. */
export const BOM = '\ufeff';

/** A cell: text is written as text, a number with a decimal comma, null or undefined as empty. */
export type ExcelCsvCell = string | number | null | undefined;

/** A number with a decimal comma and no grouping ("-0,5", "352001"); empty if not finite. */
export function decimalComma(value: number): string {
  if (!Number.isFinite(value)) return '';
  let text = String(value);
  // Very small or large numbers print with an exponent, which a spreadsheet may misread.
  if (/e/i.test(text)) text = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return text.replace('.', ',');
}

/** One field: numbers with a decimal comma; text formula-neutralised and quoted if it holds ; " or a line break. */
export function excelCsvField(value: ExcelCsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return decimalComma(value);
  const safe = neutraliseFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file as text: the byte-order mark, the header, then the rows; semicolons, CRLF line ends. */
export function writeExcelCsv(header: readonly string[], rows: Iterable<readonly ExcelCsvCell[]>): string {
  let out = BOM + header.map(excelCsvField).join(';') + '\r\n';
  for (const row of rows) out += row.map(excelCsvField).join(';') + '\r\n';
  return out;
}
