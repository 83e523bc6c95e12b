/**
 * Steps on indicator values (columns indicator, area, period, value, status, num, den):
 * gaps made explicit, change from a year earlier, 12-month average, rank among the TE24
 * employment areas and difference to the whole country.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { crossesBreak, periodRange, yearEarlier } from '../periods.ts';
import { roundHalfUp, roundRatio } from '../numbers.ts';

// `op` is typed loosely so that functions registered with aq.addFunction type-check; Arquero
// recognises `op.<name>` in the callbacks' source.
const op: any = aq.op;

aq.addFunction('year_earlier', (p: string) => yearEarlier(p), { override: true });
aq.addFunction('round_half_up', (v: number, d: number) => roundHalfUp(v, d), { override: true });
aq.addFunction('round_ratio_c', (n: number, d: number, s: number, k: number) => roundRatio(n, d, s, k), { override: true });
aq.addFunction('crosses_any', (from: string, to: string, breaks: string[]) => (breaks ?? []).some((b) => crossesBreak(from, to, b)), {
  override: true,
});

/**
 * Adds a `missing` row for every period between an area's first and last value of an indicator
 * that has no row: a gap in the source stays a gap, visibly, and is never filled in.
 */
export function fillGaps(values: ColumnTable): ColumnTable {
  const ind = values.array('indicator') as string[];
  const area = values.array('area') as string[];
  const period = values.array('period') as string[];
  const seen = new Map<string, { first: string; last: string; have: Set<string> }>();
  for (let i = 0; i < ind.length; i++) {
    const k = `${ind[i]}\u0000${area[i]}`;
    const p = period[i]!;
    const s = seen.get(k);
    if (!s) seen.set(k, { first: p, last: p, have: new Set([p]) });
    else {
      if (p < s.first) s.first = p;
      if (p > s.last) s.last = p;
      s.have.add(p);
    }
  }
  const add = { indicator: [] as string[], area: [] as string[], period: [] as string[] };
  for (const [k, s] of seen) {
    const range = periodRange(s.first, s.last);
    if (range.length === s.have.size) continue;
    const [i, a] = k.split('\u0000') as [string, string];
    for (const p of range) {
      if (s.have.has(p)) continue;
      add.indicator.push(i);
      add.area.push(a);
      add.period.push(p);
    }
  }
  const n = add.period.length;
  const missing = aq.table({
    ...add,
    value: new Array(n).fill(null),
    status: new Array(n).fill('missing'),
    num: new Array(n).fill(null),
    den: new Array(n).fill(null),
    source: new Array(n).fill(null),
  });
  return values.concat(missing.select(values.columnNames()));
}

/** Per-indicator settings the comparisons need. */
export interface CompareSpec {
  id: string;
  decimals: number;
  /** `percent` and `ratio` get differences in points; counts also get a percentage change. */
  unit: string;
  scale: number;
  /** Whether a 12-month average is computed from the terms (count or ratio formulas). */
  hasTerms: boolean;
  /** First periods after comparability breaks. */
  breaks: string[];
  rank: boolean;
}

/**
 * Comparisons for every row that has a value:
 * - `yoy_change`: value − value a year earlier (points for rates), with `yoy_change_pct` for counts,
 *   `yoy_crosses_break` when a comparability break lies between, and `yoy_status`
 *   (`lower_bound` if either value is one);
 * - `avg_12m`: over the 12 months ending at the period, only when all 12 have a value
 *   (Σ numerators / Σ denominators for rates);
 * - `rank` and `rank_of`: position by value, highest = 1, ties share a rank, among the
 *   `rankAreas` (the 45 TE24 areas), only for rates and shares;
 * - `diff_to_country`: value − the whole country's value, for rates and shares.
 */
export function compare(values: ColumnTable, specs: readonly CompareSpec[], rankAreas: readonly string[]): ColumnTable {
  const by = <K extends keyof CompareSpec>(k: K) => Object.fromEntries(specs.map((s) => [s.id, s[k]]));
  const params = {
    decimals: by('decimals'),
    isCount: Object.fromEntries(specs.map((s) => [s.id, s.unit === 'persons' || s.unit === 'euros'])),
    scale: by('scale'),
    hasTerms: by('hasTerms'),
    breaks: by('breaks'),
    ranked: by('rank'),
    rankAreas: Object.fromEntries(rankAreas.map((a) => [a, true])),
  };
  // Rows of each series are consecutive periods (gaps are filled with `missing` rows), so the
  // value a year earlier is 12 rows back for months and 1 row back for years.
  const series = (values.params(params) as ColumnTable)
    .groupby('indicator', 'area')
    .orderby('period')
    .derive({
      lag: (d: any) => (op.length(d.period) === 7 ? 12 : 1),
    })
    .derive({
      prev_period: (d: any) => (d.lag === 12 ? op.lag(d.period, 12) : op.lag(d.period, 1)),
      prev_value: (d: any) => (d.lag === 12 ? op.lag(d.value, 12) : op.lag(d.value, 1)),
      prev_status: (d: any) => (d.lag === 12 ? op.lag(d.status, 12) : op.lag(d.status, 1)),
      w_num: aq.rolling((d: any) => op.sum(d.num), [-11, 0]),
      w_den: aq.rolling((d: any) => op.sum(d.den), [-11, 0]),
      w_valid: aq.rolling((d: any) => op.sum(d.status === 'ok' || d.status === 'lower_bound' ? 1 : 0), [-11, 0]),
      w_lb: aq.rolling((d: any) => op.sum(d.status === 'lower_bound' ? 1 : 0), [-11, 0]),
      w_rows: aq.rolling(() => op.count(), [-11, 0]),
      w_first: aq.rolling((d: any) => op.min(d.period), [-11, 0]),
    })
    .ungroup()
    .filter((d: any) => d.value != null)
    .derive({
      has_prev: (d: any) => d.prev_value != null && d.prev_period === op.year_earlier(d.period),
    });

  const withComparisons = series
    .derive({
      yoy_change: (d: any, $: any) => (d.has_prev ? op.round_half_up(d.value - d.prev_value, $.decimals[d.indicator]) : null),
      yoy_change_pct: (d: any, $: any) =>
        d.has_prev && $.isCount[d.indicator] && d.prev_value !== 0 ? op.round_half_up((100 * (d.value - d.prev_value)) / d.prev_value, 1) : null,
      yoy_crosses_break: (d: any, $: any) => (d.has_prev ? op.crosses_any(d.prev_period, d.period, $.breaks[d.indicator]) : null),
      yoy_status: (d: any) => (d.has_prev ? (d.status === 'lower_bound' || d.prev_status === 'lower_bound' ? 'lower_bound' : 'ok') : null),
      // 12-month average from the terms, over exactly 12 consecutive months with a value each.
      avg_ok: (d: any, $: any) => $.hasTerms[d.indicator] && op.length(d.period) === 7 && d.w_rows === 12 && d.w_valid === 12,
    })
    .derive({
      avg_12m: (d: any, $: any) =>
        !d.avg_ok
          ? null
          : $.isCount[d.indicator]
            ? op.round_half_up(d.w_num / 12, $.decimals[d.indicator])
            : op.round_ratio_c(d.w_num, d.w_den, $.scale[d.indicator], $.decimals[d.indicator]),
      avg_12m_status: (d: any) => (!d.avg_ok ? null : d.w_lb > 0 ? 'lower_bound' : 'ok'),
      avg_12m_from: (d: any) => (d.avg_ok ? d.w_first : null),
      rankable: (d: any, $: any) => $.ranked[d.indicator] === true && $.rankAreas[d.area] === true && (d.status === 'ok' || d.status === 'lower_bound'),
    })
    // The whole country's value in the same indicator and period, as a window over the group.
    .groupby('indicator', 'period')
    .derive({ country_value: (d: any) => op.max(d.area === 'SSS' ? d.value : null) })
    .ungroup()
    .derive({
      diff_to_country: (d: any, $: any) =>
        $.isCount[d.indicator] || d.country_value == null ? null : op.round_half_up(d.value - d.country_value, $.decimals[d.indicator]),
    });

  const ranked = withComparisons
    .filter((d: any) => d.rankable)
    .groupby('indicator', 'period')
    .orderby(aq.desc('value'))
    .derive({ rank: op.rank(), rank_of: op.count() })
    .ungroup();
  const unranked = withComparisons.filter((d: any) => !d.rankable).derive({ rank: () => null, rank_of: () => null });

  return ranked
    .concat(unranked)
    .select(
      'indicator',
      'area',
      'period',
      'yoy_change',
      'yoy_change_pct',
      'yoy_crosses_break',
      'yoy_status',
      'avg_12m',
      'avg_12m_status',
      'avg_12m_from',
      'rank',
      'rank_of',
      'diff_to_country',
    )
    .orderby('indicator', 'area', 'period');
}
