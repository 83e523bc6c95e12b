/**
 * appendCells (src/site/raw-cells.ts): validated raw JSON-stat parts become the long table of
 * source cells. Withheld cells become `suppressed`, absent cells are skipped, June-2026 code
 * prefixes are dropped, and anything unexpected stops the run naming the file and the cell.
 * The datasets are written out by hand; values are real 2026M06 figures from ../shared/data.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { areaCodeChecker, loadReference } from '../../../../../scripts/lib/validate/reference.ts';
import { appendCells, emptyCells, stripCodePrefix, type AppendOptions } from '../../../../../scripts/lib/validate/raw-cells.ts';
import { fromSourcePeriod } from '../../../../../src/lib/periods.ts';
import { InputError } from '../../../../../src/lib/errors.ts';
import type { JsonStatDataset } from '../../../../../src/schema/raw.ts';
import { ROOT } from '../../../../helpers/data-harness.ts';

const isKnownArea = areaCodeChecker(loadReference(ROOT));
const FILE = 'data/raw/test/part.json';
const opts = (extra: Partial<AppendOptions> = {}): AppendOptions => ({
  file: FILE,
  source: 'statfin-tyonv-12r5',
  part: '2026M06',
  updated: '2026-07-21T05:00:00Z',
  isKnownArea,
  signedCodes: new Set<string>(),
  notCounts: new Set<string>(),
  ...extra,
});

/** Alue × timeperiod_m × Tiedot = 2 × 1 × 2; cells: SSS U, SSS L, KU062 U, KU062 L. */
function twelveR5(value: (number | null)[], status?: JsonStatDataset['status'], areas = ['SSS', 'KU062']): JsonStatDataset {
  return {
    version: '2.0',
    class: 'dataset',
    id: ['Alue', 'timeperiod_m', 'Tiedot'],
    size: [2, 1, 2],
    dimension: {
      Alue: { category: { index: { [areas[0]!]: 0, [areas[1]!]: 1 } } },
      timeperiod_m: { category: { index: { '2026M06': 0 } } },
      Tiedot: { category: { index: { TYOTTOMATLOPUSSA: 0, TYOVOIMATK: 1 } } },
    },
    value,
    ...(status ? { status } : {}),
    role: { geo: ['Alue'], time: ['timeperiod_m'], metric: ['Tiedot'] },
  };
}

/** Asserts an InputError in FILE at `row` and `field` whose message matches `problem`. */
function assertRefused(fn: () => unknown, row: string | undefined, field: string, problem: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.location.file, FILE);
    assert.equal(e.location.row, row);
    assert.equal(e.location.field, field);
    assert.ok(e.message.startsWith(FILE), e.message);
    assert.match(e.message, problem);
    return true;
  });
}

describe('appendCells', () => {
  test('turns "..." into suppressed, keeps values as ok, and skips null cells without status', () => {
    const out = emptyCells();
    // KU062 Föglö 2026M06: unemployed "...", labour force 235. SSS labour force left absent.
    const added = appendCells(out, twelveR5([352001, null, null, 235], { '2': '...' }), opts());
    assert.equal(added, 3);
    assert.deepEqual(out, {
      source: ['statfin-tyonv-12r5', 'statfin-tyonv-12r5', 'statfin-tyonv-12r5'],
      part: ['2026M06', '2026M06', '2026M06'],
      updated: ['2026-07-21T05:00:00Z', '2026-07-21T05:00:00Z', '2026-07-21T05:00:00Z'],
      area: ['SSS', 'KU062', 'KU062'],
      period: ['2026-06', '2026-06', '2026-06'],
      code: ['TYOTTOMATLOPUSSA', 'TYOTTOMATLOPUSSA', 'TYOVOIMATK'],
      dims: ['', '', ''],
      value: [352001, null, 235],
      status: ['ok', 'suppressed', 'ok'],
    });
  });

  test('"NA" (files that passed through R) is suppressed too, and status may be an array', () => {
    const out = emptyCells();
    appendCells(out, twelveR5([352001, 2743596, null, 235], [null, null, 'NA', null]), opts());
    assert.deepEqual(out.status, ['ok', 'ok', 'suppressed', 'ok']);
  });

  test('a zero is a value, not an absent cell', () => {
    const out = emptyCells();
    appendCells(out, twelveR5([0, 0, null, null]), opts());
    assert.deepEqual(out.value, [0, 0]);
    assert.deepEqual(out.status, ['ok', 'ok']);
  });

  test('appends to what the table already holds', () => {
    const out = emptyCells();
    appendCells(out, twelveR5([1, null, null, null]), opts({ part: 'a' }));
    appendCells(out, twelveR5([2, null, null, null]), opts({ part: 'b' }));
    assert.deepEqual(out.part, ['a', 'b']);
    assert.deepEqual(out.value, [1, 2]);
  });

  test('strips a June-2026 code prefix (vaerak-vaesto → vaesto), writes years as YYYY and other dimensions as dim=code', () => {
    // 11re 2025, Helsinki by sex (../shared/data/population/11re_2025_pxweb.json); codes as after June 2026.
    const ds: JsonStatDataset = {
      version: '2.0',
      class: 'dataset',
      id: ['alue_23_20260101', 'sukupuoli_9_20180101', 'timeperiod_y', 'Tiedot'],
      size: [1, 1, 1, 1],
      dimension: {
        alue_23_20260101: { category: { index: ['KU091'] } },
        sukupuoli_9_20180101: { category: { index: ['SSS'] } },
        timeperiod_y: { category: { index: ['2025'] } },
        Tiedot: { category: { index: ['vaerak-vaesto'] } },
      },
      value: [694392],
      role: { geo: ['alue_23_20260101'], time: ['timeperiod_y'], metric: ['Tiedot'] },
    };
    const out = emptyCells();
    appendCells(out, ds, opts({ source: 'statfin-vaerak-11re', part: '2025' }));
    assert.deepEqual(out.code, ['vaesto']);
    assert.deepEqual(out.period, ['2025']);
    assert.deepEqual(out.area, ['KU091']);
    assert.deepEqual(out.dims, ['sukupuoli_9_20180101=SSS']);
  });

  test('a dataset without an area dimension (the LFS table) is the whole country', () => {
    const ds: JsonStatDataset = {
      version: '2.0',
      class: 'dataset',
      id: ['timeperiod_m', 'Tiedot'],
      size: [1, 2],
      dimension: {
        timeperiod_m: { category: { index: ['2026M06'] } },
        Tiedot: { category: { index: ['tyti-Tyottomyysaste', 'tyottaste_trendi'] } },
      },
      value: [10.0, 10.5],
      role: { time: ['timeperiod_m'], metric: ['Tiedot'] },
    };
    const out = emptyCells();
    appendCells(out, ds, opts({ source: 'statfin-tyti-135z', notCounts: new Set(['Tyottomyysaste', 'tyottaste_trendi']) }));
    assert.deepEqual(out.area, ['SSS', 'SSS']);
    assert.deepEqual(out.code, ['Tyottomyysaste', 'tyottaste_trendi']);
    assert.deepEqual(out.value, [10, 10.5]);
  });

  test('refuses an unknown status symbol, naming the cell', () => {
    assertRefused(
      () => appendCells(emptyCells(), twelveR5([352001, 2743596, null, 235], { '2': '?' }), opts()),
      'cell 2 (Alue=KU062, timeperiod_m=2026M06, Tiedot=TYOTTOMATLOPUSSA)',
      'status',
      /unknown status symbol "\?"/,
    );
  });

  test('refuses a negative count, naming the cell', () => {
    assertRefused(
      () => appendCells(emptyCells(), twelveR5([352001, -5, null, 235]), opts()),
      'cell 1 (Alue=SSS, timeperiod_m=2026M06, Tiedot=TYOVOIMATK)',
      'value',
      /negative value -5/,
    );
  });

  test('accepts a negative value for a signed code (Kela euros after recoveries)', () => {
    const ds: JsonStatDataset = {
      version: '2.0',
      class: 'dataset',
      id: ['Alue', 'timeperiod_m', 'Tiedot'],
      size: [1, 1, 2],
      dimension: {
        Alue: { category: { index: ['SSS'] } },
        timeperiod_m: { category: { index: ['2026M06'] } },
        Tiedot: { category: { index: ['saajat', 'kuntaosuus_eur'] } },
      },
      value: [254848, -12.5],
    };
    const out = emptyCells();
    appendCells(out, ds, opts({ source: 'kela-cofinanced-benefit', signedCodes: new Set(['kuntaosuus_eur']) }));
    assert.deepEqual(out.value, [254848, -12.5]);
    // The same negative value in the unsigned code is refused.
    const bad = { ...ds, value: [-1, 5] };
    assertRefused(() => appendCells(emptyCells(), bad, opts({ signedCodes: new Set(['kuntaosuus_eur']) })), 'cell 0 (Alue=SSS, timeperiod_m=2026M06, Tiedot=saajat)', 'value', /negative/);
  });

  test('refuses an unknown area code, naming the dimension and the code', () => {
    assertRefused(() => appendCells(emptyCells(), twelveR5([1, 2, 3, 4], undefined, ['SSS', 'KU999']), opts()), undefined, 'dimension.Alue', /unknown area code "KU999"/);
  });

  test('accepts StatFin\'s codes for "abroad" and "unknown municipality" and sub-regions', () => {
    const out = emptyCells();
    appendCells(out, twelveR5([5, null, 0, null], undefined, ['KU199', 'KUJOU']), opts());
    appendCells(out, twelveR5([5, null, 0, null], undefined, ['SK011', 'ELY01']), opts());
    assert.deepEqual(out.area, ['KU199', 'KUJOU', 'SK011', 'ELY01']);
  });

  test('refuses a period that is neither YYYYMmm nor YYYY', () => {
    const ds = twelveR5([1, 2, 3, 4]);
    ds.dimension['timeperiod_m'] = { category: { index: { '2026-06': 0 } } };
    assertRefused(() => appendCells(emptyCells(), ds, opts()), undefined, 'dimension.timeperiod_m', /"2026-06" is not a month/);
  });

  test('refuses a value array that does not match the size', () => {
    assertRefused(() => appendCells(emptyCells(), twelveR5([1, 2, 3]), opts()), undefined, 'value', /3 values but size gives 4 cells/);
  });
});

describe('stripCodePrefix / fromSourcePeriod', () => {
  test('drops only a lower-case prefix ending in "-"', () => {
    assert.equal(stripCodePrefix('vaerak-vaesto'), 'vaesto');
    assert.equal(stripCodePrefix('tyti-Tyottomyysaste'), 'Tyottomyysaste');
    assert.equal(stripCodePrefix('TYOTTOMATLOPUSSA'), 'TYOTTOMATLOPUSSA');
    assert.equal(stripCodePrefix('vaesto_alle15_p'), 'vaesto_alle15_p');
    assert.equal(stripCodePrefix('tyottaste_trendi'), 'tyottaste_trendi');
  });

  test('StatFin months become YYYY-MM; years stay; anything else is null', () => {
    assert.equal(fromSourcePeriod('2026M06'), '2026-06');
    assert.equal(fromSourcePeriod('2025'), '2025');
    assert.equal(fromSourcePeriod('2026M13'), null);
    assert.equal(fromSourcePeriod('202606'), null);
  });
});
