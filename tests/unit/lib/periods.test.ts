/**
 * Period arithmetic (src/lib/periods.ts) and the integer time axis of derived series
 * (src/lib/derive/axis.ts). Expected periods are written out by hand.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { crossesBreak, isMonth, isYear, periodAt, periodDate, periodIndex, periodRange, shiftPeriod, yearEarlier, yearStep } from '../../../src/lib/periods.ts';

describe('isMonth / isYear', () => {
  test('accept the portal formats YYYY-MM and YYYY only', () => {
    assert.equal(isMonth('2026-06'), true);
    assert.equal(isMonth('2026-13'), false);
    assert.equal(isMonth('2026-00'), false);
    assert.equal(isMonth('2026M06'), false);
    assert.equal(isYear('2025'), true);
    assert.equal(isYear('2025-01'), false);
  });
});

describe('shiftPeriod', () => {
  test('moves forward across a year end', () => {
    assert.equal(shiftPeriod('2024-12', 1), '2025-01');
    assert.equal(shiftPeriod('2024-11', 3), '2025-02');
    assert.equal(shiftPeriod('2024-06', 12), '2025-06');
    assert.equal(shiftPeriod('2006-01', 24), '2008-01');
  });

  test('moves backward across a year end', () => {
    assert.equal(shiftPeriod('2025-01', -1), '2024-12');
    assert.equal(shiftPeriod('2025-01', -13), '2023-12');
    assert.equal(shiftPeriod('2026-06', -12), '2025-06');
    assert.equal(shiftPeriod('2025-03', -27), '2022-12');
  });

  test('shifting by zero keeps the period', () => {
    assert.equal(shiftPeriod('2025-07', 0), '2025-07');
  });

  test('shifts years by years', () => {
    assert.equal(shiftPeriod('2025', 1), '2026');
    assert.equal(shiftPeriod('2025', -3), '2022');
  });

  test('yearEarlier is 12 months for a month and 1 year for a year', () => {
    assert.equal(yearEarlier('2025-01'), '2024-01');
    assert.equal(yearEarlier('2025'), '2024');
  });
});

describe('periodRange', () => {
  test('lists every month from first to last inclusive, across a year end', () => {
    assert.deepEqual(periodRange('2024-11', '2025-02'), ['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  test('a single period and an empty range', () => {
    assert.deepEqual(periodRange('2026-06', '2026-06'), ['2026-06']);
    assert.deepEqual(periodRange('2026-07', '2026-06'), []);
  });

  test('years', () => {
    assert.deepEqual(periodRange('2022', '2025'), ['2022', '2023', '2024', '2025']);
  });

  test('the K3 file span 2006-01…2023-10 has 214 months (domain.md)', () => {
    assert.equal(periodRange('2006-01', '2023-10').length, 214);
  });
});

describe('periodDate', () => {
  test("a month is measured on its first day, a year on its last (the dated key's date)", () => {
    assert.equal(periodDate('2025-01'), '2025-01-01');
    assert.equal(periodDate('2025'), '2025-12-31');
  });
});

describe('crossesBreak', () => {
  test('a year-on-year change from 2024-06 to 2025-06 crosses the TE24 break of 2025-01', () => {
    assert.equal(crossesBreak('2024-06', '2025-06', '2025-01'), true);
  });

  test('2025-01 → 2026-01 does not cross it: both are on the new side', () => {
    assert.equal(crossesBreak('2025-01', '2026-01', '2025-01'), false);
  });

  test('the break month itself is the first period after the break', () => {
    assert.equal(crossesBreak('2024-01', '2025-01', '2025-01'), true);
    assert.equal(crossesBreak('2024-12', '2025-01', '2025-01'), true);
    assert.equal(crossesBreak('2023-12', '2024-12', '2025-01'), false);
  });

  test('annual periods cross a monthly break when the break falls in the later year', () => {
    assert.equal(crossesBreak('2024', '2025', '2025-01'), true);
    assert.equal(crossesBreak('2025', '2026', '2025-01'), false);
    assert.equal(crossesBreak('2023', '2024', '2025-01'), false);
  });
});

describe('axis: periodIndex / periodAt', () => {
  test('months count from 1900-01 = 0', () => {
    assert.deepEqual(periodIndex('1900-01'), { freq: 'M', index: 0 });
    assert.deepEqual(periodIndex('1900-12'), { freq: 'M', index: 11 });
    assert.deepEqual(periodIndex('1901-01'), { freq: 'M', index: 12 });
    // (2026 − 1900) × 12 + 5 = 1517
    assert.deepEqual(periodIndex('2026-06'), { freq: 'M', index: 1517 });
  });

  test('a year is its own index', () => {
    assert.deepEqual(periodIndex('2025'), { freq: 'Y', index: 2025 });
    assert.equal(periodAt('Y', 2025), '2025');
  });

  test('periodAt inverts periodIndex for every month 1972-01…2026-12', () => {
    let checked = 0;
    for (let y = 1972; y <= 2026; y++) {
      for (let m = 1; m <= 12; m++) {
        const p = `${y}-${String(m).padStart(2, '0')}`;
        const { freq, index } = periodIndex(p);
        assert.equal(periodAt(freq, index), p);
        checked++;
      }
    }
    assert.equal(checked, 55 * 12);
  });

  test('periodAt gives the same text when asked again, and months outside 1900–2099 too', () => {
    assert.equal(periodAt('M', 1517), '2026-06');
    assert.equal(periodAt('M', 1517), '2026-06');
    assert.equal(periodAt('M', 0), '1900-01');
    assert.equal(periodAt('M', 2399), '2099-12');
    assert.equal(periodAt('M', 2400), '2100-01');
    assert.equal(periodAt('M', -1), '1899-12');
  });

  test('a year earlier is a fixed step: 12 for months, 1 for years', () => {
    assert.equal(yearStep('M'), 12);
    assert.equal(yearStep('Y'), 1);
    assert.equal(periodAt('M', periodIndex('2025-01').index - yearStep('M')), '2024-01');
    assert.equal(periodAt('M', periodIndex('2026-06').index - yearStep('M')), '2025-06');
  });

  test(
    'periodAt inverts periodIndex before 1900 too (1899-12)',
    () => {
      assert.equal(periodAt('M', periodIndex('1899-12').index), '1899-12');
    },
  );
});
