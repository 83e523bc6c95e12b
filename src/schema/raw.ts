/**
 * Schemas of the raw snapshot in `data/raw/`: JSON-stat 2.0 datasets (the format Statistics
 * Finland's PxWeb API serves) and the manifest that records where each file came from.
 *
 * Every file the acquire stage writes is one of these shapes. The validate stage parses them
 * with these schemas; nothing later in the pipeline reads `data/raw/` without them.
 */
import { z } from 'zod';

/** Languages the portal serves and the PxWeb API answers in. */
import { LANGS } from './vocabulary.ts';

export { LANGS, type Lang } from './vocabulary.ts';

/** A text in up to three languages. Finnish is always present. */
export const LocalText = z.object({
  /** Finnish text (always present: the source's own language). */
  fi: z.string().min(1),
  /** Swedish text, where the source has one. */
  sv: z.string().min(1).optional(),
  /** English text, where the source has one. */
  en: z.string().min(1).optional(),
});
export type LocalText = z.infer<typeof LocalText>;

/** One dimension of a JSON-stat 2.0 dataset. */
const JsonStatDimension = z.object({
  /** Human-readable name of the dimension (e.g. "Alue"). */
  label: z.string().optional(),
  category: z.object({
    /**
     * Category codes in order: either an array of codes or an object code → position.
     * PxWeb writes the object form.
     */
    index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]),
    /** Category code → label in the response's language. */
    label: z.record(z.string(), z.string()).optional(),
    /** For the contents (metric) dimension: code → unit (base text and decimals). */
    unit: z
      .record(
        z.string(),
        z.object({ base: z.string().optional(), decimals: z.number().int().optional() }).loose(),
      )
      .optional(),
  }),
  extension: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A JSON-stat 2.0 dataset as PxWeb v1 returns it for `"format": "json-stat2"`.
 * `value` is dense (one entry per cell, row-major over `id`); a cell the source withheld is
 * `null` with a `status` symbol such as `"..."`.
 */
export const JsonStatDataset = z.object({
  version: z.literal('2.0'),
  class: z.literal('dataset'),
  /** Title of the table in the response's language. */
  label: z.string().optional(),
  /** The source text, e.g. "KEHA-keskus, Työnvälitystilasto". */
  source: z.string().optional(),
  /** When the source last updated the table (ISO 8601). */
  updated: z.string().optional(),
  /** Dimension ids in the order of `value`. */
  id: z.array(z.string()).min(1),
  /** Number of categories per dimension, same order as `id`. */
  size: z.array(z.number().int().nonnegative()).min(1),
  dimension: z.record(z.string(), JsonStatDimension),
  /** Cell values; `null` means no value (see `status`). */
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
  /** Cell index → status symbol (PxWeb: "..." = confidential). */
  status: z.union([z.array(z.string().nullable()), z.record(z.string(), z.string())]).optional(),
  role: z
    .object({
      time: z.array(z.string()).optional(),
      geo: z.array(z.string()).optional(),
      metric: z.array(z.string()).optional(),
    })
    .optional(),
  note: z.array(z.string()).optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});
export type JsonStatDataset = z.infer<typeof JsonStatDataset>;

/** Where a raw file came from: a request to an API, or a local file converted by the importer. */
export const Origin = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('api'),
    /** The URL that was requested. */
    url: z.url(),
    /** HTTP method used. */
    method: z.enum(['GET', 'POST']),
    /** The JSON query body sent with a POST. */
    query: z.unknown().optional(),
    /** SHA-256 of the bytes received, when the raw file is a conversion of them (a CSV file of an open-data portal). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** What the acquire stage did to the received file, when the raw file is not the answer verbatim. */
    conversion: z.string().min(1).optional(),
    /**
     * What the portal says about the file (CKAN `package_show`): the dataset, the resource, its
     * dates and its checksum as published.
     */
    published: z
      .object({
        dataset: z.string(),
        resource_id: z.string(),
        name: z.string(),
        last_modified: z.string().nullable(),
        metadata_modified: z.string().nullable(),
        hash: z.string().nullable(),
      })
      .optional(),
  }),
  z.object({
    kind: z.literal('file'),
    /** Path of the input file, relative to the project root (e.g. `../shared/data/tyonv/…`). */
    path: z.string().min(1),
    /** SHA-256 of the input file's bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Where the input file itself came from (repository · path · commit), as its README states. */
    provenance: z.string().min(1),
    /** What the importer did to it, in one sentence. */
    conversion: z.string().min(1),
  }),
]);
export type Origin = z.infer<typeof Origin>;

/** One file of the raw snapshot. */
export const ManifestEntry = z.object({
  /** Path of the raw file relative to `data/raw/`. */
  file: z.string().min(1),
  /** Source id (a file in `data/sources/`), e.g. `statfin-tyonv-12r5`. */
  source: z.string().regex(/^[a-z0-9-]+$/),
  /** Short id of this part of the source, unique within the source (e.g. `2026M06`, `live`). */
  part: z.string().regex(/^[A-Za-z0-9._-]+$/),
  /** What the part holds, in one sentence (coverage, areas, contents). */
  description: z.string().min(1),
  /**
   * `json-stat2`: a dataset of cells; `pxweb-metadata`: a PxWeb GET metadata response (variables,
   * codes and texts) in the language given by `lang`.
   */
  format: z.enum(['json-stat2', 'pxweb-metadata']),
  /** Language of the labels in the file. */
  lang: z.enum(LANGS),
  origin: Origin,
  /** When the acquire stage read the source (ISO 8601, UTC). */
  retrieved_at: z.iso.datetime(),
  /** The source's own `updated` stamp for this table, normalised to ISO 8601; null if unknown. */
  source_updated: z.iso.datetime().nullable(),
  /** The source's own source/producer text in each language it was read in. */
  source_text: LocalText.nullable(),
  /** SHA-256 of the raw file as written. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Number of cells in the file (product of `size`; 0 for metadata). */
  cells: z.number().int().nonnegative(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** A finding of the coverage guard that stops a refresh unless a person accepts it. */
export const CoverageRegression = z.object({
  /** `codes-gone`, `areas-gone`, `lost-periods`, `latest-back`, `stops-short`, `lost-cells` or `revised-share`. */
  kind: z.string().min(1),
  source: z.string().min(1),
  /** Content code, where the finding is about one. */
  code: z.string().nullable(),
  /** Area level (`country`, `municipality`, `region`, …), where the finding is about one. */
  level: z.string().nullable(),
  /** What changed, in one sentence. */
  message: z.string().min(1),
});
export type CoverageRegression = z.infer<typeof CoverageRegression>;

/** One revised value: an already-published cell whose value changed or is now withheld. */
const RevisedValue = z.object({
  source: z.string(),
  area: z.string(),
  period: z.string(),
  code: z.string(),
  /** Other dimensions as `dim=code|dim=code`, '' if none. */
  dims: z.string(),
  old: z.number(),
  /** The new value; null when the source now withholds it. */
  new: z.number().nullable(),
});

/**
 * What the coverage guard compared when a refresh last replaced parts of the snapshot: the
 * derive stage's change report (CHANGES.md) lists it. Written by the live acquire only.
 */
export const RefreshRecord = z.object({
  /** When the refresh was written (ISO 8601, UTC). */
  at: z.iso.datetime(),
  /** Sources the refresh replaced. */
  sources: z.array(z.string()),
  /** Findings that would have stopped the refresh; non-empty only if a person accepted them. */
  regressions: z.array(CoverageRegression),
  /** The person's acceptance (`--accept "<reason>"`), or null when nothing needed accepting. */
  accepted: z.object({ reason: z.string().min(1) }).nullable(),
  /** Values the old snapshot had that the refresh changed: how many of how many, and the largest. */
  revisions: z.object({
    compared: z.number().int().nonnegative(),
    revised: z.number().int().nonnegative(),
    withheld_now: z.number().int().nonnegative(),
    largest: z.array(RevisedValue),
  }),
  /** Periods with values before the refresh and none after, per source, content code and area level. */
  lost_periods: z.array(z.object({ source: z.string(), code: z.string(), level: z.string(), periods: z.array(z.string()) })),
});
export type RefreshRecord = z.infer<typeof RefreshRecord>;

/** `data/raw/manifest.json`: every file of the snapshot with its provenance. */
export const Manifest = z.object({
  /** Format version of this manifest. */
  version: z.literal(1),
  /** When this snapshot was last written (ISO 8601, UTC). */
  written_at: z.iso.datetime(),
  entries: z.array(ManifestEntry),
  /** The coverage guard's record of the last live refresh (absent before the first one). */
  refresh: RefreshRecord.optional(),
  /** Every regression a person accepted, oldest first: the record of what was let through and why. */
  acceptances: z
    .array(z.object({ at: z.iso.datetime(), reason: z.string().min(1), sources: z.array(z.string()), regressions: z.array(CoverageRegression) }))
    .optional(),
});
export type Manifest = z.infer<typeof Manifest>;

/** A PxWeb v1 GET metadata response: the table's variables with their codes and texts. */
export const PxWebMetadata = z.object({
  title: z.string(),
  variables: z.array(
    z.object({
      code: z.string().min(1),
      text: z.string(),
      values: z.array(z.string()),
      valueTexts: z.array(z.string()),
      time: z.boolean().optional(),
      elimination: z.boolean().optional(),
    }),
  ),
});
export type PxWebMetadata = z.infer<typeof PxWebMetadata>;
