/**
 * SVG snapshots of the maps (src/charts/map.ts): shapes built from a topology, unions of
 * member municipalities, the choropleth and the locator. One file per case in __snapshots__/
 * (tests/helpers/svg-snapshot.ts says how they are compared and renewed).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Topology } from 'topojson-specification';
import { buildShapes, choropleth, locator, quantileClasses } from '../../../src/charts/map.ts';
import { assertSvgSnapshot } from '../../helpers/svg-snapshot.ts';

const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

/**
 * A hand-made topology (invented shapes, not real boundaries): six one-degree squares in a grid of
 * three columns and two rows, from 24°E 61°N. Municipality KU90(c + 3r + 1) is column c, row r.
 * Every edge is one arc (vertical edges drawn upwards, horizontal ones to the east), so
 * neighbouring squares share arcs and their union dissolves the edge between them. Rings run
 * clockwise, as d3-geo expects of a small polygon.
 */
function gridTopology(cols: number, rows: number): Topology {
  const arcs: [number, number][][] = [];
  const vertical = new Map<string, number>();
  const horizontal = new Map<string, number>();
  for (let x = 0; x <= cols; x++) for (let y = 0; y < rows; y++) vertical.set(`${x},${y}`, arcs.push([[24 + x, 61 + y], [24 + x, 62 + y]]) - 1);
  for (let y = 0; y <= rows; y++) for (let x = 0; x < cols; x++) horizontal.set(`${x},${y}`, arcs.push([[24 + x, 61 + y], [25 + x, 61 + y]]) - 1);
  const geometries = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      // Up the west edge, east along the north edge, down the east edge (reversed), west along the south edge (reversed).
      const ring = [vertical.get(`${x},${y}`)!, horizontal.get(`${x},${y + 1}`)!, ~vertical.get(`${x + 1},${y}`)!, ~horizontal.get(`${x},${y}`)!];
      geometries.push({ type: 'Polygon' as const, arcs: [ring], properties: { code: `KU90${x + cols * y + 1}` } });
    }
  }
  return { type: 'Topology', arcs, objects: { municipalities: { type: 'GeometryCollection', geometries } } };
}

// Employment areas of the invented grid: the three columns.
const GROUPS = new Map([
  ['TA91', ['KU901', 'KU904']],
  ['TA92', ['KU902', 'KU905']],
  ['TA93', ['KU903', 'KU906']],
]);
const shapes = buildShapes(gridTopology(3, 2), GROUPS, 150, 200);

test('an employment area\'s shape is the union of its members: one outline, no inner edge', () => {
  assert.equal(shapes.paths.size, 9);
  // A square is one closed ring of four corners; the union of two stacked squares is one ring too.
  assert.equal(shapes.paths.get('KU901')!.match(/M/g)?.length, 1);
  assert.equal(shapes.paths.get('TA91')!.match(/M/g)?.length, 1);
});

test('map-choropleth: three areas in classes, one without a value, one outlined', () => {
  // Invented values.
  const values = { TA91: 8.4, TA92: 12.1, TA93: null } as const;
  const { classOf, classes } = quantileClasses([8.4, 12.1]);
  const svg = choropleth({
    shapes,
    areas: Object.entries(values).map(([code, value]) => ({ code, value, title: `${code}: ${value === null ? '–' : String(value).replace('.', ',')}` })),
    classOf,
    classes,
    highlight: 'TA92',
    title: 'Työttömien osuus työllisyysalueittain',
    description: 'Kolme keksittyä aluetta.',
    id: 'map-fi',
  });
  assertSvgSnapshot(SNAPSHOTS, 'map-choropleth', svg);
});

test('map-locator: every municipality in grey, the chosen one dark', () => {
  const svg = locator(shapes, ['KU901', 'KU902', 'KU903', 'KU904', 'KU905', 'KU906'], 'KU905', 'Sijainti: KU905', 'loc');
  assertSvgSnapshot(SNAPSHOTS, 'map-locator', svg);
});
