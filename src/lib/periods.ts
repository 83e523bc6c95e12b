/**
 * Periods: the one home of period arithmetic for every stage and page. The portal writes months
 * as `YYYY-MM` and years as `YYYY`; sources write months as `2026M06` (StatFin) or `202606`
 * (Kela). Plain string and integer arithmetic, no time zones involved (except `periodToDate`,
 * which makes a UTC date for chart axes).
 */

/** Frequency of a series: `M` monthly (`YYYY-MM`), `Y` annual (`YYYY`). */
export type Freq = 'M' | 'Y';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^\d{4}$/;

export function isMonth(period: string): boolean {
  return MONTH_RE.test(period);
}

export function isYear(period: string): boolean {
  return YEAR_RE.test(period);
}

/** The frequency of a period in the portal's format. */
function freqOf(period: string): Freq {
  return period.length === 4 ? 'Y' : 'M';
}

/** Position of a period on its axis: months since 1900-01, or the year itself. */
export function periodIndex(period: string): { freq: Freq; index: number } {
  if (period.length === 7) return { freq: 'M', index: (Number(period.slice(0, 4)) - 1900) * 12 + Number(period.slice(5, 7)) - 1 };
  return { freq: 'Y', index: Number(period) };
}

/** Month texts made so far, by index (1900-01 … 2099-12): derive asks for tens of millions. */
const monthTexts: string[] = new Array<string>(2400).fill('');

/** The period at a position of an axis. */
export function periodAt(freq: Freq, index: number): string {
  if (freq === 'Y') return String(index);
  if (index >= 0 && index < monthTexts.length) return monthTexts[index] || (monthTexts[index] = monthText(index));
  return monthText(index);
}

function monthText(index: number): string {
  const y = 1900 + Math.floor(index / 12);
  const m = (((index % 12) + 12) % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** Steps back to the same period a year earlier: 12 for months, 1 for years. */
export function yearStep(freq: Freq): number {
  return freq === 'M' ? 12 : 1;
}

/** Adds `n` months (or years, for a year period) to a period. */
export function shiftPeriod(period: string, n: number): string {
  const { freq, index } = periodIndex(period);
  return periodAt(freq, index + n);
}

/** The period one year earlier (12 months for months). */
export function yearEarlier(period: string): string {
  return shiftPeriod(period, -yearStep(freqOf(period)));
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

/** The same day as {@link periodDate} as a UTC `Date`, for chart axes. */
export function periodToDate(period: string): Date {
  return new Date(`${periodDate(period)}T00:00:00Z`);
}

/** Whether a break whose first period is `breakPeriod` lies between `from` (exclusive) and `to` (inclusive). */
export function crossesBreak(from: string, to: string, breakPeriod: string): boolean {
  if (isYear(from)) return from < breakPeriod.slice(0, 4) && breakPeriod.slice(0, 4) <= to;
  return from < breakPeriod && breakPeriod <= to;
}

/** Whether a break whose first period is `breakPeriod` starts at `period` (for a year: within it). */
export function breakStartsAt(period: string, breakPeriod: string): boolean {
  return isYear(period) ? breakPeriod.slice(0, 4) === period : breakPeriod === period;
}

/** A source's period (`2026M06`, or a year `2025`) in the portal's format (`2026-06`); null if it is neither. */
export function fromSourcePeriod(text: string): string | null {
  let m = /^(\d{4})M(0[1-9]|1[0-2])$/.exec(text);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{4})$/.exec(text);
  return m ? m[1]! : null;
}

/** Kela's `YYYYMM` month in StatFin's form: `202601` → `2026M01`. */
export function kelaMonth(text: string): string {
  return `${text.slice(0, 4)}M${text.slice(4, 6)}`;
}
