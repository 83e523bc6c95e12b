/**
 * UI strings and locale formatting. Strings live in one flat-key JSON file per language; a key
 * missing from any language, or a placeholder that differs between languages, fails the build
 * (the check runs when this module is first imported) rather than showing a key on a page.
 */
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Key = keyof typeof fi;

const DICTS: Record<Lang, Record<string, string>> = { fi, sv, en };

/** BCP 47 locale of each language for Intl formatting. */
export const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Native names of the languages, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };

/** Checks that every language has every key, with the same `{placeholders}`. Throws otherwise. */
export function checkDictionaries(dicts: Record<string, Record<string, string>> = DICTS): void {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  const base = dicts.fi!;
  const problems: string[] = [];
  for (const [lang, dict] of Object.entries(dicts)) {
    for (const key of Object.keys(base)) {
      if (!(key in dict) || dict[key] === '') problems.push(`src/i18n/${lang}.json: missing translation "${key}"`);
      else if (placeholders(dict[key]!) !== placeholders(base[key]!)) problems.push(`src/i18n/${lang}.json: "${key}" has placeholders {${placeholders(dict[key]!)}} but fi has {${placeholders(base[key]!)}}`);
    }
    for (const key of Object.keys(dict)) if (!(key in base)) problems.push(`src/i18n/${lang}.json: "${key}" is not in fi.json`);
  }
  if (problems.length) throw new Error(`Translations are incomplete:\n${problems.join('\n')}`);
}
checkDictionaries();

/** The UI string `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const text = DICTS[lang][key];
  if (text === undefined) throw new Error(`missing translation "${key}" for ${lang}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`translation "${key}" needs a value for {${name}}`);
    return String(params[name]);
  });
}

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

/** A value with its unit: "14,2 %", "352 001", "13,2", "78 856 829 €". */
export function formatValue(lang: Lang, value: number, unit: string, decimals: number): string {
  const n = formatNumber(lang, value, decimals);
  if (unit === 'percent') return `${n}\u00a0%`;
  if (unit === 'euros') return lang === 'en' ? `€${n}` : `${n}\u00a0€`;
  return n;
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

/** The URL of a page in a language: `href('fi', 'area/ku091')` → `/fi/area/ku091/`. */
export function href(lang: Lang, path = ''): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  return clean ? `/${lang}/${clean}/` : `/${lang}/`;
}

/** Picks a language's text from a `{fi, sv, en}` object (Finnish where a language is absent). */
export function pick(lang: Lang, text: { fi: string; sv?: string; en?: string }): string {
  return text[lang] ?? text.fi;
}
