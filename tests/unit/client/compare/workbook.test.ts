/** The comparison tool's workbook: the shown table's cells, rounded as shown, with the marks in a notes column. Hand-made table. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { compareSheetRows, compareWorkbook, type ShownCompareTable } from '../../../../src/client/compare/workbook.ts';
import type { CompareConfig } from '../../../../src/client/compare/state.ts';

const cfg = {
  lang: 'en',
  areas: {},
  areaInfo: {},
  levelNames: {},
  indicators: { 'unemployment-share': { name: 'Unemployed as a share of the labour force', short: 'Unemployment share', unit: 'percent', decimals: 1, source: 'Statistics Finland', breaks: [] } },
  strings: { 'table.status': 'Note', 'table.period': 'Period', 'table.source': 'Source', 'tables.licence': 'Licence', 'tables.sheetNotes': 'Notes', 'status.suppressed': 'withheld', 'status.estimate': 'estimate', 'status.lower_bound': 'at least' },
  defaults: { areas: [], indicators: [] },
} as unknown as CompareConfig;

const table: ShownCompareTable = {
  indicator: 'unemployment-share',
  title: 'Unemployed as a share of the labour force: Lahti',
  header: ['Period', 'Lahti', 'Whole country'],
  rows: [
    { period: '8/2026', points: [{ value: 17.849999, status: 'estimate' }, { value: 10.25, status: 'ok' }] },
    { period: '7/2026', points: [{ value: null, status: 'suppressed' }, undefined] },
    { period: '6/2026', points: [{ value: 17.8, status: 'lower_bound' }, { value: null, status: 'missing' }] },
  ],
  span: '9/2023–8/2026',
};

describe('compareSheetRows', () => {
  test('the table as shown: values rounded half up, withheld as the word, none empty, marks named by area', () => {
    assert.deepEqual(compareSheetRows(cfg, table), [
      ['Period', 'Lahti', 'Whole country', 'Note'],
      ['8/2026', 17.8, 10.3, 'Lahti: estimate'],
      ['7/2026', 'withheld', null, ''],
      ['6/2026', 17.8, null, 'Lahti: at least'],
    ]);
  });
});

describe('compareWorkbook', () => {
  test('a sheet named by the indicator and a notes sheet with the period, source and licence', () => {
    const files = unzipSync(compareWorkbook(cfg, [table], new Date('2026-09-01T00:00:00Z')));
    const book = strFromU8(files['xl/workbook.xml']!);
    assert.match(book, /<sheet name="Unemployment share" sheetId="1"/);
    assert.match(book, /<sheet name="Notes" sheetId="2"/);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    assert.match(sheet, /<c r="B2"><v>17.8<\/v><\/c><c r="C2"><v>10.3<\/v><\/c>/);
    const notes = strFromU8(files['xl/worksheets/sheet2.xml']!);
    for (const text of ['9/2023–8/2026', 'Statistics Finland', 'CC BY 4.0']) assert.ok(notes.includes(text), text);
  });

  test('a slash in a short name is drawn as the division slash, which Excel allows in a sheet name', () => {
    const slashed = { ...cfg, indicators: { 'unemployment-share': { ...cfg.indicators['unemployment-share']!, short: 'Unemployed / vacancy' } } };
    const book = strFromU8(unzipSync(compareWorkbook(slashed, [table], new Date('2026-09-01T00:00:00Z')))['xl/workbook.xml']!);
    assert.match(book, /<sheet name="Unemployed \u2215 vacancy" sheetId="1"/);
  });

  test('two indicators with the same short name get numbered sheets', () => {
    const book = strFromU8(unzipSync(compareWorkbook(cfg, [table, { ...table }], new Date('2026-09-01T00:00:00Z')))['xl/workbook.xml']!);
    assert.match(book, /name="1 Unemployment share".*name="2 Unemployment share".*name="Notes"/);
  });
});
