/**
 * The default time window of a chart: the last 36 months of a monthly series (the last 10
 * years of an annual one), ending at the latest period; the whole history is one control away.
 */
import { shiftPeriod } from '../lib/periods.ts';
import { WINDOW } from './theme.ts';

/** The periods of a sorted list that fall in the default window ending at its last period. */
export function defaultWindow(periods: readonly string[]): string[] {
  const last = periods.at(-1);
  if (last === undefined) return [];
  const first = shiftPeriod(last, -((last.length === 4 ? WINDOW.years : WINDOW.months) - 1));
  return periods.filter((p) => p >= first);
}
