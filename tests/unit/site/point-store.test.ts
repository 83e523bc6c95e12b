/**
 * The typed columns behind the site's loaded points (src/site/point-store.ts): every field reads
 * back what was stored (each comparison field with its own value, so that two getters swapped
 * would fail), "none" stays null, the columns grow past the expected size, and a point cannot be
 * written to. Hand-made values; expected values by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PointStore, type PointComparisons } from '../../../src/site/point-store.ts';
import { NO_COMPARISONS } from '../../helpers/site-fixture.ts';

const NONE = NO_COMPARISONS;

/** Every field of a point as a plain object. */
const fields = (p: object) => {
  const o = p as Record<string, unknown>;
  const names = ['period', 'value', 'status', 'breaks', ...Object.keys(NONE)];
  return Object.fromEntries(names.map((n) => [n, o[n]]));
};

test('a point reads back its period, value, status and breaks; comparisons are null until set', () => {
  const store = new PointStore(4);
  const breaks = ['new-register'];
  const a = store.add('2025-01', 12.3, 'ok', []);
  const b = store.add('2025-02', null, 'suppressed', breaks);
  const c = store.add('2025', 0, 'lower_bound', []);
  const d = store.add('2025-03', -0.5, 'estimate', []);
  breaks.push('changed-later');
  assert.deepEqual(fields(a), { period: '2025-01', value: 12.3, status: 'ok', breaks: [], ...NONE });
  assert.deepEqual(fields(b), { period: '2025-02', value: null, status: 'suppressed', breaks: ['new-register'], ...NONE });
  assert.equal(c.period, '2025');
  assert.equal(c.value, 0);
  assert.equal(c.status, 'lower_bound');
  assert.equal(d.value, -0.5);
  assert.equal(d.status, 'estimate');
  store.endPoints();
  assert.deepEqual(fields(a), { period: '2025-01', value: 12.3, status: 'ok', breaks: [], ...NONE });
  assert.equal(store.length, 4);
});

test('each comparison field reads back its own value', () => {
  const store = new PointStore();
  const p = store.add('2025-06', 8.1, 'ok', []);
  const q = store.add('2025-07', 8.4, 'ok', []);
  store.endPoints();
  const set: PointComparisons = {
    yoy: -1.2,
    yoyPct: 3.4,
    yoyCrossesBreak: true,
    yoyStatus: 'estimate',
    m3: 0.7,
    m3Pct: -5.5,
    m3CrossesBreak: false,
    m3Status: 'upper_bound',
    avg12: 7.9,
    avg12From: '2024-07',
    rank: 12,
    rankOf: 45,
    diffToCountry: -0.3,
    diffStatus: 'incomplete',
    lastAsHigh: '2019-03',
    lastAsLow: '2025-06',
  };
  store.setComparisons(p, set);
  assert.deepEqual(fields(p), { period: '2025-06', value: 8.1, status: 'ok', breaks: [], ...set });
  // The other point keeps none.
  assert.deepEqual(fields(q), { period: '2025-07', value: 8.4, status: 'ok', breaks: [], ...NONE });
  // Set again to none, and to the opposite flags.
  store.setComparisons(p, { ...NONE, yoyCrossesBreak: false, m3CrossesBreak: true, yoy: 0 });
  assert.deepEqual(fields(p), { period: '2025-06', value: 8.1, status: 'ok', breaks: [], ...NONE, yoyCrossesBreak: false, m3CrossesBreak: true, yoy: 0 });
});

test('the columns grow past the expected number of points', () => {
  const store = new PointStore(1);
  const points = Array.from({ length: 3000 }, (_, i) => store.add(`${2000 + (i % 20)}`, i / 10, i % 2 ? 'ok' : 'missing', i === 2999 ? ['b'] : []));
  store.endPoints();
  assert.equal(store.length, 3000);
  assert.deepEqual([points[0]!.period, points[0]!.value, points[0]!.status], ['2000', 0, 'missing']);
  assert.deepEqual([points[1234]!.period, points[1234]!.value, points[1234]!.status], ['2014', 123.4, 'missing']);
  assert.deepEqual([points[2999]!.period, points[2999]!.value, points[2999]!.status, points[2999]!.breaks], ['2019', 299.9, 'ok', ['b']]);
});

test('a point is read-only, and misuse is refused', () => {
  const store = new PointStore();
  const p = store.add('2025-01', 1, 'ok', []);
  assert.throws(() => {
    (p as { value: number | null }).value = 2;
  }, TypeError);
  assert.throws(() => store.setComparisons(p, NONE), /before endPoints/);
  assert.throws(() => store.add('2025-02', 1, 'nonsense' as 'ok', []), /"nonsense" is not a status/);
  store.endPoints();
  assert.throws(() => store.add('2025-02', 1, 'ok', []), /added after endPoints/);
  assert.throws(() => store.setComparisons({ ...fields(p) } as never, NONE), /not of this store/);
  assert.throws(() => store.setComparisons(p, { ...NONE, rank: 1.5 }), /rank 1.5 is not a whole number/);
  assert.throws(() => store.setComparisons(p, { ...NONE, rankOf: 0 }), /rankOf 0 is not a whole number/);
  assert.throws(() => store.setComparisons(p, { ...NONE, yoyStatus: 'suppressed' as 'ok' }), /"suppressed" is not a comparison status/);
});
