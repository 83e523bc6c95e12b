/**
 * UI strings and locale formatting. Strings live in one flat-key JSON file per language; a key
 * missing from any language, or a placeholder that differs between languages, fails the build
 * (the check runs when this module is first imported) rather than showing a key on a page.
 */
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

import type { Lang } from './format.ts';

export { LANGS, formatDate, formatNumber, formatPeriod, formatPeriodAs, formatPeriodShort, monthName, type Lang } from './format.ts';
export type Key = keyof typeof fi;

const DICTS: Record<Lang, Record<string, string>> = { fi, sv, en };

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

/** The UI string `key` in `lang` with its `{placeholders}` left in (for browser code that fills them). */
export function template(lang: Lang, key: Key): string {
  const text = DICTS[lang][key];
  if (text === undefined) throw new Error(`missing translation "${key}" for ${lang}`);
  return text;
}

/** The UI string `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const text = DICTS[lang][key];
  if (text === undefined) throw new Error(`missing translation "${key}" for ${lang}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`translation "${key}" needs a value for {${name}}`);
    return String(params[name]);
  });
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
