/**
 * The coverage guard's comparison: what a refresh would change in the raw snapshot, per source ×
 * content code × area level — the periods, areas and cells with values, the latest period, the
 * content codes — and which already-published values it revises. All functions here are pure
 * except {@link readSourceCells}, which reads raw parts.
 *
 * Both snapshots are read the way validate and derive read them: every part of a source, where
 * parts overlap the one the source updated most recently wins (then the later part name), so the
 * comparison is of what the site would publish from each.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { periodRuns } from '../../../src/lib/derive/report.ts';
import { JsonStatDataset, type CoverageRegression, type ManifestEntry } from '../../../src/schema/raw.ts';
import { appendCells, emptyCells } from './cells.ts';

/** Area levels as the raw snapshot has them (sub-regions and ELY areas are kept, not published). */
export type RawLevel = 'country' | 'municipality' | 'region' | 'employment_area' | 'subregion' | 'ely' | 'other';

/** The level of a raw area code: `SSS`, `KU…` (with `KU199`, `KUJOU`), `MK…`, `TA…`, `SK…`, `ELY…`. */
export function rawLevel(area: string): RawLevel {
  if (area === 'SSS') return 'country';
  if (area.startsWith('KU')) return 'municipality';
  if (area.startsWith('MK')) return 'region';
  if (area.startsWith('TA')) return 'employment_area';
  if (area.startsWith('SK')) return 'subregion';
  if (area.startsWith('ELY')) return 'ely';
  return 'other';
}

/** One resolved cell: its value, or null when the source withholds it. */
export interface GuardCell {
  value: number | null;
}

/** Resolved cells of one source by {@link cellKey}. */
export type SourceCells = Map<string, GuardCell>;

const SEP = '\u0001';
/** The key of a cell: area, period, content code (without prefix) and other dimensions. */
export function cellKey(area: string, period: string, code: string, dims: string): string {
  return `${area}${SEP}${period}${SEP}${code}${SEP}${dims}`;
}
function splitKey(key: string): { area: string; period: string; code: string; dims: string } {
  const [area = '', period = '', code = '', dims = ''] = key.split(SEP);
  return { area, period, code, dims };
}

/**
 * Reads the JSON-stat parts of the given sources from a raw folder into resolved cells, one map
 * per source. A part that does not parse is an {@link InputError} naming the file.
 */
export async function readSourceCells(
  rawDir: string,
  entries: readonly ManifestEntry[],
  sources: ReadonlySet<string>,
  signedCodes: (source: string) => ReadonlySet<string>,
  label: string,
): Promise<Map<string, SourceCells>> {
  const parts = entries
    .filter((e) => e.format === 'json-stat2' && sources.has(e.source))
    .map((e) => ({ e, rank: `${e.source_updated ?? ''}` }))
    .sort((a, b) => a.rank.localeCompare(b.rank) || `${a.e.source}/${a.e.part}`.localeCompare(`${b.e.source}/${b.e.part}`));
  const out = new Map<string, SourceCells>();
  for (const s of sources) out.set(s, new Map());
  for (const { e } of parts) {
    const file = `${label}/${e.file}`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(rawDir, e.file), 'utf8'));
    } catch (err) {
      throw new InputError({ file }, `cannot be read as JSON (${(err as Error).message})`);
    }
    const ds = parseOrExplain(JsonStatDataset, json, { file });
    const cols = emptyCells();
    appendCells(cols, ds, { file, source: e.source, part: e.part, updated: e.source_updated ?? '', isKnownArea: () => true, signedCodes: signedCodes(e.source) });
    const map = out.get(e.source)!;
    for (let i = 0; i < cols.area.length; i++) {
      map.set(cellKey(cols.area[i]!, cols.period[i]!, cols.code[i]!, cols.dims[i]!), { value: cols.status[i] === 'suppressed' ? null : cols.value[i]! });
    }
  }
  return out;
}

/** Area codes of the cells that `isKnown` rejects, sorted. */
export function unknownAreas(cells: SourceCells, isKnown: (code: string) => boolean): string[] {
  const seen = new Set<string>();
  for (const key of cells.keys()) {
    const area = key.slice(0, key.indexOf(SEP));
    if (!isKnown(area)) seen.add(area);
  }
  return [...seen].sort();
}

/** Months as `YYYY-MM` and years as `YYYY` on one counting scale per frequency. */
function periodOrdinal(p: string): { freq: 'M' | 'Y'; n: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return { freq: 'M', n: Number(m[1]) * 12 + Number(m[2]) - 1 };
  return { freq: 'Y', n: Number(p.slice(0, 4)) };
}

/** What one source covers: per content code × level the periods, areas and cells with any entry. */
export interface Coverage {
  codes: Set<string>;
  series: Map<string, { code: string; level: RawLevel; periods: Set<string>; areas: Set<string>; cells: number }>;
  areas: Map<RawLevel, Set<string>>;
}

/** The coverage of a source's resolved cells. */
export function coverageOf(cells: SourceCells): Coverage {
  const cov: Coverage = { codes: new Set(), series: new Map(), areas: new Map() };
  for (const key of cells.keys()) {
    const { area, period, code } = splitKey(key);
    const level = rawLevel(area);
    cov.codes.add(code);
    const sk = `${code}${SEP}${level}`;
    let s = cov.series.get(sk);
    if (!s) cov.series.set(sk, (s = { code, level, periods: new Set(), areas: new Set(), cells: 0 }));
    s.periods.add(period);
    s.areas.add(area);
    s.cells++;
    let a = cov.areas.get(level);
    if (!a) cov.areas.set(level, (a = new Set()));
    a.add(area);
  }
  return cov;
}

/** The latest of a series' periods (a series has one frequency). */
function latestOf(periods: Iterable<string>): string | null {
  let best: string | null = null;
  for (const p of periods) if (best === null || periodOrdinal(p).n > periodOrdinal(best).n) best = p;
  return best;
}

const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const listSome = (items: readonly string[], n = 8) => `${items.slice(0, n).join(', ')}${items.length > n ? ` and ${items.length - n} more` : ''}`;

/** A revised value (see RevisedValue in src/schema/raw.ts). */
export interface Revision {
  source: string;
  area: string;
  period: string;
  code: string;
  dims: string;
  old: number;
  new: number | null;
}

/** The outcome of comparing the old and the new cells of one source. */
export interface SourceComparison {
  regressions: CoverageRegression[];
  compared: number;
  revised: number;
  withheldNow: number;
  /** The largest revisions, largest relative change first (at most `keep`). */
  largest: Revision[];
  lostPeriods: { source: string; code: string; level: string; periods: string[] }[];
}

export interface CompareOptions {
  /** Share of already-published values that may be revised before the refresh stops (default 0.05). */
  maxRevisedShare: number;
  /** Indicators that use a content code of the source (for the report). */
  indicatorsOf: (source: string, code: string) => string[];
  /** How many of the largest revisions to keep (default 10). */
  keep?: number;
}

/**
 * Compares a source's cells before and after a refresh. Every loss is a regression: a content
 * code that is gone, an area that is gone from a level, periods that lost all their values, a
 * latest period that moved back, a series that no longer keeps pace with the rest of the source,
 * other cells that are gone, and a large share of published values revised.
 */
export function compareSource(source: string, before: SourceCells, after: SourceCells, opts: CompareOptions): SourceComparison {
  const keep = opts.keep ?? 10;
  const regressions: CoverageRegression[] = [];
  const add = (kind: string, code: string | null, level: string | null, message: string) => regressions.push({ kind, source, code, level, message });
  const uses = (code: string) => {
    const ids = [...opts.indicatorsOf(source, code)].sort();
    return ids.length ? ` (used by ${listSome(ids, 6)})` : '';
  };
  const old = coverageOf(before);
  const neu = coverageOf(after);

  for (const code of [...old.codes].sort()) {
    if (!neu.codes.has(code)) add('codes-gone', code, null, `content code ${code} has no cells any more${uses(code)}`);
  }
  const goneAreas = new Map<RawLevel, Set<string>>();
  for (const [level, areas] of old.areas) {
    const now = neu.areas.get(level) ?? new Set<string>();
    const gone = [...areas].filter((a) => !now.has(a)).sort();
    if (gone.length) {
      goneAreas.set(level, new Set(gone));
      add('areas-gone', null, level, `${gone.length} ${level} area${gone.length === 1 ? '' : 's'} gone: ${listSome(gone)}`);
    }
  }

  // The latest period of the whole source per frequency, before and after.
  const sourceLatest = (cov: Coverage) => {
    const m = new Map<'M' | 'Y', number>();
    for (const s of cov.series.values())
      for (const p of s.periods) {
        const o = periodOrdinal(p);
        m.set(o.freq, Math.max(m.get(o.freq) ?? -Infinity, o.n));
      }
    return m;
  };
  const latestBefore = sourceLatest(old);
  const latestAfter = sourceLatest(neu);
  const lostPeriods: SourceComparison['lostPeriods'] = [];
  const lostPeriodSet = new Map<string, Set<string>>();
  for (const [sk, s] of old.series) {
    if (!neu.codes.has(s.code)) continue;
    const n = neu.series.get(sk);
    const nowPeriods = n?.periods ?? new Set<string>();
    const lost = [...s.periods].filter((p) => !nowPeriods.has(p));
    if (lost.length) {
      lostPeriodSet.set(sk, new Set(lost));
      const runs = periodRuns(lost);
      lostPeriods.push({ source, code: s.code, level: s.level, periods: runs });
      add('lost-periods', s.code, s.level, `${s.code}, ${s.level}: ${lost.length} period${lost.length === 1 ? '' : 's'} lost all values (${listSome(runs)})${uses(s.code)}`);
    }
    if (!n) continue;
    const lo = latestOf(s.periods)!;
    const ln = latestOf(n.periods)!;
    const o = periodOrdinal(lo);
    const nn = periodOrdinal(ln);
    if (nn.n < o.n) add('latest-back', s.code, s.level, `${s.code}, ${s.level}: the latest period moved back from ${lo} to ${ln}${uses(s.code)}`);
    else {
      const lagBefore = (latestBefore.get(o.freq) ?? o.n) - o.n;
      const lagAfter = (latestAfter.get(nn.freq) ?? nn.n) - nn.n;
      if (lagAfter > lagBefore) {
        const reach = periodAt(nn.freq, latestAfter.get(nn.freq)!);
        add('stops-short', s.code, s.level, `${s.code}, ${s.level}: stops at ${ln} while the source now reaches ${reach} (before the refresh it was ${lagBefore === 0 ? 'level with the source' : `${lagBefore} period${lagBefore === 1 ? '' : 's'} behind`})${uses(s.code)}`);
      }
    }
  }

  // Cells: losses not explained above, and revisions of published values.
  let compared = 0;
  let revised = 0;
  let withheldNow = 0;
  const lostCells = new Map<string, number>();
  const top: (Revision & { score: number })[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    const k = splitKey(key);
    if (!now) {
      const level = rawLevel(k.area);
      const sk = `${k.code}${SEP}${level}`;
      if (!neu.codes.has(k.code) || goneAreas.get(level)?.has(k.area) || lostPeriodSet.get(sk)?.has(k.period)) continue;
      lostCells.set(sk, (lostCells.get(sk) ?? 0) + 1);
      continue;
    }
    if (was.value === null) continue;
    compared++;
    if (now.value === was.value) continue;
    revised++;
    if (now.value === null) withheldNow++;
    const score = now.value === null ? Infinity : Math.abs(now.value - was.value) / Math.max(Math.abs(was.value), 1);
    if (top.length < keep || score > top[top.length - 1]!.score) {
      top.push({ source, ...k, old: was.value, new: now.value, score });
      top.sort((a, b) => b.score - a.score);
      if (top.length > keep) top.pop();
    }
  }
  for (const [sk, n] of [...lostCells].sort()) {
    const [code, level] = sk.split(SEP) as [string, string];
    add('lost-cells', code, level, `${code}, ${level}: ${fmt(n)} other cell${n === 1 ? '' : 's'} gone${uses(code)}`);
  }
  if (compared > 0 && revised / compared > opts.maxRevisedShare) {
    add(
      'revised-share',
      null,
      null,
      `${fmt(revised)} of ${fmt(compared)} published values revised (${((100 * revised) / compared).toFixed(1)} %, more than ${(100 * opts.maxRevisedShare).toFixed(1)} %)${withheldNow ? `, ${fmt(withheldNow)} of them now withheld` : ''}`,
    );
  }
  return { regressions, compared, revised, withheldNow, largest: top.map(({ score: _s, ...r }) => r), lostPeriods };
}

function periodAt(freq: 'M' | 'Y', n: number): string {
  return freq === 'Y' ? String(n) : `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** `SSS 2026-06 TYOTTOMATLOPUSSA 352001 → 352100` (with dims when there are any). */
export function describeRevision(r: Revision): string {
  return `${r.source} ${r.area} ${r.period} ${r.code}${r.dims ? ` [${r.dims}]` : ''}: ${r.old} → ${r.new === null ? 'withheld' : r.new}`;
}
