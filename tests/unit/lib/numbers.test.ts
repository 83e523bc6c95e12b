/**
 * Exact rounding of published values (src/lib/numbers.ts). Statistics Finland rounds half up
 * from exact integers; binary floating point must never decide a published digit.
 * Every expected value below is worked out by hand in the comment beside it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatPlain, roundHalfUp, roundRatio } from '../../../src/lib/numbers.ts';

describe('roundRatio', () => {
  test('Helsinki 2026-06: 100 × 52578 / 370847 rounds to the published 14.2', () => {
    // 5257800 / 370847 = 14.1778… (domain.md: "52,578 / 370,847 = 14.18 %", TYOTOSUUS 14.2)
    assert.equal(roundRatio(52578, 370847, 100, 1), 14.2);
  });

  test('an exact half rounds up even where floating point gives 14.249999…', () => {
    // 57 / 400 × 100 = 14.25 exactly; in binary 57 / 400 * 100 is 14.249999999999998.
    assert.equal((57 / 400) * 100 < 14.25, true, 'precondition: the naive float is below the half');
    assert.equal(roundRatio(57, 400, 100, 1), 14.3);
  });

  test('an exact half that binary represents exactly also rounds up (1/8 × 100 = 12.5 → 13 at 0 decimals)', () => {
    assert.equal(roundRatio(1, 8, 100, 1), 12.5);
    assert.equal(roundRatio(1, 8, 100, 0), 13);
  });

  test('a plain ratio (scale 1): whole country 352001 unemployed per 26641 vacancies = 13.2', () => {
    // 352001 / 26641 = 13.2127… (domain.md: unemployed per vacancy 13.2)
    assert.equal(roundRatio(352001, 26641, 1, 1), 13.2);
  });

  test('just below a half rounds down', () => {
    // 1 / 3 × 100 = 33.333…, 2 / 3 × 100 = 66.666…, 14249 / 100000 × 100 = 14.249
    assert.equal(roundRatio(1, 3, 100, 1), 33.3);
    assert.equal(roundRatio(2, 3, 100, 1), 66.7);
    assert.equal(roundRatio(14249, 100000, 100, 1), 14.2);
  });

  test('a zero denominator gives null, not Infinity or NaN', () => {
    assert.equal(roundRatio(5, 0, 100, 1), null);
    assert.equal(roundRatio(0, 0, 100, 1), null);
  });

  test('a zero numerator gives 0', () => {
    assert.equal(roundRatio(0, 26641, 100, 1), 0);
  });

  test('negative ratios round half away from zero, whichever term is negative', () => {
    // −57 / 400 × 100 = −14.25 → −14.3
    assert.equal(roundRatio(-57, 400, 100, 1), -14.3);
    assert.equal(roundRatio(57, -400, 100, 1), -14.3);
    assert.equal(roundRatio(-57, -400, 100, 1), 14.3);
    // −1 / 3 × 100 = −33.33… → −33.3
    assert.equal(roundRatio(-1, 3, 100, 1), -33.3);
  });
});

describe('roundHalfUp', () => {
  test('1.005 rounds to 1.01 at 2 decimals although 1.005 is stored as 1.00499999…', () => {
    assert.equal(roundHalfUp(1.005, 2), 1.01);
  });

  test('halves round away from zero: 2.5 → 3, −2.5 → −3, 0.285 → 0.29', () => {
    assert.equal(roundHalfUp(2.5, 0), 3);
    assert.equal(roundHalfUp(-2.5, 0), -3);
    assert.equal(roundHalfUp(0.285, 2), 0.29);
  });

  test('the difference of two one-decimal shares is cleaned of float noise (12.7 − 11.2 = 1.5)', () => {
    assert.equal(roundHalfUp(12.7 - 11.2, 1), 1.5);
    assert.equal(roundHalfUp(0.1 + 0.2, 1), 0.3);
  });

  test('float noise that multiplies out to a whole number is cleaned too (2.9 − 2 = 0.8999999999999999 → 0.9)', () => {
    assert.equal(roundHalfUp(2.9 - 2, 1), 0.9);
    assert.equal(roundHalfUp(-(2.9 - 2), 1), -0.9);
    assert.equal(roundHalfUp(2 ** 53 + 2, 1), 2 ** 53 + 2);
  });

  test('values below a half round down, and zero is never −0', () => {
    assert.equal(roundHalfUp(14.24, 1), 14.2);
    assert.equal(roundHalfUp(-14.24, 1), -14.2);
    assert.ok(Object.is(roundHalfUp(-0.01, 1), 0), 'expected +0, not −0');
  });

  test('whole numbers stay unchanged at 0 decimals (a count of 352001)', () => {
    assert.equal(roundHalfUp(352001, 0), 352001);
    assert.equal(roundHalfUp(5652881, 0), 5652881);
  });

  test(
    'a large whole number stays unchanged at 0 decimals (600000000000000)',
    () => {
      assert.equal(roundHalfUp(600000000000000, 0), 600000000000000);
    },
  );
});

describe('formatPlain', () => {
  test('writes exactly the given decimals with a decimal point', () => {
    assert.equal(formatPlain(14.2, 1), '14.2');
    assert.equal(formatPlain(12, 1), '12.0');
    assert.equal(formatPlain(0, 1), '0.0');
    assert.equal(formatPlain(352001, 0), '352001');
    assert.equal(formatPlain(-1.5, 1), '-1.5');
  });

  test('never uses exponent notation or thousands separators for large counts', () => {
    assert.equal(formatPlain(5652881, 0), '5652881');
    assert.equal(formatPlain(781133237.62, 2), '781133237.62');
  });

  test('null is written as an empty field', () => {
    assert.equal(formatPlain(null, 1), '');
  });
});
