/**
 * Tables as shown (src/site/tables.ts): the ranking of an indicator page and the front page's
 * largest rises and falls, written as files in the page's language — the same areas in the same
 * order as the page, numbers rounded as shown, marks in the notes column — as CSV and as a
 * workbook (read back with ExcelJS, an independent reader). Every expected cell is written by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { moversTables, municipalityTable, rankingTable, tableCsv, tableHref, tableXlsx } from '../../../src/site/tables.ts';
import { area, point, siteIndicator, siteSource, tinySite } from '../../helpers/site-fixture.ts';

// 30 TE24 areas TA01…TA30 (the ranking needs 30 with values), Åland (TA46, not ranked) and the country.
const codes = Array.from({ length: 30 }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`);
const share = siteIndicator({ id: 'share', show: { key: true } });
const count = siteIndicator({ id: 'count', unit: 'vacancies' });
const shareSeries: Record<string, ReturnType<typeof point>[]> = Object.fromEntries(
  codes.map((c, i) => [c, [point('2026-06', 10 + i / 10, { rank: 30 - i, rankOf: 30, yoy: i % 2 ? 0.25 : -0.35, diffToCountry: i / 10 - 2, yoyStatus: 'ok', diffStatus: 'ok' })]]),
);
// TA30 has the highest share (12.9); TA01 the lowest (10.0). TA15 is an estimate.
shareSeries.TA15 = [point('2026-06', 11.4, { status: 'estimate', rank: 16, rankOf: 30, yoy: 0.25, yoyStatus: 'estimate', diffToCountry: -0.6, diffStatus: 'estimate' })];
shareSeries.TA46 = [point('2026-06', 4.04, { yoy: 0.1 })];
shareSeries.SSS = [point('2026-06', 12.04, { yoy: 0.3 })];
const site = tinySite({
  areas: [area('SSS', 'country'), ...codes.map((c) => area(c, 'employment_area')), area('TA46', 'employment_area', { te24: false })],
  indicators: [share, count],
  sources: [siteSource('src')],
  series: {
    share: shareSeries,
    count: Object.fromEntries(codes.map((c, i) => [c, [point('2026-06', 100 + i, { yoy: i - 15, yoyPct: (i - 15) / 1.15 })]])),
  },
});
site.coverage = { share: { first: '2026-06', last: '2026-06' } } as unknown as typeof site.coverage;

describe('rankingTable', () => {
  test('the 30 areas by value, largest first, then Åland (no rank), then the whole country; header in the page language with units', () => {
    const table = rankingTable(site, share, 'fi')!;
    assert.equal(table.name, 'ranking-share');
    assert.deepEqual(table.header, ['Sija', 'Aluekoodi', 'Alue', 'share fi (%)', 'Muutos vuodessa (%-yks.)', 'Ero koko maahan (%-yks.)', 'Huom.']);
    assert.equal(table.rows.length, 32);
    assert.deepEqual(table.rows[0], [1, 'TA30', 'TA30 fi', 12.9, 0.3, 0.9, '']);
    assert.deepEqual(table.rows[1], [2, 'TA29', 'TA29 fi', 12.8, -0.4, 0.8, '']);
    assert.deepEqual(table.rows[29], [30, 'TA01', 'TA01 fi', 10, -0.4, -2, '']);
    assert.deepEqual(table.rows[30], [null, 'TA46', 'TA46 fi', 4, 0.1, null, '']);
    assert.deepEqual(table.rows[31], [null, 'SSS', 'Koko maa', 12, 0.3, null, '']);
    const ta15 = table.rows.find((r) => r[1] === 'TA15')!;
    assert.deepEqual(ta15, [16, 'TA15', 'TA15 fi', 11.4, 0.3, -0.6, 'arvio; Muutos vuodessa: arvio; Ero koko maahan: arvio']);
  });

  test('in English and Swedish the header and the country are in that language', () => {
    assert.deepEqual(rankingTable(site, share, 'en')!.header, ['Rank', 'Area code', 'Area', 'share en (%)', 'Change in a year (pp)', 'Difference to whole country (pp)', 'Note']);
    assert.equal(rankingTable(site, share, 'sv')!.rows[31]![2], 'Hela landet');
  });

  test('a count is listed without rank, with the change in per cent; vacancies are not persons', () => {
    const table = rankingTable(site, count, 'en')!;
    assert.deepEqual(table.header, ['Area code', 'Area', 'count en (vacancies)', 'Change in a year (vacancies)', 'Change in a year (%)', 'Note']);
    assert.deepEqual(table.rows[0], ['TA30', 'TA30 en', 129, 14, 12.2, '']);
  });

  test('CSV: comma, decimal point, UTF-8 without byte-order mark', () => {
    const csv = tableCsv(rankingTable(site, share, 'fi')!);
    const lines = csv.split('\n');
    assert.equal(lines[0], 'Sija,Aluekoodi,Alue,share fi (%),Muutos vuodessa (%-yks.),Ero koko maahan (%-yks.),Huom.');
    assert.equal(lines[1], '1,TA30,TA30 fi,12.9,0.3,0.9,');
    assert.equal(lines[32], ',SSS,Koko maa,12,0.3,,');
    assert.notEqual(csv.charCodeAt(0), 0xfeff);
    assert.equal(tableHref('sv', 'ranking-share', 'xlsx'), '/data/tables/sv/ranking-share.xlsx');
  });

  test('the workbook holds the same cells, numbers as numbers, and a notes sheet with period, source and licence', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tableXlsx(rankingTable(site, share, 'fi')!, 'fi', new Date('2026-07-21T09:00:00Z'))) as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Taulukko', 'Tiedot']);
    const s = wb.getWorksheet('Taulukko')!;
    assert.deepEqual((s.getRow(2).values as unknown[]).slice(1), [1, 'TA30', 'TA30 fi', 12.9, 0.3, 0.9]);
    assert.equal(s.rowCount, 33);
    const notes = wb.getWorksheet('Tiedot')!;
    assert.deepEqual((notes.getRow(2).values as unknown[]).slice(1), ['Ajankohta', '2026-06']);
    assert.deepEqual((notes.getRow(4).values as unknown[]).slice(1), ['Lisenssi', 'CC BY 4.0']);
  });

  test('none when fewer than 30 employment areas have a value', () => {
    const small = tinySite({ areas: [area('TA01', 'employment_area')], indicators: [share], series: { share: { TA01: [point('2026-06', 1)] } } });
    assert.equal(rankingTable(small, share, 'fi'), null);
  });
});

describe('moversTables', () => {
  test('the largest rises (largest first) and falls (largest fall first), five each', () => {
    const { rises, falls } = moversTables(site, 'en');
    assert.deepEqual(rises.header, ['Area code', 'Area', 'share en (%)', 'Change in a year (pp)', 'Note']);
    // Rises of 0.25 (odd i, TA02, TA04, …; TA15 an estimate) tie: by area code.
    assert.deepEqual(rises.rows.map((r) => r[0]), ['TA02', 'TA04', 'TA06', 'TA08', 'TA10']);
    assert.deepEqual(rises.rows[0], ['TA02', 'TA02 en', 10.1, 0.3, '']);
    assert.deepEqual(falls.rows.map((r) => r[0]), ['TA29', 'TA27', 'TA25', 'TA23', 'TA21']);
    assert.equal(falls.name, 'largest-falls');
  });
});

describe('municipalityTable', () => {
  test('every municipality, largest value first, at the latest period with at least 200 values; none for indicators with employment areas', () => {
    const munis = Array.from({ length: 200 }, (_, i) => `KU${String(i + 1).padStart(3, '0')}`);
    const benefit = siteIndicator({ id: 'benefit', unit: 'persons', levels: ['municipality'] });
    const s = tinySite({
      areas: munis.map((c) => area(c, 'municipality')),
      indicators: [benefit, share],
      // 2026-07 has only one value: the list is of 2026-06.
      series: { benefit: Object.fromEntries(munis.map((c, i) => [c, [point('2026-06', i * 2 + 1, { yoy: 1, yoyPct: 12.34 }), point('2026-07', c === 'KU001' ? 5 : null)]])) },
    });
    const table = municipalityTable(s, benefit, 'sv')!;
    assert.equal(table.name, 'municipalities-benefit');
    assert.deepEqual(table.header, ['Områdeskod', 'Kommun', 'benefit sv (personer)', 'Förändring på ett år (personer)', 'Förändring på ett år (%)', 'Anm.']);
    assert.equal(table.rows.length, 200);
    assert.deepEqual(table.rows[0], ['KU200', 'KU200 sv', 399, 1, 12.3, '']);
    assert.deepEqual(table.rows[199], ['KU001', 'KU001 sv', 1, 1, 12.3, '']);
    assert.deepEqual(table.notes[1], ['Tidpunkt', '2026-06']);
    assert.equal(municipalityTable(s, share, 'sv'), null);
  });
});

test('a short name that already carries its unit does not get it twice', () => {
  const named = siteIndicator({ id: 'named', short_name: { fi: 'Työttömien osuus, %', sv: 'Andel arbetslösa, %', en: 'Unemployment share, %' } });
  const s = tinySite({ ...{ areas: site.areas, indicators: [named], sources: [siteSource('src')] }, series: { named: shareSeries } });
  assert.equal(rankingTable(s, named, 'fi')!.header[3], 'Työttömien osuus, %');
});
