/**
 * The front page's "now": the latest month of the key indicator, its changes, the areas' rises
 * and falls over the latest year, a short summary written from templates (never free text), and
 * how current each source is. Every number comes from the derived data; the sentences only fill
 * templates of the dictionaries with them.
 */
import { formatPeriod, formatPeriodAs, pick, t, type Lang } from '../i18n/index.ts';
import { showChange, showDiff, showValue } from '../lib/present.ts';
import { isBound, statusCode } from '../lib/status.ts';
import type { Indicator } from '../schema/indicator.ts';
import { latestPoint, seriesOf, type Point, type SiteData } from './site.ts';
import { at, keyIndicator, rankRange, te24Areas } from './views.ts';
import type { Area } from '../lib/derive/areas.ts';

export interface Now {
  ind: Indicator;
  period: string;
  country: Point | undefined;
  /** TE24 areas with a change over the year that is not only a bound, by the change (largest rise first). */
  changes: { area: Area; point: Point }[];
  /** TE24 areas left out of the changes because their change is only a bound. */
  bounded: number;
}

/** Whether a point's change over a year can be listed (it has one, and it is not only a bound). */
function listable(p: Point | undefined): p is Point & { yoy: number } {
  return p !== undefined && p.yoy !== null && !isBound(statusCode(p.yoyStatus ?? 'ok'));
}

/** The key indicator's latest period with the whole country's value and the areas' changes over a year. */
export function now(site: SiteData): Now {
  const ind = keyIndicator(site);
  const period = site.coverage[ind.id]?.last ?? '';
  const country = at(seriesOf(site, ind.id, 'SSS'), period);
  const changes: Now['changes'] = [];
  let bounded = 0;
  for (const area of te24Areas(site)) {
    const p = at(seriesOf(site, ind.id, area.code), period);
    if (listable(p)) changes.push({ area, point: p });
    else if (p?.yoy != null) bounded++;
  }
  changes.sort((x, y) => y.point.yoy! - x.point.yoy! || x.area.code.localeCompare(y.area.code));
  return { ind, period, country, changes, bounded };
}

/** The largest rises and falls over the year (at most `n` each). */
export function risesAndFalls(n: Now, count = 5): { rises: Now['changes']; falls: Now['changes'] } {
  return {
    rises: n.changes.filter((c) => c.point.yoy! > 0).slice(0, count),
    falls: n.changes.filter((c) => c.point.yoy! < 0).reverse().slice(0, count),
  };
}

/** A name inside a sentence: "Työttömien osuus" → "työttömien osuus". */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The "what changed" summary: a few sentences from the dictionaries' templates, filled with the
 * numbers of `n` (values and changes written with their statuses, e.g. "(arvio)"). `breaks` are
 * the first periods of the indicator's comparability breaks (a "highest since" across one says so).
 */
export function summary(lang: Lang, n: Now, breaks: readonly string[] = []): string[] {
  const out: string[] = [];
  const { ind, period, country } = n;
  const name = lowerFirst(pick(lang, ind.name));
  if (country && country.value !== null) {
    const change = showChange(lang, ind, country);
    out.push(
      change
        ? t(lang, 'summary.country', { indicator: name, period: formatPeriodAs(lang, period, 'in'), value: showValue(lang, ind, country), change })
        : t(lang, 'summary.countryNoChange', { indicator: name, period: formatPeriodAs(lang, period, 'in'), value: showValue(lang, ind, country) }),
    );
    const since = country.lastAsHigh && country.lastAsHigh < shiftYear(period) ? (['summary.highestSince', country.lastAsHigh] as const) : country.lastAsLow && country.lastAsLow < shiftYear(period) ? (['summary.lowestSince', country.lastAsLow] as const) : null;
    if (since) {
      const crosses = breaks.some((b) => since[1] < b && b <= period);
      out.push(t(lang, since[0], { since: formatPeriodAs(lang, since[1], 'since') }) + (crosses ? ` ${t(lang, 'summary.acrossBreak')}` : ''));
    }
  }
  if (n.changes.length) {
    const rises = n.changes.filter((c) => c.point.yoy! > 0).length;
    const falls = n.changes.filter((c) => c.point.yoy! < 0).length;
    out.push(t(lang, 'summary.areas', { rises, falls, same: n.changes.length - rises - falls, total: n.changes.length }));
    const top = n.changes[0]!;
    const bottom = n.changes.at(-1)!;
    if (top.point.yoy! > 0) out.push(t(lang, 'summary.mostRise', { area: pick(lang, top.area.name), change: showChange(lang, ind, top.point)! }));
    if (bottom.point.yoy! < 0) out.push(t(lang, 'summary.mostFall', { area: pick(lang, bottom.area.name), change: showChange(lang, ind, bottom.point)! }));
  }
  return out;
}

/** The same month a year before `period` (for "highest since" notes older than a year). */
function shiftYear(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

export interface SourceCurrency {
  source: string;
  /** The latest period any of its indicators has a value for. */
  last: string | null;
  /** Its indicators with that period. */
  indicators: Indicator[];
  /** When the source last updated the data the portal has (null: unknown) and when it was retrieved. */
  updated: string | null;
  retrieved: string | null;
}

/** How current each source is: the latest period of its indicators and its dates. */
export function currency(site: SiteData): SourceCurrency[] {
  return site.sources
    .map((s) => {
      const inds = site.indicators.filter((i) => i.sources.includes(s.id));
      const last = inds.map((i) => site.coverage[i.id]?.last ?? null).filter((p): p is string => p !== null).sort().at(-1) ?? null;
      const parts = site.parts.filter((p) => p.source === s.id && p.format === 'json-stat2');
      return {
        source: s.id,
        last,
        indicators: inds.filter((i) => last !== null && site.coverage[i.id]?.last === last),
        updated: parts.map((p) => p.source_updated).filter((x): x is string => x !== null).sort().at(-1) ?? null,
        retrieved: parts.map((p) => p.retrieved_at).sort().at(-1) ?? null,
      };
    })
    .filter((c) => c.last !== null)
    .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || a.source.localeCompare(b.source));
}

export interface Standing {
  ind: Indicator;
  /** The area's latest point of the key indicator that has a rank among the TE24 areas. */
  point: Point & { rank: number; rankOf: number };
  /** The rank's range over the last 12 ranked periods. */
  range: { min: number; max: number; periods: number } | null;
}

/** Where an employment area stands among the TE24 areas on the key indicator (null: not ranked). */
export function standing(site: SiteData, code: string): Standing | null {
  const ind = keyIndicator(site);
  const s = seriesOf(site, ind.id, code);
  const p = latestPoint(s);
  if (!p || p.rank === null || p.rankOf === null) return null;
  return { ind, point: p as Standing['point'], range: rankRange(s) };
}

/**
 * How an area's rank moved over the last ranked months, for a reader: the range ("range 1–3 in
 * the last 12 months with data"), or, when the rank was the same in every one of them, that
 * rank ("1 in each of the last 12 months with data"), never a range of one number ("1–1").
 * Null when there is only one ranked month (nothing to say beyond the rank itself).
 */
export function rankSpanText(lang: Lang, range: { min: number; max: number; periods: number } | null): string | null {
  if (!range || range.periods < 2) return null;
  return range.min === range.max ? t(lang, 'profile.rankSame', { rank: range.min, n: range.periods }) : t(lang, 'profile.rankSpan', { min: range.min, max: range.max, n: range.periods });
}

/**
 * The standing in one plain sentence from the dictionaries' templates: "Kesäkuu 2026: 17,8 %,
 * suurin 45 alueesta, +5,0 %-yks. koko maahan verrattuna." (1 = the highest value).
 */
export function standingLine(lang: Lang, st: Standing): string {
  const { ind, point: p } = st;
  const rank = p.rank === 1 ? t(lang, 'standing.highest', { of: p.rankOf }) : p.rank === p.rankOf ? t(lang, 'standing.lowest', { of: p.rankOf }) : t(lang, 'standing.rank', { rank: p.rank, of: p.rankOf });
  const period = formatPeriod(lang, p.period);
  const values = { period: period.charAt(0).toUpperCase() + period.slice(1), value: showValue(lang, ind, p), rank };
  return p.diffToCountry === null ? t(lang, 'standing.lineNoCountry', values) : t(lang, 'standing.line', { ...values, diff: showDiff(lang, ind, p.diffToCountry, p.diffStatus) });
}
