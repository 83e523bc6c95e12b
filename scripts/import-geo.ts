/**
 * Reads the municipal boundaries (TopoJSON, 2025 division) from ../shared/data/geo and writes
 * data/geo/municipalities-2025.topo.json with only the municipality code as property, checked
 * against data/reference/municipalities.csv. Employment-area and region shapes are made from it
 * at build time (the union of their municipalities).
 *
 * Usage: npm run data:geo [-- --from <shared data folder>]
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadReference } from './lib/validate/reference.ts';
import { InputError, parseOrExplain } from '../src/lib/errors.ts';
import { ROOT, runMain, sharedDataDir } from './lib/args.ts';
import { readBytes, rel, sha256, toJson, writeFilesTogether } from './lib/fsx.ts';

const Topology = z.object({
  type: z.literal('Topology'),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }),
  objects: z.object({
    Kunnat2025_geo: z.object({
      type: z.literal('GeometryCollection'),
      geometries: z.array(
        z.object({
          type: z.enum(['Polygon', 'MultiPolygon']),
          arcs: z.array(z.unknown()),
          properties: z.object({ kunta_k: z.string().regex(/^KU\d{3}$/) }).loose(),
        }),
      ),
    }),
  }),
});

async function main(): Promise<void> {
  const path = join(sharedDataDir(), 'geo', 'Kunnat2025Topo.json');
  const file = rel(path);
  const bytes = await readBytes(path);
  const topo = parseOrExplain(Topology, JSON.parse(new TextDecoder().decode(bytes)), { file });
  const ref = loadReference(ROOT);
  const current = new Set(ref.municipalities.filter((m) => m.successor === '').map((m) => m.code));
  const geoms = topo.objects.Kunnat2025_geo.geometries;
  const codes = new Set(geoms.map((g) => g.properties.kunta_k));
  for (const c of current) if (!codes.has(c)) throw new InputError({ file }, `municipality ${c} has no shape`);
  for (const c of codes) if (!current.has(c)) throw new InputError({ file }, `shape ${c} is not a municipality of the current division`);
  const out = {
    type: 'Topology',
    transform: topo.transform,
    objects: {
      municipalities: {
        type: 'GeometryCollection',
        geometries: geoms.map((g) => ({ type: g.type, arcs: g.arcs, properties: { code: g.properties.kunta_k } })).sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
      },
    },
    arcs: topo.arcs,
  };
  const provenance = {
    written_by: 'scripts/import-geo.ts',
    input: { path: file, sha256: sha256(bytes) },
    origin: "Kangasalakehitys/kuukausiraportti src/data/maps/Kunnat2025Topo.json; most likely Statistics Finland's small-scale municipality layer (statistical area schema), 2025 division (exact layer and scale unverified).",
    licence: 'CC BY 4.0, Statistics Finland',
    changes: 'Properties reduced to the municipality code; arcs and transform unchanged.',
  };
  await writeFilesTogether(
    new Map([
      [join(ROOT, 'data', 'geo', 'municipalities-2025.topo.json'), JSON.stringify(out) + '\n'],
      [join(ROOT, 'data', 'geo', 'provenance.json'), toJson(provenance)],
    ]),
  );
  console.error(`geo: ${geoms.length} municipal shapes, ${topo.arcs.length} arcs → data/geo/municipalities-2025.topo.json`);
}

runMain(main);
