/**
 * Downloads are safe to open in a spreadsheet: a text cell that starts with =, +, - or @ is
 * neutralised (a leading apostrophe) in CSV and in the Excel workbook, while numbers stay numbers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { xlsxOf } from '../../../src/lib/wide-xlsx.ts';
import { observationsCsv, type Observation } from '../../../src/lib/observation.ts';

const row = (area_code: string, area_name: string, indicator: string, value: number | null, unit: Observation['unit'], status: Observation['status'], brk: string[]): Observation => ({
  area_code,
  area_name,
  area_level: 'municipality',
  indicator,
  period: '2026-06',
  value,
  unit,
  status,
  break: brk,
});
const rows = [
  row('KU091', '=HYPERLINK("http://example.com","x")', 'unemployed', 52578, 'persons', 'ok', []),
  row('KU092', '+1+1', 'unemployed', null, 'persons', 'missing', []),
  row('KU049', '@SUM(A1)', 'unemployment-share', -0.5, 'percent', 'ok', []),
  row('KU050', '-2+3', 'unemployed', 7, 'persons', 'ok', ['te24']),
];
const decimals = (id: string) => (id === 'unemployment-share' ? 1 : 0);

describe('formula injection', () => {
  test('CSV: text cells starting with = + @ - are prefixed with an apostrophe; numbers are not', () => {
    const lines = observationsCsv(rows, decimals).trim().split('\n');
    assert.equal(lines[0], 'area_code,area_name,area_level,indicator,period,value,unit,status,break');
    assert.equal(lines[1], `KU091,"'=HYPERLINK(""http://example.com"",""x"")",municipality,unemployed,2026-06,52578,persons,ok,`);
    assert.equal(lines[2], "KU092,'+1+1,municipality,unemployed,2026-06,,persons,missing,");
    assert.equal(lines[3], "KU049,'@SUM(A1),municipality,unemployment-share,2026-06,-0.5,percent,ok,");
    assert.equal(lines[4], "KU050,'-2+3,municipality,unemployed,2026-06,7,persons,ok,te24");
  });

  test('Excel: the same cells are text with an apostrophe, the values are numbers, and the status and notes sheets are there', async () => {
    const buf = Buffer.from(xlsxOf(rows, decimals, [['Source', '=cmd|calc'], ['Licence', 'CC BY 4.0']], 'area×period'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['data', 'status', 'notes']);
    // One row per area (in the order given), one column per period.
    const data = wb.getWorksheet('data')!;
    assert.deepEqual((data.getRow(1).values as unknown[]).slice(1), ['area_code', 'area_name', 'area_level', '2026-06']);
    assert.deepEqual((data.getColumn(1).values as unknown[]).slice(1), ['area_code', 'KU091', 'KU092', 'KU049', 'KU050']);
    assert.equal(data.getCell('B2').value, `'=HYPERLINK("http://example.com","x")`);
    assert.equal(data.getCell('B3').value, "'+1+1");
    assert.equal(data.getCell('B4').value, "'@SUM(A1)");
    assert.equal(data.getCell('B5').value, "'-2+3");
    assert.equal(data.getCell('C2').value, 'municipality');
    assert.equal(data.getCell('D2').value, 52578);
    assert.equal(data.getCell('D3').value, null);
    assert.equal(data.getCell('D4').value, -0.5);
    assert.equal(data.getCell('D5').value, 7);
    for (const cell of ['B2', 'B3', 'B4', 'B5']) assert.equal(data.getCell(cell).formula, undefined, `${cell} is not a formula`);
    assert.equal(data.rowCount, 5);
    // The status of every value that is not ok, and the breaks, in the same cells.
    const status = wb.getWorksheet('status')!;
    assert.deepEqual((status.getRow(1).values as unknown[]).slice(1), ['area_code', 'area_name', 'area_level', '2026-06']);
    assert.equal(status.getCell('D2').value, null);
    assert.equal(status.getCell('D3').value, 'missing');
    assert.equal(status.getCell('D4').value, null);
    assert.equal(status.getCell('D5').value, 'break: te24');
    const notes = wb.getWorksheet('notes')!;
    assert.equal(notes.getCell('B1').value, "'=cmd|calc");
    assert.equal(notes.getCell('A2').value, 'Layout');
    assert.equal(notes.getCell('A4').value, 'Licence');
  });
});

describe('wide workbooks', () => {
  const obs = (area_code: string, area_name: string, indicator: string, period: string, value: number | null, status: Observation['status'] = 'ok'): Observation => ({
    area_code,
    area_name,
    area_level: 'employment_area',
    indicator,
    period,
    value,
    unit: indicator === 'share' ? 'percent' : 'persons',
    status,
    break: [],
  });
  const read = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const grid = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(1).map((r) => Array.from((r as unknown[] | undefined) ?? []).slice(1));
    return { data: grid('data'), status: grid('status') };
  };
  const dec = (id: string) => (id === 'share' ? 1 : 0);

  test("an area's file: periods oldest first down, indicators across in the order given, values rounded as in the CSV", async () => {
    const { data, status } = await read(
      xlsxOf([obs('TA19', 'Lahti', 'count', '2026-06', 100), obs('TA19', 'Lahti', 'count', '2026-05', 90), obs('TA19', 'Lahti', 'share', '2026-06', 12.345, 'estimate')], dec, [['t']], 'period×indicator'),
    );
    assert.deepEqual(data, [
      ['period', 'count (persons)', 'share (percent)'],
      ['2026-05', 90],
      ['2026-06', 100, 12.3],
    ]);
    assert.deepEqual(status, [['period', 'count (persons)', 'share (percent)'], ['2026-05'], ['2026-06', undefined, 'estimate']]);
  });

  test("a chart's table: periods down, areas across; with two indicators, the indicator in the header", async () => {
    const one = await read(xlsxOf([obs('TA19', 'Lahti', 'share', '2026-06', 12.3), obs('SSS', 'Koko maa', 'share', '2026-06', 10.1), obs('TA19', 'Lahti', 'share', '2026-05', 12.0)], dec, [['t']], 'period×area'));
    assert.deepEqual(one.data, [
      ['period', 'Lahti (TA19)', 'Koko maa (SSS)'],
      ['2026-05', 12],
      ['2026-06', 12.3, 10.1],
    ]);
    const two = await read(xlsxOf([obs('TA19', 'Lahti', 'share', '2026-06', 12.3), obs('TA19', 'Lahti', 'count', '2026-06', 5)], dec, [['t']], 'period×area'));
    assert.deepEqual(two.data, [
      ['period', 'Lahti (TA19) share', 'Lahti (TA19) count'],
      ['2026-06', 12.3, 5],
    ]);
  });
});
