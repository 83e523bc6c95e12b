/**
 * The derive stage's store: dense series (one typed array per source, area, content code and
 * other dimensions) and the store that finds them by key or by family. Dense arrays keep a full
 * live refresh (about 2.7 million cells) within seconds and a few hundred megabytes. Status
 * codes are those of `../status.ts`.
 */
import { type Freq, periodAt } from '../periods.ts';
import { NONE, SUPPRESSED } from '../status.ts';

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

