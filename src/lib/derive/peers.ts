/**
 * Similar areas ("peers") of each TE24 employment area, by structural attributes only — never by
 * outcomes, so that comparing outcomes with peers is fair.
 *
 * Method (published on the methodology page):
 * 1. Attributes of every TE24 area: size (natural log of the register labour force), the shares
 *    of the population living in urban and in rural municipalities (the rest is semi-urban), and
 *    the share living in bilingual or Swedish-speaking municipalities.
 * 2. Each attribute is standardised over the 45 areas (mean 0, standard deviation 1).
 * 3. Distance = Euclidean distance over the four standardised attributes, plus 0.5 when the two
 *    areas' main regions differ (neighbours share labour markets and regional policy).
 * 4. The five nearest areas are the peers; ties are broken by code.
 */
import type { Area } from './areas.ts';

const PEER_COUNT = 5;
const REGION_PENALTY = 0.5;

export interface Peer {
  code: string;
  /** Distance in standard deviations (see the method above), rounded to two decimals. */
  distance: number;
}

interface Profile {
  code: string;
  region: string | null;
  x: [number, number, number, number];
}

/** Standardises each column of the profiles (population standard deviation). */
function standardise(rows: Profile[]): Profile[] {
  const k = rows[0]?.x.length ?? 0;
  const out = rows.map((r) => ({ ...r, x: [...r.x] as Profile['x'] }));
  for (let j = 0; j < k; j++) {
    const mean = rows.reduce((a, r) => a + r.x[j]!, 0) / rows.length;
    const sd = Math.sqrt(rows.reduce((a, r) => a + (r.x[j]! - mean) ** 2, 0) / rows.length) || 1;
    out.forEach((r) => (r.x[j] = (r.x[j]! - mean) / sd));
  }
  return out;
}

/** Peers of every TE24 employment area that has all attributes. */
export function computePeers(areas: readonly Area[]): Map<string, Peer[]> {
  const profiles: Profile[] = [];
  for (const a of areas) {
    if (a.level !== 'employment_area' || a.te24 !== true) continue;
    const at = a.attributes;
    if (at.labour_force === null || at.urban === null || at.rural === null || at.bilingual_or_swedish === null) continue;
    profiles.push({ code: a.code, region: at.main_region, x: [Math.log(at.labour_force), at.urban, at.rural, at.bilingual_or_swedish] });
  }
  const z = standardise(profiles);
  const out = new Map<string, Peer[]>();
  for (const a of z) {
    const d = z
      .filter((b) => b.code !== a.code)
      .map((b) => ({
        code: b.code,
        distance: Math.sqrt(a.x.reduce((s, v, j) => s + (v - b.x[j]!) ** 2, 0)) + (a.region !== b.region ? REGION_PENALTY : 0),
      }))
      .sort((p, q) => p.distance - q.distance || p.code.localeCompare(q.code))
      .slice(0, PEER_COUNT)
      .map((p) => ({ code: p.code, distance: Math.round(p.distance * 100) / 100 }));
    out.set(a.code, d);
  }
  return out;
}
