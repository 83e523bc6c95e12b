/**
 * The privacy rules of src/lib/privacy.ts as pure functions: thresholds, complementary
 * suppression (areas, periods, linked dimensions, repeated until stable), the audit the site's
 * loader runs, and the single-row refusal rules. Every expected status was worked out by hand
 * from the algorithm's description (see the comments); none is computed by the code under test.
 * All numbers are invented for the tests.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  RuleViolation,
  auditSuppression,
  buildEquations,
  checkAreaLevel,
  checkCoverage,
  checkPairedOnly,
  checkPublishedRow,
  checkSharesAddUp,
  checkSharesOfPaired,
  periodMonths,
  primaryStatus,
  publishRow,
  suppress,
  type AuditCell,
  type SuppressionCell,
} from '../../src/lib/privacy.ts';
import type { ChangeMeterRow } from '../../src/schema/change-meter.ts';

const at = { file: 'tests/fixtures/change-meter/x.csv', row: 7 };
const cell = (area_code: string, period: string, n: number, dimension = 'Työllistyvyys', instrument = 'Testimittari'): SuppressionCell => ({
  area_code,
  period,
  instrument,
  dimension,
  customers_paired: n,
});
const S = 'suppressed';
const H = 'shares_suppressed';

function assertRule(fn: () => unknown, rule: string, field: string, problem: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof RuleViolation, String(e));
    assert.equal(e.rule, rule);
    assert.equal(e.location.file, at.file);
    assert.equal(e.location.row, 7);
    assert.equal(e.location.field, field);
    assert.ok(e.message.startsWith(`${at.file}, row 7, field "${field}": breaks rule "${rule}"`), e.message);
    assert.match(e.problem, problem);
    return true;
  });
}

describe('primary suppression', () => {
  test('n < 5 suppressed, 5 ≤ n < 10 shares suppressed, n ≥ 10 ok', () => {
    const expected: [number, string][] = [
      [1, S],
      [3, S],
      [4, S],
      [5, H],
      [7, H],
      [9, H],
      [10, 'ok'],
      [12, 'ok'],
      [500, 'ok'],
    ];
    for (const [n, status] of expected) assert.equal(primaryStatus(n), status, `n = ${n}`);
  });

  test('without a national row or nested periods nothing else is withheld', () => {
    const r = suppress([cell('TA01', '2025', 3), cell('TA02', '2025', 7), cell('TA03', '2025', 12)]);
    assert.deepEqual(r.status, [S, H, 'ok']);
    assert.deepEqual(
      r.notes.map((n) => [n.index, n.rule]),
      [
        [0, 'suppress-n-below-5'],
        [1, 'shares-need-n-10'],
      ],
    );
  });
});

describe('complementary suppression', () => {
  test('one suppressed area and a published national total: the next-smallest area is suppressed too', () => {
    // SSS 50 = 3 + 12 + 15 + 20. TA01 alone hidden → 50 − 12 − 15 − 20 = 3. Smallest other: TA02 (12).
    const cells = [cell('SSS', '2025', 50), cell('TA01', '2025', 3), cell('TA02', '2025', 12), cell('TA03', '2025', 15), cell('TA04', '2025', 20)];
    const r = suppress(cells);
    assert.deepEqual(r.status, ['ok', S, S, 'ok', 'ok']);
    const extra = r.notes.find((n) => n.rule === 'complementary-suppression')!;
    assert.equal(extra.index, 2);
    assert.match(extra.reason, /withheld n of TA01 2025 Työllistyvyys could be recovered as SSS 2025 Työllistyvyys minus the other areas/);
  });

  test('two suppressed areas already protect each other', () => {
    const cells = [cell('SSS', '2025', 40), cell('TA01', '2025', 3), cell('TA02', '2025', 4), cell('TA03', '2025', 33)];
    assert.deepEqual(suppress(cells).status, ['ok', S, S, 'ok']);
  });

  test('one area with withheld shares: the shares of the smallest area with shares shown are withheld too', () => {
    // SSS 57 = 14 + 8 + 15 + 20. TA02 (8) loses its shares; its improved count would be
    // SSS share × 57 − Σ others' share × n. Smallest other with shares shown: TA01 (14).
    const cells = [cell('SSS', '2024', 57), cell('TA01', '2024', 14), cell('TA02', '2024', 8), cell('TA03', '2024', 15), cell('TA04', '2024', 20)];
    const r = suppress(cells);
    assert.deepEqual(r.status, ['ok', H, H, 'ok', 'ok']);
  });

  test('ties on n are broken by area code', () => {
    const cells = [cell('SSS', '2025', 43), cell('TA05', '2025', 3), cell('TA09', '2025', 20), cell('TA02', '2025', 20)];
    assert.deepEqual(suppress(cells).status, ['ok', S, 'ok', S]);
  });

  test('a national row with a single suppressed area: the national row itself is suppressed', () => {
    // SSS 30 and only TA05 (4): areas missing from the file count as empty, so 30 − 0 would give TA05.
    assert.deepEqual(suppress([cell('SSS', '2025', 30), cell('TA05', '2025', 4)]).status, [S, S]);
  });

  test('a year and its quarters: the smallest other quarter is suppressed', () => {
    // 2025 (40) = Q1 12 + Q2 3 + Q3 15 + Q4 10. Q2 hidden alone; smallest other quarter: Q4 (10).
    const cells = [cell('TA01', '2025', 40), cell('TA01', '2025-Q1', 12), cell('TA01', '2025-Q2', 3), cell('TA01', '2025-Q3', 15), cell('TA01', '2025-Q4', 10)];
    assert.deepEqual(suppress(cells).status, ['ok', 'ok', S, 'ok', S]);
  });

  test('linked dimensions: a count withheld in one dimension is withheld in the others', () => {
    // TA01's n is 3 in one dimension and 5 in the other (the same customers, one more answered).
    const cells = [cell('TA01', '2025', 3, 'Työllistyvyys'), cell('TA01', '2025', 5, 'Osaaminen'), cell('TA02', '2025', 30, 'Osaaminen')];
    const r = suppress(cells);
    assert.deepEqual(r.status, [S, S, 'ok']);
    assert.deepEqual(
      r.notes.filter((n) => n.index === 1).map((n) => [n.status, n.rule]),
      [
        [H, 'shares-need-n-10'],
        [S, 'complementary-suppression'],
      ],
    );
  });

  test('repeats until stable: a suppression forced by the area total spreads through a period total', () => {
    // Rows: 0 SSS Q1 53 = 1 TA01 Q1 3 + 2 TA02 Q1 20 + 3 TA03 Q1 30;
    //       4 TA02 Jan–Jun 45 = 2 TA02 Q1 20 + 5 TA02 Q2 25.
    // Area equation (Q1): TA01 hidden alone → TA02 Q1 (20, smaller than TA03's 30) suppressed.
    // Period equation (TA02 Jan–Jun): TA02 Q1 now hidden alone → the other part, TA02 Q2 (25), suppressed.
    // Next pass: every equation has 0 or 2 hidden rows.
    const cells = [
      cell('SSS', '2025-Q1', 53),
      cell('TA01', '2025-Q1', 3),
      cell('TA02', '2025-Q1', 20),
      cell('TA03', '2025-Q1', 30),
      cell('TA02', '2025-01/2025-06', 45),
      cell('TA02', '2025-Q2', 25),
    ];
    const r = suppress(cells);
    assert.deepEqual(r.status, ['ok', S, S, 'ok', 'ok', S]);
    assert.deepEqual(
      r.notes.map((n) => [n.index, n.rule]),
      [
        [1, 'suppress-n-below-5'],
        [2, 'complementary-suppression'],
        [5, 'complementary-suppression'],
      ],
    );
  });

  test('the worked example of tests/fixtures/change-meter/complementary.csv', () => {
    const cells = [
      cell('SSS', '2025', 60),
      cell('TA01', '2025', 3),
      cell('TA02', '2025', 12),
      cell('TA03', '2025', 20),
      cell('TA04', '2025', 25),
      cell('SSS', '2025', 60, 'Osaaminen'),
      cell('TA01', '2025', 5, 'Osaaminen'),
      cell('TA02', '2025', 12, 'Osaaminen'),
      cell('TA03', '2025', 20, 'Osaaminen'),
      cell('TA04', '2025', 23, 'Osaaminen'),
      cell('SSS', '2024', 57),
      cell('TA01', '2024', 14),
      cell('TA02', '2024', 8),
      cell('TA03', '2024', 15),
      cell('TA04', '2024', 20),
    ];
    assert.deepEqual(suppress(cells).status, ['ok', S, S, 'ok', 'ok', 'ok', S, S, 'ok', 'ok', 'ok', H, H, 'ok', 'ok']);
  });

  test('different instruments never add up with each other', () => {
    const cells = [cell('SSS', '2025', 50, 'D', 'Mittari A'), cell('TA01', '2025', 3, 'D', 'Mittari B'), cell('TA02', '2025', 47, 'D', 'Mittari A')];
    assert.deepEqual(suppress(cells).status, ['ok', S, 'ok']);
  });
});

describe('buildEquations', () => {
  test('the area and period equations and the links', () => {
    const cells = [
      cell('SSS', '2025', 1),
      cell('TA01', '2025', 1),
      cell('TA01', '2025-Q1', 1),
      cell('TA01', '2025-01/2025-06', 1),
      cell('TA01', '2025-Q2', 1),
      cell('TA01', '2025', 1, 'Osaaminen'),
    ];
    const { equations, links, warnings } = buildEquations(cells);
    assert.deepEqual(equations, [
      { kind: 'areas', total: 0, parts: [1] },
      // 2025 contains Q1, Jan–Jun and Q2; the maximal one is Jan–Jun.
      { kind: 'periods', total: 1, parts: [3] },
      { kind: 'periods', total: 3, parts: [2, 4] },
    ]);
    assert.deepEqual(links, [[1, 5]]);
    assert.deepEqual(warnings, []);
  });

  test('partly overlapping periods inside a longer one are reported, not audited', () => {
    const cells = [cell('TA01', '2025', 30), cell('TA01', '2025-01/2025-06', 12), cell('TA01', '2025-04/2025-09', 14)];
    const { equations, warnings } = buildEquations(cells);
    assert.deepEqual(equations, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /2025-01\/2025-06 and 2025-04\/2025-09 overlap partly inside 2025/);
  });
});

describe('auditSuppression', () => {
  const audit = (statuses: string[], cells: SuppressionCell[]) =>
    auditSuppression(cells.map((c, i) => ({ ...c, status: statuses[i] }) as AuditCell));
  const group = [cell('SSS', '2025', 0), cell('TA01', '2025', 0), cell('TA02', '2025', 0), cell('TA03', '2025', 0)];

  test('passes a pattern where every total has 0 or at least 2 hidden rows', () => {
    assert.deepEqual(audit(['ok', S, S, 'ok'], group), []);
    assert.deepEqual(audit(['ok', H, H, 'ok'], group), []);
  });

  test('finds a single hidden n, and single hidden shares', () => {
    assert.equal(audit(['ok', S, 'ok', 'ok'], group).length, 2, 'n and shares of TA01');
    assert.deepEqual(audit(['ok', H, 'ok', 'ok'], group), [
      'the shares of TA01 2025 Työllistyvyys can be recovered from SSS 2025 Työllistyvyys and the other areas',
    ]);
    // TA02 shows its n (only its shares are withheld), so TA01's n is the only hidden n.
    assert.deepEqual(audit(['ok', S, H, 'ok'], group), [
      'the n of TA01 2025 Työllistyvyys can be recovered from SSS 2025 Työllistyvyys and the other areas',
    ]);
  });

  test('finds a count withheld in one dimension and shown in another', () => {
    const cells = [cell('TA01', '2025', 0, 'A'), cell('TA01', '2025', 0, 'B')];
    assert.equal(audit([S, H], cells).length, 1);
    assert.deepEqual(audit([S, S], cells), []);
  });
});

describe('refusal rules of one row', () => {
  const known = new Set(['TA01', 'TA02']);

  test('employment areas and the whole country pass', () => {
    checkAreaLevel('TA01', known, at);
    checkAreaLevel('SSS', known, at);
  });

  test('a municipality, a region and a provider are the wrong level', () => {
    assertRule(() => checkAreaLevel('KU091', known, at), 'area-level', 'area_code', /"KU091" is a municipality code/);
    assertRule(() => checkAreaLevel('MK01', known, at), 'area-level', 'area_code', /"MK01" is a region code/);
    assertRule(() => checkAreaLevel('Palvelu Oy', known, at), 'area-level', 'area_code', /not an area code \(a provider/);
  });

  test('an employment-area code that does not exist is unknown', () => {
    assertRule(() => checkAreaLevel('TA47', known, at), 'known-area', 'area_code', /TA47 is not an employment area/);
  });

  test('paired must not exceed measured', () => {
    checkPairedOnly({ customers_paired: 30, customers_measured: 30 }, at);
    assertRule(
      () => checkPairedOnly({ customers_paired: 31, customers_measured: 30 }, at),
      'paired-measurements-only',
      'customers_paired',
      /customers_paired 31 is larger than customers_measured 30/,
    );
  });

  test('coverage within 0.001 of paired / measured', () => {
    checkCoverage({ customers_paired: 2, customers_measured: 3, coverage_rate: 0.667 }, at);
    checkCoverage({ customers_paired: 2, customers_measured: 3, coverage_rate: 0.666 }, at);
    assertRule(
      () => checkCoverage({ customers_paired: 2, customers_measured: 3, coverage_rate: 0.665 }, at),
      'coverage-consistent',
      'coverage_rate',
      /2\/3 = 0\.667/,
    );
    assertRule(
      () => checkCoverage({ customers_paired: 15, customers_measured: 30, coverage_rate: 50 }, at),
      'coverage-consistent',
      'coverage_rate',
      /a share from 0 to 1/,
    );
  });

  test('shares add up to 1 within 0.011', () => {
    checkSharesAddUp({ share_improved: 0.333, share_unchanged: 0.333, share_worse: 0.333 }, at);
    checkSharesAddUp({ share_improved: 0.34, share_unchanged: 0.34, share_worse: 0.33 }, at);
    checkSharesAddUp({ share_improved: 0.33, share_unchanged: 0.33, share_worse: 0.33 }, at);
    assertRule(
      () => checkSharesAddUp({ share_improved: 0.4, share_unchanged: 0.4, share_worse: 0.3 }, at),
      'shares-add-up',
      'share_improved + share_unchanged + share_worse',
      /add up to 1\.1, not 1/,
    );
    assertRule(
      () => checkSharesAddUp({ share_improved: 0.33, share_unchanged: 0.33, share_worse: 0.32 }, at),
      'shares-add-up',
      'share_improved + share_unchanged + share_worse',
      /add up to 0\.98/,
    );
  });
  test('each share × n must be a whole number of paired customers (two-decimal rounding allowed)', () => {
    // n = 12: 5/12 = 0.4167 → 0.417 × 12 = 5.004 and 0.42 × 12 = 5.04 (within 0.06) pass.
    checkSharesOfPaired({ customers_paired: 12, share_improved: 0.417, share_unchanged: 0.5, share_worse: 0.083 }, at);
    checkSharesOfPaired({ customers_paired: 12, share_improved: 0.42, share_unchanged: 0.5, share_worse: 0.08 }, at);
    // Shares of the 20 measured customers (7/20 = 0.35) given with n = 12: 0.35 × 12 = 4.2.
    assertRule(
      () => checkSharesOfPaired({ customers_paired: 12, share_improved: 0.35, share_unchanged: 0.45, share_worse: 0.2 }, at),
      'paired-measurements-only',
      'share_improved',
      /0\.35 × customers_paired 12 = 4\.2 customers, not a whole number/,
    );
  });
});

describe('periods', () => {
  test('months of years, quarters and windows', () => {
    assert.deepEqual(periodMonths('2025'), { first: 2025 * 12, last: 2025 * 12 + 11 });
    assert.deepEqual(periodMonths('2025-Q3'), { first: 2025 * 12 + 6, last: 2025 * 12 + 8 });
    assert.deepEqual(periodMonths('2024-07/2025-06'), { first: 2024 * 12 + 6, last: 2025 * 12 + 5 });
    assert.equal(periodMonths('2025-06/2024-07'), null);
    assert.equal(periodMonths('2025M06'), null);
  });
});

describe('publishing', () => {
  const row: ChangeMeterRow = {
    area_code: 'TA01',
    period: '2025',
    instrument: 'Testimittari',
    instrument_version: '1.0',
    dimension: 'Työllistyvyys',
    scale: '1-5',
    customers_paired: 7,
    customers_measured: 10,
    coverage_rate: 0.7,
    share_improved: 0.429,
    share_unchanged: 0.429,
    share_worse: 0.143,
    median_change: 0,
  };

  test('publishRow empties exactly what the status withholds', () => {
    const h = publishRow(row, H);
    assert.deepEqual(
      [h.customers_paired, h.customers_measured, h.coverage_rate, h.share_improved, h.share_unchanged, h.share_worse, h.median_change, h.status],
      [7, 10, 0.7, null, null, null, null, H],
    );
    const s = publishRow(row, S);
    assert.deepEqual(
      [s.customers_paired, s.customers_measured, s.coverage_rate, s.share_improved, s.share_unchanged, s.share_worse, s.median_change, s.area_code],
      [null, null, null, null, null, null, null, 'TA01'],
    );
  });

  test('checkPublishedRow refuses a shown figure that the rules withhold', () => {
    assert.equal(checkPublishedRow(publishRow(row, H)), null);
    assert.equal(checkPublishedRow(publishRow(row, S)), null);
    assert.deepEqual(checkPublishedRow(publishRow(row, 'ok')), { field: 'customers_paired', problem: 'an ok row needs n ≥ 10, found 7' });
    assert.deepEqual(checkPublishedRow({ ...publishRow(row, H), share_worse: 0.143 }), {
      field: 'share_worse',
      problem: 'a shares_suppressed row must leave share_worse empty',
    });
    assert.deepEqual(checkPublishedRow({ ...publishRow({ ...row, customers_paired: 4 }, H) }), {
      field: 'customers_paired',
      problem: 'a published n must be at least 5, found 4',
    });
  });
});
