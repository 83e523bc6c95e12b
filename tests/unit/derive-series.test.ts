/**
 * The derive stage's core with tiny inline inputs: part precedence and restatement of mergers
 * (loadSeries), sums into employment areas and regions (aggregateParents), indicator formulas
 * (computeIndicator) and comparisons (compare). Every expected number is worked out by hand
 * in the test; the rules are those of domain.md sections 2 and 4.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateParents, keyLookup } from '../../src/lib/derive/aggregate.ts';
import { loadSeries } from '../../src/lib/derive/load.ts';
import { ESTIMATE, INCOMPLETE, LOWER, MISSING, OK, SUPPRESSED, UPPER } from '../../src/lib/status.ts';
import { computeIndicator, dimsMatch } from '../../src/lib/derive/compute.ts';
import { compare, rankTable, type CompareSpec } from '../../src/lib/derive/compare.ts';
import type { Comparison } from '../../src/lib/comparisons.ts';
import { additivity, cellOf, cells, cellsOf, indicator, indicatorCells, keyRow, series } from '../helpers/derive-fixtures.ts';

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

describe('computeIndicator', () => {
  const ADD = additivity(['s', 's2'], ['TYOTOSUUS']);
  const unemploymentShare = indicator({
    id: 'unemployment-share',
    sources: ['s'],
    formula: { type: 'ratio', numerator: ['U'], denominator: ['L'], scale: 100, published: 'TYOTOSUUS' },
  });

  test('a count is the sum of its codes; one withheld code makes it a lower bound, all withheld a withheld value', () => {
    const inServices = indicator({ id: 'in-services', sources: ['s'], formula: { type: 'count', codes: ['A', 'B'] } });
    const store = loadSeries(
      cells([
        { area: 'SSS', period: '2026-04', code: 'A', value: 60000 },
        { area: 'SSS', period: '2026-04', code: 'B', value: 4198 },
        { area: 'SSS', period: '2026-05', code: 'A', value: 60000 },
        { area: 'SSS', period: '2026-05', code: 'B', value: null },
        { area: 'SSS', period: '2026-06', code: 'A', value: null },
        { area: 'SSS', period: '2026-06', code: 'B', value: null },
        { area: 'SSS', period: '2026-07', code: 'A', value: 1 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, inServices, new Set(['SSS']));
    const got = indicatorCells(out, 'SSS');
    assert.deepEqual(got['2026-04'], [64198, 'ok']);
    assert.deepEqual(got['2026-05'], [60000, 'lower_bound']);
    assert.equal(got['2026-06']?.[1], 'suppressed');
    assert.equal(got['2026-07'], undefined, 'a code without a cell gives no value');
  });

  test('a ratio divides exact integers and rounds half up (52578 / 370847 → 14.2; 57 / 400 → 14.3), keeping its terms', () => {
    const store = loadSeries(
      cells([
        { area: 'KU091', period: '2026-06', code: 'U', value: 52578 },
        { area: 'KU091', period: '2026-06', code: 'L', value: 370847 },
        { area: 'KU999', period: '2026-06', code: 'U', value: 57 },
        { area: 'KU999', period: '2026-06', code: 'L', value: 400 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, unemploymentShare, new Set(['KU091', 'KU999']));
    assert.deepEqual(indicatorCells(out, 'KU091'), { '2026-06': [14.2, 'ok'] });
    assert.deepEqual(indicatorCells(out, 'KU999'), { '2026-06': [14.3, 'ok'] });
    const h = out.find((s) => s.area === 'KU091')!;
    assert.deepEqual([h.num[0], h.den[0]], [52578, 370847]);
  });

  test('a ratio with a withheld term is withheld; with a lower-bound term it is a lower bound', () => {
    const store = loadSeries(
      cells([
        { area: 'KU062', period: '2026-06', code: 'U', value: null },
        { area: 'KU062', period: '2026-06', code: 'L', value: 235 },
        { area: 'KU063', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU063', period: '2026-06', code: 'L', value: null },
        { area: 'TA46', period: '2026-06', code: 'U', value: 787, status: 'lower_bound' },
        { area: 'TA46', period: '2026-06', code: 'L', value: 15000 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, unemploymentShare, new Set(['KU062', 'KU063', 'TA46']));
    assert.equal(indicatorCells(out, 'KU062')['2026-06']?.[1], 'suppressed');
    assert.equal(indicatorCells(out, 'KU063')['2026-06']?.[1], 'suppressed');
    // 78700 / 15000 = 5.2466… → 5.2
    assert.deepEqual(indicatorCells(out, 'TA46')['2026-06'], [5.2, 'lower_bound']);
  });

  test('a ratio says which way its bound goes: a lower-bound denominator makes an upper bound, a lower-bound numerator a lower bound, both incomplete', () => {
    // 221 / (at least 10) is at most 22.1 (design.md: "A ratio whose denominator is a lower bound
    // is an upper bound, and one with both is of unknown direction").
    const perVacancy = indicator({ id: 'unemployed-per-vacancy', sources: ['s'], unit: 'ratio', formula: { type: 'ratio', numerator: ['U'], denominator: ['V'], scale: 1 } });
    const store = loadSeries(
      cells([
        { area: 'TA02', period: '2026-06', code: 'U', value: 221 },
        { area: 'TA02', period: '2026-06', code: 'V', value: 10, status: 'lower_bound' },
      ]),
      [],
      ADD,
    );
    const s = computeIndicator(store, perVacancy, new Set(['TA02']))[0]!;
    assert.equal(s.values[0], 22.1);
    assert.equal(s.status[0], UPPER);
    const both = loadSeries(
      cells([
        { area: 'TA03', period: '2026-06', code: 'U', value: 221, status: 'lower_bound' },
        { area: 'TA03', period: '2026-06', code: 'V', value: 10, status: 'lower_bound' },
        { area: 'TA04', period: '2026-06', code: 'U', value: 221, status: 'lower_bound' },
        { area: 'TA04', period: '2026-06', code: 'V', value: 10 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(both, perVacancy, new Set(['TA03', 'TA04']));
    assert.deepEqual(out.map((x) => [x.area, x.values[0], x.status[0]]), [
      ['TA03', 22.1, INCOMPLETE],
      ['TA04', 22.1, LOWER],
    ]);
  });

  test('a zero denominator gives a missing value, not Infinity (unemployed per vacancy with no vacancies)', () => {
    const perVacancy = indicator({ id: 'unemployed-per-vacancy', sources: ['s'], unit: 'ratio', formula: { type: 'ratio', numerator: ['U'], denominator: ['V'], scale: 1 } });
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-06', code: 'U', value: 12 },
        { area: 'KU001', period: '2026-06', code: 'V', value: 0 },
      ]),
      [],
      ADD,
    );
    const s = computeIndicator(store, perVacancy, new Set(['KU001']))[0]!;
    assert.equal(s.status[0], MISSING);
    assert.ok(Number.isNaN(s.num[0]!));
  });

  test("the source's published rate is used only where the terms are absent", () => {
    const store = loadSeries(
      cells([
        // 2023-10: terms present (37666 / 353085 = 10.667…% → 10.7); the published cell is set
        // to a different number here to show which one is used.
        { area: 'KU091', period: '2023-10', code: 'U', value: 37666 },
        { area: 'KU091', period: '2023-10', code: 'L', value: 353085 },
        { area: 'KU091', period: '2023-10', code: 'TYOTOSUUS', value: 99.9 },
        // 2024-12: only the published share (RATE: 12.5).
        { area: 'KU091', period: '2024-12', code: 'TYOTOSUUS', value: 12.5 },
        { area: 'KU062', period: '2024-12', code: 'TYOTOSUUS', value: null },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, unemploymentShare, new Set(['KU091', 'KU062']));
    const h = indicatorCells(out, 'KU091');
    assert.deepEqual(h['2023-10'], [10.7, 'ok']);
    assert.deepEqual(h['2024-12'], [12.5, 'ok']);
    assert.equal(indicatorCells(out, 'KU062')['2024-12']?.[1], 'suppressed');
    const s = out.find((x) => x.area === 'KU091')!;
    assert.ok(Number.isNaN(s.num[s.num.length - 1]!), 'a published rate has no terms to average');
  });

  test('a published indicator takes the value as it is', () => {
    const activation = indicator({ id: 'activation-rate', sources: ['s'], formula: { type: 'published', code: 'AKTASTE' } });
    const store = loadSeries(cells([{ area: 'SSS', period: '2022-02', code: 'AKTASTE', value: 29.6 }]), [], ADD);
    assert.deepEqual(indicatorCells(computeIndicator(store, activation, new Set(['SSS'])), 'SSS'), { '2022-02': [29.6, 'ok'] });
  });

  test('the dims selection picks the totals (SSS) of other variables unless told otherwise', () => {
    // 11re 2025 (../shared/data): total 5652881, men 2799212, women 2853669; 1972–2023 file 2023: 5603851.
    const rows = [
      { area: 'SSS', period: '2025', code: 'vaesto', dims: 'Sukupuoli=SSS', value: 5652881 },
      { area: 'SSS', period: '2025', code: 'vaesto', dims: 'Sukupuoli=1', value: 2799212 },
      { area: 'SSS', period: '2025', code: 'vaesto', dims: 'Sukupuoli=2', value: 2853669 },
      { area: 'SSS', period: '2023', code: 'vaesto', dims: 'Ikä=SSS|Sukupuoli=SSS', value: 5603851, part: 'old' },
      { area: 'SSS', period: '2023', code: 'vaesto', dims: 'Ikä=SSS|Sukupuoli=1', value: 1, part: 'old' },
    ];
    const store = loadSeries(cells(rows), [], ADD);
    const total = indicator({ id: 'population', sources: ['s'], frequency: 'annual', formula: { type: 'count', codes: ['vaesto'] } });
    assert.deepEqual(indicatorCells(computeIndicator(store, total, new Set(['SSS'])), 'SSS'), { '2023': [5603851, 'ok'], '2025': [5652881, 'ok'] });
    const women = indicator({ id: 'population-women', sources: ['s'], frequency: 'annual', select: { Sukupuoli: '2' }, formula: { type: 'count', codes: ['vaesto'] } });
    assert.deepEqual(indicatorCells(computeIndicator(store, women, new Set(['SSS'])), 'SSS'), { '2025': [2853669, 'ok'] });
  });

  test('dimsMatch: listed dimensions need the selected code, all others their total SSS', () => {
    assert.equal(dimsMatch('', {}), true);
    assert.equal(dimsMatch('Sukupuoli=SSS', {}), true);
    assert.equal(dimsMatch('Sukupuoli=1', {}), false);
    assert.equal(dimsMatch('aikatyyppi=Kuukausi|etuus=Yhteensä|kertymaluokka=Yhteensä', { aikatyyppi: 'Kuukausi', etuus: 'Yhteensä', kertymaluokka: 'Yhteensä' }), true);
    assert.equal(dimsMatch('aikatyyppi=Vuosikertymä|etuus=Yhteensä|kertymaluokka=Yhteensä', { aikatyyppi: 'Kuukausi', etuus: 'Yhteensä', kertymaluokka: 'Yhteensä' }), false);
  });

  test('only the given areas get a series, and where two sources give a code the newer part wins', () => {
    const store = loadSeries(
      cells([
        { source: 's', part: 'a', updated: OLD, area: 'SSS', period: '2025', code: 'vaesto', value: 100 },
        { source: 's2', part: 'b', updated: NEW, area: 'SSS', period: '2025', code: 'vaesto', value: 200 },
        { source: 's', part: 'a', updated: OLD, area: 'KU091', period: '2025', code: 'vaesto', value: 50 },
      ]),
      [],
      ADD,
    );
    const pop = indicator({ id: 'population', sources: ['s', 's2'], frequency: 'annual', formula: { type: 'count', codes: ['vaesto'] } });
    const out = computeIndicator(store, pop, new Set(['SSS']));
    assert.deepEqual(out.map((s) => s.area), ['SSS']);
    assert.deepEqual(indicatorCells(out, 'SSS'), { '2025': [200, 'ok'] });
  });

  test('a series spans its first to last value, with a gap where no input exists', () => {
    const unemployed = indicator({ id: 'unemployed', sources: ['s'], formula: { type: 'count', codes: ['U'] } });
    const store = loadSeries(
      cells([
        { area: 'SSS', period: '2023-10', code: 'U', value: 256070 },
        { area: 'SSS', period: '2026-06', code: 'U', value: 352001 },
      ]),
      [],
      ADD,
    );
    const s = computeIndicator(store, unemployed, new Set(['SSS']))[0]!;
    assert.equal(s.status.length, 33);
    assert.equal(s.status[0], OK);
    assert.equal(s.status[1], 0, '2023-11 has no value (written as missing)');
    assert.equal(s.status[32], OK);
  });
});

describe('compare', () => {
  const COUNT: CompareSpec = { id: 'unemployed', decimals: 0, isCount: true, scale: 1, hasTerms: true, breaks: ['2025-01'], rank: false };
  const RATE: CompareSpec = { id: 'unemployment-share', decimals: 1, isCount: false, scale: 100, hasTerms: true, breaks: ['2025-01'], rank: true };
  const rows = (list: ReturnType<typeof series>[], specs = [COUNT, RATE], rankAreas: string[] = []): Comparison[] => [...compare(list, specs, rankAreas)];
  const at = (rs: Comparison[], area: string, period: string) => rs.find((r) => r.area === area && r.period === period);
  const months = (n: number, make: (i: number) => [number, number] | [number, number, number] | [number, number, number, number] | null) => Array.from({ length: n }, (_, i) => make(i));

  test('a year-on-year change of a count, with its percentage and whether it crosses the TE24 break', () => {
    // 2024-06 40000, 2025-06 44000, 2026-06 52578; months between have no value.
    const s = series('unemployed', 'KU091', '2024-06', months(25, (i) => (i === 0 ? [40000, OK, 40000] : i === 12 ? [44000, OK, 44000] : i === 24 ? [52578, OK, 52578] : null)));
    const rs = rows([s]);
    assert.equal(rs.length, 3, 'one row per period with a value');
    assert.deepEqual(at(rs, 'KU091', '2024-06')?.yoy_change, null);
    const mid = at(rs, 'KU091', '2025-06')!;
    assert.deepEqual([mid.yoy_change, mid.yoy_change_pct, mid.yoy_crosses_break, mid.yoy_status], [4000, 10, true, 'ok']);
    // 8578 / 44000 = 19.495…% → 19.5
    const last = at(rs, 'KU091', '2026-06')!;
    assert.deepEqual([last.yoy_change, last.yoy_change_pct, last.yoy_crosses_break, last.yoy_status], [8578, 19.5, false, 'ok']);
    assert.equal(last.diff_to_country, null, 'counts get no difference to the country');
  });

  test('a year-on-year change of a rate is in points, without a percentage; bounds on either side say which way the change is bounded', () => {
    // Helsinki RATE: 2024-01 11.2, 2025-01 12.7 → +1.5 points across the break. With the earlier
    // value only a lower bound (at least 11.2), the change is at most +1.5.
    const s = series('unemployment-share', 'KU091', '2024-01', months(13, (i) => (i === 0 ? [11.2, LOWER] : i === 12 ? [12.7, OK] : null)));
    const r = at(rows([s]), 'KU091', '2025-01')!;
    assert.deepEqual([r.yoy_change, r.yoy_change_pct, r.yoy_crosses_break, r.yoy_status], [1.5, null, true, 'upper_bound']);
    // The later value at least 12.7 → the change is at least +1.5; an estimate makes it an estimate.
    const later = series('unemployment-share', 'KU092', '2024-01', months(13, (i) => (i === 0 ? [11.2, OK] : i === 12 ? [12.7, LOWER] : null)));
    assert.equal(at(rows([later]), 'KU092', '2025-01')!.yoy_status, 'lower_bound');
    const est = series('unemployment-share', 'TA01', '2024-01', months(13, (i) => (i === 0 ? [11.2, OK] : i === 12 ? [12.7, ESTIMATE] : null)));
    assert.equal(at(rows([est]), 'TA01', '2025-01')!.yoy_status, 'estimate');
  });

  test('the change from three months earlier, and the latest earlier period as high or as low', () => {
    // 2026-01…2026-08: 12.0, 12.5, 13.0, 12.5, 12.0, 12.8, 13.2, 12.4.
    const v = [12.0, 12.5, 13.0, 12.5, 12.0, 12.8, 13.2, 12.4];
    const s = series('unemployment-share', 'TA05', '2026-01', months(8, (i) => [v[i]!, i >= 6 ? ESTIMATE : OK]));
    const rs = rows([s]);
    const aug = at(rs, 'TA05', '2026-08')!;
    // 12.4 − 12.0 (2026-05) = +0.4, an estimate minus an exact value.
    assert.deepEqual([aug.change_3m, aug.change_3m_status, aug.change_3m_crosses_break], [0.4, 'estimate', false]);
    // 12.4: the latest earlier value at least as high is 13.2 (2026-07); at least as low, 12.0 (2026-05).
    assert.deepEqual([aug.last_as_high, aug.last_as_low], ['2026-07', '2026-05']);
    // 13.2 in 2026-07 is the highest of the series: nothing earlier was as high.
    assert.deepEqual([at(rs, 'TA05', '2026-07')!.last_as_high, at(rs, 'TA05', '2026-07')!.last_as_low], [null, '2026-06']);
    // An equal value counts: 12.0 in 2026-05 was last as low in 2026-01 (12.0); last as high in 2026-04 (12.5).
    assert.deepEqual([at(rs, 'TA05', '2026-05')!.last_as_low, at(rs, 'TA05', '2026-05')!.last_as_high], ['2026-01', '2026-04']);
    assert.equal(at(rs, 'TA05', '2026-03')!.change_3m, null, 'no value three months before 2026-03');
  });

  test('no change from a withheld value a year earlier', () => {
    const s = series('unemployed', 'KU062', '2025-06', months(13, (i) => (i === 0 ? [0, SUPPRESSED] : i === 12 ? [5, OK, 5] : null)));
    const rs = rows([s]);
    assert.equal(rs.length, 1);
    assert.equal(rs[0]!.yoy_change, null);
  });

  test('the 12-month average of a rate is ΣN / ΣD over the 12 months, never the mean of the rates', () => {
    // Eleven months of 1 / 10 (10.0 %) and one month of 900 / 1000 (90.0 %):
    // ΣN / ΣD = 911 / 1110 = 82.07…% → 82.1, whereas the mean of the rates would be 16.7.
    const s = series('unemployment-share', 'TA01', '2025-07', months(12, (i) => (i < 11 ? [10, OK, 1, 10] : [90, OK, 900, 1000])));
    const rs = rows([s]);
    const r = at(rs, 'TA01', '2026-06')!;
    assert.deepEqual([r.avg_12m, r.avg_12m_status, r.avg_12m_from], [82.1, 'ok', '2025-07']);
    assert.equal(at(rs, 'TA01', '2026-05')!.avg_12m, null, 'only 11 months before it');
  });

  test('the 12-month average of a count is ΣN / 12 rounded half up (1 + … + 12 = 78, 78 / 12 = 6.5 → 7)', () => {
    const s = series('unemployed', 'TA01', '2025-07', months(12, (i) => [i + 1, OK, i + 1]));
    const r = at(rows([s]), 'TA01', '2026-06')!;
    assert.deepEqual([r.avg_12m, r.avg_12m_status, r.avg_12m_from], [7, 'ok', '2025-07']);
  });

  test('no 12-month average when a month is missing, withheld or has no terms; a lower-bound month makes it a lower bound', () => {
    // (The months' statuses combine: all lower bounds or exact → a lower bound.)
    const full = (i: number): [number, number, number] => [i + 1, OK, i + 1];
    const gap = series('unemployed', 'A', '2025-07', months(12, (i) => (i === 5 ? null : full(i))));
    const withheld = series('unemployed', 'B', '2025-07', months(12, (i) => (i === 5 ? [0, SUPPRESSED] : full(i))));
    const published = series('unemployment-share', 'C', '2025-07', months(12, (i) => (i === 5 ? [10, OK] : [10, OK, 1, 10])));
    const lower = series('unemployed', 'D', '2025-07', months(12, (i) => (i === 5 ? [6, LOWER, 6] : full(i))));
    const rs = rows([gap, withheld, published, lower]);
    assert.equal(at(rs, 'A', '2026-06')!.avg_12m, null);
    assert.equal(at(rs, 'B', '2026-06')!.avg_12m, null);
    assert.equal(at(rs, 'C', '2026-06')!.avg_12m, null);
    const d = at(rs, 'D', '2026-06')!;
    assert.deepEqual([d.avg_12m, d.avg_12m_status], [7, 'lower_bound']);
  });

  test('ranks among the given areas only, highest = 1, ties sharing a rank', () => {
    const one = (area: string, v: number) => series('unemployment-share', area, '2026-06', [[v, OK, v, 100]]);
    const list = [one('SSS', 12.8), one('TA01', 12.0), one('TA02', 15.5), one('TA03', 15.5), one('TA04', 9.0), one('TA46', 20.0)];
    const rs = rows(list, [COUNT, RATE], ['TA01', 'TA02', 'TA03', 'TA04']);
    const rank = (a: string) => [at(rs, a, '2026-06')!.rank, at(rs, a, '2026-06')!.rank_of];
    assert.deepEqual(rank('TA02'), [1, 4]);
    assert.deepEqual(rank('TA03'), [1, 4]);
    assert.deepEqual(rank('TA01'), [3, 4]);
    assert.deepEqual(rank('TA04'), [4, 4]);
    assert.deepEqual(rank('TA46'), [null, null], 'Åland is not a TE24 area');
    assert.deepEqual(rank('SSS'), [null, null]);
  });

  test('values that are only bounds are not ranked; estimates are', () => {
    const one = (area: string, v: number, st: number) => series('unemployment-share', area, '2026-06', [[v, st, v, 100]]);
    const list = [one('TA01', 12.0, OK), one('TA02', 59.1, UPPER), one('TA03', 15.5, ESTIMATE), one('TA04', 20.0, LOWER), one('TA05', 9.0, INCOMPLETE)];
    const ranks = rankTable(list, [COUNT, RATE], ['TA01', 'TA02', 'TA03', 'TA04', 'TA05']);
    assert.deepEqual(ranks.get('unemployment-share|TA03|2026-06'), [1, 2]);
    assert.deepEqual(ranks.get('unemployment-share|TA01|2026-06'), [2, 2]);
    for (const a of ['TA02', 'TA04', 'TA05']) assert.equal(ranks.get(`unemployment-share|${a}|2026-06`), undefined, a);
  });

  test('areas without a value in a period are not counted in rank_of; unranked indicators get no rank', () => {
    const list = [
      series('unemployment-share', 'TA01', '2026-06', [[12.0, OK, 12, 100]]),
      series('unemployment-share', 'TA02', '2026-06', [[0, SUPPRESSED]]),
      series('unemployed', 'TA01', '2026-06', [[500, OK, 500]]),
      series('unemployed', 'TA02', '2026-06', [[900, OK, 900]]),
    ];
    const ranks = rankTable(list, [COUNT, RATE], ['TA01', 'TA02']);
    assert.deepEqual(ranks.get('unemployment-share|TA01|2026-06'), [1, 1]);
    assert.equal(ranks.get('unemployment-share|TA02|2026-06'), undefined);
    assert.equal(ranks.get('unemployed|TA02|2026-06'), undefined);
  });

  test('the difference to the whole country is in points for rates (14.2 − 12.8 = 1.4), 0.0 for the country itself', () => {
    const list = [
      series('unemployment-share', 'SSS', '2026-06', [[12.8, OK, 352001, 2743596]]),
      series('unemployment-share', 'KU091', '2026-06', [[14.2, OK, 52578, 370847]]),
      series('unemployment-share', 'TA01', '2026-05', [[9.9, OK, 99, 1000]]),
    ];
    const rs = rows(list);
    assert.equal(at(rs, 'KU091', '2026-06')!.diff_to_country, 1.4);
    assert.equal(at(rs, 'SSS', '2026-06')!.diff_to_country, 0);
    assert.equal(at(rs, 'TA01', '2026-05')!.diff_to_country, null, 'no country value that month');
  });

  test('annual series compare with the year before', () => {
    const POP: CompareSpec = { id: 'population', decimals: 0, isCount: true, scale: 1, hasTerms: true, breaks: [], rank: false };
    // 11re/11ra: whole country 2023 5603851, 2024 (not in the snapshot), 2025 5652881.
    const s = series('population', 'SSS', '2023', [[5603851, OK, 5603851], null, [5652881, OK, 5652881]]);
    const rs = [...compare([s], [POP], [])];
    assert.equal(rs.length, 2);
    assert.equal(rs[1]!.yoy_change, null, '2025 has no 2024 to compare with');
    assert.equal(rs[1]!.avg_12m, null, 'no 12-month average for annual series');
  });
});
