/**
 * A brute-force check of what published figures reveal, written independently of the
 * importer's protection audit (no solver, no model): the whole numbers an unknown can take when
 * a few unknowns must satisfy hand-written linear equations and inequalities. Ranges are
 * narrowed by interval reasoning and every candidate value is confirmed by a depth-first search
 * for a complete assignment.
 */

/** Σ coefficient × unknown = value. */
export type Equation = [terms: Record<string, number>, value: number];
/** Σ coefficient × unknown ≤ value. */
export type Inequality = Equation;

type Ranges = Record<string, [number, number]>;

/** Narrows every range until nothing changes; `null` if some range becomes empty. */
function narrow(start: Ranges, equations: readonly Equation[], inequalities: readonly Inequality[]): Ranges | null {
  const r: Ranges = Object.fromEntries(Object.entries(start).map(([k, v]) => [k, [v[0], v[1]]]));
  const rows: [Record<string, number>, number, boolean][] = [...equations.map(([t, v]) => [t, v, true] as [Record<string, number>, number, boolean]), ...inequalities.map(([t, v]) => [t, v, false] as [Record<string, number>, number, boolean])];
  for (let changed = true; changed; ) {
    changed = false;
    for (const [terms, value, equal] of rows) {
      const vars = Object.keys(terms);
      const lo = (v: string) => (terms[v]! > 0 ? terms[v]! * r[v]![0] : terms[v]! * r[v]![1]);
      const hi = (v: string) => (terms[v]! > 0 ? terms[v]! * r[v]![1] : terms[v]! * r[v]![0]);
      const sumLo = vars.reduce((s, v) => s + lo(v), 0);
      const sumHi = vars.reduce((s, v) => s + hi(v), 0);
      if (sumLo > value || (equal && sumHi < value)) return null;
      for (const v of vars) {
        const c = terms[v]!;
        // c·x ≤ value − (Σ lo of the others); for an equation also c·x ≥ value − (Σ hi of the others).
        const maxCx = value - (sumLo - lo(v));
        const minCx = equal ? value - (sumHi - hi(v)) : -Infinity;
        let [a, b] = r[v]!;
        if (c > 0) {
          b = Math.min(b, Math.floor(maxCx / c));
          if (equal) a = Math.max(a, Math.ceil(minCx / c));
        } else {
          a = Math.max(a, Math.ceil(maxCx / c));
          if (equal) b = Math.min(b, Math.floor(minCx / c));
        }
        if (a > b) return null;
        if (a !== r[v]![0] || b !== r[v]![1]) {
          r[v] = [a + 0, b + 0]; // + 0 turns -0 into 0
          changed = true;
        }
      }
    }
  }
  return r;
}

/** Whether some whole-number assignment within `ranges` satisfies everything. */
function exists(ranges: Ranges, equations: readonly Equation[], inequalities: readonly Inequality[]): boolean {
  const r = narrow(ranges, equations, inequalities);
  if (!r) return false;
  let pick: string | undefined;
  for (const [k, [a, b]] of Object.entries(r)) if (a < b && (pick === undefined || b - a < r[pick]![1] - r[pick]![0])) pick = k;
  if (pick === undefined) return true; // every unknown fixed, and narrowing found no contradiction
  const [a, b] = r[pick]!;
  for (let x = a; x <= b; x++) if (exists({ ...r, [pick]: [x, x] }, equations, inequalities)) return true;
  return false;
}

/**
 * The smallest and largest whole number `target` can take over all assignments within `ranges`
 * (both ends included) that satisfy every equation and inequality; `null` if there is none.
 */
export function feasibleRange(ranges: Ranges, equations: readonly Equation[], inequalities: readonly Inequality[], target: string): [number, number] | null {
  const r = narrow(ranges, equations, inequalities);
  if (!r) return null;
  const [a, b] = r[target]!;
  let max: number | undefined;
  for (let x = b; x >= a; x--) {
    if (exists({ ...r, [target]: [x, x] }, equations, inequalities)) {
      max = x;
      break;
    }
  }
  if (max === undefined) return null;
  for (let x = a; x <= max; x++) if (exists({ ...r, [target]: [x, x] }, equations, inequalities)) return [x, max];
  return null;
}

/** The counts out of `n` that a share published in whole percent `percent` (rounded half up) can stand for. */
export function countsForShare(percent: number, n: number): number[] {
  const out: number[] = [];
  for (let c = 0; c <= n; c++) if (Math.floor((100 * c) / n + 0.5) === percent) out.push(c);
  return out;
}
