/**
 * Map shapes for the site: municipalities from the derived data (checked by the validate stage
 * from data/geo), and employment areas and regions as the union of their member municipalities
 * (made once per build).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { buildShapes, placeMapLabels, type MapLabel, type Shapes } from '../charts/map.ts';
import type { Lang } from '../i18n/format.ts';
import type { Area } from '../lib/derive/areas.ts';
import { derivedDir } from './site.ts';

let cached: Shapes | undefined;

/** Projected SVG paths of every municipality, employment area and region. */
export function loadShapes(areas: readonly Area[]): Shapes {
  if (cached) return cached;
  const topology = JSON.parse(readFileSync(join(derivedDir(), 'geo.topo.json'), 'utf8')) as Topology;
  const groups = new Map<string, string[]>();
  for (const a of areas) if (a.level === 'employment_area' || a.level === 'region') groups.set(a.code, a.members);
  cached = buildShapes(topology, groups);
  return cached;
}

const labelCache = new Map<string, MapLabel[]>();

/** Names of employment areas placed where they fit on the map (once per language and set of areas). */
export function mapLabels(site: { areas: readonly Area[]; areaByCode: ReadonlyMap<string, Area> }, lang: Lang, codes: readonly string[]): MapLabel[] {
  const key = `${lang}|${codes.join(',')}`;
  let labels = labelCache.get(key);
  if (!labels) {
    const shapes = loadShapes(site.areas);
    labels = placeMapLabels(shapes, codes.map((code) => ({ code, text: site.areaByCode.get(code)!.name[lang] ?? site.areaByCode.get(code)!.name.fi })));
    labelCache.set(key, labels);
  }
  return labels;
}
