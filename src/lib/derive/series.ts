/**
 * The derive stage's core: source cells become dense series (one typed array per source, area,
 * content code and other dimensions), restated onto the current municipal division, resolved
 * where parts overlap, and summed into employment areas and regions. Dense arrays keep a full
 * live refresh (about 2.7 million cells) within seconds and a few hundred megabytes.
 *
 * Status codes: NONE (no cell), OK, SUPPRESSED (withheld by the source), LOWER (a sum that
 * includes withheld cells), MISSING (a gap inside a published span; only in outputs).
 */
import { periodDate } from '../periods.ts';
import { type Freq, periodAt, periodIndex } from './axis.ts';

export const NONE = 0;
export const OK = 1;
export const SUPPRESSED = 2;
export const LOWER = 3;
export const MISSING = 4;
/** Status names of the public download format, by status code. */
export const STATUS_NAMES = ['', 'ok', 'suppressed', 'lower_bound', 'missing'] as const;

/** A dense series over a span of periods. */
export class Series {
  readonly source: string;
  readonly area: string;
  readonly code: string;
  readonly dims: string;
  readonly freq: Freq;
  readonly start: number;
  readonly values: Float64Array;
  readonly status: Uint8Array;
  /** Precedence of the part each cell came from (higher wins). */
  readonly rank: Int32Array;

  constructor(source: string, area: string, code: string, dims: string, freq: Freq, start: number, length: number) {
    this.source = source;
    this.area = area;
    this.code = code;
    this.dims = dims;
    this.freq = freq;
    this.start = start;
    this.values = new Float64Array(length);
    this.status = new Uint8Array(length);
    this.rank = new Int32Array(length).fill(-1);
  }

  get end(): number {
    return this.start + this.values.length - 1;
  }

  /** Status at an axis position (NONE outside the span). */
  statusAt(index: number): number {
    const i = index - this.start;
    return i >= 0 && i < this.status.length ? this.status[i]! : NONE;
  }

  valueAt(index: number): number {
    return this.values[index - this.start]!;
  }

  rankAt(index: number): number {
    const i = index - this.start;
    return i >= 0 && i < this.rank.length ? this.rank[i]! : -1;
  }
}

/** Two parts of a source that give different values for the same cell. */
export interface Conflict {
  source: string;
  area: string;
  period: string;
  code: string;
  values: string[];
  parts: string[];
  chosen: string;
}

/** All series, found by their full key or by family (source, code, dims) and area. */
export class SeriesStore {
  readonly byKey = new Map<string, Series>();
  readonly families = new Map<string, Map<string, Series>>();
  readonly conflicts: Conflict[] = [];
  conflictCount = 0;
  /** Part names by rank, for conflict reports. */
  partNames: string[] = [];

  static key(source: string, area: string, code: string, dims: string): string {
    return `${source}\u0001${area}\u0001${code}\u0001${dims}`;
  }

  static family(source: string, code: string, dims: string): string {
    return `${source}\u0001${code}\u0001${dims}`;
  }

  get(source: string, area: string, code: string, dims: string): Series | undefined {
    return this.byKey.get(SeriesStore.key(source, area, code, dims));
  }

  /** Adds an empty series (or returns the existing one, which must cover the span). */
  ensure(source: string, area: string, code: string, dims: string, freq: Freq, start: number, end: number): Series {
    const key = SeriesStore.key(source, area, code, dims);
    const have = this.byKey.get(key);
    if (have) {
      if (start < have.start || end > have.end) throw new Error(`series ${key} does not cover ${start}…${end}`);
      return have;
    }
    const s = new Series(source, area, code, dims, freq, start, end - start + 1);
    this.byKey.set(key, s);
    const fam = SeriesStore.family(source, code, dims);
    let members = this.families.get(fam);
    if (!members) this.families.set(fam, (members = new Map()));
    members.set(area, s);
    return s;
  }

  /**
   * Writes a cell unless a part with higher precedence already gave it. Records a conflict
   * when two parts disagree on the value or the status.
   */
  write(s: Series, index: number, value: number, status: number, rank: number): void {
    const i = index - s.start;
    const prevStatus = s.status[i]!;
    if (prevStatus !== NONE) {
      const prevRank = s.rank[i]!;
      const differs = prevStatus !== status || (status !== SUPPRESSED && s.values[i] !== value);
      if (differs && prevRank !== rank) {
        this.conflictCount++;
        if (this.conflicts.length < 200) {
          const show = (st: number, v: number) => (st === SUPPRESSED ? '...' : String(v));
          this.conflicts.push({
            source: s.source,
            area: s.area,
            period: periodAt(s.freq, index),
            code: s.code,
            values: [show(prevStatus, s.values[i]!), show(status, value)],
            parts: [this.partNames[prevRank] ?? '?', this.partNames[rank] ?? '?'],
            chosen: this.partNames[Math.max(prevRank, rank)] ?? '?',
          });
        }
      }
      if (rank < prevRank) return;
    }
    s.values[i] = value;
    s.status[i] = status;
    s.rank[i] = rank;
  }
}

/** The validated cell table as plain column arrays (see `src/data/raw-cells.ts`). */
export interface CellArrays {
  source: ArrayLike<string>;
  part: ArrayLike<string>;
  updated: ArrayLike<string>;
  area: ArrayLike<string>;
  period: ArrayLike<string>;
  code: ArrayLike<string>;
  dims: ArrayLike<string>;
  value: ArrayLike<number | null>;
  status: ArrayLike<string>;
}

export interface Merger {
  from: string;
  to: string;
}

/** Which sources and codes may be summed across municipalities. */
export interface Additivity {
  sources: ReadonlySet<string>;
  nonAdditiveCodes: ReadonlySet<string>;
}

/**
 * Loads cells into series, in three steps:
 *
 * 1. Parts are ranked by their source's `updated` stamp (unknown = oldest), then by name; where
 *    parts overlap the higher rank wins and a disagreement is recorded as a conflict.
 * 2. Merged municipalities are restated onto the current division within each part: for
 *    additive codes of additive sources a merged municipality is added into its successor (the
 *    sum is a lower bound if an input was withheld; a part lacking the successor gives nothing);
 *    otherwise the merged municipality's cells, and the successor's cells in the periods where
 *    the part still has the merged one, are dropped (they describe a smaller territory).
 * 3. Cells are written into dense series.
 */
export function loadSeries(cells: CellArrays, mergers: readonly Merger[], additive: Additivity): SeriesStore {
  const n = cells.area.length;
  const store = new SeriesStore();
  // 1. Part precedence.
  const partKeys = new Map<string, string>();
  for (let r = 0; r < n; r++) {
    const pk = `${cells.source[r]}/${cells.part[r]}`;
    if (!partKeys.has(pk)) partKeys.set(pk, cells.updated[r]!);
  }
  const ordered = [...partKeys].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  const rankOf = new Map(ordered.map(([pk], i) => [pk, i]));
  store.partNames = ordered.map(([pk]) => pk);

  const successorOf = new Map(mergers.map((m) => [m.from, m.to]));
  const involved = new Set([...mergers.map((m) => m.from), ...mergers.map((m) => m.to)]);

  // Spans of every target series (a merged municipality counts towards its successor).
  const spans = new Map<string, { freq: Freq; min: number; max: number; source: string; area: string; code: string; dims: string }>();
  const pos = new Int32Array(n);
  const freqs: Freq[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const { freq, index } = periodIndex(cells.period[r]!);
    pos[r] = index;
    freqs[r] = freq;
    const area = successorOf.get(cells.area[r]!) ?? cells.area[r]!;
    const key = SeriesStore.key(cells.source[r]!, area, cells.code[r]!, cells.dims[r]!);
    const s = spans.get(key);
    if (!s) spans.set(key, { freq, min: index, max: index, source: cells.source[r]!, area, code: cells.code[r]!, dims: cells.dims[r]! });
    else {
      if (freq !== s.freq) throw new Error(`series ${key} mixes monthly and annual periods`);
      if (index < s.min) s.min = index;
      if (index > s.max) s.max = index;
    }
  }
  for (const s of spans.values()) store.ensure(s.source, s.area, s.code, s.dims, s.freq, s.min, s.max);

  // 2–3. Write; cells of municipalities involved in a merger are grouped per part first.
  const groups = new Map<string, { rows: number[]; merged: boolean; successor: boolean }>();
  for (let r = 0; r < n; r++) {
    const st = cells.status[r] === 'suppressed' ? SUPPRESSED : cells.status[r] === 'lower_bound' ? LOWER : OK;
    const area = cells.area[r]!;
    const rank = rankOf.get(`${cells.source[r]}/${cells.part[r]}`)!;
    if (!involved.has(area)) {
      const s = store.get(cells.source[r]!, area, cells.code[r]!, cells.dims[r]!)!;
      store.write(s, pos[r]!, cells.value[r] ?? 0, st, rank);
      continue;
    }
    const target = successorOf.get(area) ?? area;
    const gk = `${rank}\u0001${target}\u0001${pos[r]}\u0001${cells.code[r]}\u0001${cells.dims[r]}`;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { rows: [], merged: false, successor: false }));
    g.rows.push(r);
    if (successorOf.has(area)) g.merged = true;
    else g.successor = true;
  }
  for (const g of groups.values()) {
    const r0 = g.rows[0]!;
    const source = cells.source[r0]!;
    const code = cells.code[r0]!;
    const target = successorOf.get(cells.area[r0]!) ?? cells.area[r0]!;
    const s = store.get(source, target, code, cells.dims[r0]!)!;
    const rank = rankOf.get(`${source}/${cells.part[r0]}`)!;
    if (!g.merged) {
      const st = cells.status[r0] === 'suppressed' ? SUPPRESSED : cells.status[r0] === 'lower_bound' ? LOWER : OK;
      store.write(s, pos[r0]!, cells.value[r0] ?? 0, st, rank);
      continue;
    }
    const isAdditive = additive.sources.has(source) && !additive.nonAdditiveCodes.has(code);
    if (!isAdditive || !g.successor) continue;
    let sum = 0;
    let sup = 0;
    let lower = 0;
    for (const r of g.rows) {
      if (cells.status[r] === 'suppressed') sup++;
      else {
        if (cells.status[r] === 'lower_bound') lower++;
        sum += cells.value[r] ?? 0;
      }
    }
    const st = sup === g.rows.length ? SUPPRESSED : sup + lower > 0 ? LOWER : OK;
    store.write(s, pos[r0]!, st === SUPPRESSED ? 0 : sum, st, rank);
  }
  // Series that only held merged cells which were dropped stay empty; remove them.
  for (const [key, s] of store.byKey) {
    if (s.status.every((x) => x === NONE)) {
      store.byKey.delete(key);
      store.families.get(SeriesStore.family(s.source, s.code, s.dims))?.delete(s.area);
    }
  }
  return store;
}

/** A dated key as lookup: municipality → `[from, to, parent][]`, the first row extended back in time. */
export type KeyLookup = ReadonlyMap<string, readonly (readonly [string, string, string])[]>;

/**
 * Builds the lookup of one level from key rows (see `src/schema/area.ts`). Rows of municipalities
 * that merged into another are left out: every series is restated onto the current division,
 * so their cells already count in their successor.
 */
export function keyLookup(
  rows: readonly { municipality: string; area: string; level: string; valid_from: string; valid_to: string }[],
  level: string,
  merged: readonly Merger[] = [],
): KeyLookup {
  const out = new Map<string, [string, string, string][]>();
  const gone = new Set(merged.map((m) => m.from));
  const sorted = rows.filter((k) => k.level === level && !gone.has(k.municipality)).sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  for (const k of sorted) {
    let list = out.get(k.municipality);
    if (!list) out.set(k.municipality, (list = []));
    // Periods before a municipality's first key row use that row: older data are restated
    // onto the current areas' territory (the employment areas did not exist before 2025).
    list.push([list.length === 0 ? '0000-01-01' : k.valid_from, k.valid_to, k.area]);
  }
  return out;
}

/** Members of every parent at a period. */
function membersAt(key: KeyLookup, period: string): Map<string, string[]> {
  const date = periodDate(period);
  const out = new Map<string, string[]>();
  for (const [muni, rows] of key) {
    for (const [from, to, parent] of rows) {
      if (date >= from && (to === '' || date <= to)) {
        let list = out.get(parent);
        if (!list) out.set(parent, (list = []));
        list.push(muni);
        break;
      }
    }
  }
  return out;
}

/**
 * Sums municipality series into their parents (employment areas or regions) for additive codes
 * of additive sources. A parent gets a value in a period only when every member has a cell
 * there (a value or a withheld mark); with withheld members the sum is LOWER, with all members
 * withheld it is SUPPRESSED. Where the source publishes the parent itself, its own figure wins.
 */
export function aggregateParents(store: SeriesStore, key: KeyLookup, additive: Additivity): number {
  const memberCache = new Map<string, Map<string, string[]>>();
  let added = 0;
  for (const [, family] of [...store.families]) {
    const any = family.values().next().value as Series | undefined;
    if (!any || !additive.sources.has(any.source) || additive.nonAdditiveCodes.has(any.code)) continue;
    let min = Infinity;
    let max = -Infinity;
    for (const [area, s] of family) {
      if (!key.has(area)) continue;
      if (s.start < min) min = s.start;
      if (s.end > max) max = s.end;
    }
    if (min > max) continue;
    const freq = any.freq;
    const sums = new Map<string, { values: Float64Array; status: Uint8Array; rank: Int32Array }>();
    for (let idx = min; idx <= max; idx++) {
      const period = periodAt(freq, idx);
      let members = memberCache.get(period);
      if (!members) memberCache.set(period, (members = membersAt(key, period)));
      for (const [parent, list] of members) {
        let sum = 0;
        let sup = 0;
        let lower = 0;
        let rank = -1;
        let complete = true;
        for (const m of list) {
          const s = family.get(m);
          const st = s ? s.statusAt(idx) : NONE;
          if (st === NONE) {
            complete = false;
            break;
          }
          if (st === SUPPRESSED) sup++;
          else {
            if (st === LOWER) lower++;
            sum += s!.valueAt(idx);
          }
          rank = Math.max(rank, s!.rankAt(idx));
        }
        if (!complete) continue;
        let acc = sums.get(parent);
        if (!acc) {
          acc = { values: new Float64Array(max - min + 1), status: new Uint8Array(max - min + 1), rank: new Int32Array(max - min + 1) };
          sums.set(parent, acc);
        }
        acc.values[idx - min] = sum;
        acc.status[idx - min] = sup === list.length ? SUPPRESSED : sup + lower > 0 ? LOWER : OK;
        acc.rank[idx - min] = rank;
      }
    }
    for (const [parent, acc] of sums) {
      let first = -1;
      let last = -1;
      for (let i = 0; i < acc.status.length; i++) {
        if (acc.status[i] !== NONE) {
          if (first < 0) first = i;
          last = i;
        }
      }
      if (first < 0) continue;
      const own = family.get(parent);
      const lo = Math.min(min + first, own ? own.start : Infinity);
      const hi = Math.max(min + last, own ? own.end : -Infinity);
      let target = own;
      if (!own || lo < own.start || hi > own.end) {
        // Widen (or create) the parent's series to hold both its own cells and the sums.
        target = new Series(any.source, parent, any.code, any.dims, freq, lo, hi - lo + 1);
        if (own) {
          target.values.set(own.values, own.start - lo);
          target.status.set(own.status, own.start - lo);
          target.rank.set(own.rank, own.start - lo);
        }
        store.byKey.set(SeriesStore.key(any.source, parent, any.code, any.dims), target);
        family.set(parent, target);
      }
      for (let i = first; i <= last; i++) {
        if (acc.status[i] === NONE) continue;
        const idx = min + i;
        if (target!.statusAt(idx) !== NONE) continue; // the source's own figure wins
        target!.values[idx - target!.start] = acc.values[i]!;
        target!.status[idx - target!.start] = acc.status[i]!;
        target!.rank[idx - target!.start] = acc.rank[i]!;
        added++;
      }
    }
  }
  return added;
}
