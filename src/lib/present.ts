/**
 * How values, statuses and changes are written on pages, in the page's language. Pure
 * functions of data and language, shared by every page so a number reads the same everywhere.
 */
import { formatChange, formatValue, t, type Lang } from '../i18n/index.ts';
import type { Indicator } from '../schema/indicator.ts';

interface PointLike {
  value: number | null;
  status: string;
}

/** Whether the indicator is a count (a `lower_bound` of a count is "at least"). */
export function isCount(ind: Pick<Indicator, 'unit'>): boolean {
  return ind.unit === 'persons' || ind.unit === 'euros';
}

/**
 * "14,2 %", "vähintään 4 974", "salattu", or "–" for no value. A `lower_bound` count reads
 * "at least"; a `lower_bound` rate (built from incomplete sums, which may err either way)
 * reads "incomplete".
 */
export function showValue(lang: Lang, ind: Pick<Indicator, 'unit' | 'decimals'>, p: PointLike | undefined): string {
  if (!p) return '–';
  if (p.status === 'suppressed') return t(lang, 'status.suppressed');
  if (p.value === null) return '–';
  const v = formatValue(lang, p.value, ind.unit, ind.decimals);
  if (p.status !== 'lower_bound') return v;
  return isCount(ind) ? `${t(lang, 'status.lower_bound')} ${v}` : `${v} (${t(lang, 'status.incomplete')})`;
}

interface ChangeLike {
  yoy: number | null;
  yoyPct: number | null;
  yoyCrossesBreak: boolean | null;
  yoyStatus: string | null;
}

/**
 * The change from a year earlier: "+0,5 %-yks." for rates, "+1 234 (+2,1 %)" for counts.
 * Null when there is no value a year earlier.
 */
export function showChange(lang: Lang, ind: Pick<Indicator, 'unit' | 'decimals'>, p: ChangeLike | undefined): string | null {
  if (!p || p.yoy === null) return null;
  if (!isCount(ind)) return t(lang, 'change.points', { value: formatChange(lang, p.yoy, ind.decimals) });
  const base = formatChange(lang, p.yoy, 0);
  return p.yoyPct === null ? base : `${base} (${t(lang, 'change.percent', { value: formatChange(lang, p.yoyPct, 1) })})`;
}

/** The difference to the whole country in points (rates) or as a signed value. */
export function showDiff(lang: Lang, ind: Pick<Indicator, 'unit' | 'decimals'>, diff: number | null): string {
  if (diff === null) return '–';
  return ind.unit === 'percent' ? t(lang, 'change.points', { value: formatChange(lang, diff, ind.decimals) }) : formatChange(lang, diff, ind.decimals);
}

/** A value for CSV downloads: "." as decimal point, no grouping, empty for no value. */
export function plainValue(value: number | null, decimals: number): string {
  return value === null ? '' : value.toFixed(decimals);
}
