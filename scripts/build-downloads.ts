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
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { strToU8 } from 'fflate';
import { useZipper } from '../src/lib/xlsx.ts';
import { deflated, zipFiles, zipWriter, type Deflated } from './lib/zip.ts';
import { observationsParquet } from './lib/parquet.ts';
import { changeMeterDir, siteChangeMeter } from '../src/site/change-meter-site.ts';
import { chartCsv } from '../src/site/charts.ts';
import { allChartSpecs, archiveReadme, dataPackage, DataPackage } from '../src/site/datapackage.ts';
import { COMPARISON_TABLE_SCHEMA } from '../src/lib/comparisons.ts';
import { areaRows, indicatorRows, jsonStatOf, notesOf, retrievedAt, chartNotesOf } from '../src/site/downloads.ts';
import { xlsxOf } from '../src/lib/wide-xlsx.ts';
import { moversTables, municipalityTable, rankingTable, tableCsv, tableXlsx, type ShownTable } from '../src/site/tables.ts';
import { LANGS, type Lang } from '../src/i18n/index.ts';
import { decimalsOf, derivedDir, filePieces, loadCatalogue, loadSite } from '../src/site/site.ts';
import { OBSERVATION_COLUMNS, OBSERVATION_TABLE_SCHEMA, observationsCsv } from '../src/lib/observation.ts';
import { CsvSplitter } from '../src/lib/csv.ts';
import { ROOT, option, runMain } from './lib/args.ts';
import { fillPackageBytes } from './lib/package-bytes.ts';

/**
 * Splits a derived CSV, read in pieces, by indicator (`column` is the indicator's position in
 * each row): calls `each` with the indicator and its part (the header first), the bytes as derive
 * wrote them, holding no more than one indicator's rows at a time. Derive writes the rows grouped
 * by indicator, one row a line; rows of an indicator that come back after another's are an error
 * rather than a silently split file.
 */
export function splitByIndicator(pieces: Iterable<Uint8Array>, column: number, file: string, each: (indicator: string, part: Buffer) => void): void {
  let header: Buffer | undefined;
  const seen = new Set<string>();
  let current = '';
  let rows: Buffer[] = [];
  let read = 0;
  const flush = () => {
    if (current && rows.length) each(current, Buffer.concat([header!, ...rows]));
    rows = [];
  };
  const indicatorOf = (line: Buffer, at: number): string => {
    let id: string | undefined;
    if (line.indexOf(34) < 0) {
      // No quotes: the field lies between the column-th comma and the next.
      let from = 0;
      for (let k = 0; k < column && from >= 0; k++) from = line.indexOf(44, from) + 1 || -1;
      const to = from < 0 ? -1 : line.indexOf(44, from);
      if (to >= 0) id = line.toString('utf8', from, to);
    } else id = new CsvSplitter(',', file).push(`${line.toString('utf8')}\n`)[0]?.fields[column];
    if (id === undefined) throw new Error(`${file}: the row at byte ${at} has no column ${column + 1}`);
    return id;
  };
  /** Takes the lines of `buf` from `pos` (the last one ends at `end`); returns where the unfinished line starts. */
  const take = (buf: Buffer, pos: number, last: boolean): number => {
    let from = pos;
    for (;;) {
      let nl = buf.indexOf(10, pos);
      if (nl < 0) {
        if (!last || pos >= buf.length) break;
        nl = buf.length;
      }
      const id = indicatorOf(buf.subarray(pos, nl), read + pos);
      if (id !== current) {
        if (from < pos) rows.push(buf.subarray(from, pos));
        flush();
        if (seen.has(id)) throw new Error(`${file}: the rows of ${id} are not together (again at byte ${read + pos})`);
        seen.add(id);
        current = id;
        from = pos;
      }
      pos = nl + 1;
    }
    const end = Math.min(pos, buf.length);
    if (from < end) rows.push(buf.subarray(from, end));
    return end;
  };
  let carry = Buffer.alloc(0);
  for (const piece of pieces) {
    // A copy: the reader may reuse its buffer, and the rows kept point into this one.
    const buf = Buffer.concat([carry, piece]);
    let pos = 0;
    if (!header) {
      const nl = buf.indexOf(10);
      if (nl < 0) {
        carry = buf;
        continue;
      }
      header = Buffer.from(buf.subarray(0, nl + 1));
      pos = nl + 1;
    }
    const end = take(buf, pos, false);
    read += end;
    carry = buf.subarray(end);
  }
  if (!header) header = Buffer.from(carry);
  else if (carry.length) take(carry, 0, true);
  flush();
}

/**
 * A CSV zipped on its own (`<name>.csv.zip` holding `<name>.csv`): the bulk files (every area
 * and period of an indicator, and its comparisons) are published so, about a tenth of the size.
 * A zip opens with a double-click on Windows and macOS, and R and Python read it directly; a
 * .gz file would be unpacked in transit by some servers (astro preview among them).
 */
function zipped(mtime: Date, name: string, csv: Uint8Array | Deflated): Uint8Array {
  const z = zipWriter(mtime);
  z.add(name, csv);
  return z.end();
}

const FOLDERS = ['indicators', 'comparisons', 'areas', 'charts', 'notes', 'schemas', ...LANGS.map((l) => `tables/${l}`)];

/**
 * The bulk files, cut from the derived CSV files as they are, without loading the series (so
 * that the build can run them beside the pages): per indicator its tidy CSV zipped and its
 * comparisons zipped, and the whole dataset in tilannekuva.zip. (The Parquet files are written
 * from the loaded series, with the workbooks: parsing each indicator's rows here again cost
 * about 4 s at full size.)
 */
export function writeBulk(out: string): void {
  for (const d of FOLDERS) mkdirSync(join(out, d), { recursive: true });
  const catalogue = loadCatalogue();
  const write = (path: string, data: string | Uint8Array) => writeFileSync(join(out, path), data);
  const decimals = decimalsOf(catalogue);
  const dir = derivedDir();
  const mtime = new Date(catalogue.rawWrittenAt);
  // Each indicator's rows of observations.csv are its tidy CSV (the same rows, the same bytes).
  const file = 'data/derived/observations.csv';
  const parts = new Map<string, Deflated>();
  splitByIndicator(filePieces(join(dir, 'observations.csv')), OBSERVATION_COLUMNS.indexOf('indicator'), file, (id, csv) => {
    if (!catalogue.indicatorById.has(id)) throw new Error(`${file}: indicator ${id} is not in catalogue.json`);
    parts.set(id, deflated(csv));
  });
  const all = zipWriter(mtime);
  all.add('tilannekuva/README.txt', strToU8(archiveReadme(catalogue)));
  all.add('tilannekuva/areas.json', new Uint8Array(readFileSync(join(dir, 'areas.json'))));
  all.add('tilannekuva/indicators.json', strToU8(JSON.stringify(catalogue.indicators, null, 1)));
  all.add('tilannekuva/sources.json', strToU8(JSON.stringify(catalogue.sources, null, 1)));
  for (const ind of catalogue.indicators) {
    let csv = parts.get(ind.id);
    if (!csv) {
      // An indicator without observations: its files hold the header alone.
      csv = deflated(strToU8(observationsCsv([], decimals)));
    }
    write(`indicators/${ind.id}.csv.zip`, zipped(mtime, `${ind.id}.csv`, csv));
    all.add(`tilannekuva/observations/${ind.id}.csv`, csv);
  }
  write('tilannekuva.zip', all.end());
  // Comparisons split by indicator, each zipped.
  splitByIndicator(filePieces(join(dir, 'comparisons.csv')), 0, 'data/derived/comparisons.csv', (id, part) => {
    write(`comparisons/${id}.csv.zip`, zipped(mtime, `${id}.csv`, part));
  });
}

/**
 * The files written from the loaded series, after {@link writeBulk} (whose comparison files
 * datapackage.json lists): per indicator and per area the workbook and JSON-stat, per area the
 * tidy CSV, per indicator the Parquet file, the chart and table files, the change-meter files and datapackage.json.
 */
export function writeSiteDownloads(out: string): number {
  // Workbooks zipped by Node's zlib: on the snapshot this stage took 24.4 s with fflate's deflate, 14.7 s with zlib.
  useZipper(zipFiles);
  for (const d of FOLDERS) mkdirSync(join(out, d), { recursive: true });
  const site = loadSite();
  const write = (path: string, data: string | Uint8Array) => writeFileSync(join(out, path), data);
  const decimals = decimalsOf(site);
  const dir = derivedDir();
  for (const ind of site.indicators) {
    const rows = indicatorRows(site, ind);
    write(`indicators/${ind.id}.xlsx`, xlsxOf(rows, decimals, notesOf(site, { kind: 'indicator', ind }), 'area×period', new Date(retrievedAt(site, ind.sources))));
    write(`indicators/${ind.id}.json`, JSON.stringify(jsonStatOf(site, rows, 'area', `${ind.name.fi} (${ind.id})`, ind.sources)));
    // The same rows as the indicator's part of observations.csv, in its order (area, then period).
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

  // The comparison files writeBulk wrote.
  const comparisonIds = new Set(readdirSync(join(out, 'comparisons')).map((f) => f.replace(/\.csv\.zip$/, '')));
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
  write('datapackage.json', JSON.stringify(pkg, null, 1));
  return pkg.resources.length;
}

/**
 * `--part bulk` writes {@link writeBulk}'s files, `--part site` the rest (after bulk; the build
 * runs bulk beside the pages and empties the folder first); without `--part`, the folder is
 * emptied and both are written, and the sizes filled in.
 */
async function main(): Promise<void> {
  const t0 = performance.now();
  const out = resolve(ROOT, option('out', 'data/downloads'));
  const part = option('part');
  if (part !== undefined && part !== 'bulk' && part !== 'site') throw new Error(`--part is "${part}": use bulk or site`);
  if (!part) {
    rmSync(out, { recursive: true, force: true });
    // Loaded first: beside the pages (scripts/build-site.ts) this process starts loading while
    // Vite builds the pages' bundles, and the pages then read its parse rather than parse the
    // same files on the other core (src/site/load-cache.ts).
    loadSite();
  }
  if (part !== 'site') writeBulk(out);
  if (part === 'bulk') {
    console.error(`downloads: bulk files → ${relative(ROOT, out)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  const n = writeSiteDownloads(out);
  if (!part) fillPackageBytes(out);
  console.error(`downloads: ${n} files listed in datapackage.json → ${relative(ROOT, out)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.main) runMain(main);
