/**
 * Derive steps on the table of source cells: restating merged municipalities onto the current
 * division, choosing one value where parts overlap, and aggregating municipalities into
 * employment areas and regions. Each step is a pure `Table → Table` function of Arquero verbs;
 * values come in through `params`, never through closures. Lookups go through params objects
 * rather than joins, because Arquero's hash joins are slow on a million rows.
 *
 * Cell columns: source, part, updated, area, period, code, dims, value, status
 * (`ok` | `suppressed` | `lower_bound`).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { periodDate } from '../periods.ts';
import { on } from './join.ts';

// `op` is typed loosely so that functions registered with aq.addFunction type-check; Arquero
// recognises `op.<name>` in the callbacks' source.
const op: any = aq.op;

/** Parent of a municipality at a period, from its dated key rows `[from, to, parent][]`. */
function keyParent(rows: [string, string, string][] | undefined, period: string): string | null {
  if (!rows) return null;
  const date = periodDate(period);
  for (const [from, to, parent] of rows) if (date >= from && (to === '' || date <= to)) return parent;
  return null;
}
aq.addFunction('key_parent', keyParent, { override: true });

const CELL_COLUMNS = ['source', 'part', 'updated', 'area', 'period', 'code', 'dims', 'value', 'status'] as const;

/** A municipality that merged into another, and from when. */
export interface Merger {
  from: string;
  to: string;
  /** First day of the new division (`YYYY-MM-DD`). */
  date: string;
}

/** Sources and codes whose counts may be summed across municipalities. */
export interface Additivity {
  sources: readonly string[];
  nonAdditiveCodes: readonly string[];
}

const lookup = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, true]));

/**
 * Restates cells onto the current municipal division.
 *
 * - Additive codes of additive sources: a merged municipality's cells are added into its
 *   successor, within the same part and period. The result is `lower_bound` if some input was
 *   suppressed. A part that has the old municipality but not its successor gives no value.
 * - Other cells (rates, and counts of sources where a person can be counted twice): the merged
 *   municipality's cells are dropped, and so are the successor's cells in periods where the same
 *   part still has the merged municipality (they describe the old, smaller territory).
 */
export function restateMergers(cells: ColumnTable, mergers: readonly Merger[], additive: Additivity): ColumnTable {
  if (mergers.length === 0) return cells;
  const successorOf = Object.fromEntries(mergers.map((m) => [m.from, m.to]));
  const involved = lookup([...mergers.map((m) => m.from), ...mergers.map((m) => m.to)]);
  const params = { successorOf, involved, additiveSources: lookup(additive.sources), rates: lookup(additive.nonAdditiveCodes) };
  const withParams = cells.params(params) as ColumnTable;
  // Only rows of municipalities involved in a merger need work; the rest pass through.
  const rest = withParams.filter((d: any, $: any) => !$.involved[d.area]);
  const groups = withParams
    .filter((d: any, $: any) => $.involved[d.area])
    .derive({
      merged: (d: any, $: any) => $.successorOf[d.area] != null,
      target: (d: any, $: any) => ($.successorOf[d.area] != null ? $.successorOf[d.area] : d.area),
      additive: (d: any, $: any) => $.additiveSources[d.source] === true && $.rates[d.code] !== true,
    })
    .groupby('source', 'part', 'target', 'period', 'code', 'dims')
    .derive({ hasMerged: (d: any) => op.sum(d.merged ? 1 : 0), hasSuccessor: (d: any) => op.sum(d.merged ? 0 : 1) })
    .ungroup();
  const untouched = groups.filter((d: any) => d.hasMerged === 0).select(CELL_COLUMNS);
  const summed = groups
    .filter((d: any) => d.hasMerged > 0 && d.hasSuccessor > 0 && d.additive)
    .groupby('source', 'part', 'updated', 'target', 'period', 'code', 'dims')
    .rollup({
      value: (d: any) => op.sum(d.value),
      n: op.count(),
      nsup: (d: any) => op.sum(d.status === 'suppressed' ? 1 : 0),
      nlb: (d: any) => op.sum(d.status === 'lower_bound' ? 1 : 0),
    })
    .derive({ status: (d: any) => (d.nsup === d.n ? 'suppressed' : d.nsup + d.nlb > 0 ? 'lower_bound' : 'ok') })
    .derive({ value: (d: any) => (d.status === 'suppressed' ? null : d.value) })
    .rename({ target: 'area' })
    .select(CELL_COLUMNS);
  return rest.concat(untouched, summed);
}

/**
 * Keeps one value per source, area, period, code and dims: the one from the part the source
 * updated most recently (an unknown date counts as oldest; ties go to the later part name).
 * Returns the chosen cells and the conflicts (same cell, different values) for the change report.
 */
export function resolveOverlaps(cells: ColumnTable, keys: readonly string[] = ['source', 'area', 'period', 'code', 'dims']): {
  cells: ColumnTable;
  conflicts: ColumnTable;
} {
  const counted = cells.groupby(...keys).derive({ parts: op.count() });
  const singles = counted.filter((d: any) => d.parts === 1).ungroup().select(aq.not('parts'));
  const multi = counted.filter((d: any) => d.parts > 1);
  const noConflicts = aq.table({ ...Object.fromEntries(keys.map((k) => [k, []])), chosen: [], values: [], parts: [] });
  if (multi.numRows() === 0) return { cells: singles, conflicts: noConflicts };
  const ranked = multi
    .orderby(aq.desc('updated'), aq.desc('part'))
    .derive({ pick: op.row_number(), values: (d: any) => op.distinct(d.status + ':' + d.value) })
    .ungroup();
  const conflicts = ranked
    .filter((d: any) => d.values > 1)
    .groupby(...keys)
    .rollup({
      chosen: (d: any) => op.min(d.pick === 1 ? d.part : null),
      values: (d: any) => op.array_agg_distinct(d.value),
      parts: (d: any) => op.array_agg(d.part),
    });
  const chosen = ranked.filter((d: any) => d.pick === 1).select(aq.not('pick', 'values', 'parts')).unorder();
  return { cells: singles.concat(chosen), conflicts };
}

/** One row of the area key (see `src/schema/area.ts`). */
export interface KeyRow {
  municipality: string;
  area: string;
  level: 'employment_area' | 'region';
  valid_from: string;
  valid_to: string;
}

/**
 * The key as a lookup `municipality → [from, to, parent][]` for one level. A municipality's
 * first row is extended back in time: older data are restated onto the current areas' territory.
 */
export function keyLookup(key: readonly KeyRow[], level: KeyRow['level']): Record<string, [string, string, string][]> {
  const out: Record<string, [string, string, string][]> = {};
  const rows = key.filter((k) => k.level === level).sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  for (const k of rows) {
    const list = (out[k.municipality] ??= []);
    list.push([list.length === 0 ? '0000-01-01' : k.valid_from, k.valid_to, k.area]);
  }
  return out;
}

/** How many municipalities each parent has at each of the given periods. */
export function memberCounts(key: Record<string, [string, string, string][]>, periods: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of periods) {
    for (const rows of Object.values(key)) {
      const parent = keyParent(rows, p);
      if (parent) out[`${parent}|${p}`] = (out[`${parent}|${p}`] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * Sums municipality cells into their parents (employment areas or regions) for additive codes of
 * additive sources. A parent gets a value only when every member municipality has a cell
 * (a value or a suppressed mark); with suppressed members the sum is a `lower_bound`, and if all
 * members are suppressed the parent is `suppressed`. Parents the source publishes itself are
 * not overwritten (the source's own figure wins).
 */
export function aggregateToParents(
  cells: ColumnTable,
  key: Record<string, [string, string, string][]>,
  expected: Record<string, number>,
  additive: Additivity,
): ColumnTable {
  const params = { key, expected, additiveSources: lookup(additive.sources), rates: lookup(additive.nonAdditiveCodes) };
  const sums = (cells.params(params) as ColumnTable)
    .filter((d: any, $: any) => $.additiveSources[d.source] === true && $.rates[d.code] !== true && $.key[d.area] != null)
    .derive({ parent: (d: any, $: any) => op.key_parent($.key[d.area], d.period) })
    .filter((d: any) => d.parent != null)
    .groupby('source', 'parent', 'period', 'code', 'dims')
    .rollup({
      value: (d: any) => op.sum(d.value),
      updated: (d: any) => op.max(d.updated),
      n: op.count(),
      nsup: (d: any) => op.sum(d.status === 'suppressed' ? 1 : 0),
      nlb: (d: any) => op.sum(d.status === 'lower_bound' ? 1 : 0),
    })
    .filter((d: any, $: any) => d.n === $.expected[d.parent + '|' + d.period])
    .derive({
      status: (d: any) => (d.nsup === d.n ? 'suppressed' : d.nsup + d.nlb > 0 ? 'lower_bound' : 'ok'),
      part: () => 'aggregated',
    })
    .derive({ value: (d: any) => (d.status === 'suppressed' ? null : d.value) })
    .rename({ parent: 'area' })
    .select(CELL_COLUMNS);
  // The source's own rows for a parent take precedence over the portal's sums.
  const parents = lookup(Object.values(key).flatMap((rows) => rows.map((r) => r[2])));
  const own = (cells.params({ parents }) as ColumnTable).filter((d: any, $: any) => $.parents[d.area] === true);
  return sums.antijoin(own, on('source', 'area', 'period', 'code', 'dims'));
}

/**
 * Indexes a table by two columns once, and returns a function that makes the sub-table of the
 * given (a, b) pairs. Used to hand each indicator only its own sources and codes instead of
 * filtering the whole cell table once per indicator.
 */
export function indexBy(table: ColumnTable, a: string, b: string): (pairs: readonly (readonly [string, string])[]) => ColumnTable {
  const names = table.columnNames();
  const arrays = names.map((n) => table.array(n) as unknown[]);
  const colA = table.array(a) as string[];
  const colB = table.array(b) as string[];
  const index = new Map<string, number[]>();
  for (let i = 0; i < colA.length; i++) {
    const k = `${colA[i]}\u0000${colB[i]}`;
    let list = index.get(k);
    if (!list) index.set(k, (list = []));
    list.push(i);
  }
  return (pairs) => {
    const rows = pairs.flatMap(([x, y]) => index.get(`${x}\u0000${y}`) ?? []);
    return aq.table(Object.fromEntries(names.map((n, k) => [n, rows.map((i) => arrays[k]![i])])));
  };
}
