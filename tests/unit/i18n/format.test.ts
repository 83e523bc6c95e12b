/**
 * Locale formatting (src/i18n/format.ts): numbers, signed changes, periods and dates in fi, sv
 * and en. Finnish and Swedish group digits with a no-break space (U+00A0) and use a decimal
 * comma; a change's minus is U+2212 in every language. Dates are read in Helsinki time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatChange, formatDate, formatNumber, formatPeriod, formatPeriodShort, LANGS } from '../../../src/i18n/format.ts';

const NB = '\u00a0';
const MINUS = '\u2212';

describe('formatNumber', () => {
  test('groups thousands and writes the decimal sign of the language', () => {
    assert.equal(formatNumber('fi', 352001), `352${NB}001`);
    assert.equal(formatNumber('sv', 352001), `352${NB}001`);
    assert.equal(formatNumber('en', 352001), '352,001');
    assert.equal(formatNumber('fi', 1234567.5, 1), `1${NB}234${NB}567,5`);
    assert.equal(formatNumber('en', 1234567.5, 1), '1,234,567.5');
  });

  test('writes exactly the decimals asked for (default none)', () => {
    assert.equal(formatNumber('fi', 14, 1), '14,0');
    assert.equal(formatNumber('sv', 0.25, 2), '0,25');
    assert.equal(formatNumber('en', 14.2), '14');
    assert.equal(formatNumber('en', 3, 3), '3.000');
  });

  test('a negative number has U+2212 in fi and sv, the hyphen-minus in en', () => {
    assert.equal(formatNumber('fi', -4.5, 1), `${MINUS}4,5`);
    assert.equal(formatNumber('sv', -4.5, 1), `${MINUS}4,5`);
    assert.equal(formatNumber('en', -4.5, 1), '-4.5');
  });

  test('four-digit numbers are grouped too in fi and sv', () => {
    assert.equal(formatNumber('fi', 4974), `4${NB}974`);
    assert.equal(formatNumber('sv', 4974), `4${NB}974`);
  });
});

describe('formatChange', () => {
  test('a rise has a plus, a fall the minus sign U+2212, no change no sign', () => {
    assert.equal(formatChange('fi', 1234), `+1${NB}234`);
    assert.equal(formatChange('fi', -0.4, 1), `${MINUS}0,4`);
    assert.equal(formatChange('sv', -0.4, 1), `${MINUS}0,4`);
    assert.equal(formatChange('en', -0.4, 1), `${MINUS}0.4`);
    assert.equal(formatChange('en', 2.5, 1), '+2.5');
    assert.equal(formatChange('fi', 0, 1), '0,0');
  });
});

describe('formatPeriod', () => {
  test('a month in words in each language; a year stays a year', () => {
    assert.equal(formatPeriod('fi', '2026-06'), 'kesäkuu 2026');
    assert.equal(formatPeriod('sv', '2026-06'), 'juni 2026');
    assert.equal(formatPeriod('en', '2026-06'), 'June 2026');
    assert.equal(formatPeriod('fi', '2025-01'), 'tammikuu 2025');
    assert.equal(formatPeriod('en', '2025-12'), 'December 2025');
    for (const lang of LANGS) assert.equal(formatPeriod(lang, '2025'), '2025');
  });

  test('every month has a name in every language', () => {
    for (const lang of LANGS) {
      const names = Array.from({ length: 12 }, (_, i) => formatPeriod(lang, `2026-${String(i + 1).padStart(2, '0')}`));
      assert.equal(new Set(names).size, 12, lang);
      for (const n of names) assert.match(n, /^\S+ 2026$/, `${lang}: ${n}`);
    }
  });
});

describe('formatPeriodShort', () => {
  test('month/year without a leading zero; a year stays', () => {
    assert.equal(formatPeriodShort('2026-06'), '6/2026');
    assert.equal(formatPeriodShort('2025-12'), '12/2025');
    assert.equal(formatPeriodShort('2025'), '2025');
  });
});

describe('formatDate', () => {
  test('day.month.year in fi and sv, day month year in en', () => {
    assert.equal(formatDate('fi', '2026-07-21T09:00:00Z'), '21.7.2026');
    assert.equal(formatDate('sv', '2026-07-21T09:00:00Z'), '21.7.2026');
    assert.equal(formatDate('en', '2026-07-21T09:00:00Z'), '21 July 2026');
  });

  test('the day is Helsinki\'s: 22:30 UTC on the 20th is already the 21st', () => {
    assert.equal(formatDate('fi', '2026-07-20T22:30:00Z'), '21.7.2026');
    assert.equal(formatDate('en', '2026-01-31T22:30:00Z'), '1 February 2026');
  });

  test('a text that is not a date is returned as it is', () => {
    assert.equal(formatDate('fi', 'unknown'), 'unknown');
  });
});
