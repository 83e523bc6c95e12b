/**
 * Source cell parsing for the importers (scripts/lib/cells.ts): suppression symbols, Kela months,
 * and the sources' `updated` stamps in their different spellings.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { COUNT_RE, DECIMAL_RE, PERIOD_RE, SIGNED_RE, cellValue, normaliseUpdated } from '../../../../scripts/lib/cells.ts';
import { kelaMonth } from '../../../../src/lib/periods.ts';

describe('cellValue', () => {
  test('"..." and "NA" are withheld values with their symbol kept; numbers are numbers; 0 stays 0', () => {
    assert.deepEqual(cellValue('...'), { value: null, status: '...' });
    assert.deepEqual(cellValue('NA'), { value: null, status: 'NA' });
    assert.deepEqual(cellValue('0'), { value: 0, status: null });
    assert.deepEqual(cellValue('352001'), { value: 352001, status: null });
    assert.deepEqual(cellValue('12.8'), { value: 12.8, status: null });
  });
});

describe('cell patterns', () => {
  test('a count is a whole number ≥ 0 or a suppression symbol', () => {
    for (const ok of ['0', '352001', '...', '..', 'NA']) assert.ok(COUNT_RE.test(ok), ok);
    for (const bad of ['-5', '12.8', '37 666', '', '1e3', '.', 'na']) assert.ok(!COUNT_RE.test(bad), bad);
  });

  test('a decimal uses "." and is ≥ 0; a signed amount may be negative', () => {
    for (const ok of ['12.8', '0', '73051662.3']) assert.ok(DECIMAL_RE.test(ok), ok);
    for (const bad of ['12,8', '-0.5', '12.', '.5']) assert.ok(!DECIMAL_RE.test(bad), bad);
    assert.ok(SIGNED_RE.test('-1234.56'));
    assert.ok(!SIGNED_RE.test('--1'));
  });

  test('a period is a StatFin month or a year', () => {
    for (const ok of ['2026M06', '2025', '1972']) assert.ok(PERIOD_RE.test(ok), ok);
    for (const bad of ['2026M13', '2026-06', '202606', '2026M6']) assert.ok(!PERIOD_RE.test(bad), bad);
  });
});

describe('kelaMonth', () => {
  test('202608 → 2026M08', () => {
    assert.equal(kelaMonth('202608'), '2026M08');
    assert.equal(kelaMonth('201801'), '2018M01');
  });
});

describe('normaliseUpdated', () => {
  test('the PxWeb json spelling with dots in the time (2026-07-21T05.00.00Z)', () => {
    assert.equal(normaliseUpdated('2026-07-21T05.00.00Z'), '2026-07-21T05:00:00Z');
  });

  test('ISO stamps with an offset are converted to UTC; fractions of a second are dropped', () => {
    assert.equal(normaliseUpdated('2026-07-21T08:00:00+03:00'), '2026-07-21T05:00:00Z');
    assert.equal(normaliseUpdated('2026-07-21T05:00:00.000Z'), '2026-07-21T05:00:00Z');
  });

  test('a PX stamp without a zone is Finnish local time (EET in winter, EEST in summer)', () => {
    assert.equal(normaliseUpdated('2023-11-21 08:00:00'), '2023-11-21T06:00:00Z');
    assert.equal(normaliseUpdated('2025-06-10 08:00:00'), '2025-06-10T05:00:00Z');
  });

  test('a bare date is midnight UTC', () => {
    assert.equal(normaliseUpdated('2025-02-25'), '2025-02-25T00:00:00Z');
  });

  test('unknown or impossible stamps give null', () => {
    assert.equal(normaliseUpdated(undefined), null);
    assert.equal(normaliseUpdated(''), null);
    assert.equal(normaliseUpdated('yesterday'), null);
    assert.equal(normaliseUpdated('2026-13-45'), null);
  });
});
