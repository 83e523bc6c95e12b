/**
 * Map shapes for the site: municipalities from the derived data (checked by the validate stage
 * from data/geo), and employment areas and regions as the union of their member municipalities
 * (made once per build).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { buildShapes, type Shapes } from '../charts/map.ts';
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
