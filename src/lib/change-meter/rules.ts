/**
 * The privacy rules for publishing change-meter aggregates (domain.md §6, built on Statistics
 * Finland's confidentiality principles), by id, with their thresholds and the error that names
 * a broken one. `data/change-meter/README.md` explains each rule to the analysts who submit
 * files; a unit test checks that it names every id here.
 *
 * Two kinds of rule:
 *
 * - **Refusal rules** must hold in the submitted file (right level, registered instrument,
 *   counts that add up, one period scheme…). A file that breaks one is refused as a whole with a
 *   {@link RuleViolation} naming the rule, the file, the row and the field: nothing is published,
 *   nothing is "fixed" silently.
 * - **Suppression rules** are met by withholding figures (`suppress.ts`), and the protection
 *   audit (`audit.ts`) proves that no withheld count can be pinned under the threshold.
 */
import { InputError, type InputLocation } from '../errors.ts';

/** Below this many customers a count is not published, and no published combination may pin one. */
export const MIN_COUNT = 5;
/** Below this many paired customers the shares and the median are withheld (n and coverage shown). */
export const MIN_N_SHARES = 10;
/** Largest submitted file the importer reads (bytes). A complete table of every area, period and dimension is far smaller. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Most data rows a submitted file may have. */
export const MAX_ROWS = 10_000;

/** The advice every report with withheld figures ends with: merging periods beats withholding figures. */
export const MERGE_ADVICE =
  'Prefer merging periods to losing figures: submit whole years (or one fixed 12-month window such as July–June, the same every year) instead of quarters, so that each row counts more customers.';

/** The rules, by id. The ids appear in messages, in the manifest and in the README. */
const RULES = {
  'file-format': {
    kind: 'refuse',
    title: `the file is UTF-8 without a byte-order mark, comma-separated, with the documented header, at most ${MAX_FILE_BYTES / 1024 / 1024} MiB and ${MAX_ROWS} rows`,
  },
  'no-extra-columns': {
    kind: 'refuse',
    title: 'never cross-tabulate change with other attributes: only the documented columns are accepted',
  },
  'field-format': { kind: 'refuse', title: 'every field is present and has the documented form' },
  'area-level': { kind: 'refuse', title: 'employment-area or national level only, never a municipality, region or provider' },
  'known-area': { kind: 'refuse', title: 'the area code is an employment area of data/reference or SSS' },
  'registered-instrument': {
    kind: 'refuse',
    title: 'the instrument, its version, scale and dimension are exactly as registered in data/change-meter/instruments.yaml',
  },
  'no-identifying-text': {
    kind: 'refuse',
    title: 'registered names contain no municipality, no person identity code, e-mail, phone or customer number, and no subgroup such as "without …"',
  },
  'paired-measurements-only': {
    kind: 'refuse',
    title: 'change is counted only for customers with both a first and a follow-up measurement: customers_paired ≤ customers_measured, and improved + unchanged + worse = customers_paired',
  },
  'one-row-per-cell': {
    kind: 'refuse',
    title: 'one row per area × period × instrument × dimension (periods covering the same months are the same period)',
  },
  'one-version-per-group': {
    kind: 'refuse',
    title: 'all rows of one instrument × dimension × period use the same instrument_version, in this file and in earlier releases',
  },
  'one-period-scheme': {
    kind: 'refuse',
    title: 'the periods of an instrument, in this file and in every earlier release, never overlap partly: two periods are the same, disjoint, or one lies inside the other',
  },
  'totals-add-up': {
    kind: 'refuse',
    title: 'a whole-country row is the sum of its employment-area rows, and a period is the sum of the periods inside it, in every count',
  },
  'published-figures-stay': {
    kind: 'refuse',
    title: 'a figure published earlier (in the published folder or its history) is never changed: the old value stays public, and the difference would be a small count',
  },
  'suppress-n-below-5': { kind: 'suppress', title: 'a row with fewer than 5 paired customers is not published' },
  'shares-need-n-10': {
    kind: 'suppress',
    title: 'shares and the median need at least 10 paired customers; with 5–9 only n and coverage are shown',
  },
  'category-count-below-5': {
    kind: 'suppress',
    title: 'shares are withheld when one of the counts behind them (improved, unchanged, worse) is 1–4',
  },
  'linked-dimensions': {
    kind: 'suppress',
    title: 'the dimensions of one area and period describe the same customers: an n withheld in one is withheld in all',
  },
  'protection-interval': {
    kind: 'suppress',
    title: 'no withheld count may be pinned under 5: given everything published now and earlier, every withheld count (n, improved, unchanged, worse) must be able to be 5 or more',
  },
} as const satisfies Record<string, { kind: 'refuse' | 'suppress'; title: string }>;
export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** An input that breaks a named rule. The message starts with file, row and field, then the rule. */
export class RuleViolation extends InputError {
  readonly rule: RuleId;
  constructor(rule: RuleId, location: InputLocation, problem: string) {
    super(location, `breaks rule "${rule}" (${RULES[rule].title}): ${problem}`);
    this.rule = rule;
  }
}
