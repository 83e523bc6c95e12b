/**
 * Decides what to withhold: primary suppression from the counts of each row, the link between
 * dimensions, and then further suppression until the protection audit (`audit.ts`) holds for
 * every instrument × dimension, together with every earlier release.
 *
 * The algorithm, exactly:
 *
 * 1. **Primary.** n = customers_paired. n < 5 → `suppressed` (rule `suppress-n-below-5`);
 *    5 ≤ n < 10 → `shares_suppressed` (`shares-need-n-10`); n ≥ 10 with an improved, unchanged
 *    or worse count of 1–4 → `shares_suppressed` (`category-count-below-5`); otherwise `ok`.
 * 2. **Links.** Rows of one area and period in different dimensions count (nearly) the same
 *    customers: if one is `suppressed`, all are (`linked-dimensions`).
 * 3. **Protection.** For each dimension, in order: audit every withheld count. While one is
 *    exposed (its largest feasible value is under 5), withhold one more thing, the cheapest
 *    that protects it: candidates are the rows of this submission in the relations the exposed
 *    row is in (its smallest totals and their other parts), or, if none is left, every row that
 *    overlaps it or a row that overlaps it; a step withholds a row's shares (ok →
 *    shares_suppressed) or its n (→ suppressed; only this helps an exposed n); the cost is the
 *    row's n (the customers whose figures are lost), then shares before n, then area, period
 *    and line. The first candidate, in that order, after which the exposed count can reach 5 is
 *    taken; if none does alone, the one that raises the count's largest value most (the
 *    cheapest of those) is taken and the search goes on.
 *    Withholding only removes constraints, so counts that were safe stay safe.
 * 4. Steps 2–3 repeat until nothing changes; then a final audit of everything must find nothing.
 */
import { RuleViolation, MIN_COUNT, MIN_N_SHARES } from './rules.ts';
import { auditCells, describeExposure, largestValue, protectedQuantities, InfeasibleError, type Exposure } from './audit.ts';
import { CATEGORIES, buildModel, type Counts, type ModelCell } from './model.ts';
import { monthsKey, periodMonths } from './periods.ts';
import { cellKey, defaultLabel, publishRow, publishedCells } from './publish.ts';
import type { EarlierRow, SubmittedRow } from './checks.ts';
import { optimiseOnce, type Solver } from './solver.ts';
import type { ChangeMeterStatus } from '../../schema/change-meter.ts';

/** A change of a row's status, the rule that made it and why. */
export interface SuppressionNote {
  /** Index of the row in the submitted rows. */
  index: number;
  status: Exclude<ChangeMeterStatus, 'ok'>;
  rule: 'suppress-n-below-5' | 'shares-need-n-10' | 'category-count-below-5' | 'linked-dimensions' | 'protection-interval';
  reason: string;
}

/** The result of {@link suppress}. */
export interface SuppressionResult {
  /** The published status of every row, in input order. */
  status: ChangeMeterStatus[];
  /** Every change of status, in the order the algorithm made it. */
  notes: SuppressionNote[];
}

const RANK: Record<ChangeMeterStatus, number> = { ok: 0, shares_suppressed: 1, suppressed: 2 };

/** Primary status of a row from its counts, and the rule behind it. */
export function primaryStatus(c: Counts): { status: ChangeMeterStatus; rule?: SuppressionNote['rule']; reason?: string } {
  if (c.n < MIN_COUNT) return { status: 'suppressed', rule: 'suppress-n-below-5', reason: `n = ${c.n} paired customers is below ${MIN_COUNT}` };
  if (c.n < MIN_N_SHARES) {
    return { status: 'shares_suppressed', rule: 'shares-need-n-10', reason: `n = ${c.n} paired customers is below ${MIN_N_SHARES}: n and coverage are shown, the shares and the median are withheld` };
  }
  const small = CATEGORIES.filter((k) => c[k] >= 1 && c[k] < MIN_COUNT);
  if (small.length) {
    return {
      status: 'shares_suppressed',
      rule: 'category-count-below-5',
      reason: `${small.map((k) => `${c[k]} ${k}`).join(', ')}: a share would show fewer than ${MIN_COUNT} customers`,
    };
  }
  return { status: 'ok' };
}

/** The counts of a submitted row. */
function countsOf(r: SubmittedRow): Counts {
  return { n: r.row.customers_paired, m: r.row.customers_measured, improved: r.row.customers_improved, unchanged: r.row.customers_unchanged, worse: r.row.customers_worse };
}

/** How messages name a submitted row. */
const rowLabel = (r: SubmittedRow) => `row ${r.line} (${r.row.area_code}, ${r.row.period}, "${r.row.dimension}")`;

/**
 * The cells of one dimension: earlier releases' rows as published then, and this submission's
 * rows under `status`. Returns the cells and each submitted row's cell.
 */
function cellsOf(rows: readonly SubmittedRow[], idx: readonly number[], status: readonly ChangeMeterStatus[], earlier: readonly EarlierRow[]) {
  const labels = new Map(idx.map((i) => [cellKey(rows[i]!.row), rowLabel(rows[i]!)]));
  const published = [...earlier.map((e) => e.row), ...idx.map((i) => publishRow(rows[i]!.row, status[i]!))];
  const { cells, index } = publishedCells(published, (r) => labels.get(cellKey(r)) ?? `${defaultLabel(r)} (published earlier)`);
  return { cells, cellOf: idx.map((i) => index.get(cellKey(rows[i]!.row))!) };
}

/**
 * Candidate cells to protect cell `c`: first those of the relations it is in (its smallest
 * totals and their other parts), then every cell that overlaps it or a cell that overlaps it.
 */
function candidates(cells: readonly ModelCell[], c: number): [Set<number>, Set<number>] {
  const model = buildModel(cells);
  const near = new Set(model.relations(c));
  const wide = new Set(model.overlapping(c).flatMap((d) => model.overlapping(d)));
  return [near, wide];
}

/**
 * Applies the suppression rules to the rows of one instrument and returns every row's status.
 * `earlier` are the rows of every earlier release of the instrument; `file` names the
 * submission in the refusal that no suppression can avoid.
 */
export function suppress(rows: readonly SubmittedRow[], earlier: readonly EarlierRow[], solver: Solver, file: string): SuppressionResult {
  const status: ChangeMeterStatus[] = [];
  const notes: SuppressionNote[] = [];
  rows.forEach((r, index) => {
    const p = primaryStatus(countsOf(r));
    status.push(p.status);
    if (p.rule) notes.push({ index, status: p.status as Exclude<ChangeMeterStatus, 'ok'>, rule: p.rule, reason: p.reason! });
  });
  const set = (i: number, s: Exclude<ChangeMeterStatus, 'ok'>, rule: SuppressionNote['rule'], reason: string) => {
    if (RANK[s] <= RANK[status[i]!]) return false;
    status[i] = s;
    notes.push({ index: i, status: s, rule, reason });
    return true;
  };

  const dimensions = [...new Set(rows.map((r) => r.row.dimension))];
  const byDimension = new Map(dimensions.map((d) => [d, rows.map((_, i) => i).filter((i) => rows[i]!.row.dimension === d)]));
  const earlierOf = new Map(dimensions.map((d) => [d, earlier.filter((e) => e.row.dimension === d)]));
  const linkKey = (r: SubmittedRow) => [r.row.area_code, monthsKey(periodMonths(r.row.period)!)].join('\u0000');

  const applyLinks = () => {
    let changed = false;
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => groups.set(linkKey(r), [...(groups.get(linkKey(r)) ?? []), i]));
    for (const list of groups.values()) {
      const withheld = list.find((i) => status[i] === 'suppressed');
      if (withheld === undefined) continue;
      for (const i of list) {
        changed = set(i, 'suppressed', 'linked-dimensions', `the same customers' n is withheld in another dimension (${rowLabel(rows[withheld]!)}); showing n here would show theirs`) || changed;
      }
    }
    return changed;
  };

  const protect = (dimension: string) => {
    const idx = byDimension.get(dimension)!;
    const before = earlierOf.get(dimension)!;
    let changed = false;
    let { cells, cellOf } = cellsOf(rows, idx, status, before);
    let exposures = audit(cells, solver, undefined, idx, rows, file);
    while (exposures.length) {
      const e = exposures[0]!;
      const [near, wide] = candidates(cells, e.cell);
      const stepsWithin = (allowed: Set<number>) => {
        const steps: { i: number; to: 'shares_suppressed' | 'suppressed' }[] = [];
        idx.forEach((i, k) => {
          if (!allowed.has(cellOf[k]!)) return;
          if (status[i] === 'ok' && e.quantity !== 'n') steps.push({ i, to: 'shares_suppressed' });
          if (status[i] !== 'suppressed') steps.push({ i, to: 'suppressed' });
        });
        const cost = (s: { i: number }) => rows[s.i]!.row.customers_paired;
        return steps.sort(
          (a, b) =>
            cost(a) - cost(b) ||
            RANK[a.to] - RANK[b.to] ||
            (rows[a.i]!.row.area_code < rows[b.i]!.row.area_code ? -1 : rows[a.i]!.row.area_code > rows[b.i]!.row.area_code ? 1 : 0) ||
            a.i - b.i,
        );
      };
      const nearSteps = stepsWithin(near);
      const steps = nearSteps.length ? nearSteps : stepsWithin(wide);
      if (!steps.length) {
        const cell = cells[e.cell]!;
        throw new RuleViolation(
          'protection-interval',
          { file, row: rowOfCell(e.cell, cellOf, idx, rows) ?? 1, field: 'customers_paired' },
          `${describeExposure(e, cells)}, and withholding more of this file cannot change that: earlier releases already published the figures that pin it (${cell.label}). Submit the instrument's table with the periods and areas of the earlier release`,
        );
      }
      // The first step after which the count can reach 5; if none does alone, the one that
      // raises its largest value most (the cheapest of those).
      let chosen = steps[0]!;
      let best = e.max;
      for (const s of steps) {
        const saved = status[s.i]!;
        status[s.i] = s.to;
        const trial = cellsOf(rows, idx, status, before).cells;
        status[s.i] = saved;
        const max = guard(() => largestValue(trial, solver, e.cell, e.quantity), idx, rows, file);
        if (max >= MIN_COUNT) {
          chosen = s;
          break;
        }
        if (max > best) {
          best = max;
          chosen = s;
        }
      }
      set(chosen.i, chosen.to, 'protection-interval', `otherwise ${describeExposure(e, cells)}`);
      changed = true;
      ({ cells, cellOf } = cellsOf(rows, idx, status, before));
      const touched = new Set([...exposures.map((x) => x.cell), cellOf[idx.indexOf(chosen.i)]!]);
      exposures = audit(cells, solver, protectedQuantities(cells).filter((p) => touched.has(p.cell)), idx, rows, file);
    }
    return changed;
  };

  // A dimension is audited again only when a link changed one of its rows since its last audit.
  applyLinks();
  const dirty = new Set(dimensions);
  for (let round = 0; dirty.size; round++) {
    if (round > rows.length * 3) throw new Error('internal error: suppression did not settle');
    for (const d of dimensions) {
      if (!dirty.has(d)) continue;
      dirty.delete(d);
      protect(d);
    }
    const before = status.slice();
    applyLinks();
    status.forEach((s, i) => {
      if (s !== before[i]) dirty.add(rows[i]!.row.dimension);
    });
  }

  for (const d of dimensions) {
    const { cells } = cellsOf(rows, byDimension.get(d)!, status, earlierOf.get(d)!);
    const left = audit(cells, solver, undefined, byDimension.get(d)!, rows, file);
    if (left.length) throw new Error(`internal error: ${describeExposure(left[0]!, cells)} after suppression`);
  }
  return { status, notes };
}

function rowOfCell(cell: number, cellOf: readonly number[], idx: readonly number[], rows: readonly SubmittedRow[]): number | undefined {
  const k = cellOf.indexOf(cell);
  return k >= 0 ? rows[idx[k]!]!.line : undefined;
}

/** The audit, with contradictory figures turned into a refusal that names the dimension. */
function audit(cells: ModelCell[], solver: Solver, which: Parameters<typeof auditCells>[2], idx: readonly number[], rows: readonly SubmittedRow[], file: string): Exposure[] {
  return guard(() => auditCells(cells, solver, which), idx, rows, file);
}

/** Runs `fn`, turning figures that contradict each other into a refusal that names the dimension. */
function guard<T>(fn: () => T, idx: readonly number[], rows: readonly SubmittedRow[], file: string): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof InfeasibleError)) throw err;
    const first = rows[idx[0]!]!;
    throw new RuleViolation(
      'published-figures-stay',
      { file, row: first.line, field: 'customers_paired' },
      `the figures of "${first.row.dimension}" do not fit together with what earlier releases published (no set of counts fits both); a published figure cannot be changed`,
    );
  }
}

/**
 * Checks that the submitted counts of one instrument fit the figures earlier releases published
 * and the rule that totals add up, as one system (the direct checks of `checks.ts` name the row
 * in the common cases; this catches every other contradiction).
 */
export function checkFits(rows: readonly SubmittedRow[], earlier: readonly EarlierRow[], solver: Solver, file: string): void {
  for (const d of new Set(rows.map((r) => r.row.dimension))) {
    const idx = rows.map((_, i) => i).filter((i) => rows[i]!.row.dimension === d);
    const status = rows.map(() => 'suppressed' as ChangeMeterStatus);
    const { cells, cellOf } = cellsOf(rows, idx, status, earlier.filter((e) => e.row.dimension === d));
    const fixed = new Map(idx.map((i, k) => [cellOf[k]!, countsOf(rows[i]!)]));
    const model = buildModel(cells, fixed);
    if (optimiseOnce(solver, model.program, [], 'max').status === 'infeasible') {
      const first = rows[idx[0]!]!;
      throw new RuleViolation(
        earlier.length ? 'published-figures-stay' : 'totals-add-up',
        { file, row: first.line, field: 'customers_paired' },
        `the counts of "${d}" do not fit together${earlier.length ? ' with what earlier releases published' : ''}: no set of customers gives them all (a whole-country row is the sum of its area rows, a period the sum of the periods inside it)`,
      );
    }
  }
}
