/**
 * The time axis of derived series: months and years as integer positions, so that a series can
 * be a dense typed array and "a year earlier" is a fixed offset.
 */

/** Frequency of a series: `M` monthly (`YYYY-MM`), `Y` annual (`YYYY`). */
export type Freq = 'M' | 'Y';

/** Position of a period on its axis: months since 1900-01, or the year itself. */
export function periodIndex(period: string): { freq: Freq; index: number } {
  if (period.length === 7) return { freq: 'M', index: (Number(period.slice(0, 4)) - 1900) * 12 + Number(period.slice(5, 7)) - 1 };
  return { freq: 'Y', index: Number(period) };
}

/** The period at a position. */
export function periodAt(freq: Freq, index: number): string {
  if (freq === 'Y') return String(index);
  const y = 1900 + Math.floor(index / 12);
  const m = (((index % 12) + 12) % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** Steps back to the same period a year earlier: 12 for months, 1 for years. */
export function yearStep(freq: Freq): number {
  return freq === 'M' ? 12 : 1;
}
