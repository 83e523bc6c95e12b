/**
 * Periods of change-meter rows as month ranges: the little period arithmetic the privacy rules
 * need (which months a period covers, whether two periods nest or overlap partly). Kept in one
 * module so that it can be swapped for the project's shared `src/lib/periods.ts`.
 */

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

/** A key that is the same for periods covering the same months (`2025` and `2025-01/2025-12`). */
export function monthsKey(r: MonthRange): string {
  return `${r.first}-${r.last}`;
}

/** How two month ranges relate: the same months, `a` inside `b`, `a` contains `b`, disjoint, or partly overlapping. */
export function relate(a: MonthRange, b: MonthRange): 'same' | 'inside' | 'contains' | 'disjoint' | 'overlap' {
  if (a.first === b.first && a.last === b.last) return 'same';
  if (a.last < b.first || b.last < a.first) return 'disjoint';
  if (a.first >= b.first && a.last <= b.last) return 'inside';
  if (b.first >= a.first && b.last <= a.last) return 'contains';
  return 'overlap';
}

/** Orders periods by first month, then longer first (2025 before 2025-Q1). */
export function comparePeriods(a: string, b: string): number {
  const x = periodMonths(a);
  const y = periodMonths(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  return x.first - y.first || y.last - x.last;
}
