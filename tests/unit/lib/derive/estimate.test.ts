/**
 * Estimates of areas from their municipalities (src/lib/derive/estimate.ts) on hand-made series:
 * which year's weights stand in, which months get an estimate, and that exact values win.
 * (The bound itself is proven on real history in tests/integration/estimate-backtest.test.ts.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IndicatorSeries } from '../../../../src/lib/derive/compute.ts';
import { estimateParents, weightYear } from '../../../../src/lib/derive/estimate.ts';
import { periodIndex } from '../../../../src/lib/periods.ts';
import { ESTIMATE, NONE, OK, SUPPRESSED } from '../../../../src/lib/status.ts';

describe('weightYear', () => {
  const years = new Set([2006, 2007, 2022, 2023, 2026]);
  test('a year with weights uses its own', () => {
    assert.equal(weightYear(2023, years), 2023);
  });
  test('otherwise the nearest year: 2024 → 2023, 2025 → 2026', () => {
    assert.equal(weightYear(2024, years), 2023);
    assert.equal(weightYear(2025, years), 2026);
  });
  test('of two equally near years, the earlier one', () => {
    assert.equal(weightYear(2024, new Set([2022, 2026])), 2022);
  });
  test('no years, no weights', () => {
    assert.equal(weightYear(2024, new Set()), null);
  });
});

/** A monthly series of one area starting at `start`, each entry [value, status]. */
function series(area: string, start: string, points: ([number, number] | null)[]): IndicatorSeries {
  const n = points.length;
  const s: IndicatorSeries = {
    indicator: 'share',
    area,
    freq: 'M',
    start: periodIndex(start).index,
    values: new Float64Array(n),
    status: new Uint8Array(n),
    num: new Float64Array(n).fill(NaN),
    den: new Float64Array(n).fill(NaN),
  };
  points.forEach((p, i) => {
    if (p) [s.values[i], s.status[i]] = p;
  });
  return s;
}

describe('estimateParents', () => {
  // Two municipalities of TA01 with labour force 1 000 and 3 000 in 2026; shares in 2026-06…08.
  const weights = new Map([
    ['KU001', new Map([[2026, 1000]])],
    ['KU002', new Map([[2026, 3000]])],
  ]);
  const members = () => new Map([['TA01', ['KU001', 'KU002']]]);
  const base = {
    parents: new Set(['TA01']),
    membersAt: members,
    weights,
    weightYears: new Set([2026]),
    scale: 100,
    decimals: 1,
  };

  test('fills the parent where it has no value: (10 × 1000 + 20 × 3000) / 4000 = 17.5; its own exact value stays', () => {
    const out = estimateParents({
      ...base,
      series: [
        series('KU001', '2026-06', [[10, OK], [12, OK], [8, OK]]),
        series('KU002', '2026-06', [[20, OK], [20, OK], [24, OK]]),
        series('TA01', '2026-06', [[17.6, OK]]),
      ],
    });
    const ta = out.find((s) => s.area === 'TA01')!;
    assert.equal(ta.status.length, 3, 'widened to the members’ span');
    assert.deepEqual([...ta.values], [17.6, 18, 20]);
    assert.deepEqual([...ta.status], [OK, ESTIMATE, ESTIMATE]);
  });

  test('a withheld member counts as 2.5 persons; a member without a cell means no estimate', () => {
    const out = estimateParents({
      ...base,
      series: [series('KU001', '2026-07', [[10, OK], [10, OK]]), series('KU002', '2026-07', [[0, SUPPRESSED], null])],
    });
    const ta = out.find((s) => s.area === 'TA01')!;
    // (10 × 1000 + 2.5 × 100) / 4000 = 2.5625 → 2.6; in 2026-08 KU002 has no cell.
    assert.deepEqual([ta.values[0], ta.status[0]], [2.6, ESTIMATE]);
    assert.equal(ta.status.length, 1);
  });

  test('no estimate without weights for the year or a year to stand in', () => {
    const out = estimateParents({ ...base, weightYears: new Set(), series: [series('KU001', '2026-07', [[10, OK]]), series('KU002', '2026-07', [[20, OK]])] });
    assert.equal(out.find((s) => s.area === 'TA01'), undefined);
  });

  test('a parent of one municipality takes its published value as exact (the same territory)', () => {
    const out = estimateParents({
      ...base,
      parents: new Set(['TA08']),
      membersAt: () => new Map([['TA08', ['KU091']]]),
      weights: new Map([['KU091', new Map([[2026, 370847]])]]),
      series: [series('KU091', '2026-08', [[13.7, OK]])],
    });
    const ta = out.find((s) => s.area === 'TA08')!;
    assert.deepEqual([ta.values[0], ta.status[0]], [13.7, OK]);
    assert.notEqual(ta.status[0], NONE);
  });
});
