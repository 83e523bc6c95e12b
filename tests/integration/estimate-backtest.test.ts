/**
 * The published error bound of employment-area estimates, proven on real history.
 *
 * Where the counts exist (12r5 2007-01…2023-10, in the embedded snapshot), the exact share of an
 * employment area is 100 × ΣU / ΣL over its municipalities, rounded half up to one decimal. This
 * test computes that exact share itself, straight from the raw files, and compares it with the
 * estimate that `estimateRate` (the code under test) makes from the municipalities' PUBLISHED,
 * ROUNDED shares (the TYOTOSUUS file) weighted by their labour force. The bound is the one the
 * methodology page states: never more than 0.1 percentage points off.
 *
 * The test reads data/raw (the committed snapshot) and data/reference, so it runs on a fresh
 * clone; it starts no processes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESTIMATE_BOUND, estimateRate, type Member } from '../../src/lib/derive/estimate.ts';
import { cellsOf } from '../../src/lib/jsonstat.ts';
import type { JsonStatDataset } from '../../src/schema/raw.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const raw = (path: string) => JSON.parse(readFileSync(join(ROOT, 'data', 'raw', path), 'utf8')) as JsonStatDataset;

/** Municipality → employment area, from the reference key (current division). */
function employmentAreas(): Map<string, string> {
  const lines = readFileSync(join(ROOT, 'data', 'reference', 'area-key.csv'), 'utf8').trim().split('\n').slice(1);
  const out = new Map<string, string>();
  for (const line of lines) {
    const [muni, area, level, , to] = line.split(',');
    if (level === 'employment_area' && to === '') out.set(muni!, area!);
  }
  return out;
}

/**
 * Counts: unemployed (U) and labour force (L) by `municipality|month`; Pertunmaa (KU588) counted
 * in Mäntyharju (KU507), its successor, as the 2025 division of the shares requires.
 */
function readCounts(): Map<string, { u: number | null; l: number }> {
  const counts = new Map<string, { u: number | null; l: number }>();
  for (const c of cellsOf(raw('statfin-tyonv-12r5/2006M01-2023M10.json'))) {
    const area = c.coords['Alue']! === 'KU588' ? 'KU507' : c.coords['Alue']!;
    if (!area.startsWith('KU')) continue;
    const key = `${area}|${c.coords['timeperiod_m']}`;
    const rec = counts.get(key) ?? { u: 0, l: 0 };
    if (c.coords['Tiedot'] === 'TYOTTOMATLOPUSSA') rec.u = rec.u === null || c.value === null ? null : rec.u + c.value;
    if (c.coords['Tiedot'] === 'TYOVOIMATK') rec.l += c.value ?? 0;
    counts.set(key, rec);
  }
  return counts;
}

/** Published shares (rounded to 0.1) by `municipality|month`, withheld as null. */
function readShares(): Map<string, number | null> {
  const shares = new Map<string, number | null>();
  for (const c of cellsOf(raw('statfin-tyonv-12r5/TYOTOSUUS-2007M01-2025M01.json'))) {
    if (c.value !== null || c.status !== null) shares.set(`${c.coords['Alue']}|${c.coords['timeperiod_m']}`, c.value);
  }
  return shares;
}

test('an employment area estimated from its municipalities’ rounded shares is never more than 0.1 points off the exact share (2007-01…2023-10)', () => {
  const counts = readCounts();
  const shares = readShares();
  const areaOf = employmentAreas();
  const members = new Map<string, string[]>();
  for (const [m, a] of areaOf) members.set(a, [...(members.get(a) ?? []), m]);

  let compared = 0;
  let identical = 0;
  let worst = 0;
  const months = [...new Set([...counts.keys()].map((k) => k.split('|')[1]!))].filter((p) => p >= '2007M01').sort();
  for (const month of months) {
    for (const [area, list] of members) {
      if (list.length < 2) continue;
      let u = 0;
      let l = 0;
      const input: Member[] = [];
      let ok = true;
      for (const m of list) {
        const c = counts.get(`${m}|${month}`);
        const r = shares.get(`${m}|${month}`);
        if (!c || c.u === null || r === undefined) {
          ok = false;
          break;
        }
        u += c.u;
        l += c.l;
        input.push({ rate: r, weight: c.l });
      }
      if (!ok) continue;
      // Exact share, rounded half up with integer arithmetic: floor((2·1000·U + L) / (2·L)) / 10.
      const exact = Math.floor((2000 * u + l) / (2 * l)) / 10;
      const estimate = estimateRate(input, 100, 1)!;
      const diff = Math.round(Math.abs(estimate - exact) * 10) / 10;
      compared++;
      if (diff === 0) identical++;
      worst = Math.max(worst, diff);
      assert.ok(diff <= 0.1, `${area} ${month}: estimate ${estimate}, exact ${exact}`);
    }
  }
  // Every TE24 area of two or more municipalities in almost every month: 41 areas × 202 months.
  assert.ok(compared > 8000, `compared ${compared} area-months`);
  assert.equal(worst, 0.1);
  assert.ok(identical / compared > 0.8, `identical after rounding in ${((100 * identical) / compared).toFixed(1)} %`);
  // The bound the methodology page publishes is this one.
  assert.equal(ESTIMATE_BOUND, 0.1);
});

test('the bound holds with the previous or the next year’s weights too (as 2024 and 2025 use 2023’s and 2026’s)', () => {
  const counts = readCounts();
  const shares = readShares();
  const members = new Map<string, string[]>();
  for (const [m, a] of employmentAreas()) members.set(a, [...(members.get(a) ?? []), m]);
  // The labour force of a year, read from its January (it is the same in every month of a year).
  const lOf = (m: string, year: number) => counts.get(`${m}|${year}M01`)?.l;
  for (const shift of [-1, 1]) {
    let compared = 0;
    let worst = 0;
    for (const month of [...new Set([...counts.keys()].map((k) => k.split('|')[1]!))].filter((p) => p >= '2008M01' && p <= '2022M12')) {
      const year = Number(month.slice(0, 4));
      for (const list of members.values()) {
        if (list.length < 2) continue;
        let u = 0;
        let l = 0;
        const input: Member[] = [];
        for (const m of list) {
          const c = counts.get(`${m}|${month}`);
          const r = shares.get(`${m}|${month}`);
          const w = lOf(m, year + shift);
          if (!c || c.u === null || r === undefined || w === undefined) break;
          u += c.u;
          l += c.l;
          input.push({ rate: r, weight: w });
        }
        if (input.length !== list.length) continue;
        const exact = Math.floor((2000 * u + l) / (2 * l)) / 10;
        const diff = Math.round(Math.abs(estimateRate(input, 100, 1)! - exact) * 10) / 10;
        compared++;
        worst = Math.max(worst, diff);
      }
    }
    assert.ok(compared > 6000, `compared ${compared} area-months with weights of year ${shift > 0 ? '+1' : '−1'}`);
    assert.ok(worst <= 0.1, `with the weights of year ${shift > 0 ? '+1' : '−1'} the estimate was ${worst} off`);
  }
});

test('a withheld member counts as 2.5 persons; weights are the members’ labour force', () => {
  // Hand-made: two municipalities with shares 10.0 % (L 1 000) and 20.0 % (L 3 000):
  // (10 × 1000 + 20 × 3000) / 4000 = 17.5.
  assert.equal(estimateRate([{ rate: 10, weight: 1000 }, { rate: 20, weight: 3000 }], 100, 1), 17.5);
  // A withheld member (L 200) adds 2.5 persons: (10 × 1000 + 250) / 1200 = 8.54… → 8.5.
  assert.equal(estimateRate([{ rate: 10, weight: 1000 }, { rate: null, weight: 200 }], 100, 1), 8.5);
  assert.equal(estimateRate([], 100, 1), null);
});
