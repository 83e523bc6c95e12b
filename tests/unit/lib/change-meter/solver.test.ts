/** The HiGHS adapter (src/lib/change-meter/solver.ts) on programs whose optimum is worked out by hand. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import loadHighs from 'highs';
import { highsSolver, optimiseOnce, type IntegerProgram } from '../../../../src/lib/change-meter/solver.ts';

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
    assert.deepEqual(optimiseOnce(solver, pinned, [{ v: 0, c: 1 }], 'max'), { status: 'optimal', value: 1 });
    assert.deepEqual(optimiseOnce(solver, pinned, [{ v: 0, c: 1 }], 'min'), { status: 'optimal', value: 1 });
  });

  test('integers, not fractions: 2 x0 = 5 has no whole solution, 2 x0 ≤ 5 gives at most 2', () => {
    const half: IntegerProgram = { vars: 1, upper: [10], constraints: [{ terms: [{ v: 0, c: 2 }], lo: 5, hi: 5 }] };
    assert.deepEqual(optimiseOnce(solver, half, [{ v: 0, c: 1 }], 'max'), { status: 'infeasible' });
    const below: IntegerProgram = { vars: 1, upper: [10], constraints: [{ terms: [{ v: 0, c: 2 }], hi: 5 }] };
    assert.deepEqual(optimiseOnce(solver, below, [{ v: 0, c: 1 }], 'max'), { status: 'optimal', value: 2 });
    // The linear maximum is 2.5: it rules out 3 at once, and the integer search confirms 2.
    const session = solver.open(below);
    assert.deepEqual([session.reaches([{ v: 0, c: 1 }], 3), session.reaches([{ v: 0, c: 1 }], 2), session.optimise([{ v: 0, c: 1 }], 'max')], [false, true, { status: 'optimal', value: 2 }]);
    session.close();
  });

  test('one loaded program answers several objectives; variables fixed at 0 are left out', () => {
    // x0 + x1 + x2 ≥ 3 with x1 fixed at 0, x0 ≤ 2, x2 ≤ 4: x0 + x2 lies in 3…6.
    const program: IntegerProgram = { vars: 3, upper: [2, 0, 4], constraints: [{ terms: [{ v: 0, c: 1 }, { v: 1, c: 1 }, { v: 2, c: 1 }], lo: 3 }] };
    const session = solver.open(program);
    const sum = [{ v: 0, c: 1 }, { v: 2, c: 1 }];
    assert.deepEqual([session.optimise(sum, 'max'), session.optimise(sum, 'min'), session.optimise([{ v: 1, c: 1 }], 'max')], [
      { status: 'optimal', value: 6 },
      { status: 'optimal', value: 3 },
      { status: 'optimal', value: 0 },
    ]);
    session.close();
  });

  test('a program whose every variable is fixed at 0 is infeasible when a constraint needs more', () => {
    const program: IntegerProgram = { vars: 1, upper: [0], constraints: [{ terms: [{ v: 0, c: 1 }], lo: 1 }] };
    assert.deepEqual(optimiseOnce(solver, program, [], 'max'), { status: 'infeasible' });
  });
});
