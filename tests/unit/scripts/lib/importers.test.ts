/**
 * The file importers (scripts/lib/importers.ts) against bad inputs: every defect must stop the
 * import with an InputError that names the file, the row and (where one applies) the field. The
 * bad files are hand-made variants of the real formats (tests/fixtures/bad/README.md); the
 * `_good` files with the same rows prove the refusals are about the defect alone.
 *
 * The acquire command on a bad file: tests/integration/scripts/acquire-files.test.ts.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadReference } from '../../../../scripts/lib/validate/reference.ts';
import { InputError } from '../../../../src/lib/errors.ts';
import type { JsonStatDataset } from '../../../../src/schema/raw.ts';
import { wideCsvSpec } from '../../../../scripts/lib/file-imports.ts';
import { importPxWebJson, importWideCsv, type ImportContext, type WideCsvSpec } from '../../../../scripts/lib/importers.ts';
import { loadSources } from '../../../../scripts/lib/validate/registry.ts';
import { BAD_FIXTURES, ROOT, SHARED_MINI, cellAt } from '../../../helpers/data-harness.ts';

const ref = loadReference(ROOT);
const ctx = (name: string): ImportContext => ({ path: join(BAD_FIXTURES, name), provenance: 'test fixture', ref, now: '2026-08-01T00:00:00Z' });

/** The real settings of a wide-CSV file entry in data/sources/ (the file itself is a test fixture). */
function realSpec(source: string, part: string): WideCsvSpec {
  const f = loadSources(ROOT).find((x) => x.id === source)?.files.find((x) => x.part === part);
  assert.ok(f && f.format === 'wide-csv', `data/sources/${source}.yaml has a wide-csv file "${part}"`);
  return wideCsvSpec(source, f, SHARED_MINI);
}

const K3 = realSpec('statfin-tyonv-12r5', '2006M01-2023M10');
const KELA_SAAJAT = realSpec('kela-unemployment-benefits', '2018M01-2026M08');
const KELA_COFINANCED = realSpec('kela-cofinanced-benefit', 'SSS-2025M01-2026M08');

const PX = { source: 'statfin-tyonv-12r5', part: '2026M06', description: 'test', contentsId: 'Tiedot', decimalCodes: ['TYOTOSUUS'] };

/**
 * Asserts that `fn` throws an InputError located in fixture `name`, at `row` and in `field` (either
 * may be undefined where it does not apply), whose one-line message says them and matches `problem`.
 */
function assertRefused(fn: () => unknown, name: string, row: number | string | undefined, field: string | undefined, problem: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.ok(e.location.file.endsWith(`tests/fixtures/bad/${name}`), `file: ${e.location.file}`);
    assert.equal(e.location.row, row, e.message);
    assert.equal(e.location.field, field, e.message);
    assert.ok(e.message.includes(name), `message names the file: ${e.message}`);
    if (row !== undefined) assert.ok(e.message.includes(typeof row === 'number' ? `row ${row}` : row), `message names the row: ${e.message}`);
    if (field !== undefined) assert.ok(e.message.includes(`field "${field}"`), `message names the field: ${e.message}`);
    assert.match(e.message, problem);
    assert.ok(!e.message.includes('\n'), 'the message is one line');
    return true;
  });
}

describe('importWideCsv: the good rows import unchanged', () => {
  test('12r5 municipal file: values, and "NA" kept as the status of a null cell', () => {
    const ds = importWideCsv(ctx('12r5_kunnat_good.csv'), K3).data as JsonStatDataset;
    assert.deepEqual(ds.id, ['Alue', 'timeperiod_m', 'Tiedot']);
    assert.deepEqual(cellAt(ds, { Alue: 'KU091', timeperiod_m: '2023M10', Tiedot: 'TYOTTOMATLOPUSSA' }), { value: 37666, status: null });
    assert.deepEqual(cellAt(ds, { Alue: 'SSS', timeperiod_m: '2023M10', Tiedot: 'TYOVOIMATK' }), { value: 2648166, status: null });
    assert.deepEqual(cellAt(ds, { Alue: 'KU588', timeperiod_m: '2023M10', Tiedot: 'AVPAIKATLOPUSSA' }), { value: null, status: 'NA' });
    // A combination absent from the file is null without a status.
    assert.deepEqual(cellAt(ds, { Alue: 'KU049', timeperiod_m: '2023M09', Tiedot: 'TYOTTOMATLOPUSSA' }), { value: null, status: null });
  });

  test('Kela files: municipality numbers become KU codes, 202608 becomes 2026M08, 000 becomes SSS', () => {
    const saajat = importWideCsv(ctx('kela_saajat_good.csv'), KELA_SAAJAT).data as JsonStatDataset;
    assert.deepEqual(cellAt(saajat, { Alue: 'KU091', timeperiod_m: '2026M08', Tiedot: 'saajat' }), { value: 38752, status: null });
    const cof = importWideCsv(ctx('kela_osarahoittama_good.csv'), KELA_COFINANCED).data as JsonStatDataset;
    assert.deepEqual(
      cellAt(cof, { Alue: 'SSS', timeperiod_m: '2026M06', aikatyyppi: 'Kuukausi', etuus: 'Yhteensä', kertymaluokka: 'Yhteensä', Tiedot: 'kuntaosuus_eur' }),
      { value: 73051662.3, status: null },
    );
  });

  test('PxWeb json: values, and "..." kept as the status of a null cell', () => {
    const ds = importPxWebJson(ctx('12r5_2026M06_good.json'), PX).data as JsonStatDataset;
    assert.deepEqual(cellAt(ds, { Alue: 'KU091', timeperiod_m: '2026M06', Tiedot: 'TYOTTOMATLOPUSSA' }), { value: 52578, status: null });
    assert.deepEqual(cellAt(ds, { Alue: 'SSS', timeperiod_m: '2026M06', Tiedot: 'TYOTOSUUS' }), { value: 12.8, status: null });
    assert.deepEqual(cellAt(ds, { Alue: 'KU062', timeperiod_m: '2026M06', Tiedot: 'TYOTTOMATLOPUSSA' }), { value: null, status: '...' });
    assert.equal(ds.updated, '2026-07-21T05:00:00Z');
  });
});

describe('importWideCsv refuses a bad CSV, naming the file, the row and the field', () => {
  test('wrong columns (TYOTTOMATLOPUSSA renamed TYOTTOMAT)', () => {
    assertRefused(() => importWideCsv(ctx('12r5_kunnat_wrong_columns.csv'), K3), '12r5_kunnat_wrong_columns.csv', 1, 'TYOTTOMATLOPUSSA', /missing column/);
  });

  test('text in a number column ("37 666")', () => {
    assertRefused(() => importWideCsv(ctx('12r5_kunnat_text_in_number.csv'), K3), '12r5_kunnat_text_in_number.csv', 6, 'TYOTTOMATLOPUSSA', /whole number[^]*found "37 666"/);
  });

  test('a negative count (-1730 open vacancies)', () => {
    assertRefused(() => importWideCsv(ctx('12r5_kunnat_negative_count.csv'), K3), '12r5_kunnat_negative_count.csv', 4, 'AVPAIKATLOPUSSA', /found "-1730"/);
  });

  test('an unknown area code (KU999)', () => {
    assertRefused(() => importWideCsv(ctx('12r5_kunnat_unknown_area.csv'), K3), '12r5_kunnat_unknown_area.csv', 4, 'alue', /unknown area code[^]*KU999/);
  });

  test('an unknown Kela municipality number (999 → KU999)', () => {
    assertRefused(() => importWideCsv(ctx('kela_saajat_unknown_area.csv'), KELA_SAAJAT), 'kela_saajat_unknown_area.csv', 3, 'kunta_nro', /unknown area code[^]*KU999/);
  });

  test('a duplicate row, naming both rows', () => {
    assertRefused(() => importWideCsv(ctx('12r5_kunnat_duplicate_row.csv'), K3), '12r5_kunnat_duplicate_row.csv', 7, 'TYOTTOMATLOPUSSA', /duplicate: Alue=KU091, timeperiod_m=2023M10[^]*on row 6/);
  });

  test('a UTF-8 byte-order mark', () => {
    assertRefused(() => importWideCsv(ctx('12r5_kunnat_bom.csv'), K3), '12r5_kunnat_bom.csv', 1, undefined, /byte-order mark/);
  });

  test('Latin-1 encoding (ä as byte 0xE4 in "Ansiopäiväraha")', () => {
    assertRefused(() => importWideCsv(ctx('kela_osarahoittama_latin1.csv'), KELA_COFINANCED), 'kela_osarahoittama_latin1.csv', 2, undefined, /not valid UTF-8[^]*0xe4/);
  });

  test('"," instead of ";" in a Kela file: the message names the separator', () => {
    assertRefused(() => importWideCsv(ctx('kela_saajat_comma.csv'), KELA_SAAJAT), 'kela_saajat_comma.csv', 1, undefined, /separated by ";"[^]*seems to use ","/);
  });

  test('";" instead of "," in the quoted 12r5 file is refused at the header', () => {
    assert.throws(
      () => importWideCsv(ctx('12r5_kunnat_semicolon.csv'), K3),
      (e: unknown) => e instanceof InputError && e.location.row === 1 && e.message.includes('12r5_kunnat_semicolon.csv, row 1'),
    );
  });

  test(
    '";" instead of "," in the quoted 12r5 file: the message names the separator',
    () => {
      assertRefused(() => importWideCsv(ctx('12r5_kunnat_semicolon.csv'), K3), '12r5_kunnat_semicolon.csv', 1, undefined, /seems to use ";"/);
    },
  );
});

describe('importPxWebJson refuses a bad PxWeb json answer, naming the file, the row and the field', () => {
  test('an unknown area code (KU999)', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_unknown_area.json'), PX), '12r5_2026M06_unknown_area.json', 'data[1]', 'Alue', /unknown area code[^]*KU999/);
  });

  test('a negative count', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_negative_count.json'), PX), '12r5_2026M06_negative_count.json', 'data[1]', 'TYOTTOMATLOPUSSA', /found "-52578"/);
  });

  test('text in a number column ("370 847")', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_text_in_number.json'), PX), '12r5_2026M06_text_in_number.json', 'data[1]', 'TYOVOIMATK', /found "370 847"/);
  });

  test('a duplicate row, naming both rows', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_duplicate_row.json'), PX), '12r5_2026M06_duplicate_row.json', 'data[3]', 'TYOTTOMATLOPUSSA', /duplicate: Alue=KU091[^]*at data\[1\]/);
  });

  test('a row with fewer values than content columns', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_wrong_values.json'), PX), '12r5_2026M06_wrong_values.json', 'data[2]', 'values', /expected 3 values, found 2/);
  });

  test('a column without its type (the JSON path is the location)', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_wrong_columns.json'), PX), '12r5_2026M06_wrong_columns.json', undefined, 'columns[3].type', /missing/);
  });

  test('a UTF-8 byte-order mark', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_bom.json'), PX), '12r5_2026M06_bom.json', 1, undefined, /byte-order mark/);
  });

  test('Latin-1 encoding (ö as byte 0xF6), naming the line', () => {
    assertRefused(() => importPxWebJson(ctx('12r5_2026M06_latin1.json'), PX), '12r5_2026M06_latin1.json', 4, undefined, /not valid UTF-8[^]*0xf6/);
  });
});
