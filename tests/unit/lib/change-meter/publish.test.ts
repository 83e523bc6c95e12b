/** What a published row shows (src/lib/change-meter/publish.ts): whole percent, empty withheld cells, the row check. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkPublishedRow, publishRow } from '../../../../src/lib/change-meter/publish.ts';
import { wholePercent } from '../../../../src/lib/change-meter/model.ts';
import type { ChangeMeterRow } from '../../../../src/schema/change-meter.ts';

const row: ChangeMeterRow = {
  area_code: 'TA01',
  period: '2025',
  instrument: 'Testimittari',
  instrument_version: '1.0',
  dimension: 'Työllistyvyys',
  scale: '1-5',
  customers_paired: 40,
  customers_measured: 60,
  customers_improved: 17,
  customers_unchanged: 18,
  customers_worse: 5,
  median_change: 0,
};

describe('publishing', () => {
  test('whole percent, rounded half up: 17/40 = 42.5 % → 43 %, 5/40 = 12.5 % → 13 %, 40/60 = 66.7 % → 67 %', () => {
    assert.deepEqual([wholePercent(17, 40), wholePercent(5, 40), wholePercent(40, 60), wholePercent(1, 3), wholePercent(0, 7)], [43, 13, 67, 33, 0]);
    const ok = publishRow(row, 'ok');
    assert.deepEqual([ok.coverage_rate, ok.share_improved, ok.share_unchanged, ok.share_worse, ok.median_change], [0.67, 0.43, 0.45, 0.13, 0]);
  });

  test('publishRow empties exactly what the status withholds', () => {
    const h = publishRow(row, 'shares_suppressed');
    assert.deepEqual([h.customers_paired, h.customers_measured, h.coverage_rate, h.share_improved, h.share_unchanged, h.share_worse, h.median_change], [40, 60, 0.67, null, null, null, null]);
    const s = publishRow(row, 'suppressed');
    assert.deepEqual([s.customers_paired, s.customers_measured, s.coverage_rate, s.share_improved, s.median_change, s.area_code], [null, null, null, null, null, 'TA01']);
  });

  test('checkPublishedRow refuses a shown figure that the rules withhold', () => {
    assert.equal(checkPublishedRow(publishRow(row, 'ok')), null);
    assert.equal(checkPublishedRow(publishRow(row, 'suppressed')), null);
    const small = { ...row, customers_paired: 7, customers_improved: 3, customers_unchanged: 3, customers_worse: 1 };
    assert.deepEqual(checkPublishedRow(publishRow(small, 'ok')), { field: 'customers_paired', problem: 'an ok row needs n ≥ 10, found 7' });
    assert.deepEqual(checkPublishedRow({ ...publishRow(row, 'shares_suppressed'), share_worse: 0.13 }), { field: 'share_worse', problem: 'a shares_suppressed row must leave share_worse empty' });
    assert.deepEqual(checkPublishedRow(publishRow({ ...row, customers_paired: 4, customers_improved: 4, customers_unchanged: 0, customers_worse: 0 }, 'shares_suppressed')), {
      field: 'customers_paired',
      problem: 'a published n must be at least 5, found 4',
    });
    // 10 % of 20 customers is 2 customers.
    const twenty = { ...row, customers_paired: 20, customers_improved: 10, customers_unchanged: 8, customers_worse: 2 };
    assert.deepEqual(checkPublishedRow(publishRow(twenty, 'ok')), { field: 'share_worse', problem: '10 % of 20 customers is 2 customers, under 5' });
    assert.deepEqual(checkPublishedRow({ ...publishRow(row, 'ok'), coverage_rate: 0.7 }), { field: 'coverage_rate', problem: 'coverage_rate 0.7 is not 40/60 in whole percent' });
  });
});
