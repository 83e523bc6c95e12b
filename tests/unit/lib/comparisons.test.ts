/**
 * The comparisons row (src/lib/comparisons.ts): the columns of comparisons.csv, its Table Schema,
 * and how a row is written (the indicator's decimals, one decimal for per cent changes, empty
 * cells for what does not apply).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMPARISON_COLUMNS, COMPARISON_TABLE_SCHEMA, comparisonLine, type Comparison } from '../../../src/lib/comparisons.ts';

const row = (fields: Partial<Comparison> = {}): Comparison => ({
  indicator: 'unemployment-share',
  area: 'TA19',
  period: '2026-06',
  yoy_change: 0.5,
  yoy_change_pct: null,
  yoy_crosses_break: false,
  yoy_status: 'ok',
  change_3m: -0.2,
  change_3m_pct: null,
  change_3m_crosses_break: false,
  change_3m_status: 'estimate',
  avg_12m: 14,
  avg_12m_status: 'ok',
  avg_12m_from: '2025-07',
  rank: 3,
  rank_of: 45,
  diff_to_country: 1.4,
  diff_to_country_status: 'ok',
  last_as_high: '2021-03',
  last_as_low: null,
  ...fields,
});

describe('the columns', () => {
  test('are these twenty, in order', () => {
    assert.deepEqual(COMPARISON_COLUMNS, [
      'indicator',
      'area_code',
      'period',
      'yoy_change',
      'yoy_change_pct',
      'yoy_crosses_break',
      'yoy_status',
      'change_3m',
      'change_3m_pct',
      'change_3m_crosses_break',
      'change_3m_status',
      'avg_12m',
      'avg_12m_status',
      'avg_12m_from',
      'rank',
      'rank_of',
      'diff_to_country',
      'diff_to_country_status',
      'last_as_high',
      'last_as_low',
    ]);
  });

  test('the Table Schema describes them, keyed by indicator, area and period', () => {
    assert.deepEqual(COMPARISON_TABLE_SCHEMA.fields.map((f) => f.name), COMPARISON_COLUMNS);
    assert.deepEqual(COMPARISON_TABLE_SCHEMA.primaryKey, ['indicator', 'area_code', 'period']);
    const types = Object.fromEntries(COMPARISON_TABLE_SCHEMA.fields.map((f) => [f.name, f.type]));
    assert.equal(types.rank, 'integer');
    assert.equal(types.yoy_crosses_break, 'boolean');
    assert.equal(types.yoy_change, 'number');
  });
});

describe('comparisonLine', () => {
  test('a full row of a share: values with the indicator\'s decimals', () => {
    assert.equal(comparisonLine(row(), 1), 'unemployment-share,TA19,2026-06,0.5,,false,ok,-0.2,,false,estimate,14.0,ok,2025-07,3,45,1.4,ok,2021-03,');
  });

  test('a count: the change whole, its per cent with one decimal, no rank or difference', () => {
    const r = row({ indicator: 'unemployed', yoy_change: -120, yoy_change_pct: -2, yoy_crosses_break: true, yoy_status: 'lower_bound', change_3m: 40, change_3m_pct: 0.8, change_3m_status: 'ok', avg_12m: 5000, rank: null, rank_of: null, diff_to_country: null, diff_to_country_status: null, last_as_high: null, last_as_low: '2026-03' });
    assert.equal(comparisonLine(r, 0), 'unemployed,TA19,2026-06,-120,-2.0,true,lower_bound,40,0.8,false,ok,5000,ok,2025-07,,,,,,2026-03');
  });

  test('a row with nothing to compare leaves every comparison cell empty', () => {
    const r = row({ yoy_change: null, yoy_crosses_break: null, yoy_status: null, change_3m: null, change_3m_crosses_break: null, change_3m_status: null, avg_12m: null, avg_12m_status: null, avg_12m_from: null, rank: null, rank_of: null, diff_to_country: null, diff_to_country_status: null, last_as_high: null, last_as_low: null });
    assert.equal(comparisonLine(r, 1), 'unemployment-share,TA19,2026-06,,,,,,,,,,,,,,,,,');
  });

  test('a line has one cell per column', () => {
    assert.equal(comparisonLine(row(), 1).split(',').length, COMPARISON_COLUMNS.length);
  });
});
