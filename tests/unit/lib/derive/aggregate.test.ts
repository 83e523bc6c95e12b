/**
 * The derive stage's core with tiny inline inputs — aggregateParents: sums of municipalities into employment areas and regions. Every expected number is
 * worked out by hand in the test; the rules are those of domain.md sections 2 and 4.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateParents, keyLookup } from '../../../../src/lib/derive/aggregate.ts';
import { loadSeries } from '../../../../src/lib/derive/load.ts';
import { additivity, cellOf, cells, cellsOf, keyRow } from '../../../helpers/derive-fixtures.ts';

const MERGER = [{ from: 'KU588', to: 'KU507' }];

describe('aggregateParents: sums of municipalities into employment areas', () => {
  const key = keyLookup([keyRow('KU001', 'TA01'), keyRow('KU002', 'TA01'), keyRow('KU003', 'TA01'), keyRow('KU004', 'TA02')], 'employment_area');
  const ADD = additivity(['s'], ['R']);

  test('a parent is the sum of its members when all have a value', () => {
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU002', period: '2026-06', code: 'U', value: 20 },
        { area: 'KU003', period: '2026-06', code: 'U', value: 30 },
        { area: 'KU004', period: '2026-06', code: 'U', value: 5 },
      ]),
      [],
      ADD,
    );
    const added = aggregateParents(store, key, ADD);
    assert.equal(added, 2);
    assert.deepEqual(cellOf(store, 's', 'TA01', 'U', '2026-06'), [60, 'ok']);
    assert.deepEqual(cellOf(store, 's', 'TA02', 'U', '2026-06'), [5, 'ok']);
  });

  test('a parent has no value in a period where a member has no cell', () => {
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-05', code: 'U', value: 11 },
        { area: 'KU002', period: '2026-05', code: 'U', value: 21 },
        { area: 'KU001', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU002', period: '2026-06', code: 'U', value: 20 },
        { area: 'KU003', period: '2026-06', code: 'U', value: 30 },
      ]),
      [],
      ADD,
    );
    aggregateParents(store, key, ADD);
    assert.deepEqual(cellsOf(store.get('s', 'TA01', 'U', '')), { '2026-06': [60, 'ok'] });
    assert.equal(store.get('s', 'TA02', 'U', ''), undefined, 'KU004 has no cells at all');
  });

  test('a withheld member makes the employment-area sum a lower bound', () => {
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU002', period: '2026-06', code: 'U', value: null },
        { area: 'KU003', period: '2026-06', code: 'U', value: 30 },
      ]),
      [],
      ADD,
    );
    aggregateParents(store, key, ADD);
    assert.deepEqual(cellOf(store, 's', 'TA01', 'U', '2026-06'), [40, 'lower_bound']);
  });

  test('a member that is itself a lower bound makes the sum a lower bound', () => {
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU002', period: '2026-06', code: 'U', value: 20, status: 'lower_bound' },
        { area: 'KU003', period: '2026-06', code: 'U', value: 30 },
      ]),
      [],
      ADD,
    );
    aggregateParents(store, key, ADD);
    assert.deepEqual(cellOf(store, 's', 'TA01', 'U', '2026-06'), [60, 'lower_bound']);
  });

  test('a parent whose members are all withheld is withheld (as Åland TA46 would be)', () => {
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-06', code: 'U', value: null },
        { area: 'KU002', period: '2026-06', code: 'U', value: null },
        { area: 'KU003', period: '2026-06', code: 'U', value: null },
      ]),
      [],
      ADD,
    );
    aggregateParents(store, key, ADD);
    assert.equal(cellOf(store, 's', 'TA01', 'U', '2026-06')?.[1], 'suppressed');
  });

  test("the source's own parent figure wins over the sum; the sum fills periods the source lacks", () => {
    const store = loadSeries(
      cells([
        { area: 'TA01', period: '2026-06', code: 'U', value: 61 },
        { area: 'KU001', period: '2026-05', code: 'U', value: 11 },
        { area: 'KU002', period: '2026-05', code: 'U', value: 21 },
        { area: 'KU003', period: '2026-05', code: 'U', value: 31 },
        { area: 'KU001', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU002', period: '2026-06', code: 'U', value: 20 },
        { area: 'KU003', period: '2026-06', code: 'U', value: 30 },
      ]),
      [],
      ADD,
    );
    aggregateParents(store, key, ADD);
    assert.deepEqual(cellsOf(store.get('s', 'TA01', 'U', '')), { '2026-05': [63, 'ok'], '2026-06': [61, 'ok'] });
  });

  test('non-additive sources and rate codes are never summed', () => {
    const store = loadSeries(
      cells([
        { source: 'k', area: 'KU001', period: '2026-06', code: 'saajat', value: 10 },
        { source: 'k', area: 'KU002', period: '2026-06', code: 'saajat', value: 20 },
        { source: 'k', area: 'KU003', period: '2026-06', code: 'saajat', value: 30 },
        { area: 'KU001', period: '2026-06', code: 'R', value: 10.1 },
        { area: 'KU002', period: '2026-06', code: 'R', value: 20.2 },
        { area: 'KU003', period: '2026-06', code: 'R', value: 30.3 },
      ]),
      [],
      ADD,
    );
    assert.equal(aggregateParents(store, key, ADD), 0);
    assert.equal(store.get('k', 'TA01', 'saajat', ''), undefined);
    assert.equal(store.get('s', 'TA01', 'R', ''), undefined);
  });

  test('the dated key decides membership by period; periods before the first row use the first row', () => {
    // KU003 moves from TA01 to TA02 on 2026-01-01.
    const moving = keyLookup(
      [keyRow('KU001', 'TA01'), keyRow('KU003', 'TA01', '2025-01-01', '2025-12-31'), keyRow('KU003', 'TA02', '2026-01-01'), keyRow('KU004', 'TA02')],
      'employment_area',
    );
    const rows = [];
    for (const period of ['2024-06', '2025-12', '2026-01']) {
      rows.push({ area: 'KU001', period, code: 'U', value: 1 }, { area: 'KU003', period, code: 'U', value: 100 }, { area: 'KU004', period, code: 'U', value: 10000 });
    }
    const store = loadSeries(cells(rows), [], ADD);
    aggregateParents(store, moving, ADD);
    assert.deepEqual(cellsOf(store.get('s', 'TA01', 'U', '')), { '2024-06': [101, 'ok'], '2025-12': [101, 'ok'], '2026-01': [1, 'ok'] });
    assert.deepEqual(cellsOf(store.get('s', 'TA02', 'U', '')), { '2024-06': [10000, 'ok'], '2025-12': [10000, 'ok'], '2026-01': [10100, 'ok'] });
  });

  test(
    "a merged municipality's ended key row does not remove the area's pre-merger sums (its cells were restated into the successor)",
    () => {
      const store = loadSeries(
        cells([
          { area: 'KU507', period: '2023-10', code: 'U', value: 211 },
          { area: 'KU588', period: '2023-10', code: 'U', value: 66 },
          { area: 'KU100', period: '2023-10', code: 'U', value: 1000 },
          { area: 'KU507', period: '2025-01', code: 'U', value: 300 },
          { area: 'KU100', period: '2025-01', code: 'U', value: 1000 },
        ]),
        MERGER,
        ADD,
      );
      const withEndedRow = keyLookup(
        [keyRow('KU588', 'TA23', '2020-01-01', '2024-12-31'), keyRow('KU507', 'TA23', '2020-01-01'), keyRow('KU100', 'TA23', '2020-01-01')],
        'employment_area',
        MERGER,
      );
      aggregateParents(store, withEndedRow, ADD);
      assert.deepEqual(cellsOf(store.get('s', 'TA23', 'U', '')), { '2023-10': [1277, 'ok'], '2025-01': [1300, 'ok'] });
    },
  );

  test('a region key sums annual population too (a year is measured on 31 December)', () => {
    const regions = keyLookup(
      [keyRow('KU001', 'MK01', '2025-01-01', '', 'region'), keyRow('KU002', 'MK01', '2025-01-01', '', 'region'), keyRow('KU001', 'TA01')],
      'region',
    );
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2025', code: 'vaesto', value: 694392 },
        { area: 'KU002', period: '2025', code: 'vaesto', value: 1000 },
      ]),
      [],
      ADD,
    );
    aggregateParents(store, regions, ADD);
    assert.deepEqual(cellsOf(store.get('s', 'MK01', 'vaesto', '')), { '2025': [695392, 'ok'] });
    assert.equal(store.get('s', 'TA01', 'vaesto', ''), undefined, 'only the requested level is built');
  });
});

