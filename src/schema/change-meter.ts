/**
 * Data contract of customer-reported change ("change meter") aggregates: what an employment area
 * submits (`data/change-meter/README.md`), and what the portal publishes after the privacy rules
 * of `src/lib/privacy.ts` have been applied (`data/change-meter/published/`).
 *
 * One row per area × period × instrument × dimension. Instruments (e.g. the Jalava project's
 * customer change meter) define their own dimensions and scales, so those are text taken from the
 * submitted file, never a fixed list here.
 *
 * The same rules are written three times and a unit test keeps them in step: here (zod), in
 * `data/change-meter/schema.json` (Frictionless Table Schema) and in
 * `data/change-meter/row.schema.json` (JSON Schema of one row). Rules between fields and between
 * rows (paired ≤ measured, coverage, shares adding up, suppression) are in `src/lib/privacy.ts`.
 *
 * Runs in node and in the browser: imports nothing but zod.
 */
import { z } from 'zod';

/** The columns of a submitted file, in this order. Nothing else is accepted (no rare attributes). */
export const CHANGE_METER_COLUMNS = [
  'area_code',
  'period',
  'instrument',
  'instrument_version',
  'dimension',
  'scale',
  'customers_paired',
  'customers_measured',
  'coverage_rate',
  'share_improved',
  'share_unchanged',
  'share_worse',
  'median_change',
] as const;
export type ChangeMeterColumn = (typeof CHANGE_METER_COLUMNS)[number];

/** The columns of a published file: the submitted columns and `status`. */
export const CHANGE_METER_PUBLISHED_COLUMNS = [...CHANGE_METER_COLUMNS, 'status'] as const;

/** The columns that identify a row (area × period × instrument × dimension). */
export const CHANGE_METER_KEY = ['area_code', 'period', 'instrument', 'dimension'] as const;

/** The number columns of a row. */
export const CHANGE_METER_NUMBER_COLUMNS = [
  'customers_paired',
  'customers_measured',
  'coverage_rate',
  'share_improved',
  'share_unchanged',
  'share_worse',
  'median_change',
] as const;

/** Columns a `suppressed` row publishes empty: every figure. */
export const SUPPRESSED_COLUMNS = CHANGE_METER_NUMBER_COLUMNS;

/** Columns a `shares_suppressed` row publishes empty: the shares and the median (n and coverage stay). */
export const SHARES_SUPPRESSED_COLUMNS = ['share_improved', 'share_unchanged', 'share_worse', 'median_change'] as const;

/**
 * Area codes a row may have: the whole country `SSS` and the employment areas `TA01`–`TA46`
 * (Statistics Finland's codes; TA46 is Åland). Municipalities (`KU…`), regions (`MK…`) and
 * service providers are not a level the change meter is published at.
 */
export const CHANGE_METER_AREA_CODES = [
  'SSS',
  ...Array.from({ length: 46 }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`),
] as readonly string[] as readonly [string, ...string[]];

/** Published status of a row. */
export const CHANGE_METER_STATUSES = ['ok', 'suppressed', 'shares_suppressed'] as const;
export type ChangeMeterStatus = (typeof CHANGE_METER_STATUSES)[number];

/** The most customers a row may count: more than Finland's population is a typing error. */
export const MAX_CUSTOMERS = 10_000_000;

/**
 * A period: a calendar year `2025`, a quarter `2025-Q3`, or a window of whole months
 * `2024-07/2025-06` (first and last month, both included; 12 months recommended).
 */
export const PERIOD_PATTERN = '^(20\\d{2}|20\\d{2}-Q[1-4]|20\\d{2}-(0[1-9]|1[0-2])/20\\d{2}-(0[1-9]|1[0-2]))$';

/** Text that starts and ends with a visible character and has no line breaks. */
export const TEXT_PATTERN = '^\\S([^\\r\\n]*\\S)?$';

const text = (what: string, max: number) =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .regex(new RegExp(TEXT_PATTERN), `${what} must not start or end with spaces or contain line breaks`);

const count = (what: string) =>
  z
    .number()
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1 (a row with no customers has no figures: leave the row out)`)
    .max(MAX_CUSTOMERS, `${what} is larger than ${MAX_CUSTOMERS}`);

const share = (what: string) =>
  z
    .number()
    .min(0, `${what} is a share from 0 to 1, not below 0`)
    .max(1, `${what} is a share from 0 to 1 (0.25 = 25 %), not a percentage`);

/**
 * One row of change-meter aggregates, with typed values: the contract itself. A submitted CSV
 * row is read with {@link ChangeMeterCsvRow}, which yields this type.
 */
export const ChangeMeterRow = z
  .object({
    /** `SSS` (whole country) or an employment area `TA01`–`TA46`. Never a municipality or a provider. */
    area_code: z.enum(CHANGE_METER_AREA_CODES, {
      error: 'expected SSS (whole country) or an employment-area code TA01–TA46',
    }),
    /** Period of the first measurement: `YYYY`, `YYYY-Qn` or a month window `YYYY-MM/YYYY-MM` (12 months recommended). */
    period: z
      .string()
      .regex(new RegExp(PERIOD_PATTERN), 'expected a year (2025), a quarter (2025-Q3) or a month window (2024-07/2025-06)'),
    /** Name of the instrument (e.g. the customer change meter of the Jalava project); one published file per instrument. */
    instrument: text('instrument', 100),
    /** Version of the instrument as its owner names it (e.g. `1.0`); the same within an instrument × dimension × period. */
    instrument_version: text('instrument_version', 40),
    /** Dimension of the instrument (e.g. employability, everyday life management, skills), as the instrument names it. */
    dimension: text('dimension', 100),
    /** The scale of the dimension as text, e.g. `1-5` or `0-100`; the median change is in its steps. */
    scale: text('scale', 40),
    /** Customers with BOTH a first and a follow-up measurement: the n of every figure of the row. */
    customers_paired: count('customers_paired'),
    /** Customers with a first measurement in the period (at least `customers_paired`). */
    customers_measured: count('customers_measured'),
    /** `customers_paired / customers_measured`, a share from 0 to 1 (the follow-up response rate). */
    coverage_rate: share('coverage_rate'),
    /** Share (0–1) of paired customers whose score improved by at least one step. */
    share_improved: share('share_improved'),
    /** Share (0–1) of paired customers whose score stayed the same. */
    share_unchanged: share('share_unchanged'),
    /** Share (0–1) of paired customers whose score got worse by at least one step. */
    share_worse: share('share_worse'),
    /** Median of the change follow-up − first measurement over the paired customers, in steps of the scale. */
    median_change: z.number(),
  })
  .strict();
export type ChangeMeterRow = z.infer<typeof ChangeMeterRow>;

/** A whole number written with digits only. */
const WHOLE = /^\d+$/;
/** A decimal number with `.` as the decimal point, optionally negative. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** CSV text of a whole number → number, then checked by `inner`. */
function csvWhole<T extends z.ZodType<number, number>>(inner: T) {
  return z
    .string()
    .regex(WHOLE, 'expected a whole number written with digits only (no spaces, signs, decimals or thousands separators)')
    .transform(Number)
    .pipe(inner);
}

/** CSV text of a decimal number (`.` as the decimal point) → number, then checked by `inner`. */
function csvDecimal<T extends z.ZodType<number, number>>(inner: T) {
  return z
    .string()
    .regex(DECIMAL, 'expected a number with "." as the decimal point (e.g. 0.25), without "%" or spaces')
    .transform(Number)
    .pipe(inner);
}

const row = ChangeMeterRow.shape;

/** One submitted CSV row as text (what `readCsv` gives), read into a {@link ChangeMeterRow}. */
export const ChangeMeterCsvRow = z
  .object({
    /** See {@link ChangeMeterRow} `area_code`. */
    area_code: row.area_code,
    /** See {@link ChangeMeterRow} `period`. */
    period: row.period,
    /** See {@link ChangeMeterRow} `instrument`. */
    instrument: row.instrument,
    /** See {@link ChangeMeterRow} `instrument_version`. */
    instrument_version: row.instrument_version,
    /** See {@link ChangeMeterRow} `dimension`. */
    dimension: row.dimension,
    /** See {@link ChangeMeterRow} `scale`. */
    scale: row.scale,
    /** Digits, e.g. `12`. */
    customers_paired: csvWhole(row.customers_paired),
    /** Digits, e.g. `30`. */
    customers_measured: csvWhole(row.customers_measured),
    /** Decimal with `.`, e.g. `0.4`. */
    coverage_rate: csvDecimal(row.coverage_rate),
    /** Decimal with `.`, e.g. `0.5`. */
    share_improved: csvDecimal(row.share_improved),
    /** Decimal with `.`, e.g. `0.25`. */
    share_unchanged: csvDecimal(row.share_unchanged),
    /** Decimal with `.`, e.g. `0.25`. */
    share_worse: csvDecimal(row.share_worse),
    /** Decimal with `.`, may be negative, e.g. `-0.5`. */
    median_change: csvDecimal(row.median_change),
  })
  .strict();

/** An empty cell (withheld) → `null`, or the value read by `inner`. */
function orEmpty<T extends z.ZodType<number, string>>(inner: T) {
  return z.union([z.literal('').transform(() => null), inner]);
}

/**
 * One row of a published file (`data/change-meter/published/<instrument>.csv`): the submitted
 * columns, with the withheld figures empty, and `status`. Which cells are empty must match the
 * status; the loader checks that with `checkPublishedRow` of `src/lib/privacy.ts`.
 */
export const ChangeMeterPublishedCsvRow = z
  .object({
    /** See {@link ChangeMeterRow} `area_code`. */
    area_code: row.area_code,
    /** See {@link ChangeMeterRow} `period`. */
    period: row.period,
    /** See {@link ChangeMeterRow} `instrument`. */
    instrument: row.instrument,
    /** See {@link ChangeMeterRow} `instrument_version`. */
    instrument_version: row.instrument_version,
    /** See {@link ChangeMeterRow} `dimension`. */
    dimension: row.dimension,
    /** See {@link ChangeMeterRow} `scale`. */
    scale: row.scale,
    /** n of the row; empty when the row is `suppressed`. */
    customers_paired: orEmpty(csvWhole(row.customers_paired)),
    /** Customers with a first measurement; empty when the row is `suppressed`. */
    customers_measured: orEmpty(csvWhole(row.customers_measured)),
    /** Follow-up response rate 0–1; empty when the row is `suppressed`. */
    coverage_rate: orEmpty(csvDecimal(row.coverage_rate)),
    /** Share improved 0–1; empty unless the row is `ok`. */
    share_improved: orEmpty(csvDecimal(row.share_improved)),
    /** Share unchanged 0–1; empty unless the row is `ok`. */
    share_unchanged: orEmpty(csvDecimal(row.share_unchanged)),
    /** Share worse 0–1; empty unless the row is `ok`. */
    share_worse: orEmpty(csvDecimal(row.share_worse)),
    /** Median change in scale steps; empty unless the row is `ok`. */
    median_change: orEmpty(csvDecimal(row.median_change)),
    /**
     * `ok` every figure is published; `shares_suppressed` n and coverage are published, the shares
     * and the median withheld; `suppressed` every figure withheld.
     */
    status: z.enum(CHANGE_METER_STATUSES),
  })
  .strict();
export type ChangeMeterPublishedRow = z.infer<typeof ChangeMeterPublishedCsvRow>;

/** One instrument's entry in `data/change-meter/published/manifest.json`: where its file came from. */
export const ChangeMeterManifestEntry = z
  .object({
    /** The published file, `<instrument-slug>.csv`, in the same folder. */
    file: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.csv$/, 'expected <instrument-slug>.csv'),
    /** The instrument's name as submitted. */
    instrument: row.instrument,
    /** Name of the submitted file (without its folder). */
    source_file: z.string().min(1),
    /** SHA-256 of the submitted bytes, lowercase hex. */
    source_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
    /** When the file was imported, ISO 8601 UTC (`2026-08-01T12:00:00Z`). */
    imported_at: z.iso.datetime(),
    /** Rows published for this instrument (every status). */
    rows: z.number().int().nonnegative(),
    /** Rows with status `ok`. */
    rows_ok: z.number().int().nonnegative(),
    /** Rows with status `shares_suppressed`. */
    rows_shares_suppressed: z.number().int().nonnegative(),
    /** Rows with status `suppressed`. */
    rows_suppressed: z.number().int().nonnegative(),
    /** Periods published, in order. */
    periods: z.array(row.period),
    /** Ids of the rules the import enforced and applied (`RULES` of `src/lib/privacy.ts`). */
    rules_applied: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1),
  })
  .strict()
  .refine((e) => e.rows === e.rows_ok + e.rows_shares_suppressed + e.rows_suppressed, {
    message: 'rows must equal rows_ok + rows_shares_suppressed + rows_suppressed',
    path: ['rows'],
  });
export type ChangeMeterManifestEntry = z.infer<typeof ChangeMeterManifestEntry>;

/** `data/change-meter/published/manifest.json`. */
export const ChangeMeterManifest = z
  .object({
    /** Version of this manifest format. */
    format: z.literal('tilannekuva-change-meter-manifest/1'),
    /** One entry per published instrument file, sorted by `file`. */
    files: z.array(ChangeMeterManifestEntry),
  })
  .strict();
export type ChangeMeterManifest = z.infer<typeof ChangeMeterManifest>;

/**
 * The file-name slug of an instrument: lower case, Finnish and Swedish letters without their
 * marks (ä → a, ö → o, å → a), every other run of characters → `-`. `Jalava: Asiakkaan
 * muutosmittari` → `jalava-asiakkaan-muutosmittari`. Empty if the name has no letter or digit.
 */
export function instrumentSlug(instrument: string): string {
  return instrument
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
