/**
 * The derive stage's core with tiny inline inputs — loadSeries: part precedence and restatement of mergers. Every expected number is
 * worked out by hand in the test; the rules are those of domain.md sections 2 and 4.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadSeries } from '../../../../src/lib/derive/load.ts';
import { additivity, cellOf, cells, cellsOf } from '../../../helpers/derive-fixtures.ts';

const MERGER = [{ from: 'KU588', to: 'KU507' }];
const NEW = '2025-02-25T08:00:00Z';
const OLD = '2023-11-21T06:00:00Z';

describe('loadSeries: precedence of overlapping parts', () => {
  for (const order of ['old part read first', 'new part read first']) {
    test(`the part its source updated more recently wins, and the disagreement is recorded with both values (${order})`, () => {
      const rows = [
        { part: 'k3', updated: OLD, area: 'KU211', period: '2023-10', code: 'U', value: 1000 },
        { part: 'kangasala', updated: NEW, area: 'KU211', period: '2023-10', code: 'U', value: 1002 },
      ];
      const store = loadSeries(cells(order.startsWith('old') ? rows : [...rows].reverse()), [], additivity(['s']));
      assert.deepEqual(cellOf(store, 's', 'KU211', 'U', '2023-10'), [1002, 'ok']);
      assert.equal(store.conflictCount, 1);
      const c = store.conflicts[0]!;
      assert.deepEqual([c.source, c.area, c.period, c.code, c.chosen], ['s', 'KU211', '2023-10', 'U', 's/kangasala']);
      assert.deepEqual([...c.values].sort(), ['1000', '1002']);
      assert.deepEqual([...c.parts].sort(), ['s/k3', 's/kangasala']);
    });
  }

  test('a part with an unknown update stamp counts as the oldest', () => {
    const store = loadSeries(
      cells([
        { part: 'a-dated', updated: OLD, area: 'KU091', period: '2024-12', code: 'R', value: 12.5 },
        { part: 'z-unknown', updated: '', area: 'KU091', period: '2024-12', code: 'R', value: 12.4 },
      ]),
      [],
      additivity(['s']),
    );
    assert.deepEqual(cellOf(store, 's', 'KU091', 'R', '2024-12'), [12.5, 'ok']);
  });

  test('parts that agree record no conflict; a withheld cell against a value does, shown as "..."', () => {
    const agree = loadSeries(
      cells([
        { part: 'a', updated: OLD, area: 'SSS', period: '2023-10', code: 'U', value: 256070 },
        { part: 'b', updated: NEW, area: 'SSS', period: '2023-10', code: 'U', value: 256070 },
      ]),
      [],
      additivity(['s']),
    );
    assert.equal(agree.conflictCount, 0);
    const differ = loadSeries(
      cells([
        { part: 'a', updated: OLD, area: 'KU062', period: '2023-10', code: 'U', value: null },
        { part: 'b', updated: NEW, area: 'KU062', period: '2023-10', code: 'U', value: 6 },
      ]),
      [],
      additivity(['s']),
    );
    assert.equal(differ.conflictCount, 1);
    assert.deepEqual([...differ.conflicts[0]!.values].sort(), ['...', '6']);
    assert.deepEqual(cellOf(differ, 's', 'KU062', 'U', '2023-10'), [6, 'ok']);
  });

  test('cells of one part fill a dense series with gaps where the part has no cell', () => {
    const store = loadSeries(
      cells([
        { area: 'SSS', period: '2023-10', code: 'U', value: 256070 },
        { area: 'SSS', period: '2026-06', code: 'U', value: 352001 },
      ]),
      [],
      additivity(['s']),
    );
    const s = store.get('s', 'SSS', 'U', '')!;
    // 2023-10 … 2026-06 is 33 months.
    assert.equal(s.values.length, 33);
    assert.deepEqual(cellsOf(s), { '2023-10': [256070, 'ok'], '2026-06': [352001, 'ok'] });
  });
});

describe('loadSeries: restating a merger (KU588 Pertunmaa → KU507 Mäntyharju)', () => {
  test('an additive count of the merged municipality is added into its successor', () => {
    // ../shared/data K3 2023M10: KU507 211 unemployed, KU588 66 → 277.
    const store = loadSeries(
      cells([
        { area: 'KU507', period: '2023-10', code: 'U', value: 211 },
        { area: 'KU588', period: '2023-10', code: 'U', value: 66 },
        { area: 'KU507', period: '2026-06', code: 'U', value: 250, part: 'later' },
      ]),
      MERGER,
      additivity(['s']),
    );
    assert.deepEqual(cellsOf(store.get('s', 'KU507', 'U', '')), { '2023-10': [277, 'ok'], '2026-06': [250, 'ok'] });
    assert.equal(store.get('s', 'KU588', 'U', ''), undefined, 'no series is left for the merged municipality');
  });

  test('the restated sum is a lower bound when the merged municipality was withheld', () => {
    // K3 2023M10 open vacancies: KU507 12, KU588 NA → at least 12.
    const store = loadSeries(
      cells([
        { area: 'KU507', period: '2023-10', code: 'V', value: 12 },
        { area: 'KU588', period: '2023-10', code: 'V', value: null },
      ]),
      MERGER,
      additivity(['s']),
    );
    assert.deepEqual(cellOf(store, 's', 'KU507', 'V', '2023-10'), [12, 'lower_bound']);
  });

  test('the restated sum is withheld when both were withheld, and a lower bound when the successor was', () => {
    const store = loadSeries(
      cells([
        { area: 'KU507', period: '2023-09', code: 'V', value: null },
        { area: 'KU588', period: '2023-09', code: 'V', value: null },
        { area: 'KU507', period: '2023-10', code: 'V', value: null },
        { area: 'KU588', period: '2023-10', code: 'V', value: 7 },
      ]),
      MERGER,
      additivity(['s']),
    );
    assert.equal(cellOf(store, 's', 'KU507', 'V', '2023-09')?.[1], 'suppressed');
    assert.deepEqual(cellOf(store, 's', 'KU507', 'V', '2023-10'), [7, 'lower_bound']);
  });

  test('a part that has the merged municipality but not its successor gives nothing for the successor', () => {
    const store = loadSeries(cells([{ area: 'KU588', period: '2023-10', code: 'U', value: 66 }]), MERGER, additivity(['s']));
    assert.equal(store.get('s', 'KU507', 'U', ''), undefined);
    assert.equal(store.get('s', 'KU588', 'U', ''), undefined);
  });

  test('for a non-additive source both are dropped while the merged municipality exists (Kela recipients)', () => {
    // ../shared/data Kela: 507 117 and 588 47 in 2024-12; 507 174 in 2025-01.
    const store = loadSeries(
      cells([
        { source: 'k', area: 'KU507', period: '2024-12', code: 'saajat', value: 117 },
        { source: 'k', area: 'KU588', period: '2024-12', code: 'saajat', value: 47 },
        { source: 'k', area: 'KU507', period: '2025-01', code: 'saajat', value: 174 },
      ]),
      MERGER,
      additivity(['s']),
    );
    assert.deepEqual(cellsOf(store.get('k', 'KU507', 'saajat', '')), { '2025-01': [174, 'ok'] });
    assert.equal(store.get('k', 'KU588', 'saajat', ''), undefined);
  });

  test('a rate code of an additive source is never summed: the old-territory cells are dropped, a 2025-division part is kept', () => {
    const store = loadSeries(
      cells([
        // A part on the 2023 division: both municipalities' own shares (not restatable).
        { part: 'k3', updated: OLD, area: 'KU507', period: '2023-10', code: 'TYOTOSUUS', value: 7.5 },
        { part: 'k3', updated: OLD, area: 'KU588', period: '2023-10', code: 'TYOTOSUUS', value: 10.6 },
        { part: 'k3', updated: OLD, area: 'KU507', period: '2023-09', code: 'TYOTOSUUS', value: 7.4 },
        { part: 'k3', updated: OLD, area: 'KU588', period: '2023-09', code: 'TYOTOSUUS', value: 10.5 },
        // A part on the 2025 division: the restated share as StatFin publishes it (RATE 2023M10: 9.8).
        { part: 'rate', updated: '', area: 'KU507', period: '2023-10', code: 'TYOTOSUUS', value: 9.8 },
      ]),
      MERGER,
      additivity(['s'], ['TYOTOSUUS']),
    );
    assert.deepEqual(cellsOf(store.get('s', 'KU507', 'TYOTOSUUS', '')), { '2023-10': [9.8, 'ok'] });
  });

  test('cells of municipalities not involved in a merger are untouched', () => {
    const store = loadSeries(
      cells([
        { area: 'KU091', period: '2023-10', code: 'U', value: 37666 },
        { area: 'KU588', period: '2023-10', code: 'U', value: 66 },
      ]),
      MERGER,
      additivity(['s']),
    );
    assert.deepEqual(cellOf(store, 's', 'KU091', 'U', '2023-10'), [37666, 'ok']);
  });
});

