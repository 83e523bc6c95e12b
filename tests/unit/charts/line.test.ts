/**
 * SVG snapshots of the time-series chart (src/charts/line.ts), one file per case in
 * __snapshots__/ (tests/helpers/svg-snapshot.ts says how they are compared and renewed).
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { lineChart, type LineSeries } from '../../../src/charts/line.ts';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot.ts';

const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

/** Consecutive months from `first` (YYYY-MM); null = missing, unless a status is given. */
function monthly(first: string, values: readonly (number | null)[], status: (i: number) => string = (i) => (values[i] === null ? 'missing' : 'ok')) {
  const [y0, m0] = first.split('-').map(Number) as [number, number];
  return values.map((value, i) => {
    const k = m0 - 1 + i;
    return { period: `${y0 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, value, status: status(i) };
  });
}

test('line-fi-share-peers: Lahti with two peers over the TE24 break', () => {
  // Real values: the register unemployment share (TYOTOSUUS, %) 2023-07…2025-01 of Lahti (KU398),
  // Heinola (KU111) and Hollola (KU098), as published, from
  // data/raw/statfin-tyonv-12r5/TYOTOSUUS-2007M01-2025M01.json (see its manifest entry).
  const series: LineSeries[] = [
    { key: 'KU398', label: 'Lahti', role: 'area', points: monthly('2023-07', [13.7, 12.4, 12.6, 12.9, 13.4, 14.9, 14.6, 14.6, 14.3, 13.7, 13.3, 14.3, 14.8, 13.7, 13.7, 14.3, 14.5, 15.9, 15.9]) },
    { key: 'KU111', label: 'Heinola', role: 'peer', points: monthly('2023-07', [12.5, 12.3, 12, 12.9, 13.2, 15, 14.7, 15.2, 14.9, 14.6, 13.3, 13.4, 14.1, 13.8, 14.1, 14.2, 15.2, 16.6, 17.2]) },
    { key: 'KU098', label: 'Hollola', role: 'peer', points: monthly('2023-07', [7, 6.5, 6.6, 6.8, 7.3, 8.3, 8.1, 8.4, 8, 7.4, 7.2, 7.6, 8, 7.1, 7.2, 7.7, 7.8, 8.7, 9.9]) },
  ];
  const svg = lineChart({
    series,
    lang: 'fi',
    decimals: 1,
    unit: 'percent',
    breaks: [{ period: '2025-01', label: 'TE24-uudistus' }],
    ariaLabel: 'Työttömien osuus työvoimasta: Lahti',
    ariaDescription: 'Lahti, Heinola ja Hollola 7/2023–1/2025.',
  });
  assertSvgSnapshot(SNAPSHOTS, 'line-fi-share-peers', svg);
});

test('line-sv-statuses: a gap, a lower bound, a withheld value, a lone value and the country', () => {
  // Invented values (not statistics), chosen to show every status the chart draws: a missing
  // month breaks the line, a lower bound is a hollow dot, a withheld month a cross at the bottom,
  // a value without neighbours a dot; the country is dashed.
  const area = monthly('2024-01', [8.2, 8.4, null, 8.9, 9.1, 9.0, null, 9.6, null, 9.2, 9.0, 8.8], (i) => (i === 4 ? 'lower_bound' : i === 6 ? 'suppressed' : i === 2 || i === 8 ? 'missing' : 'ok'));
  const country = monthly('2024-01', [10.1, 10.2, 10.4, 10.5, 10.6, 10.8, 11.0, 11.1, 11.0, 10.9, 10.9, 10.8]);
  const svg = lineChart({
    series: [
      { key: 'TA99', label: 'Område', role: 'area', points: area },
      { key: 'SSS', label: 'Hela landet', role: 'country', points: country },
    ],
    lang: 'sv',
    decimals: 1,
    unit: 'percent',
    breaks: [],
    ariaLabel: 'Andel arbetslösa: Område',
    ariaDescription: 'Område och hela landet 1/2024–12/2024.',
    width: 480,
    height: 220,
  });
  assertSvgSnapshot(SNAPSHOTS, 'line-sv-statuses', svg);
});

test('line-en-count-years: a count over five years has whole years on the axis and starts at zero', () => {
  // Real values: unemployed jobseekers (TYOTTOMATLOPUSSA) in the whole country, 2019-01…2023-10,
  // as published, from data/raw/statfin-tyonv-12r5/2006M01-2023M10.json (see its manifest entry).
  const values = [
    251446, 245840, 238312, 229648, 226526, 254176, 268926, 232621, 226042, 224734, 228581, 257694, 251682, 248147, 309059, 433058, 432681, 416873, 387465, 329719, 315780,
    312713, 314532, 357362, 332834, 327130, 331526, 318408, 301160, 316212, 322582, 281049, 265314, 259036, 252721, 275344, 273726, 265591, 250722, 238789, 235379, 259789,
    272253, 239116, 232873, 232368, 234837, 260444, 258028, 258064, 253876, 246139, 238891, 264731, 278747, 249506, 249769, 256070,
  ];
  const svg = lineChart({
    series: [{ key: 'SSS', label: 'Whole country', role: 'area', points: monthly('2019-01', values) }],
    lang: 'en',
    decimals: 0,
    unit: 'persons',
    breaks: [],
    ariaLabel: 'Unemployed jobseekers: whole country',
    ariaDescription: 'Whole country, January 2019 to October 2023.',
  });
  assertSvgSnapshot(SNAPSHOTS, 'line-en-count-years', svg);
});
