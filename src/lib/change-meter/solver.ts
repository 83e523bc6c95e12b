/**
 * The integer programs of the protection audit, and the adapter that solves them with HiGHS
 * (the `highs` npm package: the HiGHS solver of the University of Edinburgh compiled to
 * WebAssembly; exact simplex and branch-and-bound for mixed-integer programs, MIT licence).
 *
 * The audit only needs one operation: the largest (or smallest) value a linear expression of
 * non-negative integer variables can take under linear constraints. Programs are written in the
 * CPLEX LP text format that HiGHS reads.
 */

/** `c` × variable `v`. */
export interface Term {
  v: number;
  c: number;
}

/** lo ≤ Σ terms ≤ hi (either side may be absent). */
export interface LinearConstraint {
  terms: Term[];
  lo?: number;
  hi?: number;
}

/** Non-negative integer variables 0…`vars − 1`, each at most `upper[v]`, and linear constraints. */
export interface IntegerProgram {
  vars: number;
  upper: number[];
  constraints: LinearConstraint[];
}

/** The optimum of an expression, or why there is none. */
export type Optimum = { status: 'optimal'; value: number } | { status: 'infeasible' };

/** Solves integer programs exactly. */
export interface Solver {
  /** The largest (`max`) or smallest (`min`) value of Σ objective over the program's integer points. */
  optimise(program: IntegerProgram, objective: Term[], sense: 'max' | 'min'): Optimum;
}

/** What the adapter needs of the loaded `highs` module (its synchronous `solve`). */
export interface HighsLike {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, unknown> };
}

const line = (terms: Term[]) =>
  terms.length ? terms.map((t) => ` ${t.c < 0 ? '-' : '+'} ${Math.abs(t.c)} x${t.v}`).join('\n') : ' 0 x0';

/**
 * The program and objective as CPLEX LP text (one term per line, so no line gets long).
 * Variables fixed at 0 are left out; `integer` false leaves out the `Generals` section (the
 * linear-programming relaxation).
 */
export function toLpText(program: IntegerProgram, objective: Term[], sense: 'max' | 'min', integer = true): string {
  const live = (terms: Term[]) => terms.filter((t) => program.upper[t.v]! > 0);
  objective = live(objective);
  const out: string[] = [sense === 'max' ? 'Maximize' : 'Minimize', ` obj:\n${line(objective)}`, 'Subject To'];
  program.constraints.forEach((c, i) => {
    const k = { ...c, terms: live(c.terms) };
    if (k.lo !== undefined && k.hi !== undefined && k.lo === k.hi) {
      out.push(` e${i}:\n${line(k.terms)}\n = ${k.lo}`);
      return;
    }
    if (k.lo !== undefined) out.push(` l${i}:\n${line(k.terms)}\n >= ${k.lo}`);
    if (k.hi !== undefined) out.push(` u${i}:\n${line(k.terms)}\n <= ${k.hi}`);
  });
  const vars = Array.from({ length: program.vars }, (_, v) => v).filter((v) => program.upper[v]! > 0);
  out.push('Bounds');
  for (const v of vars) out.push(` 0 <= x${v} <= ${program.upper[v]}`);
  if (integer) {
    out.push('Generals');
    for (let k = 0; k < vars.length; k += 20) out.push(' ' + vars.slice(k, k + 20).map((v) => `x${v}`).join(' '));
  }
  out.push('End');
  return out.join('\n');
}

/**
 * A {@link Solver} backed by HiGHS. It solves the linear-programming relaxation first: when its
 * optimal point is whole numbers, that point is also the integer optimum (sums of pieces, as
 * here, usually give such points). Otherwise it solves the integer program with gaps set to
 * prove the optimum exactly. An outcome other than optimal or infeasible (a solver error, a
 * limit) throws rather than being read as safe.
 */
export function highsSolver(highs: HighsLike): Solver {
  const run = (text: string, options: Record<string, unknown>) => {
    const result = highs.solve(text, { output_flag: false, ...options });
    if (result.Status === 'Optimal' || result.Status === 'Infeasible') return result;
    throw new Error(`the protection audit's solver ended with status "${result.Status}"`);
  };
  return {
    optimise(program, objective, sense) {
      const lp = run(toLpText(program, objective, sense, false), {});
      if (lp.Status === 'Infeasible') return { status: 'infeasible' };
      const whole = Object.values(lp.Columns).every((c) => {
        const x = (c as { Primal?: number }).Primal ?? 0;
        return Math.abs(x - Math.round(x)) < 1e-9;
      });
      if (whole) return { status: 'optimal', value: Math.round(lp.ObjectiveValue) };
      const mip = run(toLpText(program, objective, sense, true), { mip_rel_gap: 0, mip_abs_gap: 0.5, mip_heuristic_effort: 0 });
      if (mip.Status === 'Infeasible') return { status: 'infeasible' };
      return { status: 'optimal', value: Math.round(mip.ObjectiveValue) };
    },
  };
}
