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
export const PxWebTable = z.object({
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

/**
 * How to fetch a dataset from an open-data portal's CKAN action API (opendata.fi / avoindata.fi):
 * `package_show` gives the dataset's files (resources) with their dates and checksums; each data
 * file matching `resources` is downloaded and its columns turned into cells as `table` says.
 */
export const CkanDataset = z.object({
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
export type CkanDataset = z.infer<typeof CkanDataset>;

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
  /** Notes a reader needs (definition changes, known problems). */
  notes: z.array(Trilingual).default([]),
});
export type Source = z.infer<typeof Source>;
