/**
 * The model and the protection audit (src/lib/change-meter/model.ts, audit.ts): intervals worked
 * out by hand for tiny tables.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import loadHighs from 'highs';
import { highsSolver } from '../../../../src/lib/change-meter/solver.ts';
import { auditCells, describeExposure, feasibleInterval, protectedQuantities } from '../../../../src/lib/change-meter/audit.ts';
import { buildModel, type ModelCell } from '../../../../src/lib/change-meter/model.ts';

const solver = highsSolver(await loadHighs());

describe('protectedQuantities', () => {
  test('every count of a row without n; the categories of a row without shares; nothing of an ok row', () => {
    const cells: ModelCell[] = [
      { area_code: 'TA01', period: '2025', label: 'a' },
      { area_code: 'TA02', period: '2025', label: 'b', n: 7, m: 9 },
      { area_code: 'TA03', period: '2025', label: 'c', n: 20, m: 20, shares: [{ n: 20, percent: { improved: 50, unchanged: 25, worse: 25 } }] },
    ];
    assert.deepEqual(
      protectedQuantities(cells).map((p) => `${p.cell} ${p.quantity}`),
      ['0 n', '0 improved', '0 unchanged', '0 worse', '1 improved', '1 unchanged', '1 worse'],
    );
  });
});

describe('auditCells', () => {
  test('SSS 22 with TA03 20 shown: TA01 and TA02 hold one customer each', () => {
    const cells: ModelCell[] = [
      { area_code: 'SSS', period: '2025', label: 'SSS', n: 22, m: 30 },
      { area_code: 'TA01', period: '2025', label: 'TA01' },
      { area_code: 'TA02', period: '2025', label: 'TA02' },
      { area_code: 'TA03', period: '2025', label: 'TA03', n: 20, m: 25 },
    ];
    const exposed = auditCells(cells, solver);
    assert.equal(describeExposure(exposed[0]!, cells), 'the n of TA01 is exactly 1 given what is published');
    assert.deepEqual(feasibleInterval(buildModel(cells), solver, 1, 'n'), { min: 1, max: 1 });
  });

  test('a whole percent bounds the count: 13 % of 78 is exactly 10', () => {
    const cells: ModelCell[] = [
      { area_code: 'TA01', period: '2025', label: 'Y', n: 78, m: 100, shares: [{ n: 78, percent: { improved: 51, unchanged: 36, worse: 13 } }] },
      { area_code: 'TA01', period: '2025-Q1', label: 'Q1' },
    ];
    const model = buildModel(cells);
    assert.deepEqual(feasibleInterval(model, solver, 0, 'worse'), { min: 10, max: 10 });
    // Q1 is the only part of 2025, so it is the whole year (months no part covers are empty).
    assert.deepEqual(feasibleInterval(model, solver, 1, 'n'), { min: 78, max: 78 });
  });

  test('a whole-country row split by area counts nobody outside the listed areas', () => {
    const cells: ModelCell[] = [
      { area_code: 'SSS', period: '2025', label: 'SSS', n: 30, m: 30 },
      { area_code: 'TA01', period: '2025', label: 'TA01', n: 26, m: 26 },
      { area_code: 'TA02', period: '2025', label: 'TA02' },
    ];
    assert.deepEqual(feasibleInterval(buildModel(cells), solver, 2, 'n'), { min: 4, max: 4 });
  });
});
