/**
 * Values, changes and differences as pages write them, in the page's language: the wording of
 * `units.ts` with the page's dictionary. Shared by every page so a number reads the same
 * everywhere.
 */
import { t, type Lang } from '../i18n/index.ts';
import { changeText, differenceText, marked, valueText, type Translate } from './units.ts';

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

/**
 * The change from a year earlier ("+0,5 %-yks.", "+1 234 (+2,1 %)"), marked with its status
 * ("+0,5 %-yks. (arvio)", "enintään +1,2 %-yks."); null when there is no value a year earlier.
 */
export function showChange(lang: Lang, ind: Shown, p: { yoy: number | null; yoyPct: number | null; yoyStatus?: string | null } | undefined): string | null {
  if (!p || p.yoy === null) return null;
  return marked(changeText(lang, ind, p.yoy, p.yoyPct, translator(lang)), p.yoyStatus ?? null, translator(lang));
}

/** The change from three months earlier, marked like `showChange`; null without a value three months earlier. */
export function showChange3m(lang: Lang, ind: Shown, p: { m3: number | null; m3Pct: number | null; m3Status: string | null } | undefined): string | null {
  if (!p || p.m3 === null) return null;
  return marked(changeText(lang, ind, p.m3, p.m3Pct, translator(lang)), p.m3Status, translator(lang));
}

/** The difference to the whole country ("+0,5 %-yks."), marked with its status, or "–". */
export function showDiff(lang: Lang, ind: Shown, diff: number | null, status: string | null = null): string {
  return diff === null ? '–' : marked(differenceText(lang, ind, diff, translator(lang)), status, translator(lang));
}
