/**
 * Privacy rules for publishing change-meter aggregates (domain.md §6, built on Statistics
 * Finland's confidentiality principles), as pure functions. The importer
 * (`scripts/import-change-meter.ts`) and the site's loader (`src/data/change-meter.ts`) both use
 * them; `data/change-meter/README.md` explains them to the analysts who submit files.
 *
 * Two kinds of rule:
 *
 * - **Refusal rules** must hold in the submitted file (right level, consistent counts, shares that
 *   add up, no extra columns, one row per cell…). A file that breaks one is refused as a whole
 *   with a {@link RuleViolation} naming the rule, the file, the row and the field: nothing is
 *   published, nothing is "fixed" silently.
 * - **Suppression rules** can be satisfied by withholding figures (n < 5, n < 10 for shares,
 *   complementary suppression). {@link suppress} applies them and says what it withheld and why.
 *
 * No I/O here, and nothing but the pure helpers of `src/lib`: the same rules can run in a browser.
 */
import { InputError, type InputLocation } from './errors.ts';
import {
  SHARES_SUPPRESSED_COLUMNS,
  SUPPRESSED_COLUMNS,
  type ChangeMeterPublishedRow,
  type ChangeMeterRow,
  type ChangeMeterStatus,
} from '../schema/change-meter.ts';

/** Below this many paired customers a row is not published at all. */
export const MIN_N_PUBLISH = 5;
/** Below this many paired customers the shares and the median are withheld (n and coverage shown). */
export const MIN_N_SHARES = 10;
/** How far `coverage_rate` may be from `customers_paired / customers_measured` (rounding). */
export const COVERAGE_TOLERANCE = 0.001;
/** How far the three shares may add up from 1 (each rounded to two decimals: 3 × 0.005, plus float slack). */
export const SHARES_TOLERANCE = 0.011;

/** The advice every small-n message ends with: merging periods beats withholding figures. */
export const MERGE_ADVICE =
  'Prefer merging periods to losing figures: submit a rolling 12-month window (e.g. 2024-07/2025-06) or a whole year instead of quarters, so that each row counts more customers.';

/** The rules, by id. The ids appear in messages, in the manifest and in the README. */
export const RULES = {
  'file-format': {
    kind: 'refuse',
    title: 'the file is UTF-8 without a byte-order mark, comma-separated, with the documented header',
  },
  'no-extra-columns': {
    kind: 'refuse',
    title: 'never cross-tabulate change with other attributes: only the documented columns are accepted',
  },
  'field-format': { kind: 'refuse', title: 'every field is present and has the documented form' },
  'area-level': { kind: 'refuse', title: 'employment-area or national level only, never a municipality, region or provider' },
  'known-area': { kind: 'refuse', title: 'the area code is an employment area of data/reference or SSS' },
  'paired-measurements-only': {
    kind: 'refuse',
    title: 'change is computed only for customers with both a first and a follow-up measurement: customers_paired is required, at most customers_measured, and the n of every share',
  },
  'coverage-consistent': { kind: 'refuse', title: 'coverage_rate = customers_paired / customers_measured (±0.001)' },
  'shares-add-up': { kind: 'refuse', title: 'share_improved + share_unchanged + share_worse = 1 (±0.011)' },
  'one-row-per-cell': {
    kind: 'refuse',
    title: 'one row per area × period × instrument × dimension (periods covering the same months are the same period)',
  },
  'one-version-per-group': {
    kind: 'refuse',
    title: 'all rows of one instrument × dimension × period use the same instrument_version and scale',
  },
  'distinct-instrument-files': { kind: 'refuse', title: 'different instruments have different file names (slugs)' },
  'suppress-n-below-5': { kind: 'suppress', title: 'a row with fewer than 5 paired customers is not published' },
  'shares-need-n-10': {
    kind: 'suppress',
    title: 'shares and the median need at least 10 paired customers; with 5–9 only n and coverage are shown',
  },
  'complementary-suppression': {
    kind: 'suppress',
    title: 'no withheld figure may be recoverable by subtraction from a total and the other published rows',
  },
} as const satisfies Record<string, { kind: 'refuse' | 'suppress'; title: string }>;
export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** An input that breaks a named rule. The message starts with file, row and field, then the rule. */
export class RuleViolation extends InputError {
  readonly rule: RuleId;
  constructor(rule: RuleId, location: InputLocation, problem: string) {
    super(location, `breaks rule "${rule}" (${RULES[rule].title}): ${problem}`);
    this.rule = rule;
  }
}

// ---------------------------------------------------------------------------------------------
// Refusal rules of one row

/**
 * Rules `area-level` and `known-area`: the whole country `SSS` or an employment area listed in
 * `knownAreas` (TA01–TA46 of data/reference). Municipalities, regions, providers and anything
 * else are refused with a message that says what to do instead.
 */
export function checkAreaLevel(code: string, knownAreas: ReadonlySet<string>, at: InputLocation): void {
  const loc = { ...at, field: 'area_code' };
  if (code === 'SSS') return;
  if (/^TA\d{2}$/.test(code)) {
    if (knownAreas.has(code)) return;
    throw new RuleViolation('known-area', loc, `${code} is not an employment area of data/reference (TA01–TA46)`);
  }
  const what = /^KU\d{3}$/.test(code)
    ? 'a municipality code'
    : /^MK\d{2}$/.test(code)
      ? 'a region code'
      : /^(SK|ELY)\d+$/.test(code)
        ? 'a sub-regional or ELY code'
        : 'not an area code (a provider, an office or a typing error?)';
  throw new RuleViolation(
    'area-level',
    loc,
    `${JSON.stringify(code.slice(0, 40))} is ${what}; change-meter results are published only for employment areas (TA01–TA46) and the whole country (SSS). Add the customers to their employment area's row instead of submitting smaller units.`,
  );
}

/** Rule `paired-measurements-only`: the n of the row is the paired count and cannot exceed the measured. */
export function checkPairedOnly(row: Pick<ChangeMeterRow, 'customers_paired' | 'customers_measured'>, at: InputLocation): void {
  if (row.customers_paired > row.customers_measured) {
    throw new RuleViolation(
      'paired-measurements-only',
      { ...at, field: 'customers_paired' },
      `customers_paired ${row.customers_paired} is larger than customers_measured ${row.customers_measured}; paired customers are those of the measured customers who also have a follow-up measurement`,
    );
  }
}

/** Rule `coverage-consistent`: the coverage rate agrees with the two counts. */
export function checkCoverage(
  row: Pick<ChangeMeterRow, 'customers_paired' | 'customers_measured' | 'coverage_rate'>,
  at: InputLocation,
): void {
  const expected = row.customers_paired / row.customers_measured;
  if (!(Math.abs(row.coverage_rate - expected) <= COVERAGE_TOLERANCE + 1e-9)) {
    throw new RuleViolation(
      'coverage-consistent',
      { ...at, field: 'coverage_rate' },
      `coverage_rate ${row.coverage_rate} does not match customers_paired / customers_measured = ${row.customers_paired}/${row.customers_measured} = ${expected.toFixed(3)} (a share from 0 to 1, rounding tolerance ${COVERAGE_TOLERANCE})`,
    );
  }
}

/** The field name the shares rule points at. */
export const SHARES_FIELD = 'share_improved + share_unchanged + share_worse';

/** Rule `shares-add-up`: improved + unchanged + worse = 1, within rounding. */
export function checkSharesAddUp(
  row: Pick<ChangeMeterRow, 'share_improved' | 'share_unchanged' | 'share_worse'>,
  at: InputLocation,
): void {
  const sum = row.share_improved + row.share_unchanged + row.share_worse;
  if (!(Math.abs(sum - 1) <= SHARES_TOLERANCE + 1e-9)) {
    throw new RuleViolation(
      'shares-add-up',
      { ...at, field: SHARES_FIELD },
      `the shares add up to ${Number(sum.toFixed(6))}, not 1 (tolerance ${SHARES_TOLERANCE}); every paired customer improved, stayed or got worse, and the shares are of the paired customers`,
    );
  }
}

/**
 * Rule `paired-measurements-only`, for the shares: each share × customers_paired must be a whole
 * number of customers, within the rounding of a share to two decimals (± 0.005 × n). Shares
 * computed over customers_measured, or over another n, fail this unless n is large (from
 * n = 100 on, every share passes: the check cannot tell any more).
 */
export function checkSharesOfPaired(
  row: Pick<ChangeMeterRow, 'customers_paired' | 'share_improved' | 'share_unchanged' | 'share_worse'>,
  at: InputLocation,
): void {
  const n = row.customers_paired;
  for (const field of ['share_improved', 'share_unchanged', 'share_worse'] as const) {
    const customers = row[field] * n;
    if (Math.abs(customers - Math.round(customers)) > 0.005 * n + 1e-9) {
      throw new RuleViolation(
        'paired-measurements-only',
        { ...at, field },
        `${field} ${row[field]} × customers_paired ${n} = ${Number(customers.toFixed(3))} customers, not a whole number: the shares must be of the paired customers (not of customers_measured), rounded to at least two decimals`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Periods as month ranges

/** A period as its first and last month, counted as year × 12 + month − 1 (both included). */
export interface MonthRange {
  first: number;
  last: number;
}

/**
 * The months a period covers: `2025` → Jan–Dec 2025, `2025-Q3` → Jul–Sep, `2024-07/2025-06`
 * → Jul 2024–Jun 2025. `null` if the text is not a period or a window ends before it starts.
 */
export function periodMonths(period: string): MonthRange | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { first: +m[1]! * 12, last: +m[1]! * 12 + 11 };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const first = +m[1]! * 12 + (+m[2]! - 1) * 3;
    return { first, last: first + 2 };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])\/(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) {
    const first = +m[1]! * 12 + +m[2]! - 1;
    const last = +m[3]! * 12 + +m[4]! - 1;
    return last >= first ? { first, last } : null;
  }
  return null;
}

/** Number of months of a period (12 for a year), or `null`. */
export function periodLength(period: string): number | null {
  const r = periodMonths(period);
  return r ? r.last - r.first + 1 : null;
}

// ---------------------------------------------------------------------------------------------
// Suppression

/** What the suppression rules need to know of a row. */
export interface SuppressionCell {
  area_code: string;
  period: string;
  instrument: string;
  dimension: string;
  /** The n of the row (paired customers). */
  customers_paired: number;
  /** How messages name the row, e.g. `row 5 (TA03, 2025, Skills)`; defaults to area, period and dimension. */
  label?: string;
}

/** A cell of the audit: the same, with its status instead of its n. */
export type AuditCell = Omit<SuppressionCell, 'customers_paired'> & { status: ChangeMeterStatus };

/**
 * An additive relation between published rows: `total` = Σ `parts` for every count (paired,
 * measured) and, through share × n, for the counts behind every share. Indices are into the rows.
 */
export interface Equation {
  /** `areas`: the whole country (SSS) and its employment areas, for one instrument × dimension × period.
   *  `periods`: a period of one area × instrument × dimension and the shorter periods inside it. */
  kind: 'areas' | 'periods';
  total: number;
  parts: number[];
}

/**
 * Rows that describe the same customers: one area × instrument × period in different dimensions.
 * Their counts are (nearly) the same number, so a count withheld in one dimension is withheld in all.
 */
export type Link = number[];

/** A withheld row, the rule that withheld it and why. */
export interface SuppressionNote {
  /** Index of the row. */
  index: number;
  status: Exclude<ChangeMeterStatus, 'ok'>;
  rule: 'suppress-n-below-5' | 'shares-need-n-10' | 'complementary-suppression';
  reason: string;
}

/** The result of {@link suppress}. */
export interface SuppressionResult {
  /** The published status of every row, in input order. */
  status: ChangeMeterStatus[];
  /** Every change of status, in the order the algorithm made it. */
  notes: SuppressionNote[];
  /** Relations between rows the audit could not express as one equation (see {@link buildEquations}). */
  warnings: string[];
}

/** Status from n alone: n < 5 → `suppressed`; 5 ≤ n < 10 → `shares_suppressed`; otherwise `ok`. */
export function primaryStatus(n: number): ChangeMeterStatus {
  if (n < MIN_N_PUBLISH) return 'suppressed';
  if (n < MIN_N_SHARES) return 'shares_suppressed';
  return 'ok';
}

const SEP = '\u0000';
const label = (c: Pick<SuppressionCell, 'area_code' | 'period' | 'dimension' | 'label'>) =>
  c.label ?? `${c.area_code} ${c.period} ${c.dimension}`;

/**
 * The additive relations among the rows (the equations an outsider could subtract with), and
 * the links between dimensions:
 *
 * 1. **areas** — for each instrument × dimension × period (periods compared by the months they
 *    cover) that has an `SSS` row and at least one employment-area row: SSS = Σ areas. Areas
 *    missing from the file are taken to have no customers, so SSS − Σ(other areas) counts as an
 *    exact recovery (conservative: if they had customers, it would still be an upper bound).
 * 2. **periods** — for each area × instrument × dimension and each of its periods T that has
 *    shorter periods strictly inside it (e.g. 2025 and 2025-Q1…Q4): T = Σ of the maximal
 *    periods inside T (those not inside another one inside T). Months of T that no part covers
 *    are again taken as empty. If two maximal parts overlap partly, no single equation exists:
 *    the relation is skipped and a warning says so.
 * 3. **links** — rows of one area × instrument × period in different dimensions.
 */
export function buildEquations(cells: readonly Omit<SuppressionCell, 'customers_paired'>[]): {
  equations: Equation[];
  links: Link[];
  warnings: string[];
} {
  const months = cells.map((c) => periodMonths(c.period));
  const rangeKey = (i: number) => {
    const m = months[i];
    return m ? `${m.first}-${m.last}` : `?${cells[i]!.period}`;
  };
  const byGroup = new Map<string, number[]>();
  const byAreaSeries = new Map<string, number[]>();
  const byLink = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  cells.forEach((c, i) => {
    push(byGroup, [c.instrument, c.dimension, rangeKey(i)].join(SEP), i);
    push(byAreaSeries, [c.area_code, c.instrument, c.dimension].join(SEP), i);
    push(byLink, [c.area_code, c.instrument, rangeKey(i)].join(SEP), i);
  });

  const equations: Equation[] = [];
  const warnings: string[] = [];
  for (const rows of byGroup.values()) {
    const total = rows.find((i) => cells[i]!.area_code === 'SSS');
    const parts = rows.filter((i) => cells[i]!.area_code !== 'SSS');
    if (total !== undefined && parts.length > 0) equations.push({ kind: 'areas', total, parts });
  }
  for (const rows of byAreaSeries.values()) {
    for (const t of rows) {
      const T = months[t];
      if (!T) continue;
      const strictlyInside = (a: MonthRange, b: MonthRange) =>
        a.first >= b.first && a.last <= b.last && (a.first !== b.first || a.last !== b.last);
      const inside = rows.filter((p) => p !== t && months[p] && strictlyInside(months[p]!, T));
      if (!inside.length) continue;
      const maximal = inside
        .filter((p) => !inside.some((q) => q !== p && strictlyInside(months[p]!, months[q]!)))
        .sort((a, b) => months[a]!.first - months[b]!.first || a - b);
      const overlap = maximal.findIndex((p, k) => k > 0 && months[p]!.first <= months[maximal[k - 1]!]!.last);
      if (overlap > 0) {
        const a = cells[maximal[overlap - 1]!]!;
        const b = cells[maximal[overlap]!]!;
        warnings.push(
          `${a.area_code} ${a.instrument} ${a.dimension}: periods ${a.period} and ${b.period} overlap partly inside ${cells[t]!.period}, so the importer cannot audit differences between them; submit one period scheme (years, quarters or 12-month windows) at a time`,
        );
        continue;
      }
      equations.push({ kind: 'periods', total: t, parts: maximal });
    }
  }
  const links = [...byLink.values()].filter((l) => l.length > 1);
  return { equations, links, warnings };
}

/** Whether the counts (`counts`) or the shares (`shares`) of a row are withheld. */
function hidden(status: ChangeMeterStatus, level: 'counts' | 'shares'): boolean {
  return level === 'counts' ? status === 'suppressed' : status !== 'ok';
}

/**
 * Applies the suppression rules and returns every row's status. The algorithm, exactly:
 *
 * 1. **Primary suppression.** n = customers_paired. n < 5 → `suppressed` (rule
 *    `suppress-n-below-5`); 5 ≤ n < 10 → `shares_suppressed` (rule `shares-need-n-10`);
 *    otherwise `ok`.
 * 2. **Relations.** {@link buildEquations} lists the equations (SSS = Σ areas per instrument ×
 *    dimension × period; a period = Σ the periods inside it per area × instrument × dimension)
 *    and the links (one area × instrument × period across dimensions). Equations are taken in
 *    this order: area equations, then period equations, each in order of first appearance of the
 *    group in the file.
 * 3. **Repeat passes until a pass changes nothing** (it ends: every change makes a status
 *    stricter, ok → shares_suppressed → suppressed). One pass:
 *    a. For each link: if the counts of any row are withheld (`suppressed`), every row of the
 *       link becomes `suppressed` (its n would otherwise show the withheld n of the same customers).
 *    b. For each equation, first for counts, then for shares. A row's counts are hidden if it
 *       is `suppressed`; its shares are hidden if it is `suppressed` or `shares_suppressed`
 *       (share × n are counts that add up like n, so the national shares and the other areas'
 *       shares × n would give a single hidden row's shares). If **exactly one** row of
 *       {total, parts} is hidden, it could be recovered as total − Σ(other parts) (or, for a
 *       hidden total, as Σ parts). Then hide one more row: the part with the smallest n among
 *       the parts not yet hidden at that level (ties: area code, then period, then dimension,
 *       then file order) — `suppressed` for counts, `shares_suppressed` for shares. If no part
 *       is left, hide the total. Rule `complementary-suppression`.
 * 4. At the end no equation has exactly one hidden row at either level, and no link mixes
 *    hidden and shown counts ({@link auditSuppression} returns nothing).
 *
 * What this does not do: it does not solve the system of all equations together. With both
 * area and period totals published (a two-way table), a pattern in which every equation has two
 * or more hidden rows can in rare cases still pin one row down by combining equations; and
 * bounds (a hidden n lies between 0 and 4) are not hidden. Publishing one period scheme at a
 * time (e.g. rolling 12 months only) avoids two-way tables altogether.
 */
export function suppress(cells: readonly SuppressionCell[]): SuppressionResult {
  const status: ChangeMeterStatus[] = cells.map((c) => primaryStatus(c.customers_paired));
  const notes: SuppressionNote[] = [];
  status.forEach((s, i) => {
    const n = cells[i]!.customers_paired;
    if (s === 'suppressed') {
      notes.push({ index: i, status: s, rule: 'suppress-n-below-5', reason: `n = ${n} paired customers is below ${MIN_N_PUBLISH}` });
    } else if (s === 'shares_suppressed') {
      notes.push({
        index: i,
        status: s,
        rule: 'shares-need-n-10',
        reason: `n = ${n} paired customers is below ${MIN_N_SHARES}: n and coverage are shown, the shares and the median are withheld`,
      });
    }
  });
  const { equations, links, warnings } = buildEquations(cells);
  const order = (a: number, b: number) => {
    const x = cells[a]!;
    const y = cells[b]!;
    const mx = periodMonths(x.period);
    const my = periodMonths(y.period);
    return (
      x.customers_paired - y.customers_paired ||
      (x.area_code < y.area_code ? -1 : x.area_code > y.area_code ? 1 : 0) ||
      (mx && my ? mx.first - my.first || mx.last - my.last : 0) ||
      (x.dimension < y.dimension ? -1 : x.dimension > y.dimension ? 1 : 0) ||
      a - b
    );
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (const link of links) {
      const withheld = link.find((i) => status[i] === 'suppressed');
      if (withheld === undefined) continue;
      for (const i of link) {
        if (status[i] === 'suppressed') continue;
        status[i] = 'suppressed';
        changed = true;
        notes.push({
          index: i,
          status: 'suppressed',
          rule: 'complementary-suppression',
          reason: `the same customers are withheld in another dimension (${label(cells[withheld]!)}); showing n here would show theirs`,
        });
      }
    }
    for (const eq of equations) {
      for (const level of ['counts', 'shares'] as const) {
        const all = [eq.total, ...eq.parts];
        const hiddenRows = all.filter((i) => hidden(status[i]!, level));
        if (hiddenRows.length !== 1) continue;
        const lone = hiddenRows[0]!;
        const candidates = eq.parts.filter((i) => !hidden(status[i]!, level)).sort(order);
        const pick = candidates[0] ?? eq.total;
        const what = level === 'counts' ? 'n' : 'shares';
        const how =
          lone === eq.total
            ? `as the sum of the ${eq.kind === 'areas' ? 'areas' : 'shorter periods'}`
            : eq.kind === 'areas'
              ? `as ${label(cells[eq.total]!)} minus the other areas`
              : `as ${label(cells[eq.total]!)} minus the other periods inside it`;
        status[pick] = level === 'counts' ? 'suppressed' : 'shares_suppressed';
        changed = true;
        notes.push({
          index: pick,
          status: status[pick] as Exclude<ChangeMeterStatus, 'ok'>,
          rule: 'complementary-suppression',
          reason: `otherwise the withheld ${what} of ${label(cells[lone]!)} could be recovered ${how}`,
        });
      }
    }
  }
  return { status, notes, warnings };
}

/**
 * Checks a set of published rows against the complementary rule, from their statuses alone (the
 * site's loader runs it on every published file): every equation with exactly one hidden row at
 * a level, and every link that mixes withheld and shown counts, is a problem.
 */
export function auditSuppression(cells: readonly AuditCell[]): string[] {
  const { equations, links } = buildEquations(cells);
  const problems: string[] = [];
  for (const link of links) {
    const withheld = link.filter((i) => cells[i]!.status === 'suppressed');
    if (withheld.length && withheld.length < link.length) {
      problems.push(`${label(cells[withheld[0]!]!)} is withheld but the same customers' n is shown in another dimension`);
    }
  }
  for (const eq of equations) {
    for (const level of ['counts', 'shares'] as const) {
      const hiddenRows = [eq.total, ...eq.parts].filter((i) => hidden(cells[i]!.status, level));
      if (hiddenRows.length === 1) {
        problems.push(
          `the ${level === 'counts' ? 'n' : 'shares'} of ${label(cells[hiddenRows[0]!]!)} can be recovered from ${label(cells[eq.total]!)} and the ${eq.kind === 'areas' ? 'other areas' : 'periods inside it'}`,
        );
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Publishing

/** The figures of a row as published under `status`: withheld cells become `null`. */
export function publishRow(row: ChangeMeterRow, status: ChangeMeterStatus): ChangeMeterPublishedRow {
  const out: ChangeMeterPublishedRow = { ...row, status };
  const empty: readonly string[] =
    status === 'suppressed' ? SUPPRESSED_COLUMNS : status === 'shares_suppressed' ? SHARES_SUPPRESSED_COLUMNS : [];
  for (const c of empty) (out as Record<string, unknown>)[c] = null;
  return out;
}

/**
 * Checks one published row: the withheld cells are exactly those its status withholds, and the
 * thresholds hold (`ok` needs n ≥ 10, `shares_suppressed` n ≥ 5). Returns the problem and its
 * field, or `null`. A `shares_suppressed` or `suppressed` row may have a larger n than its
 * threshold: that is complementary suppression.
 */
export function checkPublishedRow(row: ChangeMeterPublishedRow): { field: string; problem: string } | null {
  const mustBeEmpty: readonly string[] =
    row.status === 'suppressed' ? SUPPRESSED_COLUMNS : row.status === 'shares_suppressed' ? SHARES_SUPPRESSED_COLUMNS : [];
  const values = row as Record<string, unknown>;
  for (const c of SUPPRESSED_COLUMNS) {
    const empty = values[c] === null;
    if (mustBeEmpty.includes(c) && !empty) return { field: c, problem: `a ${row.status} row must leave ${c} empty` };
    if (!mustBeEmpty.includes(c) && empty) return { field: c, problem: `a ${row.status} row must have ${c}` };
  }
  const n = row.customers_paired;
  if (n === null) return null;
  if (row.status === 'ok' && n < MIN_N_SHARES) return { field: 'customers_paired', problem: `an ok row needs n ≥ ${MIN_N_SHARES}, found ${n}` };
  if (n < MIN_N_PUBLISH) return { field: 'customers_paired', problem: `a published n must be at least ${MIN_N_PUBLISH}, found ${n}` };
  if (row.customers_measured !== null && n > row.customers_measured) {
    return { field: 'customers_paired', problem: `customers_paired ${n} is larger than customers_measured ${row.customers_measured}` };
  }
  if (row.share_improved !== null && row.share_unchanged !== null && row.share_worse !== null) {
    const sum = row.share_improved + row.share_unchanged + row.share_worse;
    if (!(Math.abs(sum - 1) <= SHARES_TOLERANCE + 1e-9)) return { field: SHARES_FIELD, problem: `the shares add up to ${sum}, not 1` };
  }
  return null;
}
