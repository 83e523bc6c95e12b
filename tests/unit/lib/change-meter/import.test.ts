/** Reading a submission record by record (SubmissionReader of src/lib/change-meter/import.ts). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CsvSplitter } from '../../../../src/lib/csv.ts';
import { RuleViolation } from '../../../../src/lib/change-meter/rules.ts';
import { SubmissionReader, checkFileSize } from '../../../../src/lib/change-meter/import.ts';

const HEADER = 'area_code,period,instrument,instrument_version,dimension,scale,customers_paired,customers_measured,customers_improved,customers_unchanged,customers_worse,median_change';
const R1 = 'TA01,2025,Testimittari,1.0,Työllistyvyys,1-5,20,30,10,5,5,0.5';
/** Feeds `text` in pieces of `size` characters, as a stream would. */
function read(text: string, size = 7) {
  const reader = new SubmissionReader('s.csv', new Set(['TA01', 'TA02']));
  const splitter = new CsvSplitter(',', 's.csv');
  for (let k = 0; k < text.length; k += size) for (const rec of splitter.push(text.slice(k, k + size))) reader.record(rec);
  for (const rec of splitter.end()) reader.record(rec);
  return reader.end();
}
const refused = (text: string, rule: string, row: number | undefined, field: string | undefined, problem: RegExp) =>
  assert.throws(() => read(text), (e: unknown) => e instanceof RuleViolation && e.rule === rule && e.location.row === row && e.location.field === field && problem.test(e.problem));

describe('SubmissionReader', () => {
  test('reads rows split across pieces, with CRLF line ends', () => {
    const rows = read(`${HEADER}\r\n${R1}\r\n${R1.replace('TA01', 'TA02')}\r\n`, 5);
    assert.deepEqual(rows.map((r) => [r.line, r.row.area_code, r.row.customers_paired, r.row.median_change]), [[2, 'TA01', 20, 0.5], [3, 'TA02', 20, 0.5]]);
  });

  test('refuses a header out of order, a semicolon file, a header without rows and a ragged row', () => {
    refused(`${HEADER.replace('customers_unchanged,customers_worse', 'customers_worse,customers_unchanged')}\n${R1}\n`, 'file-format', 1, undefined, /documented order/);
    refused(`${HEADER.replaceAll(',', ';')}\n${R1.replaceAll(',', ';')}\n`, 'file-format', 1, undefined, /separated by ","/);
    refused(`${HEADER}\n`, 'file-format', 2, undefined, /no rows/);
    refused(`${HEADER}\n${R1},x\n`, 'file-format', 2, undefined, /13 field\(s\) but the header has 12/);
  });

  test('refuses empty fields, wrong numbers and a window that ends before it starts', () => {
    refused(`${HEADER}\n${R1.replace(',0.5', ',')}\n`, 'field-format', 2, 'median_change', /the field is empty/);
    refused(`${HEADER}\n${R1.replace(',10,5,5,', ',10.0,5,5,')}\n`, 'field-format', 2, 'customers_improved', /digits only/);
    refused(`${HEADER}\n${R1.replace(',2025,', ',2025-06/2024-07,')}\n`, 'field-format', 2, 'period', /ends before it starts/);
  });

  test('a file over the size limit', () => {
    checkFileSize(2 * 1024 * 1024, 's.csv');
    assert.throws(() => checkFileSize(200 * 1024 * 1024, 's.csv'), (e: unknown) => e instanceof RuleViolation && e.rule === 'file-format' && /the file is 200\.0 MiB; the limit is 2 MiB/.test(e.problem));
  });
});
