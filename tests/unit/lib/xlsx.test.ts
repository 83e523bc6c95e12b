/**
 * The small xlsx writer (src/lib/xlsx.ts), read back with ExcelJS (an independent reader): sheet
 * names, text and numbers in the right cells, empty cells, XML-special characters, the frozen
 * header, column widths, the creation date, and text neutralised against formula injection.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { columnName, xlsxWorkbook } from '../../../src/lib/xlsx.ts';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('xlsx writer', () => {
  test('column names run A…Z, AA…AZ, BA', () => {
    assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  test('writes text and numbers into the right cells of each sheet; empty cells stay empty', async () => {
    const bytes = xlsxWorkbook(
      [
        { name: 'Sijoitus', rows: [['Sija', 'Alue', 'Osuus'], [1, 'Hämeenlinna', 17.8], [2, 'Åland & <Ahvenanmaa> "x"', null], [null, 'Koko maa', -0.5]], widths: [6, 24, 10], freezeHeader: true },
        { name: 'Tiedot', rows: [['Lähde', 'KEHA-keskus']] },
      ],
      { creator: 'Tilannekuva', created: new Date('2026-07-21T09:00:00Z') },
    );
    const wb = await read(bytes);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Sijoitus', 'Tiedot']);
    const s = wb.getWorksheet('Sijoitus')!;
    assert.deepEqual((s.getRow(1).values as unknown[]).slice(1), ['Sija', 'Alue', 'Osuus']);
    assert.equal(s.getCell('A2').value, 1);
    assert.equal(s.getCell('B2').value, 'Hämeenlinna');
    assert.equal(s.getCell('C2').value, 17.8);
    assert.equal(s.getCell('B3').value, 'Åland & <Ahvenanmaa> "x"');
    assert.equal(s.getCell('C3').value, null);
    assert.equal(s.getCell('A4').value, null);
    assert.equal(s.getCell('C4').value, -0.5);
    assert.equal(s.rowCount, 4);
    assert.equal(s.getColumn(2).width, 24);
    assert.equal(s.views[0]?.state, 'frozen');
    assert.equal((s.views[0] as { ySplit?: number }).ySplit, 1);
    assert.equal(wb.getWorksheet('Tiedot')!.getCell('B1').value, 'KEHA-keskus');
    assert.equal(wb.creator, 'Tilannekuva');
    assert.equal(wb.created.toISOString(), '2026-07-21T09:00:00.000Z');
  });

  test('text that a spreadsheet would run as a formula gets an apostrophe; control characters are dropped', async () => {
    const wb = await read(xlsxWorkbook([{ name: 'data', rows: [['=HYPERLINK("http://example.com","x")', '+1+1', '-2+3', '@SUM(A1)', 'a\u0001b', -2]] }]));
    const s = wb.getWorksheet('data')!;
    assert.equal(s.getCell('A1').value, `'=HYPERLINK("http://example.com","x")`);
    assert.equal(s.getCell('B1').value, "'+1+1");
    assert.equal(s.getCell('C1').value, "'-2+3");
    assert.equal(s.getCell('D1').value, "'@SUM(A1)");
    assert.equal(s.getCell('E1').value, 'ab');
    assert.equal(s.getCell('F1').value, -2);
    for (const c of ['A1', 'B1', 'C1', 'D1']) assert.equal(s.getCell(c).formula, undefined, `${c} is not a formula`);
  });

  test('the same input gives the same bytes (no build time inside)', () => {
    const make = () => xlsxWorkbook([{ name: 'a', rows: [['x', 1]] }], { created: new Date('2026-07-21T09:00:00Z') });
    assert.deepEqual(make(), make());
  });

  test('refuses sheet names that repeat once cleaned, and a workbook without sheets', () => {
    assert.throws(() => xlsxWorkbook([{ name: 'a/b', rows: [] }, { name: 'A b', rows: [] }]), /sheet names repeat/);
    assert.throws(() => xlsxWorkbook([]), /at least one sheet/);
  });
});
