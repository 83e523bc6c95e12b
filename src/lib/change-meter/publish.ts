/**
 * What a published row shows: the figures a status lets through, computed from the submitted
 * counts and rounded to whole percent; the check of a published row; the published rows as
 * cells of the protection audit; and the CSV text of a published file.
 */
import { writeCsv } from '../csv.ts';
import { MIN_COUNT, MIN_N_SHARES } from './rules.ts';
import { CATEGORIES, wholePercent, type ModelCell } from './model.ts';
import { comparePeriods, monthsKey, periodMonths } from './periods.ts';
import {
  CHANGE_METER_LABEL_COLUMNS,
  CHANGE_METER_PUBLISHED_COLUMNS,
  SHARES_SUPPRESSED_COLUMNS,
  SUPPRESSED_COLUMNS,
  type ChangeMeterPublishedRow,
  type ChangeMeterRow,
  type ChangeMeterStatus,
} from '../../schema/change-meter.ts';

/** How far the three published shares may add up from 1: each is rounded to whole percent (3 × 0.005). */
const SHARES_TOLERANCE = 0.015;

/** The figures of a submitted row as published under `status`: shares and coverage in whole percent, withheld cells `null`. */
export function publishRow(row: ChangeMeterRow, status: ChangeMeterStatus): ChangeMeterPublishedRow {
  const n = row.customers_paired;
  const out: ChangeMeterPublishedRow = {
    ...(Object.fromEntries(CHANGE_METER_LABEL_COLUMNS.map((c) => [c, row[c]])) as Pick<ChangeMeterRow, (typeof CHANGE_METER_LABEL_COLUMNS)[number]>),
    customers_paired: n,
    customers_measured: row.customers_measured,
    coverage_rate: wholePercent(n, row.customers_measured) / 100,
    share_improved: wholePercent(row.customers_improved, n) / 100,
    share_unchanged: wholePercent(row.customers_unchanged, n) / 100,
    share_worse: wholePercent(row.customers_worse, n) / 100,
    median_change: row.median_change,
    status,
  };
  const empty: readonly string[] = status === 'suppressed' ? SUPPRESSED_COLUMNS : status === 'shares_suppressed' ? SHARES_SUPPRESSED_COLUMNS : [];
  for (const c of empty) (out as Record<string, unknown>)[c] = null;
  return out;
}

/** The field name the shares check points at. */
const SHARES_FIELD = 'share_improved + share_unchanged + share_worse';

/**
 * Checks one published row: the withheld cells are exactly those its status withholds, and the
 * thresholds hold (`ok` needs n ≥ 10 and no share that stands for 1–4 customers,
 * `shares_suppressed` n ≥ 5). Returns the problem and its field, or `null`.
 */
export function checkPublishedRow(row: ChangeMeterPublishedRow): { field: string; problem: string } | null {
  const mustBeEmpty: readonly string[] = row.status === 'suppressed' ? SUPPRESSED_COLUMNS : row.status === 'shares_suppressed' ? SHARES_SUPPRESSED_COLUMNS : [];
  const values = row as Record<string, unknown>;
  for (const c of SUPPRESSED_COLUMNS) {
    const empty = values[c] === null;
    if (mustBeEmpty.includes(c) && !empty) return { field: c, problem: `a ${row.status} row must leave ${c} empty` };
    if (!mustBeEmpty.includes(c) && empty) return { field: c, problem: `a ${row.status} row must have ${c}` };
  }
  const n = row.customers_paired;
  if (n === null) return null;
  if (row.status === 'ok' && n < MIN_N_SHARES) return { field: 'customers_paired', problem: `an ok row needs n ≥ ${MIN_N_SHARES}, found ${n}` };
  if (n < MIN_COUNT) return { field: 'customers_paired', problem: `a published n must be at least ${MIN_COUNT}, found ${n}` };
  if (row.customers_measured !== null && n > row.customers_measured) {
    return { field: 'customers_paired', problem: `customers_paired ${n} is larger than customers_measured ${row.customers_measured}` };
  }
  if (row.customers_measured !== null && row.coverage_rate !== null && Math.round(row.coverage_rate * 100) !== wholePercent(n, row.customers_measured)) {
    return { field: 'coverage_rate', problem: `coverage_rate ${row.coverage_rate} is not ${n}/${row.customers_measured} in whole percent` };
  }
  if (row.share_improved !== null && row.share_unchanged !== null && row.share_worse !== null) {
    const sum = row.share_improved + row.share_unchanged + row.share_worse;
    if (!(Math.abs(sum - 1) <= SHARES_TOLERANCE + 1e-9)) return { field: SHARES_FIELD, problem: `the shares add up to ${Number(sum.toFixed(4))}, not 1` };
    for (const c of CATEGORIES) {
      const p = Math.round(row[`share_${c}`]! * 100);
      // The counts a share in whole percent of n can stand for (rounded half up).
      const lo = Math.ceil((n * (2 * p - 1)) / 200);
      const hi = Math.floor((n * (2 * p + 1) - 1) / 200);
      if (lo > hi) return { field: `share_${c}`, problem: `${p} % of ${n} is no whole number of customers` };
      if (lo >= 1 && hi < MIN_COUNT) return { field: `share_${c}`, problem: `${p} % of ${n} customers is ${lo === hi ? lo : `${lo}–${hi}`} customers, under ${MIN_COUNT}` };
    }
  }
  return null;
}

/**
 * The published rows of one instrument × dimension (from one or several releases) as cells of the
 * protection audit: one cell per area × months, with every figure any release published.
 */
export function publishedCells(rows: readonly ChangeMeterPublishedRow[], label: (row: ChangeMeterPublishedRow) => string = defaultLabel): { cells: ModelCell[]; index: Map<string, number> } {
  const cells: ModelCell[] = [];
  const index = new Map<string, number>();
  for (const r of rows) {
    const key = cellKey(r);
    let i = index.get(key);
    if (i === undefined) {
      i = cells.length;
      index.set(key, i);
      cells.push({ area_code: r.area_code, period: r.period, label: label(r) });
    }
    const c = cells[i]!;
    if (r.customers_paired !== null) c.n = r.customers_paired;
    if (r.customers_measured !== null) c.m = r.customers_measured;
    if (r.customers_paired !== null && r.share_improved !== null && r.share_unchanged !== null && r.share_worse !== null) {
      (c.shares ??= []).push({
        n: r.customers_paired,
        percent: { improved: Math.round(r.share_improved * 100), unchanged: Math.round(r.share_unchanged * 100), worse: Math.round(r.share_worse * 100) },
      });
    }
  }
  return { cells, index };
}

/** The key of a cell: area, dimension and the months of the period. */
export function cellKey(r: Pick<ChangeMeterPublishedRow, 'area_code' | 'dimension' | 'period'>): string {
  return [r.area_code, r.dimension, monthsKey(periodMonths(r.period)!)].join('\u0000');
}

/** How audit messages name a published row: `TA01 2025 "Työllistyvyys"`. */
export function defaultLabel(r: Pick<ChangeMeterPublishedRow, 'area_code' | 'period' | 'dimension'>): string {
  return `${r.area_code} ${r.period} "${r.dimension}"`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const areaOrder = (a: string) => (a === 'SSS' ? '' : a);

/** Published order: dimension, period (longer first), whole country first, then areas. */
export function comparePublished(a: ChangeMeterPublishedRow, b: ChangeMeterPublishedRow): number {
  return cmp(a.dimension, b.dimension) || comparePeriods(a.period, b.period) || cmp(areaOrder(a.area_code), areaOrder(b.area_code));
}

/** The CSV text of a published file. */
export function publishedCsv(rows: readonly ChangeMeterPublishedRow[]): string {
  return writeCsv(
    CHANGE_METER_PUBLISHED_COLUMNS,
    rows.map((r) => CHANGE_METER_PUBLISHED_COLUMNS.map((c) => r[c])),
  );
}
