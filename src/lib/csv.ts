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
  const decoder = new Utf8Decoder(file);
  return decoder.push(bytes) + decoder.end();
}

/**
 * Decodes UTF-8 as it arrives, piece by piece (a multi-byte character may be split between
 * pieces): a byte-order mark at the start, or bytes that are not UTF-8, throw an
 * {@link InputError} naming the line.
 */
export class Utf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly file: string;
  private start = new Uint8Array(0);
  private started = false;
  /** Line breaks decoded so far. */
  private lines = 0;
  private offset = 0;
  constructor(file: string) {
    this.file = file;
  }

  /** Decodes the next piece of bytes. */
  push(bytes: Uint8Array): string {
    if (!this.started) {
      // Hold the first bytes until three are there, to see a byte-order mark split between pieces.
      const joined = new Uint8Array(this.start.length + bytes.length);
      joined.set(this.start);
      joined.set(bytes, this.start.length);
      if (joined.length < 3) {
        this.start = joined;
        return '';
      }
      this.started = true;
      if (joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf) {
        throw new InputError({ file: this.file, row: 1 }, 'the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM');
      }
      bytes = joined;
    }
    return this.decode(bytes, true);
  }

  /** Ends the bytes; returns what is left. */
  end(): string {
    if (!this.started) {
      this.started = true;
      const rest = this.start.length ? this.decode(this.start, true) : '';
      return rest + this.decode(new Uint8Array(0), false);
    }
    return this.decode(new Uint8Array(0), false);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream });
    } catch {
      let line = this.lines + 1;
      let i = 0;
      // Find the first byte sequence of this piece that is not valid UTF-8, to name its line.
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
        { file: this.file, row: line },
        `the file is not valid UTF-8 (byte 0x${(bytes[i] ?? 0).toString(16)} at offset ${this.offset + i}); it looks like Latin-1 or Windows-1252 — save it as UTF-8`,
      );
    }
    this.offset += bytes.length;
    // indexOf searches natively: a loop over every character took seconds on the full-size files.
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) this.lines++;
    return text;
  }
}

/** One CSV record and the 1-based line where it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records as it arrives, piece by piece (RFC 4180: quotes, doubled quotes,
 * CRLF or LF), so that a large file never has to be held in memory at once. `push` returns the
 * records completed by a piece, `end` the last one. Trailing empty lines are not records; an
 * empty line between records is an error.
 */
export class CsvSplitter {
  private fields: string[] = [];
  private field = '';
  /** Inside a quoted field. */
  private inQuotes = false;
  /** A quote seen inside a quoted field: the next character decides (a doubled quote or the end). */
  private quotePending = false;
  /** Just after the closing quote of a field: only a separator or a line end may follow. */
  private afterQuote = false;
  /** A CR ended the last record: an LF right after it belongs to the same line end. */
  private afterCr = false;
  private line = 1;
  private recordLine = 1;
  /** Empty lines seen since the last record: an error if another record follows. */
  private blank: number | undefined;
  private readonly delimiter: string;
  private readonly file: string;
  constructor(delimiter: string, file: string) {
    this.delimiter = delimiter;
    this.file = file;
  }

  /**
   * Feeds the next piece of text; returns the records it completed, or hands each to `each` as
   * soon as it is complete (then none are returned: a record dies young rather than living until
   * the whole piece is split, which at full size made the garbage collector copy them).
   */
  push(text: string, each?: (record: CsvRecord) => void): CsvRecord[] {
    const out: CsvRecord[] = [];
    const { delimiter, file } = this;
    for (let i = 0; i < text.length; i++) {
      // Fast path: at the start of a record, a whole line without quotes or CR is split at once.
      if (!this.inQuotes && !this.quotePending && !this.afterQuote && !this.afterCr && this.field === '' && this.fields.length === 0) {
        const nl = text.indexOf('\n', i);
        if (nl >= 0) {
          const line = text.slice(i, nl);
          if (!line.includes('"') && !line.includes('\r')) {
            this.fields = line.split(delimiter);
            this.emit(out, each);
            this.line++;
            this.recordLine = this.line;
            i = nl;
            continue;
          }
        }
      }
      const c = text[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
        this.afterQuote = true;
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else {
          if (c === '\n') this.line++;
          this.field += c;
        }
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        // After a closing quote only a separator or the end of the line may follow; anything
        // else would silently join text to the field ("1"5 → 15).
        if (c !== delimiter && c !== '\n' && c !== '\r') {
          throw new InputError({ file, row: this.line }, `text after the closing quote of a quoted field (found ${JSON.stringify(c)})`);
        }
      }
      if (c === '"') {
        if (this.field !== '') throw new InputError({ file, row: this.line }, 'a quote in the middle of an unquoted field');
        this.inQuotes = true;
      } else if (c === delimiter) {
        this.fields.push(this.field);
        this.field = '';
      } else if (c === '\r' || c === '\n') {
        this.fields.push(this.field);
        this.emit(out, each);
        this.afterCr = c === '\r';
        this.line++;
        this.recordLine = this.line;
      } else {
        this.field += c;
      }
    }
    return out;
  }

  /** Ends the text; returns the last record, if any (or hands it to `each`). */
  end(each?: (record: CsvRecord) => void): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) throw new InputError({ file: this.file, row: this.recordLine }, 'a quoted field is not closed before the end of the file');
    const out: CsvRecord[] = [];
    if (this.field !== '' || this.fields.length > 0) {
      this.fields.push(this.field);
      this.emit(out, each);
    }
    return out;
  }

  private emit(out: CsvRecord[], each: ((record: CsvRecord) => void) | undefined): void {
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = '';
    if (record.fields.length === 1 && record.fields[0] === '') {
      this.blank ??= record.line;
      return;
    }
    if (this.blank !== undefined) throw new InputError({ file: this.file, row: this.blank }, 'an empty line between records');
    if (each) each(record);
    else out.push(record);
  }
}

/**
 * Reads CSV bytes strictly: UTF-8 without BOM, the expected separator, the expected columns,
 * and every row as wide as the header.
 */
export function readCsv(bytes: Uint8Array, options: ReadCsvOptions): CsvTable {
  const rows: CsvTable['rows'] = [];
  const header = forEachCsvRow(bytes, options, (row) => rows.push(row));
  return { header, rows };
}

/** Checks the header record against the expected columns; returns the trimmed column names. */
function checkHeader(first: CsvRecord, options: ReadCsvOptions): string[] {
  const { file, delimiter = ',', columns, allowExtra = false } = options;
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
  return header;
}

/** Where each column of a header sits in a record's fields. */
export type ColumnIndex<Column extends string = string> = Readonly<Record<Column, number>>;

/** The bytes in pieces of a megabyte (views, not copies). */
function* piecesOf(bytes: Uint8Array): Generator<Uint8Array> {
  const CHUNK = 1 << 20;
  for (let o = 0; o < bytes.length; o += CHUNK) yield bytes.subarray(o, o + CHUNK);
}

/**
 * Reads CSV bytes strictly like {@link readCsv}, but hands each data row to `each` as it is
 * read (decoding and splitting a megabyte at a time), so that only one row's record is alive at
 * once. Returns the header.
 */
export function forEachCsvRow(bytes: Uint8Array, options: ReadCsvOptions, each: (row: { line: number; values: Record<string, string> }) => void): string[] {
  let header: string[] | undefined;
  return forEachCsvRecord(piecesOf(bytes), options, (fields, line, at) => {
    if (!header) {
      header = [];
      for (const [name, k] of Object.entries(at)) header[k] = name;
    }
    const values: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) values[header[k]!] = fields[k]!;
    each({ line, values });
  });
}

/**
 * Reads CSV strictly like {@link readCsv} from bytes that arrive in pieces (a piece may end
 * anywhere, even inside a character; it is decoded before the next is asked for, so a reader
 * may reuse one buffer), and hands each data row to `each` as its fields in header order with
 * the header's {@link ColumnIndex}: no record object per row, for files of millions of rows
 * (the site reads its derived data this way). Returns the header.
 */
export function forEachCsvRecord(pieces: Iterable<Uint8Array>, options: ReadCsvOptions, each: (fields: string[], line: number, at: ColumnIndex) => void): string[] {
  const { file, delimiter = ',', columns } = options;
  const decoder = new Utf8Decoder(file);
  const splitter = new CsvSplitter(delimiter, file);
  let header: string[] | undefined;
  let at: ColumnIndex = {};
  let checked = false;
  const take = (rec: CsvRecord) => {
    if (!header) {
      header = checkHeader(rec, options);
      at = Object.fromEntries(header.map((h, k) => [h, k]));
      return;
    }
    if (rec.fields.length !== header.length) {
      throw new InputError({ file, row: rec.line }, `the row has ${rec.fields.length} field(s) but the header has ${header.length}`);
    }
    each(rec.fields, rec.line, at);
  };
  const feed = (text: string) => {
    // Check the separator on the header line before splitting, so a file with another
    // separator gets that message rather than a quoting error.
    if (!checked && text) {
      checked = true;
      const firstLine = text.slice(0, text.search(/\r?\n|$/));
      const other = delimiter === ',' ? ';' : ',';
      if (columns && columns.length > 1 && !firstLine.includes(delimiter) && firstLine.split(other).length >= columns.length) {
        throw new InputError({ file, row: 1 }, `expected columns separated by "${delimiter}" — the file seems to use "${other}"`);
      }
    }
    splitter.push(text, take);
  };
  for (const piece of pieces) feed(decoder.push(piece));
  feed(decoder.end());
  splitter.end(take);
  if (!header) throw new InputError({ file }, 'the file is empty');
  return header;
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
