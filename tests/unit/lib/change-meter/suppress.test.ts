/**
 * Suppression (src/lib/change-meter/suppress.ts): primary statuses from the counts, the link
 * between dimensions, and the protection steps, on inline tables whose outcome is worked out by
 * hand in the comments (invented numbers).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import loadHighs from 'highs';
import { highsSolver } from '../../../../src/lib/change-meter/solver.ts';
import { primaryStatus, suppress } from '../../../../src/lib/change-meter/suppress.ts';
import type { SubmittedRow } from '../../../../src/lib/change-meter/checks.ts';

const solver = highsSolver(await loadHighs());
const r = (line: number, spec: string, dimension = 'Työllistyvyys'): SubmittedRow => {
  const [area_code, period, n, m, i, u, w] = spec.split(',');
  return {
    line,
    row: { area_code: area_code!, period: period!, instrument: 'Testimittari', instrument_version: '1.0', dimension, scale: '1-5', customers_paired: +n!, customers_measured: +m!, customers_improved: +i!, customers_unchanged: +u!, customers_worse: +w!, median_change: 0 },
  };
};

describe('primary suppression', () => {
  test('n < 5 suppressed, 5 ≤ n < 10 shares suppressed, a category of 1–4 shares suppressed, otherwise ok', () => {
    const c = (n: number, improved: number, unchanged: number, worse: number) => primaryStatus({ n, m: n, improved, unchanged, worse });
    assert.deepEqual(
      [c(1, 1, 0, 0), c(4, 2, 1, 1), c(5, 5, 0, 0), c(9, 5, 4, 0), c(10, 5, 5, 0), c(10, 5, 4, 1), c(12, 12, 0, 0), c(40, 30, 5, 5)].map((p) => [p.status, p.rule]),
      [
        ['suppressed', 'suppress-n-below-5'],
        ['suppressed', 'suppress-n-below-5'],
        ['shares_suppressed', 'shares-need-n-10'],
        ['shares_suppressed', 'shares-need-n-10'],
        ['ok', undefined],
        ['shares_suppressed', 'category-count-below-5'],
        ['ok', undefined],
        ['ok', undefined],
      ],
    );
  });

  test('without a national row or nested periods nothing else is withheld', () => {
    const result = suppress([r(2, 'TA01,2025,3,5,1,1,1'), r(3, 'TA02,2025,7,9,2,3,2'), r(4, 'TA03,2025,12,15,6,6,0')], [], solver, 'x.csv');
    assert.deepEqual(result.status, ['suppressed', 'shares_suppressed', 'ok']);
  });
});

describe('links and protection', () => {
  test('a count withheld in one dimension is withheld in the others of the same area and period', () => {
    // TA01's n is 3 in one dimension and 5 in the other (the same customers, two more answered).
    const result = suppress([r(2, 'TA01,2025,3,6,1,1,1', 'Työllistyvyys'), r(3, 'TA01,2025,5,6,5,0,0', 'Osaaminen'), r(4, 'TA02,2025,30,40,10,10,10', 'Osaaminen')], [], solver, 'x.csv');
    assert.deepEqual(result.status, ['suppressed', 'suppressed', 'ok']);
    assert.deepEqual(
      result.notes.filter((n) => n.index === 1).map((n) => [n.status, n.rule]),
      [
        ['shares_suppressed', 'shares-need-n-10'],
        ['suppressed', 'linked-dimensions'],
      ],
    );
  });

  test('the cheapest row that protects: SSS 50 = 3 + 12 + 15 + 20 withholds TA02 (n 12), not TA03 or TA04', () => {
    // All categories ≥ 5 or 0 so that only n matters: TA01 = 50 − 12 − 15 − 20 = 3 unless one more is withheld.
    const rows = [r(2, 'SSS,2025,50,60,25,15,10'), r(3, 'TA01,2025,3,5,0,0,3'), r(4, 'TA02,2025,12,15,5,5,2'), r(5, 'TA03,2025,15,20,10,5,0'), r(6, 'TA04,2025,20,20,10,5,5')];
    const result = suppress(rows, [], solver, 'x.csv');
    assert.equal(result.status[2], 'suppressed');
    assert.deepEqual([result.status[3], result.status[4]], ['ok', 'ok']);
    assert.match(result.notes.find((n) => n.index === 2 && n.rule === 'protection-interval')!.reason, /the n of row 3 \(TA01, 2025, "Työllistyvyys"\) is exactly 3/);
  });

  test('two areas: the other one is withheld, being cheaper than the whole country', () => {
    // SSS 30 = TA05 4 + TA06 26: TA05 = 30 − 26 = 4 unless TA06 (n 26) or SSS (n 30) is withheld too.
    const result = suppress([r(2, 'SSS,2025,30,40,10,10,10'), r(3, 'TA05,2025,4,5,2,1,1'), r(4, 'TA06,2025,26,35,8,9,9')], [], solver, 'x.csv');
    assert.deepEqual(result.status, ['ok', 'suppressed', 'suppressed']);
  });
});
