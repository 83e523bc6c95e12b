/**
 * The protection audit: the method of τ-ARGUS and sdcTable for checking a suppression pattern,
 * applied to every published aggregate of an instrument at once.
 *
 * For every withheld count (the n of a withheld row, and the improved, unchanged and worse counts
 * behind withheld shares) it computes the largest value the count can take given everything
 * published — this release, earlier releases, the whole-country rows, nested periods — as an
 * integer program over the system of `model.ts`. The rule (`protection-interval`): every
 * withheld count must be able to be at least {@link MIN_COUNT}. Otherwise a reader could prove
 * it is under 5 (pinned exactly, or to 0, which reveals that everyone in a small group improved).
 */
import { MIN_COUNT } from './rules.ts';
import { CATEGORIES, QUANTITIES, buildModel, type CellModel, type ModelCell, type Quantity } from './model.ts';
import type { Solver } from './solver.ts';

/** One count the audit must protect: quantity `quantity` of cell `cell`. */
export interface Protected {
  cell: number;
  quantity: Quantity;
}

/** A protected count that published figures pin under the threshold, with its feasible interval. */
export interface Exposure extends Protected {
  min: number;
  max: number;
}

/** The counts the audit protects: every quantity of a row without a published n; the category counts of a row without published shares. */
export function protectedQuantities(cells: readonly ModelCell[]): Protected[] {
  const out: Protected[] = [];
  cells.forEach((c, cell) => {
    if (c.n === undefined) for (const quantity of QUANTITIES) out.push({ cell, quantity });
    else if (!c.shares?.length) for (const quantity of CATEGORIES) out.push({ cell, quantity });
  });
  return out;
}

/** The smallest and largest value of a quantity over the model's integer points. */
export function feasibleInterval(model: CellModel, solver: Solver, cell: number, quantity: Quantity): { min: number; max: number } {
  const terms = model.expr(cell, quantity);
  const session = solver.open(model.program);
  try {
    const hi = session.optimise(terms, 'max');
    const lo = session.optimise(terms, 'min');
    if (hi.status !== 'optimal' || lo.status !== 'optimal') throw new InfeasibleError();
    return { min: lo.value, max: hi.value };
  } finally {
    session.close();
  }
}

/** The largest value a quantity of a cell can take given the cells (throws if the cells contradict each other). */
export function largestValue(cells: readonly ModelCell[], solver: Solver, cell: number, quantity: Quantity): number {
  const model = buildModel(cells);
  const session = solver.open(model.program);
  try {
    const hi = session.optimise(model.expr(cell, quantity), 'max');
    if (hi.status !== 'optimal') throw new InfeasibleError();
    return hi.value;
  } finally {
    session.close();
  }
}

/** The published figures contradict each other: no set of counts fits them all. */
export class InfeasibleError extends Error {
  constructor() {
    super('the published figures contradict each other: no set of counts fits them all');
  }
}

/**
 * Audits the cells of one instrument × dimension: returns every protected count (of
 * `which`, default all of {@link protectedQuantities}) whose largest feasible value is under the
 * threshold. Throws {@link InfeasibleError} if the figures contradict each other.
 */
export function auditCells(cells: readonly ModelCell[], solver: Solver, which: readonly Protected[] = protectedQuantities(cells)): Exposure[] {
  if (!which.length) return [];
  const model = buildModel(cells);
  const session = solver.open(model.program);
  const out: Exposure[] = [];
  try {
    for (const p of which) {
      const terms = model.expr(p.cell, p.quantity);
      const safe = session.reaches(terms, MIN_COUNT);
      if (safe === null) throw new InfeasibleError();
      if (safe) continue;
      const hi = session.optimise(terms, 'max');
      if (hi.status !== 'optimal') throw new InfeasibleError();
      const lo = session.optimise(terms, 'min');
      if (lo.status !== 'optimal') throw new InfeasibleError();
      out.push({ ...p, min: lo.value, max: hi.value });
    }
  } finally {
    session.close();
  }
  return out;
}

/** How an exposure reads in a message: `the n of TA01 2025 "Työllistyvyys" lies between 1 and 1`. */
export function describeExposure(e: Exposure, cells: readonly ModelCell[]): string {
  const what = e.quantity === 'n' ? 'the n' : `the count of customers ${e.quantity === 'worse' ? 'who got worse' : e.quantity}`;
  const range = e.min === e.max ? `is exactly ${e.min}` : `lies between ${e.min} and ${e.max}`;
  return `${what} of ${cells[e.cell]!.label} ${range} given what is published`;
}
