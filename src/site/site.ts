/**
 * What the site reads: the derived data in data/derived/ (written by `npm run data:derive`),
 * loaded once per build and indexed for pages. Pages show exactly the numbers of the public
 * CSV files, so this module parses those files rather than any private form; the build's second
 * process may read back the first one's parse of the same files (src/site/load-cache.ts).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { forEachCsvRecord, type ColumnIndex } from '../lib/csv.ts';
import { InputError } from '../lib/errors.ts';
import type { Area } from '../lib/derive/areas.ts';
import type { BacktestResult } from '../lib/derive/estimate.ts';
import { COMPARISON_COLUMNS, type ComparisonColumn } from '../lib/comparisons.ts';
import { PointStore } from './point-store.ts';
import { claimParse, loadKey, readLoadCache, releaseParse, waitForParse, writeLoadCache, type StoredSeries } from './load-cache.ts';
import { OBSERVATION_COLUMNS, observationRecord, parseObservation, type Observation, type ObservationColumn } from '../lib/observation.ts';
import type { ComparisonStatus, StatusName } from '../lib/status.ts';
import type { Break, Indicator } from '../schema/indicator.ts';
import type { Source } from '../schema/source.ts';

/** One observation of an indicator in an area, with its comparisons. */
export interface Point {
  period: string;
  value: number | null;
  status: StatusName;
  /** Comparability breaks that start at this period. */
  breaks: string[];
  yoy: number | null;
  yoyPct: number | null;
  yoyCrossesBreak: boolean | null;
  yoyStatus: ComparisonStatus | null;
  /** Change from three months earlier (not seasonally adjusted). */
  m3: number | null;
  m3Pct: number | null;
  m3CrossesBreak: boolean | null;
  m3Status: ComparisonStatus | null;
  avg12: number | null;
  avg12From: string | null;
  rank: number | null;
  rankOf: number | null;
  diffToCountry: number | null;
  diffStatus: ComparisonStatus | null;
  /** The latest earlier period with a value at least as high / as low (null: none earlier was). */
  lastAsHigh: string | null;
  lastAsLow: string | null;
}

/** The series of one indicator in one area, periods ascending with gaps as `missing` points. */
export interface SeriesData {
  indicator: string;
  area: string;
  points: Point[];
}

export interface SnapshotPart {
  file: string;
  source: string;
  part: string;
  format: string;
  description: string;
  origin: { kind: 'api'; url: string } | { kind: 'file'; path: string; provenance: string };
  retrieved_at: string;
  source_updated: string | null;
  source_text: { fi: string; sv?: string; en?: string } | null;
  cells: number;
}

interface Coverage {
  first: string | null;
  last: string | null;
  periods: number;
  areas: number;
  values: number;
}

/** The derived data without the series: the catalogue, areas and snapshot parts (small files). */
export interface SiteCatalogue {
  areas: Area[];
  areaByCode: Map<string, Area>;
  indicators: Indicator[];
  indicatorById: Map<string, Indicator>;
  sources: Source[];
  sourceById: Map<string, Source>;
  breaks: Break[];
  parts: SnapshotPart[];
  rawWrittenAt: string;
  coverage: Record<string, Coverage>;
  /** Per indicator with estimates: the published bound, the years with weights, and the backtest (derive). */
  estimates: Record<string, { bound: number; weight_years: number[]; backtest: BacktestResult }>;
}

export interface SiteData extends SiteCatalogue {
  /** indicator → area → series. */
  series: Map<string, Map<string, SeriesData>>;
}

let cached: SiteData | undefined;

/** The derived data folder (override with TILANNEKUVA_DERIVED for tests). */
export function derivedDir(): string {
  return process.env.TILANNEKUVA_DERIVED ?? join(process.cwd(), 'data', 'derived');
}

const num = (s: string) => (s === '' ? null : Number(s));
const flag = (s: string) => (s === '' ? null : s === 'true');

/**
 * A file's bytes a megabyte at a time, read into one buffer that each piece reuses (the reader
 * decodes a piece before it asks for the next), so that a file of hundreds of megabytes is never
 * held whole.
 */
export function* filePieces(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads the catalogue, areas and snapshot parts of the derived data (not the series). */
export function loadCatalogue(): SiteCatalogue {
  const dir = derivedDir();
  if (!existsSync(join(dir, 'observations.csv'))) {
    throw new Error(`${dir}/observations.csv is missing: run npm run data (validate + derive) before building the site`);
  }
  const catalogue = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8'));
  const areas: Area[] = JSON.parse(readFileSync(join(dir, 'areas.json'), 'utf8'));
  const indicators: Indicator[] = catalogue.indicators;
  const sources: Source[] = catalogue.sources;
  return {
    areas,
    areaByCode: new Map(areas.map((a) => [a.code, a])),
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.id, i])),
    sources,
    sourceById: new Map(sources.map((s) => [s.id, s])),
    breaks: catalogue.breaks,
    parts: catalogue.snapshot.parts,
    rawWrittenAt: catalogue.snapshot.raw_written_at,
    coverage: catalogue.coverage,
    estimates: catalogue.estimates ?? {},
  };
}

/** Loads and indexes the derived data once per process. */
export function loadSite(): SiteData {
  if (cached) return cached;
  const catalogue = loadCatalogue();
  cached = { ...catalogue, series: readSeries(derivedDir(), catalogue, process.env.TILANNEKUVA_LOAD_CACHE) };
  return cached;
}

/**
 * The series of the derived files in `dir`, indicator → area → series. With `cacheDir` (a folder
 * of this build, src/site/load-cache.ts): read back from there if the build's other process has
 * parsed the same files, or waited for while it parses them; else parsed and saved there.
 */
export function readSeries(dir: string, catalogue: SiteCatalogue, cacheDir?: string): Map<string, Map<string, SeriesData>> {
  if (!cacheDir) return parseSeries(dir, catalogue).series;
  const file = join(cacheDir, 'series.bin');
  const key = loadKey(dir);
  let saved = readLoadCache(file, key);
  const claim = saved ? 'none' : claimParse(cacheDir);
  if (claim === 'other') {
    const waited = waitForParse(cacheDir);
    saved = readLoadCache(file, key);
    console.error(`loadSite: waited ${waited.toFixed(1)} s for the build's other process to parse the derived files${saved ? '' : '; it saved no parse, so this one parses them'}`);
  }
  if (saved) return seriesOfStore(saved, catalogue);
  try {
    const { series, store } = parseSeries(dir, catalogue);
    const list: [string, string][] = [];
    const seriesOf = new Uint32Array(store.length);
    for (const byArea of series.values()) {
      for (const s of byArea.values()) {
        const k = list.push([s.indicator, s.area]) - 1;
        for (const p of s.points) seriesOf[store.indexOf(p)] = k;
      }
    }
    // Saving only spares the other process a parse: if it fails (a full disk), the build goes on.
    try {
      writeLoadCache(file, key, { store, series: list, seriesOf });
    } catch (err) {
      console.error(`loadSite: the parse was not saved for the build's other process (${(err as Error).message})`);
    }
    return series;
  } finally {
    if (claim === 'mine') releaseParse(cacheDir);
  }
}

/** The series of saved points, in the order they were saved (the same maps as the parse made). */
function seriesOfStore(saved: StoredSeries, catalogue: SiteCatalogue): Map<string, Map<string, SeriesData>> {
  const list: SeriesData[] = saved.series.map(([indicator, area]) => ({ indicator: catalogue.indicatorById.get(indicator)?.id ?? indicator, area, points: [] }));
  for (let at = 0; at < saved.store.length; at++) list[saved.seriesOf[at]!]!.points.push(saved.store.point(at));
  const series = new Map<string, Map<string, SeriesData>>();
  for (const s of list) {
    let byArea = series.get(s.indicator);
    if (!byArea) series.set(s.indicator, (byArea = new Map()));
    byArea.set(s.area, s);
  }
  return series;
}

/** Parses observations.csv and comparisons.csv of `dir` into series of a {@link PointStore}. */
function parseSeries(dir: string, catalogue: SiteCatalogue): { series: Map<string, Map<string, SeriesData>>; store: PointStore } {
  const series = new Map<string, Map<string, SeriesData>>();
  // Both files are read row by row, a megabyte at a time (at full size they hold millions of
  // rows and hundreds of megabytes); the points are kept in typed columns (PointStore).
  const observationsFile = 'data/derived/observations.csv';
  // A row of observations.csv has at least 31 bytes (SSS, a name, a level, an id, a year, a unit,
  // a status and eight commas), which bounds the number of points.
  const store = new PointStore(Math.ceil(statSync(join(dir, 'observations.csv')).size / 31));
  const indicatorIds = new Map<string, string>(catalogue.indicators.map((i) => [i.id, i.id]));
  const unknownIndicator = (id: string, line: number): never => {
    throw new InputError({ file: observationsFile, row: line, field: 'indicator' }, `"${id}" is not in catalogue.json`);
  };
  forEachCsvRecord(filePieces(join(dir, 'observations.csv')), { file: observationsFile, columns: OBSERVATION_COLUMNS }, (f, line, index) => {
    const r = parseObservation(observationRecord(f, index as ColumnIndex<ObservationColumn>), { file: observationsFile, row: line });
    let byArea = series.get(r.indicator);
    if (!byArea) series.set(r.indicator, (byArea = new Map()));
    let s = byArea.get(r.area_code);
    // The catalogue's own id, not the row's: a text of 13 characters or more cut from a piece of
    // the file keeps that whole piece alive (a V8 sliced string), which held some 400 MB at full size.
    if (!s) byArea.set(r.area_code, (s = { indicator: indicatorIds.get(r.indicator) ?? unknownIndicator(r.indicator, line), area: r.area_code, points: [] }));
    s.points.push(store.add(r.period, r.value, r.status, r.break));
  });
  store.endPoints();
  // Both files are sorted by indicator, area and period; walk them together.
  let current: SeriesData | undefined;
  let k = 0;
  forEachCsvRecord(filePieces(join(dir, 'comparisons.csv')), { file: 'data/derived/comparisons.csv', columns: COMPARISON_COLUMNS }, (f, _line, index) => {
    // Named loads (at.yoy_change), not at[name]: one column index object, read 16 times a row.
    const at = index as ColumnIndex<ComparisonColumn>;
    const indicator = f[at.indicator]!;
    const area = f[at.area_code]!;
    const period = f[at.period]!;
    if (!current || current.indicator !== indicator || current.area !== area) {
      current = series.get(indicator)?.get(area);
      k = 0;
      if (!current) throw new Error(`comparisons.csv has ${indicator} ${area} but observations.csv does not`);
    }
    while (k < current.points.length && current.points[k]!.period !== period) k++;
    const p = current.points[k];
    if (!p) throw new Error(`comparisons.csv has ${indicator} ${area} ${period} but observations.csv does not`);
    store.setComparisons(p, {
      yoy: num(f[at.yoy_change]!),
      yoyPct: num(f[at.yoy_change_pct]!),
      yoyCrossesBreak: flag(f[at.yoy_crosses_break]!),
      yoyStatus: (f[at.yoy_status]! || null) as ComparisonStatus | null,
      m3: num(f[at.change_3m]!),
      m3Pct: num(f[at.change_3m_pct]!),
      m3CrossesBreak: flag(f[at.change_3m_crosses_break]!),
      m3Status: (f[at.change_3m_status]! || null) as ComparisonStatus | null,
      avg12: num(f[at.avg_12m]!),
      avg12From: f[at.avg_12m_from]! || null,
      rank: num(f[at.rank]!),
      rankOf: num(f[at.rank_of]!),
      diffToCountry: num(f[at.diff_to_country]!),
      diffStatus: (f[at.diff_to_country_status]! || null) as ComparisonStatus | null,
      lastAsHigh: f[at.last_as_high]! || null,
      lastAsLow: f[at.last_as_low]! || null,
    });
  });
  return { series, store };
}

/** A point of an indicator's series in an area as a tidy observation (area names in Finnish, as the format has them). */
export function observationOf(site: SiteData, ind: Indicator, areaCode: string, p: Point): Observation {
  const area = site.areaByCode.get(areaCode)!;
  return { area_code: areaCode, area_name: area.name.fi, area_level: area.level, indicator: ind.id, period: p.period, value: p.value, unit: ind.unit, status: p.status, break: p.breaks };
}

/** The decimals of each indicator, as the download writers ask for them. */
export function decimalsOf(site: SiteCatalogue): (indicator: string) => number {
  return (id) => site.indicatorById.get(id)!.decimals;
}

/** The series of an indicator in an area, or undefined. */
export function seriesOf(site: SiteData, indicator: string, area: string): SeriesData | undefined {
  return site.series.get(indicator)?.get(area);
}

/** The last point with a value (ok or lower bound). */
export function latestPoint(s: SeriesData | undefined): Point | undefined {
  if (!s) return undefined;
  for (let i = s.points.length - 1; i >= 0; i--) {
    const p = s.points[i]!;
    if (p.value !== null) return p;
  }
  return undefined;
}

/** Snapshot parts of a source's raw files (for data age and provenance notes). */
export function partsOf(site: SiteCatalogue, sourceIds: readonly string[]): SnapshotPart[] {
  return site.parts.filter((p) => sourceIds.includes(p.source) && p.format === 'json-stat2');
}
