/**
 * Comparisons of indicator values: change from a year and from three months earlier, 12-month
 * average, rank among the 45 TE24 employment areas, difference to the whole country, and the
 * latest earlier period as high or as low. Changes and averages are
 * computed along each series; ranks are computed with Arquero across areas.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { roundHalfUp, roundRatio } from '../numbers.ts';
import { crossesBreak, periodAt, yearStep } from '../periods.ts';
import type { Comparison } from '../comparisons.ts';
import { combinedStatus, comparisonStatus, ESTIMATE, hasValue, isBound, OK, type ComparisonStatus } from '../status.ts';
import type { IndicatorSeries } from './compute.ts';

const op = aq.op;

/** Per-indicator settings the comparisons need. */
export interface CompareSpec {
  id: string;
  decimals: number;
  /** Counts (persons, euros) also get a percentage change; rates get differences in points. */
  isCount: boolean;
  scale: number;
  /** Whether a 12-month average is computed (count and rate formulas, monthly). */
  hasTerms: boolean;
  /** First periods after comparability breaks. */
  breaks: string[];
  rank: boolean;
}

/**
 * Comparisons for every position of every series that has a value, in the order of `series`:
 * - `yoy_change` / `change_3m`: value − the value a year / three months earlier (points for
 *   rates), `…_pct` for counts, `…_crosses_break` if a comparability break lies between them,
 *   `…_status` from both values' statuses (`comparisonStatus`: estimates and bounds carried);
 * - `avg_12m`: over the 12 months ending at the period, only when all 12 have their terms (for
 *   rates Σ numerators / Σ denominators, never a mean of rates), with the months' combined status;
 * - `rank`, `rank_of`: position by value among `rankAreas` (the 45 TE24 areas), highest = 1,
 *   ties share a rank; only for indicators ranked in the registry, and only exact values and
 *   estimates are ranked (a value that is only a bound is left out);
 * - `diff_to_country`: value − the whole country's value, for rates and shares, with its status;
 * - `last_as_high` / `last_as_low`: the latest earlier period whose value was at least as high /
 *   as low (empty: nothing earlier was), over exact values and estimates.
 */
export function* compare(series: readonly IndicatorSeries[], specs: readonly CompareSpec[], rankAreas: readonly string[]): Generator<Comparison> {
  const specOf = new Map(specs.map((s) => [s.id, s]));
  const country = new Map(series.filter((s) => s.area === 'SSS').map((s) => [s.indicator, s]));
  const ranks = rankTable(series, specs, rankAreas);
  const ranked = new Set(rankAreas);
  for (const s of series) {
    const spec = specOf.get(s.indicator)!;
    const rankedSeries = spec.rank && ranked.has(s.area);
    const c = country.get(s.indicator);
    const { asHigh, asLow } = lastAs(s);
    for (let i = 0; i < s.status.length; i++) {
      if (!hasValue(s.status[i]!)) continue;
      const idx = s.start + i;
      const period = periodAt(s.freq, idx);
      const v = s.values[i]!;
      const yoy = change(s, spec, i, yearStep(s.freq));
      const m3 = s.freq === 'M' ? change(s, spec, i, 3) : null;
      const row: Comparison = {
        indicator: s.indicator,
        area: s.area,
        period,
        yoy_change: yoy?.change ?? null,
        yoy_change_pct: yoy?.pct ?? null,
        yoy_crosses_break: yoy?.crossesBreak ?? null,
        yoy_status: yoy?.status ?? null,
        change_3m: m3?.change ?? null,
        change_3m_pct: m3?.pct ?? null,
        change_3m_crosses_break: m3?.crossesBreak ?? null,
        change_3m_status: m3?.status ?? null,
        avg_12m: null,
        avg_12m_status: null,
        avg_12m_from: null,
        rank: null,
        rank_of: null,
        diff_to_country: null,
        diff_to_country_status: null,
        last_as_high: asHigh[i]! >= 0 ? periodAt(s.freq, s.start + asHigh[i]!) : null,
        last_as_low: asLow[i]! >= 0 ? periodAt(s.freq, s.start + asLow[i]!) : null,
      };
      if (spec.hasTerms && s.freq === 'M' && i >= 11) {
        let sumN = 0;
        let sumD = 0;
        let complete = true;
        for (let k = i - 11; k <= i; k++) {
          if (!hasValue(s.status[k]!) || Number.isNaN(s.num[k]!)) {
            complete = false;
            break;
          }
          sumN += s.num[k]!;
          sumD += spec.isCount ? 0 : s.den[k]!;
        }
        if (complete) {
          row.avg_12m = spec.isCount ? roundHalfUp(sumN / 12, spec.decimals) : roundRatio(sumN, sumD, spec.scale, spec.decimals);
          row.avg_12m_status = combinedStatus(s.status.subarray(i - 11, i + 1));
          row.avg_12m_from = periodAt(s.freq, idx - 11);
        }
      }
      if (!spec.isCount && c && c.freq === s.freq) {
        const ci = idx - c.start;
        if (ci >= 0 && ci < c.status.length && hasValue(c.status[ci]!)) {
          row.diff_to_country = roundHalfUp(v - c.values[ci]!, spec.decimals);
          row.diff_to_country_status = comparisonStatus(s.status[i]!, c.status[ci]!);
        }
      }
      const r = rankedSeries ? ranks.get(`${s.indicator}|${s.area}|${period}`) : undefined;
      if (r) [row.rank, row.rank_of] = r;
      yield row;
    }
  }
}

/** The change from `step` positions earlier: value, per cent (counts), break and status; null without an earlier value. */
function change(s: IndicatorSeries, spec: CompareSpec, i: number, step: number): { change: number; pct: number | null; crossesBreak: boolean; status: ComparisonStatus } | null {
  const j = i - step;
  if (j < 0 || !hasValue(s.status[j]!)) return null;
  const v = s.values[i]!;
  const prev = s.values[j]!;
  const from = periodAt(s.freq, s.start + j);
  const to = periodAt(s.freq, s.start + i);
  return {
    change: roundHalfUp(v - prev, spec.decimals),
    pct: spec.isCount && prev !== 0 ? roundHalfUp((100 * (v - prev)) / prev, 1) : null,
    crossesBreak: spec.breaks.some((b) => crossesBreak(from, to, b)),
    status: comparisonStatus(s.status[i]!, s.status[j]!),
  };
}

/**
 * For every position, the latest earlier position whose value is at least as high (`asHigh`) and
 * at least as low (`asLow`), over exact values and estimates (−1: none). Bounds are not compared.
 * Monotonic stacks keep it linear in the series' length.
 */
function lastAs(s: IndicatorSeries): { asHigh: Int32Array; asLow: Int32Array } {
  const n = s.status.length;
  const asHigh = new Int32Array(n).fill(-1);
  const asLow = new Int32Array(n).fill(-1);
  const high: number[] = [];
  const low: number[] = [];
  for (let i = 0; i < n; i++) {
    const st = s.status[i]!;
    if (!hasValue(st) || isBound(st)) continue;
    const v = s.values[i]!;
    while (high.length && s.values[high.at(-1)!]! < v) high.pop();
    asHigh[i] = high.at(-1) ?? -1;
    high.push(i);
    while (low.length && s.values[low.at(-1)!]! > v) low.pop();
    asLow[i] = low.at(-1) ?? -1;
    low.push(i);
  }
  return { asHigh, asLow };
}

/**
 * Ranks with Arquero: per indicator and period, among the given areas, highest value = 1, ties
 * sharing a rank; exact values and estimates only (a bound could change its position). Returns
 * `indicator|area|period` → [rank, number ranked].
 */
export function rankTable(series: readonly IndicatorSeries[], specs: readonly CompareSpec[], rankAreas: readonly string[]): Map<string, [number, number]> {
  const ranked = new Set(specs.filter((s) => s.rank).map((s) => s.id));
  const areas = new Set(rankAreas);
  const cols = { indicator: [] as string[], area: [] as string[], period: [] as string[], value: [] as number[] };
  for (const s of series) {
    if (!ranked.has(s.indicator) || !areas.has(s.area)) continue;
    for (let i = 0; i < s.status.length; i++) {
      if (s.status[i] !== OK && s.status[i] !== ESTIMATE) continue;
      cols.indicator.push(s.indicator);
      cols.area.push(s.area);
      cols.period.push(periodAt(s.freq, s.start + i));
      cols.value.push(s.values[i]!);
    }
  }
  const table: ColumnTable = aq
    .table(cols)
    .groupby('indicator', 'period')
    .orderby(aq.desc('value'))
    .derive({ rank: op.rank(), rank_of: op.count() })
    .ungroup();
  const rankOf = new Map<string, [number, number]>();
  for (const r of table.objects() as { indicator: string; area: string; period: string; rank: number; rank_of: number }[]) {
    rankOf.set(`${r.indicator}|${r.area}|${r.period}`, [r.rank, r.rank_of]);
  }
  return rankOf;
}

