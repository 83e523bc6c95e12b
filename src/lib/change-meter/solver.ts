/**
 * The integer programs of the protection audit, and the adapter that solves them with HiGHS
 * (the `highs` npm package: the HiGHS solver of the University of Edinburgh compiled to
 * WebAssembly; exact simplex and branch-and-bound for mixed-integer programs, MIT licence).
 *
 * The audit only needs one operation: the largest (or smallest) value a linear expression of
 * non-negative integer variables can take under linear constraints. A program is loaded once
 * into a HiGHS model (sparse rows) and solved for many objectives.
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

/** One program kept loaded, for many objectives (the solver starts each from the last one's basis). */
interface SolverSession {
  /** The largest (`max`) or smallest (`min`) value of Σ objective over the program's integer points. */
  optimise(objective: Term[], sense: 'max' | 'min'): Optimum;
  /**
   * Whether Σ objective can be at least `target` at some integer point (`null` if the program
   * has none). Often cheaper than the maximum: the linear relaxation alone can decide it.
   */
  reaches(objective: Term[], target: number): boolean | null;
  /** Frees the program. */
  close(): void;
}

/** Solves integer programs exactly. */
export interface Solver {
  /** Loads a program for several objectives. */
  open(program: IntegerProgram): SolverSession;
}

/** One objective of one program: opens, optimises and closes a session. */
export function optimiseOnce(solver: Solver, program: IntegerProgram, objective: Term[], sense: 'max' | 'min'): Optimum {
  const session = solver.open(program);
  try {
    return session.optimise(objective, sense);
  } finally {
    session.close();
  }
}

type Range = { kind: 'range'; from: number; to: number };

/** What the adapter needs of a HiGHS model (the `highs` package's persistent model API). */
interface HighsModelLike {
  options: { set(values: Record<string, unknown>): unknown };
  changeColsCost(selection: Range, costs: number[]): unknown;
  changeColsIntegrality(selection: Range, types: number[]): unknown;
  changeObjectiveSense(sense: never): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: ArrayLike<number> };
  dispose(): void;
}

/** What the adapter needs of the loaded `highs` module. */
export interface HighsLike {
  infinity: number;
  constants: { objectiveSense: { minimize: unknown; maximize: unknown }; modelStatus: { optimal: number; infeasible: number } };
  createModel(data: never): unknown;
}

/**
 * A {@link Solver} backed by HiGHS. Each objective is solved as a linear program first: when its
 * optimal point is whole numbers, that point is also the integer optimum (sums of pieces, as
 * here, usually give such points). Otherwise the columns are made integer and the program is
 * solved again with gaps set to prove the integer optimum exactly. An outcome other than
 * optimal or infeasible (a solver error, a limit) throws rather than being read as safe.
 */
export function highsSolver(highs: HighsLike): Solver {
  const { optimal, infeasible } = highs.constants.modelStatus;
  return {
    open(program) {
      // Variables fixed at 0 are left out; `col` maps a variable to its column.
      const live: number[] = [];
      const col = new Map<number, number>();
      for (let v = 0; v < program.vars; v++) {
        if (program.upper[v]! > 0) {
          col.set(v, live.length);
          live.push(v);
        }
      }
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      const rowLower: number[] = [];
      const rowUpper: number[] = [];
      for (const k of program.constraints) {
        for (const t of k.terms) {
          const j = col.get(t.v);
          if (j === undefined) continue;
          indices.push(j);
          values.push(t.c);
        }
        starts.push(indices.length);
        rowLower.push(k.lo ?? -highs.infinity);
        rowUpper.push(k.hi ?? highs.infinity);
      }
      const n = live.length;
      const m = program.constraints.length;
      // With no variable left, every constraint reads 0 within its bounds, or nothing is feasible.
      const emptyFeasible = program.constraints.every((k) => (k.lo ?? 0) <= 0 && 0 <= (k.hi ?? 0));
      if (n === 0) {
        return {
          optimise: () => (emptyFeasible ? { status: 'optimal', value: 0 } : { status: 'infeasible' }),
          reaches: (_, target) => (emptyFeasible ? 0 >= target : null),
          close: () => {},
        };
      }
      const model = highs.createModel({
        numCols: n,
        numRows: m,
        colCost: new Array(n).fill(0),
        colLower: new Array(n).fill(0),
        colUpper: live.map((v) => program.upper[v]!),
        rowLower,
        rowUpper,
        matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
      } as never) as HighsModelLike;
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 });
      const all: Range = { kind: 'range', from: 0, to: n - 1 };
      const run = (): Optimum => {
        model.run();
        const status = model.getModelStatus();
        if (status === infeasible) return { status: 'infeasible' };
        if (status !== optimal) throw new Error(`the protection audit's solver ended with model status ${status}`);
        return { status: 'optimal', value: model.getObjectiveValue() };
      };
      const setObjective = (objective: Term[], sense: 'max' | 'min') => {
        const cost: number[] = new Array(n).fill(0);
        for (const t of objective) {
          const j = col.get(t.v);
          if (j !== undefined) cost[j]! += t.c;
        }
        model.changeColsCost(all, cost);
        model.changeObjectiveSense((sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize) as never);
      };
      /** The linear-programming optimum, and whether its point is whole numbers. */
      const relaxed = (): { lp: Optimum; whole: boolean } => {
        const lp = run();
        if (lp.status === 'infeasible') return { lp, whole: false };
        const x = model.getSolution().colValue;
        let whole = true;
        for (let j = 0; j < x.length && whole; j++) whole = Math.abs(x[j]! - Math.round(x[j]!)) < 1e-9;
        return { lp, whole };
      };
      /** The integer optimum of the current objective: solved with integer columns, which are then made continuous again. */
      const integer = (): Optimum => {
        model.changeColsIntegrality(all, new Array(n).fill(1));
        try {
          const mip = run();
          return mip.status === 'infeasible' ? mip : { status: 'optimal', value: Math.round(mip.value) };
        } finally {
          model.changeColsIntegrality(all, new Array(n).fill(0));
        }
      };
      return {
        optimise(objective, sense) {
          setObjective(objective, sense);
          const { lp, whole } = relaxed();
          if (lp.status === 'infeasible') return lp;
          if (whole) return { status: 'optimal', value: Math.round(lp.value) };
          return integer();
        },
        reaches(objective, target) {
          setObjective(objective, 'max');
          const { lp, whole } = relaxed();
          if (lp.status === 'infeasible') return null;
          // The integer maximum is at most the linear one; a whole linear optimum is the integer one.
          if (lp.value < target - 1e-9) return false;
          if (whole) return true;
          const mip = integer();
          return mip.status === 'infeasible' ? null : mip.value >= target;
        },
        close() {
          model.dispose();
        },
      };
    },
  };
}
