/**
 * The site's loader (src/site/site.ts loadSite) on a tiny hand-made derived folder: each series
 * gets its observations in order, each comparison row lands on its own point (not a neighbour's),
 * a point without a comparison row keeps none, and breaks, suppressed and missing values read
 * back as written. Expected values by hand.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSite } from '../../../src/site/site.ts';
import { NO_COMPARISONS, writeTinyDerived } from '../../helpers/site-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'load-site-'));
after(() => rmSync(dir, { recursive: true, force: true }));

writeTinyDerived(dir);
process.env.TILANNEKUVA_DERIVED = dir;

const NONE = NO_COMPARISONS;
const plain = (p: object) => Object.fromEntries(['period', 'value', 'status', 'breaks', ...Object.keys(NONE)].map((k) => [k, (p as Record<string, unknown>)[k]]));

test('loadSite: the series and the comparisons of each point', () => {
  const site = loadSite();
  assert.deepEqual([...site.series.keys()], ['count', 'share']);
  const count = site.series.get('count')!;
  assert.deepEqual([...count.keys()], ['SSS', 'TA01']);
  assert.deepEqual(count.get('SSS')!.points.map(plain), [
    { period: '2025-12', value: 1200, status: 'ok', breaks: [], ...NONE },
    { period: '2026-01', value: 1250, status: 'ok', breaks: ['new-register'], ...NONE, yoy: 50, yoyPct: 4.2, yoyCrossesBreak: true, yoyStatus: 'ok', m3: -10, m3Pct: -0.8, m3CrossesBreak: false, m3Status: 'ok', avg12: 1210, avg12From: '2025-02', lastAsHigh: '2025-12' },
    { period: '2026-02', value: null, status: 'missing', breaks: [], ...NONE },
  ]);
  assert.deepEqual(count.get('TA01')!.points.map(plain), [
    { period: '2026-01', value: null, status: 'suppressed', breaks: [], ...NONE },
    { period: '2026-02', value: 40, status: 'lower_bound', breaks: [], ...NONE },
  ]);
  const share = site.series.get('share')!;
  assert.deepEqual(share.get('SSS')!.points.map(plain), [{ period: '2026-02', value: 9.5, status: 'ok', breaks: [], ...NONE, yoy: 0.5, yoyCrossesBreak: false, yoyStatus: 'ok', diffToCountry: 0, diffStatus: 'ok', lastAsLow: '2025-06' }]);
  assert.deepEqual(share.get('TA01')!.points.map(plain), [
    { period: '2026-02', value: 11.25, status: 'estimate', breaks: [], ...NONE, yoy: -1.25, yoyCrossesBreak: false, yoyStatus: 'estimate', m3: 0.75, m3CrossesBreak: false, m3Status: 'incomplete', rank: 3, rankOf: 45, diffToCountry: 1.75, diffStatus: 'estimate', lastAsHigh: '2024-11' },
  ]);
  assert.equal(share.get('TA01')!.indicator, 'share');
  assert.equal(share.get('TA01')!.area, 'TA01');
});
