/**
 * A municipality page's line about its employment area (src/site/now.ts `standing`,
 * `standingLine`) and source names each once (src/site/charts.ts `chartSources`). Hand-made site;
 * expected sentences written by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankSpanText, standing, standingLine } from '../../../src/site/now.ts';
import { chartSources } from '../../../src/site/charts.ts';
import { area, point, siteIndicator, siteSource, tinySite } from '../../helpers/site-fixture.ts';

const share = siteIndicator({ id: 'share', theme: 'unemployment', order: 10, show: { key: true } });
const site = (p: ReturnType<typeof point>[]) => tinySite({ areas: [area('SSS', 'country'), area('TA19', 'employment_area')], indicators: [share], series: { share: { TA19: p } } });

describe('standingLine', () => {
  test('the highest of the areas, with its difference to the whole country', () => {
    const st = standing(site([point('2026-05', 17.1, { rank: 2, rankOf: 45 }), point('2026-06', 17.8, { rank: 1, rankOf: 45, diffToCountry: 5.0, diffStatus: 'ok' }), point('2026-07', null)]), 'TA19')!;
    assert.equal(st.point.period, '2026-06');
    assert.deepEqual(st.range, { min: 1, max: 2, periods: 2 });
    assert.equal(standingLine('en', st), 'June 2026: 17.8\u00a0%, highest of the 45 areas, +5.0\u00a0pp compared with the whole country.');
    assert.equal(standingLine('fi', st), 'Kesäkuu 2026: 17,8\u00a0%, suurin 45 alueesta, +5,0\u00a0%\u2011yks. koko maahan verrattuna.');
  });

  test('a rank in the middle and the lowest; no difference known', () => {
    const mid = standing(site([point('2026-06', 12.3, { rank: 12, rankOf: 45, diffToCountry: -0.4, diffStatus: 'ok' })]), 'TA19')!;
    assert.equal(standingLine('sv', mid), 'Juni 2026: 12,3\u00a0%, plats 12 av 45 (1 = högst), \u22120,4\u00a0p.e. jämfört med hela landet.');
    const last = standing(site([point('2026-06', 6.1, { rank: 45, rankOf: 45 })]), 'TA19')!;
    assert.equal(standingLine('en', last), 'June 2026: 6.1\u00a0%, lowest of the 45 areas.');
  });

  test('an area without a rank has no standing', () => {
    assert.equal(standing(site([point('2026-06', 12.3)]), 'TA19'), null);
  });
});

describe('rankSpanText', () => {
  test('the same rank in every month is said as that rank, never as "1–1"', () => {
    const same = { min: 1, max: 1, periods: 12 };
    assert.equal(rankSpanText('fi', same), '1 joka kuukausi (12 kk)');
    assert.equal(rankSpanText('sv', same), '1 varje månad (12 mån.)');
    assert.equal(rankSpanText('en', same), '1 in each of the last 12 months with data');
  });

  test('a rank that moved is said as its range over the months counted', () => {
    const moved = { min: 2, max: 5, periods: 7 };
    assert.equal(rankSpanText('fi', moved), 'vaihteluväli 2–5 (7 kk)');
    assert.equal(rankSpanText('sv', moved), 'variation 2–5 (7 mån.)');
    assert.equal(rankSpanText('en', moved), 'range 2–5 in the last 7 months with data');
  });

  test('one ranked month or none: nothing beside the rank', () => {
    assert.equal(rankSpanText('en', { min: 3, max: 3, periods: 1 }), null);
    assert.equal(rankSpanText('en', null), null);
  });

  test('from a series: Lahti first in both months', () => {
    const st = standing(site([point('2026-05', 17.1, { rank: 1, rankOf: 45 }), point('2026-06', 17.8, { rank: 1, rankOf: 45 })]), 'TA19')!;
    assert.equal(rankSpanText('en', st.range), '1 in each of the last 2 months with data');
  });
});

describe('chartSources', () => {
  test('two tables of one statistic are named once, with both tables', () => {
    const a = { ...siteSource('a'), table_id: '11ra', name: { fi: 'Väestörakenne', sv: 'Befolkningens struktur', en: 'Population structure' } };
    const b = { ...a, id: 'b', table_id: '11re' };
    const c = siteSource('c');
    const s = tinySite({ areas: [], indicators: [], sources: [a, b, c] });
    assert.equal(chartSources(s, ['a', 'b'], (n) => n.fi), 'Väestörakenne (11ra, 11re)');
    assert.equal(chartSources(s, ['a', 'c', 'b'], (n) => n.en!), 'Population structure (11ra, 11re); c name en');
  });
});
