/**
 * Values, changes and differences as pages write them, in the page's language: the wording of
 * `units.ts` with the page's dictionary. Shared by every page so a number reads the same
 * everywhere.
 */
import { t, type Lang } from '../i18n/index.ts';
import { changeText, differenceText, valueText, type Translate } from './units.ts';

interface Shown {
  unit: string;
  decimals: number;
}

/** The page dictionary of a language as a translator for `units.ts`. */
function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

/** "14,2 %", "vähintään 4 974", "salattu", or "–" for no value (see `valueText`). */
export function showValue(lang: Lang, ind: Shown, p: { value: number | null; status: string } | undefined): string {
  return valueText(lang, ind, p, translator(lang));
}

/** The change from a year earlier ("+0,5 %-yks.", "+1 234 (+2,1 %)"); null when there is no value a year earlier. */
export function showChange(lang: Lang, ind: Shown, p: { yoy: number | null; yoyPct: number | null } | undefined): string | null {
  if (!p || p.yoy === null) return null;
  return changeText(lang, ind, p.yoy, p.yoyPct, translator(lang));
}

/** The difference to the whole country ("+0,5 %-yks."), or "–". */
export function showDiff(lang: Lang, ind: Shown, diff: number | null): string {
  return diff === null ? '–' : differenceText(lang, ind, diff, translator(lang));
}
