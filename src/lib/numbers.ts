/**
 * Exact rounding for published values. Statistics Finland rounds half up from exact integers;
 * doing the same reproduces every published share in the snapshot (domain.md, section 5).
 */

/**
 * Rounds `scale × numerator / denominator` half up to `decimals` digits. With whole-number terms
 * (counts) the result is exact: it is computed as a single integer division, so values such as
 * 14.25 are never mis-rounded by binary floating point. Returns null for a zero denominator.
 */
export function roundRatio(numerator: number, denominator: number, scale: number, decimals: number): number | null {
  if (denominator === 0) return null;
  const f = 10 ** decimals;
  const top = numerator * scale * f;
  if (Number.isSafeInteger(top) && Number.isSafeInteger(denominator) && Number.isSafeInteger(2 * top + Math.abs(denominator))) {
    const sign = top < 0 !== denominator < 0 ? -1 : 1;
    const a = Math.abs(top);
    const b = Math.abs(denominator);
    // floor((2a + b) / 2b) is a/b rounded half up; the division of two exact integers is exact
    // enough here because the fraction is never closer than 1/(2b) to an integer.
    return (sign * Math.floor((2 * a + b) / (2 * b))) / f;
  }
  return roundHalfUp((numerator * scale) / denominator, decimals);
}

/** Rounds half away from zero to `decimals` digits, correcting binary representation (1.005 → 1.01). */
export function roundHalfUp(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const shifted = Math.abs(value) * f;
  // Already whole (every double from 2^52 up is): nothing to round, and the nudge below would
  // push large integers up. A value whose shifted form is whole only after the multiplication
  // (0.8999999999999999 × 10 = 9) is that whole number shifted back (0.9).
  if (Number.isInteger(value)) return value;
  if (Number.isInteger(shifted)) return (Math.sign(value) * shifted) / f || 0;
  // Nudge by a relative epsilon so that 1.005 * 100 = 100.49999999999999 rounds to 101.
  const rounded = Math.floor(shifted + 0.5 + shifted * Number.EPSILON * 4);
  return (Math.sign(value) * rounded) / f || 0;
}

/** Writes a value with exactly `decimals` digits and "." as decimal point (the download format). */
export function formatPlain(value: number | null, decimals: number): string {
  return value === null ? '' : value.toFixed(decimals);
}
