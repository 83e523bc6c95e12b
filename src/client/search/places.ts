/**
 * The place part of the main search: a five-digit postal code or an area's name (Finnish, Swedish
 * or English, with or without diacritics, the start of a name is enough) becomes a short list of
 * places, each a municipality beside its employment area, shown before the full-text results.
 * Pure: no DOM, no fetch; the caller passes the places and the postal-code table.
 */

/** An area the search can offer: its code, level, names in every language and, for a municipality, its employment area. */
export interface Place {
  code: string;
  level: 'country' | 'employment_area' | 'region' | 'municipality';
  /** Names in fi, sv and en (duplicates allowed). */
  names: string[];
  /** The name in the page's language. */
  name: string;
  /** A municipality's employment area (code), or null. */
  area: string | null;
}

/** One offer: a municipality and/or an employment area (or a region, or the whole country), side by side. */
export interface Offer {
  municipality: Place | null;
  area: Place | null;
  other: Place | null;
  /** How the query matched: a postal code, a whole name, or the start of a name. */
  via: 'postcode' | 'name' | 'prefix';
}

/**
 * Case- and diacritics-folded text for matching: "Hämeenlinna" and "HAMEENLINNA" both become
 * "hameenlinna"; hyphens and runs of spaces become one space ("Pedersören kunta", "Koski Tl").
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-–]+/g, ' ')
    .trim();
}

/** The postal code in a query ("15100", " 15100 ", "15100 Lahti"), or null. */
export function postcodeOf(query: string): string | null {
  const m = /^\s*(\d{5})(?:\s|$)/.exec(query);
  return m ? m[1]! : null;
}

const MIN_PREFIX = 3;

/**
 * How well a place's names match a folded query: 0 whole name, 1 start of the name, 2 start of a
 * later word of the name ("uusimaa" → "Keski-Uusimaa"), null no match. Prefixes need at least
 * three letters.
 */
function score(place: Place, q: string): number | null {
  let best: number | null = null;
  for (const raw of place.names) {
    const n = fold(raw);
    let s: number | null = null;
    if (n === q) s = 0;
    else if (q.length >= MIN_PREFIX && n.startsWith(q)) s = 1;
    else if (q.length >= MIN_PREFIX && n.split(' ').slice(1).some((w) => w.startsWith(q))) s = 2;
    if (s !== null && (best === null || s < best)) best = s;
  }
  return best;
}

const LEVEL_ORDER: Record<Place['level'], number> = { municipality: 0, employment_area: 1, region: 2, country: 3 };

/**
 * The places a query names, best first, at most `limit` offers. A postal code gives its
 * municipality (with its employment area); a name gives every municipality, employment area,
 * region or the whole country whose name matches, a municipality and the employment area of the
 * same name ("Lahti") forming one offer. Whole-name matches come before prefixes, then by level
 * and name.
 */
export function findPlaces(query: string, places: readonly Place[], postcodes: Readonly<Record<string, string>> | null, limit = 6): Offer[] {
  const byCode = new Map(places.map((p) => [p.code, p]));
  const withArea = (m: Place, via: Offer['via']): Offer => ({ municipality: m, area: m.area ? (byCode.get(m.area) ?? null) : null, other: null, via });
  const code = postcodeOf(query);
  if (code !== null) {
    const m = postcodes ? byCode.get(postcodes[code] ?? '') : undefined;
    return m ? [withArea(m, 'postcode')] : [];
  }
  const q = fold(query);
  if (q === '') return [];
  const hits = places
    .map((p) => ({ p, s: score(p, q) }))
    .filter((h): h is { p: Place; s: number } => h.s !== null)
    .sort((a, b) => a.s - b.s || LEVEL_ORDER[a.p.level] - LEVEL_ORDER[b.p.level] || a.p.name.localeCompare(b.p.name, 'fi'));
  const offers: Offer[] = [];
  const shownAreas = new Set<string>();
  for (const { p, s } of hits) {
    const via = s === 0 ? 'name' : 'prefix';
    if (p.level === 'municipality') {
      const o = withArea(p, via);
      offers.push(o);
      if (o.area) shownAreas.add(o.area.code);
    } else if (p.level === 'employment_area') {
      if (!shownAreas.has(p.code)) offers.push({ municipality: null, area: p, other: null, via });
      shownAreas.add(p.code);
    } else offers.push({ municipality: null, area: null, other: p, via });
  }
  return offers.slice(0, limit);
}
