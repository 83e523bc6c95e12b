/**
 * Similar areas (src/lib/derive/peers.ts), checked against the method published on
 * /en/methodology/similar-areas/ with a case small enough to compute by hand:
 * 1. attributes: ln(labour force), urban share, rural share, bilingual-or-Swedish share;
 * 2. each standardised over the TE24 areas (mean 0, standard deviation 1);
 * 3. Euclidean distance, plus 0.5 when the main regions differ;
 * 4. the five nearest, ties broken by code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computePeers } from '../../../../src/lib/derive/peers.ts';
import { area } from '../../../helpers/site-fixture.ts';

/** A TE24 employment area with the four attributes and a main region. */
function ta(code: string, labour_force: number | null, urban: number | null, rural: number | null, bilingual: number | null, region: string, te24 = true) {
  const a = area(code, 'employment_area', { te24 });
  return { ...a, attributes: { ...a.attributes, labour_force, urban, rural, semi_urban: null, bilingual_or_swedish: bilingual, main_region: region } };
}

describe('computePeers', () => {
  // By hand (L = ln 10):
  //   ln labour force 2L, 3L, 3L, 4L → mean 3L, sd L/√2      → z −√2, 0, 0, √2
  //   urban 1, 1, 0, 0                → mean ½, sd ½        → z 1, 1, −1, −1
  //   rural 0, 0, 1, 1                                      → z −1, −1, 1, 1
  //   bilingual 0, 0, 0, 1            → mean ¼, sd √3/4     → z −1/√3 (×3), √3
  // Distances (+0.5 across regions MK01 | MK02):
  //   TA01–TA02 √2 = 1.414            TA01–TA03 √(2+4+4) + 0.5 = 3.662
  //   TA01–TA04 √(8+4+4+16/3) + 0.5 = 5.119
  //   TA02–TA03 √8 + 0.5 = 3.328      TA02–TA04 √(2+4+4+16/3) + 0.5 = 4.416
  //   TA03–TA04 √(2+16/3) = 2.708
  const areas = [
    ta('TA01', 100, 1, 0, 0, 'MK01'),
    ta('TA02', 1000, 1, 0, 0, 'MK01'),
    ta('TA03', 1000, 0, 1, 0, 'MK02'),
    ta('TA04', 10000, 0, 1, 1, 'MK02'),
  ];

  test('distances and order follow the published method (computed by hand)', () => {
    const peers = computePeers(areas);
    assert.deepEqual(Object.fromEntries(peers), {
      TA01: [{ code: 'TA02', distance: 1.41 }, { code: 'TA03', distance: 3.66 }, { code: 'TA04', distance: 5.12 }],
      TA02: [{ code: 'TA01', distance: 1.41 }, { code: 'TA03', distance: 3.33 }, { code: 'TA04', distance: 4.42 }],
      TA03: [{ code: 'TA04', distance: 2.71 }, { code: 'TA02', distance: 3.33 }, { code: 'TA01', distance: 3.66 }],
      TA04: [{ code: 'TA03', distance: 2.71 }, { code: 'TA02', distance: 4.42 }, { code: 'TA01', distance: 5.12 }],
    });
  });

  test('only TE24 employment areas with every attribute take part, and they do not shift the standardisation', () => {
    const others = [
      ta('TA46', 500, 0.5, 0.5, 1, 'MK21', false), // Åland: not a TE24 area
      ta('TA05', 1000, null, 0, 0, 'MK01'), // an attribute missing
      { ...ta('MK01', 5000, 1, 0, 0, 'MK01'), level: 'region' as const, te24: null },
      area('SSS', 'country'),
    ];
    const peers = computePeers([...others, ...areas]);
    assert.deepEqual([...peers.keys()].sort(), ['TA01', 'TA02', 'TA03', 'TA04']);
    // The same distances as without the others: they were not in the means and deviations.
    assert.deepEqual(peers.get('TA01'), [{ code: 'TA02', distance: 1.41 }, { code: 'TA03', distance: 3.66 }, { code: 'TA04', distance: 5.12 }]);
  });

  test('the five nearest at most; equal distances are broken by code; an attribute equal everywhere counts zero', () => {
    // Seven identical areas in one region: every distance is 0 (a constant attribute has no
    // spread, and standardising it must not give NaN).
    const same = ['TA07', 'TA03', 'TA05', 'TA01', 'TA06', 'TA02', 'TA04'].map((c) => ta(c, 2000, 0.5, 0.2, 0.1, 'MK05'));
    const peers = computePeers(same);
    assert.deepEqual(peers.get('TA01'), ['TA02', 'TA03', 'TA04', 'TA05', 'TA06'].map((code) => ({ code, distance: 0 })));
    assert.deepEqual(peers.get('TA07'), ['TA01', 'TA02', 'TA03', 'TA04', 'TA05'].map((code) => ({ code, distance: 0 })));
  });

  test('an area is never its own peer', () => {
    for (const [code, list] of computePeers(areas)) assert.ok(!list.some((p) => p.code === code), code);
  });
});
