/**
 * Loads the published change-meter aggregates (`data/change-meter/published/*.csv` and their
 * `manifest.json`, written only by `scripts/import-change-meter.ts`) for the site.
 *
 * No area has published yet: with no files the result is empty, not an error. Every file is
 * validated again here (zod, the status of every row, the privacy audit), so a hand-edited file
 * that shows a figure the rules withhold stops the build instead of reaching a page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readCsv } from '../lib/csv.ts';
import { InputError, parseOrExplain } from '../lib/errors.ts';
import { RuleViolation, auditSuppression, checkPublishedRow, periodMonths } from '../lib/privacy.ts';
import {
  CHANGE_METER_PUBLISHED_COLUMNS,
  ChangeMeterManifest,
  ChangeMeterPublishedCsvRow,
  instrumentSlug,
  type ChangeMeterManifestEntry,
  type ChangeMeterPublishedRow,
} from '../schema/change-meter.ts';

/** The published rows of one area (or `SSS`), every instrument. */
export interface ChangeMeterArea {
  area_code: string;
  /** Sorted by instrument, dimension and period. */
  rows: ChangeMeterPublishedRow[];
}

/** Everything published, grouped by area, with the provenance of every file. */
export interface ChangeMeterData {
  /** One entry per area with rows, `SSS` first, then TA01…; empty when nothing is published. */
  areas: ChangeMeterArea[];
  /** The manifest's entries (source file, sha256, import time, rows withheld, rules applied). */
  files: ChangeMeterManifestEntry[];
}

/**
 * Reads and validates the published change-meter files. `root` is the project root; `dir`
 * defaults to `data/change-meter/published`.
 */
export function loadChangeMeter(root = process.cwd(), dir = join(root, 'data', 'change-meter', 'published')): ChangeMeterData {
  const shown = (name: string) => relative(root, join(dir, name)).split('\\').join('/');
  const csvs = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.csv')).sort() : [];
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    if (csvs.length) throw new InputError({ file: shown(csvs[0]!) }, 'a published change-meter file without manifest.json (its provenance)');
    return { areas: [], files: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (err) {
    throw new InputError({ file: shown('manifest.json') }, `not valid JSON: ${(err as Error).message}`);
  }
  const manifest = parseOrExplain(ChangeMeterManifest, json, { file: shown('manifest.json') });
  for (const name of csvs) {
    if (!manifest.files.some((e) => e.file === name)) throw new InputError({ file: shown(name) }, 'no entry in manifest.json (its provenance)');
  }

  const all: ChangeMeterPublishedRow[] = [];
  manifest.files.forEach((entry, k) => {
    const file = shown(entry.file);
    if (!csvs.includes(entry.file)) {
      throw new InputError({ file: shown('manifest.json'), row: `files[${k}]`, field: 'file' }, `${entry.file} does not exist`);
    }
    const table = readCsv(new Uint8Array(readFileSync(join(dir, entry.file))), { file, columns: CHANGE_METER_PUBLISHED_COLUMNS });
    if (table.header.join(',') !== CHANGE_METER_PUBLISHED_COLUMNS.join(',')) {
      throw new InputError({ file, row: 1 }, `the columns must be ${CHANGE_METER_PUBLISHED_COLUMNS.join(',')}`);
    }
    const rows: ChangeMeterPublishedRow[] = [];
    const seen = new Set<string>();
    for (const { line, values } of table.rows) {
      const row = parseOrExplain(ChangeMeterPublishedCsvRow, values, { file, row: line });
      const bad = checkPublishedRow(row);
      if (bad) throw new InputError({ file, row: line, field: bad.field }, bad.problem);
      if (row.instrument !== entry.instrument || `${instrumentSlug(row.instrument)}.csv` !== entry.file) {
        throw new InputError({ file, row: line, field: 'instrument' }, `"${row.instrument}" does not belong in ${entry.file} (manifest: "${entry.instrument}")`);
      }
      const m = periodMonths(row.period);
      if (!m) throw new InputError({ file, row: line, field: 'period' }, `the window ${row.period} ends before it starts`);
      const key = [row.area_code, row.dimension, m.first, m.last].join('\u0000');
      if (seen.has(key)) throw new InputError({ file, row: line }, 'a second row for the same area, period and dimension');
      seen.add(key);
      rows.push(row);
    }
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    if (rows.length !== entry.rows || count('ok') !== entry.rows_ok || count('suppressed') !== entry.rows_suppressed || count('shares_suppressed') !== entry.rows_shares_suppressed) {
      throw new InputError({ file: shown('manifest.json'), row: `files[${k}]`, field: 'rows' }, `the counts of rows by status do not match ${entry.file}`);
    }
    const problems = auditSuppression(rows);
    if (problems.length) throw new RuleViolation('complementary-suppression', { file }, problems[0]!);
    all.push(...rows);
  });

  const byArea = new Map<string, ChangeMeterPublishedRow[]>();
  for (const r of all) {
    const list = byArea.get(r.area_code);
    if (list) list.push(r);
    else byArea.set(r.area_code, [r]);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const areas = [...byArea]
    .sort(([a], [b]) => cmp(a === 'SSS' ? '' : a, b === 'SSS' ? '' : b))
    .map(([area_code, rows]) => ({
      area_code,
      rows: rows.sort(
        (a, b) =>
          cmp(a.instrument, b.instrument) ||
          cmp(a.dimension, b.dimension) ||
          periodMonths(a.period)!.first - periodMonths(b.period)!.first ||
          periodMonths(b.period)!.last - periodMonths(a.period)!.last ||
          cmp(a.area_code === 'SSS' ? '' : a.area_code, b.area_code === 'SSS' ? '' : b.area_code),
      ),
    }));
  return { areas, files: manifest.files };
}
