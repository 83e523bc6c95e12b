/**
 * Schemas of the reference data in `data/reference/`: municipalities, employment areas,
 * regions, the dated municipality → area key, municipal mergers and classification classes.
 * Codes are Statistics Finland's: `SSS`, `TA01`…`TA46`, `MK01`…, `KU091`….
 */
import { z } from 'zod';

const MunicipalityCode = z.string().regex(/^KU\d{3}$/, 'expected a municipality code such as KU091');
const EmploymentAreaCode = z.string().regex(/^TA\d{2}$/, 'expected an employment-area code such as TA08');
const RegionCode = z.string().regex(/^MK\d{2}$/, 'expected a region code such as MK01');
/** `YYYY-MM-DD`. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** Empty string (open-ended) or a date. */
const OptionalDate = z.union([z.literal(''), IsoDate]);

/** A name as read: spaces around it are not part of it (the source's Swedish name of Hartola ends in two). */
const Name = z.string().trim().min(1);
const names = {
  /** Official Finnish name. */
  name_fi: Name,
  /** Official Swedish name (for a monolingual Finnish municipality, the Finnish name). */
  name_sv: Name,
  /** English name where the source has one, otherwise the Finnish name. */
  name_en: Name,
};

/** `municipalities.csv`: every municipality of the current division, and merged ones with their successor. */
export const MunicipalityRow = z.object({
  code: MunicipalityCode,
  ...names,
  /** Region (maakunta) of the current division. Empty for a merged municipality. */
  region: z.union([z.literal(''), RegionCode]),
  /** Language ratio class (kielisuhde) of Statistics Finland: 0 Finnish, 1 bilingual Finnish majority, 2 Swedish, 3 bilingual Swedish majority. */
  language: z.union([z.literal(''), z.enum(['0', '1', '2', '3'])]),
  /** Statistical grouping of municipalities (kuntaryhmitys): 1 urban, 2 semi-urban, 3 rural. */
  urban_rural: z.union([z.literal(''), z.enum(['1', '2', '3'])]),
  /** First day the municipality existed in this form (empty = before the data begin). */
  valid_from: OptionalDate,
  /** Last day it existed (empty = still exists). */
  valid_to: OptionalDate,
  /** The municipality it merged into (empty unless merged). */
  successor: z.union([z.literal(''), MunicipalityCode]),
});
export type MunicipalityRow = z.infer<typeof MunicipalityRow>;

/** `employment-areas.csv`: the 45 TE24 employment areas and TA46 Åland. */
export const EmploymentAreaRow = z.object({
  code: EmploymentAreaCode,
  ...names,
  /** `yes` for the 45 areas of the TE24 reform; `no` for TA46 Åland, which has its own employment services. */
  te24: z.enum(['yes', 'no']),
});
export type EmploymentAreaRow = z.infer<typeof EmploymentAreaRow>;

/**
 * `ely-areas.csv`: the 15 areas of the former ELY centres (and Åland), from the 2025 key. StatFin's
 * tables still publish them (`ELY01`…), and TEM's labour-market forecast uses the same 15 names.
 */
export const ElyAreaRow = z.object({
  code: z.string().regex(/^ELY\d{2}$/, 'expected an ELY code such as ELY04'),
  ...names,
  /** The regions the area covers, `;`-separated (each region lies in one ELY area). */
  regions: z.string().regex(/^MK\d{2}(;MK\d{2})*$/, 'expected region codes separated by ";"'),
});
export type ElyAreaRow = z.infer<typeof ElyAreaRow>;

/** `regions.csv`: the 19 regions (maakunnat). */
export const RegionRow = z.object({ code: RegionCode, ...names });
export type RegionRow = z.infer<typeof RegionRow>;

/**
 * `area-key.csv`: which employment area or region a municipality belongs to, and when.
 * A change of areas or a merger is an edit of this file: end the old row and add a new one.
 * Periods before the first `valid_from` use the earliest row (the series then describes the
 * area's territory; the employment areas did not exist before 2025).
 */
export const AreaKeyRow = z.object({
  municipality: MunicipalityCode,
  /** The larger area. */
  area: z.union([EmploymentAreaCode, RegionCode]),
  level: z.enum(['employment_area', 'region']),
  valid_from: IsoDate,
  valid_to: OptionalDate,
  /** Where the row comes from (classification key and year). */
  source: z.string().min(1),
});
export type AreaKeyRow = z.infer<typeof AreaKeyRow>;

/** `municipality-mergers.csv`: hand-curated list of mergers, each with a public source. */
export const MergerRow = z.object({
  /** The municipality that ceased to exist. */
  from: MunicipalityCode,
  /** Finnish name of the municipality that ceased to exist. */
  from_name: z.string().min(1),
  /** The municipality it merged into. */
  to: MunicipalityCode,
  /** Date of the merger (the first day of the new division). */
  date: IsoDate,
  /** Public source stating the merger. */
  source_url: z.url(),
});
export type MergerRow = z.infer<typeof MergerRow>;

/** `classes.csv`: names of the classes of the language-ratio and urban–rural classifications. */
export const ClassRow = z.object({
  classification: z.enum(['language', 'urban_rural']),
  code: z.string().min(1),
  ...names,
});
export type ClassRow = z.infer<typeof ClassRow>;

/** `postcodes.csv`: a Finnish postal code and the municipality it belongs to (Posti's postal code file). */
export const PostcodeRow = z.object({
  /** Five digits. */
  postcode: z.string().regex(/^\d{5}$/, 'expected a postal code of five digits'),
  /** The municipality on the current division (merged municipalities are written as their successor). */
  municipality: MunicipalityCode,
});
export type PostcodeRow = z.infer<typeof PostcodeRow>;
