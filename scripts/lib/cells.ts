/**
 * Strict parsing of source cells and codes for the importers. Every failure names the file,
 * the row and the field through {@link parseOrExplain}.
 */
import { z } from 'zod';
import { isWithheldSymbol, WITHHELD_SYMBOLS } from '../../src/lib/status.ts';

/** The withheld symbols as a regular-expression alternative (`\.\.\.|\.\.|NA`). */
const WITHHELD = WITHHELD_SYMBOLS.map((s) => s.replace(/\./g, '\\.')).join('|');
const WITHHELD_TEXT = WITHHELD_SYMBOLS.map((s) => `"${s}"`).join('/');

export const COUNT_RE = new RegExp(`^(\\d+|${WITHHELD})$`);
export const DECIMAL_RE = new RegExp(`^(\\d+(\\.\\d+)?|${WITHHELD})$`);
/** A month (`2026M06`) or a year. */
export const PERIOD_RE = /^(19|20)\d{2}(M(0[1-9]|1[0-2]))?$/;

/** A count: a whole number ≥ 0, or a suppression symbol. */
export const CountCell = z.string().regex(COUNT_RE, `expected a whole number ≥ 0 (or ${WITHHELD_TEXT} for a withheld value)`);

/** A rate or amount: a decimal number ≥ 0 with "." as decimal point, or a suppression symbol. */
export const DecimalCell = z.string().regex(DECIMAL_RE, `expected a number ≥ 0 with "." as decimal point (or ${WITHHELD_TEXT} for a withheld value)`);

/** An amount that may be negative (e.g. euros after recoveries), with "." as decimal point. */
export const SIGNED_RE = new RegExp(`^(-?\\d+(\\.\\d+)?|${WITHHELD})$`);
export const SignedDecimalCell = z.string().regex(SIGNED_RE, `expected a number with "." as decimal point (or ${WITHHELD_TEXT} for a withheld value)`);

/** Month as the StatFin sources write it: `2026M06`. */
export const StatFinMonth = z.string().regex(/^(19|20)\d{2}M(0[1-9]|1[0-2])$/, 'expected a month such as 2026M06');
/** Year: `2025`. */
export const Year = z.string().regex(/^(19|20)\d{2}$/, 'expected a year such as 2025');

/** Turns a validated cell text into a value and a status symbol. */
export function cellValue(text: string): { value: number | null; status: string | null } {
  if (isWithheldSymbol(text)) return { value: null, status: text };
  return { value: Number(text), status: null };
}

/**
 * Normalises a source's `updated` stamp to ISO 8601 UTC. PxWeb's `json` export writes dots in
 * the time part (`2026-07-21T05.00.00Z`); PX files write `2023-11-21 08:00:00`.
 */
export function normaliseUpdated(text: string | undefined | null): string | null {
  if (!text) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2})[.:](\d{2})(?:[.:](\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, date, hh = '00', mm = '00', ss = '00', zone] = m;
  // A date alone is midnight UTC. A time without a zone (PX files: "2023-11-21 08:00:00") is Finnish local time: StatFin
  // publishes at 08:00 in Helsinki, which its JSON answers write as 05:00Z in summer.
  const hasTime = m[2] !== undefined;
  const iso = zone || !hasTime ? new Date(`${date}T${hh}:${mm}:${ss}${zone ?? 'Z'}`) : helsinkiToUtc(`${date}T${hh}:${mm}:${ss}`);
  return Number.isNaN(iso.getTime()) ? null : iso.toISOString().replace('.000Z', 'Z');
}

/** The UTC instant of a wall-clock time in Europe/Helsinki (EET/EEST). */
function helsinkiToUtc(local: string): Date {
  const asUtc = new Date(`${local}Z`);
  const parts = (d: Date) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(d)
      .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  // Helsinki's offset at that moment (two passes settle the offset around a DST change).
  let guess = asUtc;
  for (let k = 0; k < 2; k++) {
    const p = parts(guess);
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    guess = new Date(asUtc.getTime() - (shown - guess.getTime()));
  }
  return guess;
}
