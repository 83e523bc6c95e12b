/**
 * Which time-series charts each page draws, and with which areas. The page and the chart's CSV
 * download both read these specs, so a download holds exactly the rows the chart shows.
 */
import type { Area } from '../lib/derive/areas.ts';
import type { Indicator } from '../schema/indicator.ts';
import { observationsCsv } from '../lib/observation.ts';
import { decimalsOf, observationOf, seriesOf, type Point, type SiteData } from './site.ts';
import { at, drawable, latestComparablePeriod, shownIn, te24Areas } from './views.ts';
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

/** Periods shown by a chart: from the first to the last period where any of its areas has a value. */
export function chartPeriods(site: SiteData, spec: ChartSpec): string[] {
  const periods = new Set<string>();
  for (const a of spec.areas) for (const p of seriesOf(site, spec.indicator, a.code)?.points ?? []) periods.add(p.period);
  const sorted = [...periods].sort();
  const withValue = sorted.filter((period) => spec.areas.some((a) => at(seriesOf(site, spec.indicator, a.code), period)?.value != null));
  if (withValue.length === 0) return [];
  return sorted.filter((p) => p >= withValue[0]! && p <= withValue.at(-1)!);
}

/** The chart's rows in the tidy download format: every area of the chart over the chart's periods. */
export function chartCsv(site: SiteData, spec: ChartSpec): string {
  const ind = site.indicatorById.get(spec.indicator)!;
  const periods = new Set(chartPeriods(site, spec));
  const rows = spec.areas.flatMap((a) => (seriesOf(site, spec.indicator, a.code)?.points ?? []).filter((p) => periods.has(p.period)).map((p) => observationOf(site, ind, a.code, p)));
  return observationsCsv(rows, decimalsOf(site));
}
