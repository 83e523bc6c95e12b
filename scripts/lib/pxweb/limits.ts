/**
 * The API's own limits, read at run time from `{base}/{lang}/?config`.
 *
 * Statistics Finland answers e.g.
 * `{"apiVersion":"1.1.0","languages":[...],"defaultLanguage":"fi","maxValues":100000,"maxCalls":30,"timeWindow":10,"CORS":true}`.
 * The numbers have changed over time (a 2026 reading reported 40 calls / 60 s and 120,000 values),
 * so they are never hard-coded; only the fallback below is, for when the answer is unreadable.
 */

/** Cells per query and calls per time window that the API allows. */
export interface Limits {
  /** Most cells (product of selected values) one query may select. */
  maxValues: number;
  /** Most calls allowed within `timeWindow` seconds. */
  maxCalls: number;
  /** Length of the rate-limit window in seconds. */
  timeWindow: number;
}

/** The limits older code and documentation give; used only when `?config` cannot be read. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({ maxValues: 100_000, maxCalls: 30, timeWindow: 10 });

/** The URL of the config answer for an API base, e.g. `https://pxdata.stat.fi/PXWeb/api/v1/fi/?config`. */
export function configUrl(base: string, lang = 'fi'): string {
  return `${base.replace(/\/+$/, '')}/${lang}/?config`;
}

/**
 * Reads the limits from a parsed `?config` answer. Lenient on purpose: field names are matched
 * without regard to case, underscores or hyphens (`maxValues`, `MaxValues`, `max_values`), and
 * numbers given as strings are accepted. Returns null unless all three are positive numbers.
 */
export function parseLimits(config: unknown): Limits | null {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return null;
  const byKey = new Map<string, unknown>();
  for (const [k, v] of Object.entries(config as Record<string, unknown>)) byKey.set(k.toLowerCase().replace(/[_-]/g, ''), v);
  const num = (key: string): number | null => {
    const v = byKey.get(key);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? n : null;
  };
  const maxValues = num('maxvalues');
  const maxCalls = num('maxcalls');
  const timeWindow = num('timewindow');
  if (maxValues === null || maxCalls === null || timeWindow === null) return null;
  return { maxValues: Math.floor(maxValues), maxCalls: Math.floor(maxCalls), timeWindow };
}
