/**
 * Writes every download of the site into its own folder (default data/downloads/, copied into
 * dist/data/ by scripts/build-site.ts) from the derived data alone: per area a tidy CSV, per
 * indicator a zipped tidy CSV (<id>.csv.zip), each with a wide Excel workbook (data, status and
 * notes sheets) and JSON-stat 2.0; the comparisons of each indicator (a zipped CSV); the CSV and
 * workbook of every chart; every ranking table a page shows, in the page's language (CSV and
 * workbook); the whole dataset in tilannekuva.zip (observations split by indicator, areas,
 * indicators, sources); postal codes; the change-meter format (schemas, template) and its
 * published files; the Frictionless Data Package that lists them all, and its table schemas. No
 * file grows past a static host's 25 MiB limit. Runs beside the Astro build (two cores) on the
 * snapshot, after it at full size (scripts/build-site.ts), reading the same derived data.
 *
 * Usage: node scripts/build-downloads.ts [--out <folder>]
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8 } from 'fflate';
import { useZipper } from '../src/lib/xlsx.ts';
import { zipFiles, zipWriter } from './lib/zip.ts';
import { observationsParquet } from './lib/parquet.ts';
import { changeMeterDir, siteChangeMeter } from '../src/site/change-meter-site.ts';
import { chartCsv } from '../src/site/charts.ts';
import { allChartSpecs, archiveReadme, dataPackage, DataPackage } from '../src/site/datapackage.ts';
import { COMPARISON_TABLE_SCHEMA } from '../src/lib/comparisons.ts';
import { OBSERVATION_TABLE_SCHEMA } from '../src/lib/observation.ts';
import { areaRows, indicatorRows, jsonStatOf, notesOf, retrievedAt, chartNotesOf } from '../src/site/downloads.ts';
import { xlsxOf } from '../src/lib/wide-xlsx.ts';
import { moversTables, municipalityTable, rankingTable, tableCsv, tableXlsx, type ShownTable } from '../src/site/tables.ts';
import { LANGS, type Lang } from '../src/i18n/index.ts';
import { decimalsOf, derivedDir, loadSite } from '../src/site/site.ts';
import { observationsCsv } from '../src/lib/observation.ts';
import { ROOT, option, runMain } from './lib/args.ts';

/**
 * Splits comparisons.csv by indicator (its first column): calls `each` with the indicator and
 * its part (the header first). Derive writes the rows grouped by indicator; rows of an indicator
 * that come back after another's are an error rather than a silently split file.
 */
function splitByIndicator(csv: Buffer, each: (indicator: string, part: Buffer) => void): void {
  const headerEnd = csv.indexOf(10) + 1;
  const header = csv.subarray(0, headerEnd);
  const seen = new Set<string>();
  let start = headerEnd;
  let current = '';
  let pos = headerEnd;
  const flush = (end: number) => {
    if (current && end > start) each(current, Buffer.concat([header, csv.subarray(start, end)]));
  };
  while (pos < csv.length) {
    const comma = csv.indexOf(44, pos);
    const id = csv.toString('utf8', pos, comma);
    if (id !== current) {
      flush(pos);
      if (seen.has(id)) throw new Error(`comparisons.csv: the rows of ${id} are not together (again at byte ${pos})`);
      seen.add(id);
      current = id;
      start = pos;
    }
    const nl = csv.indexOf(10, comma);
    pos = nl < 0 ? csv.length : nl + 1;
  }
  flush(csv.length);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  // Workbooks zipped by Node's zlib: on the snapshot this stage took 24.4 s with fflate's deflate, 14.7 s with zlib.
  useZipper(zipFiles);
  const out = resolve(ROOT, option('out', 'data/downloads'));
  rmSync(out, { recursive: true, force: true });
  for (const d of ['indicators', 'comparisons', 'areas', 'charts', 'notes', 'schemas', ...LANGS.map((l) => `tables/${l}`)]) mkdirSync(join(out, d), { recursive: true });
  const site = loadSite();
  const write = (path: string, data: string | Uint8Array) => writeFileSync(join(out, path), data);
  const decimals = decimalsOf(site);
  const dir = derivedDir();
  const mtime = new Date(site.rawWrittenAt);
  /**
   * A CSV zipped on its own (`<name>.csv.zip` holding `<name>.csv`): the bulk files (every area
   * and period of an indicator, and its comparisons) are published so, about a tenth of the size.
   * A zip opens with a double-click on Windows and macOS, and R and Python read it directly; a
   * .gz file would be unpacked in transit by some servers (astro preview among them).
   */
  const zipped = (name: string, csv: Uint8Array) => {
    const z = zipWriter(mtime);
    z.add(name, csv);
    return z.end();
  };
  const all = zipWriter(mtime);
  all.add('tilannekuva/README.txt', strToU8(archiveReadme(site)));
  all.add('tilannekuva/areas.json', new Uint8Array(readFileSync(join(dir, 'areas.json'))));
  all.add('tilannekuva/indicators.json', strToU8(JSON.stringify(site.indicators, null, 1)));
  all.add('tilannekuva/sources.json', strToU8(JSON.stringify(site.sources, null, 1)));

  for (const ind of site.indicators) {
    const rows = indicatorRows(site, ind);
    const csv = strToU8(observationsCsv(rows, decimals));
    write(`indicators/${ind.id}.csv.zip`, zipped(`${ind.id}.csv`, csv));
    all.add(`tilannekuva/observations/${ind.id}.csv`, csv);
    write(`indicators/${ind.id}.xlsx`, xlsxOf(rows, decimals, notesOf(site, { kind: 'indicator', ind }), 'area×period', new Date(retrievedAt(site, ind.sources))));
    write(`indicators/${ind.id}.json`, JSON.stringify(jsonStatOf(site, rows, 'area', `${ind.name.fi} (${ind.id})`, ind.sources)));
    write(`indicators/${ind.id}.parquet`, observationsParquet(rows, decimals, 'Tilannekuva (hyparquet-writer)'));
  }
  for (const a of site.areas) {
    const code = a.code.toLowerCase();
    const rows = areaRows(site, a.code);
    const sources = [...new Set(site.indicators.filter((i) => site.series.get(i.id)?.has(a.code)).flatMap((i) => i.sources))];
    write(`areas/${code}.csv`, observationsCsv(rows, decimals));
    write(`areas/${code}.xlsx`, xlsxOf(rows, decimals, notesOf(site, { kind: 'area', code: a.code }), 'period×indicator', new Date(retrievedAt(site, sources))));
    write(`areas/${code}.json`, JSON.stringify(jsonStatOf(site, rows, 'indicator', `${a.name.fi} (${a.code})`, sources)));
  }
  write('tilannekuva.zip', all.end());
  // A chart's CSV; its workbook is written in the browser from that CSV and its indicator's notes
  // (src/client/chart-workbook.ts), with the same code the build uses for the other workbooks.
  for (const spec of allChartSpecs(site)) write(`charts/${spec.slug}.csv`, chartCsv(site, spec));
  for (const ind of site.indicators) write(`notes/${ind.id}.json`, JSON.stringify(chartNotesOf(site, ind)));
  // The tables pages show (rankings, largest changes), in each page language.
  const writeTable = (lang: Lang, table: ShownTable, created: Date) => {
    write(`tables/${lang}/${table.name}.csv`, tableCsv(table));
    write(`tables/${lang}/${table.name}.xlsx`, tableXlsx(table, lang, created));
  };
  for (const lang of LANGS) {
    for (const ind of site.indicators) {
      for (const table of [rankingTable(site, ind, lang), municipalityTable(site, ind, lang)]) if (table) writeTable(lang, table, new Date(retrievedAt(site, ind.sources)));
    }
    const movers = moversTables(site, lang);
    for (const table of [movers.rises, movers.falls]) writeTable(lang, table, new Date(retrievedAt(site, movers.ind.sources)));
  }

  // Comparisons split by indicator, each zipped.
  const comparisonIds = new Set<string>();
  splitByIndicator(readFileSync(join(dir, 'comparisons.csv')), (id, part) => {
    comparisonIds.add(id);
    write(`comparisons/${id}.csv.zip`, zipped(`${id}.csv`, new Uint8Array(part)));
  });
  write('postcodes.json', readFileSync(join(dir, 'postcodes.json')));
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
  const pkg = dataPackage(site, changeMeter.files, comparisonIds);
  DataPackage.parse(pkg);
  // The size of every file (Frictionless `bytes`), for readers and the catalogue page.
  for (const r of pkg.resources as { path: string; bytes?: number }[]) r.bytes = statSync(join(out, r.path)).size;
  write('datapackage.json', JSON.stringify(pkg, null, 1));
  console.error(`downloads: ${pkg.resources.length} files listed in datapackage.json → ${out.slice(ROOT.length + 1)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

runMain(main);
