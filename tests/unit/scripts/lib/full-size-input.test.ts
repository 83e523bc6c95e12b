/**
 * The full-size input generator of the benchmarks (scripts/lib/full-size-input.ts): which month
 * is the latest released on a given day (about three weeks after the month ends; the June 2026
 * table of 12r5 is stamped 2026-07-21), and the months from 2006-01 to it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { latestReleasedMonth, monthsFrom2006 } from '../../../../scripts/lib/full-size-input.ts';

describe('full-size input', () => {
  test('a month counts as released 21 days after its last day', () => {
    // June 2026 ends on the 30th: released on 21 July, not on 20 July.
    assert.deepEqual(latestReleasedMonth(new Date('2026-07-21T00:00:00Z')), { year: 2026, month: 6 });
    assert.deepEqual(latestReleasedMonth(new Date('2026-07-20T23:00:00Z')), { year: 2026, month: 5 });
    // Across a year end: on 5 January 2027 November 2026 is the latest (December's comes on 21 January).
    assert.deepEqual(latestReleasedMonth(new Date('2027-01-05T12:00:00Z')), { year: 2026, month: 11 });
    assert.deepEqual(latestReleasedMonth(new Date('2027-01-21T00:00:00Z')), { year: 2026, month: 12 });
  });

  test('months run from 2006M01 to the given month in PxWeb form', () => {
    const m = monthsFrom2006({ year: 2007, month: 2 });
    assert.equal(m.length, 14);
    assert.equal(m[0], '2006M01');
    assert.equal(m[11], '2006M12');
    assert.equal(m.at(-1), '2007M02');
    assert.equal(monthsFrom2006({ year: 2026, month: 10 }).length, 250);
  });
});
