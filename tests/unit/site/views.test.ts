/**
 * Selections the pages share (src/site/views.ts): TE24 areas, points by period, rank ranges,
 * periods with values, the largest changes, who improved, and which indicators a place shows
 * (the `show:` blocks of the indicator files). On a tiny hand-made site; expected values by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  at,
  drawable,
  improvement,
  keyIndicator,
  latestComparablePeriod,
  movers,
  orderedIndicators,
  periodsWithValues,
  rankRange,
  shownIn,
  te24Areas,
} from '../../../src/site/views.ts';
import { area, months, point, siteIndicator, tinySite } from '../../helpers/site-fixture.ts';

const share = siteIndicator({ id: 'share', theme: 'unemployment', order: 10, show: { headline: 2, front_map: 1, profile_chart: 1, key: true } });
const count = siteIndicator({ id: 'count', unit: 'persons', theme: 'unemployment', order: 5, show: { headline: 1, profile_chart: 2 } });
const services = siteIndicator({ id: 'services', unit: 'persons', theme: 'services', order: 1 });
const people = siteIndicator({ id: 'people', unit: 'persons', theme: 'population', order: 1, polarity: 'context' });
const vacancies = siteIndicator({ id: 'vacancies', unit: 'persons', theme: 'vacancies', order: 1, polarity: 'higher-is-better' });

const areas = [
  area('SSS', 'country'),
  area('TA01', 'employment_area'),
  area('TA02', 'employment_area'),
  area('TA03', 'employment_area'),
  area('TA46', 'employment_area', { te24: false }),
  area('MK01', 'region'),
  area('KU001', 'municipality'),
];

/** Points of 2026-05 and 2026-06 with a change from a year earlier (null = none). */
const two = (may: number | null, june: number | null, crossesMay = false) => [
  point('2026-05', 10, { yoy: may, yoyCrossesBreak: may === null ? null : crossesMay }),
  point('2026-06', 10, { yoy: june, yoyCrossesBreak: june === null ? null : false }),
];

const site = tinySite({
  areas,
  indicators: [people, vacancies, share, services, count],
  series: {
    share: {
      // In 2026-05 three TE24 areas have a change, in 2026-06 only one.
      TA01: two(-0.5, -0.2),
      TA02: two(0.8, null),
      TA03: two(-0.5, null),
      TA46: two(-3, -3),
      SSS: two(-0.1, -0.1),
      KU001: two(-9, -9),
    },
    count: {
      TA01: [point('2026-05', 100, { yoy: -20, yoyCrossesBreak: false }), point('2026-06', 100, { yoy: 0, yoyCrossesBreak: false })],
      TA02: [point('2026-05', 100, { yoy: 30, yoyCrossesBreak: true })],
      TA03: [point('2026-05', 100, { yoy: -5, yoyCrossesBreak: false })],
    },
    people: { TA01: two(1, 1) },
    vacancies: {
      TA01: two(5, null),
      TA02: two(-5, null),
      TA03: two(12, null),
    },
    services: {
      TA01: months('2026-01', [1, 2, null, 4]),
      TA02: months('2026-01', [null, 2, 3, null]),
      TA03: months('2026-01', [null, null, null, 9]),
      TA46: months('2026-01', [1, 1, 1, 1]),
      SSS: months('2026-01', [1, 1, 1, 1]),
    },
  },
});

describe('te24Areas', () => {
  test('the TE24 employment areas only: not Åland, the country, regions or municipalities', () => {
    assert.deepEqual(te24Areas(site).map((a) => a.code), ['TA01', 'TA02', 'TA03']);
  });
});

describe('at', () => {
  test('finds the point of a period, and nothing for an absent period, series or period', () => {
    const s = site.series.get('services')!.get('TA01')!;
    assert.equal(at(s, '2026-02')?.value, 2);
    assert.equal(at(s, '2026-03')?.value, null);
    assert.equal(at(s, '2025-12'), undefined);
    assert.equal(at(s, null), undefined);
    assert.equal(at(undefined, '2026-02'), undefined);
  });
});

describe('rankRange', () => {
  test('spans the last 12 periods that have a rank; unranked periods do not count', () => {
    // 2025-01…2026-04, 14 ranked months: ranks 1 and 45 in the two oldest fall outside the last 12.
    const ranks = [1, 45, 7, 6, null, 8, 9, 5, 7, 7, 6, null, 8, 9, 6, 7];
    const points = months('2025-01', ranks.map(() => 10)).map((p, i) => ({ ...p, rank: ranks[i]! }));
    assert.deepEqual(rankRange({ indicator: 'share', area: 'TA01', points }), { min: 5, max: 9, periods: 12 });
  });

  test('fewer than 12 ranked periods use what there is; none gives null', () => {
    const points = [point('2026-05', 1, { rank: 4 }), point('2026-06', 1, { rank: 2 })];
    assert.deepEqual(rankRange({ indicator: 'share', area: 'TA01', points }), { min: 2, max: 4, periods: 2 });
    assert.equal(rankRange({ indicator: 'share', area: 'TA01', points: [point('2026-06', 1)] }), null);
    assert.equal(rankRange(undefined), null);
  });
});

describe('periodsWithValues', () => {
  test('counts TE24 areas with a value in each period (not Åland or the country)', () => {
    // services: 2026-01 TA01; 2026-02 TA01, TA02; 2026-03 TA02; 2026-04 TA01, TA03.
    assert.deepEqual([...periodsWithValues(site, 'services', 2)].sort(), ['2026-02', '2026-04']);
    assert.deepEqual([...periodsWithValues(site, 'services', 1)].sort(), ['2026-01', '2026-02', '2026-03', '2026-04']);
    assert.deepEqual([...periodsWithValues(site, 'services', 3)], []);
  });
});

describe('latestComparablePeriod', () => {
  test('the latest period in which enough TE24 areas have a change from a year earlier', () => {
    assert.equal(latestComparablePeriod(site, 'share', 3), '2026-05');
    assert.equal(latestComparablePeriod(site, 'share', 1), '2026-06');
    assert.equal(latestComparablePeriod(site, 'share', 4), null);
  });
});

describe('movers', () => {
  test('rises and falls of the TE24 areas only: Åland, the country and municipalities are left out', () => {
    const { rises, falls } = movers(site, 'share', '2026-05');
    assert.deepEqual(rises.map((m) => [m.area.code, m.point.yoy]), [['TA02', 0.8]]);
    // Equal falls come in descending code order today (rises in ascending); the order of a tie is not pinned here.
    assert.deepEqual(falls.map((m) => [m.area.code, m.point.yoy]).sort(), [['TA01', -0.5], ['TA03', -0.5]]);
  });

  test('the largest change comes first in both lists', () => {
    const { rises, falls } = movers(site, 'vacancies', '2026-05');
    assert.deepEqual(rises.map((m) => m.area.code), ['TA03', 'TA01']);
    assert.deepEqual(movers(site, 'count', '2026-05').falls.map((m) => m.area.code), ['TA01', 'TA03']);
    assert.deepEqual(falls.map((m) => m.area.code), ['TA02']);
  });

  test('no change is neither a rise nor a fall; n limits each list', () => {
    const june = movers(site, 'count', '2026-06');
    assert.deepEqual([june.rises.length, june.falls.length], [0, 0]);
    const may = movers(site, 'count', '2026-05', 1);
    assert.deepEqual(may.falls.map((m) => m.area.code), ['TA01']);
    assert.deepEqual(may.rises.map((m) => m.area.code), ['TA02']);
  });
});

describe('drawable', () => {
  test('needs at least two periods with a value', () => {
    assert.equal(drawable(site.series.get('services')!.get('TA02')), true);
    assert.equal(drawable(site.series.get('services')!.get('TA03')), false);
    assert.equal(drawable(undefined), false);
  });
});

describe('indicators by place (show: blocks)', () => {
  test('the key indicator is the one with show.key', () => {
    assert.equal(keyIndicator(site).id, 'share');
  });

  test('a place lists the indicators that have its order, smallest first', () => {
    assert.deepEqual(shownIn(site, 'headline').map((i) => i.id), ['count', 'share']);
    assert.deepEqual(shownIn(site, 'profile_chart').map((i) => i.id), ['share', 'count']);
    assert.deepEqual(shownIn(site, 'front_map').map((i) => i.id), ['share']);
    assert.deepEqual(shownIn(site, 'progress_table').map((i) => i.id), []);
  });

  test('registry order: by theme (unemployment, groups, services, vacancies, benefits, population, survey), then order', () => {
    assert.deepEqual(orderedIndicators(site).map((i) => i.id), ['count', 'share', 'services', 'vacancies', 'people']);
  });
});

describe('improvement', () => {
  test('lower is better: falls are improvements, largest first, ties by code; at the latest period enough areas have', () => {
    const r = improvement(site, 'share', ['TA01', 'TA02', 'TA03'], 3);
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    assert.equal(r.period, '2026-05');
    assert.equal(r.prevPeriod, '2025-05');
    assert.deepEqual(r.rows.map((x) => [x.area.code, x.point.yoy]), [['TA01', -0.5], ['TA03', -0.5]]);
  });

  test('with fewer codes than minAreas, all the codes are enough', () => {
    const r = improvement(site, 'share', ['TA01'], 40);
    assert.equal(r.kind === 'ok' && r.period, '2026-06');
  });

  test('higher is better: rises are improvements', () => {
    const r = improvement(site, 'vacancies', ['TA01', 'TA02', 'TA03'], 3);
    assert.ok(r.kind === 'ok');
    assert.deepEqual(r.rows.map((x) => [x.area.code, x.point.yoy]), [['TA03', 12], ['TA01', 5]]);
  });

  test('a change across a comparability break is not counted or listed; limit cuts the list', () => {
    // count in 2026-05: TA02's rise crosses a break, TA01 and TA03 fall.
    const r = improvement(site, 'count', ['TA01', 'TA02', 'TA03'], 2, 1);
    assert.ok(r.kind === 'ok');
    assert.equal(r.period, '2026-05');
    assert.deepEqual(r.rows.map((x) => x.area.code), ['TA01']);
    assert.equal(improvement(site, 'count', ['TA02'], 1).kind, 'none');
  });

  test('a context indicator is never ranked as improving', () => {
    assert.deepEqual(improvement(site, 'people', ['TA01'], 1), { kind: 'context' });
  });

  test('a year\'s previous period is the year before', () => {
    const yearly = tinySite({ areas, indicators: [share], series: { share: { TA01: [point('2025', 10, { yoy: -1, yoyCrossesBreak: false })] } } });
    const r = improvement(yearly, 'share', ['TA01'], 1);
    assert.ok(r.kind === 'ok');
    assert.deepEqual([r.period, r.prevPeriod], ['2025', '2024']);
  });
});
