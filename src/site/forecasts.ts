/**
 * Forecasts as the site reads them (data/derived/forecasts.json, written by derive from the
 * sources of kind `forecast`): never part of the observed series.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { derivedDir } from './site.ts';

export interface ForecastSeries {
  /** `SSS` or a forecast area (e.g. `ELY04`). */
  area: string;
  /** The forecast area's names (null for the whole country). */
  name: { fi: string; sv: string; en: string } | null;
  /** Regions the forecast area covers. */
  regions: string[];
  /** The forecast quantity's content code (e.g. `tyottomat_tyonhakijat`). */
  code: string;
  /** Period (a year) → value. */
  values: Record<string, number>;
}

interface Forecast {
  source: string;
  series: ForecastSeries[];
}

let cached: Forecast[] | undefined;

/** Every forecast, read once per build. */
function siteForecasts(): Forecast[] {
  const path = join(derivedDir(), 'forecasts.json');
  cached ??= existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Forecast[]) : [];
  return cached;
}

/** The forecast series that cover an area: the whole country's for `SSS`, a forecast area's for each region it covers. */
export function forecastsFor(code: string): { source: string; series: ForecastSeries[] }[] {
  return siteForecasts()
    .map((f) => ({ source: f.source, series: f.series.filter((s) => (code === 'SSS' ? s.area === 'SSS' : s.regions.includes(code))) }))
    .filter((f) => f.series.length > 0);
}
