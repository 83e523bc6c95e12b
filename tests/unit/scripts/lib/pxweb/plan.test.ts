/**
 * Query planning for the live acquire, without a server: finding the time, area and contents
 * variables in real metadata shapes, matching content codes (exact, then after a prefix-),
 * fixed and eliminated variables, chunking within maxValues, and checking answers.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PxWebMetadata } from '../../../../../src/schema/raw.ts';
import { Source } from '../../../../../src/schema/source.ts';
import { buildPlan, findAreaVariable, findTimeVariable, matchCode } from '../../../../../scripts/lib/pxweb/plan.ts';
import { buildDataQuery, buildProbeQuery, checkAnswer, chunkCells, halveChunk, splitIntoChunks } from '../../../../../scripts/lib/pxweb/query.ts';
import { loadPxWebSources } from '../../../../../scripts/lib/pxweb/sources.ts';
import { FIXTURES, table11ra, table11re, table12r5History, table12r5Latest } from '../../../../helpers/pxweb-fixtures.ts';
import { metadataOf } from '../../../../helpers/pxweb-server.ts';
import { FIXTURE_SOURCES, ROOT } from '../../../../helpers/pxweb-harness.ts';

const meta = (t: ReturnType<typeof table12r5Latest>): PxWebMetadata => metadataOf(t, 'fi') as PxWebMetadata;
const pxwebOf = (id: string) => {
  const s = Source.parse(parseYaml(readFileSync(join(FIXTURE_SOURCES, `${id}.yaml`), 'utf8')));
  return s.pxweb!;
};
const R5 = 'statfin-tyonv-12r5';

describe('matchCode', () => {
  test('exact match wins over a prefixed one', () => {
    assert.deepEqual(matchCode(['vaesto', 'vaerak-vaesto'], 'vaesto'), { kind: 'exact', code: 'vaesto' });
  });
  test('finds a code after its June 2026 prefix', () => {
    assert.deepEqual(matchCode(['vaerak-vaesto', 'vaesto_alle15_p'], 'vaesto'), { kind: 'prefixed', code: 'vaerak-vaesto' });
    assert.deepEqual(matchCode(['tyti-Tyottomyysaste', 'tyottaste_trendi'], 'Tyottomyysaste'), { kind: 'prefixed', code: 'tyti-Tyottomyysaste' });
  });
  test('reports missing and ambiguous codes', () => {
    assert.deepEqual(matchCode(['vaesto_alle15_p'], 'vaesto'), { kind: 'missing' });
    assert.deepEqual(matchCode(['vaerak-vaesto', 'x-vaesto'], 'vaesto'), { kind: 'ambiguous', codes: ['vaerak-vaesto', 'x-vaesto'] });
  });
});

describe('finding the variables', () => {
  test('12r5 in the current form: timeperiod_m is time, Alue the area, contentscode the contents', () => {
    const plan = buildPlan(R5, pxwebOf(R5), meta(table12r5Latest()));
    assert.equal(plan.time.code, 'timeperiod_m');
    assert.deepEqual(plan.time.values, ['2026M06']);
    assert.equal(plan.area?.code, 'Alue');
    // area_prefixes [SSS, KU, MK] leaves out the sub-region SK011; metadata order is kept.
    assert.deepEqual(plan.area?.values, ['SSS', 'KU049', 'KU062', 'KU091', 'KU211', 'KU092', 'MK01']);
    assert.equal(plan.contents.code, 'contentscode');
    assert.equal(plan.contents.values.length, 23);
    assert.equal(plan.contents.values[1], 'TYOTTOMATLOPUSSA');
    assert.deepEqual(plan.fixed, []);
    assert.deepEqual(plan.eliminated, []);
    assert.deepEqual(plan.order, ['Alue', 'timeperiod_m', 'contentscode']);
  });

  test('the real 2025 GET metadata with the old codes plans just as well (Kuukausi has time: true)', () => {
    const old = JSON.parse(readFileSync(join(FIXTURES, '12r5_metadata_2025-03_excerpt.json'), 'utf8')) as PxWebMetadata;
    const plan = buildPlan(R5, pxwebOf(R5), old);
    assert.equal(plan.time.code, 'Kuukausi');
    assert.deepEqual(plan.time.values, ['2024M11', '2024M12', '2025M01']);
    assert.equal(plan.area?.code, 'Alue');
    assert.equal(plan.contents.code, 'Tiedot');
  });

  test('without time flags the time variable is found by its code or text', () => {
    const m = meta(table12r5Latest());
    const unflagged = { ...m, variables: m.variables.map(({ time: _t, ...v }) => v) };
    assert.equal(findTimeVariable(unflagged, 'x').code, 'timeperiod_m');
  });

  test('the area is the variable with KU codes, not the sex variable whose total is also SSS', () => {
    const m = meta(table11re());
    assert.equal(m.variables.find((v) => v.code === 'sukupuoli_9_20180101')?.values.includes('SSS'), true);
    assert.equal(findAreaVariable(m, ['timeperiod_y'], 'x')?.code, 'alue_23_20260101');
  });

  test('11ra: the dated area code and the prefixed content code are found from the metadata', () => {
    const plan = buildPlan('statfin-vaerak-11ra', pxwebOf('statfin-vaerak-11ra'), meta(table11ra()));
    assert.equal(plan.area?.code, 'alue_23_20260101');
    assert.deepEqual(plan.area?.values, ['SSS', 'KU049', 'KU091', 'MK01', 'TA08']);
    assert.equal(plan.time.code, 'timeperiod_y');
    assert.deepEqual(plan.contents.values, ['vaerak-vaesto']);
  });
});

describe('content codes that do not match fail loudly', () => {
  const base = meta(table11ra());
  const withContents = (codes: string[]): PxWebMetadata => ({
    ...base,
    variables: base.variables.map((v) => (v.code === 'contentscode' ? { ...v, values: codes, valueTexts: codes } : v)),
  });

  test('a renamed code names the table, the variable and the code', () => {
    assert.throws(
      () => buildPlan('statfin-vaerak-11ra', pxwebOf('statfin-vaerak-11ra'), withContents(['vaerak-vakiluku', 'vaesto_alle15_p'])),
      (e: Error) => e.name === 'AcquireError' && /statfin-vaerak-11ra \(vaerak\/11ra\.px\)/.test(e.message) && /"vaesto"/.test(e.message) && /variable contentscode/.test(e.message) && /renamed/.test(e.message),
    );
  });

  test('an ambiguous prefixed code lists both candidates', () => {
    assert.throws(
      () => buildPlan('statfin-vaerak-11ra', pxwebOf('statfin-vaerak-11ra'), withContents(['vaerak-vaesto', 'muu-vaesto'])),
      /"vaesto" is ambiguous in variable contentscode: it matches vaerak-vaesto and muu-vaesto/,
    );
  });
});

describe('other variables: fixed, eliminated or an error', () => {
  const m = meta(table11re());
  const px = pxwebOf('statfin-vaerak-11re');

  test('fixed by the variable text ("Sukupuoli") selects that code', () => {
    const plan = buildPlan('statfin-vaerak-11re', px, m);
    assert.deepEqual(plan.fixed, [{ code: 'sukupuoli_9_20180101', text: 'Sukupuoli', values: ['SSS'] }]);
    assert.deepEqual(plan.order, ['alue_23_20260101', 'sukupuoli_9_20180101', 'timeperiod_y', 'contentscode']);
  });

  test('fixed by the variable code works too', () => {
    const plan = buildPlan('statfin-vaerak-11re', { ...px, fixed: { sukupuoli_9_20180101: ['1', '2'] } }, m);
    assert.deepEqual(plan.fixed[0]?.values, ['1', '2']);
  });

  test('a variable that allows elimination is left out when not fixed', () => {
    const plan = buildPlan('statfin-vaerak-11re', { ...px, fixed: {} }, m);
    assert.deepEqual(plan.eliminated, ['sukupuoli_9_20180101']);
    assert.deepEqual(plan.order, ['alue_23_20260101', 'timeperiod_y', 'contentscode']);
  });

  test('a variable without elimination must be fixed, and the message says how', () => {
    const strict = { ...m, variables: m.variables.map((v) => ({ ...v, elimination: false })) };
    assert.throws(() => buildPlan('statfin-vaerak-11re', { ...px, fixed: {} }, strict), /variable sukupuoli_9_20180101 \("Sukupuoli"\) cannot be left out.*fixed: \{ sukupuoli_9_20180101: \[SSS\] \}/);
  });

  test('a fixed value or variable the table lacks is an error', () => {
    assert.throws(() => buildPlan('statfin-vaerak-11re', { ...px, fixed: { Sukupuoli: ['9'] } }, m), /fixed value "9" is not in variable sukupuoli_9_20180101/);
    assert.throws(() => buildPlan('statfin-vaerak-11re', { ...px, fixed: { Ikä: ['SSS'] } }, m), /pxweb\.fixed names Ikä, which is not a variable/);
  });

  test('area prefixes that select nothing are an error', () => {
    assert.throws(() => buildPlan('statfin-vaerak-11re', { ...px, area_prefixes: ['HVA'] }, m), /no value of the area variable alue_23_20260101 starts with HVA/);
  });
});

describe('chunks stay within maxValues', () => {
  const plan = buildPlan(R5, pxwebOf(R5), meta(table12r5History()));

  test('the history table is 12 periods × 5 areas × 3 contents', () => {
    assert.equal(plan.time.values.length, 12);
    assert.equal(plan.area?.values.length, 5);
    assert.equal(plan.contents.values.length, 3);
  });

  test('periods are split first: 60 cells → 3 chunks of 4 months', () => {
    const chunks = splitIntoChunks(plan, 60);
    assert.deepEqual(chunks.map((c) => c.periods.length), [4, 4, 4]);
    assert.deepEqual(chunks[0]?.periods, ['2022M11', '2022M12', '2023M01', '2023M02']);
    for (const c of chunks) assert.ok(chunkCells(plan, c) <= 60);
    assert.deepEqual(chunks.flatMap((c) => c.periods), plan.time.values);
  });

  test('everything in one chunk when it fits', () => {
    assert.equal(splitIntoChunks(plan, 180).length, 1);
  });

  test('areas are split when one period of all areas is too large', () => {
    const chunks = splitIntoChunks(plan, 14);
    assert.equal(chunks.length, 24);
    for (const c of chunks) {
      assert.equal(c.periods.length, 1);
      assert.ok(chunkCells(plan, c) <= 14);
    }
    assert.deepEqual(chunks.slice(0, 2).map((c) => c.areas), [['SSS', 'KU049', 'KU091', 'KU211'], ['MK01']]);
  });

  test('fails when one area and one period exceed the limit', () => {
    assert.throws(() => splitIntoChunks(plan, 2), /one period of one area already has 3 cells/);
  });

  test('halving splits periods, then areas, then gives up', () => {
    const [a, b] = halveChunk({ periods: ['2023M01', '2023M02', '2023M03'], areas: ['SSS', 'KU091'] })!;
    assert.deepEqual([a.periods, b.periods], [['2023M01', '2023M02'], ['2023M03']]);
    const [c, d] = halveChunk({ periods: ['2023M01'], areas: ['SSS', 'KU091', 'KU049'] })!;
    assert.deepEqual([c.areas, d.areas], [['SSS', 'KU091'], ['KU049']]);
    assert.equal(halveChunk({ periods: ['2023M01'], areas: ['SSS'] }), null);
  });
});

describe('queries and answers', () => {
  const plan = buildPlan(R5, pxwebOf(R5), meta(table12r5History()));

  test('a data query lists every variable in the table order with explicit items', () => {
    const q = buildDataQuery(plan, { periods: ['2023M09', '2023M10'], areas: ['SSS', 'KU091'] });
    assert.deepEqual(q, {
      query: [
        { code: 'Alue', selection: { filter: 'item', values: ['SSS', 'KU091'] } },
        { code: 'timeperiod_m', selection: { filter: 'item', values: ['2023M09', '2023M10'] } },
        { code: 'contentscode', selection: { filter: 'item', values: ['TYOTTOMATLOPUSSA', 'TYOVOIMATK', 'AVPAIKATLOPUSSA'] } },
      ],
      response: { format: 'json-stat2' },
    });
  });

  test('the probe asks for one area, the latest period and one content', () => {
    assert.deepEqual(buildProbeQuery(plan).query, [
      { code: 'Alue', selection: { filter: 'item', values: ['SSS'] } },
      { code: 'timeperiod_m', selection: { filter: 'top', values: ['1'] } },
      { code: 'contentscode', selection: { filter: 'item', values: ['TYOTTOMATLOPUSSA'] } },
    ]);
  });

  const answer = {
    version: '2.0' as const,
    class: 'dataset' as const,
    id: ['Alue', 'timeperiod_m', 'contentscode'],
    size: [1, 1, 1],
    dimension: {
      Alue: { category: { index: { SSS: 0 } } },
      timeperiod_m: { category: { index: { '2023M10': 0 } } },
      contentscode: { category: { index: { TYOTTOMATLOPUSSA: 0 } } },
    },
    // Whole country, 2023M10, from ../shared/data/tyonv/12r5_kunnat_2006M01-2023M10.csv.
    value: [256070],
  };

  test('an answer with exactly the requested categories passes', () => {
    const q = { ...buildDataQuery(plan, { periods: ['2023M10'], areas: ['SSS'] }) };
    q.query = q.query.map((s) => (s.code === 'contentscode' ? { ...s, selection: { filter: 'item', values: ['TYOTTOMATLOPUSSA'] } } : s));
    assert.equal(checkAnswer(answer, q), null);
    assert.equal(checkAnswer(answer, buildProbeQuery(plan)), null);
  });

  test('a missing dimension, a renamed one or a missing category is reported', () => {
    const q = buildDataQuery(plan, { periods: ['2023M10'], areas: ['SSS'] });
    assert.match(checkAnswer(answer, q)!, /dimension contentscode: missing TYOVOIMATK, AVPAIKATLOPUSSA/);
    const renamed = { ...answer, id: ['alue_24', 'timeperiod_m', 'contentscode'], dimension: { ...answer.dimension, alue_24: answer.dimension.Alue } };
    assert.match(checkAnswer(renamed, q)!, /alue_24 that were not requested/);
    const short = { ...answer, value: [] };
    const one = { ...q, query: q.query.map((s) => (s.code === 'contentscode' ? { ...s, selection: { filter: 'item' as const, values: ['TYOTTOMATLOPUSSA'] } } : s)) };
    assert.match(checkAnswer(short, one)!, /0 values for 1 cells/);
  });
});

describe('source files', () => {
  test('the real data/sources parse, and 12r5 has a pxweb block', () => {
    const all = loadPxWebSources(join(ROOT, 'data', 'sources'));
    assert.ok(all.length >= 1);
    assert.ok(all.some((s) => s.source.id === 'statfin-tyonv-12r5' && s.source.pxweb.table === 'tyonv/12r5.px'));
  });

  test('--source with an unknown id or one without pxweb is a clear error', () => {
    assert.throws(() => loadPxWebSources(FIXTURE_SOURCES, ['statfin-nope']), /no source statfin-nope in .*sources with a pxweb block: statfin-tyonv-12r5, statfin-vaerak-11ra, statfin-vaerak-11re/);
    assert.throws(() => loadPxWebSources(join(ROOT, 'data', 'sources'), ['kela-cofinanced-benefit']), /has no pxweb block/);
  });
});
