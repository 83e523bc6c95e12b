/**
 * Finding areas by what a reader types into the comparison tool: part of a name, with or without
 * accents ("jyvas" and "Jyväs" both find Jyväskylä), a code ("TA19"), or a suggestion's label
 * ("Lahti (kunta)"). Names are matched in the page's language as the tool shows them.
 */
import type { CompareConfig } from './state.ts';

/** Levels in the order suggestions list them when names match equally well. */
const LEVEL_ORDER = ['employment_area', 'region', 'municipality', 'country'];

/** A name folded for matching: lower case, accents dropped (ä → a, å → a, ö → o), dashes and spaces as one space. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015]+/g, ' ')
    .trim();
}

/** An area as the tool offers it: its name with its level ("Lahti (työllisyysalue)"). */
export function areaLabel(cfg: CompareConfig, code: string): string {
  return `${cfg.areas[code] ?? code} (${cfg.levelNames[cfg.areaInfo[code]?.level ?? ''] ?? ''})`;
}

/**
 * The names of the chosen areas as charts and tables show them: the bare name, or the name with
 * its level where two chosen areas share it (Lahti the municipality and the employment area).
 */
export function shownNames(cfg: CompareConfig, codes: readonly string[]): Record<string, string> {
  const count = new Map<string, number>();
  for (const c of codes) count.set(cfg.areas[c] ?? c, (count.get(cfg.areas[c] ?? c) ?? 0) + 1);
  return Object.fromEntries(codes.map((c) => [c, (count.get(cfg.areas[c] ?? c) ?? 0) > 1 ? areaLabel(cfg, c) : (cfg.areas[c] ?? c)]));
}

/**
 * The areas matching `query`, best first: the whole name, then the name's beginning, then a word's
 * beginning, then anywhere in the name; equally good matches by level (employment areas first)
 * and then by name. A code matches its own area. At most `limit` areas.
 */
export function matchAreas(cfg: CompareConfig, query: string, limit = 8): string[] {
  const q = fold(query);
  if (!q) return [];
  const collator = new Intl.Collator(cfg.lang);
  const scored: { code: string; score: number }[] = [];
  for (const [code, name] of Object.entries(cfg.areas)) {
    const n = fold(name);
    const label = fold(areaLabel(cfg, code));
    const score = code.toLowerCase() === q || label === q ? 0 : n === q ? 1 : n.startsWith(q) ? 2 : n.split(' ').some((w) => w.startsWith(q)) ? 3 : n.includes(q) ? 4 : null;
    if (score !== null) scored.push({ code, score });
  }
  const level = (code: string) => LEVEL_ORDER.indexOf(cfg.areaInfo[code]?.level ?? '');
  return scored
    .sort((a, b) => a.score - b.score || level(a.code) - level(b.code) || collator.compare(cfg.areas[a.code]!, cfg.areas[b.code]!))
    .slice(0, limit)
    .map((s) => s.code);
}

/**
 * The one area a submitted text means, or the candidates to choose from: a code or a full label
 * ("Lahti (kunta)") is exact; a whole name shared by several areas means the employment area,
 * then the region, then the municipality (as the tool has always read "Lahti"); otherwise a
 * partial name is taken only when it matches a single area.
 */
export function resolveArea(cfg: CompareConfig, text: string): { code: string } | { candidates: string[] } {
  const matches = matchAreas(cfg, text, Infinity);
  const q = fold(text);
  const exact = matches.filter((c) => c.toLowerCase() === q || fold(areaLabel(cfg, c)) === q);
  if (exact.length === 1) return { code: exact[0]! };
  const whole = matches.filter((c) => fold(cfg.areas[c]!) === q);
  if (whole.length > 0) return { code: whole[0]! };
  if (matches.length === 1) return { code: matches[0]! };
  return { candidates: matches.slice(0, 8) };
}
