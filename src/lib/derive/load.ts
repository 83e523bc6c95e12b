/**
 * Loading the validated cell table into dense series: parts ranked by precedence, merged
 * municipalities restated onto the current division, cells written into the store.
 */
import { type Freq, periodIndex } from '../periods.ts';
import { LOWER, NONE, OK, statusCode, SUPPRESSED, sumStatus } from '../status.ts';
import { SeriesStore, type Series } from './store.ts';

/** The validated cell table as plain column arrays (see the validate stage, `scripts/validate.ts`). */
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
  // A part's cells come together: its key is made again only where the source or part changes
  // (at full size, a key per cell took seconds).
  const partKeys = new Map<string, string>();
  const partKey = new Array<string>(n);
  for (let r = 0; r < n; r++) {
    const pk = r > 0 && cells.source[r] === cells.source[r - 1] && cells.part[r] === cells.part[r - 1] ? partKey[r - 1]! : `${cells.source[r]}/${cells.part[r]}`;
    partKey[r] = pk;
    if (!partKeys.has(pk)) partKeys.set(pk, cells.updated[r]!);
  }
  const ordered = [...partKeys].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  const rankOf = new Map(ordered.map(([pk], i) => [pk, i]));
  store.partNames = ordered.map(([pk]) => pk);

  const successorOf = new Map(mergers.map((m) => [m.from, m.to]));
  const involved = new Set([...mergers.map((m) => m.from), ...mergers.map((m) => m.to)]);

  // Spans of every target series (a merged municipality counts towards its successor).
  type Span = { freq: Freq; min: number; max: number; source: string; area: string; code: string; dims: string; series?: Series };
  const spans = new Map<string, Span>();
  const pos = new Int32Array(n);
  const freqs: Freq[] = new Array(n);
  /** Each cell's target series (through its span). */
  const spanOf = new Array<Span>(n);
  const periods = new Map<string, { freq: Freq; index: number }>();
  for (let r = 0; r < n; r++) {
    const period = cells.period[r]!;
    let at = periods.get(period);
    if (!at) periods.set(period, (at = periodIndex(period)));
    const { freq, index } = at;
    pos[r] = index;
    freqs[r] = freq;
    const area = successorOf.get(cells.area[r]!) ?? cells.area[r]!;
    const key = SeriesStore.key(cells.source[r]!, area, cells.code[r]!, cells.dims[r]!);
    let s = spans.get(key);
    if (!s) spans.set(key, (s = { freq, min: index, max: index, source: cells.source[r]!, area, code: cells.code[r]!, dims: cells.dims[r]! }));
    else {
      if (freq !== s.freq) throw new Error(`series ${key} mixes monthly and annual periods`);
      if (index < s.min) s.min = index;
      if (index > s.max) s.max = index;
    }
    spanOf[r] = s;
  }
  for (const s of spans.values()) s.series = store.ensure(s.source, s.area, s.code, s.dims, s.freq, s.min, s.max);

  // 2–3. Write; cells of municipalities involved in a merger are grouped per part first.
  const groups = new Map<string, { rows: number[]; merged: boolean; successor: boolean }>();
  for (let r = 0; r < n; r++) {
    const st = statusCode(cells.status[r]!) || OK;
    const area = cells.area[r]!;
    const rank = rankOf.get(partKey[r]!)!;
    if (!involved.has(area)) {
      // Not involved in a merger: the cell's own area is its span's.
      store.write(spanOf[r]!.series!, pos[r]!, cells.value[r] ?? 0, st, rank);
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
    const rank = rankOf.get(partKey[r0]!)!;
    if (!g.merged) {
      const st = statusCode(cells.status[r0]!) || OK;
      store.write(s, pos[r0]!, cells.value[r0] ?? 0, st, rank);
      continue;
    }
    const isAdditive = additive.sources.has(source) && !additive.nonAdditiveCodes.has(code);
    if (!isAdditive || !g.successor) continue;
    let sum = 0;
    let sup = 0;
    let lower = 0;
    for (const r of g.rows) {
      const code = statusCode(cells.status[r]!);
      if (code === SUPPRESSED) sup++;
      else {
        if (code === LOWER) lower++;
        sum += cells.value[r] ?? 0;
      }
    }
    const st = sumStatus(g.rows.length, sup, lower);
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

