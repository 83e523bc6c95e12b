/**
 * Value statuses (src/lib/status.ts): the codes the derive stage stores, the names of the public
 * format (design.md, "Tidy download format"), the rules that combine the statuses of a sum, a
 * ratio and a comparison, and the symbols sources write for a withheld value.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ESTIMATE,
  INCOMPLETE,
  LOWER,
  MISSING,
  NONE,
  OK,
  PUBLIC_STATUSES,
  STATUS_DEFINITIONS,
  STATUS_NAMES,
  STATUS_SHORT,
  SUPPRESSED,
  UPPER,
  WITHHELD_SYMBOLS,
  combinedStatus,
  comparisonStatus,
  hasValue,
  hasValueName,
  isWithheldSymbol,
  ratioStatus,
  statusCode,
  sumStatus,
} from '../../../src/lib/status.ts';

describe('status codes and names', () => {
  test('the public format has the statuses of design.md, in this order', () => {
    assert.deepEqual(PUBLIC_STATUSES, ['ok', 'suppressed', 'lower_bound', 'missing', 'estimate', 'upper_bound', 'incomplete']);
  });

  test('each code names its status, and the name gives the code back', () => {
    const pairs: [number, string][] = [
      [OK, 'ok'],
      [SUPPRESSED, 'suppressed'],
      [LOWER, 'lower_bound'],
      [MISSING, 'missing'],
      [ESTIMATE, 'estimate'],
      [UPPER, 'upper_bound'],
      [INCOMPLETE, 'incomplete'],
    ];
    for (const [code, name] of pairs) {
      assert.equal(STATUS_NAMES[code], name);
      assert.equal(statusCode(name), code);
    }
  });

  test('code 0 means "no cell" and has no name; unknown names are code 0', () => {
    assert.equal(NONE, 0);
    assert.equal(STATUS_NAMES[NONE], '');
    assert.equal(statusCode(''), NONE);
    assert.equal(statusCode('withheld'), NONE);
    assert.equal(statusCode('OK'), NONE);
  });

  test('codes fit in one byte and are distinct (the derive stage stores them in a Uint8Array)', () => {
    const codes = [NONE, OK, SUPPRESSED, LOWER, MISSING, ESTIMATE, UPPER, INCOMPLETE];
    assert.equal(new Set(codes).size, 8);
    for (const c of codes) assert.equal(new Uint8Array([c])[0], c);
  });

  test('values are carried by ok, estimates and bounds; withheld, missing and no cell have none', () => {
    assert.equal(hasValue(OK), true);
    assert.equal(hasValue(LOWER), true);
    assert.equal(hasValue(UPPER), true);
    assert.equal(hasValue(INCOMPLETE), true);
    assert.equal(hasValue(ESTIMATE), true);
    assert.equal(hasValue(SUPPRESSED), false);
    assert.equal(hasValue(MISSING), false);
    assert.equal(hasValue(NONE), false);
    assert.equal(hasValueName('ok'), true);
    assert.equal(hasValueName('lower_bound'), true);
    assert.equal(hasValueName('suppressed'), false);
    assert.equal(hasValueName('missing'), false);
    assert.equal(hasValueName('anything'), false);
  });

  test('every public status has a definition; only ok goes without a short gloss', () => {
    for (const s of PUBLIC_STATUSES) assert.ok(STATUS_DEFINITIONS[s].length > 0, s);
    assert.equal(STATUS_SHORT.ok, '');
    assert.equal(STATUS_SHORT.suppressed, 'withheld by the source');
    assert.match(STATUS_DEFINITIONS.suppressed, /never zero/);
  });
});

describe('sumStatus', () => {
  test('a sum of published inputs is ok', () => {
    assert.equal(sumStatus(3, 0, 0), OK);
  });

  test('a sum with one withheld input is a lower bound (the rest is at least the sum)', () => {
    assert.equal(sumStatus(3, 1, 0), LOWER);
  });

  test('a sum with a lower-bound input is a lower bound', () => {
    assert.equal(sumStatus(3, 0, 1), LOWER);
  });

  test('a sum of which every input was withheld is withheld', () => {
    assert.equal(sumStatus(3, 3, 0), SUPPRESSED);
    assert.equal(sumStatus(1, 1, 0), SUPPRESSED);
  });
});

describe('ratioStatus', () => {
  test('published terms and a denominator above zero give ok', () => {
    assert.equal(ratioStatus(OK, OK, 100), OK);
  });

  test('a withheld term makes the ratio withheld, even with a zero denominator', () => {
    assert.equal(ratioStatus(SUPPRESSED, OK, 100), SUPPRESSED);
    assert.equal(ratioStatus(OK, SUPPRESSED, 100), SUPPRESSED);
    assert.equal(ratioStatus(SUPPRESSED, OK, 0), SUPPRESSED);
  });

  test('a zero denominator gives missing, not a value', () => {
    assert.equal(ratioStatus(OK, OK, 0), MISSING);
    assert.equal(ratioStatus(LOWER, OK, 0), MISSING);
  });

  test('a lower-bound numerator makes a lower bound, a lower-bound denominator an upper bound, both incomplete', () => {
    assert.equal(ratioStatus(LOWER, OK, 100), LOWER);
    assert.equal(ratioStatus(OK, LOWER, 100), UPPER);
    assert.equal(ratioStatus(LOWER, LOWER, 100), INCOMPLETE);
  });
});

describe('comparisonStatus', () => {
  test('a change between two published values is ok', () => {
    assert.equal(comparisonStatus(OK, OK), 'ok');
  });

  // a − b: a later value (or an area) minus an earlier one (or the whole country).
  test('a later value that is at least this makes the change at least this; an earlier one makes it at most', () => {
    assert.equal(comparisonStatus(LOWER, OK), 'lower_bound');
    assert.equal(comparisonStatus(OK, LOWER), 'upper_bound');
    assert.equal(comparisonStatus(UPPER, OK), 'upper_bound');
    assert.equal(comparisonStatus(OK, UPPER), 'lower_bound');
  });

  test('bounds pointing the same way keep the direction; opposite ones do not', () => {
    assert.equal(comparisonStatus(LOWER, UPPER), 'lower_bound');
    assert.equal(comparisonStatus(UPPER, LOWER), 'upper_bound');
    assert.equal(comparisonStatus(LOWER, LOWER), 'incomplete');
    assert.equal(comparisonStatus(UPPER, UPPER), 'incomplete');
    assert.equal(comparisonStatus(INCOMPLETE, OK), 'incomplete');
  });

  test('an estimate makes the change an estimate; an estimate with a bound is incomplete', () => {
    assert.equal(comparisonStatus(ESTIMATE, OK), 'estimate');
    assert.equal(comparisonStatus(ESTIMATE, ESTIMATE), 'estimate');
    assert.equal(comparisonStatus(ESTIMATE, LOWER), 'incomplete');
  });
});

describe('combinedStatus', () => {
  test('all exact is ok; estimates among exact values make an estimate', () => {
    assert.equal(combinedStatus([OK, OK, OK]), 'ok');
    assert.equal(combinedStatus([OK, ESTIMATE]), 'estimate');
  });

  test('bounds of one direction keep it; mixed directions, estimates with bounds or an incomplete value are incomplete', () => {
    assert.equal(combinedStatus([OK, LOWER, LOWER]), 'lower_bound');
    assert.equal(combinedStatus([UPPER, OK]), 'upper_bound');
    assert.equal(combinedStatus([LOWER, UPPER]), 'incomplete');
    assert.equal(combinedStatus([ESTIMATE, LOWER]), 'incomplete');
    assert.equal(combinedStatus([OK, INCOMPLETE]), 'incomplete');
  });
});

describe('withheld symbols', () => {
  test('StatFin\'s "...", the PxWeb export\'s ".." and R\'s "NA" mean withheld', () => {
    assert.deepEqual([...WITHHELD_SYMBOLS].sort(), ['..', '...', 'NA']);
    for (const s of ['...', '..', 'NA']) assert.equal(isWithheldSymbol(s), true, s);
  });

  test('a number, an empty cell or a look-alike is not a withheld symbol', () => {
    for (const s of ['', '.', '....', '0', 'na', 'N/A', ' ...', '-']) assert.equal(isWithheldSymbol(s), false, JSON.stringify(s));
  });
});
