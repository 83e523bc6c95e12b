/**
 * CellCollector (scripts/lib/collector.ts): cells read from a file become a dense JSON-stat 2.0
 * dataset in row-major order over its dimensions, with time codes sorted; duplicates and codes
 * outside a fixed list are refused with the rows named. Expected arrays are laid out by hand.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CellCollector } from '../../../../scripts/lib/collector.ts';
import { InputError } from '../../../../src/lib/errors.ts';

const FILE = 'tests/input.csv';
const dims = () => [
  { id: 'Alue', label: 'Alue' },
  { id: 'timeperiod_m', label: 'Kuukausi', sort: true },
  { id: 'Tiedot', label: 'Tiedot', codes: ['TYOTTOMATLOPUSSA', 'TYOVOIMATK'] },
];

describe('CellCollector.build', () => {
  test('lays the cells out row-major: areas in order of first appearance, months sorted, contents in the fixed order', () => {
    const c = new CellCollector(FILE, dims());
    // Read in "file order": the later month first, the labour force before the unemployed.
    c.add(['KU091', '2026M06', 'TYOVOIMATK'], 370847, null, 2);
    c.add(['KU091', '2026M06', 'TYOTTOMATLOPUSSA'], 52578, null, 2);
    c.add(['SSS', '2023M10', 'TYOTTOMATLOPUSSA'], 256070, null, 3);
    c.add(['SSS', '2026M06', 'TYOTTOMATLOPUSSA'], 352001, null, 4);
    c.add(['KU091', '2023M10', 'TYOTTOMATLOPUSSA'], null, '...', 5);
    assert.equal(c.size, 5);
    const ds = c.build({ source: 'KEHA-keskus, Työnvälitystilasto', updated: '2026-07-21T05:00:00Z' });
    assert.deepEqual(ds.id, ['Alue', 'timeperiod_m', 'Tiedot']);
    assert.deepEqual(ds.size, [2, 2, 2]);
    assert.deepEqual(ds.dimension['Alue']!.category.index, { KU091: 0, SSS: 1 });
    assert.deepEqual(ds.dimension['timeperiod_m']!.category.index, { '2023M10': 0, '2026M06': 1 });
    assert.deepEqual(ds.dimension['Tiedot']!.category.index, { TYOTTOMATLOPUSSA: 0, TYOVOIMATK: 1 });
    // Position = ((area × 2) + month) × 2 + content.
    assert.deepEqual(ds.value, [
      null, // KU091 2023M10 U (withheld)
      null, // KU091 2023M10 L (absent)
      52578, // KU091 2026M06 U
      370847, // KU091 2026M06 L
      256070, // SSS 2023M10 U
      null, // SSS 2023M10 L (absent)
      352001, // SSS 2026M06 U
      null, // SSS 2026M06 L (absent)
    ]);
    assert.deepEqual(ds.status, { '0': '...' });
    assert.equal(ds.source, 'KEHA-keskus, Työnvälitystilasto');
    assert.equal(ds.updated, '2026-07-21T05:00:00Z');
  });

  test('a value of 0 is kept as 0, not as an absent cell', () => {
    const c = new CellCollector(FILE, [{ id: 'Alue' }, { id: 'Tiedot', codes: ['TYOHARJOITTELULOP'] }]);
    c.add(['SSS', 'TYOHARJOITTELULOP'], 0, null, 2);
    const ds = c.build({});
    assert.deepEqual(ds.value, [0]);
    assert.equal(ds.status, undefined);
  });

  test('a year dimension is sorted too, so the file order does not matter', () => {
    const c = new CellCollector(FILE, [{ id: 'Alue' }, { id: 'timeperiod_y', sort: true }, { id: 'Tiedot', codes: ['vaesto'] }]);
    c.add(['SSS', '2023', 'vaesto'], 5603851, null, 2);
    c.add(['SSS', '1972', 'vaesto'], 4653401, null, 3);
    c.add(['SSS', '2022', 'vaesto'], 5563970, null, 4);
    const ds = c.build({});
    assert.deepEqual(ds.dimension['timeperiod_y']!.category.index, { '1972': 0, '2022': 1, '2023': 2 });
    assert.deepEqual(ds.value, [4653401, 5563970, 5603851]);
  });

  test('keeps labels of a fixed dimension', () => {
    const c = new CellCollector(FILE, [{ id: 'Tiedot', codes: ['TYOTOSUUS'], labels: { TYOTOSUUS: 'Työttömien työnhakijoiden %-osuus työvoimasta (%)' } }]);
    c.add(['TYOTOSUUS'], 12.8, null, 2);
    const ds = c.build({});
    assert.deepEqual(ds.dimension['Tiedot']!.category.label, { TYOTOSUUS: 'Työttömien työnhakijoiden %-osuus työvoimasta (%)' });
    assert.deepEqual(ds.value, [12.8]);
  });

  test('grows past its initial capacity without losing cells (3000 months)', () => {
    const c = new CellCollector(FILE, [{ id: 'Alue' }, { id: 'n' }, { id: 'Tiedot', codes: ['x'] }]);
    for (let i = 0; i < 3000; i++) c.add(['SSS', `p${String(i).padStart(4, '0')}`, 'x'], i, null, i + 2);
    const ds = c.build({});
    assert.equal(ds.size[1], 3000);
    assert.equal((ds.value as number[])[0], 0);
    assert.equal((ds.value as number[])[2999], 2999);
  });
});

describe('CellCollector refuses', () => {
  test('a duplicate cell, naming the row of each (numeric rows)', () => {
    const c = new CellCollector(FILE, dims());
    c.add(['KU091', '2023M10', 'TYOTTOMATLOPUSSA'], 37666, null, 6, 'TYOTTOMATLOPUSSA');
    c.add(['KU049', '2023M10', 'TYOTTOMATLOPUSSA'], 13498, null, 7, 'TYOTTOMATLOPUSSA');
    c.add(['KU091', '2023M10', 'TYOTTOMATLOPUSSA'], 37666, null, 9, 'TYOTTOMATLOPUSSA');
    assert.throws(
      () => c.build({}),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.location.file, FILE);
        assert.equal(e.location.row, 9);
        assert.equal(e.location.field, 'TYOTTOMATLOPUSSA');
        assert.match(e.message, /^tests\/input\.csv, row 9, field "TYOTTOMATLOPUSSA": duplicate: Alue=KU091, timeperiod_m=2023M10, Tiedot=TYOTTOMATLOPUSSA was already given on row 6$/);
        return true;
      },
    );
  });

  test('a duplicate cell, naming both JSON rows', () => {
    const c = new CellCollector(FILE, dims());
    c.add(['SSS', '2026M06', 'TYOVOIMATK'], 2743596, null, 'data[0]', 'TYOVOIMATK');
    c.add(['SSS', '2026M06', 'TYOVOIMATK'], 2743596, null, 'data[4]', 'TYOVOIMATK');
    assert.throws(() => c.build({}), (e: unknown) => e instanceof InputError && e.location.row === 'data[4]' && /already given at data\[0\]/.test(e.message));
  });

  test('a withheld cell given twice is a duplicate too', () => {
    const c = new CellCollector(FILE, dims());
    c.add(['KU062', '2026M06', 'TYOTTOMATLOPUSSA'], null, '...', 3);
    c.add(['KU062', '2026M06', 'TYOTTOMATLOPUSSA'], null, '...', 4);
    assert.throws(() => c.build({}), (e: unknown) => e instanceof InputError && e.location.row === 4 && /on row 3/.test(e.message));
  });

  test('a code outside a fixed list, naming the row, the field and the code', () => {
    const c = new CellCollector(FILE, dims());
    assert.throws(
      () => c.add(['KU091', '2026M06', 'KASSASSA'], 1, null, 12, 'KASSASSA'),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.location.row, 12);
        assert.equal(e.location.field, 'KASSASSA');
        assert.match(e.message, /"KASSASSA" is not a known Tiedot/);
        return true;
      },
    );
  });
});
