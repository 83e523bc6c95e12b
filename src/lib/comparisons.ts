/**
 * The comparisons row: the one home of `comparisons.csv` (derive writes it, the site reads it,
 * the catalogue describes it). One row per observation with a value: the change from a year
 * earlier, the 12-month average, the rank among the 45 TE24 areas and the difference to the
 * whole country.
 */
import { formatPlain } from './numbers.ts';
import { COMPARISON_STATUSES, type ComparisonStatus } from './status.ts';

/** One row of comparisons (values rounded to the indicator's decimals). */
export interface Comparison {
  indicator: string;
  area: string;
  period: string;
  yoy_change: number | null;
  yoy_change_pct: number | null;
  yoy_crosses_break: boolean | null;
  yoy_status: ComparisonStatus | null;
  change_3m: number | null;
  change_3m_pct: number | null;
  change_3m_crosses_break: boolean | null;
  change_3m_status: ComparisonStatus | null;
  avg_12m: number | null;
  avg_12m_status: ComparisonStatus | null;
  avg_12m_from: string | null;
  rank: number | null;
  rank_of: number | null;
  diff_to_country: number | null;
  diff_to_country_status: ComparisonStatus | null;
  last_as_high: string | null;
  last_as_low: string | null;
}

const FIELDS = [
  { name: 'indicator', type: 'string' },
  { name: 'area_code', type: 'string' },
  { name: 'period', type: 'string' },
  { name: 'yoy_change', type: 'number', description: 'Value minus the value a year earlier (points for rates)' },
  { name: 'yoy_change_pct', type: 'number', description: 'Change from a year earlier in per cent (counts only)' },
  { name: 'yoy_crosses_break', type: 'boolean', description: 'A comparability break lies between the two periods: not like-for-like' },
  { name: 'yoy_status', type: 'string', description: 'ok, estimate, lower_bound, upper_bound or incomplete, from the statuses of both values', constraints: { enum: [...COMPARISON_STATUSES] } },
  { name: 'change_3m', type: 'number', description: 'Value minus the value three months earlier (points for rates); not seasonally adjusted' },
  { name: 'change_3m_pct', type: 'number', description: 'Change from three months earlier in per cent (counts only)' },
  { name: 'change_3m_crosses_break', type: 'boolean', description: 'A comparability break lies between the two periods' },
  { name: 'change_3m_status', type: 'string', constraints: { enum: [...COMPARISON_STATUSES] } },
  { name: 'avg_12m', type: 'number', description: 'Average over the 12 months ending at the period (rates: sum of numerators / sum of denominators)' },
  { name: 'avg_12m_status', type: 'string', constraints: { enum: [...COMPARISON_STATUSES] } },
  { name: 'avg_12m_from', type: 'string', description: 'First month of the 12-month window' },
  { name: 'rank', type: 'integer', description: 'Rank among the 45 TE24 employment areas, 1 = highest value (rates and shares only; values that are only bounds are not ranked)' },
  { name: 'rank_of', type: 'integer', description: 'Number of areas ranked' },
  { name: 'diff_to_country', type: 'number', description: 'Value minus the whole country’s value (rates and shares)' },
  { name: 'diff_to_country_status', type: 'string', constraints: { enum: [...COMPARISON_STATUSES] } },
  { name: 'last_as_high', type: 'string', description: 'The latest earlier period with a value at least as high (the value is the highest since then); empty if none earlier was' },
  { name: 'last_as_low', type: 'string', description: 'The latest earlier period with a value at least as low; empty if none earlier was' },
] as const;

/** Column names in order: the header of comparisons.csv. */
export const COMPARISON_COLUMNS = FIELDS.map((f) => f.name);
export type ComparisonColumn = (typeof FIELDS)[number]['name'];

/** Table Schema (Frictionless) of comparisons.csv. */
export const COMPARISON_TABLE_SCHEMA = {
  fields: FIELDS,
  missingValues: [''],
  primaryKey: ['indicator', 'area_code', 'period'],
};

/** One comparison as a CSV line (no line end): numbers with the indicator's `decimals`, per cent changes with one. */
export function comparisonLine(r: Comparison, decimals: number): string {
  const f = (v: number | null, k = decimals) => formatPlain(v, k);
  return [
    r.indicator,
    r.area,
    r.period,
    f(r.yoy_change),
    f(r.yoy_change_pct, 1),
    r.yoy_crosses_break ?? '',
    r.yoy_status ?? '',
    f(r.change_3m),
    f(r.change_3m_pct, 1),
    r.change_3m_crosses_break ?? '',
    r.change_3m_status ?? '',
    f(r.avg_12m),
    r.avg_12m_status ?? '',
    r.avg_12m_from ?? '',
    r.rank ?? '',
    r.rank_of ?? '',
    f(r.diff_to_country),
    r.diff_to_country_status ?? '',
    r.last_as_high ?? '',
    r.last_as_low ?? '',
  ].join(',');
}
