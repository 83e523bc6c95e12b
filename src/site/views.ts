/**
 * Small, pure selections over the site data that pages share: latest values, rank ranges,
 * biggest movers, chart series. Every number still comes from the derived files.
 */
import { isBound, statusCode } from '../lib/status.ts';
import type { Indicator } from '../schema/indicator.ts';
import type { Area } from '../lib/derive/areas.ts';
import { seriesOf, type Point, type SeriesData, type SiteData } from './site.ts';

/** TE24 employment areas (TA01–TA45), in code order. */
export function te24Areas(site: SiteData): Area[] {
  return site.areas.filter((a) => a.level === 'employment_area' && a.te24 === true);
}

const byPeriod = new WeakMap<SeriesData, Map<string, Point>>();

/** The point of a series at a period, if it has one (indexed once per series). */
export function at(s: SeriesData | undefined, period: string | null): Point | undefined {
  if (!s || !period) return undefined;
  let index = byPeriod.get(s);
  if (!index) byPeriod.set(s, (index = new Map(s.points.map((p) => [p.period, p]))));
  return index.get(period);
}

/** Range of an area's rank over the last 12 periods that have a rank (inclusive of the latest). */
export function rankRange(s: SeriesData | undefined): { min: number; max: number; periods: number } | null {
  if (!s) return null;
  const ranked = s.points.filter((p) => p.rank !== null).slice(-12);
  if (ranked.length === 0) return null;
  const ranks = ranked.map((p) => p.rank!);
  return { min: Math.min(...ranks), max: Math.max(...ranks), periods: ranked.length };
}

/** The periods in which at least `minAreas` TE24 areas have a value of the indicator. */
export function periodsWithValues(site: SiteData, indicator: string, minAreas: number): Set<string> {
  const counts = new Map<string, number>();
  for (const a of te24Areas(site)) {
    for (const p of seriesOf(site, indicator, a.code)?.points ?? []) {
      if (p.value !== null) counts.set(p.period, (counts.get(p.period) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= minAreas).map(([p]) => p));
}

/** The latest period in which at least `minAreas` TE24 areas have a year-on-year change. */
export function latestComparablePeriod(site: SiteData, indicator: string, minAreas = 40): string | null {
  const counts = new Map<string, number>();
  for (const a of te24Areas(site)) {
    for (const p of seriesOf(site, indicator, a.code)?.points ?? []) {
      if (p.yoy !== null) counts.set(p.period, (counts.get(p.period) ?? 0) + 1);
    }
  }
  const ok = [...counts].filter(([, n]) => n >= minAreas).map(([p]) => p).sort();
  return ok.at(-1) ?? null;
}

export interface Mover {
  area: Area;
  point: Point;
}

/** The TE24 areas with the largest rises and falls (year on year) at a period. */
export function movers(site: SiteData, indicator: string, period: string, n = 5): { rises: Mover[]; falls: Mover[] } {
  const list: Mover[] = [];
  for (const a of te24Areas(site)) {
    const p = at(seriesOf(site, indicator, a.code), period);
    if (p && p.yoy !== null) list.push({ area: a, point: p });
  }
  const byChange = [...list].sort((x, y) => y.point.yoy! - x.point.yoy! || x.area.code.localeCompare(y.area.code));
  return {
    rises: byChange.filter((m) => m.point.yoy! > 0).slice(0, n),
    falls: byChange.filter((m) => m.point.yoy! < 0).reverse().slice(0, n),
  };
}

/** Whether a series has enough periods to be drawn over time (at least two periods with a value). */
export function drawable(s: SeriesData | undefined): boolean {
  return (s?.points.filter((p) => p.value !== null).length ?? 0) >= 2;
}

/** The key indicator (`show.key`): the one figure pages compare areas on. */
export function keyIndicator(site: SiteData): Indicator {
  return site.indicators.find((i) => i.show.key)!;
}

/** The indicators shown in a place (`show.<place>` set), in that place's order. */
export function shownIn(site: SiteData, place: 'headline' | 'front_map' | 'profile_chart' | 'progress_table'): Indicator[] {
  return site.indicators.filter((i) => i.show[place] !== undefined).sort((a, b) => a.show[place]! - b.show[place]!);
}

/** Indicators in registry order (theme, then order). */
export function orderedIndicators(site: SiteData): Indicator[] {
  const themes = ['unemployment', 'groups', 'services', 'vacancies', 'benefits', 'population', 'survey'];
  return [...site.indicators].sort((a, b) => themes.indexOf(a.theme) - themes.indexOf(b.theme) || a.order - b.order);
}

export type Improvement =
  | { kind: 'ok'; period: string; prevPeriod: string; rows: { area: Area; point: Point }[] }
  | { kind: 'context' }
  | { kind: 'none' };

/**
 * The areas among `codes` whose value of an indicator improved most over a year, in the direction
 * of the indicator's polarity, at the latest period where at least `minAreas` of them have a
 * change from a year earlier that does not cross a comparability break. A change that is only a
 * bound is left out (it could reorder the list).
 */
export function improvement(site: SiteData, indicator: string, codes: readonly string[], minAreas: number, limit = Infinity): Improvement {
  const ind = site.indicatorById.get(indicator)!;
  if (ind.polarity === 'context') return { kind: 'context' };
  const counts = new Map<string, number>();
  for (const code of codes) {
    for (const p of seriesOf(site, indicator, code)?.points ?? []) {
      if (p.yoy !== null && p.yoyCrossesBreak === false && !isBound(statusCode(p.yoyStatus ?? 'ok'))) counts.set(p.period, (counts.get(p.period) ?? 0) + 1);
    }
  }
  const period = [...counts].filter(([, n]) => n >= Math.min(minAreas, codes.length)).map(([p]) => p).sort().at(-1);
  if (!period) return { kind: 'none' };
  const sign = ind.polarity === 'lower-is-better' ? 1 : -1;
  const rows = codes
    .map((code) => ({ area: site.areaByCode.get(code)!, point: at(seriesOf(site, indicator, code), period) }))
    .filter((r): r is { area: Area; point: Point } => r.point !== undefined && r.point.yoy !== null && r.point.yoyCrossesBreak === false && !isBound(statusCode(r.point.yoyStatus ?? 'ok')))
    // Only real improvements (a change in the favourable direction), largest first.
    .filter((r) => sign * r.point.yoy! < 0)
    .sort((a, b) => sign * (a.point.yoy! - b.point.yoy!) || a.area.code.localeCompare(b.area.code))
    .slice(0, limit);
  const prevPeriod = period.length === 4 ? String(Number(period) - 1) : `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  return { kind: 'ok', period, prevPeriod, rows };
}

/**
 * The period of a map of an indicator at a level: the latest period in which at least
 * `minShare` of the level's areas have a value (employment areas: the TE24 areas).
 */
export function mapPeriod(site: SiteData, indicator: string, level: 'employment_area' | 'municipality', minShare = 2 / 3): string | null {
  const areas = level === 'employment_area' ? te24Areas(site) : site.areas.filter((a) => a.level === 'municipality');
  const counts = new Map<string, number>();
  for (const a of areas) for (const p of seriesOf(site, indicator, a.code)?.points ?? []) if (p.value !== null) counts.set(p.period, (counts.get(p.period) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= areas.length * minShare).map(([p]) => p).sort().at(-1) ?? null;
}

