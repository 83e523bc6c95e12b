/**
 * Downloads are safe to open in a spreadsheet: a text cell that starts with =, +, - or @ is
 * neutralised (a leading apostrophe) in CSV and in the Excel workbook, while numbers stay numbers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { csvOf, xlsxOf } from '../../src/data/downloads.ts';

const rows = [
  ['KU091', '=HYPERLINK("http://example.com","x")', 'municipality', 'unemployed', '2026-06', '52578', 'persons', 'ok', ''],
  ['KU092', '+1+1', 'municipality', 'unemployed', '2026-06', '', 'persons', 'missing', ''],
  ['KU049', '@SUM(A1)', 'municipality', 'unemployment-share', '2026-06', '-0.5', 'percent', 'ok', ''],
  ['KU050', '-2+3', 'municipality', 'unemployed', '2026-06', '7', 'persons', 'ok', 'te24'],
];

describe('formula injection', () => {
  test('CSV: text cells starting with = + @ - are prefixed with an apostrophe; numbers are not', () => {
    const lines = csvOf(rows).trim().split('\n');
    assert.equal(lines[0], 'area_code,area_name,area_level,indicator,period,value,unit,status,break');
    assert.equal(lines[1], `KU091,"'=HYPERLINK(""http://example.com"",""x"")",municipality,unemployed,2026-06,52578,persons,ok,`);
    assert.equal(lines[2], "KU092,'+1+1,municipality,unemployed,2026-06,,persons,missing,");
    assert.equal(lines[3], "KU049,'@SUM(A1),municipality,unemployment-share,2026-06,-0.5,percent,ok,");
    assert.equal(lines[4], "KU050,'-2+3,municipality,unemployed,2026-06,7,persons,ok,te24");
  });

  test('Excel: the same cells are text with an apostrophe, the value column is numeric, and the notes sheet is there', async () => {
    const buf = await xlsxOf(rows, [['Source', '=cmd|calc'], ['Licence', 'CC BY 4.0']]);
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
    for (const cell of ['B2', 'B3', 'B4', 'B5']) assert.equal(data.getCell(cell).formula, undefined, `${cell} is not a formula`);
    const notes = wb.getWorksheet('notes')!;
    assert.equal(notes.getCell('B1').value, "'=cmd|calc");
    assert.equal(data.rowCount, 5);
  });
});
