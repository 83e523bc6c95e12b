/**
 * The derive stage's core with tiny inline inputs — compare: changes, averages, ranks and differences to the country. Every expected number is
 * worked out by hand in the test; the rules are those of domain.md sections 2 and 4.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ESTIMATE, INCOMPLETE, LOWER, OK, SUPPRESSED, UPPER } from '../../../../src/lib/status.ts';
import { compare, rankTable, type CompareSpec } from '../../../../src/lib/derive/compare.ts';
import type { Comparison } from '../../../../src/lib/comparisons.ts';
import { series } from '../../../helpers/derive-fixtures.ts';


describe('compare', () => {
  const COUNT: CompareSpec = { id: 'unemployed', decimals: 0, isCount: true, scale: 1, hasTerms: true, breaks: ['2025-01'], rank: false };
  const RATE: CompareSpec = { id: 'unemployment-share', decimals: 1, isCount: false, scale: 100, hasTerms: true, breaks: ['2025-01'], rank: true };
  const rows = (list: ReturnType<typeof series>[], specs = [COUNT, RATE], rankAreas: string[] = []): Comparison[] => [...compare(list, specs, rankAreas)];
  const at = (rs: Comparison[], area: string, period: string) => rs.find((r) => r.area === area && r.period === period);
  const months = (n: number, make: (i: number) => [number, number] | [number, number, number] | [number, number, number, number] | null) => Array.from({ length: n }, (_, i) => make(i));

  test('a year-on-year change of a count, with its percentage and whether it crosses the TE24 break', () => {
    // 2024-06 40000, 2025-06 44000, 2026-06 52578; months between have no value.
    const s = series('unemployed', 'KU091', '2024-06', months(25, (i) => (i === 0 ? [40000, OK, 40000] : i === 12 ? [44000, OK, 44000] : i === 24 ? [52578, OK, 52578] : null)));
    const rs = rows([s]);
    assert.equal(rs.length, 3, 'one row per period with a value');
    assert.deepEqual(at(rs, 'KU091', '2024-06')?.yoy_change, null);
    const mid = at(rs, 'KU091', '2025-06')!;
    assert.deepEqual([mid.yoy_change, mid.yoy_change_pct, mid.yoy_crosses_break, mid.yoy_status], [4000, 10, true, 'ok']);
    // 8578 / 44000 = 19.495…% → 19.5
    const last = at(rs, 'KU091', '2026-06')!;
    assert.deepEqual([last.yoy_change, last.yoy_change_pct, last.yoy_crosses_break, last.yoy_status], [8578, 19.5, false, 'ok']);
    assert.equal(last.diff_to_country, null, 'counts get no difference to the country');
  });

  test('a year-on-year change of a rate is in points, without a percentage; bounds on either side say which way the change is bounded', () => {
    // Helsinki RATE: 2024-01 11.2, 2025-01 12.7 → +1.5 points across the break. With the earlier
    // value only a lower bound (at least 11.2), the change is at most +1.5.
    const s = series('unemployment-share', 'KU091', '2024-01', months(13, (i) => (i === 0 ? [11.2, LOWER] : i === 12 ? [12.7, OK] : null)));
    const r = at(rows([s]), 'KU091', '2025-01')!;
    assert.deepEqual([r.yoy_change, r.yoy_change_pct, r.yoy_crosses_break, r.yoy_status], [1.5, null, true, 'upper_bound']);
    // The later value at least 12.7 → the change is at least +1.5; an estimate makes it an estimate.
    const later = series('unemployment-share', 'KU092', '2024-01', months(13, (i) => (i === 0 ? [11.2, OK] : i === 12 ? [12.7, LOWER] : null)));
    assert.equal(at(rows([later]), 'KU092', '2025-01')!.yoy_status, 'lower_bound');
    const est = series('unemployment-share', 'TA01', '2024-01', months(13, (i) => (i === 0 ? [11.2, OK] : i === 12 ? [12.7, ESTIMATE] : null)));
    assert.equal(at(rows([est]), 'TA01', '2025-01')!.yoy_status, 'estimate');
  });

  test('the change from three months earlier, and the latest earlier period as high or as low', () => {
    // 2026-01…2026-08: 12.0, 12.5, 13.0, 12.5, 12.0, 12.8, 13.2, 12.4.
    const v = [12.0, 12.5, 13.0, 12.5, 12.0, 12.8, 13.2, 12.4];
    const s = series('unemployment-share', 'TA05', '2026-01', months(8, (i) => [v[i]!, i >= 6 ? ESTIMATE : OK]));
    const rs = rows([s]);
    const aug = at(rs, 'TA05', '2026-08')!;
    // 12.4 − 12.0 (2026-05) = +0.4, an estimate minus an exact value.
    assert.deepEqual([aug.change_3m, aug.change_3m_status, aug.change_3m_crosses_break], [0.4, 'estimate', false]);
    // 12.4: the latest earlier value at least as high is 13.2 (2026-07); at least as low, 12.0 (2026-05).
    assert.deepEqual([aug.last_as_high, aug.last_as_low], ['2026-07', '2026-05']);
    // 13.2 in 2026-07 is the highest of the series: nothing earlier was as high.
    assert.deepEqual([at(rs, 'TA05', '2026-07')!.last_as_high, at(rs, 'TA05', '2026-07')!.last_as_low], [null, '2026-06']);
    // An equal value counts: 12.0 in 2026-05 was last as low in 2026-01 (12.0); last as high in 2026-04 (12.5).
    assert.deepEqual([at(rs, 'TA05', '2026-05')!.last_as_low, at(rs, 'TA05', '2026-05')!.last_as_high], ['2026-01', '2026-04']);
    assert.equal(at(rs, 'TA05', '2026-03')!.change_3m, null, 'no value three months before 2026-03');
  });

  test('no change from a withheld value a year earlier', () => {
    const s = series('unemployed', 'KU062', '2025-06', months(13, (i) => (i === 0 ? [0, SUPPRESSED] : i === 12 ? [5, OK, 5] : null)));
    const rs = rows([s]);
    assert.equal(rs.length, 1);
    assert.equal(rs[0]!.yoy_change, null);
  });

  test('the 12-month average of a rate is ΣN / ΣD over the 12 months, never the mean of the rates', () => {
    // Eleven months of 1 / 10 (10.0 %) and one month of 900 / 1000 (90.0 %):
    // ΣN / ΣD = 911 / 1110 = 82.07…% → 82.1, whereas the mean of the rates would be 16.7.
    const s = series('unemployment-share', 'TA01', '2025-07', months(12, (i) => (i < 11 ? [10, OK, 1, 10] : [90, OK, 900, 1000])));
    const rs = rows([s]);
    const r = at(rs, 'TA01', '2026-06')!;
    assert.deepEqual([r.avg_12m, r.avg_12m_status, r.avg_12m_from], [82.1, 'ok', '2025-07']);
    assert.equal(at(rs, 'TA01', '2026-05')!.avg_12m, null, 'only 11 months before it');
  });

  test('the 12-month average of a count is ΣN / 12 rounded half up (1 + … + 12 = 78, 78 / 12 = 6.5 → 7)', () => {
    const s = series('unemployed', 'TA01', '2025-07', months(12, (i) => [i + 1, OK, i + 1]));
    const r = at(rows([s]), 'TA01', '2026-06')!;
    assert.deepEqual([r.avg_12m, r.avg_12m_status, r.avg_12m_from], [7, 'ok', '2025-07']);
  });

  test('no 12-month average when a month is missing, withheld or has no terms; a lower-bound month makes it a lower bound', () => {
    // (The months' statuses combine: all lower bounds or exact → a lower bound.)
    const full = (i: number): [number, number, number] => [i + 1, OK, i + 1];
    const gap = series('unemployed', 'A', '2025-07', months(12, (i) => (i === 5 ? null : full(i))));
    const withheld = series('unemployed', 'B', '2025-07', months(12, (i) => (i === 5 ? [0, SUPPRESSED] : full(i))));
    const published = series('unemployment-share', 'C', '2025-07', months(12, (i) => (i === 5 ? [10, OK] : [10, OK, 1, 10])));
    const lower = series('unemployed', 'D', '2025-07', months(12, (i) => (i === 5 ? [6, LOWER, 6] : full(i))));
    const rs = rows([gap, withheld, published, lower]);
    assert.equal(at(rs, 'A', '2026-06')!.avg_12m, null);
    assert.equal(at(rs, 'B', '2026-06')!.avg_12m, null);
    assert.equal(at(rs, 'C', '2026-06')!.avg_12m, null);
    const d = at(rs, 'D', '2026-06')!;
    assert.deepEqual([d.avg_12m, d.avg_12m_status], [7, 'lower_bound']);
  });

  test('ranks among the given areas only, highest = 1, ties sharing a rank', () => {
    const one = (area: string, v: number) => series('unemployment-share', area, '2026-06', [[v, OK, v, 100]]);
    const list = [one('SSS', 12.8), one('TA01', 12.0), one('TA02', 15.5), one('TA03', 15.5), one('TA04', 9.0), one('TA46', 20.0)];
    const rs = rows(list, [COUNT, RATE], ['TA01', 'TA02', 'TA03', 'TA04']);
    const rank = (a: string) => [at(rs, a, '2026-06')!.rank, at(rs, a, '2026-06')!.rank_of];
    assert.deepEqual(rank('TA02'), [1, 4]);
    assert.deepEqual(rank('TA03'), [1, 4]);
    assert.deepEqual(rank('TA01'), [3, 4]);
    assert.deepEqual(rank('TA04'), [4, 4]);
    assert.deepEqual(rank('TA46'), [null, null], 'Åland is not a TE24 area');
    assert.deepEqual(rank('SSS'), [null, null]);
  });

  test('values that are only bounds are not ranked; estimates are', () => {
    const one = (area: string, v: number, st: number) => series('unemployment-share', area, '2026-06', [[v, st, v, 100]]);
    const list = [one('TA01', 12.0, OK), one('TA02', 59.1, UPPER), one('TA03', 15.5, ESTIMATE), one('TA04', 20.0, LOWER), one('TA05', 9.0, INCOMPLETE)];
    const ranks = rankTable(list, [COUNT, RATE], ['TA01', 'TA02', 'TA03', 'TA04', 'TA05']);
    assert.deepEqual(ranks.get('unemployment-share|TA03|2026-06'), [1, 2]);
    assert.deepEqual(ranks.get('unemployment-share|TA01|2026-06'), [2, 2]);
    for (const a of ['TA02', 'TA04', 'TA05']) assert.equal(ranks.get(`unemployment-share|${a}|2026-06`), undefined, a);
  });

  test('areas without a value in a period are not counted in rank_of; unranked indicators get no rank', () => {
    const list = [
      series('unemployment-share', 'TA01', '2026-06', [[12.0, OK, 12, 100]]),
      series('unemployment-share', 'TA02', '2026-06', [[0, SUPPRESSED]]),
      series('unemployed', 'TA01', '2026-06', [[500, OK, 500]]),
      series('unemployed', 'TA02', '2026-06', [[900, OK, 900]]),
    ];
    const ranks = rankTable(list, [COUNT, RATE], ['TA01', 'TA02']);
    assert.deepEqual(ranks.get('unemployment-share|TA01|2026-06'), [1, 1]);
    assert.equal(ranks.get('unemployment-share|TA02|2026-06'), undefined);
    assert.equal(ranks.get('unemployed|TA02|2026-06'), undefined);
  });

  test('the difference to the whole country is in points for rates (14.2 − 12.8 = 1.4), 0.0 for the country itself', () => {
    const list = [
      series('unemployment-share', 'SSS', '2026-06', [[12.8, OK, 352001, 2743596]]),
      series('unemployment-share', 'KU091', '2026-06', [[14.2, OK, 52578, 370847]]),
      series('unemployment-share', 'TA01', '2026-05', [[9.9, OK, 99, 1000]]),
    ];
    const rs = rows(list);
    assert.equal(at(rs, 'KU091', '2026-06')!.diff_to_country, 1.4);
    assert.equal(at(rs, 'SSS', '2026-06')!.diff_to_country, 0);
    assert.equal(at(rs, 'TA01', '2026-05')!.diff_to_country, null, 'no country value that month');
  });

  test('annual series compare with the year before', () => {
    const POP: CompareSpec = { id: 'population', decimals: 0, isCount: true, scale: 1, hasTerms: true, breaks: [], rank: false };
    // 11re/11ra: whole country 2023 5603851, 2024 (not in the snapshot), 2025 5652881.
    const s = series('population', 'SSS', '2023', [[5603851, OK, 5603851], null, [5652881, OK, 5652881]]);
    const rs = [...compare([s], [POP], [])];
    assert.equal(rs.length, 2);
    assert.equal(rs[1]!.yoy_change, null, '2025 has no 2024 to compare with');
    assert.equal(rs[1]!.avg_12m, null, 'no 12-month average for annual series');
  });
});
