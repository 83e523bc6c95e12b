/** Finding areas in the comparison tool: partial, accent-insensitive, level-aware. Hand-made areas. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaLabel, fold, matchAreas, resolveArea, shownNames } from '../../../../src/client/compare/match.ts';
import { leftOut, type CompareConfig } from '../../../../src/client/compare/state.ts';

const cfg = {
  lang: 'fi',
  areas: { TA09: 'Jyväskylä-Muurame', KU179: 'Jyväskylä', TA19: 'Lahti', KU398: 'Lahti', KU276: 'Kontiolahti', MK07: 'Päijät-Häme', KU081: 'Hartola', SSS: 'Koko maa' },
  areaInfo: {
    TA09: { level: 'employment_area', fi: 'Jyväskylä-Muurame' },
    KU179: { level: 'municipality', fi: 'Jyväskylä' },
    TA19: { level: 'employment_area', fi: 'Lahti' },
    KU398: { level: 'municipality', fi: 'Lahti' },
    KU276: { level: 'municipality', fi: 'Kontiolahti' },
    MK07: { level: 'region', fi: 'Päijät-Häme' },
    KU081: { level: 'municipality', fi: 'Hartola' },
    SSS: { level: 'country', fi: 'Koko maa' },
  },
  levelNames: { country: 'koko maa', employment_area: 'työllisyysalue', region: 'maakunta', municipality: 'kunta' },
  indicators: {},
  strings: {},
  defaults: { areas: [], indicators: [] },
} as unknown as CompareConfig;

describe('fold', () => {
  test('drops accents and case; dashes and spaces are one space', () => {
    assert.equal(fold(' Jyväskylä-Muurame '), 'jyvaskyla muurame');
    assert.equal(fold('Päijät–Häme'), 'paijat hame');
    assert.equal(fold('Åland'), 'aland');
  });
});

describe('matchAreas', () => {
  test('"Jyväs" and "jyvas" find both Jyväskylä areas, the employment area first', () => {
    assert.deepEqual(matchAreas(cfg, 'Jyväs'), ['TA09', 'KU179']);
    assert.deepEqual(matchAreas(cfg, 'jyvas'), ['TA09', 'KU179']);
  });

  test('the whole name before its beginning, the beginning of a word before anywhere', () => {
    assert.deepEqual(matchAreas(cfg, 'lahti'), ['TA19', 'KU398', 'KU276']);
    assert.deepEqual(matchAreas(cfg, 'hame'), ['MK07']);
    assert.deepEqual(matchAreas(cfg, 'muurame'), ['TA09']);
  });

  test('a code finds its area; nothing typed finds nothing', () => {
    assert.deepEqual(matchAreas(cfg, 'ku398'), ['KU398']);
    assert.deepEqual(matchAreas(cfg, '  '), []);
  });
});

describe('resolveArea', () => {
  test('a label with its level is exact: "Lahti (kunta)" is the municipality', () => {
    assert.equal(areaLabel(cfg, 'KU398'), 'Lahti (kunta)');
    assert.deepEqual(resolveArea(cfg, 'Lahti (kunta)'), { code: 'KU398' });
    assert.deepEqual(resolveArea(cfg, 'lahti (tyollisyysalue)'), { code: 'TA19' });
  });

  test('a bare name shared by two areas means the employment area', () => {
    assert.deepEqual(resolveArea(cfg, 'Lahti'), { code: 'TA19' });
  });

  test('a part of one name only is taken; a part of several asks which', () => {
    assert.deepEqual(resolveArea(cfg, 'hartol'), { code: 'KU081' });
    assert.deepEqual(resolveArea(cfg, 'jyvas'), { candidates: ['TA09', 'KU179'] });
    assert.deepEqual(resolveArea(cfg, 'xyz'), { candidates: [] });
  });
});

describe('leftOut', () => {
  test('names the known areas beyond ten and the unknown codes of the address', () => {
    const many = '?areas=TA09,KU179,TA19,KU398,KU276,MK07,KU081,SSS,TA09,ku179,XX1';
    assert.deepEqual(leftOut(many, cfg), { beyond: [], unknown: ['XX1'] });
    const cfg12 = { ...cfg, areas: Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`TA${String(k + 1).padStart(2, '0')}`, `Alue ${k + 1}`])) } as CompareConfig;
    const codes = Array.from({ length: 12 }, (_, k) => `TA${String(k + 1).padStart(2, '0')}`).join(',');
    assert.deepEqual(leftOut(`?areas=${codes}&ind=x`, cfg12), { beyond: ['TA11', 'TA12'], unknown: [] });
  });
});

describe('shownNames', () => {
  test('a name two chosen areas share carries the level; others stay bare', () => {
    assert.deepEqual(shownNames(cfg, ['TA19', 'KU398', 'KU081']), { TA19: 'Lahti (työllisyysalue)', KU398: 'Lahti (kunta)', KU081: 'Hartola' });
    assert.deepEqual(shownNames(cfg, ['TA19', 'SSS']), { TA19: 'Lahti', SSS: 'Koko maa' });
  });
});
