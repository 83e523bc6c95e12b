/**
 * The portal's areas (whole country, employment areas, regions, municipalities) with names,
 * membership and the structural attributes used to find similar areas.
 */
import type { AreaLevel } from '../../schema/indicator.ts';

interface AreaNames {
  fi: string;
  sv: string;
  en: string;
}

/** Structural attributes of an area, from the classification key and population data. */
interface AreaAttributes {
  /** Population on 31 December of `population_year`. */
  population: number | null;
  population_year: string | null;
  /** Register labour force (TYOVOIMATK) in `labour_force_period`. */
  labour_force: number | null;
  labour_force_period: string | null;
  /** Shares (0–1) of the population living in urban, semi-urban and rural municipalities. */
  urban: number | null;
  semi_urban: number | null;
  rural: number | null;
  /** Share (0–1) of the population living in bilingual or Swedish-speaking municipalities. */
  bilingual_or_swedish: number | null;
  /** The region where most of the area's population lives. */
  main_region: string | null;
}

export interface Area {
  code: string;
  level: AreaLevel;
  name: AreaNames;
  /** TE24 employment area (TA01–TA45); false for TA46 Åland; null for other levels. */
  te24: boolean | null;
  /** Employment area of a municipality. */
  employment_area: string | null;
  /** Region of a municipality. */
  region: string | null;
  /** Member municipalities of an employment area or region, in code order. */
  members: string[];
  /** Regions an employment area's municipalities belong to. */
  regions: string[];
  /** Language class and urban–rural class of a municipality (Statistics Finland's codes). */
  language: string | null;
  urban_rural: string | null;
  attributes: AreaAttributes;
  /** Similar TE24 employment areas by structural attributes (see peers.ts), nearest first. */
  peers: { code: string; distance: number }[];
}

/** The level of an area code, or null for codes the portal does not publish. */
export function levelOf(code: string): AreaLevel | null {
  if (code === 'SSS') return 'country';
  if (/^TA\d{2}$/.test(code)) return 'employment_area';
  if (/^MK\d{2}$/.test(code) && code !== 'MK91') return 'region';
  if (/^KU\d{3}$/.test(code) && code !== 'KU199') return 'municipality';
  return null;
}

export interface AreaInputs {
  municipalities: { code: string; name_fi: string; name_sv: string; name_en: string; region: string; language: string; urban_rural: string; successor: string }[];
  employmentAreas: { code: string; name_fi: string; name_sv: string; name_en: string; te24: 'yes' | 'no' }[];
  regions: { code: string; name_fi: string; name_sv: string; name_en: string }[];
  /** Municipality → employment area (current key). */
  areaOf: Map<string, string>;
  /** Latest population per area code, and its year. */
  population: Map<string, { value: number; period: string }>;
  /** Latest labour force per area code, and its period. */
  labourForce: Map<string, { value: number; period: string }>;
}

/** Builds every published area with its attributes. Shares are computed from municipal populations. */
export function buildAreas(input: AreaInputs): Area[] {
  const current = input.municipalities.filter((m) => m.successor === '');
  const out: Area[] = [];
  const blank = (code: string): AreaAttributes => ({
    population: input.population.get(code)?.value ?? null,
    population_year: input.population.get(code)?.period ?? null,
    labour_force: input.labourForce.get(code)?.value ?? null,
    labour_force_period: input.labourForce.get(code)?.period ?? null,
    urban: null,
    semi_urban: null,
    rural: null,
    bilingual_or_swedish: null,
    main_region: null,
  });
  const mix = (members: typeof current, attrs: AreaAttributes) => {
    let total = 0;
    const by = { urban: 0, semi: 0, rural: 0, lang: 0 };
    const regionPop = new Map<string, number>();
    for (const m of members) {
      const p = input.population.get(m.code)?.value;
      if (p === undefined) return attrs;
      total += p;
      if (m.urban_rural === '1') by.urban += p;
      if (m.urban_rural === '2') by.semi += p;
      if (m.urban_rural === '3') by.rural += p;
      if (m.language !== '0') by.lang += p;
      regionPop.set(m.region, (regionPop.get(m.region) ?? 0) + p);
    }
    if (total === 0) return attrs;
    attrs.urban = by.urban / total;
    attrs.semi_urban = by.semi / total;
    attrs.rural = by.rural / total;
    attrs.bilingual_or_swedish = by.lang / total;
    attrs.main_region = [...regionPop].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    return attrs;
  };
  out.push({
    code: 'SSS',
    level: 'country',
    name: { fi: 'Koko maa', sv: 'Hela landet', en: 'Whole country' },
    te24: null,
    employment_area: null,
    region: null,
    members: [],
    regions: [],
    language: null,
    urban_rural: null,
    attributes: mix(current, blank('SSS')),
    peers: [],
  });
  for (const a of input.employmentAreas) {
    const members = current.filter((m) => input.areaOf.get(m.code) === a.code);
    out.push({
      code: a.code,
      level: 'employment_area',
      name: { fi: a.name_fi, sv: a.name_sv, en: a.name_en },
      te24: a.te24 === 'yes',
      employment_area: null,
      region: null,
      members: members.map((m) => m.code),
      regions: [...new Set(members.map((m) => m.region))].sort(),
      language: null,
      urban_rural: null,
      attributes: mix(members, blank(a.code)),
      peers: [],
    });
  }
  for (const r of input.regions) {
    const members = current.filter((m) => m.region === r.code);
    out.push({
      code: r.code,
      level: 'region',
      name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
      te24: null,
      employment_area: null,
      region: null,
      members: members.map((m) => m.code),
      regions: [],
      language: null,
      urban_rural: null,
      attributes: mix(members, blank(r.code)),
      peers: [],
    });
  }
  for (const m of current) {
    out.push({
      code: m.code,
      level: 'municipality',
      name: { fi: m.name_fi, sv: m.name_sv, en: m.name_en },
      te24: null,
      employment_area: input.areaOf.get(m.code) ?? null,
      region: m.region,
      members: [],
      regions: [],
      language: m.language,
      urban_rural: m.urban_rural,
      attributes: mix([m], blank(m.code)),
      peers: [],
    });
  }
  return out;
}
