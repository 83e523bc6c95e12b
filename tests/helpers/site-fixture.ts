/**
 * A tiny, hand-made SiteData for the unit tests of the site's loaders (src/site/): areas with only
 * the fields that matter, indicators validated by the real schema (so `show:` defaults apply),
 * one source, and series written as `period → value` lists. Nothing here is real data; the
 * tests that use it write every expected value by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Area } from '../../src/lib/derive/areas.ts';
import { COMPARISON_COLUMNS } from '../../src/lib/comparisons.ts';
import { OBSERVATION_COLUMNS } from '../../src/lib/observation.ts';
import type { PointComparisons } from '../../src/site/point-store.ts';
import type { Point, SeriesData, SiteData, SnapshotPart } from '../../src/site/site.ts';
import { IndicatorFile, type Indicator } from '../../src/schema/indicator.ts';
import type { Source } from '../../src/schema/source.ts';

/** A point's comparison fields when the test does not set them. */
export const NO_COMPARISONS: PointComparisons = {
  yoy: null,
  yoyPct: null,
  yoyCrossesBreak: null,
  yoyStatus: null,
  m3: null,
  m3Pct: null,
  m3CrossesBreak: null,
  m3Status: null,
  avg12: null,
  avg12From: null,
  rank: null,
  rankOf: null,
  diffToCountry: null,
  diffStatus: null,
  lastAsHigh: null,
  lastAsLow: null,
};

const T = (text: string) => ({ fi: `${text} fi`, sv: `${text} sv`, en: `${text} en` });

/** An area with empty attributes; `name.fi` is the code's Finnish name unless given. */
export function area(code: string, level: Area['level'], fields: Partial<Area> = {}): Area {
  return {
    code,
    level,
    name: { fi: `${code} fi`, sv: `${code} sv`, en: `${code} en` },
    te24: level === 'employment_area' ? true : null,
    employment_area: null,
    region: null,
    members: [],
    regions: [],
    language: null,
    urban_rural: null,
    attributes: {
      population: null,
      population_year: null,
      labour_force: null,
      labour_force_period: null,
      urban: null,
      semi_urban: null,
      rural: null,
      bilingual_or_swedish: null,
      main_region: null,
    },
    peers: [],
    ...fields,
  };
}

/** An indicator with placeholder texts, parsed by the real schema (defaults apply). Source `src`. */
export function siteIndicator(fields: { id: string; unit?: Indicator['unit']; decimals?: number; [key: string]: unknown }): Indicator {
  const unit = fields.unit ?? 'percent';
  const parsed = IndicatorFile.parse({
    theme: 'unemployment',
    name: T(fields.id),
    short_name: T(fields.id),
    definition: T('definition'),
    formula_text: T('formula'),
    unit,
    decimals: unit === 'percent' || unit === 'ratio' ? 1 : 0,
    polarity: 'lower-is-better',
    sources: ['src'],
    formula: unit === 'percent' ? { type: 'ratio', numerator: ['N'], denominator: ['D'], scale: 100 } : { type: 'count', codes: ['N'] },
    frequency: 'monthly',
    levels: ['country', 'employment_area', 'region', 'municipality'],
    rank: unit === 'percent',
    ...fields,
  });
  return { ...parsed, caveats: [] };
}

/** A source with placeholder texts; its attribution names `{table}` and `{date}`. */
export function siteSource(id = 'src'): Source {
  return {
    id,
    name: T(`${id} name`),
    producer: T(`${id} producer`),
    table_id: '12r5',
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', verified: false },
    attribution: { fi: 'Lähde {table}, {date}', sv: 'Källa {table}, {date}', en: 'Source {table}, {date}' },
    url: 'https://example.org/source',
    frequency: T('monthly'),
    files: [],
    additive: true,
    non_additive_codes: [],
    signed_codes: [],
    amount_codes: [],
    notes: [],
    kind: 'statistics',
    same_values_as: [],
  };
}

/** A point with a value (`ok`) or without (`missing`), and no comparisons unless given. */
export function point(period: string, value: number | null, fields: Partial<Point> = {}): Point {
  return {
    period,
    value,
    status: value === null ? 'missing' : 'ok',
    breaks: [],
    ...NO_COMPARISONS,
    ...fields,
  };
}

/** Consecutive months from `first` with the given values (null = missing). */
export function months(first: string, values: readonly (number | null)[]): Point[] {
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  return values.map((v) => {
    const p = point(`${y}-${String(m).padStart(2, '0')}`, v);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
    return p;
  });
}

/** What a tiny site is made of: series as indicator → area → points. */
export interface SiteInput {
  areas: Area[];
  indicators: Indicator[];
  sources?: Source[];
  series?: Record<string, Record<string, Point[]>>;
  parts?: SnapshotPart[];
  rawWrittenAt?: string;
}

/** Builds SiteData with its lookup maps from hand-made parts. */
export function tinySite(input: SiteInput): SiteData {
  const sources = input.sources ?? [siteSource()];
  const series = new Map<string, Map<string, SeriesData>>();
  for (const [indicator, byArea] of Object.entries(input.series ?? {})) {
    series.set(indicator, new Map(Object.entries(byArea).map(([code, points]) => [code, { indicator, area: code, points }])));
  }
  return {
    areas: input.areas,
    areaByCode: new Map(input.areas.map((a) => [a.code, a])),
    indicators: input.indicators,
    indicatorById: new Map(input.indicators.map((i) => [i.id, i])),
    sources,
    sourceById: new Map(sources.map((s) => [s.id, s])),
    breaks: [],
    estimates: {},
    parts: input.parts ?? [],
    rawWrittenAt: input.rawWrittenAt ?? '2026-07-21T09:00:00Z',
    coverage: {},
    series,
  };
}

/**
 * A derived folder as `npm run data:derive` writes it, tiny and hand-made: two indicators
 * (count, share), the whole country and one employment area, a break, suppressed, missing,
 * lower-bound and estimated values, and comparison rows for three of the points.
 */
export function writeTinyDerived(dir: string): void {
  const lines = (header: readonly string[], rows: string[]) => `${[header.join(','), ...rows].join('\n')}\n`;
  writeFileSync(
    join(dir, 'observations.csv'),
    lines(OBSERVATION_COLUMNS, [
      'SSS,Koko maa,country,count,2025-12,1200,persons,ok,',
      'SSS,Koko maa,country,count,2026-01,1250,persons,ok,new-register',
      'SSS,Koko maa,country,count,2026-02,,persons,missing,',
      'TA01,"Alue, yksi",employment_area,count,2026-01,,persons,suppressed,',
      'TA01,"Alue, yksi",employment_area,count,2026-02,40,persons,lower_bound,',
      'SSS,Koko maa,country,share,2026-02,9.5,percent,ok,',
      'TA01,"Alue, yksi",employment_area,share,2026-02,11.25,percent,estimate,',
    ]),
  );
  writeFileSync(
    join(dir, 'comparisons.csv'),
    lines(COMPARISON_COLUMNS, [
      'count,SSS,2026-01,50,4.2,true,ok,-10,-0.8,false,ok,1210,ok,2025-02,,,,,2025-12,',
      'share,SSS,2026-02,0.5,,false,ok,,,,,,,,,,0.0,ok,,2025-06',
      'share,TA01,2026-02,-1.25,,false,estimate,0.75,,false,incomplete,,,,3,45,1.75,estimate,2024-11,',
    ]),
  );
  writeFileSync(join(dir, 'areas.json'), JSON.stringify([area('SSS', 'country'), area('TA01', 'employment_area')]));
  writeFileSync(
    join(dir, 'catalogue.json'),
    JSON.stringify({ snapshot: { parts: [], raw_written_at: '2026-03-21T09:00:00Z' }, indicators: [siteIndicator({ id: 'share' }), siteIndicator({ id: 'count', unit: 'persons' })], sources: [siteSource()], breaks: [], coverage: {} }),
  );
}
