/**
 * The import of a submitted file, without I/O: reading its records (as they stream in) into
 * rows under the refusal rules, then, per instrument, the checks between rows and against
 * earlier releases, the suppression, and the publication (rows, CSV text, manifest entry).
 * `scripts/lib/change-meter/store.ts` does the reading and writing around it.
 */
import { parseOrExplain, InputError } from '../errors.ts';
import type { CsvRecord } from '../csv.ts';
import { MAX_FILE_BYTES, MAX_ROWS, RULE_IDS, RuleViolation } from './rules.ts';
import { checkAreaLevel, checkCounts, checkEarlierFigures, checkStructure, checkTotals, type EarlierRow, type SubmittedRow } from './checks.ts';
import { registeredInstrument } from './registry.ts';
import { checkFits, suppress, type SuppressionNote } from './suppress.ts';
import { comparePeriods, periodLength, periodMonths } from './periods.ts';
import { comparePublished, publishRow, publishedCsv } from './publish.ts';
import {
  CHANGE_METER_COLUMNS,
  ChangeMeterCsvRow,
  type ChangeMeterInstrument,
  type ChangeMeterManifestEntry,
  type ChangeMeterPublishedRow,
  type ChangeMeterRegistry,
  type ChangeMeterRow,
} from '../../schema/change-meter.ts';
import type { Solver } from './solver.ts';

/** Rule `file-format`: a submitted file of `bytes` bytes is not larger than {@link MAX_FILE_BYTES}. */
export function checkFileSize(bytes: number, file: string): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new RuleViolation(
      'file-format',
      { file },
      `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MiB (${MAX_ROWS} rows). A file of aggregates — one row per area, period and dimension — is far smaller: is this customer-level data? Never submit customer-level data`,
    );
  }
}

/**
 * Reads the records of a submitted CSV file, one at a time, into rows: the header, then every
 * row against the schema and the refusal rules of one row. Throws a {@link RuleViolation} at the
 * first broken rule.
 */
export class SubmissionReader {
  private readonly file: string;
  private readonly knownAreas: ReadonlySet<string>;
  private header: string[] | undefined;
  readonly rows: SubmittedRow[] = [];

  constructor(file: string, knownAreas: ReadonlySet<string>) {
    this.file = file;
    this.knownAreas = knownAreas;
  }

  /** Takes the next record (the first is the header). */
  record(rec: CsvRecord): void {
    const file = this.file;
    if (!this.header) {
      this.header = rec.fields.map((h) => h.trim());
      this.checkHeader(this.header);
      return;
    }
    const at = { file, row: rec.line };
    if (rec.fields.length !== this.header.length) {
      throw new RuleViolation('file-format', at, `the row has ${rec.fields.length} field(s) but the header has ${this.header.length}`);
    }
    if (this.rows.length >= MAX_ROWS) throw new RuleViolation('file-format', at, `more than ${MAX_ROWS} rows; a file of aggregates is far smaller`);
    const values: Record<string, string> = {};
    this.header.forEach((h, k) => (values[h] = rec.fields[k]!));
    for (const c of CHANGE_METER_COLUMNS) {
      if (values[c] !== '') continue;
      if (c === 'customers_paired') {
        throw new RuleViolation(
          'paired-measurements-only',
          { ...at, field: c },
          'customers_paired (customers with both a first and a follow-up measurement) is empty; every figure is computed from paired measurements only, so this count is required. If few customers have a follow-up yet, merge periods rather than leaving it out',
        );
      }
      throw new RuleViolation('field-format', { ...at, field: c }, 'the field is empty; every field is required (submit every figure: the importer itself withholds what may not be published)');
    }
    checkAreaLevel(values.area_code!, this.knownAreas, at);
    let row: ChangeMeterRow;
    try {
      row = parseOrExplain(ChangeMeterCsvRow, values, at);
    } catch (err) {
      if (err instanceof InputError) throw new RuleViolation('field-format', err.location, err.problem);
      throw err;
    }
    if (!periodMonths(row.period)) throw new RuleViolation('field-format', { ...at, field: 'period' }, `the window ${row.period} ends before it starts`);
    checkCounts(row, at);
    this.rows.push({ line: rec.line, row });
  }

  /** Ends the file: it must have had a header and at least one row. */
  end(): SubmittedRow[] {
    if (!this.header) throw new RuleViolation('file-format', { file: this.file }, 'the file is empty');
    if (!this.rows.length) throw new RuleViolation('file-format', { file: this.file, row: 2 }, 'the file has a header but no rows');
    return this.rows;
  }

  private checkHeader(header: string[]): void {
    const file = this.file;
    const cols = CHANGE_METER_COLUMNS as readonly string[];
    if (header.length === 1 && header[0]!.split(';').length >= cols.length) {
      throw new RuleViolation('file-format', { file, row: 1 }, 'expected columns separated by "," — the file seems to use ";"');
    }
    const missing = cols.filter((c) => !header.includes(c));
    if (missing.length) {
      throw new RuleViolation('file-format', { file, row: 1, field: missing[0] }, `missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}; the header has ${header.map((h) => `"${h}"`).join(', ')}`);
    }
    const extra = header.filter((h) => !cols.includes(h));
    if (extra.length) {
      throw new RuleViolation(
        'no-extra-columns',
        { file, row: 1, field: extra[0] },
        `unexpected column(s) ${extra.map((c) => `"${c}"`).join(', ')}; the format has exactly the columns ${cols.join(',')}. Results are never broken down by other attributes (language, age, diagnosis, provider…)`,
      );
    }
    if (header.join(',') !== cols.join(',')) throw new RuleViolation('file-format', { file, row: 1 }, `the columns must be in the documented order: ${cols.join(',')}`);
  }
}

/** One instrument's publication. */
interface InstrumentPublication {
  id: string;
  instrument: string;
  /** `<id>.csv`. */
  file: string;
  rows: ChangeMeterPublishedRow[];
  /** The published CSV text. */
  csv: string;
  entry: ChangeMeterManifestEntry;
}

/** A row the importer withheld figures of, with its line in the submitted file. */
export interface WithheldRow extends SuppressionNote {
  line: number;
  area_code: string;
  period: string;
  instrument: string;
  dimension: string;
}

/** The result of {@link importRows}: what to publish and what was withheld. */
export interface ChangeMeterImport {
  imported_at: string;
  instruments: InstrumentPublication[];
  /** Every status change the suppression made, in the order it made them. */
  withheld: WithheldRow[];
  /** Notes that do not stop the import. */
  warnings: string[];
}

/** What {@link importRows} needs besides the rows. */
export interface ImportContext {
  /** The submitted file as messages name it. */
  file: string;
  registry: ChangeMeterRegistry;
  /** Every row of every earlier release of an instrument (the published file and its history). */
  earlier: (instrument: ChangeMeterInstrument) => EarlierRow[];
  solver: Solver;
  /** Import time, ISO 8601 UTC. */
  now: string;
}

/**
 * Checks, suppresses and publishes the rows of a submitted file (already read by
 * {@link SubmissionReader}), instrument by instrument. Throws a {@link RuleViolation} naming the
 * rule, the file, the row and the field for the first rule the file breaks.
 */
export function importRows(rows: readonly SubmittedRow[], ctx: ImportContext): ChangeMeterImport {
  const { file } = ctx;
  const byInstrument = new Map<string, { inst: ChangeMeterInstrument; rows: SubmittedRow[] }>();
  for (const r of rows) {
    const inst = registeredInstrument(ctx.registry, r.row, { file, row: r.line });
    const g = byInstrument.get(inst.id);
    if (g) g.rows.push(r);
    else byInstrument.set(inst.id, { inst, rows: [r] });
  }
  const withheld: WithheldRow[] = [];
  const warnings: string[] = [];
  const instruments: InstrumentPublication[] = [];
  for (const { inst, rows: mine } of [...byInstrument.values()].sort((a, b) => (a.inst.id < b.inst.id ? -1 : 1))) {
    const earlier = ctx.earlier(inst);
    checkStructure(mine, earlier, file);
    for (const d of new Set(mine.map((r) => r.row.dimension))) checkTotals(mine.filter((r) => r.row.dimension === d), file);
    checkEarlierFigures(mine, earlier, file);
    checkFits(mine, earlier, ctx.solver, file);
    const result = suppress(mine, earlier, ctx.solver, file);
    for (const note of result.notes) {
      const { line, row } = mine[note.index]!;
      withheld.push({ ...note, line, area_code: row.area_code, period: row.period, instrument: row.instrument, dimension: row.dimension });
    }
    const published = mine.map((r, i) => publishRow(r.row, result.status[i]!)).sort(comparePublished);
    const count = (s: string) => published.filter((r) => r.status === s).length;
    const periods = [...new Set(published.map((r) => r.period))].sort(comparePeriods);
    for (const p of periods) {
      const len = periodLength(p)!;
      if (p.includes('/') && len !== 12) warnings.push(`${inst.name}: the window ${p} is ${len} months; whole years or one fixed 12-month window are recommended`);
    }
    const dropped = [...new Set(earlier.map((e) => e.row.period))].filter((p) => !periods.includes(p));
    if (dropped.length) warnings.push(`${inst.name}: periods published earlier and not in this file stay public in the history: ${dropped.sort(comparePeriods).join(', ')}`);
    instruments.push({
      id: inst.id,
      instrument: inst.name,
      file: `${inst.id}.csv`,
      rows: published,
      csv: publishedCsv(published),
      entry: {
        file: `${inst.id}.csv`,
        instrument: inst.name,
        imported_at: ctx.now,
        rows: published.length,
        rows_ok: count('ok'),
        rows_shares_suppressed: count('shares_suppressed'),
        rows_suppressed: count('suppressed'),
        periods,
        rules_applied: [...RULE_IDS],
      },
    });
  }
  return { imported_at: ctx.now, instruments, withheld, warnings };
}

