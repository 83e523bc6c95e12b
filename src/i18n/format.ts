/**
 * Locale formatting of numbers, values and periods. Kept apart from the UI dictionaries so that
 * browser code (charts, the comparison tool) can use it without loading every translation.
 */
import type { Lang } from '../schema/vocabulary.ts';

export { LANGS, type Lang } from '../schema/vocabulary.ts';

/** BCP 47 locale of each language for Intl formatting. */
const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the page's locale: "352 001" and "14,2" in fi/sv (no-break spaces), "352,001" and "14.2" in en. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  const key = `${lang}|${decimals}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  // Intl writes a minus sign U+2212 in fi/sv; that is the typographically correct sign.
  return f.format(value);
}

/** A signed change: "+1 234", "−0,4". */
export function formatChange(lang: Lang, value: number, decimals = 0): string {
  const s = formatNumber(lang, Math.abs(value), decimals);
  return value > 0 ? `+${s}` : value < 0 ? `\u2212${s}` : s;
}

const MONTHS: Record<Lang, string[]> = {
  fi: ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'],
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A period in words: "kesäkuu 2026", "juni 2026", "June 2026"; a year stays a year. */
export function formatPeriod(lang: Lang, period: string): string {
  if (period.length === 4) return period;
  return `${MONTHS[lang][Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

const MONTHS_IN_FI = ['tammikuussa', 'helmikuussa', 'maaliskuussa', 'huhtikuussa', 'toukokuussa', 'kesäkuussa', 'heinäkuussa', 'elokuussa', 'syyskuussa', 'lokakuussa', 'marraskuussa', 'joulukuussa'];
const MONTHS_OF_FI = ['tammikuun', 'helmikuun', 'maaliskuun', 'huhtikuun', 'toukokuun', 'kesäkuun', 'heinäkuun', 'elokuun', 'syyskuun', 'lokakuun', 'marraskuun', 'joulukuun'];

/**
 * A period as a sentence needs it: `in` ("elokuussa 2026", "augusti 2026", "August 2026"; the
 * templates of sv and en carry their "i"/"in") or `since` ("joulukuun 2020", "december 2020",
 * "December 2020"). Finnish inflects the month; a year becomes "vuonna 2025" / "vuoden 2025".
 */
export function formatPeriodAs(lang: Lang, period: string, form: 'in' | 'since'): string {
  if (lang !== 'fi') return formatPeriod(lang, period);
  if (period.length === 4) return form === 'in' ? `vuonna ${period}` : `vuoden ${period}`;
  const m = Number(period.slice(5, 7)) - 1;
  return `${(form === 'in' ? MONTHS_IN_FI : MONTHS_OF_FI)[m]} ${period.slice(0, 4)}`;
}

const MONTHS_SHORT: Record<Lang, string[]> = {
  fi: ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'],
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** A month's short name for axes (1 = January): "tammi", "jan", "Jan". */
export function monthShort(lang: Lang, month: number): string {
  return MONTHS_SHORT[lang][month - 1]!;
}

/** A month's name in words (1 = January): "tammikuu", "januari", "January". */
export function monthName(lang: Lang, month: number): string {
  return MONTHS[lang][month - 1]!;
}

/** A short period for table columns and axes: "6/2026". */
export function formatPeriodShort(period: string): string {
  if (period.length === 4) return period;
  return `${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A date (ISO) in the page's language: "21.7.2026" / "21 July 2026". */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], lang === 'en' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Helsinki' } : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Helsinki' });
    dateFormats.set(lang, f);
  }
  return f.format(d);
}

