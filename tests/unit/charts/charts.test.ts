/**
 * Chart and map builders: structure of the SVG (render with linkedom, re-parse, assert on
 * elements). The SVG snapshots a reviewer can open, one file per case for every builder, are in
 * tests/unit/charts/__snapshots__/ (tests/unit/charts/*.test.ts; see tests/helpers/svg-snapshot.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { distributionChart } from '../../../src/charts/distribution.ts';
import { lineChart } from '../../../src/charts/line.ts';
import { periodToDate } from '../../../src/lib/periods.ts';
import { choropleth, NO_DATA, PALETTE, quantileClasses, type Shapes } from '../../../src/charts/map.ts';

const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
const months = (first: number, values: (number | null)[], status?: (i: number) => string) =>
  values.map((v, i) => ({ period: `2020-${String(first + i).padStart(2, '0')}`, value: v, status: status ? status(i) : v === null ? 'missing' : 'ok' }));

describe('lineChart', () => {
  const base = {
    lang: 'fi' as const,
    decimals: 1,
    unit: 'percent',
    breaks: [],
    ariaLabel: 'Työttömien osuus: Lahti',
    ariaDescription: 'Lahti ja koko maa.',
  };

  test('the tooltip targets are the first and the last period at their x positions', () => {
    const svg = lineChart({ ...base, series: [{ key: 'TA19', label: 'Lahti', role: 'area', points: months(1, [10, 11, null, 12, 13]) }], width: 600, directLabels: false });
    const g = parse(svg).querySelector('g.tip-targets')!;
    assert.equal(g.getAttribute('data-periods'), '2020-01 2020-05');
    const [x0, x1] = g.getAttribute('data-x')!.split(' ').map(Number);
    // The frame runs from the left margin (where the gridlines start) to 600 less the right margin (20 px without direct labels on a wide drawing).
    const frame = parse(svg).querySelectorAll('g[aria-label="grid"] line')[0]!;
    assert.equal(x0, Number(frame.getAttribute('x1')));
    assert.equal(x1, 580);
  });

  test('a missing period splits the line into two segments (gaps are not drawn through)', () => {
    const svg = lineChart({ ...base, series: [{ key: 'TA19', label: 'Lahti', role: 'area', points: months(1, [10, 11, null, 12, 13]) }] });
    const doc = parse(svg);
    const paths = [...doc.querySelectorAll('g[aria-description="area line"] path')];
    assert.equal(paths.length, 2, 'one path before the gap, one after');
    for (const p of paths) assert.equal((p.getAttribute('d') ?? '').match(/M/g)?.length, 1);
  });

  test('lower bounds are hollow triangles and withheld values are crosses; a lone value gets a dot', () => {
    const svg = lineChart({
      ...base,
      series: [
        { key: 'TA46', label: 'Ahvenanmaa', role: 'area', points: months(1, [10, 11, 12, null, 14, null], (i) => (i === 1 ? 'lower_bound' : i === 3 ? 'suppressed' : i === 5 ? 'missing' : 'ok')) },
        { key: 'SSS', label: 'Koko maa', role: 'country', points: months(1, [null, null, 8, null, null, null]) },
      ],
    });
    const doc = parse(svg);
    assert.equal(doc.querySelectorAll('g[aria-description="lower bound"] path').length, 1);
    assert.equal(doc.querySelector('g[aria-description="lower bound"]')?.getAttribute('fill'), 'white');
    assert.equal(doc.querySelectorAll('g[aria-description="withheld"] path').length, 1);
    // 14 in 2020-05 has no neighbour with a value, nor does the country's 8.
    assert.equal(doc.querySelectorAll('g[aria-description="single value"] circle').length, 2);
  });

  test('a comparability break is a labelled dashed rule', () => {
    const svg = lineChart({ ...base, breaks: [{ period: '2020-03', label: 'TE24' }], series: [{ key: 'A', label: 'A', role: 'area', points: months(1, [1, 2, 3, 4]) }] });
    const doc = parse(svg);
    assert.equal(doc.querySelectorAll('g[aria-description="break"] line').length, 1);
    assert.equal(doc.querySelector('g[aria-description="break label"] text')?.textContent, 'TE24');
  });

  test('every labelled group has role="group" (axe: aria-prohibited-attr) and the svg has the title and description', () => {
    const svg = lineChart({ ...base, series: [{ key: 'A', label: 'A', role: 'area', points: months(1, [1, 2, 3]) }] });
    const doc = parse(svg);
    assert.equal(doc.querySelectorAll('g[aria-label]:not([role])').length, 0);
    assert.equal(doc.querySelector('svg')?.getAttribute('aria-label'), 'Työttömien osuus: Lahti');
    assert.equal(doc.querySelector('svg')?.getAttribute('aria-description'), 'Lahti ja koko maa.');
  });

  test('y ticks follow the locale: decimal comma in Finnish, decimal point in English', () => {
    const series = [{ key: 'A', label: 'A', role: 'area' as const, points: months(1, [10.5, 11, 12.5]) }];
    const fi = [...parse(lineChart({ ...base, series })).querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    const en = [...parse(lineChart({ ...base, lang: 'en', series })).querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    assert.ok(fi.includes('11,0'), `fi ticks ${fi.join(' ')}`);
    assert.ok(en.includes('11.0'), `en ticks ${en.join(' ')}`);
  });

  test('years on the time axis are whole and not repeated', () => {
    const monthsFrom = (year: number, n: number) => Array.from({ length: n }, (_, i) => ({ period: `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, value: i, status: 'ok' }));
    const xTicks = (points: ReturnType<typeof monthsFrom>) =>
      [...parse(lineChart({ ...base, series: [{ key: 'A', label: 'A', role: 'area', points }] })).querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    // 2020-01…2022-12: every year once.
    assert.deepEqual(xTicks(monthsFrom(2020, 36)), ['2020', '2021', '2022']);
    // 2015-01…2024-12, ten years at the default width (1100 px): room for every year, each once.
    assert.deepEqual(xTicks(monthsFrom(2015, 120)), ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
  });

  test('periods become dates: months at their first day, years at 31 December', () => {
    assert.equal(periodToDate('2026-06').toISOString(), '2026-06-01T00:00:00.000Z');
    assert.equal(periodToDate('2025').toISOString(), '2025-12-31T00:00:00.000Z');
  });
});

describe('quantileClasses', () => {
  test('ten values make five classes of two, lightest for the lowest', () => {
    const { classOf, classes } = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(classes.map((c) => [c.from, c.to]), [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
    assert.equal(classes[classOf(1)]!.colour, PALETTE[0]);
    assert.equal(classes[classOf(10)]!.colour, PALETTE[4]);
  });

  test('fewer distinct values than colours use fewer classes', () => {
    const { classes } = quantileClasses([5, 5, 7, 7]);
    assert.equal(classes.length, 2);
  });
});

describe('choropleth', () => {
  const shapes: Shapes = { width: 10, height: 10, paths: new Map([['TA01', 'M0,0L5,0L5,5Z'], ['TA02', 'M5,5L10,5L10,10Z'], ['TA03', 'M0,5L5,5L5,10Z']]), rings: new Map() };

  test('one path per area, coloured by class, grey without a value, each with a title', () => {
    const { classOf, classes } = quantileClasses([1, 9]);
    const svg = choropleth({
      shapes,
      areas: [
        { code: 'TA01', value: 1, title: 'A: 1' },
        { code: 'TA02', value: 9, title: 'B: 9' },
        { code: 'TA03', value: null, title: 'C: –' },
      ],
      classOf,
      classes,
      title: 'Kartta',
      description: 'Kuvaus',
      id: 'm',
    });
    const doc = parse(svg);
    const paths = [...doc.querySelectorAll('path[data-code]')];
    assert.deepEqual(paths.map((p) => p.getAttribute('data-code')), ['TA01', 'TA02', 'TA03']);
    assert.equal(paths[2]!.getAttribute('fill'), NO_DATA);
    assert.notEqual(paths[0]!.getAttribute('fill'), paths[1]!.getAttribute('fill'));
    assert.equal(paths[1]!.querySelector('title')?.textContent, 'B: 9');
    assert.equal(doc.querySelector('svg')?.getAttribute('role'), 'img');
    assert.equal(doc.querySelector('svg > title')?.textContent, 'Kartta');
  });
});

describe('distributionChart', () => {
  test('one dot per area, the highlighted one drawn apart, and the country as a labelled rule', () => {
    const svg = distributionChart({
      values: [
        { code: 'TA01', name: 'A', value: 10 },
        { code: 'TA02', name: 'B', value: 12 },
        { code: 'TA03', name: 'C', value: 14 },
      ],
      country: 12.8,
      countryLabel: 'Koko maa',
      highlight: 'TA03',
      lang: 'fi',
      decimals: 1,
      ariaLabel: 'Jakauma',
      ariaDescription: 'Pisteet.',
    });
    const doc = parse(svg);
    assert.equal(doc.querySelectorAll('g[aria-description="areas"] circle').length, 2);
    assert.equal(doc.querySelectorAll('g[aria-description="this area"] circle').length, 1);
    const names = [...doc.querySelectorAll('g[aria-description="labels"] text')].map((t) => t.textContent);
    assert.ok(names.includes('Koko maa 12,8\u00a0%'), names.join(' | '));
  });
});
