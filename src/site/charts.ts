/**
 * Which time-series charts each page draws, and with which areas. The page and the chart's CSV
 * download both read these specs, so a download holds exactly the rows the chart shows.
 */
import type { Area } from '../lib/derive/areas.ts';
import type { Indicator } from '../schema/indicator.ts';
import { observationsCsv, type Observation } from '../lib/observation.ts';
import { decimalsOf, observationOf, seriesOf, type Point, type SiteData } from './site.ts';
import { at, drawable, latestComparablePeriod, mapPeriod, shownIn, te24Areas } from './views.ts';
import { defaultWindow } from '../charts/window.ts';
import { periodRange, yearEarlier } from '../lib/periods.ts';
import { hasValueName, isBound, statusCode } from '../lib/status.ts';
import { isRate } from '../lib/units.ts';

interface ChartArea {
  code: string;
  role: 'area' | 'country' | 'peer';
}

export interface ChartSpec {
  /** Unique slug, also the CSV file name. */
  slug: string;
  indicator: string;
  areas: ChartArea[];
  /** Period the areas were chosen by (indicator pages), if any. */
  chosenAt?: string;
  /** The periods the chart shows, when not every period of its areas' series (small multiples, seasonal, change, scatter, distribution). */
  periods?: string[];
  /** A second indicator drawn against the first (scatter). */
  pair?: string;
}

/**
 * Charts of an area profile (indicators with `show.profile_chart`): the area; for rates also the
 * whole country and (with `show.profile_peers`) its similar areas. Counts are drawn alone: on one axis with the country's
 * count they would show only the difference in size.
 */
export function areaChartSpecs(site: SiteData, area: Area): ChartSpec[] {
  const specs: ChartSpec[] = [];
  for (const ind of shownIn(site, 'profile_chart')) {
    const id = ind.id;
    if (!drawable(seriesOf(site, id, area.code))) continue;
    const areas: ChartArea[] = [{ code: area.code, role: 'area' }];
    if (isRate(ind.unit) && area.code !== 'SSS' && drawable(seriesOf(site, id, 'SSS'))) areas.push({ code: 'SSS', role: 'country' });
    if (ind.show.profile_peers) {
      for (const p of area.peers) if (drawable(seriesOf(site, id, p.code))) areas.push({ code: p.code, role: 'peer' });
    }
    specs.push({ slug: `area-${area.code.toLowerCase()}-${id}`, indicator: id, areas });
  }
  return specs;
}

/** The chart of an indicator page: the whole country, and for rates the TE24 areas with the highest and lowest value. */
export function indicatorChartSpec(site: SiteData, ind: Indicator): ChartSpec | null {
  const areas: ChartArea[] = [];
  if (drawable(seriesOf(site, ind.id, 'SSS'))) areas.push({ code: 'SSS', role: 'country' });
  let chosenAt: string | undefined;
  if (ind.levels.includes('employment_area') && isRate(ind.unit)) {
    // Choose by the latest period in which most areas can be drawn with history.
    const period = latestComparablePeriod(site, ind.id, 30) ?? undefined;
    if (period) {
      chosenAt = period;
      const ranked = te24Areas(site)
        .map((a) => ({ a, p: at(seriesOf(site, ind.id, a.code), period) }))
        .filter((x): x is { a: Area; p: Point } => x.p !== undefined && x.p.value !== null)
        .sort((x, y) => y.p.value! - x.p.value! || x.a.code.localeCompare(y.a.code));
      const pick = [...ranked.slice(0, 1), ...ranked.slice(-1)].filter((x, i, arr) => arr.findIndex((y) => y.a.code === x.a.code) === i);
      for (const x of pick) areas.push({ code: x.a.code, role: 'peer' });
    }
  }
  if (areas.length === 0) return null;
  return { slug: `indicator-${ind.id}`, indicator: ind.id, areas, chosenAt };
}

/** Periods shown by a chart: its own list, else from the first to the last period where any of its areas has a value. */
export function chartPeriods(site: SiteData, spec: ChartSpec): string[] {
  if (spec.periods) return [...spec.periods];
  const periods = new Set<string>();
  for (const a of spec.areas) for (const p of seriesOf(site, spec.indicator, a.code)?.points ?? []) periods.add(p.period);
  const sorted = [...periods].sort();
  const withValue = sorted.filter((period) => spec.areas.some((a) => at(seriesOf(site, spec.indicator, a.code), period)?.value != null));
  if (withValue.length === 0) return [];
  return sorted.filter((p) => p >= withValue[0]! && p <= withValue.at(-1)!);
}

/**
 * The periods of a chart's table and download: the periods the chart draws by default (a time
 * series: its last 36 months or 10 years; the whole history, drawn behind one click, is in the
 * page's download files), latest first, without those in which no area of the chart has anything
 * to show (no value, nothing withheld and no break). A full history in every chart's table would
 * make the pages and chart files of a full refresh too large for a static host.
 */
export function chartTablePeriods(site: SiteData, spec: ChartSpec): string[] {
  const periods = chartPeriods(site, spec);
  return (spec.periods ? periods : defaultWindow(periods))
    .filter((period) => spec.areas.some((a) => {
      const p = at(seriesOf(site, spec.indicator, a.code), period);
      return p !== undefined && (p.status !== 'missing' || p.breaks.length > 0);
    }))
    .reverse();
}

/** The chart's rows in the tidy download format: exactly the cells of the chart's table (every area over the table's periods). */
function chartRows(site: SiteData, spec: ChartSpec): Observation[] {
  const ind = site.indicatorById.get(spec.indicator)!;
  const periods = new Set(chartTablePeriods(site, spec));
  const inds = [ind, ...(spec.pair ? [site.indicatorById.get(spec.pair)!] : [])];
  return inds.flatMap((i) => spec.areas.flatMap((a) => (seriesOf(site, i.id, a.code)?.points ?? []).filter((p) => periods.has(p.period)).map((p) => observationOf(site, i, a.code, p))));
}

/** The chart's rows as a tidy CSV. */
export function chartCsv(site: SiteData, spec: ChartSpec): string {
  return observationsCsv(chartRows(site, spec), decimalsOf(site));
}

/** The 45 TE24 areas and the whole country, as chart areas. */
function allAreas(site: SiteData): ChartArea[] {
  return [...te24Areas(site).map((a) => ({ code: a.code, role: 'area' as const })), { code: 'SSS', role: 'country' as const }];
}

const valued = (p: Point | undefined) => p !== undefined && p.value !== null && hasValueName(p.status);

/**
 * The at-a-glance grid of an indicator: every TE24 area and the whole country over the default
 * window (36 months) ending at the latest period in which most areas have a value; none when
 * fewer than 30 areas can be drawn in the window.
 */
export function gridSpec(site: SiteData, ind: Indicator): ChartSpec | null {
  if (!ind.levels.includes('employment_area')) return null;
  const end = mapPeriod(site, ind.id, 'employment_area');
  if (!end) return null;
  const all = [...new Set(te24Areas(site).flatMap((a) => (seriesOf(site, ind.id, a.code)?.points ?? []).map((p) => p.period)))].filter((p) => p <= end).sort();
  const periods = defaultWindow(periodRange(all[0] ?? end, end));
  const drawn = te24Areas(site).filter((a) => periods.filter((p) => valued(at(seriesOf(site, ind.id, a.code), p))).length >= 2).length;
  if (drawn < 30) return null;
  return { slug: `grid-${ind.id}`, indicator: ind.id, areas: allAreas(site), periods };
}

/**
 * The seasonal view of an area's key indicator: the months of the latest year with a value and of
 * up to five earlier years with values; none for annual series or fewer than two such years.
 */
export function seasonalSpec(site: SiteData, area: Area): ChartSpec | null {
  // A site without a key indicator (a test's small site) has no seasonal view.
  const ind = site.indicators.find((i) => i.show.key);
  if (!ind) return null;
  const points = (seriesOf(site, ind.id, area.code)?.points ?? []).filter((p) => p.period.length === 7 && valued(p));
  const years = [...new Set(points.map((p) => p.period.slice(0, 4)))].sort().slice(-6);
  if (years.length < 2) return null;
  const periods = years.flatMap((y) => periodRange(`${y}-01`, `${y}-12`));
  return { slug: `seasonal-${area.code.toLowerCase()}-${ind.id}`, indicator: ind.id, areas: [{ code: area.code, role: 'area' }], periods };
}

/**
 * The change chart of a rate: each TE24 area's value a year earlier and now, at the latest period
 * in which at least 30 areas have a change from a year earlier.
 */
export function changeSpec(site: SiteData, ind: Indicator): ChartSpec | null {
  if (!ind.levels.includes('employment_area') || !isRate(ind.unit)) return null;
  const period = latestComparablePeriod(site, ind.id, 30);
  if (!period) return null;
  return { slug: `change-${ind.id}`, indicator: ind.id, areas: allAreas(site), periods: [yearEarlier(period), period] };
}

/**
 * The scatter of a ranked rate against another: its first related ranked rate with area values,
 * else the key indicator; at the latest period in which at least 30 TE24 areas have both.
 */
export function scatterSpec(site: SiteData, ind: Indicator): ChartSpec | null {
  if (!ind.rank || !ind.levels.includes('employment_area')) return null;
  const ranked = (id: string) => {
    const i = site.indicatorById.get(id);
    return i !== undefined && i.id !== ind.id && i.rank && i.levels.includes('employment_area');
  };
  const key = site.indicators.find((i) => i.show.key)?.id;
  const pair = ind.related.find(ranked) ?? (key !== undefined && ranked(key) ? key : undefined);
  if (!pair) return null;
  const counts = new Map<string, number>();
  for (const a of te24Areas(site)) {
    for (const p of seriesOf(site, ind.id, a.code)?.points ?? []) {
      if (valued(p) && valued(at(seriesOf(site, pair, a.code), p.period))) counts.set(p.period, (counts.get(p.period) ?? 0) + 1);
    }
  }
  const period = [...counts].filter(([, n]) => n >= 30).map(([p]) => p).sort().at(-1);
  if (!period) return null;
  return { slug: `scatter-${ind.id}`, indicator: ind.id, pair, areas: allAreas(site), periods: [period] };
}

/** The distribution of a ranked rate across the TE24 areas at the latest period in which most have a value. */
export function distributionSpec(site: SiteData, ind: Indicator): ChartSpec | null {
  if (!ind.rank || !ind.levels.includes('employment_area')) return null;
  const period = mapPeriod(site, ind.id, 'employment_area');
  if (!period) return null;
  return { slug: `distribution-${ind.id}`, indicator: ind.id, areas: allAreas(site), periods: [period] };
}

/** Whether a point's value is only a bound of the true one (drawn apart, never ranked). */
export function boundPoint(p: Point | undefined): boolean {
  return p !== undefined && isBound(statusCode(p.status));
}

/**
 * The sources of a chart's indicators for its source line, each name once; where tables share a
 * name their ids follow it ("Työnvälitystilasto (12r5, 12tf)", not the name twice).
 */
export function chartSources(site: SiteData, ids: readonly string[], nameOf: (name: { fi: string; sv?: string; en?: string }) => string): string {
  const byName = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const s = site.sourceById.get(id)!;
    const name = nameOf(s.name);
    byName.set(name, [...(byName.get(name) ?? []), s.table_id]);
  }
  return [...byName].map(([name, tables]) => (tables.length > 1 ? `${name} (${tables.join(', ')})` : name)).join('; ');
}
