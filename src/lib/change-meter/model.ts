/**
 * The published aggregates of one instrument × dimension as one system of linear relations, for
 * the protection audit (`audit.ts`).
 *
 * The unknowns are the counts of the smallest pieces any published row can be cut into: one
 * employment area (or "areas never listed") × one block of months (the months between period
 * boundaries; the periods of an instrument nest or are disjoint, so every period is a union of
 * blocks). Each piece has four non-negative whole numbers: customers improved, unchanged, worse,
 * and measured without a follow-up. A row is the sum of its pieces: a TA row the pieces of its
 * area, an SSS row those of every area; its n = improved + unchanged + worse and its measured
 * count = n + those without a follow-up.
 *
 * What a reader knows besides the published figures, and the model with it:
 * - every row present (also a withheld one) has n ≥ 1;
 * - a whole-country row split by area counts nobody outside the listed areas, and a period split
 *   into shorter periods nobody outside them (rule `totals-add-up` makes this true): those
 *   pieces are 0;
 * - a published share in whole percent P of a published n bounds the count c behind it:
 *   P − 0.5 ≤ 100 c / n < P + 0.5 (shares are rounded half up).
 * The median is not modelled: it is published only with every share of its row.
 */
import { monthsKey, periodMonths, relate, type MonthRange } from './periods.ts';
import type { IntegerProgram, LinearConstraint, Term } from './solver.ts';

/** The counts behind a row. */
export interface Counts {
  n: number;
  m: number;
  improved: number;
  unchanged: number;
  worse: number;
}

/** The counts a reader may be able to pin: n and the three counts behind the shares. */
export const QUANTITIES = ['n', 'improved', 'unchanged', 'worse'] as const;
export type Quantity = (typeof QUANTITIES)[number];
export type Category = Exclude<Quantity, 'n'>;
export const CATEGORIES = ['improved', 'unchanged', 'worse'] as const satisfies readonly Category[];

/** One row of one instrument × dimension as the audit sees it: what is known about it publicly. */
export interface ModelCell {
  area_code: string;
  period: string;
  /** How messages name the row. */
  label: string;
  /** n, if published (now or in an earlier release). */
  n?: number;
  /** Measured customers, if published. */
  m?: number;
  /** Shares in whole percent of a published n (improved, unchanged, worse), one entry per release that published them. */
  shares?: { n: number; percent: Record<Category, number> }[];
}

/** Whole percent of `count` out of `n`, rounded half up, computed in integers. */
export function wholePercent(count: number, n: number): number {
  return Math.floor((200 * count + n) / (2 * n));
}

/** The integer program of a set of cells, and the expression of every quantity of every cell. */
export interface CellModel {
  program: IntegerProgram;
  /** `expr(i, q)`: the terms of quantity `q` (or `m`) of cell `i`. */
  expr(cell: number, quantity: Quantity | 'm'): Term[];
  /** Cells whose pieces overlap cell `i` (including `i`). */
  overlapping(cell: number): number[];
  /**
   * The relations cell `i` is in, as candidate cells: the smallest cells that contain it (its
   * whole-country row, its longer period) and their other parts at the same level.
   */
  relations(cell: number): number[];
}

/** An upper bound for every piece: more than Finland's population. */
const PIECE_UPPER = 10_000_000;

const OTHER = '\u0000other';

/**
 * Builds the system of the cells of one instrument × dimension. `fixed` optionally fixes cells'
 * counts (the importer's own knowledge, to check that the submission fits what is published).
 */
export function buildModel(cells: readonly ModelCell[], fixed: ReadonlyMap<number, Counts> = new Map()): CellModel {
  const months = cells.map((c) => {
    const m = periodMonths(c.period);
    if (!m) throw new Error(`not a period: ${c.period}`);
    return m;
  });
  const areas = [...new Set(cells.map((c) => c.area_code).filter((a) => a !== 'SSS'))].sort();
  areas.push(OTHER);
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  // Blocks: the month ranges between consecutive period boundaries that lie inside some period.
  const cuts = [...new Set(months.flatMap((m) => [m.first, m.last + 1]))].sort((a, b) => a - b);
  const blocks: MonthRange[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const b = { first: cuts[k]!, last: cuts[k + 1]! - 1 };
    if (months.some((m) => m.first <= b.first && b.last <= m.last)) blocks.push(b);
  }
  const blocksOf = (m: MonthRange) => blocks.map((b, i) => [b, i] as const).filter(([b]) => m.first <= b.first && b.last <= m.last).map(([, i]) => i);
  const areasOf = (code: string) => (code === 'SSS' ? areas.map((_, i) => i) : [areaIndex.get(code)!]);
  const B = blocks.length;
  const vars = areas.length * B * 4;
  const upper: number[] = new Array(vars).fill(PIECE_UPPER);
  const zero = (a: number, b: number) => {
    for (let k = 0; k < 4; k++) upper[(a * B + b) * 4 + k] = 0;
  };

  // Pieces nobody can be in (rule totals-add-up).
  cells.forEach((c, i) => {
    const key = monthsKey(months[i]!);
    if (c.area_code === 'SSS') {
      const listed = new Set(cells.filter((d, j) => d.area_code !== 'SSS' && monthsKey(months[j]!) === key).map((d) => areaIndex.get(d.area_code)!));
      if (listed.size) for (let a = 0; a < areas.length; a++) if (!listed.has(a)) for (const b of blocksOf(months[i]!)) zero(a, b);
    }
    const inner = cells
      .map((_, j) => j)
      .filter((j) => cells[j]!.area_code === c.area_code && relate(months[j]!, months[i]!) === 'inside');
    if (inner.length) {
      const covered = new Set(inner.flatMap((j) => blocksOf(months[j]!)));
      for (const b of blocksOf(months[i]!)) if (!covered.has(b)) for (const a of areasOf(c.area_code)) zero(a, b);
    }
  });

  const pieces = cells.map((c, i) => areasOf(c.area_code).flatMap((a) => blocksOf(months[i]!).map((b) => a * B + b)));
  // A piece counts at most the measured customers of any published row that contains it.
  cells.forEach((c, i) => {
    const cap = c.m ?? fixed.get(i)?.m;
    if (cap === undefined) return;
    for (const p of pieces[i]!) for (let k = 0; k < 4; k++) upper[p * 4 + k] = Math.min(upper[p * 4 + k]!, cap);
  });
  const OFFSET: Record<Category | 'q', number> = { improved: 0, unchanged: 1, worse: 2, q: 3 };
  const expr = (i: number, q: Quantity | 'm'): Term[] => {
    const ks = q === 'n' ? [0, 1, 2] : q === 'm' ? [0, 1, 2, 3] : [OFFSET[q]];
    return pieces[i]!.flatMap((p) => ks.map((k) => ({ v: p * 4 + k, c: 1 }))).filter((t) => upper[t.v]! > 0);
  };

  const constraints: LinearConstraint[] = [];
  const eq = (terms: Term[], value: number) => constraints.push({ terms, lo: value, hi: value });
  cells.forEach((c, i) => {
    constraints.push({ terms: expr(i, 'n'), lo: 1 });
    const f = fixed.get(i);
    if (f) {
      eq(expr(i, 'n'), f.n);
      eq(expr(i, 'm'), f.m);
      for (const k of CATEGORIES) eq(expr(i, k), f[k]);
    }
    if (c.n !== undefined) eq(expr(i, 'n'), c.n);
    if (c.m !== undefined) eq(expr(i, 'm'), c.m);
    for (const s of c.shares ?? []) {
      for (const k of CATEGORIES) {
        const p = s.percent[k];
        constraints.push({ terms: expr(i, k), lo: Math.ceil((s.n * (2 * p - 1)) / 200), hi: Math.floor((s.n * (2 * p + 1) - 1) / 200) });
      }
    }
  });

  const overlapping = (i: number) => {
    const mine = new Set(pieces[i]);
    return cells.map((_, j) => j).filter((j) => pieces[j]!.some((p) => mine.has(p)));
  };
  const sets = pieces.map((p) => new Set(p));
  const contains = (t: number, x: number) => t !== x && sets[x]!.size > 0 && [...sets[x]!].every((p) => sets[t]!.has(p)) && sets[t]!.size > sets[x]!.size;
  const relations = (i: number) => {
    const above = cells.map((_, t) => t).filter((t) => contains(t, i));
    const parents = above.filter((t) => !above.some((u) => u !== t && contains(t, u)));
    const out = new Set<number>(parents);
    for (const t of parents) {
      const inside = cells.map((_, r) => r).filter((r) => r !== i && contains(t, r) && ![...sets[r]!].some((p) => sets[i]!.has(p)));
      for (const r of inside) if (!inside.some((u) => u !== r && contains(u, r))) out.add(r);
    }
    return [...out];
  };
  return { program: { vars, upper, constraints }, expr, overlapping, relations };
}
