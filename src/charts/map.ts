/**
 * Maps drawn with d3-geo at build time. Employment-area and region shapes are the union of their
 * municipalities' shapes (topojson merge). Colours show an area's position among the others
 * (quantile classes of a neutral sequential palette) — never good or bad on their own. Values
 * that are only bounds are hatched, estimates dotted; names are written where they fit; the
 * municipality map can carry the employment areas' borders; a highlighted area is outlined.
 */
import { geoPath, geoTransverseMercator, scaleQuantile } from 'd3';
import type { GeometryCollection, Topology, Polygon, MultiPolygon } from 'topojson-specification';
import { feature, merge, mesh } from 'topojson-client';
import { esc } from './aria.ts';
import { overlaps, textWidth, type Box } from './labels.ts';
import { INK, NO_VALUE, SEQUENTIAL, TYPE } from './theme.ts';

/** Light to dark, each step distinguishable; the darkest class keeps 3:1 against white borders. */
export const PALETTE = SEQUENTIAL;
export const NO_DATA = NO_VALUE;

/** A shape's outline in map units: rings of [x, y] points (even-odd rule). */
type Rings = [number, number][][];

export interface Shapes {
  width: number;
  height: number;
  /** Code → SVG path data. */
  paths: Map<string, string>;
  /** Code → outline rings of the grouped areas (employment areas, regions), for placing names. */
  rings: Map<string, Rings>;
  /** Path data of the borders between employment areas, each border once (over a municipal map). */
  areaBorders?: string;
}

/** Collects the rings a d3 path generator draws (its context interface). */
function ringCollector() {
  const rings: Rings = [];
  let ring: [number, number][] = [];
  return {
    rings,
    moveTo(x: number, y: number) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
    beginPath() {},
  };
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
  const rings = new Map<string, Rings>();
  for (const f of fc.features) paths.set(f.properties.code, path(f) ?? '');
  const byCode = new Map(coll.geometries.map((g) => [(g.properties as { code: string }).code, g]));
  for (const [code, members] of groups) {
    const geoms = members.map((m) => byCode.get(m)).filter((g): g is NonNullable<typeof g> => g !== undefined) as (Polygon | MultiPolygon)[];
    if (geoms.length === 0) continue;
    const merged = merge(topology, geoms);
    paths.set(code, path(merged) ?? '');
    const collector = ringCollector();
    geoPath(projection, collector as unknown as CanvasRenderingContext2D)(merged);
    rings.set(code, collector.rings);
  }
  // Where two municipalities of different employment areas meet (TA codes are the groups named TA…).
  const areaOf = new Map<string, string>();
  for (const [code, members] of groups) if (code.startsWith('TA')) for (const m of members) areaOf.set(m, code);
  const ta = (g: { properties?: unknown }) => areaOf.get((g.properties as { code: string } | undefined)?.code ?? '');
  const areaBorders = path(mesh(topology, coll as GeometryCollection, (a, b) => a !== b && ta(a) !== ta(b))) ?? '';
  return { width, height, paths, rings, areaBorders };
}

/** Whether a point is inside rings (even-odd rule). */
function inside(rings: Rings, x: number, y: number): boolean {
  let c = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

export interface MapLabel {
  code: string;
  /** One or two lines (a long name may break after a space or a hyphen). */
  lines: string[];
  /** Centre of the label. */
  x: number;
  y: number;
}

/** A name on one line, and on two lines broken at the space or hyphen nearest its middle. */
function layouts(text: string): string[][] {
  const out = [[text]];
  let best = -1;
  for (let i = 1; i < text.length - 1; i++) {
    if ((text[i] === ' ' || text[i] === '-') && (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2))) best = i;
  }
  if (best > 0) out.push([text.slice(0, best + (text[best] === '-' ? 1 : 0)).trim(), text.slice(best + 1).trim()]);
  return out;
}

/**
 * Names that fit inside their shapes: for each area (largest first), the point nearest the
 * middle of its outline where the whole label box (on one line, else on two) lies inside the
 * shape and clear of names already placed; areas where no such point exists get no name (the
 * table and the tooltip name them).
 */
export function placeMapLabels(shapes: Shapes, names: readonly { code: string; text: string }[], fontSize: number = TYPE.map): MapLabel[] {
  const items = names
    .map((n) => {
      const rings = shapes.rings.get(n.code);
      if (!rings || rings.length === 0) return null;
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const r of rings) for (const [x, y] of r) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
      return { ...n, rings, x0, y0, x1, y1, size: (x1 - x0) * (y1 - y0) };
    })
    .filter((n): n is NonNullable<typeof n> => n !== null)
    .sort((a, b) => b.size - a.size || a.code.localeCompare(b.code));
  const placed: (MapLabel & { box: Box })[] = [];
  const lineHeight = fontSize * 1.1;
  for (const n of items) {
    for (const lines of layouts(n.text)) {
      const w = Math.max(...lines.map((l) => textWidth(l, fontSize))) + 2;
      const h = lineHeight * lines.length;
      if (w > n.x1 - n.x0 || h > n.y1 - n.y0) continue;
      const cx = (n.x0 + n.x1) / 2;
      const cy = (n.y0 + n.y1) / 2;
      const step = Math.max(2, Math.min(n.x1 - n.x0, n.y1 - n.y0) / 12);
      let best: { x: number; y: number; d: number } | null = null;
      for (let y = n.y0 + h / 2; y <= n.y1 - h / 2; y += step) {
        for (let x = n.x0 + w / 2; x <= n.x1 - w / 2; x += step) {
          const d = (x - cx) ** 2 + (y - cy) ** 2;
          if (best && d >= best.d) continue;
          const box = { x: x - w / 2, y: y - h / 2, width: w, height: h };
          // Probe the box's edge (with a margin) at five points a side, and its middle.
          const probes: [number, number][] = [[x, y]];
          for (let k = 0; k <= 4; k++) {
            const px = box.x - 1.5 + ((w + 3) * k) / 4;
            const py = box.y - 1 + ((h + 2) * k) / 4;
            probes.push([px, box.y - 1], [px, box.y + h + 1], [box.x - 1.5, py], [box.x + w + 1.5, py]);
          }
          if (!probes.every(([px, py]) => inside(n.rings, px, py))) continue;
          if (placed.some((p) => overlaps(p.box, box))) continue;
          best = { x, y, d };
        }
      }
      if (best) {
        placed.push({ code: n.code, lines, x: best.x, y: best.y, box: { x: best.x - w / 2, y: best.y - h / 2, width: w, height: h } });
        break;
      }
    }
  }
  return placed.map(({ box: _box, ...l }) => l);
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
  /** Areas to draw, with their value (null = no value), its status and the text of their tooltip. */
  areas: { code: string; value: number | null; status?: string; title: string }[];
  classOf: (v: number) => number;
  classes: MapClass[];
  /** Outline drawn on top (e.g. the highlighted area). */
  highlight?: string;
  /** Draw the borders between employment areas over the shapes (a municipal map). */
  borders?: boolean;
  /** Names to write (see `placeMapLabels`). */
  labels?: MapLabel[];
  title: string;
  description: string;
  id: string;
}

/** Statuses hatched on maps: the value is only a bound of the true one. */
const BOUNDS = new Set(['lower_bound', 'upper_bound', 'incomplete']);

/**
 * A choropleth SVG; each shape has a `<title>` with the area's name and value. Bounds are
 * hatched and estimates dotted (patterns over the class colour), so they never look exact.
 */
export function choropleth(o: ChoroplethOptions): string {
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.shapes.width} ${o.shapes.height}" width="${o.shapes.width}" height="${o.shapes.height}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" class="map">`,
    `<title id="${o.id}-t">${esc(o.title)}</title><desc id="${o.id}-d">${esc(o.description)}</desc>`,
  );
  const bounded = o.areas.filter((a) => a.value !== null && a.status !== undefined && BOUNDS.has(a.status));
  const estimated = o.areas.filter((a) => a.value !== null && a.status === 'estimate');
  if (bounded.length || estimated.length) parts.push(`<defs>${mapPatterns(o.id)}</defs>`);
  for (const a of o.areas) {
    const d = o.shapes.paths.get(a.code);
    if (!d) continue;
    const fill = a.value === null ? NO_DATA : o.classes[o.classOf(a.value)]!.colour;
    parts.push(`<path d="${d}" fill="${fill}" stroke="#ffffff" stroke-width="0.6" data-code="${a.code}"><title>${esc(a.title)}</title></path>`);
  }
  for (const [list, pattern] of [[bounded, 'hatch'], [estimated, 'dots']] as const) {
    for (const a of list) {
      const d = o.shapes.paths.get(a.code);
      if (d) parts.push(`<path d="${d}" fill="url(#${o.id}-${pattern})" stroke="none" pointer-events="none"/>`);
    }
  }
  if (o.borders && o.shapes.areaBorders) parts.push(`<path d="${o.shapes.areaBorders}" fill="none" stroke="${INK}" stroke-width="0.8" stroke-opacity="0.8" pointer-events="none"/>`);
  if (o.highlight) {
    const d = o.shapes.paths.get(o.highlight);
    if (d) parts.push(`<path d="${d}" fill="none" stroke="#ffffff" stroke-width="4" pointer-events="none"/><path d="${d}" fill="none" stroke="${INK}" stroke-width="2.2" pointer-events="none"/>`);
  }
  if (o.labels?.length) {
    parts.push(`<g font-size="${TYPE.map}" text-anchor="middle" fill="${INK}" stroke="#ffffff" stroke-width="2.5" paint-order="stroke" stroke-linejoin="round" pointer-events="none" aria-hidden="true">`);
    for (const l of o.labels) {
      const top = -((l.lines.length - 1) * 1.1) / 2 + 0.35;
      parts.push(`<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}">${l.lines.map((line, i) => `<tspan x="${l.x.toFixed(1)}" dy="${i === 0 ? top.toFixed(2) : '1.1'}em">${esc(line)}</tspan>`).join('')}</text>`);
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Patterns of a map (ids prefixed by the map's id): diagonal hatching for bounds, dots for
 * estimates; each in a dark and a white stroke, so they show on light and dark classes alike.
 */
export function mapPatterns(id: string): string {
  return (
    `<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="1" y1="0" x2="1" y2="6" stroke="${INK}" stroke-width="1.2" stroke-opacity="0.8"/><line x1="4" y1="0" x2="4" y2="6" stroke="#ffffff" stroke-width="1.2" stroke-opacity="0.9"/></pattern>` +
    `<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse"><circle cx="2.5" cy="2.5" r="1.1" fill="${INK}" stroke="#ffffff" stroke-width="0.6"/></pattern>`
  );
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
