/**
 * The comparison tool's state and configuration: which areas and indicators are chosen (kept in
 * the page address, so a shared link reproduces the view), what the page passes in, and how the
 * tool's strings are filled in.
 */
import type { Lang } from '../../i18n/format.ts';
import type { Translate, Unit } from '../../lib/units.ts';
import type { AreaLevel } from '../../schema/vocabulary.ts';

export interface CompareConfig {
  lang: Lang;
  /** Area code → name in the page's language. */
  areas: Record<string, string>;
  /** Area code → level and official Finnish name (for the tidy CSV). */
  areaInfo: Record<string, { level: AreaLevel; fi: string }>;
  /** Level → its name in the page's language (to tell apart areas with the same name). */
  levelNames: Record<string, string>;
  /** Indicator id → name, unit, decimals, source text, and levels. */
  indicators: Record<string, { name: string; short: string; unit: Unit; decimals: number; source: string; breaks: { id: string; period: string; label: string }[] }>;
  strings: Record<string, string>;
  defaults: Omit<CompareState, 'span'>;
  /** Embed mode: only the chart, no controls. */
  embed?: boolean;
}

/** At most this many areas are compared at once. */
export const MAX_AREAS = 10;

export interface CompareState {
  areas: string[];
  indicators: string[];
  /** `recent`: the last 36 months (the default); `all`: the whole history (`span=all` in the address). */
  span: 'recent' | 'all';
}

/** Reads the state from a URL query: known areas (max 10) and known indicators. */
export function readState(search: string, cfg: CompareConfig): CompareState {
  const q = new URLSearchParams(search);
  const list = (k: string) => (q.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const areas = [...new Set(list('areas').map((a) => a.toUpperCase()))].filter((a) => a in cfg.areas).slice(0, MAX_AREAS);
  const indicators = [...new Set(list('ind'))].filter((i) => i in cfg.indicators);
  const span = q.get('span') === 'all' ? 'all' : 'recent';
  if (!q.has('areas') && !q.has('ind')) return { ...cfg.defaults, span };
  return { areas, indicators, span };
}

/**
 * What the address asked for but the tool does not show: known areas beyond the first
 * {@link MAX_AREAS}, and codes it does not know (so the page can say so instead of dropping them silently).
 */
export function leftOut(search: string, cfg: CompareConfig): { beyond: string[]; unknown: string[] } {
  const q = new URLSearchParams(search);
  const asked = [...new Set((q.get('areas') ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))];
  const known = asked.filter((a) => a in cfg.areas);
  return { beyond: known.slice(MAX_AREAS), unknown: asked.filter((a) => !(a in cfg.areas)) };
}

export function writeState(state: CompareState): string {
  const q = new URLSearchParams();
  if (state.areas.length) q.set('areas', state.areas.join(','));
  if (state.indicators.length) q.set('ind', state.indicators.join(','));
  if (state.span === 'all') q.set('span', 'all');
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

/** A string of the configuration with its `{placeholders}` filled in. */
export function text(cfg: CompareConfig, key: string, params: Record<string, string | number> = {}): string {
  return (cfg.strings[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The configuration's strings as a translator for `units.ts`. */
export function translator(cfg: CompareConfig): Translate {
  return (key, params) => text(cfg, key, params);
}
