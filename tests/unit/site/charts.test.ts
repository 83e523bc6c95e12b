/**
 * Which time-series charts pages draw (src/site/charts.ts): an area profile's charts come from
 * the indicators' `show:` blocks (`profile_chart` order, `profile_peers`); an indicator page
 * draws the country and the highest and lowest TE24 area; a chart's periods and its CSV download
 * hold exactly what it draws. On a tiny hand-made site; expected values by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaChartSpecs, chartCsv, chartPeriods, chartSources, chartTablePeriods, indicatorChartSpec, type ChartSpec } from '../../../src/site/charts.ts';
import { area, months, point, siteIndicator, siteSource, tinySite } from '../../helpers/site-fixture.ts';

describe('areaChartSpecs', () => {
  const share = siteIndicator({ id: 'share', show: { profile_chart: 1, profile_peers: true } });
  const count = siteIndicator({ id: 'count', unit: 'persons', show: { profile_chart: 2 } });
  const perVacancy = siteIndicator({ id: 'per-vacancy', unit: 'ratio', show: { profile_chart: 0 } });
  const hidden = siteIndicator({ id: 'hidden' });
  const drawn = months('2026-01', [1, 2]);
  const lone = months('2026-01', [1, null]);
  const site = tinySite({
    areas: [
      area('SSS', 'country'),
      area('TA01', 'employment_area', { peers: [{ code: 'TA02', distance: 0.5 }, { code: 'TA03', distance: 0.7 }] }),
      area('TA02', 'employment_area'),
      area('TA03', 'employment_area'),
      area('TA04', 'employment_area'),
    ],
    indicators: [hidden, count, share, perVacancy],
    series: {
      share: { SSS: drawn, TA01: drawn, TA02: drawn, TA03: lone, TA04: lone },
      count: { SSS: drawn, TA01: drawn, TA02: drawn },
      'per-vacancy': { SSS: lone, TA01: drawn },
      hidden: { SSS: drawn, TA01: drawn },
    },
  });
  const specs = (code: string) => areaChartSpecs(site, site.areaByCode.get(code)!);

  test('one chart per indicator with show.profile_chart, in that order; the slug names area and indicator', () => {
    assert.deepEqual(specs('TA01').map((s) => s.slug), ['area-ta01-per-vacancy', 'area-ta01-share', 'area-ta01-count']);
    assert.deepEqual(specs('TA01').map((s) => s.indicator), ['per-vacancy', 'share', 'count']);
  });

  test('a rate adds the whole country, and with profile_peers the similar areas that can be drawn', () => {
    const s = specs('TA01').find((x) => x.indicator === 'share')!;
    assert.deepEqual(s.areas, [
      { code: 'TA01', role: 'area' },
      { code: 'SSS', role: 'country' },
      { code: 'TA02', role: 'peer' },
    ]);
  });

  test('a count is drawn alone, even where the country and the peers have series', () => {
    // (validate refuses profile_peers on a count: scripts/lib/validate/registry.ts)
    assert.deepEqual(specs('TA01').find((x) => x.indicator === 'count')!.areas, [{ code: 'TA01', role: 'area' }]);
  });

  test('the country is left out where it cannot be drawn; the country\'s own profile does not repeat itself', () => {
    assert.deepEqual(specs('TA01').find((x) => x.indicator === 'per-vacancy')!.areas, [{ code: 'TA01', role: 'area' }]);
    assert.deepEqual(specs('SSS').find((x) => x.indicator === 'share')!.areas, [{ code: 'SSS', role: 'area' }]);
  });

  test('an indicator the area has fewer than two values of is not drawn', () => {
    assert.deepEqual(specs('TA04'), []);
    assert.deepEqual(specs('TA03'), []);
  });
});

describe('indicatorChartSpec', () => {
  // 31 TE24 areas with a change from a year earlier in 2026-05; TA(k) has the value k, so TA31 is
  // the highest and TA01 the lowest. In 2026-06 only TA05 has a change (too few to choose by),
  // with a value above every other.
  const codes = Array.from({ length: 31 }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`);
  const share = siteIndicator({ id: 'share' });
  const count = siteIndicator({ id: 'count', unit: 'persons' });
  const countryOnly = siteIndicator({ id: 'survey', levels: ['country'] });
  const series: Record<string, ReturnType<typeof point>[]> = { SSS: months('2026-05', [10, 11]) };
  codes.forEach((c, i) => {
    series[c] = [point('2026-05', i + 1, { yoy: 0.1 }), point('2026-06', c === 'TA05' ? 99 : i + 1, { yoy: c === 'TA05' ? 1 : null })];
  });
  const site = tinySite({
    areas: [area('SSS', 'country'), ...codes.map((c) => area(c, 'employment_area'))],
    indicators: [share, count, countryOnly],
    series: { share: series, count: series, survey: { SSS: months('2026-05', [10, 11]) } },
  });

  test('a rate: the whole country, and the highest and lowest TE24 area in the latest period most areas have', () => {
    assert.deepEqual(indicatorChartSpec(site, share), {
      slug: 'indicator-share',
      indicator: 'share',
      areas: [
        { code: 'SSS', role: 'country' },
        { code: 'TA31', role: 'peer' },
        { code: 'TA01', role: 'peer' },
      ],
      chosenAt: '2026-05',
    });
  });

  test('a count, or an indicator without employment areas: the whole country only', () => {
    assert.deepEqual(indicatorChartSpec(site, count)!.areas, [{ code: 'SSS', role: 'country' }]);
    assert.deepEqual(indicatorChartSpec(site, countryOnly)!.areas, [{ code: 'SSS', role: 'country' }]);
    assert.equal(indicatorChartSpec(site, count)!.chosenAt, undefined);
  });

  test('nothing to draw gives no chart', () => {
    const empty = tinySite({ areas: [area('SSS', 'country')], indicators: [count], series: { count: { SSS: months('2026-05', [10, null]) } } });
    assert.equal(indicatorChartSpec(empty, count), null);
  });
});

describe('chartPeriods and chartCsv', () => {
  const share = siteIndicator({ id: 'share' });
  const ta01 = months('2025-11', [null, 1, null, 2, null, null]); // 2025-11 … 2026-04
  ta01[2] = { ...ta01[2]!, breaks: ['te24'] };
  const sss = months('2025-12', [null, null, 3, 4, null, null]); // 2025-12 … 2026-05
  const site = tinySite({
    areas: [area('SSS', 'country', { name: { fi: 'Koko maa', sv: 'Hela landet', en: 'Whole country' } }), area('TA01', 'employment_area', { name: { fi: 'Lahti, seutu', sv: 'x', en: 'x' } })],
    indicators: [share],
    series: { share: { TA01: ta01, SSS: sss } },
  });
  const spec: ChartSpec = { slug: 'area-ta01-share', indicator: 'share', areas: [{ code: 'TA01', role: 'area' }, { code: 'SSS', role: 'country' }] };

  test('periods run from the first to the last period any area has a value, gaps inside kept', () => {
    assert.deepEqual(chartPeriods(site, spec), ['2025-12', '2026-01', '2026-02', '2026-03']);
  });

  test('no value anywhere: no periods', () => {
    const none = tinySite({ areas: site.areas, indicators: [share], series: { share: { TA01: months('2026-01', [null, null]) } } });
    assert.deepEqual(chartPeriods(none, { ...spec, areas: [{ code: 'TA01', role: 'area' }] }), []);
  });

  test('the CSV is every area of the chart over exactly those periods, in the tidy format', () => {
    assert.equal(
      chartCsv(site, spec),
      [
        'area_code,area_name,area_level,indicator,period,value,unit,status,break',
        'TA01,"Lahti, seutu",employment_area,share,2025-12,1.0,percent,ok,',
        'TA01,"Lahti, seutu",employment_area,share,2026-01,,percent,missing,te24',
        'TA01,"Lahti, seutu",employment_area,share,2026-02,2.0,percent,ok,',
        'TA01,"Lahti, seutu",employment_area,share,2026-03,,percent,missing,',
        'SSS,Koko maa,country,share,2025-12,,percent,missing,',
        'SSS,Koko maa,country,share,2026-01,,percent,missing,',
        'SSS,Koko maa,country,share,2026-02,3.0,percent,ok,',
        'SSS,Koko maa,country,share,2026-03,4.0,percent,ok,',
        '',
      ].join('\n'),
    );
  });
});

describe('chartTablePeriods', () => {
  const share = siteIndicator({ id: 'share' });
  // 40 months with a value, 2023-01 … 2026-04: the table holds the default window, the last 36
  // months (2023-05 … 2026-04), latest first; the whole history is in the page's area files.
  const long = months('2023-01', Array.from({ length: 40 }, (_, i) => i + 1));
  const site = tinySite({ areas: [area('TA01', 'employment_area')], indicators: [share], series: { share: { TA01: long } } });
  const spec: ChartSpec = { slug: 'area-ta01-share', indicator: 'share', areas: [{ code: 'TA01', role: 'area' }] };

  test('a long series: the last 36 months, latest first', () => {
    const periods = chartTablePeriods(site, spec);
    assert.equal(periods.length, 36);
    assert.equal(periods[0], '2026-04');
    assert.equal(periods.at(-1), '2023-05');
    assert.equal(chartPeriods(site, spec).length, 40, 'the drawing still has the whole history');
  });

  test('the download holds the same 36 months', () => {
    const lines = chartCsv(site, spec).trim().split('\n');
    assert.equal(lines.length, 37);
    assert.ok(lines.some((l) => l.includes(',2023-05,5.0,')));
    assert.ok(!lines.some((l) => l.includes(',2023-04,')));
  });

  test('a chart with its own periods (a grid, a season) keeps them all', () => {
    const own = ['2023-01', '2023-02', '2026-04'];
    assert.deepEqual(chartTablePeriods(site, { ...spec, periods: own }), ['2026-04', '2023-02', '2023-01']);
  });
});

describe('chartSources', () => {
  // Two tables of one statistic share its name (as 12r5 and 12tf do); a third source has its own.
  const a = { ...siteSource('a'), name: { fi: 'Työnvälitystilasto', sv: 'Sysselsättningsservicestatistik', en: 'Employment Service Statistics' }, table_id: '12r5' };
  const b = { ...a, id: 'b', table_id: '12tf' };
  const c = { ...siteSource('c'), name: { fi: 'Kela', sv: 'FPA', en: 'Kela' }, table_id: 'kela-x' };
  const site = tinySite({ areas: [area('SSS', 'country')], indicators: [], series: {}, sources: [a, b, c] });
  test('a shared name once, with its tables; other names as they are; a source given twice counts once', () => {
    assert.equal(chartSources(site, ['a', 'b', 'c', 'a'], (n) => n.fi), 'Työnvälitystilasto (12r5, 12tf); Kela');
    assert.equal(chartSources(site, ['c'], (n) => n.en ?? n.fi), 'Kela');
    assert.equal(chartSources(site, ['b', 'a'], (n) => n.en ?? n.fi), 'Employment Service Statistics (12tf, 12r5)');
  });
});
