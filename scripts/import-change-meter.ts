/**
 * Imports a file of change-meter aggregates submitted by an employment area (or the instrument's
 * coordinator): checks it against the data contract (`src/schema/change-meter.ts`) and the
 * privacy rules (`src/lib/privacy.ts`), withholds what the suppression rules require, and
 * publishes the result in `data/change-meter/published/`: one `<instrument-slug>.csv` per
 * instrument in the file and its provenance in `manifest.json`.
 *
 * A file that breaks a refusal rule is refused as a whole: the command prints one line naming
 * the rule, the file, the row and the field, exits 1 and writes nothing. Otherwise the published
 * folder is replaced in one step (built beside the old one and swapped in).
 *
 * An instrument's published file is replaced as a whole: the submission is the instrument's
 * complete table (every area and period to publish), because complementary suppression has to
 * see every row that could be subtracted from another. Other instruments' files stay as they are.
 *
 * Usage: node scripts/import-change-meter.ts --file <submitted.csv> [--out data/change-meter]
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { loadReference } from './lib/validate/reference.ts';
import { readCsv, writeCsv } from '../src/lib/csv.ts';
import { InputError, parseOrExplain, type InputLocation } from '../src/lib/errors.ts';
import {
  MERGE_ADVICE,
  RULE_IDS,
  RuleViolation,
  auditSuppression,
  checkAreaLevel,
  checkCoverage,
  checkPairedOnly,
  checkSharesAddUp,
  checkSharesOfPaired,
  periodLength,
  periodMonths,
  publishRow,
  suppress,
  type SuppressionNote,
} from '../src/lib/privacy.ts';
import {
  CHANGE_METER_COLUMNS,
  CHANGE_METER_PUBLISHED_COLUMNS,
  ChangeMeterCsvRow,
  ChangeMeterManifest,
  instrumentSlug,
  type ChangeMeterManifestEntry,
  type ChangeMeterPublishedRow,
  type ChangeMeterRow,
} from '../src/schema/change-meter.ts';
import { ROOT, option, runMain } from './lib/args.ts';
import { rel, replaceFolder, sha256, toJson } from './lib/fsx.ts';

/** The manifest's format id. */
const MANIFEST_FORMAT = 'tilannekuva-change-meter-manifest/1';

/** What the importer needs of the reference data: the employment areas. */
export interface ChangeMeterReference {
  employmentAreas: readonly { code: string }[];
}

/** One instrument's publication. */
export interface InstrumentPublication {
  slug: string;
  instrument: string;
  /** `<slug>.csv`. */
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

/** The result of {@link importChangeMeter}: what to publish and what was withheld. */
export interface ChangeMeterImport {
  source_file: string;
  source_sha256: string;
  imported_at: string;
  instruments: InstrumentPublication[];
  /** Every status change the suppression made, in the order it made them. */
  withheld: WithheldRow[];
  /** Notes that do not stop the import (partly overlapping periods, windows other than 12 months). */
  warnings: string[];
}

const AREA_ORDER = (a: string) => (a === 'SSS' ? '' : a);

/**
 * Checks and suppresses a submitted file; writes nothing. `fileName` is the path as the user
 * typed it (used in messages; the manifest keeps only its last part). Throws a
 * {@link RuleViolation} (an InputError) naming the rule, the file, the row and the field for
 * the first rule the file breaks.
 */
export function importChangeMeter(
  bytes: Uint8Array,
  fileName: string,
  ref: ChangeMeterReference,
  options: { now?: string } = {},
): ChangeMeterImport {
  const file = fileName;
  const importedAt = options.now ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const knownAreas = new Set(ref.employmentAreas.map((a) => a.code));

  // 1. The file: UTF-8 without BOM, commas, the header. Extra columns are the privacy rule of
  //    no cross-tabulation; everything else readCsv refuses is the file format.
  let table;
  try {
    table = readCsv(bytes, { file, columns: CHANGE_METER_COLUMNS, allowExtra: true });
  } catch (err) {
    if (err instanceof InputError) {
      // The byte-order mark sits in front of the first column name, where a spreadsheet hides it.
      const bom = /byte-order mark/.test(err.problem);
      throw new RuleViolation('file-format', bom ? { ...err.location, field: CHANGE_METER_COLUMNS[0] } : err.location, err.problem);
    }
    throw err;
  }
  const extra = table.header.filter((h) => !(CHANGE_METER_COLUMNS as readonly string[]).includes(h));
  if (extra.length) {
    throw new RuleViolation(
      'no-extra-columns',
      { file, row: 1, field: extra[0] },
      `unexpected column(s) ${extra.map((c) => `"${c}"`).join(', ')}; the format has exactly the columns ${CHANGE_METER_COLUMNS.join(',')}. Results are never broken down by other attributes (language, age, diagnosis, provider…)`,
    );
  }
  if (table.header.join(',') !== CHANGE_METER_COLUMNS.join(',')) {
    throw new RuleViolation('file-format', { file, row: 1 }, `the columns must be in the documented order: ${CHANGE_METER_COLUMNS.join(',')}`);
  }
  if (!table.rows.length) throw new RuleViolation('file-format', { file, row: 2 }, 'the file has a header but no rows');

  // 2. Each row: every field present, the area level, the form of every field, the row's rules.
  const rows: { line: number; row: ChangeMeterRow }[] = [];
  for (const { line, values } of table.rows) {
    const at: InputLocation = { file, row: line };
    for (const c of CHANGE_METER_COLUMNS) {
      if (values[c] !== '') continue;
      if (c === 'customers_paired') {
        throw new RuleViolation(
          'paired-measurements-only',
          { ...at, field: c },
          `customers_paired (customers with both a first and a follow-up measurement) is empty; every figure is computed from paired measurements only, so this count is required. If few customers have a follow-up yet, merge periods (e.g. a rolling 12 months) rather than leaving it out`,
        );
      }
      throw new RuleViolation(
        'field-format',
        { ...at, field: c },
        'the field is empty; every field is required (submit every figure: the importer itself withholds what may not be published)',
      );
    }
    checkAreaLevel(values.area_code!, knownAreas, at);
    // Paired > measured is named by its own rule even when the coverage it implies (> 1) would
    // also fail the form of coverage_rate.
    if (/^\d+$/.test(values.customers_paired!) && /^\d+$/.test(values.customers_measured!)) {
      checkPairedOnly({ customers_paired: Number(values.customers_paired), customers_measured: Number(values.customers_measured) }, at);
    }
    let row: ChangeMeterRow;
    try {
      row = parseOrExplain(ChangeMeterCsvRow, values, at);
    } catch (err) {
      if (err instanceof InputError) throw new RuleViolation('field-format', err.location, err.problem);
      throw err;
    }
    if (!periodMonths(row.period)) {
      throw new RuleViolation('field-format', { ...at, field: 'period' }, `the window ${row.period} ends before it starts`);
    }
    if (!instrumentSlug(row.instrument)) {
      throw new RuleViolation('field-format', { ...at, field: 'instrument' }, 'the instrument name needs at least one letter or digit');
    }
    checkPairedOnly(row, at);
    checkCoverage(row, at);
    checkSharesAddUp(row, at);
    checkSharesOfPaired(row, at);
    rows.push({ line, row });
  }

  // 3. Between rows: one row per cell, one version and scale per group, one file per instrument.
  const seen = new Map<string, { line: number; period: string }>();
  const groups = new Map<string, { line: number; version: string; scale: string }>();
  const slugs = new Map<string, { instrument: string; line: number }>();
  for (const { line, row } of rows) {
    const m = periodMonths(row.period)!;
    const months = `${m.first}-${m.last}`;
    const key = [row.area_code, row.instrument, row.dimension, months].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      const same = first.period === row.period ? row.period : `${row.period} covers the same months as ${first.period}`;
      throw new RuleViolation(
        'one-row-per-cell',
        { file, row: line, field: 'area_code, period, instrument, dimension' },
        `the row repeats row ${first.line}: ${row.area_code}, ${same}, "${row.instrument}", "${row.dimension}"; submit one row per area, period, instrument and dimension`,
      );
    }
    seen.set(key, { line, period: row.period });
    const gKey = [row.instrument, row.dimension, months].join('\u0000');
    const g = groups.get(gKey);
    if (!g) groups.set(gKey, { line, version: row.instrument_version, scale: row.scale });
    else {
      for (const [field, mine, theirs] of [
        ['instrument_version', row.instrument_version, g.version],
        ['scale', row.scale, g.scale],
      ] as const) {
        if (mine !== theirs) {
          throw new RuleViolation(
            'one-version-per-group',
            { file, row: line, field },
            `${field} "${mine}" differs from "${theirs}" on row ${g.line} for the same instrument, dimension and period; figures of different versions or scales cannot be compared or added up`,
          );
        }
      }
    }
    const slug = instrumentSlug(row.instrument);
    const s = slugs.get(slug);
    if (!s) slugs.set(slug, { instrument: row.instrument, line });
    else if (s.instrument !== row.instrument) {
      throw new RuleViolation(
        'distinct-instrument-files',
        { file, row: line, field: 'instrument' },
        `"${row.instrument}" and "${s.instrument}" (row ${s.line}) would both be published as ${slug}.csv; write the instrument's name the same way on every row`,
      );
    }
  }

  // 4. Suppression (per instrument; instruments never add up with each other).
  const withheld: WithheldRow[] = [];
  const warnings: string[] = [];
  const instruments: InstrumentPublication[] = [];
  for (const [slug, { instrument }] of [...slugs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mine = rows.filter((r) => r.row.instrument === instrument);
    const cells = mine.map(({ line, row }) => ({ ...row, label: `row ${line} (${row.area_code}, ${row.period}, ${row.dimension})` }));
    const result = suppress(cells);
    warnings.push(...result.warnings);
    for (const note of result.notes) {
      const { line, row } = mine[note.index]!;
      withheld.push({ ...note, line, area_code: row.area_code, period: row.period, instrument: row.instrument, dimension: row.dimension });
    }
    const published = mine
      .map(({ row }, i) => publishRow(row, result.status[i]!))
      .sort(
        (a, b) =>
          cmp(a.dimension, b.dimension) ||
          periodMonths(a.period)!.first - periodMonths(b.period)!.first ||
          periodMonths(b.period)!.last - periodMonths(a.period)!.last ||
          cmp(AREA_ORDER(a.area_code), AREA_ORDER(b.area_code)),
      );
    // The published pattern must pass the same audit the site's loader runs.
    const problems = auditSuppression(published);
    if (problems.length) throw new Error(`internal error: suppression left a recoverable cell: ${problems[0]}`);
    const count = (s: string) => published.filter((r) => r.status === s).length;
    const periods = [...new Set(published.map((r) => r.period))].sort(
      (a, b) => periodMonths(a)!.first - periodMonths(b)!.first || periodMonths(b)!.last - periodMonths(a)!.last,
    );
    for (const p of periods) {
      const len = periodLength(p)!;
      if (p.includes('/') && len !== 12) warnings.push(`${instrument}: the window ${p} is ${len} months; 12 months is recommended`);
    }
    instruments.push({
      slug,
      instrument,
      file: `${slug}.csv`,
      rows: published,
      csv: writeCsv(
        CHANGE_METER_PUBLISHED_COLUMNS,
        published.map((r) => CHANGE_METER_PUBLISHED_COLUMNS.map((c) => r[c])),
      ),
      entry: {
        file: `${slug}.csv`,
        instrument,
        source_file: basename(fileName),
        source_sha256: sha256(bytes),
        imported_at: importedAt,
        rows: published.length,
        rows_ok: count('ok'),
        rows_shares_suppressed: count('shares_suppressed'),
        rows_suppressed: count('suppressed'),
        periods,
        rules_applied: [...RULE_IDS],
      },
    });
  }
  return {
    source_file: basename(fileName),
    source_sha256: sha256(bytes),
    imported_at: importedAt,
    instruments,
    withheld,
    warnings,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads and validates what is published in `published` now: the manifest (an empty one if there
 * is neither a manifest nor a CSV file) and that every CSV file has an entry and every entry a file.
 */
async function readManifest(published: string): Promise<ChangeMeterManifest> {
  const path = join(published, 'manifest.json');
  const csvs = existsSync(published) ? (await readdir(published)).filter((n) => n.endsWith('.csv')).sort() : [];
  if (!existsSync(path)) {
    if (csvs.length) throw new InputError({ file: rel(join(published, csvs[0]!)) }, 'a published file without manifest.json; restore the manifest (git) before importing');
    return { format: MANIFEST_FORMAT, files: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError({ file: rel(path) }, `not valid JSON: ${(err as Error).message}`);
  }
  const manifest = parseOrExplain(ChangeMeterManifest, json, { file: rel(path) });
  for (const name of csvs) {
    if (!manifest.files.some((e) => e.file === name)) {
      throw new InputError({ file: rel(join(published, name)) }, 'a published file without an entry in manifest.json; remove it or restore the manifest (git) before importing');
    }
  }
  manifest.files.forEach((e, i) => {
    if (!csvs.includes(e.file)) throw new InputError({ file: rel(path), row: `files[${i}]`, field: 'file' }, `${e.file} does not exist`);
  });
  return manifest;
}

/** What {@link publishChangeMeter} replaced. */
export interface Replaced {
  file: string;
  /** The previous entry, if the instrument was published before. */
  previous?: ChangeMeterManifestEntry;
}

/**
 * Publishes an import into `<out>/published/`: the instruments' CSV files and the manifest,
 * replacing the folder in one step. Other instruments' files and entries stay as they were.
 */
export async function publishChangeMeter(result: ChangeMeterImport, out: string): Promise<Replaced[]> {
  const published = join(out, 'published');
  const manifest = await readManifest(published); // before anything is written: a broken state stops here
  const replaced: Replaced[] = result.instruments.map((i) => ({ file: i.file, previous: manifest.files.find((e) => e.file === i.file) }));
  const files = [
    ...manifest.files.filter((e) => !result.instruments.some((i) => i.file === e.file)),
    ...result.instruments.map((i) => i.entry),
  ].sort((a, b) => cmp(a.file, b.file));
  const next = ChangeMeterManifest.parse({ format: MANIFEST_FORMAT, files });
  await replaceFolder(published, async (staging) => {
    for (const i of result.instruments) await writeFile(join(staging, i.file), i.csv);
    await writeFile(join(staging, 'manifest.json'), toJson(next));
  });
  return replaced;
}

/** The report the command prints: what was published, what was withheld and why, and advice. */
export function formatReport(result: ChangeMeterImport, fileName: string, replaced: Replaced[] = []): string {
  const lines: string[] = [];
  lines.push(`change meter: ${fileName} (sha256 ${result.source_sha256.slice(0, 12)}…) imported at ${result.imported_at}`);
  for (const i of result.instruments) {
    const e = i.entry;
    lines.push(
      `  published ${i.file}: ${e.rows} rows — ${e.rows_ok} ok, ${e.rows_shares_suppressed} shares suppressed, ${e.rows_suppressed} suppressed; periods ${e.periods.join(', ')}`,
    );
    const prev = replaced.find((r) => r.file === i.file)?.previous;
    if (prev) {
      const gone = prev.periods.filter((p) => !e.periods.includes(p));
      lines.push(
        `    replaces the import of ${prev.source_file} (${prev.imported_at}, ${prev.rows} rows)${gone.length ? `; periods no longer published: ${gone.join(', ')}` : ''}`,
      );
    }
  }
  if (result.withheld.length) {
    lines.push('withheld:');
    // One line per row: its final status, then every reason in the order the rules applied.
    const byLine = new Map<number, WithheldRow[]>();
    for (const w of result.withheld) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
    for (const [line, notes] of [...byLine].sort(([a], [b]) => a - b)) {
      const last = notes.at(-1)!;
      const why = notes.map((w) => `${w.reason} (rule ${w.rule})`).join('; then ');
      lines.push(`  row ${line} ${last.area_code} ${last.period} "${last.dimension}": ${last.status} — ${why}`);
    }
    const small = new Set(result.withheld.filter((w) => w.rule !== 'complementary-suppression').map((w) => w.line));
    const extra = new Set(result.withheld.filter((w) => w.rule === 'complementary-suppression' && !small.has(w.line)).map((w) => w.line));
    lines.push(
      `advice: ${small.size} row(s) had too few paired customers${extra.size ? ` and ${extra.size} more had to be withheld so that they cannot be recovered by subtraction` : ''}. ${MERGE_ADVICE}`,
    );
  } else {
    lines.push('withheld: nothing');
  }
  for (const w of result.warnings) lines.push(`note: ${w}`);
  return lines.join('\n');
}

/** Reads, checks, publishes and reports: the whole command. */
export async function runImport(opts: { file: string; out: string; root?: string; now?: string; ref?: ChangeMeterReference }): Promise<{
  result: ChangeMeterImport;
  report: string;
}> {
  const root = opts.root ?? ROOT;
  const path = resolve(root, opts.file);
  const shown = rel(path, root);
  if (!existsSync(path)) throw new InputError({ file: shown }, 'no such file');
  const ref = opts.ref ?? loadReference(root);
  const bytes = new Uint8Array(readFileSync(path));
  const result = importChangeMeter(bytes, shown, ref, { now: opts.now });
  const replaced = await publishChangeMeter(result, resolve(root, opts.out));
  return { result, report: formatReport(result, shown, replaced) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const file = option('file');
    if (!file) throw new InputError({ file: '(command line)' }, 'usage: node scripts/import-change-meter.ts --file <submitted.csv> [--out data/change-meter]');
    const { report } = await runImport({ file, out: option('out', 'data/change-meter') });
    console.log(report);
  });
}
