/**
 * Estimates: an area's rate computed from its municipalities' published, rounded rates where the
 * counts are not in the data (design.md, "Rules that keep it honest": the one exception to
 * recomputing rates from sums). The estimate is the weighted mean of the member rates with the
 * exact weights, the rate's denominator (for the register unemployment share, the labour force
 * TYOVOIMATK, which is fixed for a calendar year):
 *
 *   estimate = Σ (w_m × r_m) / Σ w_m, rounded half up to the indicator's decimals.
 *
 * A member whose rate the source withheld (a count of 1–4) counts as 2.5 persons, the middle of
 * 1–4, so that it cannot move the area by more than 1.5 persons; a member with no cell at all
 * (absent from the data) means no estimate. A parent of a single municipality (Helsinki, Vantaa,
 * Lahti, Kouvola) takes that municipality's published rate as its own: the same territory. The bound is proven on real history: wherever the
 * exact rate is known (2007–2023 and June 2026), the estimate is never more than
 * `ESTIMATE_BOUND` off (tests/integration/estimate-backtest.test.ts; the result is published on
 * the methodology page from `backtest()`).
 */
import { roundHalfUp } from '../numbers.ts';
import { periodAt } from '../periods.ts';
import { ESTIMATE, hasValue, NONE, OK, SUPPRESSED } from '../status.ts';
import type { IndicatorSeries } from './compute.ts';

/** The published error bound of an estimate, in the rate's unit (percentage points). */
export const ESTIMATE_BOUND = 0.1;

/** The count a withheld member is taken to have: the middle of 1–4. */
const WITHHELD_MIDPOINT = 2.5;

/** A member of an area in one period: its published rate (null if withheld) and its weight. */
export interface Member {
  rate: number | null;
  weight: number;
}

/**
 * The estimate of an area's rate from its members, rounded half up to `decimals`; null when the
 * weights sum to zero. `scale` is the rate's scale (100 for a percentage): a withheld member
 * contributes 2.5 persons, i.e. 2.5 × scale to the weighted sum.
 */
export function estimateRate(members: readonly Member[], scale: number, decimals: number): number | null {
  let sum = 0;
  let weights = 0;
  for (const m of members) {
    sum += m.rate === null ? WITHHELD_MIDPOINT * scale : m.rate * m.weight;
    weights += m.weight;
  }
  return weights > 0 ? roundHalfUp(sum / weights, decimals) : null;
}

/**
 * The year whose weights stand in for `year`: the year itself if it has weights, else the
 * nearest year that has them (the earlier one of two equally near), or null if none has.
 */
export function weightYear(year: number, available: ReadonlySet<number>): number | null {
  if (available.has(year)) return year;
  let best: number | null = null;
  for (const y of available) {
    const d = Math.abs(y - year);
    if (best === null || d < Math.abs(best - year) || (d === Math.abs(best - year) && y < best)) best = y;
  }
  return best;
}

/** Weights of every municipality by year (the value of the weight series in any month of the year). */
type YearlyWeights = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** Members of each parent area at a period (municipality codes), or undefined if the parent has none. */
type MembersAt = (period: string) => ReadonlyMap<string, readonly string[]>;

export interface EstimateInputs {
  /** The indicator's series of every area, municipalities included. */
  series: readonly IndicatorSeries[];
  /** Parent areas to estimate (employment areas, regions, the whole country). */
  parents: ReadonlySet<string>;
  membersAt: MembersAt;
  weights: YearlyWeights;
  /** Years in which every municipality has a weight. */
  weightYears: ReadonlySet<number>;
  scale: number;
  decimals: number;
}

/**
 * Fills the parents' series with estimates where they have no value of their own (no cell, or a
 * gap) and every member has a published rate (or a withheld one) in the period. Values the
 * parents have (exact, withheld or bounds) are kept: where exact values exist they always win.
 * Returns the series with the parents' series replaced (and widened where the members reach
 * further), in the input order, plus any new parent series at the end.
 */
export function estimateParents(input: EstimateInputs): IndicatorSeries[] {
  const byArea = new Map(input.series.map((s) => [s.area, s]));
  const municipal = input.series.filter((s) => s.area.startsWith('KU'));
  if (municipal.length === 0) return [...input.series];
  const freq = municipal[0]!.freq;
  let min = Infinity;
  let max = -Infinity;
  for (const s of municipal) {
    min = Math.min(min, s.start);
    max = Math.max(max, s.start + s.status.length - 1);
  }
  const at = (s: IndicatorSeries | undefined, idx: number) => {
    const i = s ? idx - s.start : -1;
    return s && i >= 0 && i < s.status.length ? i : -1;
  };
  const filled = new Map<string, IndicatorSeries>();
  for (let idx = min; idx <= max; idx++) {
    const period = periodAt(freq, idx);
    const year = Number(period.slice(0, 4));
    const wy = weightYear(year, input.weightYears);
    if (wy === null) continue;
    for (const [parent, members] of input.membersAt(period)) {
      if (!input.parents.has(parent)) continue;
      const own = filled.get(parent) ?? byArea.get(parent);
      const oi = at(own, idx);
      if (oi >= 0 && own!.status[oi] !== NONE) continue;
      const list: Member[] = [];
      for (const m of members) {
        const s = byArea.get(m);
        const i = at(s, idx);
        const st = i >= 0 ? s!.status[i]! : NONE;
        const w = input.weights.get(m)?.get(wy);
        if ((st !== OK && st !== SUPPRESSED) || w === undefined) {
          list.length = 0;
          break;
        }
        list.push({ rate: st === OK ? s!.values[i]! : null, weight: w });
      }
      if (list.length === 0) continue;
      // A parent of one municipality is the same territory: its published rate is the parent's own.
      const single = list.length === 1 && list[0]!.rate !== null;
      const value = single ? list[0]!.rate : estimateRate(list, input.scale, input.decimals);
      if (value === null) continue;
      const target = widen(own, parent, freq, idx, input.series[0]!.indicator);
      const ti = idx - target.start;
      target.values[ti] = value;
      target.status[ti] = single ? OK : ESTIMATE;
      filled.set(parent, target);
    }
  }
  const out = input.series.map((s) => filled.get(s.area) ?? s);
  for (const [parent, s] of filled) if (!byArea.has(parent)) out.push(s);
  return out;
}

/** A copy of `s` (or a new empty series) that covers position `idx`. */
function widen(s: IndicatorSeries | undefined, area: string, freq: IndicatorSeries['freq'], idx: number, indicator: string): IndicatorSeries {
  if (s && idx >= s.start && idx < s.start + s.status.length) return s;
  const start = s ? Math.min(s.start, idx) : idx;
  const end = s ? Math.max(s.start + s.status.length - 1, idx) : idx;
  const len = end - start + 1;
  const out: IndicatorSeries = {
    indicator,
    area,
    freq,
    start,
    values: new Float64Array(len),
    status: new Uint8Array(len),
    num: new Float64Array(len).fill(NaN),
    den: new Float64Array(len).fill(NaN),
  };
  if (s) {
    const o = s.start - start;
    out.values.set(s.values, o);
    out.status.set(s.status, o);
    out.num.set(s.num, o);
    out.den.set(s.den, o);
  }
  return out;
}

/** Yearly weights from a monthly weight series per municipality (the last month with a value in each year). */
export function yearlyWeights(series: Iterable<{ area: string; freq: IndicatorSeries['freq']; start: number; values: ArrayLike<number>; status: ArrayLike<number> }>): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const s of series) {
    let years = out.get(s.area);
    if (!years) out.set(s.area, (years = new Map()));
    for (let i = 0; i < s.status.length; i++) {
      if (!hasValue(s.status[i]!)) continue;
      years.set(Number(periodAt(s.freq, s.start + i).slice(0, 4)), s.values[i]!);
    }
  }
  return out;
}

/** How estimates compare with the exact values where both can be computed. */
export interface BacktestResult {
  /** First and last period compared. */
  from: string | null;
  to: string | null;
  /** Area-months compared, per level and in all. */
  areaMonths: number;
  byLevel: Record<string, number>;
  /** Largest absolute difference between the estimate and the exact value (in the rate's unit). */
  maxAbsDiff: number;
  /** Share (0–1) of area-months where the estimate equals the exact value after rounding. */
  identical: number;
  /** The same two measures when the previous year's weights are used instead (as for a year without weights). */
  previousYearWeights: { areaMonths: number; maxAbsDiff: number; identical: number };
}

/**
 * The backtest published on the methodology page: for every parent and month in which the parent
 * has an exact value (ok) and every member a published rate, the estimate from the members'
 * rounded rates (with the year's own weights, and again with the previous year's) against the
 * exact value. `levelOf` names a parent's level for the breakdown.
 */
export function backtest(input: Omit<EstimateInputs, 'weightYears'>, levelOf: (code: string) => string): BacktestResult {
  const byArea = new Map(input.series.map((s) => [s.area, s]));
  const municipal = input.series.filter((s) => s.area.startsWith('KU'));
  const stats = { n: 0, max: 0, same: 0, pn: 0, pmax: 0, psame: 0 };
  const byLevel: Record<string, number> = {};
  let from: string | null = null;
  let to: string | null = null;
  if (municipal.length === 0) return { from, to, areaMonths: 0, byLevel, maxAbsDiff: 0, identical: 0, previousYearWeights: { areaMonths: 0, maxAbsDiff: 0, identical: 0 } };
  const freq = municipal[0]!.freq;
  const min = Math.min(...municipal.map((s) => s.start));
  const max = Math.max(...municipal.map((s) => s.start + s.status.length - 1));
  const valueAt = (s: IndicatorSeries | undefined, idx: number): { st: number; v: number } => {
    const i = s ? idx - s.start : -1;
    return s && i >= 0 && i < s.status.length ? { st: s.status[i]!, v: s.values[i]! } : { st: NONE, v: 0 };
  };
  for (let idx = min; idx <= max; idx++) {
    const period = periodAt(freq, idx);
    const year = Number(period.slice(0, 4));
    for (const [parent, members] of input.membersAt(period)) {
      if (!input.parents.has(parent) || members.length < 2) continue;
      const exact = valueAt(byArea.get(parent), idx);
      if (exact.st !== OK) continue;
      const rates: (number | null)[] = [];
      for (const m of members) {
        const r = valueAt(byArea.get(m), idx);
        if (r.st !== OK && r.st !== SUPPRESSED) break;
        rates.push(r.st === OK ? r.v : null);
      }
      if (rates.length !== members.length) continue;
      const run = (wy: number) => {
        const list: Member[] = [];
        for (let k = 0; k < members.length; k++) {
          const w = input.weights.get(members[k]!)?.get(wy);
          if (w === undefined) return null;
          list.push({ rate: rates[k]!, weight: w });
        }
        const e = estimateRate(list, input.scale, input.decimals);
        return e === null ? null : Math.abs(roundHalfUp(e - exact.v, input.decimals));
      };
      const d = run(year);
      if (d !== null) {
        stats.n++;
        stats.max = Math.max(stats.max, d);
        if (d === 0) stats.same++;
        byLevel[levelOf(parent)] = (byLevel[levelOf(parent)] ?? 0) + 1;
        if (from === null || period < from) from = period;
        if (to === null || period > to) to = period;
      }
      const p = run(year - 1);
      if (p !== null) {
        stats.pn++;
        stats.pmax = Math.max(stats.pmax, p);
        if (p === 0) stats.psame++;
      }
    }
  }
  return {
    from,
    to,
    areaMonths: stats.n,
    byLevel,
    maxAbsDiff: stats.max,
    identical: stats.n ? stats.same / stats.n : 0,
    previousYearWeights: { areaMonths: stats.pn, maxAbsDiff: stats.pmax, identical: stats.pn ? stats.psame / stats.pn : 0 },
  };
}
