/** The refusal checks of src/lib/change-meter/checks.ts on inline rows (invented numbers). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { RuleViolation } from '../../../../src/lib/change-meter/rules.ts';
import { checkAreaLevel, checkCounts, checkEarlierFigures, checkStructure, checkTotals, type SubmittedRow } from '../../../../src/lib/change-meter/checks.ts';
import { publishRow } from '../../../../src/lib/change-meter/publish.ts';

const at = { file: 'x.csv', row: 7 };
const refused = (fn: () => unknown, rule: string, row: number, field: string, problem: RegExp) =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof RuleViolation, String(e));
    assert.deepEqual([e.rule, e.location.row, e.location.field], [rule, row, field]);
    assert.match(e.problem, problem);
    return true;
  });
/** A submitted row: `area,period,n,m,improved,unchanged,worse` on line `line`. */
const r = (line: number, spec: string, dimension = 'Työllistyvyys', version = '1.0'): SubmittedRow => {
  const [area_code, period, n, m, i, u, w] = spec.split(',');
  return {
    line,
    row: { area_code: area_code!, period: period!, instrument: 'Testimittari', instrument_version: version, dimension, scale: '1-5', customers_paired: +n!, customers_measured: +m!, customers_improved: +i!, customers_unchanged: +u!, customers_worse: +w!, median_change: 0 },
  };
};

describe('rules of one row', () => {
  const known = new Set(['TA01', 'TA02']);
  test('employment areas and the whole country pass; municipalities, regions and providers do not', () => {
    checkAreaLevel('TA01', known, at);
    checkAreaLevel('SSS', known, at);
    refused(() => checkAreaLevel('KU091', known, at), 'area-level', 7, 'area_code', /"KU091" is a municipality code/);
    refused(() => checkAreaLevel('MK01', known, at), 'area-level', 7, 'area_code', /"MK01" is a region code/);
    refused(() => checkAreaLevel('Palvelu Oy', known, at), 'area-level', 7, 'area_code', /not an area code \(a provider/);
    refused(() => checkAreaLevel('TA47', known, at), 'known-area', 7, 'area_code', /TA47 is not an employment area/);
  });

  test('paired ≤ measured, and improved + unchanged + worse = paired', () => {
    checkCounts(r(7, 'TA01,2025,30,30,10,10,10').row, at);
    refused(() => checkCounts(r(7, 'TA01,2025,31,30,11,10,10').row, at), 'paired-measurements-only', 7, 'customers_paired', /31 is larger than customers_measured 30/);
    refused(() => checkCounts(r(7, 'TA01,2025,30,40,10,10,9').row, at), 'paired-measurements-only', 7, 'customers_improved + customers_unchanged + customers_worse', /add up to 29, not customers_paired 30/);
  });
});

describe('rules between rows', () => {
  test('one version per dimension and period, also against an earlier release', () => {
    const earlier = [{ release: 'the published file', row: publishRow(r(2, 'TA01,2025,20,30,10,5,5').row, 'ok') }];
    refused(() => checkStructure([r(2, 'TA02,2025,20,30,10,5,5', 'Työllistyvyys', '2.0')], earlier, 'x.csv'), 'one-version-per-group', 2, 'instrument_version', /"2\.0" differs from "1\.0" \(the published file\)/);
  });

  test('periods that overlap partly, also against an earlier release', () => {
    const earlier = [{ release: 'the release of 2026-01-02 (commit abc)', row: publishRow(r(2, 'TA01,2024-07/2025-06,20,30,10,5,5').row, 'ok') }];
    refused(() => checkStructure([r(2, 'TA01,2025,20,30,10,5,5')], earlier, 'x.csv'), 'one-period-scheme', 2, 'period', /2025 overlaps 2024-07\/2025-06 \(the release of 2026-01-02 \(commit abc\)\) partly/);
    checkStructure([r(2, 'TA01,2025,20,30,10,5,5'), r(3, 'TA01,2025-Q1,5,6,3,1,1'), r(4, 'TA01,2024,5,6,3,1,1')], [], 'x.csv');
  });

  test('a whole-country row is the sum of its area rows, and a period the sum of the longest periods inside it', () => {
    checkTotals([r(2, 'SSS,2025,30,40,15,10,5'), r(3, 'TA01,2025,12,20,6,4,2'), r(4, 'TA02,2025,18,20,9,6,3')], 'x.csv');
    refused(() => checkTotals([r(2, 'SSS,2025,30,40,15,10,5'), r(3, 'TA01,2025,12,20,6,4,2'), r(4, 'TA02,2025,18,20,9,7,2')], 'x.csv'), 'totals-add-up', 2, 'customers_unchanged', /11 of the employment-area rows/);
    // 2025 = H1 + Q3 + Q4, and H1 = Q1 + Q2 (Q1 and Q2 are not among the longest parts of 2025).
    const periods = [
      r(2, 'TA01,2025,30,40,15,10,5'),
      r(3, 'TA01,2025-01/2025-06,10,14,5,3,2'),
      r(4, 'TA01,2025-Q1,4,6,2,1,1'),
      r(5, 'TA01,2025-Q2,6,8,3,2,1'),
      r(6, 'TA01,2025-Q3,10,13,5,4,1'),
      r(7, 'TA01,2025-Q4,10,13,5,3,2'),
    ];
    checkTotals(periods, 'x.csv');
    refused(() => checkTotals(periods.slice(0, 5), 'x.csv'), 'totals-add-up', 2, 'customers_paired', /30 of TA01 2025 is not the sum 20 of the periods inside 2025 \(rows 3, 6\)/);
  });

  test('a figure published earlier stays: n, measured and the shares in whole percent', () => {
    const earlier = [{ release: 'the published file', row: publishRow(r(2, 'TA01,2025,20,30,10,5,5').row, 'ok') }];
    checkEarlierFigures([r(2, 'TA01,2025,20,30,10,5,5')], earlier, 'x.csv');
    refused(() => checkEarlierFigures([r(2, 'TA01,2025,20,31,10,5,5')], earlier, 'x.csv'), 'published-figures-stay', 2, 'customers_measured', /31 where the published file published 30/);
    refused(() => checkEarlierFigures([r(2, 'TA01,2025,20,30,11,4,5')], earlier, 'x.csv'), 'published-figures-stay', 2, 'customers_improved', /a share of 55 % where the published file published 50 %/);
    // A withheld earlier figure does not bind (it was never public).
    const hidden = [{ release: 'the published file', row: publishRow(r(2, 'TA01,2025,20,30,10,5,5').row, 'suppressed') }];
    checkEarlierFigures([r(2, 'TA01,2025,21,30,11,5,5')], hidden, 'x.csv');
  });
});
