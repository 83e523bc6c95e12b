/** The HiGHS adapter (src/lib/change-meter/solver.ts) on programs whose optimum is worked out by hand. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import loadHighs from 'highs';
import { highsSolver, toLpText, type IntegerProgram } from '../../../../src/lib/change-meter/solver.ts';

const solver = highsSolver(await loadHighs());

describe('highsSolver', () => {
  // x0 + x1 + x2 = 22, x2 = 20, x0 ≥ 1, x1 ≥ 1: x0 can only be 1.
  const pinned: IntegerProgram = {
    vars: 3,
    upper: [100, 100, 100],
    constraints: [
      { terms: [{ v: 0, c: 1 }, { v: 1, c: 1 }, { v: 2, c: 1 }], lo: 22, hi: 22 },
      { terms: [{ v: 2, c: 1 }], lo: 20, hi: 20 },
      { terms: [{ v: 0, c: 1 }], lo: 1 },
      { terms: [{ v: 1, c: 1 }], lo: 1 },
    ],
  };
  test('the largest and smallest value of a variable', () => {
    assert.deepEqual(solver.optimise(pinned, [{ v: 0, c: 1 }], 'max'), { status: 'optimal', value: 1 });
    assert.deepEqual(solver.optimise(pinned, [{ v: 0, c: 1 }], 'min'), { status: 'optimal', value: 1 });
  });

  test('integers, not fractions: 2 x0 = 5 has no whole solution, 2 x0 ≤ 5 gives at most 2', () => {
    const half: IntegerProgram = { vars: 1, upper: [10], constraints: [{ terms: [{ v: 0, c: 2 }], lo: 5, hi: 5 }] };
    assert.deepEqual(solver.optimise(half, [{ v: 0, c: 1 }], 'max'), { status: 'infeasible' });
    const below: IntegerProgram = { vars: 1, upper: [10], constraints: [{ terms: [{ v: 0, c: 2 }], hi: 5 }] };
    assert.deepEqual(solver.optimise(below, [{ v: 0, c: 1 }], 'max'), { status: 'optimal', value: 2 });
  });

  test('the LP text leaves out variables fixed at 0 and lists the integers', () => {
    const text = toLpText({ vars: 2, upper: [5, 0], constraints: [{ terms: [{ v: 0, c: 1 }, { v: 1, c: 1 }], lo: 1 }] }, [{ v: 0, c: 1 }], 'max');
    assert.equal(text, 'Maximize\n obj:\n + 1 x0\nSubject To\n l0:\n + 1 x0\n >= 1\nBounds\n 0 <= x0 <= 5\nGenerals\n x0\nEnd');
  });
});
