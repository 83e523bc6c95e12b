import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MunicipalityRow } from '../../../src/schema/area.ts';

const row = { code: 'KU081', name_fi: 'Hartola', name_sv: 'Gustav Adolfs  ', name_en: 'Hartola', region: 'MK07', language: '0', urban_rural: '3', valid_from: '', valid_to: '', successor: '' };

test('names are read without the spaces around them (Hartola in Swedish as in municipalities.csv)', () => {
  assert.equal(MunicipalityRow.parse(row).name_sv, 'Gustav Adolfs');
});

test('a name of spaces only is an error', () => {
  assert.equal(MunicipalityRow.safeParse({ ...row, name_sv: '   ' }).success, false);
});
