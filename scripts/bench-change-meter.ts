/**
 * Benchmark of the change-meter import's protection audit: generates an invented table (never
 * written anywhere: the whole country and N employment areas, a year and its quarters, D
 * dimensions, small counts mixed in) and times the checks, the suppression and the audit.
 * Prints numbers; not a test.
 *
 * Usage: node scripts/bench-change-meter.ts [--areas 45] [--dimensions 2]
 */
import loadHighs from 'highs';
import { importRows } from '../src/lib/change-meter/import.ts';
import { highsSolver } from '../src/lib/change-meter/solver.ts';
import type { SubmittedRow } from '../src/lib/change-meter/checks.ts';
import { option, runMain } from './lib/args.ts';

runMain(async () => {
  const areaCount = Number(option('areas', '45'));
  const dimensionCount = Number(option('dimensions', '2'));
  const highs = await loadHighs();
  let models = 0;
  const create = highs.createModel.bind(highs);
  (highs as { createModel: typeof create }).createModel = ((data: Parameters<typeof create>[0]) => {
    models++;
    return create(data);
  }) as typeof create;
  // A fixed pseudo-random sequence, so that every run measures the same table.
  let seed = 1;
  const next = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % k; // the high bits: the low bits of this generator repeat quickly
  };
  const areas = Array.from({ length: areaCount }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`);
  const rows: SubmittedRow[] = [];
  const add = (area: string, period: string, dimension: string, c: number[]) =>
    rows.push({
      line: rows.length + 2,
      row: { area_code: area, period, instrument: 'Bench', instrument_version: '1', dimension, scale: '1-5', customers_paired: c[0]!, customers_measured: c[4]!, customers_improved: c[1]!, customers_unchanged: c[2]!, customers_worse: c[3]!, median_change: 0 },
    });
  const sum = (xs: number[][]) => xs.reduce((s, x) => s.map((v, k) => v + x[k]!), [0, 0, 0, 0, 0]);
  for (let d = 0; d < dimensionCount; d++) {
    const dimension = `Ulottuvuus ${String.fromCharCode(97 + d)}`;
    const perArea = areas.map(() =>
      [0, 1, 2, 3].map(() => {
        const n = [2, 3, 6, 9, 12, 20, 40, 80][next(8)]!;
        const worse = next(Math.min(n, 8));
        const unchanged = next(n - worse + 1);
        return [n, n - unchanged - worse, unchanged, worse, n + next(15)];
      }),
    );
    add('SSS', '2025', dimension, sum(perArea.map(sum)));
    for (let q = 0; q < 4; q++) add('SSS', `2025-Q${q + 1}`, dimension, sum(perArea.map((a) => a[q]!)));
    areas.forEach((area, i) => {
      add(area, '2025', dimension, sum(perArea[i]!));
      perArea[i]!.forEach((c, q) => add(area, `2025-Q${q + 1}`, dimension, c));
    });
  }
  const registry = { instruments: [{ id: 'bench', name: 'Bench', versions: [{ version: '1', scale: '1-5', dimensions: Array.from({ length: dimensionCount }, (_, d) => `Ulottuvuus ${String.fromCharCode(97 + d)}`) }] }] };
  const started = performance.now();
  const result = importRows(rows, { file: 'bench.csv', registry, earlier: () => [], solver: highsSolver(highs), now: '2026-01-01T00:00:00Z' });
  const seconds = (performance.now() - started) / 1000;
  const entry = result.instruments[0]!.entry;
  console.log(
    `change-meter audit: ${rows.length} rows (${areaCount} areas × 5 periods × ${dimensionCount} dimensions) in ${seconds.toFixed(1)} s, ${models} solver models; published ${entry.rows_ok} ok, ${entry.rows_shares_suppressed} shares suppressed, ${entry.rows_suppressed} suppressed`,
  );
});
