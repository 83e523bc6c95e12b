/**
 * Units: the one home of how a value of each unit is written, and how its change over time and
 * its difference to another area are worded, in every language. Pages, charts, the comparison
 * tool and downloads all ask this module; nothing else decides "is it a count or a rate".
 *
 * Units (`unit` in the indicator files and the tidy format):
 * - `persons`, `euros`: counts. A change is written as a signed count and, where the earlier
 *   value is not zero, in per cent ("+1 234 (+2,1 %)"); a count bounded below reads "at least".
 * - `percent`: shares. A change or difference is in percentage points ("+0,5 %-yks.").
 * - `ratio`: plain ratios (e.g. unemployed per vacancy). A change or difference is a plain signed
 *   number ("+0,5"), never percentage points.
 *
 * Words come from the caller's dictionary (`tr`), so the same code serves pages (the full
 * dictionaries) and browser code (the few strings it is given).
 */
import { formatChange, formatNumber, type Lang } from '../i18n/format.ts';
import { hasValueName } from './status.ts';

export type { Unit } from '../schema/vocabulary.ts';

/** Translation keys this module uses; a caller's `tr` must know them. */
export const UNIT_KEYS = ['status.suppressed', 'status.lower_bound', 'status.upper_bound', 'status.incomplete', 'status.estimate', 'change.points', 'change.percent'] as const;
type UnitKey = (typeof UNIT_KEYS)[number];
/** A translator: the text of a key with `{placeholders}` filled in. */
export type Translate = (key: UnitKey, params?: Record<string, string | number>) => string;

/** Whether values of the unit are counts (summed over areas; ranked never; changes also in per cent). */
export function isCount(unit: string): boolean {
  return unit === 'persons' || unit === 'vacancies' || unit === 'euros';
}

/** Whether values of the unit are rates or shares (recomputed from sums; may be ranked and compared to the country). */
export function isRate(unit: string): boolean {
  return unit === 'percent' || unit === 'ratio';
}

/** A value with its unit: "14,2 %", "352 001", "13,2", "78 856 829 €" / "€78,856,829". */
export function formatValue(lang: Lang, value: number, unit: string, decimals: number): string {
  const n = formatNumber(lang, value, decimals);
  if (unit === 'percent') return `${n}\u00a0%`;
  if (unit === 'euros') return lang === 'en' ? `€${n}` : `${n}\u00a0€`;
  return n;
}

interface PointLike {
  value: number | null;
  status: string;
}

interface Shown {
  unit: string;
  decimals: number;
}

/**
 * A value or a change marked with its status: "vähintään 4 974" (lower bound), "enintään 59,1"
 * (upper bound), "12,0 % (arvio)" (estimate), "5,2 % (vajaa)" (incomplete); ok is unmarked.
 */
export function marked(text: string, status: string | null, tr: Translate): string {
  switch (status) {
    case 'lower_bound':
      return `${tr('status.lower_bound')} ${text}`;
    case 'upper_bound':
      return `${tr('status.upper_bound')} ${text}`;
    case 'estimate':
      return `${text} (${tr('status.estimate')})`;
    case 'incomplete':
      return `${text} (${tr('status.incomplete')})`;
    default:
      return text;
  }
}

/** "14,2 %", "vähintään 4 974", "enintään 59,1", "12,0 % (arvio)", "salattu", or "–" for no value. */
export function valueText(lang: Lang, ind: Shown, p: PointLike | undefined, tr: Translate): string {
  if (!p) return '–';
  if (p.status === 'suppressed') return tr('status.suppressed');
  if (p.value === null || !hasValueName(p.status)) return '–';
  return marked(formatValue(lang, p.value, ind.unit, ind.decimals), p.status, tr);
}

/**
 * A difference between two values of the unit, signed: points for shares ("+0,5 %-yks."), a
 * plain number for ratios ("+0,5") and counts ("+1 234").
 */
export function differenceText(lang: Lang, ind: Shown, diff: number, tr: Translate): string {
  if (ind.unit === 'percent') return tr('change.points', { value: formatChange(lang, diff, ind.decimals) });
  return formatChange(lang, diff, ind.decimals);
}

/**
 * A change over time: as {@link differenceText} for shares and ratios; for counts a whole
 * signed number, with the change in per cent when known ("+1 234 (+2,1 %)").
 */
export function changeText(lang: Lang, ind: Shown, change: number, changePct: number | null, tr: Translate): string {
  if (!isCount(ind.unit)) return differenceText(lang, ind, change, tr);
  const base = formatChange(lang, change, 0);
  return changePct === null ? base : `${base} (${tr('change.percent', { value: formatChange(lang, changePct, 1) })})`;
}
