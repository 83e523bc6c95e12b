/**
 * The Excel-friendly CSV writer (src/lib/excel-csv.ts): a byte-order mark, semicolons, decimal
 * commas, CRLF line ends, RFC 4180 quoting, and text cells neutralised against formula
 * injection. Expected bytes are written out by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decimalComma, excelCsvField, writeExcelCsv } from '../../../src/lib/excel-csv.ts';

describe('Excel-friendly CSV', () => {
  test('starts with the UTF-8 byte-order mark, and "ä" is encoded as UTF-8 after it', () => {
    const bytes = new TextEncoder().encode(writeExcelCsv(['Alue'], [['Hämeenlinna']]));
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual([...bytes.slice(3, 7)], [0x41, 0x6c, 0x75, 0x65]); // "Alue"
    // "ä" of Hämeenlinna: C3 A4
    const text = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    assert.match(text, /48 c3 a4 6d/);
  });

  test('separates fields with semicolons and ends every line with CRLF', () => {
    assert.equal(writeExcelCsv(['Alue', 'Osuus'], [['Lahti', 17.8], ['Helsinki', 14.2]]), '\ufeffAlue;Osuus\r\nLahti;17,8\r\nHelsinki;14,2\r\n');
  });

  test('writes numbers with a decimal comma and no grouping; negative, whole and empty values', () => {
    assert.equal(excelCsvField(-0.5), '-0,5');
    assert.equal(excelCsvField(352001), '352001');
    assert.equal(excelCsvField(0), '0');
    assert.equal(excelCsvField(12.35), '12,35');
    assert.equal(excelCsvField(null), '');
    assert.equal(excelCsvField(undefined), '');
    assert.equal(excelCsvField(Number.NaN), '');
    assert.equal(decimalComma(1e-7), '0,0000001');
    assert.equal(decimalComma(1e21), '1000000000000000000000');
  });

  test('quotes text with a semicolon, a quote or a line break, doubling quotes; a comma needs no quotes', () => {
    assert.equal(excelCsvField('Kemiönsaari; Kimito'), '"Kemiönsaari; Kimito"');
    assert.equal(excelCsvField('sanoi "hei"'), '"sanoi ""hei"""');
    assert.equal(excelCsvField('rivi 1\nrivi 2'), '"rivi 1\nrivi 2"');
    assert.equal(excelCsvField('a\r\nb'), '"a\r\nb"');
    assert.equal(excelCsvField('Pedersöre, Pietarsaari'), 'Pedersöre, Pietarsaari');
    assert.equal(excelCsvField(''), '');
  });

  test('neutralises text that a spreadsheet would run as a formula, but not numbers', () => {
    assert.equal(excelCsvField('=HYPERLINK("http://example.com","x")'), '"\'=HYPERLINK(""http://example.com"",""x"")"');
    assert.equal(excelCsvField('+1+1'), "'+1+1");
    assert.equal(excelCsvField('-2+3'), "'-2+3");
    assert.equal(excelCsvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(excelCsvField('\t=1'), "'\t=1");
    assert.equal(excelCsvField('=1;2'), `"'=1;2"`);
    // A number cell is never text: a negative number stays a number.
    assert.equal(excelCsvField(-2), '-2');
    assert.equal(writeExcelCsv(['=x'], [[-1.5], ['=1+1']]), "\ufeff'=x\r\n-1,5\r\n'=1+1\r\n");
  });
});
