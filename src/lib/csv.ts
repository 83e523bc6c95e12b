/**
 * Strict CSV reading and safe CSV writing.
 *
 * Reading refuses what would silently corrupt numbers: a byte-order mark, bytes that are not
 * UTF-8 (e.g. a Latin-1 export), the wrong separator, ragged rows, unterminated quotes.
 * Writing quotes as RFC 4180 requires and neutralises spreadsheet formulas.
 */
import { InputError } from './errors.ts';

/** A parsed CSV: the header and the data rows as records keyed by column name. */
export interface CsvTable {
  header: string[];
  /** Data rows; `line` is the 1-based line number where the row starts (header = line 1). */
  rows: { line: number; values: Record<string, string> }[];
}

export interface ReadCsvOptions {
  /** File name used in error messages. */
  file: string;
  /** Field separator the file must use. */
  delimiter?: ',' | ';';
  /** Columns that must all be present (extra columns are an error unless `allowExtra`). */
  columns?: readonly string[];
  /** Accept columns beyond `columns`. */
  allowExtra?: boolean;
}

/**
 * Decodes bytes as UTF-8 without a byte-order mark, or throws an {@link InputError} that says
 * what is wrong and on which line.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new InputError(
      { file, row: 1 },
      'the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let i = 0;
    // Find the first byte sequence that is not valid UTF-8, to name its line.
    while (i < bytes.length) {
      const b = bytes[i]!;
      const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      let ok = len > 0 && i + len <= bytes.length;
      for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
      if (!ok) break;
      if (b === 0x0a) line++;
      i += len;
    }
    throw new InputError(
      { file, row: line },
      `the file is not valid UTF-8 (byte 0x${(bytes[i] ?? 0).toString(16)} at offset ${i}); it looks like Latin-1 or Windows-1252 — save it as UTF-8`,
    );
  }
}

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF or LF). */
function splitCsv(text: string, delimiter: string, file: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        // After a closing quote only a separator or the end of the line may follow; anything
        // else would silently join text to the field ("1"5 → 15).
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new InputError({ file, row: line }, `text after the closing quote of a quoted field (found ${JSON.stringify(next)})`);
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new InputError({ file, row: line }, 'a quote in the middle of an unquoted field');
      inQuotes = true;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      fields.push(field);
      out.push({ line: recordLine, fields });
      fields = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new InputError({ file, row: recordLine }, 'a quoted field is not closed before the end of the file');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ line: recordLine, fields });
  }
  // Trailing empty lines are not records; an empty line between records is an error.
  while (out.length && out.at(-1)!.fields.length === 1 && out.at(-1)!.fields[0] === '') out.pop();
  const blank = out.find((r) => r.fields.length === 1 && r.fields[0] === '');
  if (blank) throw new InputError({ file, row: blank.line }, 'an empty line between records');
  return out;
}

/**
 * Reads CSV bytes strictly: UTF-8 without BOM, the expected separator, the expected columns,
 * and every row as wide as the header.
 */
export function readCsv(bytes: Uint8Array, options: ReadCsvOptions): CsvTable {
  const { file, delimiter = ',', columns, allowExtra = false } = options;
  const text = decodeUtf8(bytes, file);
  // Check the separator on the header line before splitting, so a file with another
  // separator gets that message rather than a quoting error.
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const other = delimiter === ',' ? ';' : ',';
  if (columns && columns.length > 1 && !firstLine.includes(delimiter) && firstLine.split(other).length >= columns.length) {
    throw new InputError({ file, row: 1 }, `expected columns separated by "${delimiter}" — the file seems to use "${other}"`);
  }
  const records = splitCsv(text, delimiter, file);
  const first = records[0];
  if (!first) throw new InputError({ file }, 'the file is empty');
  const header = first.fields.map((h) => h.trim());
  if (header.length === 1 && columns && columns.length > 1) {
    const other = delimiter === ',' ? ';' : ',';
    const guess = header[0]!.split(other).length >= columns.length ? ` — the file seems to use "${other}"` : '';
    throw new InputError({ file, row: 1 }, `expected columns separated by "${delimiter}"${guess}`);
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new InputError({ file, row: 1, field: h }, 'the column appears twice in the header');
    seen.add(h);
  }
  if (columns) {
    const missing = columns.filter((c) => !seen.has(c));
    if (missing.length) {
      throw new InputError(
        { file, row: 1, field: missing[0] },
        `missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}; the header has ${header.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    if (!allowExtra) {
      const extra = header.filter((h) => !columns.includes(h));
      if (extra.length) throw new InputError({ file, row: 1, field: extra[0] }, `unexpected column(s) ${extra.map((m) => `"${m}"`).join(', ')}`);
    }
  }
  const rows: CsvTable['rows'] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.fields.length !== header.length) {
      throw new InputError(
        { file, row: rec.line },
        `the row has ${rec.fields.length} field(s) but the header has ${header.length}`,
      );
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => (values[h] = rec.fields[k]!));
    rows.push({ line: rec.line, values });
  }
  return { header, rows };
}

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number such as `-0.5` or `352001` (safe in a spreadsheet). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Makes a text cell safe to open in a spreadsheet: a value that starts with `=`, `+`, `-`, `@`,
 * tab or carriage return gets a leading apostrophe (OWASP's advice on CSV injection). A plain
 * number such as `-0.5` is left as it is: a spreadsheet reads it as a number, not a formula.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Quotes one CSV field if it needs quoting. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes rows as CSV (comma, LF line ends, header first). Text cells are formula-neutralised. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  let out = header.map(csvField).join(',') + '\n';
  for (const row of rows) out += row.map(csvField).join(',') + '\n';
  return out;
}
