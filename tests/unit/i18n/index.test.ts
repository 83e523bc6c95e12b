/**
 * The UI dictionaries: every language has every key with the same placeholders, and `t` fills
 * placeholders or fails loudly.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDictionaries, t } from '../../../src/i18n/index.ts';

describe('checkDictionaries', () => {
  test('the real dictionaries are complete (the module checks them when loaded)', () => {
    assert.doesNotThrow(() => checkDictionaries());
  });

  test('a key missing from a language is named with its file', () => {
    assert.throws(() => checkDictionaries({ fi: { a: 'A', b: 'B' }, sv: { a: 'A' }, en: { a: 'A', b: 'B' } }), /src\/i18n\/sv\.json: missing translation "b"/);
  });

  test('an empty translation counts as missing', () => {
    assert.throws(() => checkDictionaries({ fi: { a: 'A' }, sv: { a: '' }, en: { a: 'A' } }), /sv\.json: missing translation "a"/);
  });

  test('placeholders that differ from Finnish are named', () => {
    assert.throws(() => checkDictionaries({ fi: { a: '{n} kpl' }, sv: { a: '{count} st' }, en: { a: '{n} pcs' } }), /sv\.json: "a" has placeholders \{count\} but fi has \{n\}/);
  });

  test('a key only in another language is refused', () => {
    assert.throws(() => checkDictionaries({ fi: { a: 'A' }, sv: { a: 'A' }, en: { a: 'A', extra: 'x' } }), /en\.json: "extra" is not in fi\.json/);
  });
});

describe('t', () => {
  test('fills placeholders in each language', () => {
    assert.equal(t('fi', 'change.points', { value: '+0,5' }), '+0,5\u00a0%\u2011yks.');
    assert.equal(t('en', 'change.points', { value: '+0.5' }), '+0.5\u00a0pp');
  });

  test('a missing placeholder value fails', () => {
    assert.throws(() => t('fi', 'change.points'), /needs a value for \{value\}/);
  });
});
