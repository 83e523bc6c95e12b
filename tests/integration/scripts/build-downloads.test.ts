/**
 * The download build (scripts/build-downloads.ts, run as a child process) on a tiny hand-made
 * derived folder: datapackage.json lists every file the build writes, every listed file exists,
 * and the tidy Table Schema it writes is the one of src/lib/observation.ts, matching the header
 * of every tidy CSV.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { COMPARISON_COLUMNS } from '../../../src/lib/comparisons.ts';
import { OBSERVATION_COLUMNS, OBSERVATION_TABLE_SCHEMA, observationsCsv, type Observation } from '../../../src/lib/observation.ts';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { chartWorkbook } from '../../../src/client/chart-workbook.ts';
import type { ChartNotes } from '../../../src/lib/wide-xlsx.ts';
import { runScript } from '../../helpers/data-harness.ts';
import { area, siteIndicator, siteSource } from '../../helpers/site-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'build-downloads-'));
const out = join(dir, 'out');
let written: string[] = [];
let pkg: { resources: { path: string; schema?: string }[] };

/** Every file below a folder, as POSIX paths relative to it. */
function filesBelow(root: string): string[] {
  const list: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else list.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(root);
  return list.sort();
}

before(async () => {
  // A derived folder as `npm run data:derive` writes it, for two areas and two indicators.
  const derived = join(dir, 'derived');
  mkdirSync(derived);
  mkdirSync(join(dir, 'published'));
  const share = siteIndicator({ id: 'share', show: { profile_chart: 1, key: true } });
  const count = siteIndicator({ id: 'count', unit: 'persons' });
  const areas = [area('SSS', 'country'), area('TA01', 'employment_area')];
  const obs = (a: (typeof areas)[number], indicator: string, unit: Observation['unit'], period: string, value: number): Observation => ({
    area_code: a.code,
    area_name: a.name.fi,
    area_level: a.level,
    indicator,
    period,
    value,
    unit,
    status: 'ok',
    break: [],
  });
  const rows = [
    obs(areas[1]!, 'count', 'persons', '2026-05', 100),
    obs(areas[1]!, 'count', 'persons', '2026-06', 110),
    obs(areas[0]!, 'share', 'percent', '2026-05', 10),
    obs(areas[0]!, 'share', 'percent', '2026-06', 11),
    obs(areas[1]!, 'share', 'percent', '2026-05', 12),
    obs(areas[1]!, 'share', 'percent', '2026-06', 13),
  ];
  writeFileSync(join(derived, 'observations.csv'), observationsCsv(rows, (id) => (id === 'share' ? 1 : 0)));
  // Two indicators' comparisons, grouped by indicator as derive writes them.
  writeFileSync(
    join(derived, 'comparisons.csv'),
    `${COMPARISON_COLUMNS.join(',')}\n` +
      'count,TA01,2026-06,10,10.0,false,ok,,,,,,,,,,,,,\n' +
      'share,SSS,2026-06,1.0,,false,ok,,,,,,,,,,0.0,ok,,\n' +
      'share,TA01,2026-06,1.0,,false,ok,,,,,,,,,,2.0,ok,,\n',
  );
  writeFileSync(join(derived, 'areas.json'), JSON.stringify(areas));
  writeFileSync(join(derived, 'postcodes.json'), JSON.stringify({ '15110': 'KU398' }));
  writeFileSync(
    join(derived, 'catalogue.json'),
    JSON.stringify({ snapshot: { parts: [], raw_written_at: '2026-07-21T09:00:00Z' }, indicators: [share, count], sources: [siteSource()], breaks: [], coverage: {} }),
  );
  const r = await runScript('scripts/build-downloads.ts', ['--out', out], { TILANNEKUVA_DERIVED: derived, TILANNEKUVA_CHANGE_METER: join(dir, 'published') });
  assert.equal(r.code, 0, r.stderr);
  written = filesBelow(out);
  pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** What the descriptor points at: the resources and the table schemas they name. */
const listed = () => new Set(['datapackage.json', ...pkg.resources.map((r) => r.path), ...pkg.resources.flatMap((r) => (r.schema ? [r.schema] : []))]);

/**
 * The customer-change format files (change-meter/schema.json, row.schema.json,
 * published.schema.json, template.csv), copied from data/change-meter/. datapackage.ts does not
 * list them yet; drop this exception when it does.
 */
const CHANGE_METER_FORMAT = /^change-meter\/[^/]+$/;

describe('build-downloads', () => {
  test('every file the build writes is listed in datapackage.json (except the customer-change format files)', () => {
    const unlisted = written.filter((f) => !listed().has(f) && !CHANGE_METER_FORMAT.test(f));
    assert.deepEqual(unlisted, []);
    // The tiny site's downloads are all there (not an empty build that trivially passes).
    for (const f of ['indicators/share.xlsx', 'areas/ta01.json', 'charts/area-ta01-share.csv', 'tilannekuva.zip', 'comparisons/share.csv.zip', 'indicators/share.csv.zip', 'schemas/tidy.json']) assert.ok(written.includes(f), f);
  });

  test('no all-in-one CSV: observations and comparisons are split by indicator, and zipped', () => {
    assert.ok(!written.includes('observations.csv') && !written.includes('comparisons.csv'));
    // Each zip holds its one CSV under the file's own name.
    const inner = (path: string) => {
      const files = unzipSync(readFileSync(join(out, path)));
      assert.deepEqual(Object.keys(files), [path.split('/').at(-1)!.replace(/\.zip$/, '')], path);
      return strFromU8(Object.values(files)[0]!);
    };
    const header = COMPARISON_COLUMNS.join(',');
    assert.equal(inner('comparisons/count.csv.zip'), `${header}\ncount,TA01,2026-06,10,10.0,false,ok,,,,,,,,,,,,,\n`);
    assert.equal(inner('comparisons/share.csv.zip'), `${header}\nshare,SSS,2026-06,1.0,,false,ok,,,,,,,,,,0.0,ok,,\nshare,TA01,2026-06,1.0,,false,ok,,,,,,,,,,2.0,ok,,\n`);
    const all = unzipSync(readFileSync(join(out, 'tilannekuva.zip')));
    assert.deepEqual(Object.keys(all).sort(), ['tilannekuva/README.txt', 'tilannekuva/areas.json', 'tilannekuva/indicators.json', 'tilannekuva/observations/count.csv', 'tilannekuva/observations/share.csv', 'tilannekuva/sources.json']);
    assert.equal(strFromU8(all['tilannekuva/observations/count.csv']!), `${OBSERVATION_COLUMNS.join(',')}\nTA01,${area('TA01', 'employment_area').name.fi},employment_area,count,2026-05,100,persons,ok,\nTA01,${area('TA01', 'employment_area').name.fi},employment_area,count,2026-06,110,persons,ok,\n`);
    assert.equal(inner('indicators/count.csv.zip'), strFromU8(all['tilannekuva/observations/count.csv']!));
  });

  test('an indicator as Parquet, read back with hyparquet: the tidy columns, typed, every row of the CSV', async () => {
    const bytes = readFileSync(join(out, 'indicators', 'share.parquet'));
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const rows = await parquetReadObjects({ file });
    const ta01 = area('TA01', 'employment_area').name.fi;
    const sss = area('SSS', 'country').name.fi;
    // The share observations written above, ordered by area then period as in share.csv.zip.
    assert.deepEqual(rows, [
      { area_code: 'SSS', area_name: sss, area_level: 'country', indicator: 'share', period: '2026-05', value: 10, unit: 'percent', status: 'ok', break: '' },
      { area_code: 'SSS', area_name: sss, area_level: 'country', indicator: 'share', period: '2026-06', value: 11, unit: 'percent', status: 'ok', break: '' },
      { area_code: 'TA01', area_name: ta01, area_level: 'employment_area', indicator: 'share', period: '2026-05', value: 12, unit: 'percent', status: 'ok', break: '' },
      { area_code: 'TA01', area_name: ta01, area_level: 'employment_area', indicator: 'share', period: '2026-06', value: 13, unit: 'percent', status: 'ok', break: '' },
    ]);
  });

  test("chart CSVs have no workbook file beside them but their indicator's notes; the front page tables are there in every language", () => {
    const charts = written.filter((f) => f.startsWith('charts/'));
    assert.ok(charts.length > 0);
    assert.deepEqual(charts.filter((c) => !c.endsWith('.csv')), []);
    assert.deepEqual(written.filter((f) => f.startsWith('notes/')), ['notes/count.json', 'notes/share.json']);
    for (const lang of ['fi', 'sv', 'en']) for (const f of ['largest-rises.csv', 'largest-rises.xlsx', 'largest-falls.csv', 'largest-falls.xlsx']) assert.ok(written.includes(`tables/${lang}/${f}`), `${lang}/${f}`);
  });

  test("the browser's workbook of a chart, from the chart's CSV and notes: the chart's table, statuses and notes", async () => {
    const notes = JSON.parse(readFileSync(join(out, 'notes', 'share.json'), 'utf8')) as ChartNotes;
    // The retrieval time of the snapshot (catalogue.json above), and the indicator's notes sheet.
    assert.equal(notes.created, '2026-07-21T09:00:00Z');
    assert.match(notes.notes[0]![0]!, /^Tilannekuva: /);
    const bytes = chartWorkbook(readFileSync(join(out, 'charts', 'area-ta01-share.csv')), 'area-ta01-share.csv', notes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['data', 'status', 'notes']);
    const rowsOf = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    // TA01 and the whole country, 2026-05 and 2026-06, as written in the observations above (one decimal).
    assert.deepEqual(rowsOf('data'), [
      ['period', `${area('TA01', 'employment_area').name.fi} (TA01)`, `${area('SSS', 'country').name.fi} (SSS)`],
      ['2026-05', 12, 10],
      ['2026-06', 13, 11],
    ]);
    assert.deepEqual(rowsOf('notes')[0], notes.notes[0]);
    assert.equal(wb.created.toISOString(), '2026-07-21T09:00:00.000Z');
  });

  test('every file datapackage.json lists exists', () => {
    assert.deepEqual([...listed()].filter((f) => !written.includes(f)), []);
  });

  test('the tidy Table Schema is the one of src/lib/observation.ts, and every tidy CSV has its columns', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'schemas', 'tidy.json'), 'utf8')), JSON.parse(JSON.stringify(OBSERVATION_TABLE_SCHEMA)));
    const tidy = pkg.resources.filter((r) => r.schema === 'schemas/tidy.json' && r.path.endsWith('.csv'));
    assert.ok(tidy.length >= 5);
    for (const r of tidy) assert.equal(readFileSync(join(out, r.path), 'utf8').split('\n')[0], OBSERVATION_COLUMNS.join(','), r.path);
  });
});
