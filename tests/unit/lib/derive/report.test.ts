/**
 * The change report (data/derived/CHANGES.md, src/lib/derive/report.ts) flags lost periods, a
 * retracted latest month and an indicator that stops short of the others, and lists the last
 * refresh's revisions of published values and every lost period. Summaries are written by hand.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { attention, changeReport, periodRuns, type IndicatorSummary, type Summary } from '../../../../src/lib/derive/report.ts';
import type { RefreshRecord } from '../../../../src/schema/raw.ts';

const ind = (withValues: string[], country: number | null = null): IndicatorSummary => ({
  first: withValues[0] ?? null,
  last: withValues.at(-1) ?? null,
  periods: withValues.length,
  areas: 3,
  values: withValues.length * 3,
  country_last: country,
  with_values: withValues,
});
const summary = (indicators: Record<string, IndicatorSummary>): Summary => ({ statuses: { ok: 1 }, areas: ['SSS'], indicators, conflicts: 0 });
const extra = (refresh: RefreshRecord | null = null) => ({ conflicts: [], conflictCount: 0, snapshot: { raw_written_at: '2026-08-20T06:00:00Z', parts: [], refresh }, series: [] });

describe('periodRuns', () => {
  test('joins consecutive months and years', () => {
    assert.deepEqual(periodRuns(['2026-03', '2025-12', '2026-01', '2026-05', '2024', '2023']), ['2023…2024', '2025-12…2026-01', '2026-03', '2026-05']);
  });
});

describe('what needs attention', () => {
  test('a retracted latest month: lost and moved back', () => {
    const before = summary({ unemployed: ind(['2026-05', '2026-06', '2026-07']), vacancies: ind(['2026-05', '2026-06', '2026-07']) });
    const after = summary({ unemployed: ind(['2026-05', '2026-06']), vacancies: ind(['2026-05', '2026-06']) });
    const found = attention(before, after);
    assert.deepEqual(
      found.filter((f) => f.indicator === 'unemployed').map((f) => f.text),
      ['unemployed: 1 period lost all values (2026-07)', 'unemployed: the latest period moved back from 2026-07 to 2026-06'],
    );
  });

  test('a month removed from the middle', () => {
    const found = attention(summary({ unemployed: ind(['2026-04', '2026-05', '2026-06']) }), summary({ unemployed: ind(['2026-04', '2026-06']) }));
    assert.deepEqual(found.map((f) => f.text), ['unemployed: 1 period lost all values (2026-05)']);
  });

  test('an indicator that kept pace before and now stops short', () => {
    const before = summary({ unemployed: ind(['2026-05', '2026-06']), vacancies: ind(['2026-05', '2026-06']), population: ind(['2024', '2025']) });
    const after = summary({ unemployed: ind(['2026-05', '2026-06']), vacancies: ind(['2026-05', '2026-06', '2026-07']), population: ind(['2024', '2025']) });
    assert.deepEqual(attention(before, after).map((f) => f.text), ['unemployed: stops at 2026-06 while vacancies, level with it before, reached 2026-07']);
  });

  test('the report puts it first and never says "Nothing" then', () => {
    const before = summary({ unemployed: ind(['2026-05', '2026-06', '2026-07']) });
    const md = changeReport(before, summary({ unemployed: ind(['2026-05', '2026-06']) }), extra());
    const section = md.slice(md.indexOf('## Needs attention'), md.indexOf('## Last refresh'));
    assert.match(section, /- unemployed: 1 period lost all values \(2026-07\)/);
    assert.match(section, /Action: data were lost or withheld/);
    assert.ok(md.indexOf('## Needs attention') < md.indexOf('## Indicators'));
  });

  test('nothing lost: the section says so', () => {
    const s = summary({ unemployed: ind(['2026-05', '2026-06']) });
    const md = changeReport(s, summary({ unemployed: ind(['2026-05', '2026-06', '2026-07']) }), extra());
    assert.match(md, /## Needs attention\n\nNothing: no indicator lost a period/);
  });
});

describe('the last refresh', () => {
  const record: RefreshRecord = {
    at: '2026-08-20T06:00:00Z',
    sources: ['statfin-tyonv-12r5'],
    regressions: [{ kind: 'lost-periods', source: 'statfin-tyonv-12r5', code: 'TYOTTOMATLOPUSSA', level: 'country', message: 'TYOTTOMATLOPUSSA, country: 1 period lost all values (2026-07)' }],
    accepted: { reason: 'the source withdrew 2026-07' },
    revisions: {
      compared: 200,
      revised: 3,
      withheld_now: 1,
      largest: [
        { source: 'statfin-tyonv-12r5', area: 'KU091', period: '2026-06', code: 'TYOTTOMATLOPUSSA', dims: '', old: 52578, new: 52600 },
        { source: 'statfin-tyonv-12r5', area: 'KU062', period: '2026-06', code: 'TYOTTOMAT20', dims: '', old: 5, new: null },
      ],
    },
    lost_periods: [
      { source: 'statfin-tyonv-12r5', code: 'TYOTTOMATLOPUSSA', level: 'country', periods: ['2026-07'] },
      { source: 'statfin-tyonv-12r5', code: 'TYOTTOMATLOPUSSA', level: 'municipality', periods: ['2026-03', '2026-07'] },
    ],
  };

  test('revisions (how many, the largest), every lost period and the acceptance', () => {
    const s = summary({ unemployed: ind(['2026-05', '2026-06']) });
    const md = changeReport(s, s, extra(record));
    assert.match(md, /Revisions of published values: 3 of 200 values the previous snapshot had changed \(1\.5 %\), 1 of them now withheld\./);
    assert.match(md, /\| statfin-tyonv-12r5 \| KU091 \| 2026-06 \| TYOTTOMATLOPUSSA \| {2}\| 52578 \| 52600 \|/);
    assert.match(md, /\| statfin-tyonv-12r5 \| KU062 \| 2026-06 \| TYOTTOMAT20 \| {2}\| 5 \| withheld \|/);
    assert.match(md, /\| statfin-tyonv-12r5 \| TYOTTOMATLOPUSSA \| municipality \| 2026-03, 2026-07 \|/);
    assert.match(md, /Regressions accepted \("the source withdrew 2026-07"\):\n\n- statfin-tyonv-12r5: TYOTTOMATLOPUSSA, country: 1 period lost all values \(2026-07\)/);
    assert.match(md, /## Needs attention\n\n- the last refresh \(2026-08-20T06:00:00Z\) let 1 regression through, accepted as "the source withdrew 2026-07"/);
  });

  test('without a recorded refresh the report says where the snapshot came from', () => {
    const s = summary({ unemployed: ind(['2026-06']) });
    assert.match(changeReport(null, s, extra()), /No live refresh has been recorded in data\/raw\/manifest\.json/);
  });
});
