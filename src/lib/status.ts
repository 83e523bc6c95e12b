/**
 * Value statuses: the one home of what a value's status can be, how the stages store it, how it
 * is written in downloads, which source symbols mean "withheld", and how the statuses of the
 * inputs of a sum or a ratio combine. Every stage imports these; nothing else defines them.
 *
 * Statuses of the public download format (design.md, "Tidy download format"):
 * - `ok`: a published value, or one computed exactly from published values;
 * - `suppressed`: the source withheld the value (counts of 1–4); the value is empty;
 * - `lower_bound`: the true value is at least this: a count summed over cells that include
 *   withheld ones, or a ratio whose numerator only is such a sum;
 * - `upper_bound`: the true value is at most this: a ratio whose denominator only is such a sum;
 * - `incomplete`: built from such sums in both terms, so the true value may be higher or lower;
 * - `estimate`: an area value computed from its members' published, rounded values (the
 *   labour-force-weighted mean of municipal shares) where the counts are not in the data; its
 *   error bound is proven on real history (`src/lib/derive/estimate.ts`);
 * - `missing`: not in the source or the snapshot, or a zero denominator; the value is empty.
 */

/** Status codes as the derive stage stores them in typed arrays (one byte per value). */
export const NONE = 0;
export const OK = 1;
export const SUPPRESSED = 2;
export const LOWER = 3;
export const MISSING = 4;
export const ESTIMATE = 5;
export const UPPER = 6;
export const INCOMPLETE = 7;

/** Status names of the public format, in code order (index = code; code 0 has no name). */
export const STATUS_NAMES = ['', 'ok', 'suppressed', 'lower_bound', 'missing', 'estimate', 'upper_bound', 'incomplete'] as const;
export type StatusName = Exclude<(typeof STATUS_NAMES)[number], ''>;
/** The names a tidy row's `status` column can hold. */
export const PUBLIC_STATUSES = STATUS_NAMES.slice(1) as readonly StatusName[];

/**
 * Statuses of a comparison (a change, a difference or an average) built from two or more values:
 * `ok` from exact values; `estimate` if any value is an estimate (and none a bound); a
 * `lower_bound`/`upper_bound` when the bounds of the values make the comparison one; otherwise
 * `incomplete`.
 */
export const COMPARISON_STATUSES = ['ok', 'estimate', 'lower_bound', 'upper_bound', 'incomplete'] as const;
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];

/** The code of a status name (`ok` → OK); unknown names are NONE. */
export function statusCode(name: string): number {
  const k = (STATUS_NAMES as readonly string[]).indexOf(name);
  return k > 0 ? k : NONE;
}

/** Whether a status code carries a value (published or computed, possibly an estimate or a bound). */
export function hasValue(code: number): boolean {
  return code === OK || code === LOWER || code === ESTIMATE || code === UPPER || code === INCOMPLETE;
}

/** Whether a status code is a value that is only a bound of the true one (never ranked). */
export function isBound(code: number): boolean {
  return code === LOWER || code === UPPER || code === INCOMPLETE;
}

/** Whether a status name carries a value. */
export function hasValueName(name: string): boolean {
  return hasValue(statusCode(name));
}

/**
 * The status of a sum of `n` inputs of which `suppressed` were withheld and `lower` were lower
 * bounds: withheld if every input was, a lower bound if any input was withheld or a bound,
 * otherwise ok. The value of a withheld sum is not shown.
 */
export function sumStatus(n: number, suppressed: number, lower: number): number {
  if (suppressed === n) return SUPPRESSED;
  return suppressed + lower > 0 ? LOWER : OK;
}

/**
 * The status of a ratio from the statuses of its numerator and denominator (each the status of
 * a sum) and the denominator's value: withheld if a term is withheld, missing for a zero
 * denominator; a numerator that is only a lower bound makes the ratio a lower bound, a
 * denominator that is only a lower bound makes it an upper bound, both make it incomplete.
 */
export function ratioStatus(numerator: number, denominator: number, denominatorValue: number): number {
  if (numerator === SUPPRESSED || denominator === SUPPRESSED) return SUPPRESSED;
  if (denominatorValue === 0) return MISSING;
  const n = numerator === LOWER;
  const d = denominator === LOWER;
  return n && d ? INCOMPLETE : n ? LOWER : d ? UPPER : OK;
}

/** Which way a value may differ from the truth: 0 exact or estimated, +1 at least, −1 at most, NaN unknown. */
function direction(code: number): number {
  return code === LOWER ? 1 : code === UPPER ? -1 : code === INCOMPLETE ? NaN : 0;
}

/**
 * The status of the difference a − b of two values (a change: a later minus an earlier value; a
 * difference to the whole country): ok if both are exact, an estimate if an estimate is involved
 * and no bound, a lower or upper bound where the bounds of a and b point the same way, otherwise
 * incomplete.
 */
export function comparisonStatus(a: number, b: number): ComparisonStatus {
  const da = direction(a);
  const db = -direction(b);
  if (Number.isNaN(da) || Number.isNaN(db)) return 'incomplete';
  if (da === 0 && db === 0) return a === ESTIMATE || b === ESTIMATE ? 'estimate' : 'ok';
  if (a === ESTIMATE || b === ESTIMATE) return 'incomplete';
  if (da >= 0 && db >= 0) return 'lower_bound';
  if (da <= 0 && db <= 0) return 'upper_bound';
  return 'incomplete';
}

/**
 * The status of an aggregate of several values (e.g. a 12-month average): ok if all are exact,
 * an estimate if estimates and exact values only, a lower or upper bound if every bound points
 * that way, otherwise incomplete.
 */
export function combinedStatus(codes: Iterable<number>): ComparisonStatus {
  let estimate = false;
  let up = false;
  let down = false;
  for (const c of codes) {
    if (c === ESTIMATE) estimate = true;
    else if (c === LOWER) up = true;
    else if (c === UPPER) down = true;
    else if (c === INCOMPLETE) return 'incomplete';
  }
  if (!up && !down) return estimate ? 'estimate' : 'ok';
  if (estimate || (up && down)) return 'incomplete';
  return up ? 'lower_bound' : 'upper_bound';
}

/**
 * Symbols sources write for a withheld (confidential) value: `...` in StatFin, `..` in some
 * PxWeb exports, `NA` in files that passed through R.
 */
export const WITHHELD_SYMBOLS = ['...', '..', 'NA'] as const;

/** Whether a cell text or a JSON-stat status symbol means the source withheld the value. */
export function isWithheldSymbol(text: string): boolean {
  return (WITHHELD_SYMBOLS as readonly string[]).includes(text);
}

/** Short English glosses of the statuses, for the Table Schema's `status` description. */
export const STATUS_SHORT: Record<StatusName, string> = {
  ok: '',
  suppressed: 'withheld by the source',
  lower_bound: 'built from sums including withheld municipalities',
  missing: 'not in the source or snapshot',
  estimate: 'an area value estimated from its municipalities’ published rates',
  upper_bound: 'the true value is at most this',
  incomplete: 'built from incomplete sums; may err either way',
};

/** One-line English definitions of the statuses, for download notes, schemas and READMEs. */
export const STATUS_DEFINITIONS: Record<StatusName, string> = {
  ok: 'a published value',
  suppressed: 'withheld by the source (counts of 1–4); never zero',
  lower_bound: 'built from sums that include withheld municipalities: for counts the true value is at least this; for rates it may err either way',
  missing: 'not in the source or in the portal’s snapshot (or a zero denominator); nothing is filled in',
  estimate: 'an area value computed as the labour-force-weighted mean of its municipalities’ published, rounded values, where the counts are not in the data; its error bound is stated in the methodology',
  upper_bound: 'a rate whose denominator is a sum that includes withheld municipalities: the true value is at most this',
  incomplete: 'a rate whose numerator and denominator both include withheld municipalities: the true value may be higher or lower',
};
