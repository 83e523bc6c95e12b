/** Period arithmetic of src/lib/change-meter/periods.ts, with months counted by hand. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { comparePeriods, periodLength, periodMonths, relate } from '../../../../src/lib/change-meter/periods.ts';

describe('periods', () => {
  test('months of years, quarters and windows', () => {
    assert.deepEqual(periodMonths('2025'), { first: 2025 * 12, last: 2025 * 12 + 11 });
    assert.deepEqual(periodMonths('2025-Q3'), { first: 2025 * 12 + 6, last: 2025 * 12 + 8 });
    assert.deepEqual(periodMonths('2024-07/2025-06'), { first: 2024 * 12 + 6, last: 2025 * 12 + 5 });
    assert.equal(periodMonths('2025-06/2024-07'), null);
    assert.equal(periodMonths('2025M06'), null);
    assert.deepEqual([periodLength('2025'), periodLength('2025-Q1'), periodLength('2025-01/2025-06')], [12, 3, 6]);
  });

  test('how two periods relate', () => {
    const m = (p: string) => periodMonths(p)!;
    assert.equal(relate(m('2025'), m('2025-01/2025-12')), 'same');
    assert.equal(relate(m('2025-Q2'), m('2025')), 'inside');
    assert.equal(relate(m('2025'), m('2025-Q2')), 'contains');
    assert.equal(relate(m('2024'), m('2025-Q1')), 'disjoint');
    assert.equal(relate(m('2025-01/2025-06'), m('2025-05/2025-08')), 'overlap');
    assert.equal(relate(m('2024-07/2025-06'), m('2025')), 'overlap');
  });

  test('order: first month, then the longer period first', () => {
    assert.deepEqual(['2025-Q2', '2025-Q1', '2025', '2024'].sort(comparePeriods), ['2024', '2025', '2025-Q1', '2025-Q2']);
  });
});
