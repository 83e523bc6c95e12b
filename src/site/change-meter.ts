/**
 * Loads the published change-meter aggregates (`data/change-meter/published/*.csv` and their
 * `manifest.json`, written only by `scripts/import-change-meter.ts`) and the instrument registry
 * (`data/change-meter/instruments.yaml`) for the site.
 *
 * No area has published yet: with no files the result is empty, not an error. Every file is
 * validated again here (zod, the status of every row, the registry, the manifest, and the
 * protection audit over everything published), so a hand-edited file that shows a figure the
 * rules withhold stops the build instead of reaching a page. The importer reads its own output
 * back through this loader before it swaps it in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readCsv } from '../lib/csv.ts';
import { InputError, parseOrExplain } from '../lib/errors.ts';
import { RuleViolation } from '../lib/change-meter/rules.ts';
import { auditCells, describeExposure } from '../lib/change-meter/audit.ts';
import { checkRegistry, registeredInstrument } from '../lib/change-meter/registry.ts';
import { monthsKey, periodMonths, relate } from '../lib/change-meter/periods.ts';
import { cellKey, checkPublishedRow, comparePublished, publishedCells } from '../lib/change-meter/publish.ts';
import type { Solver } from '../lib/change-meter/solver.ts';
import {
  CHANGE_METER_PUBLISHED_COLUMNS,
  ChangeMeterManifest,
  ChangeMeterPublishedCsvRow,
  type ChangeMeterManifestEntry,
  type ChangeMeterPublishedRow,
  type ChangeMeterRegistry,
} from '../schema/change-meter.ts';

/** The published rows of one area (or `SSS`), every instrument. */
interface ChangeMeterArea {
  area_code: string;
  /** Sorted by instrument, dimension and period. */
  rows: ChangeMeterPublishedRow[];
}

/** Everything published, grouped by area, with the manifest of every file. */
export interface ChangeMeterData {
  /** One entry per area with rows, `SSS` first, then TA01…; empty when nothing is published. */
  areas: ChangeMeterArea[];
  /** The manifest's entries (file, instrument, import time, rows by status, rules applied). */
  files: ChangeMeterManifestEntry[];
}

/** Lower-case names of every municipality in every language, for the registry's identifying-text check. */
export function placeNames(municipalities: readonly { name_fi: string; name_sv: string; name_en: string }[]): Set<string> {
  return new Set(municipalities.flatMap((m) => [m.name_fi, m.name_sv, m.name_en]).map((n) => n.toLowerCase()));
}

/** Reads and checks the instrument registry; a missing file is an empty registry. */
export function loadRegistry(path: string, names: ReadonlySet<string>, root = process.cwd()): ChangeMeterRegistry {
  const file = relative(root, path).split('\\').join('/');
  if (!existsSync(path)) return { instruments: [] };
  let value: unknown;
  try {
    value = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError({ file }, `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return checkRegistry(value, file, names);
}

/** What the loader checks the published files against. */
export interface LoadOptions {
  /** The checked instrument registry. */
  registry: ChangeMeterRegistry;
  /** The solver of the protection audit. */
  solver: Solver;
}

/**
 * Reads and validates the published change-meter files in `dir`. `root` is the project root
 * (file names in messages are relative to it).
 */
export function loadChangeMeter(root: string, dir: string, options: LoadOptions): ChangeMeterData {
  const shown = (name: string) => relative(root, join(dir, name)).split('\\').join('/');
  const csvs = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.csv')).sort() : [];
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    if (csvs.length) throw new InputError({ file: shown(csvs[0]!) }, 'a published change-meter file without manifest.json');
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
    if (!manifest.files.some((e) => e.file === name)) throw new InputError({ file: shown(name) }, 'no entry in manifest.json');
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
    const lines = new Map<string, number>();
    for (const { line, values } of table.rows) {
      const row = parseOrExplain(ChangeMeterPublishedCsvRow, values, { file, row: line });
      const bad = checkPublishedRow(row);
      if (bad) throw new InputError({ file, row: line, field: bad.field }, bad.problem);
      const inst = registeredInstrument(options.registry, row, { file, row: line });
      if (row.instrument !== entry.instrument || `${inst.id}.csv` !== entry.file) {
        throw new InputError({ file, row: line, field: 'instrument' }, `"${row.instrument}" does not belong in ${entry.file} (manifest: "${entry.instrument}")`);
      }
      const m = periodMonths(row.period);
      if (!m) throw new InputError({ file, row: line, field: 'period' }, `the window ${row.period} ends before it starts`);
      for (const other of rows) {
        if (relate(m, periodMonths(other.period)!) === 'overlap') {
          throw new RuleViolation('one-period-scheme', { file, row: line, field: 'period' }, `${row.period} overlaps ${other.period} partly`);
        }
      }
      const key = cellKey(row);
      if (lines.has(key)) throw new InputError({ file, row: line }, 'a second row for the same area, period and dimension');
      lines.set(key, line);
      rows.push(row);
    }
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    if (rows.length !== entry.rows || count('ok') !== entry.rows_ok || count('suppressed') !== entry.rows_suppressed || count('shares_suppressed') !== entry.rows_shares_suppressed) {
      throw new InputError({ file: shown('manifest.json'), row: `files[${k}]`, field: 'rows' }, `the counts of rows by status do not match ${entry.file}`);
    }
    checkLinks(rows, lines, file);
    for (const dimension of new Set(rows.map((r) => r.dimension))) {
      const { cells, index } = publishedCells(rows.filter((r) => r.dimension === dimension));
      const exposed = auditCells(cells, options.solver);
      if (exposed.length) {
        const e = exposed[0]!;
        const line = [...index].find(([, i]) => i === e.cell)![0];
        throw new RuleViolation('protection-interval', { file, row: lines.get(line) }, describeExposure(e, cells));
      }
    }
    all.push(...rows);
  });

  const byArea = new Map<string, ChangeMeterPublishedRow[]>();
  for (const r of all) byArea.set(r.area_code, [...(byArea.get(r.area_code) ?? []), r]);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const areas = [...byArea]
    .sort(([a], [b]) => cmp(a === 'SSS' ? '' : a, b === 'SSS' ? '' : b))
    .map(([area_code, rows]) => ({ area_code, rows: rows.sort((a, b) => cmp(a.instrument, b.instrument) || comparePublished(a, b)) }));
  return { areas, files: manifest.files };
}

/** Rule `linked-dimensions` in a published file: a withheld n is withheld in every dimension of its area and period. */
function checkLinks(rows: readonly ChangeMeterPublishedRow[], lines: ReadonlyMap<string, number>, file: string): void {
  const groups = new Map<string, ChangeMeterPublishedRow[]>();
  for (const r of rows) {
    const key = [r.area_code, monthsKey(periodMonths(r.period)!)].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const list of groups.values()) {
    const withheld = list.find((r) => r.status === 'suppressed');
    const shown = list.find((r) => r.status !== 'suppressed');
    if (withheld && shown) {
      throw new RuleViolation(
        'linked-dimensions',
        { file, row: lines.get(cellKey(shown)), field: 'customers_paired' },
        `the n of ${shown.area_code} ${shown.period} "${shown.dimension}" is shown, but the same customers' n is withheld in "${withheld.dimension}"`,
      );
    }
  }
}
