/**
 * The data catalogue (src/site/datapackage.ts): the Frictionless descriptor of a tiny hand-made
 * site passes the module's own DataPackage check, lists every download the build writes for that
 * site (per indicator, per area, per chart, the whole-dataset files), points every tidy table at
 * the tidy Table Schema, and names the sources of resources that use only some of them.
 * That the build writes exactly these files: tests/integration/scripts/build-downloads.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { archiveReadme, dataPackage, DataPackage } from '../../../src/site/datapackage.ts';
import { area, months, siteIndicator, siteSource, tinySite } from '../../helpers/site-fixture.ts';

const share = siteIndicator({ id: 'share', show: { profile_chart: 1, key: true } });
const count = siteIndicator({ id: 'count', unit: 'persons' });
const site = tinySite({
  areas: [area('SSS', 'country'), area('TA01', 'employment_area'), area('KU001', 'municipality')],
  indicators: [share, count],
  sources: [siteSource('src'), siteSource('other')],
  series: {
    share: { SSS: months('2026-05', [10, 11]), TA01: months('2026-05', [12, 13]) },
    count: { TA01: months('2026-05', [100, 110]) },
  },
});

type Resource = { name: string; path: string; format: string; mediatype: string; schema?: unknown; sources?: { title: string; path?: string }[] };
const resources = (pkg: ReturnType<typeof dataPackage>) => pkg.resources as Resource[];

describe('dataPackage', () => {
  test('passes its own DataPackage check', () => {
    const pkg = dataPackage(site);
    assert.equal(DataPackage.safeParse(pkg).success, true);
    assert.equal(pkg.name, 'tilannekuva');
    assert.deepEqual(pkg.licenses, [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }]);
  });

  test('the check is not vacuous: an absolute path or an upper-case name fails it', () => {
    const pkg = dataPackage(site);
    const bad = (r: Partial<Resource>) => DataPackage.safeParse({ ...pkg, resources: [{ ...resources(pkg)[0]!, ...r }] }).success;
    assert.equal(bad({}), true);
    assert.equal(bad({ path: '/observations.csv' }), false);
    assert.equal(bad({ path: '../observations.csv' }), false);
    assert.equal(bad({ name: 'Observations' }), false);
  });

  test('lists every download of the site: whole dataset split by indicator, each indicator in four formats and each area in three, each chart, the tables pages show', () => {
    // Charts: the profile chart of share for SSS and TA01 (count has no show.profile_chart, KU001
    // has no series) and the indicator page's chart of share (count has no country series), each
    // as CSV (the page writes a chart's workbook from it and its indicator's notes file). No ranking: fewer than 30 employment areas have values. The front
    // page's largest rises and falls in each language. No all-in-one observations.csv or
    // comparisons.csv (too large for a static host at full size).
    assert.deepEqual(resources(dataPackage(site)).map((r) => r.path).sort(), [
      'areas/ku001.csv',
      'areas/ku001.json',
      'areas/ku001.xlsx',
      'areas/sss.csv',
      'areas/sss.json',
      'areas/sss.xlsx',
      'areas/ta01.csv',
      'areas/ta01.json',
      'areas/ta01.xlsx',
      'charts/area-sss-share.csv',
      'charts/area-ta01-share.csv',
      'charts/distribution-share.csv',
      'charts/indicator-share.csv',
      'comparisons/count.csv.zip',
      'comparisons/share.csv.zip',
      'indicators/count.csv.zip',
      'indicators/count.json',
      'indicators/count.parquet',
      'indicators/count.xlsx',
      'indicators/share.csv.zip',
      'indicators/share.json',
      'indicators/share.parquet',
      'indicators/share.xlsx',
      'notes/count.json',
      'notes/share.json',
      'postcodes.json',
      'tables/en/largest-falls.csv',
      'tables/en/largest-falls.xlsx',
      'tables/en/largest-rises.csv',
      'tables/en/largest-rises.xlsx',
      'tables/fi/largest-falls.csv',
      'tables/fi/largest-falls.xlsx',
      'tables/fi/largest-rises.csv',
      'tables/fi/largest-rises.xlsx',
      'tables/sv/largest-falls.csv',
      'tables/sv/largest-falls.xlsx',
      'tables/sv/largest-rises.csv',
      'tables/sv/largest-rises.xlsx',
      'tilannekuva.zip',
    ]);
  });

  test('names are unique; formats and media types match the file endings', () => {
    const list = resources(dataPackage(site));
    assert.equal(new Set(list.map((r) => r.name)).size, list.length);
    const media: Record<string, string> = { csv: 'text/csv', json: 'application/json', zip: 'application/zip', parquet: 'application/vnd.apache.parquet', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    for (const r of list) {
      // A zipped CSV (bulk files) ends in .csv.zip and says compression "zip".
      const zipped = r.path.endsWith('.csv.zip');
      assert.equal((r as { compression?: string }).compression, zipped ? 'zip' : undefined, r.path);
      assert.equal(r.path.replace(/\.csv\.zip$/, '.csv').split('.').at(-1), r.format, r.path);
      assert.equal(r.mediatype, media[r.format], r.path);
    }
    assert.deepEqual(list.filter((r) => r.path.endsWith('.csv.zip')).map((r) => r.path).sort(), ['comparisons/count.csv.zip', 'comparisons/share.csv.zip', 'indicators/count.csv.zip', 'indicators/share.csv.zip']);
  });

  test('every tidy CSV and Parquet file points at the tidy Table Schema; comparisons at their own; shown tables, the wide workbooks, archives and JSON have none', () => {
    for (const r of resources(dataPackage(site))) {
      const expected = r.path.startsWith('comparisons/') ? 'schemas/comparisons.json' : r.path.startsWith('tables/') ? undefined : r.format === 'csv' || r.format === 'parquet' ? 'schemas/tidy.json' : undefined;
      assert.equal(r.schema, expected, r.path);
    }
  });

  test('a resource from some of the sources names them; one from all of them relies on the package\'s list', () => {
    const byPath = new Map(resources(dataPackage(site)).map((r) => [r.path, r]));
    assert.deepEqual(byPath.get('indicators/share.csv.zip')!.sources, [{ title: 'src name en (src producer en, 12r5)', path: 'https://example.org/source' }]);
    assert.equal(byPath.get('tilannekuva.zip')!.sources, undefined);
    const pkg = dataPackage(site);
    assert.deepEqual((pkg.sources as { title: string }[]).map((s) => s.title), ['src name en (src producer en, 12r5)', 'other name en (other producer en, 12r5)']);
  });

  test('published customer-change files are listed with the import time, never the submitted file’s name', () => {
    const pkg = dataPackage(site, [{ file: 'jalava.csv', instrument: 'Jalava', imported_at: '2026-08-01T10:00:00Z' }]);
    const r = resources(pkg).find((x) => x.path === 'change-meter/published/jalava.csv')!;
    assert.equal(r.name, 'change-meter-jalava');
    assert.equal(r.schema, 'change-meter/published.schema.json');
    assert.deepEqual(r.sources, [{ title: 'Aggregates submitted by employment areas, imported 2026-08-01T10:00:00Z', path: 'change-meter/published/manifest.json' }]);
    assert.equal(DataPackage.safeParse(pkg).success, true);
  });

  test('the version is the date the data were retrieved (no parts: when the snapshot was written)', () => {
    assert.equal(dataPackage(site).version, '2026-07-21');
  });
});

describe('archiveReadme', () => {
  test('names the retrieval date, the sources with their attribution, the licence and every status', () => {
    const text = archiveReadme(site);
    assert.match(text, /Data retrieved: 2026-07-21\./);
    assert.match(text, /^ {2}- Source 12r5, 2026-07-21$/m);
    assert.match(text, /Licence: CC BY 4\.0/);
    for (const s of ['ok', 'suppressed', 'lower_bound', 'missing']) assert.match(text, new RegExp(`^status ${s}: `, 'm'));
  });
});
