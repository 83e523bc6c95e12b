/**
 * Every attack of issue #16 on the customer-change aggregates, reproduced with hand-made tables
 * (invented numbers). For each, the test runs the importer (src/lib/change-meter/import.ts) and
 * then asks, by brute-force enumeration written independently of the importer's audit
 * (tests/helpers/enumerate.ts: no solver, no model), which values every withheld count can take
 * given what is published. Nothing withheld may be pinned under 5: every withheld count must be
 * able to be 5 or more. Where the attack worked before, the test also shows the pin on the
 * pattern the old rules published.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import loadHighs from 'highs';
import { CsvSplitter } from '../../../../src/lib/csv.ts';
import { RuleViolation } from '../../../../src/lib/change-meter/rules.ts';
import { SubmissionReader, importRows } from '../../../../src/lib/change-meter/import.ts';
import { checkRegistry } from '../../../../src/lib/change-meter/registry.ts';
import { highsSolver } from '../../../../src/lib/change-meter/solver.ts';
import type { EarlierRow } from '../../../../src/lib/change-meter/checks.ts';
import { loadReference } from '../../../../scripts/lib/validate/reference.ts';
import { placeNames } from '../../../../src/site/change-meter.ts';
import type { ChangeMeterPublishedRow } from '../../../../src/schema/change-meter.ts';
import { countsForShare, feasibleRange, type Equation } from '../../../helpers/enumerate.ts';
import { ROOT } from '../../../helpers/data-harness.ts';

const solver = highsSolver(await loadHighs());
const ref = loadReference(ROOT);
const names = placeNames(ref.municipalities);
const registry = checkRegistry(parseYaml(readFileSync(join(ROOT, 'tests/fixtures/change-meter/instruments.yaml'), 'utf8')), 'instruments.yaml', names);
const known = new Set(ref.employmentAreas.map((a) => a.code));
const HEADER = 'area_code,period,instrument,instrument_version,dimension,scale,customers_paired,customers_measured,customers_improved,customers_unchanged,customers_worse,median_change';
const T = 'Testimittari,1.0,Työllistyvyys,1-5';

/** Imports CSV rows `area,period,n,m,improved,unchanged,worse` (median 0) of one dimension. */
function importTable(rows: string[], earlier: EarlierRow[] = []): ChangeMeterPublishedRow[] {
  const text = `${HEADER}\n${rows.map((r) => { const [a, p, ...c] = r.split(','); return `${a},${p},${T},${c.join(',')},0`; }).join('\n')}\n`;
  const reader = new SubmissionReader('submitted.csv', known);
  const splitter = new CsvSplitter(',', 'submitted.csv');
  for (const rec of [...splitter.push(text), ...splitter.end()]) reader.record(rec);
  const result = importRows(reader.end(), { file: 'submitted.csv', registry, earlier: () => earlier, solver, now: '2026-08-01T12:00:00Z' });
  return result.instruments[0]!.rows;
}

const Q = ['n', 'm', 'i', 'u', 'w'] as const;

/** The feasible range of every count of every row: `known['n TA01 2025']` = [smallest, largest]. */
type Known = Record<string, [number, number]>;

/**
 * What a reader knows of a table: for every row (by `area period`), the published n, measured
 * and shares of every release; the relations total = Σ parts (written by hand per test);
 * n = improved + unchanged + worse and n ≤ measured. Returns the range of every count.
 */
function whatCanBeKnown(releases: ChangeMeterPublishedRow[][], relations: [string, string[]][], big: number): Known {
  const shown = new Map<string, { n?: number; m?: number; share?: Record<'i' | 'u' | 'w', number> }>();
  for (const rows of releases) {
    for (const r of rows) {
      const k = `${r.area_code} ${r.period}`;
      const s = shown.get(k) ?? {};
      if (r.customers_paired !== null) s.n = r.customers_paired;
      if (r.customers_measured !== null) s.m = r.customers_measured;
      if (r.share_improved !== null) s.share = { i: Math.round(r.share_improved * 100), u: Math.round(r.share_unchanged! * 100), w: Math.round(r.share_worse! * 100) };
      shown.set(k, s);
    }
  }
  const ranges: Record<string, [number, number]> = {};
  const equations: Equation[] = [];
  const inequalities: Equation[] = [];
  for (const [k, s] of shown) {
    ranges[`n ${k}`] = s.n !== undefined ? [s.n, s.n] : [1, big];
    ranges[`m ${k}`] = s.m !== undefined ? [s.m, s.m] : [1, 3 * big];
    for (const c of ['i', 'u', 'w'] as const) {
      const counts = s.share && s.n !== undefined ? countsForShare(s.share[c], s.n) : undefined;
      ranges[`${c} ${k}`] = counts ? [counts[0]!, counts.at(-1)!] : [0, big];
    }
    equations.push([{ [`n ${k}`]: 1, [`i ${k}`]: -1, [`u ${k}`]: -1, [`w ${k}`]: -1 }, 0]);
    inequalities.push([{ [`n ${k}`]: 1, [`m ${k}`]: -1 }, 0]);
  }
  for (const [total, parts] of relations) {
    for (const q of Q) {
      const terms: Record<string, number> = { [`${q} ${total}`]: 1 };
      for (const p of parts) terms[`${q} ${p}`] = -1;
      equations.push([terms, 0]);
    }
  }
  const out: Known = {};
  for (const k of shown.keys()) {
    for (const q of ['n', 'i', 'u', 'w']) {
      const range = feasibleRange(ranges, equations, inequalities, `${q} ${k}`);
      assert.ok(range, 'the published figures admit at least one table');
      out[`${q} ${k}`] = range;
    }
  }
  return out;
}

/** Every withheld count of the latest release must be able to be 5 or more. */
function assertNothingPinned(latest: ChangeMeterPublishedRow[], known: Known): void {
  for (const r of latest) {
    const k = `${r.area_code} ${r.period}`;
    const hidden = [...(r.customers_paired === null ? ['n'] : []), ...(r.share_improved === null ? ['i', 'u', 'w'] : [])];
    for (const q of hidden) {
      const [lo, hi] = known[`${q} ${k}`]!;
      assert.ok(hi >= 5, `${q} of ${k} lies between ${lo} and ${hi}`);
    }
  }
}

const statuses = (rows: ChangeMeterPublishedRow[]) => Object.fromEntries(rows.map((r) => [`${r.area_code} ${r.period}`, r.status]));

describe('overlapping periods no longer switch the audit off', () => {
  // TA01 2025 = Jan–Jun + Q3 + Q4: 78 = 45 + 30 + 3 customers; measured 100 = 55 + 35 + 10.
  const rows = ['TA01,2025,78,100,40,28,10', 'TA01,2025-01/2025-06,45,55,25,15,5', 'TA01,2025-Q3,30,35,13,12,5', 'TA01,2025-Q4,3,10,2,1,0'];
  const relations: [string, string[]][] = [['TA01 2025', ['TA01 2025-01/2025-06', 'TA01 2025-Q3', 'TA01 2025-Q4']]];

  test('a decoy window that overlaps another period partly is refused', () => {
    assert.throws(
      () => importTable([...rows, 'TA01,2025-05/2025-08,20,25,10,5,5']),
      (e: unknown) => e instanceof RuleViolation && e.rule === 'one-period-scheme' && e.location.row === 6 && e.location.field === 'period',
    );
  });

  test('with Q4 alone withheld, 78 − 45 − 30 gives Q4 = 3, with 2 improved and 1 unchanged', () => {
    const before = [
      { area_code: 'TA01', period: '2025', status: 'ok', customers_paired: 78, customers_measured: 100, share_improved: 0.51, share_unchanged: 0.36, share_worse: 0.13 },
      { area_code: 'TA01', period: '2025-01/2025-06', status: 'ok', customers_paired: 45, customers_measured: 55, share_improved: 0.56, share_unchanged: 0.33, share_worse: 0.11 },
      { area_code: 'TA01', period: '2025-Q3', status: 'ok', customers_paired: 30, customers_measured: 35, share_improved: 0.43, share_unchanged: 0.4, share_worse: 0.17 },
      { area_code: 'TA01', period: '2025-Q4', status: 'suppressed', customers_paired: null, customers_measured: null, share_improved: null, share_unchanged: null, share_worse: null },
    ] as ChangeMeterPublishedRow[];
    const known = whatCanBeKnown([before], relations, 80);
    assert.deepEqual(known['n TA01 2025-Q4'], [3, 3]);
    assert.deepEqual([known['i TA01 2025-Q4'], known['u TA01 2025-Q4'], known['w TA01 2025-Q4']], [[2, 2], [1, 1], [0, 0]]);
  });

  test('the importer withholds Q3 too, and Q4 can then be anything from 1 to 32', () => {
    const published = importTable(rows);
    assert.deepEqual(statuses(published), { 'TA01 2025': 'ok', 'TA01 2025-01/2025-06': 'ok', 'TA01 2025-Q3': 'suppressed', 'TA01 2025-Q4': 'suppressed' });
    const known = whatCanBeKnown([published], relations, 80);
    assert.deepEqual(known['n TA01 2025-Q4'], [1, 32]);
    assertNothingPinned(published, known);
  });
});

describe('the n ≥ 1 bound', () => {
  // SSS 22 = TA01 1 + TA02 1 + TA03 20; both small areas got worse.
  const rows = ['SSS,2025,22,30,10,5,7', 'TA01,2025,1,2,0,0,1', 'TA02,2025,1,3,0,0,1', 'TA03,2025,20,25,10,5,5'];
  const relations: [string, string[]][] = [['SSS 2025', ['TA01 2025', 'TA02 2025', 'TA03 2025']]];

  test('with TA01 and TA02 withheld and the rest shown, each must hold one customer who got worse', () => {
    const before = [
      { area_code: 'SSS', period: '2025', status: 'ok', customers_paired: 22, customers_measured: 30, share_improved: 0.45, share_unchanged: 0.23, share_worse: 0.32 },
      { area_code: 'TA01', period: '2025', status: 'suppressed', customers_paired: null, customers_measured: null, share_improved: null, share_unchanged: null, share_worse: null },
      { area_code: 'TA02', period: '2025', status: 'suppressed', customers_paired: null, customers_measured: null, share_improved: null, share_unchanged: null, share_worse: null },
      { area_code: 'TA03', period: '2025', status: 'ok', customers_paired: 20, customers_measured: 25, share_improved: 0.5, share_unchanged: 0.25, share_worse: 0.25 },
    ] as ChangeMeterPublishedRow[];
    const known = whatCanBeKnown([before], relations, 22);
    assert.deepEqual([known['n TA01 2025'], known['w TA01 2025'], known['w TA02 2025']], [[1, 1], [1, 1], [1, 1]]);
  });

  test('the importer withholds a third area, and nothing is pinned', () => {
    const published = importTable(rows);
    assert.equal(statuses(published)['TA03 2025'], 'suppressed');
    assertNothingPinned(published, whatCanBeKnown([published], relations, 22));
  });
});

describe('small counts hidden in shares', () => {
  test('n = 10 with one customer worse: the shares are withheld, not "10 %"', () => {
    const published = importTable(['TA05,2025,10,12,5,4,1']);
    assert.deepEqual(statuses(published), { 'TA05 2025': 'shares_suppressed' });
    assertNothingPinned(published, whatCanBeKnown([published], [], 10));
  });

  test('all-improved totals: a national 0 % worse would show that the withheld areas are 0 % worse', () => {
    // SSS 47 = 3 + 4 + 20 + 20; nobody got worse anywhere.
    const rows = ['SSS,2025,47,61,35,12,0', 'TA01,2025,3,5,3,0,0', 'TA02,2025,4,6,4,0,0', 'TA03,2025,20,25,15,5,0', 'TA04,2025,20,25,13,7,0'];
    const relations: [string, string[]][] = [['SSS 2025', ['TA01 2025', 'TA02 2025', 'TA03 2025', 'TA04 2025']]];
    const published = importTable(rows);
    assert.equal(published.find((r) => r.area_code === 'SSS')!.share_worse, null, 'the national shares are withheld');
    assertNothingPinned(published, whatCanBeKnown([published], relations, 47));
  });

  test('shares are published in whole percent', () => {
    const published = importTable(['TA05,2025,30,33,10,15,5']);
    assert.deepEqual([published[0]!.coverage_rate, published[0]!.share_improved, published[0]!.share_unchanged, published[0]!.share_worse], [0.91, 0.33, 0.5, 0.17]);
  });
});

describe('the same customers under another name or in another release', () => {
  test('a year and its halves in one instrument: H2 = year − H1 is protected', () => {
    const rows = ['TA02,2025,40,50,20,15,5', 'TA02,2025-01/2025-06,37,45,19,13,5', 'TA02,2025-07/2025-12,3,5,1,2,0'];
    const published = importTable(rows);
    assertNothingPinned(published, whatCanBeKnown([published], [['TA02 2025', ['TA02 2025-01/2025-06', 'TA02 2025-07/2025-12']]], 40));
  });

  test('one meter registered as two instruments is refused', () => {
    const twice = {
      instruments: [
        { id: 'mittari-a', name: 'Mittari A', versions: [{ version: '1', scale: '1-5', dimensions: ['Työllistyvyys'] }] },
        { id: 'mittari-b', name: 'Mittari B', versions: [{ version: '1', scale: '1-5', dimensions: ['Työllistyvyys'] }] },
      ],
    };
    assert.throws(() => checkRegistry(twice, 'instruments.yaml', names), (e: unknown) => e instanceof RuleViolation && e.rule === 'registered-instrument' && e.location.row === 'instruments[1]');
  });

  test('a second import without the whole-country row, combined with the first release in the history', () => {
    const first = ['SSS,2025,60,100,30,20,10', 'TA01,2025,3,10,2,1,0', 'TA02,2025,12,20,6,6,0', 'TA03,2025,20,30,10,5,5', 'TA04,2025,25,40,12,8,5'];
    const release1 = importTable(first);
    const earlier = release1.map((row) => ({ release: 'release 1', row }));
    const second = first.slice(1);
    // On its own, the second file would show TA02 (n = 12): with release 1's SSS, TA01 = 60 − 12 − 20 − 25 = 3.
    const alone = importTable(second);
    assert.equal(statuses(alone)['TA02 2025'], 'ok');
    const relations: [string, string[]][] = [['SSS 2025', ['TA01 2025', 'TA02 2025', 'TA03 2025', 'TA04 2025']]];
    assert.deepEqual(whatCanBeKnown([release1, alone], relations, 60)['n TA01 2025'], [3, 3]);
    const release2 = importTable(second, earlier);
    assert.equal(statuses(release2)['TA02 2025'], 'suppressed');
    assertNothingPinned(release2, whatCanBeKnown([release1, release2], relations, 60));
  });

  test('a changed figure of a row published earlier is refused (the difference would be the customers added)', () => {
    const release1 = importTable(['TA01,2025,20,30,10,5,5']).map((row) => ({ release: 'release 1', row }));
    assert.throws(
      () => importTable(['TA01,2025,21,30,11,5,5'], release1),
      (e: unknown) => e instanceof RuleViolation && e.rule === 'published-figures-stay' && e.location.row === 2 && e.location.field === 'customers_paired',
    );
  });
});

describe('areas × half-years with totals', () => {
  // TA01 and TA02 by half-year, their years, and the whole country by half-year and year.
  // Worse: TA01 H1 3, TA01 H2 0, TA02 H1 5, TA02 H2 0.
  const rows = [
    'SSS,2025,47,60,22,17,8',
    'SSS,2025-01/2025-06,23,30,10,5,8',
    'SSS,2025-07/2025-12,24,30,12,12,0',
    'TA01,2025,23,30,10,10,3',
    'TA01,2025-01/2025-06,3,5,0,0,3',
    'TA01,2025-07/2025-12,20,25,10,10,0',
    'TA02,2025,24,30,12,7,5',
    'TA02,2025-01/2025-06,20,25,10,5,5',
    'TA02,2025-07/2025-12,4,5,2,2,0',
  ];
  const relations: [string, string[]][] = [
    ['SSS 2025', ['TA01 2025', 'TA02 2025']],
    ['SSS 2025-01/2025-06', ['TA01 2025-01/2025-06', 'TA02 2025-01/2025-06']],
    ['SSS 2025-07/2025-12', ['TA01 2025-07/2025-12', 'TA02 2025-07/2025-12']],
    ['SSS 2025', ['SSS 2025-01/2025-06', 'SSS 2025-07/2025-12']],
    ['TA01 2025', ['TA01 2025-01/2025-06', 'TA01 2025-07/2025-12']],
    ['TA02 2025', ['TA02 2025-01/2025-06', 'TA02 2025-07/2025-12']],
  ];

  test('two withheld rows in every relation are not enough: combined, they pin TA01’s first-half worse count at 3', () => {
    // The old rule's pattern: the four half-year rows of the areas withheld (every relation has
    // two), every total shown with its shares.
    const before = rows.map((line) => {
      const [a, p, n, m, i, u, w] = line.split(',');
      const hidden = a !== 'SSS' && p!.includes('/');
      const pct = (c: string) => Math.floor((100 * +c) / +n! + 0.5) / 100;
      return hidden
        ? { area_code: a, period: p, status: 'suppressed', customers_paired: null, customers_measured: null, share_improved: null, share_unchanged: null, share_worse: null }
        : { area_code: a, period: p, status: 'ok', customers_paired: +n!, customers_measured: +m!, share_improved: pct(i!), share_unchanged: pct(u!), share_worse: pct(w!) };
    }) as ChangeMeterPublishedRow[];
    const known = whatCanBeKnown([before], relations, 47);
    // SSS H2 worse 0 = TA01 H2 + TA02 H2 pins both at 0; then TA01 worse 3 = TA01 H1 + 0.
    assert.deepEqual(known['w TA01 2025-01/2025-06'], [3, 3]);
  });

  test('the importer audits the whole table at once, and nothing is pinned', () => {
    const published = importTable(rows);
    assertNothingPinned(published, whatCanBeKnown([published], relations, 47));
  });
});
