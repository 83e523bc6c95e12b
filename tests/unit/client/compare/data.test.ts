/** The comparison tool reads the per-area JSON-stat files (indicator × period) into points. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAreaJsonStat } from '../../../../src/client/compare/data.ts';
import type { JsonStatDataset } from '../../../../src/schema/raw.ts';

// A hand-made file in the shape /data/areas/<code>.json has: 2 indicators × 3 periods, values
// row-major, statuses other than ok in `status` (as src/site/downloads.ts writes them).
const ds = {
  version: '2.0',
  class: 'dataset',
  id: ['indicator', 'period'],
  size: [2, 3],
  dimension: {
    indicator: { category: { index: { unemployed: 0, 'unemployment-share': 1 } } },
    period: { category: { index: ['2026-04', '2026-05', '2026-06'] } },
  },
  value: [100, null, 120, 12.5, null, null],
  status: { '1': 'suppressed', '4': 'missing', '5': 'lower_bound' },
} as unknown as JsonStatDataset;

describe('parseAreaJsonStat', () => {
  test('gives each indicator its points with value and status; a null without status is no point', () => {
    const data = parseAreaJsonStat(ds);
    assert.deepEqual(data.get('unemployed'), [
      { period: '2026-04', value: 100, status: 'ok' },
      { period: '2026-05', value: null, status: 'suppressed' },
      { period: '2026-06', value: 120, status: 'ok' },
    ]);
    assert.deepEqual(data.get('unemployment-share'), [
      { period: '2026-04', value: 12.5, status: 'ok' },
      { period: '2026-05', value: null, status: 'missing' },
      { period: '2026-06', value: null, status: 'lower_bound' },
    ]);
  });

  test('reads an index given as an object or as an array alike', () => {
    const asArray = { ...ds, dimension: { ...ds.dimension, indicator: { category: { index: ['unemployed', 'unemployment-share'] } } } } as unknown as JsonStatDataset;
    assert.deepEqual([...parseAreaJsonStat(asArray).keys()], ['unemployed', 'unemployment-share']);
  });
});
