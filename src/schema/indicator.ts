/**
 * Schema of an indicator: one YAML file per indicator in `data/indicators/<id>.yaml`.
 * The derive stage computes values only from the formula here, and the site writes names,
 * definitions, units, polarity and caveats only from these files.
 */
import { z } from 'zod';
import { Trilingual } from './source.ts';
import { AREA_LEVELS, UNITS } from './vocabulary.ts';


/** Area levels of the portal, as in the tidy download format. */
export const AreaLevel = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** A list of source content codes whose values are summed (one code = that code's value). */
const Codes = z.array(z.string().regex(/^[A-Za-z0-9_-]+$/)).min(1);

/**
 * How the value is computed from source cells of the same area and period.
 * Aggregated areas (employment areas, and levels a table lacks) first sum every code over
 * their municipalities and then apply the same formula, so rates are never averaged.
 */
const Formula = z.discriminatedUnion('type', [
  z.object({
    /** A count: the sum of the listed codes. */
    type: z.literal('count'),
    /** Codes summed. A suppressed code makes the sum a lower bound. */
    codes: Codes,
  }),
  z.object({
    /** A rate: scale × Σ numerator ÷ Σ denominator, from exact integers, rounded only for display. */
    type: z.literal('ratio'),
    numerator: Codes,
    denominator: Codes,
    /** 100 for a percentage, 1 for a plain ratio. */
    scale: z.union([z.literal(100), z.literal(1)]),
    /**
     * The code under which the source publishes the same rate, used where the source gives the
     * rate but not its terms (e.g. `TYOTOSUUS` for municipalities in 2023-11…2025-01).
     */
    published: z.string().optional(),
    /**
     * Estimate areas from their municipalities where the counts are missing: the weighted mean of
     * the municipalities' `published` rates with the (single) denominator code as weights, marked
     * `estimate` (src/lib/derive/estimate.ts). Requires `published` and a one-code denominator.
     */
    estimate: z.boolean().default(false),
  }),
  z.object({
    /** A value taken as the source publishes it (e.g. a survey estimate). Never aggregated. */
    type: z.literal('published'),
    code: z.string().min(1),
  }),
]);

/** Id of a shared caveat in `data/reference/caveats.yaml`. */
const CaveatId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** A caveat shared by several indicators (`data/reference/caveats.yaml`). */
export const SharedCaveat = z.object({
  /** Stable id, used in the indicators' `caveats` lists. */
  id: CaveatId,
  /** The caveat in fi/sv/en. */
  text: Trilingual,
});
export type SharedCaveat = z.infer<typeof SharedCaveat>;

/** Groups of the "progress towards work" view, in their order on the page. */
export const PROGRESS_GROUPS = ['services', 'long', 'groups', 'market'] as const;

/**
 * Where an indicator appears beyond its own pages. Orders are small integers (smaller first);
 * an absent order means the indicator is not shown there.
 */
const Show = z.object({
  /** Order of the indicator's card in the front page's latest figures for the whole country. */
  headline: z.number().int().optional(),
  /** Order of the indicator's map of the employment areas on the front page. */
  front_map: z.number().int().optional(),
  /** Order of the indicator's chart over time on area profiles (drawn when the area has a series). */
  profile_chart: z.number().int().optional(),
  /** The profile chart also draws the area's similar areas (rates only; the whole country is drawn for every rate). */
  profile_peers: z.boolean().default(false),
  /** Chosen when the comparison tool opens without a choice in its address. */
  compare_default: z.boolean().default(false),
  /**
   * The key indicator: where a page compares areas on one figure (the similar-areas table, the
   * largest changes, who improved, the comparison link of a profile) it uses this one. Exactly
   * one indicator has it.
   */
  key: z.boolean().default(false),
  /** A row of the "progress towards work" view: its group, order and the direction that counts as progress. */
  progress: z
    .object({
      group: z.enum(PROGRESS_GROUPS),
      order: z.number().int(),
      /** Which way is progress, in words: more people in services, lower, fewer, or (vacancies) the tightness caveat. */
      direction: z.enum(['services', 'lower', 'fewer', 'vacancy']),
      /** Shown only in the whole country's view (the indicator has no area values). */
      country_only: z.boolean().default(false),
    })
    .optional(),
  /** Order of the indicator's column in the progress page's table of the employment areas side by side. */
  progress_table: z.number().int().optional(),
  /** The indicator gives an area's structural attribute used to describe and match areas (similar areas). */
  area_attribute: z.enum(['population', 'labour_force']).optional(),
});

/** An indicator file, `data/indicators/<id>.yaml`. */
export const IndicatorFile = z.object({
  /** Stable English kebab-case id: file name, URL segment and the `indicator` column of downloads. Never change it. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Theme the indicator belongs to (groups the indicator list and the navigation). */
  theme: z.enum(['unemployment', 'groups', 'services', 'vacancies', 'benefits', 'population', 'survey']),
  /** Position within its theme on lists (smaller first). */
  order: z.number().int().default(100),
  /** Full name, as used in titles and downloads. The register share must never be called "unemployment rate" alone. */
  name: Trilingual,
  /** Short name for table headers and chart labels (about 30 characters at most). */
  short_name: Trilingual,
  /** One or two sentences in plain language: what is counted, when and by whom. Shown first on every page. */
  definition: Trilingual,
  /** Unit of the value: persons (a count of people), vacancies (a count of open jobs), percent, ratio (a plain number such as unemployed per vacancy) or euros. */
  unit: z.enum(UNITS),
  /** Digits after the decimal point in tables, labels and downloads. Values are rounded half up to this. */
  decimals: z.number().int().min(0).max(3),
  /**
   * Which direction is generally read as favourable. `context` = the value describes size or mix and is neither.
   * Stated in words on the page; it never changes the colours of maps or rankings.
   */
  polarity: z.enum(['lower-is-better', 'higher-is-better', 'context']),
  /**
   * Source ids (files in `data/sources/`). Where two sources give the same code for the same area
   * and period, the part whose source was updated most recently wins (its `updated` stamp; unknown
   * = oldest, then by name): the precedence is described and applied in `loadSeries`
   * (src/lib/derive/load.ts, step 1) and used across sources by `sumCodes` (src/lib/derive/compute.ts).
   */
  sources: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  /** How the value is computed, in the source's content codes. */
  formula: Formula,
  /** The same formula in words, for the methodology page. */
  formula_text: Trilingual,
  /** Fixed values of the source's other variables (e.g. `Sukupuoli: SSS` for both sexes). */
  select: z.record(z.string(), z.string()).default({}),
  /** How often the source has a value: monthly (period `YYYY-MM`) or annual (`YYYY`). */
  frequency: z.enum(['monthly', 'annual']),
  /** Area levels the indicator is published for. */
  levels: z.array(AreaLevel).min(1),
  /**
   * Whether areas are ranked on this indicator. Counts mostly reflect the size of an area, so
   * only rates and shares are ranked.
   */
  rank: z.boolean(),
  /** Indicators to show beside this one so it is not read alone (e.g. activation with unemployment). */
  related: z.array(z.string()).default([]),
  /**
   * Caveats a reader must know, shortest first: the id of a caveat shared by several indicators
   * (`data/reference/caveats.yaml`, e.g. `withheld-counts`) or a text of this indicator's own.
   * The validate stage replaces ids by their texts.
   */
  caveats: z.array(z.union([CaveatId, Trilingual])).default([]),
  /** Comparability breaks (ids of `data/reference/breaks.yaml`) that apply to this indicator. */
  breaks: z.array(z.string()).default([]),
  /** Where the indicator is shown besides its own pages (none of these = only its own pages). */
  show: Show.default({ compare_default: false, profile_peers: false, key: false }),
});
/** An indicator as written in its file (caveats may be ids). */
export type IndicatorFile = z.infer<typeof IndicatorFile>;
/** An indicator as the later stages see it: caveats resolved to their texts. */
export type Indicator = Omit<IndicatorFile, 'caveats'> & { caveats: Trilingual[] };

/** A comparability break: a point in time after which values are not like-for-like with before. */
export const Break = z.object({
  /** Stable id, e.g. `te24`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** First period after the break (`YYYY-MM`). */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** Short label for chart annotations. */
  label: Trilingual,
  /** What changed and why values on either side are not like-for-like. */
  description: Trilingual,
});
export type Break = z.infer<typeof Break>;
