/** The default window of a time series: the last 36 months, or the last 10 years of annual data. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultWindow } from '../../../src/charts/window.ts';
import { periodRange } from '../../../src/lib/periods.ts';

describe('defaultWindow', () => {
  test('a monthly series 2006-01…2026-08 opens on 2023-09…2026-08 (36 months)', () => {
    const w = defaultWindow(periodRange('2006-01', '2026-08'));
    assert.equal(w.length, 36);
    assert.equal(w[0], '2023-09');
    assert.equal(w.at(-1), '2026-08');
  });

  test('the window counts calendar months, not list entries: 2026-06 opens the window at 2023-07', () => {
    assert.deepEqual(defaultWindow(['2023-05', '2023-06', '2023-07', '2023-10', '2026-06']), ['2023-07', '2023-10', '2026-06']);
  });

  test('an annual series 1972…2025 opens on its last ten years', () => {
    assert.deepEqual(defaultWindow(periodRange('1972', '2025')), ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  });

  test('a series shorter than the window is shown whole; no periods, no window', () => {
    assert.deepEqual(defaultWindow(['2026-05', '2026-06']), ['2026-05', '2026-06']);
    assert.deepEqual(defaultWindow([]), []);
  });
});
