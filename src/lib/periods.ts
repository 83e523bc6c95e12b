/**
 * Periods in the portal's format: months `YYYY-MM`, years `YYYY`. Plain string arithmetic,
 * no time zones involved.
 */

export function isMonth(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}

export function isYear(period: string): boolean {
  return /^\d{4}$/.test(period);
}

/** Adds `n` months (or years, for a year period) to a period. */
export function shiftPeriod(period: string, n: number): string {
  if (isYear(period)) return String(Number(period) + n);
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/** The period one year earlier (12 months for months). */
export function yearEarlier(period: string): string {
  return isYear(period) ? shiftPeriod(period, -1) : shiftPeriod(period, -12);
}

/** Every period from `first` to `last` inclusive, in order (both months or both years). */
export function periodRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; p <= last; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

/** The date a period is measured on, for choosing the area division: a month's first day, a year's last. */
export function periodDate(period: string): string {
  return isYear(period) ? `${period}-12-31` : `${period}-01`;
}

/** Whether a break whose first period is `breakPeriod` lies between `from` (exclusive) and `to` (inclusive). */
export function crossesBreak(from: string, to: string, breakPeriod: string): boolean {
  if (isYear(from)) return from < breakPeriod.slice(0, 4) && breakPeriod.slice(0, 4) <= to;
  return from < breakPeriod && breakPeriod <= to;
}
