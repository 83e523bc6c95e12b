/**
 * SVG snapshots of the distribution strip (src/charts/distribution.ts), one file per case in
 * __snapshots__/ (tests/helpers/svg-snapshot.ts says how they are compared and renewed).
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { distributionChart } from '../../../src/charts/distribution.ts';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot.ts';

const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

// Real values: the register unemployment share (TYOTOSUUS, %) in 2026-06 of the ten
// municipalities of Päijät-Häme (MK07) and of the whole country (12.8), as published, from
// data/raw/statfin-tyonv-12r5/2026M06.json (see its manifest entry).
const PAIJAT_HAME = [
  { code: 'KU016', name: 'Asikkala', value: 10.9 },
  { code: 'KU081', name: 'Hartola', value: 10.7 },
  { code: 'KU098', name: 'Hollola', value: 9.8 },
  { code: 'KU111', name: 'Heinola', value: 15.4 },
  { code: 'KU142', name: 'Iitti', value: 11.5 },
  { code: 'KU316', name: 'Kärkölä', value: 12.3 },
  { code: 'KU398', name: 'Lahti', value: 17.8 },
  { code: 'KU560', name: 'Orimattila', value: 13.1 },
  { code: 'KU576', name: 'Padasjoki', value: 10.3 },
  { code: 'KU781', name: 'Sysmä', value: 9 },
];

test('distribution-fi-highlight: one area emphasised and the whole country as a labelled rule', () => {
  const svg = distributionChart({
    values: PAIJAT_HAME,
    country: 12.8,
    countryLabel: 'Koko maa',
    highlight: 'KU398',
    lang: 'fi',
    decimals: 1,
    ariaLabel: 'Työttömien osuus Päijät-Hämeen kunnissa 6/2026',
    ariaDescription: 'Kymmenen kuntaa; Lahti korostettuna.',
  });
  assertSvgSnapshot(SNAPSHOTS, 'distribution-fi-highlight', svg);
});

test('distribution-en-plain: no highlight and no country value, narrower', () => {
  const svg = distributionChart({
    values: PAIJAT_HAME,
    country: null,
    countryLabel: 'Whole country',
    lang: 'en',
    decimals: 1,
    ariaLabel: 'Unemployment share in the municipalities of Päijät-Häme, June 2026',
    ariaDescription: 'Ten municipalities.',
    width: 400,
  });
  assertSvgSnapshot(SNAPSHOTS, 'distribution-en-plain', svg);
});
