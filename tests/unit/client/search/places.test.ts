/** The place part of the main search: postal codes and area names become municipality + employment area offers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPlaces, fold, postcodeOf, type Place } from '../../../../src/client/search/places.ts';

// A hand-written excerpt of the reference data (data/reference/*.csv): names in fi, sv, en.
const place = (code: string, level: Place['level'], names: string[], area: string | null = null): Place => ({ code, level, names, name: names[0]!, area });
const places: Place[] = [
  place('SSS', 'country', ['Koko maa', 'Hela landet', 'Whole country']),
  place('KU398', 'municipality', ['Lahti', 'Lahtis', 'Lahti'], 'TA19'),
  place('KU276', 'municipality', ['Kontiolahti', 'Kontiolax', 'Kontiolahti'], 'TA22'),
  place('KU402', 'municipality', ['Lapinlahti', 'Lapinlahti', 'Lapinlahti'], 'TA31'),
  place('KU109', 'municipality', ['Hämeenlinna', 'Tavastehus', 'Hämeenlinna'], 'TA12'),
  place('KU710', 'municipality', ['Raasepori', 'Raseborg', 'Raseborg'], 'TA07'),
  place('TA19', 'employment_area', ['Lahti', 'Lahtis', 'Lahti']),
  place('TA12', 'employment_area', ['Hämeenlinna', 'Tavastehus', 'Hämeenlinna']),
  place('TA07', 'employment_area', ['Hanko-Inkoo-Raasepori', 'Hangö-Ingå-Raseborg', 'Hanko-Ingå-Raseborg']),
  place('TA02', 'employment_area', ['Etelä-Häme', 'Södra Tavastland', 'South Häme']),
  place('MK07', 'region', ['Päijät-Häme', 'Päijänne-Tavastland', 'Päijät-Häme']),
];
const postcodes = { '15100': 'KU398', '13100': 'KU109', '99999': 'KU000' };
/** Each offer as "municipality+area+other (via)" codes, for short expectations. */
const codes = (q: string, pc: Record<string, string> | null = postcodes) =>
  findPlaces(q, places, pc).map((o) => `${o.municipality?.code ?? '-'}+${o.area?.code ?? '-'}+${o.other?.code ?? '-'} (${o.via})`);

describe('fold', () => {
  test('drops case and diacritics; hyphens and runs of spaces become one space', () => {
    assert.equal(fold('Hämeenlinna'), 'hameenlinna');
    assert.equal(fold('  HÄMEENLINNA '), 'hameenlinna');
    assert.equal(fold('Hangö-Ingå-Raseborg'), 'hango inga raseborg');
    assert.equal(fold('Södra   Tavastland'), 'sodra tavastland');
  });
});

describe('postcodeOf', () => {
  test('reads five digits at the start, alone or before a word', () => {
    assert.equal(postcodeOf('15100'), '15100');
    assert.equal(postcodeOf(' 15100 '), '15100');
    assert.equal(postcodeOf('15100 Lahti'), '15100');
  });
  test('anything else is no postal code', () => {
    assert.equal(postcodeOf('1510'), null);
    assert.equal(postcodeOf('151000'), null);
    assert.equal(postcodeOf('Lahti 15100'), null);
    assert.equal(postcodeOf('2025'), null);
  });
});

describe('findPlaces', () => {
  test('a postal code gives its municipality beside its employment area', () => {
    assert.deepEqual(codes('15100'), ['KU398+TA19+- (postcode)']);
    assert.deepEqual(codes('13100'), ['KU109+TA12+- (postcode)']);
  });
  test('an unknown postal code, a code of an unknown municipality or no table gives nothing', () => {
    assert.deepEqual(codes('00000'), []);
    assert.deepEqual(codes('99999'), []);
    assert.deepEqual(codes('15100', null), []);
  });
  test('"lahti" is one offer: the municipality and the employment area of the same name; Kontiolahti and Lapinlahti are not offered', () => {
    assert.deepEqual(codes('lahti'), ['KU398+TA19+- (name)']);
    assert.deepEqual(codes('LAHTIS'), ['KU398+TA19+- (name)']);
  });
  test('names match without diacritics and in Swedish', () => {
    assert.deepEqual(codes('hameenlinna'), ['KU109+TA12+- (name)']);
    assert.deepEqual(codes('Tavastehus'), ['KU109+TA12+- (name)']);
  });
  test('the start of a name matches from three letters on, whole names first', () => {
    assert.deepEqual(codes('lah'), ['KU398+TA19+- (prefix)']);
    assert.deepEqual(codes('la'), []);
    assert.deepEqual(codes('Raasepori'), ['KU710+TA07+- (name)']);
  });
  test('a later word of a hyphenated name matches; regions and the country are offered on their own', () => {
    assert.deepEqual(codes('inkoo'), ['-+TA07+- (prefix)']);
    // Hämeenlinna starts with "häme" (a name's start ranks before a later word's).
    assert.deepEqual(codes('häme'), ['KU109+TA12+- (prefix)', '-+TA02+- (prefix)', '-+-+MK07 (prefix)']);
    assert.deepEqual(codes('koko maa'), ['-+-+SSS (name)']);
  });
  test('blank or unknown text gives nothing', () => {
    assert.deepEqual(codes('   '), []);
    assert.deepEqual(codes('lähteet'), []);
  });
});
