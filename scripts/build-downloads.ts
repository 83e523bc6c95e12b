/**
 * Writes every download of the site into its own folder (default data/downloads/, copied into
 * dist/data/ by scripts/build-site.ts) from the derived data alone: per indicator and per area a tidy CSV, an Excel workbook
 * with a notes sheet and JSON-stat 2.0; the CSV of every chart; the whole dataset as one archive;
 * postal codes; the change-meter format (schemas, template) and its published files; the
 * Frictionless Data Package that lists them all, and its table schemas.
 * Runs beside the Astro build (two cores), reading the same derived data.
 *
 * Usage: node scripts/build-downloads.ts [--out <folder>]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { changeMeterDir, siteChangeMeter } from '../src/data/change-meter-site.ts';
import { chartCsv } from '../src/data/charts.ts';
import { allChartSpecs, archiveReadme, dataPackage, DataPackage } from '../src/data/datapackage.ts';
import { COMPARISON_TABLE_SCHEMA } from '../src/lib/comparisons.ts';
import { OBSERVATION_TABLE_SCHEMA } from '../src/lib/observation.ts';
import { areaRows, indicatorRows, jsonStatOf, notesOf, retrievedAt, xlsxOf } from '../src/data/downloads.ts';
import { decimalsOf, derivedDir, loadSite } from '../src/data/site.ts';
import { observationsCsv } from '../src/lib/observation.ts';
import { ROOT, option, runMain } from './lib/args.ts';

async function main(): Promise<void> {
  const t0 = performance.now();
  const out = resolve(ROOT, option('out', 'data/downloads'));
  rmSync(out, { recursive: true, force: true });
  for (const d of ['indicators', 'areas', 'charts', 'schemas']) mkdirSync(join(out, d), { recursive: true });
  const site = loadSite();
  const write = (path: string, data: string | Uint8Array) => writeFileSync(join(out, path), data);
  const decimals = decimalsOf(site);

  for (const ind of site.indicators) {
    const rows = indicatorRows(site, ind);
    write(`indicators/${ind.id}.csv`, observationsCsv(rows, decimals));
    write(`indicators/${ind.id}.xlsx`, await xlsxOf(rows, decimals, notesOf(site, { kind: 'indicator', ind }), new Date(retrievedAt(site, ind.sources))));
    write(`indicators/${ind.id}.json`, JSON.stringify(jsonStatOf(site, rows, 'area', `${ind.name.fi} (${ind.id})`, ind.sources)));
  }
  for (const a of site.areas) {
    const code = a.code.toLowerCase();
    const rows = areaRows(site, a.code);
    const sources = [...new Set(site.indicators.filter((i) => site.series.get(i.id)?.has(a.code)).flatMap((i) => i.sources))];
    write(`areas/${code}.csv`, observationsCsv(rows, decimals));
    write(`areas/${code}.xlsx`, await xlsxOf(rows, decimals, notesOf(site, { kind: 'area', code: a.code }), new Date(retrievedAt(site, sources))));
    write(`areas/${code}.json`, JSON.stringify(jsonStatOf(site, rows, 'indicator', `${a.name.fi} (${a.code})`, sources)));
  }
  for (const spec of allChartSpecs(site)) write(`charts/${spec.slug}.csv`, chartCsv(site, spec));

  const dir = derivedDir();
  const observations = readFileSync(join(dir, 'observations.csv'));
  const comparisons = readFileSync(join(dir, 'comparisons.csv'));
  write('observations.csv', observations);
  write('comparisons.csv', comparisons);
  write('postcodes.json', readFileSync(join(dir, 'postcodes.json')));
  write(
    'tilannekuva.zip',
    zipSync(
      {
        'tilannekuva/README.txt': strToU8(archiveReadme(site)),
        'tilannekuva/observations.csv': new Uint8Array(observations),
        'tilannekuva/comparisons.csv': new Uint8Array(comparisons),
        'tilannekuva/areas.json': new Uint8Array(readFileSync(join(dir, 'areas.json'))),
        'tilannekuva/indicators.json': strToU8(JSON.stringify(site.indicators, null, 1)),
        'tilannekuva/sources.json': strToU8(JSON.stringify(site.sources, null, 1)),
      },
      { level: 4, mtime: new Date(site.rawWrittenAt) },
    ),
  );
  // The change-meter data contract (format, schemas, template) and whatever is published.
  const cm = join(ROOT, 'data', 'change-meter');
  mkdirSync(join(out, 'change-meter', 'published'), { recursive: true });
  for (const f of ['schema.json', 'row.schema.json', 'published.schema.json', 'template.csv']) write(`change-meter/${f}`, readFileSync(join(cm, f)));
  const changeMeter = siteChangeMeter();
  const publishedDir = changeMeterDir();
  for (const f of changeMeter.files) write(`change-meter/published/${f.file}`, readFileSync(join(publishedDir, f.file)));
  if (changeMeter.files.length) write('change-meter/published/manifest.json', readFileSync(join(publishedDir, 'manifest.json')));
  write('schemas/tidy.json', JSON.stringify(OBSERVATION_TABLE_SCHEMA, null, 1));
  write('schemas/comparisons.json', JSON.stringify(COMPARISON_TABLE_SCHEMA, null, 1));
  const pkg = dataPackage(site, changeMeter.files);
  DataPackage.parse(pkg);
  write('datapackage.json', JSON.stringify(pkg, null, 1));
  console.error(`downloads: ${pkg.resources.length} files listed in datapackage.json → ${out.slice(ROOT.length + 1)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

runMain(main);
