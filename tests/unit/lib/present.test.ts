/**
 * The pages' wrapper of units.ts (src/lib/present.ts): the same wording with the page's
 * dictionary, and what is shown when there is nothing to compare.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { showChange, showDiff, showValue } from '../../../src/lib/present.ts';

const share = { unit: 'percent', decimals: 1 };
const perVacancy = { unit: 'ratio', decimals: 1 };
const persons = { unit: 'persons', decimals: 0 };

describe('showValue', () => {
  test('uses the page language\'s words', () => {
    assert.equal(showValue('sv', persons, { value: 7, status: 'lower_bound' }), 'minst 7');
    assert.equal(showValue('en', share, { value: null, status: 'suppressed' }), 'withheld');
  });
});

describe('showChange', () => {
  test('no point or no value a year earlier gives null (nothing is shown)', () => {
    assert.equal(showChange('fi', share, undefined), null);
    assert.equal(showChange('fi', share, { yoy: null, yoyPct: null }), null);
  });

  test('a share in points, a ratio as a plain number, a count with its per cent', () => {
    assert.equal(showChange('fi', share, { yoy: 0.5, yoyPct: null }), '+0,5\u00a0%\u2011yks.');
    assert.equal(showChange('fi', perVacancy, { yoy: 0.5, yoyPct: 20 }), '+0,5');
    assert.equal(showChange('en', persons, { yoy: -30, yoyPct: -1.5 }), '\u221230 (\u22121.5\u00a0%)');
  });
});

describe('showDiff', () => {
  test('no difference is an en dash', () => {
    assert.equal(showDiff('fi', share, null), '–');
  });

  test('a share in points, a ratio as a plain number', () => {
    assert.equal(showDiff('sv', share, -0.4), '\u22120,4\u00a0p.e.');
    assert.equal(showDiff('sv', perVacancy, -0.4), '\u22120,4');
  });
});
