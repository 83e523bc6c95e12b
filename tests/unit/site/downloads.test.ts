/**
 * Downloads are safe to open in a spreadsheet: a text cell that starts with =, +, - or @ is
 * neutralised (a leading apostrophe) in CSV and in the Excel workbook, while numbers stay numbers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { xlsxOf } from '../../../src/site/downloads.ts';
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

  test('Excel: the same cells are text with an apostrophe, the value column is numeric, and the notes sheet is there', async () => {
    const buf = Buffer.from(xlsxOf(rows, decimals, [['Source', '=cmd|calc'], ['Licence', 'CC BY 4.0']]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const data = wb.getWorksheet('data')!;
    assert.deepEqual((data.getRow(1).values as unknown[]).slice(1), ['area_code', 'area_name', 'area_level', 'indicator', 'period', 'value', 'unit', 'status', 'break']);
    assert.equal(data.getCell('B2').value, `'=HYPERLINK("http://example.com","x")`);
    assert.equal(data.getCell('B3').value, "'+1+1");
    assert.equal(data.getCell('B4').value, "'@SUM(A1)");
    assert.equal(data.getCell('B5').value, "'-2+3");
    assert.equal(data.getCell('F2').value, 52578);
    assert.equal(data.getCell('F3').value, null);
    assert.equal(data.getCell('F4').value, -0.5);
    // Cells after an empty one stay in their columns.
    assert.equal(data.getCell('G3').value, 'persons');
    assert.equal(data.getCell('H3').value, 'missing');
    assert.equal(data.getCell('I5').value, 'te24');
    assert.equal(data.getCell('I4').value, null);
    for (const cell of ['B2', 'B3', 'B4', 'B5']) assert.equal(data.getCell(cell).formula, undefined, `${cell} is not a formula`);
    const notes = wb.getWorksheet('notes')!;
    assert.equal(notes.getCell('B1').value, "'=cmd|calc");
    assert.equal(data.rowCount, 5);
  });
});
