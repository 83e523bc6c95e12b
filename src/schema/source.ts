/**
 * Schema of a data source: one YAML file per source in `data/sources/<id>.yaml`.
 * The site renders attribution, licence and links only from these files.
 */
import { z } from 'zod';

/** Text required in Finnish, Swedish and English. */
export const Trilingual = z.object({
  /** Finnish. */
  fi: z.string().min(1),
  /** Swedish. */
  sv: z.string().min(1),
  /** English. */
  en: z.string().min(1),
});
export type Trilingual = z.infer<typeof Trilingual>;

/** How to reach a PxWeb table (Statistics Finland's API v1). */
const PxWebTable = z.object({
  /** Base of the API without language, e.g. `https://pxdata.stat.fi/PxWeb/api/v1`. */
  base: z.url(),
  /** Database, e.g. `StatFin`. */
  database: z.string().min(1),
  /** Table path after the database, with the short id of June 2026, e.g. `tyonv/12r5.px`. */
  table: z.string().regex(/^[a-z0-9_]+\/[A-Za-z0-9_]+\.px$/),
  /**
   * Content codes to request. Matched exactly, then as the suffix after a `prefix-` in the
   * table's metadata (codes gained prefixes on 8 June 2026). Empty = all contents.
   */
  contents: z.array(z.string().min(1)).default([]),
  /** Area levels to request, as code prefixes (e.g. `SSS`, `KU`, `MK`). Empty = all areas. */
  area_prefixes: z.array(z.string().min(1)).default([]),
  /** Other variables fixed to given values (e.g. sex = total), by the variable's text or code. */
  fixed: z.record(z.string(), z.array(z.string())).default({}),
});

/** Fields every file import has. */
const FileBase = {
  /** Name of the raw part the file becomes (`data/raw/<source>/<part>.json`); unique within the source. */
  part: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** Path of the file inside the shared data folder (`../shared/data`, or `--from`). */
  path: z.string().regex(/^[A-Za-z0-9_./-]+$/),
  /** Where the file itself came from: repository · path · commit, as the data folder's README states it. */
  provenance: z.string().min(1),
};

/** A content column of a CSV file: its column, its content code (default: the column's name), and what numbers it may hold. */
const CsvContent = z.union([
  z.string().min(1),
  z.object({
    column: z.string().min(1),
    code: z.string().min(1).optional(),
    /** Decimals allowed (rates, euros); otherwise whole numbers ≥ 0. */
    decimals: z.boolean().default(false),
    /** Negative values allowed (euros after recoveries). */
    signed: z.boolean().default(false),
  }),
]);

/**
 * How one local file of a source is imported into the raw snapshot by `npm run data:acquire:files`
 * (scripts/acquire-files.ts). `format` picks the importer in scripts/lib/importers.ts.
 */
export const FileImport = z.discriminatedUnion('format', [
  z.object({
    ...FileBase,
    /** PX metadata (fi/sv/en titles, codes and texts) of a table, kept as three metadata parts. */
    format: z.literal('px-metadata'),
  }),
  z.object({
    ...FileBase,
    /** A PxWeb v1 `json` response (columns + data rows). */
    format: z.literal('pxweb-json'),
    description: z.string().min(1),
    /** Id of the contents dimension in the output (the `json` format does not say it). */
    contents_id: z.string().min(1),
    /** Content codes that may have decimals; all others are whole numbers ≥ 0. */
    decimal_codes: z.array(z.string()).default([]),
    /** Keep only rows whose area code matches this regular expression (other classifications are left out). */
    areas: z.string().optional(),
  }),
  z.object({
    ...FileBase,
    /** A CSV file with key columns and one column per content code. */
    format: z.literal('wide-csv'),
    description: z.string().min(1),
    delimiter: z.enum([',', ';']).default(','),
    /** Column holding the area code; absent for a file of one area (`fixed_area`). */
    area_column: z.string().optional(),
    /**
     * How area codes are written: `statfin` (as StatFin codes), `kela-municipality` (Kela's three-digit
     * municipality numbers), `kela-with-country` (the same, with `000` for the whole country).
     */
    area_codes: z.enum(['statfin', 'kela-municipality', 'kela-with-country']).default('statfin'),
    /** The area of a file without an area column (e.g. `SSS`). */
    fixed_area: z.string().optional(),
    period_column: z.string().min(1),
    /** How periods are written: `month` (2026M06), `year` (2025) or `kela-month` (202606). */
    period: z.enum(['month', 'year', 'kela-month']),
    /** Other key columns kept as dimensions. */
    key_columns: z.array(z.string()).default([]),
    /** Columns that must be present but are redundant and not kept. */
    ignore_columns: z.array(z.string()).default([]),
    contents: z.array(CsvContent).min(1),
    /** The source's `updated` stamp, read from a PX metadata file of the same data folder (else unknown). */
    updated_from_px_metadata: z.string().optional(),
    /** The source's `updated` date (YYYY-MM-DD) as the data folder's README states it, where the file does not carry it. */
    updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /**
     * The file lists every area × period of its grid except the cells the source withheld, so an
     * absent pair is written as withheld (`...`), as the data folder's README states for the file.
     */
    absent_is_withheld: z.boolean().default(false),
    /** The source text the file's producer gives (in Finnish). */
    source_text: z.string().optional(),
    /** How the file was converted before it reached us, and what the import changes (written into the manifest). */
    conversion: z.string().min(1),
  }),
  z.object({
    ...FileBase,
    /**
     * A chart data file with anonymous columns (`yColumn`, `yColumn_1`, …) in the order of the
     * table's contents, e.g. Kangasala's 12r5 series. The order comes from a PX metadata file.
     */
    format: z.literal('anonymous-columns-json'),
    codes_from_px_metadata: z.string().min(1),
  }),
  z.object({
    ...FileBase,
    /**
     * A JSON file keyed by city name and the Finnish content label (Espoo, Helsinki, Vantaa); labels
     * become content codes through a PX metadata file.
     */
    format: z.literal('labelled-cities-json'),
    codes_from_px_metadata: z.string().min(1),
  }),
  z.object({
    ...FileBase,
    /** One section of the hand-compiled outlook file (TEM's forecast, or Finanssivalvonta's allowance figures). */
    format: z.literal('outlook-csv'),
    section: z.enum(['forecast-national', 'forecast-areas', 'earnings-related-allowance']),
    description: z.string().min(1),
  }),
]);
export type FileImport = z.infer<typeof FileImport>;
/**
 * How to fetch a dataset from an open-data portal's CKAN action API (opendata.fi / avoindata.fi):
 * `package_show` gives the dataset's files (resources) with their dates and checksums; each data
 * file matching `resources` is downloaded and its columns turned into cells as `table` says.
 */
const CkanDataset = z.object({
  /** Base of the action API, e.g. `https://www.avoindata.fi/data/api/3` (`/action/package_show` is added). */
  base: z.url(),
  /** The dataset's name (its address on the portal) or id, as `package_show?id=` takes it. */
  dataset: z.string().min(1),
  /** Whether the dataset id and the columns below have been checked against the portal (false: unverified, see notes). */
  verified: z.boolean(),
  /** Regular expression (case-insensitive) for the names of the files to fetch; default every `.csv`. */
  resources: z.string().min(1).default('\\.csv$'),
  /** Check each file against the SHA-256 the portal publishes for it (its `hash`), when it gives one. */
  verify_hash: z.boolean().default(true),
  /** How a file's columns become cells (one row per area × period × keys, one column per content). */
  table: z.object({
    /** Field separator; `auto` takes `;` when the header has one and no comma. */
    delimiter: z.enum([',', ';', 'auto']).default('auto'),
    /** Column of the area: Kela's municipality number (`091` → `KU091`, `000` → `SSS`). */
    area_column: z.string().min(1),
    /** Column of the month as `YYYYMM`. */
    period_column: z.string().min(1),
    /** Other key columns, kept as dimensions. */
    key_columns: z.array(z.string().min(1)).default([]),
    /** Columns that must be present but are redundant. */
    ignore_columns: z.array(z.string().min(1)).default([]),
    /** Content columns: the column, its content code, whether it may have decimals or be negative. */
    contents: z
      .array(z.object({ column: z.string().min(1), code: z.string().min(1), decimals: z.boolean().default(false), signed: z.boolean().default(false) }))
      .min(1),
  }),
});
type CkanDataset = z.infer<typeof CkanDataset>;

export const Source = z.object({
  /** Stable id `<producer>-<table>`, same as the file name. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Name of the statistics or dataset. */
  name: Trilingual,
  /** Who produces the data (credited first). */
  producer: Trilingual,
  /** Who distributes it, if different from the producer (e.g. Statistics Finland for KEHA-keskus data). */
  distributor: Trilingual.optional(),
  /** Table or dataset id as the distributor names it, e.g. `12r5`. */
  table_id: z.string().min(1),
  /** Licence of the data. */
  licence: z.object({
    /** Short licence name, e.g. `CC BY 4.0`. */
    name: z.string().min(1),
    /** URL of the licence text. */
    url: z.url(),
    /** Whether the licence is confirmed by the producer's own terms (false = stated as unverified on the site). */
    verified: z.boolean(),
  }),
  /** Attribution line the licence requires; `{table}` and `{date}` are filled in. */
  attribution: Trilingual,
  /** Public page describing the statistics. */
  url: z.url(),
  /** How often the source publishes new data. */
  frequency: Trilingual,
  /** The live API table, if the acquire stage can refresh this source from PxWeb. */
  pxweb: PxWebTable.optional(),
  /** Local files imported into the raw snapshot by `npm run data:acquire:files`, in order. */
  files: z.array(FileImport).default([]),
  /** The open-data portal dataset, if the acquire stage can refresh this source from a CKAN portal. */
  ckan: CkanDataset.optional(),
  /**
   * Whether counts may be summed across municipalities (into employment areas, regions, or a
   * municipality formed by a merger). False when one person can be counted in several areas.
   */
  additive: z.boolean(),
  /** Content codes that are rates, shares or averages: never summed, only taken as published. */
  non_additive_codes: z.array(z.string()).default([]),
  /** Content codes that may be negative (e.g. euros after recoveries); every other value must be ≥ 0. */
  signed_codes: z.array(z.string()).default([]),
  /**
   * Content codes that are amounts (euros), not counts. Every code that is in none of
   * `non_additive_codes`, `signed_codes` and this list is a count: validate refuses a value that
   * is not a whole number from 0 to MAX_COUNT (scripts/lib/validate/raw-cells.ts).
   */
  amount_codes: z.array(z.string()).default([]),
  /** Notes a reader needs (definition changes, known problems). */
  notes: z.array(Trilingual).default([]),
  /**
   * `statistics` (observed values, the default) or `forecast`: a forecast's values never enter the
   * observed series; derive writes them apart (data/derived/forecasts.json) and pages draw them apart.
   */
  kind: z.enum(['statistics', 'forecast']).default('statistics'),
  /**
   * Another source that publishes the same measure: wherever both give a cell of these codes (same
   * area and period), the values must be identical, or validate fails naming the cells.
   */
  same_values_as: z.array(z.object({ source: z.string().regex(/^[a-z0-9-]+$/), codes: z.array(z.string().min(1)).min(1) })).default([]),
});
export type Source = z.infer<typeof Source>;
