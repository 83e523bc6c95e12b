/**
 * The coverage guard between the old and the new raw snapshot. It runs inside the snapshot write,
 * after the new version has been built beside the old one and before it is swapped in
 * (scripts/lib/snapshot.ts), so whatever it refuses leaves `data/raw/` exactly as it was.
 *
 *  - Area codes that data/reference does not know stop the refresh, always: validate would
 *    refuse them, and the advice (update the reference data) is printed here, not left to a
 *    report that is never written.
 *  - Regressions (see compareSource in coverage.ts) stop the refresh with a report of what
 *    changed and what to do, unless the person running it accepts them explicitly
 *    (`--accept "<reason>"`); the acceptance is recorded in the manifest.
 *  - Either way the outcome — revisions of published values, lost periods, the acceptance — is
 *    returned as the manifest's `refresh` record, which CHANGES.md reports.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { areaCodeChecker, loadReference } from '../validate/reference.ts';
import { loadRegistry } from '../validate/registry.ts';
import type { ManifestEntry, RefreshRecord } from '../../../src/schema/raw.ts';
import { AcquireError } from '../pxweb/errors.ts';
import { Dicts, compareSource, describeRevision, readSourceCells, unknownAreas, type SourceComparison } from './coverage.ts';
import { valueRules } from './cells.ts';

/** The refresh was stopped by the guard; `report` is the whole report (several lines). */
export class CoverageError extends AcquireError {
  readonly report: string;
  constructor(message: string, report: string) {
    super(message);
    this.name = 'CoverageError';
    this.report = report;
  }
}

/** Default share of already-published values that a refresh may revise without stopping. */
const DEFAULT_MAX_REVISED_SHARE = 0.05;

export interface GuardOptions {
  /** Project root (reference data, indicators and sources are read from it). */
  root: string;
  oldDir: string;
  newDir: string;
  oldEntries: readonly ManifestEntry[];
  newEntries: readonly ManifestEntry[];
  /** Sources the refresh replaces (only these are compared). */
  sources: readonly string[];
  /** The person's reason for accepting regressions, or null/undefined to stop on any. */
  accept?: string | null;
  maxRevisedShare?: number;
  /** How to run the refresh again (shown in the advice), e.g. `npm run data:acquire --`. */
  command?: string;
  /** Where to write the report when the guard stops (e.g. `data/.acquire-cache/coverage-report.md`). */
  reportFile?: string;
  log?: (line: string) => void;
  /** The time to record (default: now). */
  now?: string;
}

/**
 * Compares the refreshed sources of the old and the new snapshot. Resolves with the record for
 * the manifest; rejects with a {@link CoverageError} when the refresh must not replace the old
 * snapshot.
 */
export async function runCoverageGuard(o: GuardOptions): Promise<RefreshRecord> {
  const log = o.log ?? (() => {});
  const command = o.command ?? 'npm run data:acquire --';
  const ref = loadReference(o.root);
  const registry = loadRegistry(o.root, ref);
  const rules = new Map(registry.sources.map((s) => [s.id, valueRules(s)]));
  const rulesOf = (id: string) => rules.get(id) ?? { signedCodes: new Set<string>(), notCounts: new Set<string>() };
  const uses = new Map<string, string[]>();
  for (const ind of registry.indicators) {
    const f = ind.formula;
    const codes = f.type === 'count' ? f.codes : f.type === 'ratio' ? [...f.numerator, ...f.denominator] : [f.code];
    for (const s of ind.sources) for (const c of codes) uses.set(`${s}/${c}`, [...(uses.get(`${s}/${c}`) ?? []), ind.id]);
  }
  const indicatorsOf = (source: string, code: string) => [...new Set(uses.get(`${source}/${code}`) ?? [])];

  const sources = new Set(o.sources);
  const dicts = new Dicts();
  const before = await readSourceCells(o.oldDir, o.oldEntries, sources, rulesOf, 'data/raw (before)', dicts);
  const after = await readSourceCells(o.newDir, o.newEntries, sources, rulesOf, 'data/raw (refreshed)', dicts);

  // 1. New area codes: never let through.
  const isKnown = areaCodeChecker(ref);
  const unknown: string[] = [];
  for (const [source, cells] of after) {
    const codes = unknownAreas(cells, dicts, isKnown);
    if (codes.length) unknown.push(`${source}: ${codes.join(', ')}`);
  }
  if (unknown.length) throw unknownAreasError(unknown, command, o.reportFile);

  // 2. Regressions.
  const maxRevisedShare = o.maxRevisedShare ?? DEFAULT_MAX_REVISED_SHARE;
  const results: SourceComparison[] = [];
  for (const source of o.sources) results.push(compareSource(source, before.get(source)!, after.get(source)!, dicts, { maxRevisedShare, indicatorsOf }));
  const regressions = results.flatMap((r) => r.regressions);
  const compared = results.reduce((n, r) => n + r.compared, 0);
  const revised = results.reduce((n, r) => n + r.revised, 0);
  const withheldNow = results.reduce((n, r) => n + r.withheldNow, 0);
  const largest = results
    .flatMap((r) => r.largest)
    .sort((a, b) => rel(b) - rel(a))
    .slice(0, 10);
  const revisionLine = `Revisions: ${revised} of ${compared} published values changed${compared ? ` (${((100 * revised) / compared).toFixed(1)} %)` : ''}, ${withheldNow} now withheld.${largest.length ? ` Largest: ${largest.slice(0, 3).map(describeRevision).join('; ')}.` : ''}`;
  const accept = o.accept?.trim() || null;
  if (regressions.length > 0 && !accept) {
    const report = [
      `Coverage guard: the refresh of ${o.sources.join(', ')} would lose data; nothing was replaced.`,
      '',
      ...o.sources.flatMap((source) => {
        const mine = regressions.filter((r) => r.source === source);
        return mine.length ? [source, ...mine.map((r) => `  - ${r.message}`), ''] : [];
      }),
      revisionLine,
      '',
      'What to do:',
      '  - A content code, period or area that disappears usually means the source renamed or retracted something,',
      '    or answered only in part. Look at the table on the source\'s site and at its file in data/sources/',
      `    (pxweb.contents, ckan.dataset), then run the refresh again (${command} …): fetched data is cached and reused.`,
      '  - If the change is real and intended (the source withdrew those values, or a revision is expected),',
      `    accept it explicitly: ${command} --accept "<why>". The acceptance and these findings are recorded in`,
      '    data/raw/manifest.json and reported in data/derived/CHANGES.md.',
    ].join('\n');
    writeReport(o.reportFile, report);
    throw new CoverageError(
      `the coverage guard stopped the refresh of ${o.sources.join(', ')}: ${regressions.length} regression${regressions.length === 1 ? '' : 's'} (${[...new Set(regressions.map((r) => r.kind))].join(', ')}); nothing was replaced. Read the report above; run again with --accept "<why>" only if the loss is intended.`,
      report,
    );
  }
  if (regressions.length > 0) {
    log(`coverage guard: ${regressions.length} regression${regressions.length === 1 ? '' : 's'} accepted ("${accept}"):`);
    for (const r of regressions) log(`  - ${r.source}: ${r.message}`);
  } else log(`coverage guard: no loss in ${o.sources.join(', ')}`);
  log(`  ${revisionLine}`);
  return {
    at: o.now ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sources: [...o.sources],
    regressions,
    accepted: regressions.length > 0 && accept ? { reason: accept } : null,
    revisions: { compared, revised, withheld_now: withheldNow, largest },
    lost_periods: results.flatMap((r) => r.lostPeriods),
  };
}

/**
 * The refusal for area codes that data/reference does not know, with the advice: `lines` name
 * where each was found (`source: KU999, KU998`). Written to `reportFile` as well.
 */
export function unknownAreasError(lines: readonly string[], command = 'npm run data:acquire --', reportFile?: string): CoverageError {
  const report = [
    'Coverage guard: the refreshed data has area codes that data/reference does not know; nothing was replaced.',
    '',
    ...lines.map((u) => `  - ${u}`),
    '',
    'What to do: a new code usually means a new municipality, a merger or a new division.',
    '  1. Update the reference data: npm run data:reference (municipalities, employment areas, regions and the',
    '     dated key from the classification keys), and add any merger to data/reference/municipality-mergers.csv',
    '     with its public source.',
    `  2. Run the refresh again (${command} …): the data already fetched is cached and reused.`,
  ].join('\n');
  writeReport(reportFile, report);
  return new CoverageError(`the refreshed data has area codes unknown to data/reference (${lines.join('; ')}); update data/reference (npm run data:reference) and run again. Nothing was replaced.`, report);
}

function rel(r: { old: number; new: number | null }): number {
  return r.new === null ? Infinity : Math.abs(r.new - r.old) / Math.max(Math.abs(r.old), 1);
}

function writeReport(path: string | undefined, report: string): void {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report + '\n');
  } catch {
    // The report is also printed; a folder we cannot write to must not hide the real error.
  }
}
