/**
 * The coverage guard's comparison: what a refresh would change in the raw snapshot, per source ×
 * content code × area level — the periods, areas and cells with values, the latest period, the
 * content codes — and which already-published values it revises. All functions here are pure
 * except {@link readSourceCells}, which reads raw parts.
 *
 * Both snapshots are read the way validate and derive read them: every part of a source, where
 * parts overlap the one the source updated most recently wins (then the later part name), so the
 * comparison is of what the site would publish from each. A full refresh has millions of cells,
 * so cells are kept as numbers: each area, period, content code and combination of other
 * dimensions gets a small integer ({@link Dicts}, shared by the old and the new snapshot).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../../src/lib/errors.ts';
import { periodRuns } from '../../../src/lib/derive/report.ts';
import type { CoverageRegression, ManifestEntry } from '../../../src/schema/raw.ts';
import { appendCells, emptyCells, parseJsonStat, type ValueRules } from './cells.ts';

/** Area levels as the raw snapshot has them (sub-regions and ELY areas are kept, not published). */
type RawLevel = 'country' | 'municipality' | 'region' | 'employment_area' | 'subregion' | 'ely' | 'other';

/** The level of a raw area code: `SSS`, `KU…` (with `KU199`, `KUJOU`), `MK…`, `TA…`, `SK…`, `ELY…`. */
function rawLevel(area: string): RawLevel {
  if (area === 'SSS') return 'country';
  if (area.startsWith('KU')) return 'municipality';
  if (area.startsWith('MK')) return 'region';
  if (area.startsWith('TA')) return 'employment_area';
  if (area.startsWith('SK')) return 'subregion';
  if (area.startsWith('ELY')) return 'ely';
  return 'other';
}

/** Strings numbered in the order first seen. */
class Dict {
  readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  readonly limit: number;
  readonly what: string;
  constructor(limit: number, what: string) {
    this.limit = limit;
    this.what = what;
  }
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      if (i >= this.limit) throw new Error(`coverage guard: more than ${this.limit} distinct ${this.what}`);
      this.ids.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

/** The numbering of areas, periods, content codes and other dimensions, shared by both snapshots. */
export class Dicts {
  readonly area = new Dict(2 ** 12, 'areas');
  readonly period = new Dict(2 ** 12, 'periods');
  readonly code = new Dict(2 ** 10, 'content codes');
  readonly dims = new Dict(2 ** 16, 'combinations of other dimensions');
}

/**
 * The resolved cells of one source: value by cell, NaN where the source withholds it. Cells are
 * grouped by content code and other dimensions (`cd = code · 2^16 + dims`), and within a group
 * keyed by `ap = area · 2^12 + period`; both keys stay small integers, which keeps millions of
 * cells fast and compact.
 */
export class SourceCells {
  readonly groups = new Map<number, Map<number, number>>();
  size = 0;
  set(a: number, p: number, c: number, d: number, value: number): void {
    const cd = c * 65536 + d;
    let g = this.groups.get(cd);
    if (!g) this.groups.set(cd, (g = new Map()));
    const before = g.size;
    g.set(a * 4096 + p, value);
    this.size += g.size - before;
  }
}
const splitCd = (cd: number) => ({ c: Math.floor(cd / 65536), d: cd % 65536 });
const splitAp = (ap: number) => ({ a: Math.floor(ap / 4096), p: ap % 4096 });

/**
 * Reads the JSON-stat parts of the given sources from a raw folder into resolved cells, one map
 * per source. A part that does not parse is an {@link InputError} naming the file.
 */
export async function readSourceCells(
  rawDir: string,
  entries: readonly ManifestEntry[],
  sources: ReadonlySet<string>,
  rulesOf: (source: string) => ValueRules,
  label: string,
  dicts: Dicts,
): Promise<Map<string, SourceCells>> {
  const parts = entries
    .filter((e) => e.format === 'json-stat2' && sources.has(e.source))
    .sort((a, b) => (a.source_updated ?? '').localeCompare(b.source_updated ?? '') || `${a.source}/${a.part}`.localeCompare(`${b.source}/${b.part}`));
  const out = new Map<string, SourceCells>();
  for (const s of sources) out.set(s, new SourceCells());
  for (const e of parts) {
    const file = `${label}/${e.file}`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(rawDir, e.file), 'utf8'));
    } catch (err) {
      throw new InputError({ file }, `cannot be read as JSON (${(err as Error).message})`);
    }
    const ds = parseJsonStat(json, file);
    const cols = emptyCells();
    appendCells(cols, ds, { file, source: e.source, part: e.part, updated: e.source_updated ?? '', isKnownArea: () => true, ...rulesOf(e.source) });
    const map = out.get(e.source)!;
    for (let i = 0; i < cols.area.length; i++) {
      map.set(dicts.area.id(cols.area[i]!), dicts.period.id(cols.period[i]!), dicts.code.id(cols.code[i]!), dicts.dims.id(cols.dims[i]!), cols.status[i] === 'suppressed' ? NaN : cols.value[i]!);
    }
  }
  return out;
}

/** Area codes of the cells that `isKnown` rejects, sorted. */
export function unknownAreas(cells: SourceCells, dicts: Dicts, isKnown: (code: string) => boolean): string[] {
  const seen = new Set<number>();
  for (const g of cells.groups.values()) for (const ap of g.keys()) seen.add(Math.floor(ap / 4096));
  return [...seen].map((a) => dicts.area.list[a]!).filter((code) => !isKnown(code)).sort();
}

/** Months as `YYYY-MM` and years as `YYYY` on one counting scale per frequency. */
function periodOrdinal(p: string): { freq: 'M' | 'Y'; n: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return { freq: 'M', n: Number(m[1]) * 12 + Number(m[2]) - 1 };
  return { freq: 'Y', n: Number(p.slice(0, 4)) };
}

/** One series of the coverage: a content code at an area level. */
interface SeriesCoverage {
  code: string;
  level: RawLevel;
  periods: Set<number>;
  areas: Set<number>;
}

/** What one source covers: the content codes, and per content code × level the periods and areas with any entry. */
interface Coverage {
  codes: Set<number>;
  series: Map<string, SeriesCoverage>;
  areas: Map<RawLevel, Set<number>>;
}

/** The coverage of a source's resolved cells. */
function coverageOf(cells: SourceCells, dicts: Dicts): Coverage {
  const cov: Coverage = { codes: new Set(), series: new Map(), areas: new Map() };
  const levelOf = dicts.area.list.map(rawLevel);
  for (const [cd, g] of cells.groups) {
    const { c } = splitCd(cd);
    cov.codes.add(c);
    for (const ap of g.keys()) {
      const { a, p } = splitAp(ap);
      const level = levelOf[a]!;
      const sk = `${c}|${level}`;
      let s = cov.series.get(sk);
      if (!s) cov.series.set(sk, (s = { code: dicts.code.list[c]!, level, periods: new Set(), areas: new Set() }));
      s.periods.add(p);
      s.areas.add(a);
      let l = cov.areas.get(level);
      if (!l) cov.areas.set(level, (l = new Set()));
      l.add(a);
    }
  }
  return cov;
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
export function compareSource(source: string, before: SourceCells, after: SourceCells, dicts: Dicts, opts: CompareOptions): SourceComparison {
  const keep = opts.keep ?? 10;
  const regressions: CoverageRegression[] = [];
  const add = (kind: string, code: string | null, level: string | null, message: string) => regressions.push({ kind, source, code, level, message });
  const uses = (code: string) => {
    const ids = [...opts.indicatorsOf(source, code)].sort();
    return ids.length ? ` (used by ${listSome(ids, 6)})` : '';
  };
  const periodText = (p: number) => dicts.period.list[p]!;
  const old = coverageOf(before, dicts);
  const neu = coverageOf(after, dicts);

  for (const c of [...old.codes].sort((x, y) => dicts.code.list[x]!.localeCompare(dicts.code.list[y]!))) {
    if (!neu.codes.has(c)) add('codes-gone', dicts.code.list[c]!, null, `content code ${dicts.code.list[c]} has no cells any more${uses(dicts.code.list[c]!)}`);
  }
  const goneAreas = new Map<RawLevel, Set<number>>();
  for (const [level, areas] of old.areas) {
    const now = neu.areas.get(level) ?? new Set<number>();
    const gone = [...areas].filter((a) => !now.has(a));
    if (gone.length) {
      goneAreas.set(level, new Set(gone));
      const names = gone.map((a) => dicts.area.list[a]!).sort();
      add('areas-gone', null, level, `${gone.length} ${level} area${gone.length === 1 ? '' : 's'} gone: ${listSome(names)}`);
    }
  }

  // The latest period of the whole source per frequency, before and after.
  const sourceLatest = (cov: Coverage) => {
    const m = new Map<'M' | 'Y', number>();
    for (const s of cov.series.values())
      for (const p of s.periods) {
        const o = periodOrdinal(periodText(p));
        m.set(o.freq, Math.max(m.get(o.freq) ?? -Infinity, o.n));
      }
    return m;
  };
  const latestOf = (periods: Set<number>) => {
    let best: { text: string; freq: 'M' | 'Y'; n: number } | null = null;
    for (const p of periods) {
      const o = periodOrdinal(periodText(p));
      if (!best || o.n > best.n) best = { text: periodText(p), ...o };
    }
    return best!;
  };
  const latestBefore = sourceLatest(old);
  const latestAfter = sourceLatest(neu);
  const lostPeriods: SourceComparison['lostPeriods'] = [];
  const lostPeriodSet = new Map<string, Set<number>>();
  for (const [sk, s] of old.series) {
    if (!neu.codes.has(dicts.code.ids.get(s.code)!)) continue;
    const n = neu.series.get(sk);
    const lost = [...s.periods].filter((p) => !n?.periods.has(p));
    if (lost.length) {
      lostPeriodSet.set(sk, new Set(lost));
      const runs = periodRuns(lost.map(periodText));
      lostPeriods.push({ source, code: s.code, level: s.level, periods: runs });
      add('lost-periods', s.code, s.level, `${s.code}, ${s.level}: ${lost.length} period${lost.length === 1 ? '' : 's'} lost all values (${listSome(runs)})${uses(s.code)}`);
    }
    if (!n) continue;
    const lo = latestOf(s.periods);
    const ln = latestOf(n.periods);
    if (ln.n < lo.n) add('latest-back', s.code, s.level, `${s.code}, ${s.level}: the latest period moved back from ${lo.text} to ${ln.text}${uses(s.code)}`);
    else {
      const lagBefore = (latestBefore.get(lo.freq) ?? lo.n) - lo.n;
      const lagAfter = (latestAfter.get(ln.freq) ?? ln.n) - ln.n;
      if (lagAfter > lagBefore) {
        const reach = periodAt(ln.freq, latestAfter.get(ln.freq)!);
        add('stops-short', s.code, s.level, `${s.code}, ${s.level}: stops at ${ln.text} while the source now reaches ${reach} (before the refresh it was ${lagBefore === 0 ? 'level with the source' : `${lagBefore} period${lagBefore === 1 ? '' : 's'} behind`})${uses(s.code)}`);
      }
    }
  }

  // Cells: losses not explained above, and revisions of published values.
  let compared = 0;
  let revised = 0;
  let withheldNow = 0;
  const lostCells = new Map<string, number>();
  const levelOf = dicts.area.list.map(rawLevel);
  const top: { cd: number; ap: number; old: number; now: number; score: number }[] = [];
  for (const [cd, g] of before.groups) {
    const { c } = splitCd(cd);
    const ga = after.groups.get(cd);
    for (const [ap, was] of g) {
      const now = ga?.get(ap);
      if (now === undefined) {
        const { a, p } = splitAp(ap);
        const level = levelOf[a]!;
        const sk = `${c}|${level}`;
        if (!neu.codes.has(c) || goneAreas.get(level)?.has(a) || lostPeriodSet.get(sk)?.has(p)) continue;
        lostCells.set(sk, (lostCells.get(sk) ?? 0) + 1);
        continue;
      }
      if (Number.isNaN(was)) continue;
      compared++;
      if (now === was) continue;
      revised++;
      if (Number.isNaN(now)) withheldNow++;
      const score = Number.isNaN(now) ? Infinity : Math.abs(now - was) / Math.max(Math.abs(was), 1);
      if (top.length < keep || score > top[top.length - 1]!.score) {
        top.push({ cd, ap, old: was, now, score });
        top.sort((x, y) => y.score - x.score);
        if (top.length > keep) top.pop();
      }
    }
  }
  for (const [sk, n] of [...lostCells].sort()) {
    const [c, level] = sk.split('|') as [string, string];
    const code = dicts.code.list[Number(c)]!;
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
  const largest = top.map(({ cd, ap, old: was, now }) => {
    const { c, d } = splitCd(cd);
    const { a, p } = splitAp(ap);
    return { source, area: dicts.area.list[a]!, period: dicts.period.list[p]!, code: dicts.code.list[c]!, dims: dicts.dims.list[d]!, old: was, new: Number.isNaN(now) ? null : now };
  });
  return { regressions, compared, revised, withheldNow, largest, lostPeriods };
}

function periodAt(freq: 'M' | 'Y', n: number): string {
  return freq === 'Y' ? String(n) : `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** `statfin-tyonv-12r5 SSS 2026-06 TYOTTOMATLOPUSSA: 352001 → 352100` (with dims when there are any). */
export function describeRevision(r: Revision): string {
  return `${r.source} ${r.area} ${r.period} ${r.code}${r.dims ? ` [${r.dims}]` : ''}: ${r.old} → ${r.new === null ? 'withheld' : r.new}`;
}
