/**
 * The portal's areas (src/lib/derive/areas.ts): the level of a code, and buildAreas — membership
 * from the current key, population shares by urban–rural and language class, and the main
 * region — on a tiny hand-made division whose shares are easy to check by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildAreas, levelOf, type Area, type AreaInputs } from '../../../../src/lib/derive/areas.ts';

describe('levelOf', () => {
  test('Statistics Finland\'s code shapes give the four levels', () => {
    assert.equal(levelOf('SSS'), 'country');
    assert.equal(levelOf('TA08'), 'employment_area');
    assert.equal(levelOf('TA46'), 'employment_area');
    assert.equal(levelOf('MK01'), 'region');
    assert.equal(levelOf('KU091'), 'municipality');
  });

  test('codes the portal does not publish have no level', () => {
    for (const code of ['KU199', 'MK91', 'TA8', 'ta08', 'KU0911', 'MK1', 'SSS1', '', 'XX']) assert.equal(levelOf(code), null, code);
  });
});

describe('buildAreas', () => {
  const m = (code: string, region: string, language: string, urban_rural: string, successor = '') => ({
    code,
    name_fi: `${code} fi`,
    name_sv: `${code} sv`,
    name_en: `${code} en`,
    region,
    language,
    urban_rural,
    successor,
  });
  const pop = (value: number, period = '2025') => ({ value, period });
  // KU001 urban, Finnish, MK01, 600 people; KU002 semi-urban, bilingual, MK02, 300;
  // KU003 rural, Swedish-speaking, MK02, 100. KU004 merged into KU003 (no longer current).
  const input: AreaInputs = {
    municipalities: [m('KU001', 'MK01', '0', '1'), m('KU002', 'MK02', '1', '2'), m('KU003', 'MK02', '2', '3'), m('KU004', '', '', '', 'KU003')],
    employmentAreas: [
      { code: 'TA01', name_fi: 'Yksi', name_sv: 'Ett', name_en: 'One', te24: 'yes' },
      { code: 'TA46', name_fi: 'Ahvenanmaa', name_sv: 'Åland', name_en: 'Åland', te24: 'no' },
    ],
    regions: [
      { code: 'MK01', name_fi: 'M1', name_sv: 'M1 sv', name_en: 'M1 en' },
      { code: 'MK02', name_fi: 'M2', name_sv: 'M2 sv', name_en: 'M2 en' },
    ],
    areaOf: new Map([
      ['KU001', 'TA01'],
      ['KU002', 'TA01'],
      ['KU003', 'TA46'],
    ]),
    population: new Map([
      ['KU001', pop(600)],
      ['KU002', pop(300)],
      ['KU003', pop(100)],
      ['TA01', pop(900)],
      ['SSS', pop(1000)],
    ]),
    labourForce: new Map([['TA01', { value: 450, period: '2026-06' }]]),
  };
  const byCode = (areas: Area[]) => new Map(areas.map((a) => [a.code, a]));

  test('the whole country, then employment areas, regions and current municipalities (merged ones left out)', () => {
    assert.deepEqual(buildAreas(input).map((a) => `${a.level}:${a.code}`), [
      'country:SSS',
      'employment_area:TA01',
      'employment_area:TA46',
      'region:MK01',
      'region:MK02',
      'municipality:KU001',
      'municipality:KU002',
      'municipality:KU003',
    ]);
  });

  test('an employment area: members from the key, their regions, TE24 or not, names in three languages', () => {
    const a = byCode(buildAreas(input));
    const ta01 = a.get('TA01')!;
    assert.deepEqual(ta01.members, ['KU001', 'KU002']);
    assert.deepEqual(ta01.regions, ['MK01', 'MK02']);
    assert.equal(ta01.te24, true);
    assert.deepEqual(ta01.name, { fi: 'Yksi', sv: 'Ett', en: 'One' });
    assert.equal(a.get('TA46')!.te24, false);
    assert.deepEqual(a.get('MK02')!.members, ['KU002', 'KU003']);
    assert.deepEqual(a.get('SSS')!.name, { fi: 'Koko maa', sv: 'Hela landet', en: 'Whole country' });
  });

  test('a municipality keeps its employment area, region and classes', () => {
    const ku = byCode(buildAreas(input)).get('KU002')!;
    assert.equal(ku.employment_area, 'TA01');
    assert.equal(ku.region, 'MK02');
    assert.equal(ku.language, '1');
    assert.equal(ku.urban_rural, '2');
  });

  test('shares are of the members\' population: urban 600/900, semi-urban 300/900, bilingual 300/900', () => {
    const at = byCode(buildAreas(input)).get('TA01')!.attributes;
    assert.equal(at.urban, 600 / 900);
    assert.equal(at.semi_urban, 300 / 900);
    assert.equal(at.rural, 0);
    assert.equal(at.bilingual_or_swedish, 300 / 900);
  });

  test('the whole country over every current municipality; a Swedish-speaking one counts as bilingual or Swedish', () => {
    const at = byCode(buildAreas(input)).get('SSS')!.attributes;
    assert.deepEqual([at.urban, at.semi_urban, at.rural, at.bilingual_or_swedish], [0.6, 0.3, 0.1, 0.4]);
    const ta46 = byCode(buildAreas(input)).get('TA46')!.attributes;
    assert.equal(ta46.bilingual_or_swedish, 1);
    assert.equal(ta46.rural, 1);
  });

  test('the main region is where most of the population lives', () => {
    const a = byCode(buildAreas(input));
    assert.equal(a.get('TA01')!.attributes.main_region, 'MK01'); // 600 in MK01 against 300 in MK02
    assert.equal(a.get('SSS')!.attributes.main_region, 'MK01'); // 600 against 400
    assert.equal(a.get('KU003')!.attributes.main_region, 'MK02');
  });

  test('equal populations in two regions: the lower code is the main region', () => {
    const tie = { ...input, population: new Map([...input.population, ['KU002', pop(600)]]) };
    assert.equal(byCode(buildAreas(tie)).get('TA01')!.attributes.main_region, 'MK01');
    const tie2 = { ...input, municipalities: [m('KU001', 'MK02', '0', '1'), m('KU002', 'MK01', '0', '1')], population: new Map([['KU001', pop(500)], ['KU002', pop(500)]]) };
    assert.equal(byCode(buildAreas(tie2)).get('TA01')!.attributes.main_region, 'MK01');
  });

  test('population and labour force are the area\'s own latest values, with their periods', () => {
    const at = byCode(buildAreas(input)).get('TA01')!.attributes;
    assert.equal(at.population, 900);
    assert.equal(at.population_year, '2025');
    assert.equal(at.labour_force, 450);
    assert.equal(at.labour_force_period, '2026-06');
    const mk = byCode(buildAreas(input)).get('MK01')!.attributes;
    assert.equal(mk.population, null);
    assert.equal(mk.labour_force, null);
  });

  test('a member without a population leaves the shares and the main region unknown, never partial', () => {
    const gap = { ...input, population: new Map([...input.population].filter(([code]) => code !== 'KU002')) };
    const at = byCode(buildAreas(gap)).get('TA01')!.attributes;
    assert.deepEqual([at.urban, at.semi_urban, at.rural, at.bilingual_or_swedish, at.main_region], [null, null, null, null, null]);
    // KU001's own shares are still known.
    assert.equal(byCode(buildAreas(gap)).get('KU001')!.attributes.urban, 1);
  });

  test('peers are filled in later (computePeers)', () => {
    for (const a of buildAreas(input)) assert.deepEqual(a.peers, []);
  });
});
