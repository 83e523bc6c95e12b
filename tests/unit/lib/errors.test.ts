/**
 * Input errors (src/lib/errors.ts): one line that names the file, the row and the field, with
 * zod's reason and what was found.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { InputError, formatLocation, issuePath, parseOrExplain } from '../../../src/lib/errors.ts';

describe('formatLocation', () => {
  test('file, numeric row, field', () => {
    assert.equal(formatLocation({ file: 'data/reference/area-key.csv', row: 12, field: 'area' }), 'data/reference/area-key.csv, row 12, field "area"');
  });
  test('a row given as a cell description is written as it is; an empty field is left out', () => {
    assert.equal(formatLocation({ file: 'a.json', row: 'data[3]', field: '' }), 'a.json, data[3]');
    assert.equal(formatLocation({ file: 'a.json' }), 'a.json');
  });
});

describe('issuePath', () => {
  test('joins keys with dots and indices in brackets', () => {
    assert.equal(issuePath(['display', 'decimals']), 'display.decimals');
    assert.equal(issuePath([3, 'code']), '[3].code');
    assert.equal(issuePath(['columns', 3, 'type']), 'columns[3].type');
  });
});

describe('parseOrExplain', () => {
  const Row = z.object({ code: z.string().regex(/^KU\d{3}$/, 'expected a municipality code such as KU091'), n: z.number() });

  test('returns the parsed value when it is valid', () => {
    assert.deepEqual(parseOrExplain(Row, { code: 'KU091', n: 1 }, { file: 'x.csv', row: 2 }), { code: 'KU091', n: 1 });
  });

  test('names the file, the row and the failing field, says what was found and how many more problems there are', () => {
    assert.throws(
      () => parseOrExplain(Row, { code: 'KU91', n: 'one' }, { file: 'data/reference/municipalities.csv', row: 7 }),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(
          e.message,
          'data/reference/municipalities.csv, row 7, field "code": expected a municipality code such as KU091 (found "KU91"); 1 more problem(s) in the same record',
        );
        assert.deepEqual(e.location, { file: 'data/reference/municipalities.csv', row: 7, field: 'code' });
        return true;
      },
    );
  });

  test('a missing field is reported as missing, under the location field as prefix', () => {
    assert.throws(
      () => parseOrExplain(Row, { code: 'KU091' }, { file: 'a.yaml', field: 'rows[0]' }),
      (e: unknown) => e instanceof InputError && e.location.field === 'rows[0].n' && /\(missing\)$/.test(e.message),
    );
  });
});
