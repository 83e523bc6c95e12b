/**
 * The loaded points of every series, held in typed columns (one row per point) instead of one
 * object of twenty fields each. At the size of a full refresh (2.9 million points) the objects
 * took about a gigabyte of heap in each build process, and the garbage collector, walking that
 * heap again and again, took 42 % of the loading time. Here a point is a small object that reads
 * its fields from the columns: a number column holds NaN for "no value" (derive never writes NaN),
 * a status or flag column 0 for "none", a period column 0xffff for "none".
 */
import { COMPARISON_STATUSES, STATUS_NAMES, statusCode, type ComparisonStatus, type StatusName } from '../lib/status.ts';
import type { Point } from './site.ts';

/** A point's comparison fields (what comparisons.csv adds to an observation). */
export type PointComparisons = Omit<Point, 'period' | 'value' | 'status' | 'breaks'>;

const NO_PERIOD = 0xffff;
const NUMBERS = ['yoy', 'yoyPct', 'm3', 'm3Pct', 'avg12', 'diffToCountry'] as const;
/** Ranks and the number ranked: whole numbers from 1 (0 = none). */
const RANKS = ['rank', 'rankOf'] as const;
const FLAGS = ['yoyCrossesBreak', 'm3CrossesBreak'] as const;
const STATUSES = ['yoyStatus', 'm3Status', 'diffStatus'] as const;
const PERIODS = ['avg12From', 'lastAsHigh', 'lastAsLow'] as const;
const noBreaks: string[] = [];

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

type Column = Uint16Array | Float64Array | Uint8Array;

/** A store's contents as {@link PointStore.saved} gives them. */
export interface SavedPoints {
  periods: string[];
  /** Point index → the breaks that start at its period (only points that have any). */
  breaks: [number, string[]][];
  columns: Column[];
}

/** The array type of each saved column, in order. */
export const SAVED_COLUMN_KINDS: readonly (typeof Uint16Array | typeof Float64Array | typeof Uint8Array)[] = [
  Uint16Array,
  Float64Array,
  Uint8Array,
  ...NUMBERS.map(() => Float64Array),
  ...RANKS.map(() => Uint16Array),
  ...FLAGS.map(() => Uint8Array),
  ...STATUSES.map(() => Uint8Array),
  ...PERIODS.map(() => Uint16Array),
];

/** Points in columns; `add` them (in any order), then `endPoints`, then set their comparisons. */
export class PointStore {
  private size = 0;
  private period: Uint16Array;
  private value: Float64Array;
  private status: Uint8Array;
  private readonly breaks = new Map<number, string[]>();
  /** Period texts, each kept once; a point holds its index. */
  private readonly periods: string[] = [];
  private readonly periodIndex = new Map<string, number>();
  private comparisons: { numbers: Float64Array[]; ranks: Uint16Array[]; flags: Uint8Array[]; statuses: Uint8Array[]; periods: Uint16Array[] } | undefined;

  /**
   * `capacity`: the number of points expected. Columns that grow by copying leave holes in the
   * C heap that are never given back (about 200 MB at full size), so a reader that can bound the
   * number (from the file's size) sizes them once; pages of a column never written take no memory.
   */
  constructor(capacity = 1 << 16) {
    this.period = new Uint16Array(capacity);
    this.value = new Float64Array(capacity);
    this.status = new Uint8Array(capacity);
  }

  /** Adds a point (no comparisons yet) and returns it. */
  add(period: string, value: number | null, status: StatusName, breaks: readonly string[]): Point {
    if (this.comparisons) throw new Error('PointStore: a point was added after endPoints()');
    const code = statusCode(status);
    if (code === 0) throw new Error(`PointStore: "${status}" is not a status`);
    const at = this.size++;
    if (at === this.period.length) this.grow(Math.max(2 * at, 1024));
    this.period[at] = this.periodCode(period);
    this.value[at] = value ?? NaN;
    this.status[at] = code;
    if (breaks.length) this.breaks.set(at, [...breaks]);
    return new StoredPoint(this, at);
  }

  /** Ends the adding: the comparison columns are made for the points added (all empty). */
  endPoints(): void {
    if (this.comparisons) return;
    const n = this.size;
    this.comparisons = {
      numbers: NUMBERS.map(() => new Float64Array(n).fill(NaN)),
      ranks: RANKS.map(() => new Uint16Array(n)),
      flags: FLAGS.map(() => new Uint8Array(n)),
      statuses: STATUSES.map(() => new Uint8Array(n)),
      periods: PERIODS.map(() => new Uint16Array(n).fill(NO_PERIOD)),
    };
  }

  /** Sets the comparisons of a point of this store. */
  setComparisons(point: Point, c: PointComparisons): void {
    if (!(point instanceof StoredPoint) || point.store !== this) throw new Error('PointStore: the point is not of this store');
    const columns = this.comparisons;
    if (!columns) throw new Error('PointStore: comparisons are set before endPoints()');
    const at = point.at;
    for (let k = 0; k < NUMBERS.length; k++) columns.numbers[k]![at] = c[NUMBERS[k]!] ?? NaN;
    for (let k = 0; k < RANKS.length; k++) {
      const r = c[RANKS[k]!];
      if (r !== null && !(Number.isInteger(r) && r >= 1 && r < 0x10000)) throw new Error(`PointStore: ${RANKS[k]} ${r} is not a whole number from 1 to 65535`);
      columns.ranks[k]![at] = r ?? 0;
    }
    for (let k = 0; k < FLAGS.length; k++) {
      const flag = c[FLAGS[k]!];
      columns.flags[k]![at] = flag === null ? 0 : flag ? 2 : 1;
    }
    for (let k = 0; k < STATUSES.length; k++) {
      const s = c[STATUSES[k]!];
      const code = s === null ? 0 : COMPARISON_STATUSES.indexOf(s) + 1;
      if (code === 0 && s !== null) throw new Error(`PointStore: "${s}" is not a comparison status`);
      columns.statuses[k]![at] = code;
    }
    for (let k = 0; k < PERIODS.length; k++) {
      const p = c[PERIODS[k]!];
      columns.periods[k]![at] = p === null ? NO_PERIOD : this.periodCode(p);
    }
  }

  /** The number of points. */
  get length(): number {
    return this.size;
  }

  /** The index of a point of this store (0 for the first added). */
  indexOf(point: Point): number {
    if (!(point instanceof StoredPoint) || point.store !== this) throw new Error('PointStore: the point is not of this store');
    return point.at;
  }

  /** The point at an index (a new object reading the same row). */
  point(at: number): Point {
    if (!(at >= 0 && at < this.size)) throw new Error(`PointStore: no point ${at}`);
    return new StoredPoint(this, at);
  }

  /**
   * Everything the store holds (after endPoints), to be saved and read back by
   * {@link PointStore.fromSaved}: the period texts, the breaks and the columns, `size` rows each,
   * in a fixed order.
   */
  saved(): SavedPoints {
    const c = this.comparisons;
    if (!c) throw new Error('PointStore: saved before endPoints()');
    const n = this.size;
    return {
      periods: [...this.periods],
      breaks: [...this.breaks],
      columns: [this.period, this.value, this.status, ...c.numbers, ...c.ranks, ...c.flags, ...c.statuses, ...c.periods].map((a) => a.subarray(0, n)),
    };
  }

  /** A store of what {@link PointStore.saved} gave (the columns are used as they are, not copied). */
  static fromSaved(saved: SavedPoints): PointStore {
    const kinds = SAVED_COLUMN_KINDS;
    const { columns } = saved;
    const n = columns[0]?.length ?? 0;
    if (columns.length !== kinds.length || columns.some((a, k) => !(a instanceof kinds[k]!) || a.length !== n)) throw new Error('PointStore: the saved columns are not those of a store');
    const store = new PointStore(0);
    store.size = n;
    [store.period, store.value, store.status] = columns as [Uint16Array, Float64Array, Uint8Array];
    let k = 3;
    const take = <T>(count: number) => columns.slice(k, (k += count)) as T[];
    store.comparisons = { numbers: take(NUMBERS.length), ranks: take(RANKS.length), flags: take(FLAGS.length), statuses: take(STATUSES.length), periods: take(PERIODS.length) };
    saved.periods.forEach((p, code) => {
      store.periods.push(p);
      store.periodIndex.set(p, code);
    });
    for (const [at, list] of saved.breaks) store.breaks.set(at, list);
    return store;
  }

  private periodCode(period: string): number {
    let code = this.periodIndex.get(period);
    if (code === undefined) {
      code = this.periods.length;
      if (code === NO_PERIOD) throw new Error(`PointStore: more than ${NO_PERIOD} distinct periods`);
      this.periods.push(period);
      this.periodIndex.set(period, code);
    }
    return code;
  }

  /** Resizes the observation columns to `capacity` rows (never below the points held). */
  private grow(capacity: number): void {
    const resize = <T extends Uint16Array | Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.size));
      return next;
    };
    this.period = resize(this.period, (n) => new Uint16Array(n));
    this.value = resize(this.value, (n) => new Float64Array(n));
    this.status = resize(this.status, (n) => new Uint8Array(n));
  }

  /** @internal Field readers of StoredPoint. */
  periodOf(at: number): string {
    return this.periods[this.period[at]!]!;
  }
  valueAt(at: number): number | null {
    return orNull(this.value[at]!);
  }
  statusOf(at: number): StatusName {
    return STATUS_NAMES[this.status[at]!] as StatusName;
  }
  breaksOf(at: number): string[] {
    return this.breaks.get(at) ?? noBreaks;
  }
  numberOf(k: number, at: number): number | null {
    return this.comparisons ? orNull(this.comparisons.numbers[k]![at]!) : null;
  }
  rankOf(k: number, at: number): number | null {
    const r = this.comparisons?.ranks[k]![at] ?? 0;
    return r === 0 ? null : r;
  }
  flagOf(k: number, at: number): boolean | null {
    const code = this.comparisons?.flags[k]![at] ?? 0;
    return code === 0 ? null : code === 2;
  }
  comparisonStatusOf(k: number, at: number): ComparisonStatus | null {
    const code = this.comparisons?.statuses[k]![at] ?? 0;
    return code === 0 ? null : COMPARISON_STATUSES[code - 1]!;
  }
  periodRefOf(k: number, at: number): string | null {
    const code = this.comparisons?.periods[k]![at] ?? NO_PERIOD;
    return code === NO_PERIOD ? null : this.periods[code]!;
  }
}

/** A point that reads its fields from its store (read-only: setting a field throws). */
class StoredPoint implements Point {
  readonly store: PointStore;
  readonly at: number;
  constructor(store: PointStore, at: number) {
    this.store = store;
    this.at = at;
  }
  get period() {
    return this.store.periodOf(this.at);
  }
  get value() {
    return this.store.valueAt(this.at);
  }
  get status() {
    return this.store.statusOf(this.at);
  }
  get breaks() {
    return this.store.breaksOf(this.at);
  }
  get yoy() {
    return this.store.numberOf(0, this.at);
  }
  get yoyPct() {
    return this.store.numberOf(1, this.at);
  }
  get m3() {
    return this.store.numberOf(2, this.at);
  }
  get m3Pct() {
    return this.store.numberOf(3, this.at);
  }
  get avg12() {
    return this.store.numberOf(4, this.at);
  }
  get diffToCountry() {
    return this.store.numberOf(5, this.at);
  }
  get rank() {
    return this.store.rankOf(0, this.at);
  }
  get rankOf() {
    return this.store.rankOf(1, this.at);
  }
  get yoyCrossesBreak() {
    return this.store.flagOf(0, this.at);
  }
  get m3CrossesBreak() {
    return this.store.flagOf(1, this.at);
  }
  get yoyStatus() {
    return this.store.comparisonStatusOf(0, this.at);
  }
  get m3Status() {
    return this.store.comparisonStatusOf(1, this.at);
  }
  get diffStatus() {
    return this.store.comparisonStatusOf(2, this.at);
  }
  get avg12From() {
    return this.store.periodRefOf(0, this.at);
  }
  get lastAsHigh() {
    return this.store.periodRefOf(1, this.at);
  }
  get lastAsLow() {
    return this.store.periodRefOf(2, this.at);
  }
}
