/**
 * A small Excel workbook (Office Open XML, .xlsx) writer: sheets of text and number cells, a
 * frozen header row, column widths, the creator and a fixed creation date. No formulas, no
 * styles beyond the default, strings inline. It runs both at build time (the downloads) and in
 * the browser (a page's table as a workbook), so it is pure and writes into memory; the zip is
 * fflate's, unless the build gives Node's faster zlib writer ({@link useZipper}). Text cells are
 * neutralised against formula injection like the CSV files.
 */
import { strToU8, zipSync } from 'fflate';
import { neutraliseFormula } from './csv.ts';

/** A cell: text, a number, or empty (null/undefined). */
export type XlsxCell = string | number | null | undefined;

export interface XlsxSheet {
  /** Sheet name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  rows: Iterable<readonly XlsxCell[]>;
  /** Column widths in characters. */
  widths?: readonly number[];
  /** Keep the first row in view when scrolling. */
  freezeHeader?: boolean;
}

export interface XlsxOptions {
  creator?: string;
  /** The workbook's creation time (written as given, so that a rebuild gives the same file). */
  created?: Date;
  /** Deflate level 0–9 (default 6). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** Writes a zip archive of the files, in the order given, at the deflate level, with the entries' time. */
export type Zipper = (files: Record<string, Uint8Array>, o: { level: number; mtime: Date }) => Uint8Array;

let zipper: Zipper = (files, o) => zipSync(files, { level: o.level as 6, mtime: o.mtime });

/** Sets the zip writer of every workbook written after it (the downloads build gives Node's zlib writer, scripts/lib/zip.ts). */
export function useZipper(z: Zipper): void {
  zipper = z;
}

// Characters XML 1.0 does not allow (control characters other than tab, line feed and carriage return).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text escaped for XML content and attributes. */
function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The XML of one row. */
function rowXml(cells: readonly XlsxCell[], r: number, columns: string[]): string {
  let xml = `<row r="${r}">`;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (v === null || v === undefined || v === '') continue;
    const ref = (columns[c] ??= columnName(c)) + r;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) xml += `<c r="${ref}"><v>${v}</v></c>`;
    } else {
      xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(neutraliseFormula(v))}</t></is></c>`;
    }
  }
  return xml + '</row>';
}

/** The XML of a worksheet. */
function sheetXml(sheet: XlsxSheet): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'];
  if (sheet.freezeHeader) parts.push('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>');
  if (sheet.widths?.length) parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  parts.push('<sheetData>');
  const columns: string[] = [];
  let r = 0;
  for (const row of sheet.rows) parts.push(rowXml(row, ++r, columns));
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/g;

/** A workbook of the given sheets as .xlsx bytes. */
export function xlsxWorkbook(sheets: readonly XlsxSheet[], options: XlsxOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const names = sheets.map((s) => s.name.replace(INVALID_SHEET_NAME, ' ').slice(0, 31) || 'Sheet');
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new Error(`sheet names repeat: ${names.join(', ')}`);
  const created = (options.created ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const x = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${x}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${x}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'docProps/core.xml': strToU8(
      `${x}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(options.creator ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ),
    'xl/workbook.xml': strToU8(
      `${x}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${x}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `${x}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
  // A fixed time in the zip entries too, so that a rebuild gives the same bytes.
  return zipper(files, { level: options.level ?? 6, mtime: options.created ?? new Date('1980-01-01T00:00:00Z') });
}
