/**
 * The derive stage's core with tiny inline inputs — computeIndicator: indicator formulas and their statuses. Every expected number is
 * worked out by hand in the test; the rules are those of domain.md sections 2 and 4.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadSeries } from '../../../../src/lib/derive/load.ts';
import { INCOMPLETE, LOWER, MISSING, OK, UPPER } from '../../../../src/lib/status.ts';
import { computeIndicator, dimsMatch } from '../../../../src/lib/derive/compute.ts';
import { additivity, cells, indicator, indicatorCells } from '../../../helpers/derive-fixtures.ts';

const NEW = '2025-02-25T08:00:00Z';
const OLD = '2023-11-21T06:00:00Z';

describe('computeIndicator', () => {
  const ADD = additivity(['s', 's2'], ['TYOTOSUUS']);
  const unemploymentShare = indicator({
    id: 'unemployment-share',
    sources: ['s'],
    formula: { type: 'ratio', numerator: ['U'], denominator: ['L'], scale: 100, published: 'TYOTOSUUS' },
  });

  test('a count is the sum of its codes; one withheld code makes it a lower bound, all withheld a withheld value', () => {
    const inServices = indicator({ id: 'in-services', sources: ['s'], formula: { type: 'count', codes: ['A', 'B'] } });
    const store = loadSeries(
      cells([
        { area: 'SSS', period: '2026-04', code: 'A', value: 60000 },
        { area: 'SSS', period: '2026-04', code: 'B', value: 4198 },
        { area: 'SSS', period: '2026-05', code: 'A', value: 60000 },
        { area: 'SSS', period: '2026-05', code: 'B', value: null },
        { area: 'SSS', period: '2026-06', code: 'A', value: null },
        { area: 'SSS', period: '2026-06', code: 'B', value: null },
        { area: 'SSS', period: '2026-07', code: 'A', value: 1 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, inServices, new Set(['SSS']));
    const got = indicatorCells(out, 'SSS');
    assert.deepEqual(got['2026-04'], [64198, 'ok']);
    assert.deepEqual(got['2026-05'], [60000, 'lower_bound']);
    assert.equal(got['2026-06']?.[1], 'suppressed');
    assert.equal(got['2026-07'], undefined, 'a code without a cell gives no value');
  });

  test('a ratio divides exact integers and rounds half up (52578 / 370847 → 14.2; 57 / 400 → 14.3), keeping its terms', () => {
    const store = loadSeries(
      cells([
        { area: 'KU091', period: '2026-06', code: 'U', value: 52578 },
        { area: 'KU091', period: '2026-06', code: 'L', value: 370847 },
        { area: 'KU999', period: '2026-06', code: 'U', value: 57 },
        { area: 'KU999', period: '2026-06', code: 'L', value: 400 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, unemploymentShare, new Set(['KU091', 'KU999']));
    assert.deepEqual(indicatorCells(out, 'KU091'), { '2026-06': [14.2, 'ok'] });
    assert.deepEqual(indicatorCells(out, 'KU999'), { '2026-06': [14.3, 'ok'] });
    const h = out.find((s) => s.area === 'KU091')!;
    assert.deepEqual([h.num[0], h.den[0]], [52578, 370847]);
  });

  test('a ratio with a withheld term is withheld; with a lower-bound term it is a lower bound', () => {
    const store = loadSeries(
      cells([
        { area: 'KU062', period: '2026-06', code: 'U', value: null },
        { area: 'KU062', period: '2026-06', code: 'L', value: 235 },
        { area: 'KU063', period: '2026-06', code: 'U', value: 10 },
        { area: 'KU063', period: '2026-06', code: 'L', value: null },
        { area: 'TA46', period: '2026-06', code: 'U', value: 787, status: 'lower_bound' },
        { area: 'TA46', period: '2026-06', code: 'L', value: 15000 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, unemploymentShare, new Set(['KU062', 'KU063', 'TA46']));
    assert.equal(indicatorCells(out, 'KU062')['2026-06']?.[1], 'suppressed');
    assert.equal(indicatorCells(out, 'KU063')['2026-06']?.[1], 'suppressed');
    // 78700 / 15000 = 5.2466… → 5.2
    assert.deepEqual(indicatorCells(out, 'TA46')['2026-06'], [5.2, 'lower_bound']);
  });

  test('a ratio says which way its bound goes: a lower-bound denominator makes an upper bound, a lower-bound numerator a lower bound, both incomplete', () => {
    // 221 / (at least 10) is at most 22.1 (design.md: "A ratio whose denominator is a lower bound
    // is an upper bound, and one with both is of unknown direction").
    const perVacancy = indicator({ id: 'unemployed-per-vacancy', sources: ['s'], unit: 'ratio', formula: { type: 'ratio', numerator: ['U'], denominator: ['V'], scale: 1 } });
    const store = loadSeries(
      cells([
        { area: 'TA02', period: '2026-06', code: 'U', value: 221 },
        { area: 'TA02', period: '2026-06', code: 'V', value: 10, status: 'lower_bound' },
      ]),
      [],
      ADD,
    );
    const s = computeIndicator(store, perVacancy, new Set(['TA02']))[0]!;
    assert.equal(s.values[0], 22.1);
    assert.equal(s.status[0], UPPER);
    const both = loadSeries(
      cells([
        { area: 'TA03', period: '2026-06', code: 'U', value: 221, status: 'lower_bound' },
        { area: 'TA03', period: '2026-06', code: 'V', value: 10, status: 'lower_bound' },
        { area: 'TA04', period: '2026-06', code: 'U', value: 221, status: 'lower_bound' },
        { area: 'TA04', period: '2026-06', code: 'V', value: 10 },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(both, perVacancy, new Set(['TA03', 'TA04']));
    assert.deepEqual(out.map((x) => [x.area, x.values[0], x.status[0]]), [
      ['TA03', 22.1, INCOMPLETE],
      ['TA04', 22.1, LOWER],
    ]);
  });

  test('a zero denominator gives a missing value, not Infinity (unemployed per vacancy with no vacancies)', () => {
    const perVacancy = indicator({ id: 'unemployed-per-vacancy', sources: ['s'], unit: 'ratio', formula: { type: 'ratio', numerator: ['U'], denominator: ['V'], scale: 1 } });
    const store = loadSeries(
      cells([
        { area: 'KU001', period: '2026-06', code: 'U', value: 12 },
        { area: 'KU001', period: '2026-06', code: 'V', value: 0 },
      ]),
      [],
      ADD,
    );
    const s = computeIndicator(store, perVacancy, new Set(['KU001']))[0]!;
    assert.equal(s.status[0], MISSING);
    assert.ok(Number.isNaN(s.num[0]!));
  });

  test("the source's published rate is used only where the terms are absent", () => {
    const store = loadSeries(
      cells([
        // 2023-10: terms present (37666 / 353085 = 10.667…% → 10.7); the published cell is set
        // to a different number here to show which one is used.
        { area: 'KU091', period: '2023-10', code: 'U', value: 37666 },
        { area: 'KU091', period: '2023-10', code: 'L', value: 353085 },
        { area: 'KU091', period: '2023-10', code: 'TYOTOSUUS', value: 99.9 },
        // 2024-12: only the published share (RATE: 12.5).
        { area: 'KU091', period: '2024-12', code: 'TYOTOSUUS', value: 12.5 },
        { area: 'KU062', period: '2024-12', code: 'TYOTOSUUS', value: null },
      ]),
      [],
      ADD,
    );
    const out = computeIndicator(store, unemploymentShare, new Set(['KU091', 'KU062']));
    const h = indicatorCells(out, 'KU091');
    assert.deepEqual(h['2023-10'], [10.7, 'ok']);
    assert.deepEqual(h['2024-12'], [12.5, 'ok']);
    assert.equal(indicatorCells(out, 'KU062')['2024-12']?.[1], 'suppressed');
    const s = out.find((x) => x.area === 'KU091')!;
    assert.ok(Number.isNaN(s.num[s.num.length - 1]!), 'a published rate has no terms to average');
  });

  test('a published indicator takes the value as it is', () => {
    const activation = indicator({ id: 'activation-rate', sources: ['s'], formula: { type: 'published', code: 'AKTASTE' } });
    const store = loadSeries(cells([{ area: 'SSS', period: '2022-02', code: 'AKTASTE', value: 29.6 }]), [], ADD);
    assert.deepEqual(indicatorCells(computeIndicator(store, activation, new Set(['SSS'])), 'SSS'), { '2022-02': [29.6, 'ok'] });
  });

  test('the dims selection picks the totals (SSS) of other variables unless told otherwise', () => {
    // 11re 2025 (../shared/data): total 5652881, men 2799212, women 2853669; 1972–2023 file 2023: 5603851.
    const rows = [
      { area: 'SSS', period: '2025', code: 'vaesto', dims: 'Sukupuoli=SSS', value: 5652881 },
      { area: 'SSS', period: '2025', code: 'vaesto', dims: 'Sukupuoli=1', value: 2799212 },
      { area: 'SSS', period: '2025', code: 'vaesto', dims: 'Sukupuoli=2', value: 2853669 },
      { area: 'SSS', period: '2023', code: 'vaesto', dims: 'Ikä=SSS|Sukupuoli=SSS', value: 5603851, part: 'old' },
      { area: 'SSS', period: '2023', code: 'vaesto', dims: 'Ikä=SSS|Sukupuoli=1', value: 1, part: 'old' },
    ];
    const store = loadSeries(cells(rows), [], ADD);
    const total = indicator({ id: 'population', sources: ['s'], frequency: 'annual', formula: { type: 'count', codes: ['vaesto'] } });
    assert.deepEqual(indicatorCells(computeIndicator(store, total, new Set(['SSS'])), 'SSS'), { '2023': [5603851, 'ok'], '2025': [5652881, 'ok'] });
    const women = indicator({ id: 'population-women', sources: ['s'], frequency: 'annual', select: { Sukupuoli: '2' }, formula: { type: 'count', codes: ['vaesto'] } });
    assert.deepEqual(indicatorCells(computeIndicator(store, women, new Set(['SSS'])), 'SSS'), { '2025': [2853669, 'ok'] });
  });

  test('dimsMatch: listed dimensions need the selected code, all others their total SSS', () => {
    assert.equal(dimsMatch('', {}), true);
    assert.equal(dimsMatch('Sukupuoli=SSS', {}), true);
    assert.equal(dimsMatch('Sukupuoli=1', {}), false);
    assert.equal(dimsMatch('aikatyyppi=Kuukausi|etuus=Yhteensä|kertymaluokka=Yhteensä', { aikatyyppi: 'Kuukausi', etuus: 'Yhteensä', kertymaluokka: 'Yhteensä' }), true);
    assert.equal(dimsMatch('aikatyyppi=Vuosikertymä|etuus=Yhteensä|kertymaluokka=Yhteensä', { aikatyyppi: 'Kuukausi', etuus: 'Yhteensä', kertymaluokka: 'Yhteensä' }), false);
  });

  test('only the given areas get a series, and where two sources give a code the newer part wins', () => {
    const store = loadSeries(
      cells([
        { source: 's', part: 'a', updated: OLD, area: 'SSS', period: '2025', code: 'vaesto', value: 100 },
        { source: 's2', part: 'b', updated: NEW, area: 'SSS', period: '2025', code: 'vaesto', value: 200 },
        { source: 's', part: 'a', updated: OLD, area: 'KU091', period: '2025', code: 'vaesto', value: 50 },
      ]),
      [],
      ADD,
    );
    const pop = indicator({ id: 'population', sources: ['s', 's2'], frequency: 'annual', formula: { type: 'count', codes: ['vaesto'] } });
    const out = computeIndicator(store, pop, new Set(['SSS']));
    assert.deepEqual(out.map((s) => s.area), ['SSS']);
    assert.deepEqual(indicatorCells(out, 'SSS'), { '2025': [200, 'ok'] });
  });

  test('a series spans its first to last value, with a gap where no input exists', () => {
    const unemployed = indicator({ id: 'unemployed', sources: ['s'], formula: { type: 'count', codes: ['U'] } });
    const store = loadSeries(
      cells([
        { area: 'SSS', period: '2023-10', code: 'U', value: 256070 },
        { area: 'SSS', period: '2026-06', code: 'U', value: 352001 },
      ]),
      [],
      ADD,
    );
    const s = computeIndicator(store, unemployed, new Set(['SSS']))[0]!;
    assert.equal(s.status.length, 33);
    assert.equal(s.status[0], OK);
    assert.equal(s.status[1], 0, '2023-11 has no value (written as missing)');
    assert.equal(s.status[32], OK);
  });
});

