/**
 * An indicator's Parquet file (scripts/lib/parquet.ts), read back with hyparquet: a withheld value
 * is null with its status, values are rounded as in the CSV, breaks are joined as in the CSV.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parquetReadObjects } from 'hyparquet';
import { observationsParquet } from '../../../../scripts/lib/parquet.ts';
import type { Observation } from '../../../../src/lib/observation.ts';

const obs = (period: string, value: number | null, status: Observation['status'], brk: string[] = []): Observation => ({
  area_code: 'KU398',
  area_name: 'Lahti',
  area_level: 'municipality',
  indicator: 'unemployment-share',
  period,
  value,
  unit: 'percent',
  status,
  break: brk,
});

describe('observationsParquet', () => {
  test('nulls, rounding and breaks as in the CSV', async () => {
    const bytes = observationsParquet([obs('2024-12', 12.345, 'ok'), obs('2025-01', null, 'suppressed', ['te24']), obs('2025-02', 13.06, 'estimate')], () => 1, 'test');
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    assert.deepEqual(
      rows.map((r) => [r.period, r.value, r.status, r.break]),
      [
        ['2024-12', 12.3, 'ok', ''],
        ['2025-01', null, 'suppressed', 'te24'],
        ['2025-02', 13.1, 'estimate', ''],
      ],
    );
  });
});
