/**
 * Maps drawn with d3-geo at build time. Employment-area and region shapes are the union of their
 * municipalities' shapes (topojson merge). Colours show an area's position among the others
 * (quantile classes of a neutral sequential palette) — never good or bad on their own.
 */
import { geoPath, geoTransverseMercator, scaleQuantile } from 'd3';
import type { GeometryCollection, Topology, Polygon, MultiPolygon } from 'topojson-specification';
import { feature, merge } from 'topojson-client';
import { esc } from './aria.ts';

/** Light to dark, each step distinguishable; the darkest class keeps 3:1 against white borders. */
export const PALETTE = ['#e8f1fa', '#b9d4ec', '#7eaed8', '#3f7fbd', '#0b4f8a'] as const;
export const NO_DATA = '#d9d9d9';

export interface Shapes {
  width: number;
  height: number;
  /** Code → SVG path data. */
  paths: Map<string, string>;
}

/** Projects municipal shapes and their unions into SVG paths for a fixed canvas. */
export function buildShapes(
  topology: Topology,
  groups: ReadonlyMap<string, readonly string[]>,
  width = 300,
  height = 520,
): Shapes {
  const coll = topology.objects.municipalities as GeometryCollection<{ code: string }>;
  const fc = feature(topology, coll) as unknown as GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string }>;
  // Transverse Mercator on 27°E, as in ETRS-TM35FIN, Finland's national projection.
  const projection = geoTransverseMercator().rotate([-27, 0]).fitSize([width, height], fc);
  const path = geoPath(projection).digits(1);
  const paths = new Map<string, string>();
  for (const f of fc.features) paths.set(f.properties.code, path(f) ?? '');
  const byCode = new Map(coll.geometries.map((g) => [(g.properties as { code: string }).code, g]));
  for (const [code, members] of groups) {
    const geoms = members.map((m) => byCode.get(m)).filter((g): g is NonNullable<typeof g> => g !== undefined) as (Polygon | MultiPolygon)[];
    if (geoms.length === 0) continue;
    paths.set(code, path(merge(topology, geoms)) ?? '');
  }
  return { width, height, paths };
}

export interface MapClass {
  colour: string;
  /** Lower and upper bound of the class (inclusive), as values. */
  from: number;
  to: number;
}

/**
 * Quantile classes of the values (up to five): each class holds about the same number of areas,
 * so colour shows position relative to the other areas.
 */
export function quantileClasses(values: readonly number[]): { classOf: (v: number) => number; classes: MapClass[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const k = Math.max(1, Math.min(PALETTE.length, distinct));
  const colours = k === PALETTE.length ? [...PALETTE] : PALETTE.slice(PALETTE.length - k);
  const scale = scaleQuantile<number>()
    .domain(sorted)
    .range(colours.map((_, i) => i));
  const classes: MapClass[] = colours.map((colour) => ({ colour, from: Infinity, to: -Infinity }));
  for (const v of sorted) {
    const c = classes[scale(v)]!;
    c.from = Math.min(c.from, v);
    c.to = Math.max(c.to, v);
  }
  const used = classes.filter((c) => c.from <= c.to);
  return { classOf: (v) => used.indexOf(classes[scale(v)]!), classes: used };
}

export interface ChoroplethOptions {
  shapes: Shapes;
  /** Areas to draw, with their value (null = no value) and the text of their tooltip. */
  areas: { code: string; value: number | null; title: string }[];
  classOf: (v: number) => number;
  classes: MapClass[];
  /** Outline drawn on top (e.g. the highlighted area). */
  highlight?: string;
  title: string;
  description: string;
  id: string;
}

/** A choropleth SVG; each shape has a `<title>` with the area's name and value. */
export function choropleth(o: ChoroplethOptions): string {
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.shapes.width} ${o.shapes.height}" width="${o.shapes.width}" height="${o.shapes.height}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" class="map">`,
    `<title id="${o.id}-t">${esc(o.title)}</title><desc id="${o.id}-d">${esc(o.description)}</desc>`,
  );
  for (const a of o.areas) {
    const d = o.shapes.paths.get(a.code);
    if (!d) continue;
    const fill = a.value === null ? NO_DATA : o.classes[o.classOf(a.value)]!.colour;
    parts.push(`<path d="${d}" fill="${fill}" stroke="#ffffff" stroke-width="0.6" data-code="${a.code}"><title>${esc(a.title)}</title></path>`);
  }
  if (o.highlight) {
    const d = o.shapes.paths.get(o.highlight);
    if (d) parts.push(`<path d="${d}" fill="none" stroke="#1b1b1b" stroke-width="2.2" pointer-events="none"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A small locator map: every area in grey, the given one dark. */
export function locator(shapes: Shapes, codes: readonly string[], highlight: string, title: string, id: string): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${shapes.width} ${shapes.height}" width="${Math.round(shapes.width / 1.6)}" height="${Math.round(shapes.height / 1.6)}" role="img" aria-labelledby="${id}-t" class="locator">`,
    `<title id="${id}-t">${esc(title)}</title>`,
  ];
  for (const c of codes) {
    const d = shapes.paths.get(c);
    if (d && c !== highlight) parts.push(`<path d="${d}" fill="#dfe5eb" stroke="#ffffff" stroke-width="0.8"/>`);
  }
  const h = shapes.paths.get(highlight);
  if (h) parts.push(`<path d="${h}" fill="#0b4f8a" stroke="#1b1b1b" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}
