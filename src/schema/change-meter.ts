/**
 * Data contract of customer-reported change ("change meter") aggregates: the instruments an
 * import may use (`data/change-meter/instruments.yaml`), what an employment area submits
 * (`data/change-meter/README.md`), and what the portal publishes after the privacy rules of
 * `src/lib/change-meter/` have been applied (`data/change-meter/published/`).
 *
 * One row per area × period × instrument × dimension. The instrument, its version, its scale and
 * its dimensions are not free text: each instrument is registered once in the registry, and a
 * submitted row must use exactly the registered values.
 *
 * A submission gives **counts** (paired, measured, improved, unchanged, worse); the portal
 * computes the published shares and the coverage itself, rounded to whole percent, so that no
 * figure carries more digits than the rules allow.
 *
 * The same rules are written three times and a unit test keeps them in step: here (zod), in
 * `data/change-meter/schema.json` (Frictionless Table Schema) and in
 * `data/change-meter/row.schema.json` (JSON Schema of one row). Rules between fields and between
 * rows (the counts adding up, periods, suppression) are in `src/lib/change-meter/`.
 *
 * Runs in node and in the browser: imports nothing but zod.
 */
import { z } from 'zod';

/** The columns that label a row (area, period and the registered instrument, version, dimension, scale). */
export const CHANGE_METER_LABEL_COLUMNS = ['area_code', 'period', 'instrument', 'instrument_version', 'dimension', 'scale'] as const;

/** The columns of a submitted file, in this order. Nothing else is accepted (no rare attributes). */
export const CHANGE_METER_COLUMNS = [
  ...CHANGE_METER_LABEL_COLUMNS,
  'customers_paired',
  'customers_measured',
  'customers_improved',
  'customers_unchanged',
  'customers_worse',
  'median_change',
] as const;

/** The columns of a published file: the labels, the published figures and `status`. */
export const CHANGE_METER_PUBLISHED_COLUMNS = [
  ...CHANGE_METER_LABEL_COLUMNS,
  'customers_paired',
  'customers_measured',
  'coverage_rate',
  'share_improved',
  'share_unchanged',
  'share_worse',
  'median_change',
  'status',
] as const;

/** The columns that identify a row (area × period × instrument × dimension). */
export const CHANGE_METER_KEY = ['area_code', 'period', 'instrument', 'dimension'] as const;

/** The number columns of a published row. */
const CHANGE_METER_NUMBER_COLUMNS = [
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
const MAX_CUSTOMERS = 10_000_000;

/**
 * A period: a calendar year `2025`, a quarter `2025-Q3`, or a window of whole months
 * `2024-07/2025-06` (first and last month, both included).
 */
const PERIOD_PATTERN = '^(20\\d{2}|20\\d{2}-Q[1-4]|20\\d{2}-(0[1-9]|1[0-2])/20\\d{2}-(0[1-9]|1[0-2]))$';

/** Text that starts and ends with a visible character and has no line breaks. */
const TEXT_PATTERN = '^\\S([^\\r\\n]*\\S)?$';

/** A registered name: starts with a letter or digit (never `=`, `+`, `-`, `@`: spreadsheet formulas). */
const NAME_PATTERN = '^[\\p{L}\\p{N}]([^\\r\\n]*\\S)?$';

const text = (what: string, max: number) =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .regex(new RegExp(TEXT_PATTERN), `${what} must not start or end with spaces or contain line breaks`);

const count = (what: string, min: 0 | 1) =>
  z
    .number()
    .int(`${what} must be a whole number`)
    .min(min, min === 1 ? `${what} must be at least 1 (a row with no customers has no figures: leave the row out)` : `${what} must not be negative`)
    .max(MAX_CUSTOMERS, `${what} is larger than ${MAX_CUSTOMERS}`);

/** A median of whole-step score changes is a whole or a half step. */
const median = z
  .number()
  .min(-1000, 'median_change is below -1000 steps')
  .max(1000, 'median_change is above 1000 steps')
  .multipleOf(0.5, 'median_change is a whole or a half step of the scale (the median of whole-step changes), e.g. 1 or -0.5');

/**
 * One submitted row of change-meter aggregates, with typed values: the contract itself. A
 * submitted CSV row is read with {@link ChangeMeterCsvRow}, which yields this type.
 */
export const ChangeMeterRow = z
  .object({
    /** `SSS` (whole country) or an employment area `TA01`–`TA46`. Never a municipality or a provider. */
    area_code: z.enum(CHANGE_METER_AREA_CODES, {
      error: 'expected SSS (whole country) or an employment-area code TA01–TA46',
    }),
    /** Period of the first measurement: `YYYY`, `YYYY-Qn` or a month window `YYYY-MM/YYYY-MM`. */
    period: z
      .string()
      .regex(new RegExp(PERIOD_PATTERN), 'expected a year (2025), a quarter (2025-Q3) or a month window (2024-07/2025-06)'),
    /** Name of the instrument exactly as registered in `data/change-meter/instruments.yaml`. */
    instrument: text('instrument', 100),
    /** Version of the instrument, one of the versions registered for it. */
    instrument_version: text('instrument_version', 40),
    /** Dimension of the instrument, one of the dimensions registered for that version. */
    dimension: text('dimension', 100),
    /** The scale registered for that version, e.g. `1-5` or `0-100`; the median change is in its steps. */
    scale: text('scale', 40),
    /** Customers with BOTH a first and a follow-up measurement: the n of every figure of the row. */
    customers_paired: count('customers_paired', 1),
    /** Customers with a first measurement in the period (at least `customers_paired`). */
    customers_measured: count('customers_measured', 1),
    /** Paired customers whose score improved by at least one step. */
    customers_improved: count('customers_improved', 0),
    /** Paired customers whose score stayed the same. */
    customers_unchanged: count('customers_unchanged', 0),
    /** Paired customers whose score got worse by at least one step. */
    customers_worse: count('customers_worse', 0),
    /** Median of the change follow-up − first measurement over the paired customers, in steps of the scale (a whole or half step). */
    median_change: median,
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
    .regex(DECIMAL, 'expected a number with "." as the decimal point (e.g. 0.5), without "%" or spaces')
    .transform(Number)
    .pipe(inner);
}

const row = ChangeMeterRow.shape;

/** One submitted CSV row as text (what the CSV reader gives), read into a {@link ChangeMeterRow}. */
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
    /** Digits, e.g. `6`. */
    customers_improved: csvWhole(row.customers_improved),
    /** Digits, e.g. `5`. */
    customers_unchanged: csvWhole(row.customers_unchanged),
    /** Digits, e.g. `1`. */
    customers_worse: csvWhole(row.customers_worse),
    /** Decimal with `.`, may be negative, e.g. `-0.5`. */
    median_change: csvDecimal(row.median_change),
  })
  .strict();

/** A published share: 0–1 in whole percent (two decimals). */
const percent = (what: string) =>
  z
    .number()
    .min(0, `${what} is a share from 0 to 1`)
    .max(1, `${what} is a share from 0 to 1`)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, `${what} is published in whole percent (two decimals)`);

/** An empty cell (withheld) → `null`, or the value read by `inner`. */
function orEmpty<T extends z.ZodType<number, string>>(inner: T) {
  return z.union([z.literal('').transform(() => null), inner]);
}

/**
 * One row of a published file (`data/change-meter/published/<instrument-id>.csv`): the labels,
 * the figures the rules let through (withheld ones empty) and `status`. Which cells are empty
 * must match the status; the loader checks that with `checkPublishedRow` of
 * `src/lib/change-meter/publish.ts`.
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
    /** Follow-up response rate 0–1 in whole percent; empty when the row is `suppressed`. */
    coverage_rate: orEmpty(csvDecimal(percent('coverage_rate'))),
    /** Share improved 0–1 in whole percent; empty unless the row is `ok`. */
    share_improved: orEmpty(csvDecimal(percent('share_improved'))),
    /** Share unchanged 0–1 in whole percent; empty unless the row is `ok`. */
    share_unchanged: orEmpty(csvDecimal(percent('share_unchanged'))),
    /** Share worse 0–1 in whole percent; empty unless the row is `ok`. */
    share_worse: orEmpty(csvDecimal(percent('share_worse'))),
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

/** An instrument id: the published file's name without `.csv`, permanent once published. */
const INSTRUMENT_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

const name = (what: string, max: number) =>
  text(what, max).regex(new RegExp(NAME_PATTERN, 'u'), `${what} must start with a letter or a digit`);

/** One version of a registered instrument: its scale and the dimensions it measures. */
const ChangeMeterInstrumentVersion = z
  .object({
    /** The version as the instrument's owner names it, e.g. `1.0`. */
    version: name('version', 40),
    /** The scale of every dimension of this version, e.g. `1-5` or `0-100`. */
    scale: name('scale', 40),
    /** The dimensions as the instrument names them; a submitted row must use one of these exactly. */
    dimensions: z.array(name('dimension', 100)).min(1, 'a version measures at least one dimension'),
  })
  .strict();

/** One registered instrument. */
export const ChangeMeterInstrument = z
  .object({
    /** Permanent id, also the published file's name (`<id>.csv`), e.g. `jalava-muutosmittari`. Never reused for another instrument. */
    id: z.string().regex(new RegExp(INSTRUMENT_ID_PATTERN), 'expected lower-case letters, digits and single hyphens'),
    /** The instrument's name as submitted rows write it. */
    name: name('name', 100),
    /** Where the instrument is described (its owner's public page), http(s). */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** The versions that may be imported. */
    versions: z.array(ChangeMeterInstrumentVersion).min(1),
  })
  .strict();
export type ChangeMeterInstrument = z.infer<typeof ChangeMeterInstrument>;

/** `data/change-meter/instruments.yaml`: every instrument whose aggregates may be imported, registered once. */
export const ChangeMeterRegistry = z
  .object({
    /** The registered instruments (empty until an instrument is registered). */
    instruments: z.array(ChangeMeterInstrument),
  })
  .strict();
export type ChangeMeterRegistry = z.infer<typeof ChangeMeterRegistry>;

/** One instrument's entry in `data/change-meter/published/manifest.json`. */
export const ChangeMeterManifestEntry = z
  .object({
    /** The published file, `<instrument-id>.csv`, in the same folder. */
    file: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.csv$/, 'expected <instrument-id>.csv'),
    /** The instrument's registered name. */
    instrument: row.instrument,
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
    /** Ids of the rules the import enforced and applied (`RULES` of `src/lib/change-meter/rules.ts`). */
    rules_applied: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1),
  })
  .strict()
  .refine((e) => e.rows === e.rows_ok + e.rows_shares_suppressed + e.rows_suppressed, {
    message: 'rows must equal rows_ok + rows_shares_suppressed + rows_suppressed',
    path: ['rows'],
  });
export type ChangeMeterManifestEntry = z.infer<typeof ChangeMeterManifestEntry>;

/**
 * `data/change-meter/published/manifest.json`. It never names the submitted file or its hash:
 * a file name can carry a person's name, and a hash of a small file can be searched by brute
 * force; both stay in the importer's private record.
 */
export const ChangeMeterManifest = z
  .object({
    /** Version of this manifest format. */
    format: z.literal('tilannekuva-change-meter-manifest/2'),
    /** One entry per published instrument file, sorted by `file`. */
    files: z.array(ChangeMeterManifestEntry),
  })
  .strict();
export type ChangeMeterManifest = z.infer<typeof ChangeMeterManifest>;
