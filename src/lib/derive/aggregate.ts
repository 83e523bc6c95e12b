/**
 * Summing municipality series into their parents (employment areas, regions) through the dated
 * area key.
 */
import { periodAt, periodDate } from '../periods.ts';
import { LOWER, NONE, SUPPRESSED, sumStatus } from '../status.ts';
import type { Additivity, Merger } from './load.ts';
import { Series, SeriesStore } from './store.ts';

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
/** Members of every parent of a key at a period. */
export function membersAt(key: KeyLookup, period: string): Map<string, string[]> {
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
        acc.status[idx - min] = sumStatus(list.length, sup, lower);
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
