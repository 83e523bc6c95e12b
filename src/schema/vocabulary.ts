/**
 * The portal's fixed vocabularies: languages, area levels and units. Plain constant lists with no
 * dependencies, so that schemas (zod enums), pure logic and browser code share one definition.
 */

/** Languages of the site, its texts and its trilingual fields (Finnish first). */
export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Area levels of the portal, as in the tidy download format. */
export const AREA_LEVELS = ['country', 'employment_area', 'region', 'municipality'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * Units of indicator values: persons (a count), percent (a share), ratio (a plain number such as
 * unemployed per vacancy) or euros. How each is written: `src/lib/units.ts`.
 */
export const UNITS = ['persons', 'vacancies', 'percent', 'ratio', 'euros'] as const;
export type Unit = (typeof UNITS)[number];
