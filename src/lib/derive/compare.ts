/**
 * Comparisons of indicator values: change from a year earlier, 12-month average, rank among the
 * 45 TE24 employment areas and difference to the whole country. Changes and averages are
 * computed along each series; ranks are computed with Arquero across areas.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { roundHalfUp, roundRatio } from '../numbers.ts';
import { crossesBreak, periodAt, yearStep } from '../periods.ts';
import type { Comparison } from '../comparisons.ts';
import { comparisonStatus, hasValue, LOWER } from '../status.ts';
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
 * - `yoy_change`: value − the value a year earlier (points for rates), `yoy_change_pct` for
 *   counts, `yoy_crosses_break` if a comparability break lies between them, `yoy_status`
 *   (`lower_bound` if either is one);
 * - `avg_12m`: over the 12 months ending at the period, only when all 12 have a value (for rates
 *   Σ numerators / Σ denominators, never a mean of rates);
 * - `rank`, `rank_of`: position by value among `rankAreas` (the 45 TE24 areas), highest = 1,
 *   ties share a rank; only for indicators ranked in the registry;
 * - `diff_to_country`: value − the whole country's value, for rates and shares.
 */
export function* compare(series: readonly IndicatorSeries[], specs: readonly CompareSpec[], rankAreas: readonly string[]): Generator<Comparison> {
  const specOf = new Map(specs.map((s) => [s.id, s]));
  const country = new Map(series.filter((s) => s.area === 'SSS').map((s) => [s.indicator, s]));
  const ranks = rankTable(series, specs, rankAreas);
  for (const s of series) {
    const spec = specOf.get(s.indicator)!;
    const step = yearStep(s.freq);
    const c = country.get(s.indicator);
    for (let i = 0; i < s.status.length; i++) {
      if (!hasValue(s.status[i]!)) continue;
      const idx = s.start + i;
      const period = periodAt(s.freq, idx);
      const v = s.values[i]!;
      const row: Comparison = {
        indicator: s.indicator,
        area: s.area,
        period,
        yoy_change: null,
        yoy_change_pct: null,
        yoy_crosses_break: null,
        yoy_status: null,
        avg_12m: null,
        avg_12m_status: null,
        avg_12m_from: null,
        rank: null,
        rank_of: null,
        diff_to_country: null,
      };
      const j = i - step;
      if (j >= 0 && hasValue(s.status[j]!)) {
        const prev = s.values[j]!;
        const prevPeriod = periodAt(s.freq, idx - step);
        row.yoy_change = roundHalfUp(v - prev, spec.decimals);
        if (spec.isCount && prev !== 0) row.yoy_change_pct = roundHalfUp((100 * (v - prev)) / prev, 1);
        row.yoy_crosses_break = spec.breaks.some((b) => crossesBreak(prevPeriod, period, b));
        row.yoy_status = comparisonStatus(s.status[i]!, s.status[j]!);
      }
      if (spec.hasTerms && s.freq === 'M' && i >= 11) {
        let sumN = 0;
        let sumD = 0;
        let lower = false;
        let complete = true;
        for (let k = i - 11; k <= i; k++) {
          const st = s.status[k]!;
          if (!hasValue(st) || Number.isNaN(s.num[k]!)) {
            complete = false;
            break;
          }
          if (st === LOWER) lower = true;
          sumN += s.num[k]!;
          sumD += spec.isCount ? 0 : s.den[k]!;
        }
        if (complete) {
          row.avg_12m = spec.isCount ? roundHalfUp(sumN / 12, spec.decimals) : roundRatio(sumN, sumD, spec.scale, spec.decimals);
          row.avg_12m_status = lower ? 'lower_bound' : 'ok';
          row.avg_12m_from = periodAt(s.freq, idx - 11);
        }
      }
      if (!spec.isCount && c && c.freq === s.freq) {
        const ci = idx - c.start;
        if (ci >= 0 && ci < c.status.length && hasValue(c.status[ci]!)) row.diff_to_country = roundHalfUp(v - c.values[ci]!, spec.decimals);
      }
      const r = ranks.get(`${s.indicator}|${s.area}|${period}`);
      if (r) [row.rank, row.rank_of] = r;
      yield row;
    }
  }
}

/**
 * Ranks with Arquero: per indicator and period, among the given areas, highest value = 1, ties
 * sharing a rank. Returns `indicator|area|period` → [rank, number ranked].
 */
export function rankTable(series: readonly IndicatorSeries[], specs: readonly CompareSpec[], rankAreas: readonly string[]): Map<string, [number, number]> {
  const ranked = new Set(specs.filter((s) => s.rank).map((s) => s.id));
  const areas = new Set(rankAreas);
  const cols = { indicator: [] as string[], area: [] as string[], period: [] as string[], value: [] as number[] };
  for (const s of series) {
    if (!ranked.has(s.indicator) || !areas.has(s.area)) continue;
    for (let i = 0; i < s.status.length; i++) {
      if (!hasValue(s.status[i]!)) continue;
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

