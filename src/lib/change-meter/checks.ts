/**
 * The refusal rules of `rules.ts` as checks: of one row (area level, counts), and between rows
 * of one instrument, in the submitted file and against every earlier release (one row per cell,
 * one version per group, one period scheme, totals that add up, published figures that stay).
 * Each throws a {@link RuleViolation} naming the file, the row and the field.
 */
import type { InputLocation } from '../errors.ts';
import { RuleViolation } from './rules.ts';
import { CATEGORIES, wholePercent } from './model.ts';
import { monthsKey, periodMonths, relate, type MonthRange } from './periods.ts';
import type { ChangeMeterPublishedRow, ChangeMeterRow } from '../../schema/change-meter.ts';

/** A submitted row and its line in the file (the header is line 1). */
export interface SubmittedRow {
  line: number;
  row: ChangeMeterRow;
}

/** A row of an earlier release, and how messages name that release. */
export interface EarlierRow {
  release: string;
  row: ChangeMeterPublishedRow;
}

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

/** Rule `paired-measurements-only`: paired ≤ measured, and improved + unchanged + worse = paired. */
export function checkCounts(row: ChangeMeterRow, at: InputLocation): void {
  if (row.customers_paired > row.customers_measured) {
    throw new RuleViolation(
      'paired-measurements-only',
      { ...at, field: 'customers_paired' },
      `customers_paired ${row.customers_paired} is larger than customers_measured ${row.customers_measured}; paired customers are those of the measured customers who also have a follow-up measurement`,
    );
  }
  const sum = row.customers_improved + row.customers_unchanged + row.customers_worse;
  if (sum !== row.customers_paired) {
    throw new RuleViolation(
      'paired-measurements-only',
      { ...at, field: 'customers_improved + customers_unchanged + customers_worse' },
      `the three add up to ${sum}, not customers_paired ${row.customers_paired}; every paired customer improved, stayed the same or got worse, and only paired customers are counted`,
    );
  }
}

const SEP = '\u0000';
const monthsOf = (period: string): MonthRange => periodMonths(period)!;

/**
 * Rules `one-row-per-cell`, `one-version-per-group` and `one-period-scheme` for the rows of one
 * instrument, against each other and against the rows of earlier releases.
 */
export function checkStructure(rows: readonly SubmittedRow[], earlier: readonly EarlierRow[], file: string): void {
  const seen = new Map<string, SubmittedRow>();
  const versions = new Map<string, { version: string; where: string }>();
  for (const e of earlier) {
    const key = [e.row.dimension, monthsKey(monthsOf(e.row.period))].join(SEP);
    if (!versions.has(key)) versions.set(key, { version: e.row.instrument_version, where: e.release });
  }
  for (const s of rows) {
    const { row, line } = s;
    const months = monthsKey(monthsOf(row.period));
    const key = [row.area_code, row.dimension, months].join(SEP);
    const first = seen.get(key);
    if (first) {
      const same = first.row.period === row.period ? row.period : `${row.period} covers the same months as ${first.row.period}`;
      throw new RuleViolation(
        'one-row-per-cell',
        { file, row: line, field: 'area_code, period, instrument, dimension' },
        `the row repeats row ${first.line}: ${row.area_code}, ${same}, "${row.instrument}", "${row.dimension}"; submit one row per area, period, instrument and dimension`,
      );
    }
    seen.set(key, s);
    const gKey = [row.dimension, months].join(SEP);
    const g = versions.get(gKey);
    if (!g) versions.set(gKey, { version: row.instrument_version, where: `row ${line}` });
    else if (g.version !== row.instrument_version) {
      throw new RuleViolation(
        'one-version-per-group',
        { file, row: line, field: 'instrument_version' },
        `"${row.instrument_version}" differs from "${g.version}" (${g.where}) for the same dimension and period; figures of different versions cannot be compared or added up`,
      );
    }
  }
  // One period scheme: every pair of periods of the instrument nests or is disjoint.
  const periods = new Map<string, { period: string; where: string }>();
  for (const e of earlier) periods.set(e.row.period, periods.get(e.row.period) ?? { period: e.row.period, where: e.release });
  for (const { row, line } of rows) {
    for (const other of periods.values()) {
      if (relate(monthsOf(row.period), monthsOf(other.period)) === 'overlap') {
        throw new RuleViolation(
          'one-period-scheme',
          { file, row: line, field: 'period' },
          `${row.period} overlaps ${other.period} (${other.where}) partly; the difference of two partly overlapping periods counts the customers of a few months, so an instrument's periods must be the same, disjoint, or one inside the other (e.g. years and their quarters, never moving windows)`,
        );
      }
    }
    if (!periods.has(row.period)) periods.set(row.period, { period: row.period, where: `row ${line}` });
  }
}

const COUNTS = ['customers_paired', 'customers_measured', 'customers_improved', 'customers_unchanged', 'customers_worse'] as const;

/**
 * Rule `totals-add-up` for the rows of one instrument × dimension: a whole-country row with
 * area rows of the same period is the sum of them, and a row with rows of the same area inside
 * its period is the sum of the longest of them, in every count. Absent rows count as zero, so a
 * reader who assumes that is right, and the audit can use it.
 */
export function checkTotals(rows: readonly SubmittedRow[], file: string): void {
  const months = rows.map((r) => monthsOf(r.row.period));
  const fail = (total: SubmittedRow, field: string, parts: SubmittedRow[], sum: number, what: string) => {
    throw new RuleViolation(
      'totals-add-up',
      { file, row: total.line, field },
      `${field} ${total.row[field as (typeof COUNTS)[number]]} of ${total.row.area_code} ${total.row.period} is not the sum ${sum} of ${what} (rows ${parts.map((p) => p.line).join(', ')}); ${
        what.startsWith('the employment') ? 'include a row for every area with customers (the importer withholds small ones), or leave the area rows of this period out' : 'include every shorter period with customers, or leave the shorter periods out'
      }`,
    );
  };
  rows.forEach((total, t) => {
    const key = monthsKey(months[t]!);
    const groups: [SubmittedRow[], string][] = [];
    if (total.row.area_code === 'SSS') {
      groups.push([rows.filter((r, j) => r.row.area_code !== 'SSS' && monthsKey(months[j]!) === key), `the employment-area rows of ${total.row.period}`]);
    }
    const inside = rows.map((_, j) => j).filter((j) => rows[j]!.row.area_code === total.row.area_code && relate(months[j]!, months[t]!) === 'inside');
    const maximal = inside.filter((j) => !inside.some((k) => k !== j && relate(months[j]!, months[k]!) === 'inside'));
    groups.push([maximal.map((j) => rows[j]!), `the periods inside ${total.row.period}`]);
    for (const [parts, what] of groups) {
      if (!parts.length) continue;
      for (const field of COUNTS) {
        const sum = parts.reduce((s, p) => s + p.row[field], 0);
        if (sum !== total.row[field]) fail(total, field, parts, sum, what);
      }
    }
  });
}

/**
 * Rule `published-figures-stay`: where an earlier release published a figure of the same area,
 * period and dimension, the submitted counts give the same figure (n, measured, the shares in
 * whole percent).
 */
export function checkEarlierFigures(rows: readonly SubmittedRow[], earlier: readonly EarlierRow[], file: string): void {
  const byKey = new Map<string, EarlierRow[]>();
  for (const e of earlier) {
    const key = [e.row.area_code, e.row.dimension, monthsKey(monthsOf(e.row.period))].join(SEP);
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  for (const { row, line } of rows) {
    const key = [row.area_code, row.dimension, monthsKey(monthsOf(row.period))].join(SEP);
    for (const e of byKey.get(key) ?? []) {
      const was = e.row;
      const shares = {
        share_improved: wholePercent(row.customers_improved, row.customers_paired) / 100,
        share_unchanged: wholePercent(row.customers_unchanged, row.customers_paired) / 100,
        share_worse: wholePercent(row.customers_worse, row.customers_paired) / 100,
      };
      const pairs: [string, number | null, number][] = [
        ['customers_paired', was.customers_paired, row.customers_paired],
        ['customers_measured', was.customers_measured, row.customers_measured],
        ...CATEGORIES.map((c) => [`customers_${c}`, was[`share_${c}`] === null ? null : Math.round(was[`share_${c}`]! * 100), Math.round(shares[`share_${c}`] * 100)] as [string, number | null, number]),
      ];
      for (const [field, before, now] of pairs) {
        if (before === null || before === now) continue;
        const shown = field.startsWith('customers_') && !['customers_paired', 'customers_measured'].includes(field) ? `a share of ${now} % where ${e.release} published ${before} %` : `${now} where ${e.release} published ${before}`;
        throw new RuleViolation(
          'published-figures-stay',
          { file, row: line, field },
          `${row.area_code} ${row.period} "${row.dimension}" gives ${shown}. A published figure stays public in the repository's history, so a changed one would reveal the customers added or removed; publish a period only when its follow-ups are complete`,
        );
      }
    }
  }
}
