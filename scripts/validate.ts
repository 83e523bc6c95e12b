/**
 * Validate: reads the raw snapshot (data/raw/, checked against its manifest and checksums), the
 * reference tables, both registries, the good practices and the map shapes, parses every file
 * with its zod schema, and writes what the derive stage reads to data/derived/validated/:
 *   cells.arrow     the long table of source cells (suppressed cells as an explicit status)
 *   snapshot.json   the raw files' provenance
 *   registry.json   the checked indicators (caveats resolved) and sources
 *   reference.json  the checked reference tables (areas, dated key, mergers, breaks, caveats)
 *   geo.topo.json   the checked municipal boundaries
 *   practices.json  the checked good practices (front matter, bodies and their syntax trees)
 * Every formula's content codes must exist in its sources' cells.
 *
 * Usage: npm run data:validate [-- --raw <folder>] [-- --out <folder>] [-- --partial-snapshot]
 * (`--partial-snapshot`: the snapshot holds part of a table on purpose, as a test stand-in does;
 * formula codes that no raw file has are then listed instead of failing.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as aq from 'arquero';
import { loadReference, areaCodeChecker, type Reference } from './lib/validate/reference.ts';
import { loadPractices } from './lib/validate/practices.ts';
import { loadRegistry, type Registry } from './lib/validate/registry.ts';
import { appendCells, emptyCells, parseJsonStat, stripCodePrefix, valueRules, type CellColumns } from './lib/validate/raw-cells.ts';
import { formulaCodes } from '../src/lib/derive/compute.ts';
import { InputError, parseOrExplain } from '../src/lib/errors.ts';
import { PxWebMetadata } from '../src/schema/raw.ts';
import { ROOT, flag, option, runMain } from './lib/args.ts';
import { rel, sha256, toJson, writeFilesTogether } from './lib/fsx.ts';
import { readManifest } from './lib/snapshot.ts';

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p, base) : [p.slice(base.length + 1).split('\\').join('/')];
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const rawDir = resolve(ROOT, option('raw', 'data/raw'));
  const outDir = resolve(ROOT, option('out', 'data/derived/validated'));

  // Load inputs.
  const ref = loadReference(ROOT);
  const registry = loadRegistry(ROOT, ref);
  // The good-practice library is checked here too, so a wrong file stops the build early.
  const practices = loadPractices({ areas: new Set(ref.employmentAreas.map((a) => a.code)), indicators: new Set(registry.indicators.map((i) => i.id)), regions: new Set(ref.regions.map((r) => r.code)) });
  if (!existsSync(join(rawDir, 'manifest.json'))) throw new InputError({ file: rel(join(rawDir, 'manifest.json')) }, 'the raw snapshot has no manifest; run npm run data:acquire:files');
  const manifest = await readManifest(rawDir);
  const listed = new Set(manifest.entries.map((e) => e.file));
  for (const f of listFiles(rawDir)) {
    if (f !== 'manifest.json' && !listed.has(f)) throw new InputError({ file: rel(join(rawDir, f)) }, 'the file is not listed in manifest.json (only the acquire stage writes data/raw)');
  }
  const sources = new Map(registry.sources.map((s) => [s.id, s]));
  const isKnownArea = areaCodeChecker(ref);

  // Process data.
  const cells = emptyCells();
  /** Codes that a source's table metadata lists, as [source, code]. */
  const declared: [string, string][] = [];
  for (const entry of manifest.entries) {
    const file = rel(join(rawDir, entry.file));
    if (!sources.has(entry.source)) throw new InputError({ file: 'data/raw/manifest.json', field: entry.file }, `unknown source "${entry.source}" (no data/sources/${entry.source}.yaml)`);
    const text = await readFile(join(rawDir, entry.file), 'utf8').catch(() => {
      throw new InputError({ file }, 'listed in the manifest but missing');
    });
    if (sha256(text) !== entry.sha256) {
      throw new InputError({ file }, 'its checksum differs from the manifest: raw files are written only by the acquire stage, never edited by hand');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
    }
    if (entry.format === 'pxweb-metadata') {
      const meta = parseOrExplain(PxWebMetadata, json, { file });
      // The table's own list of codes also counts as what the source has (a partial refresh may lack cells of some).
      for (const v of meta.variables) for (const code of v.values) declared.push([entry.source, stripCodePrefix(code)]);
      continue;
    }
    const ds = parseJsonStat(json, file);
    appendCells(cells, ds, {
      file,
      source: entry.source,
      part: entry.part,
      updated: entry.source_updated ?? '',
      isKnownArea,
      ...valueRules(sources.get(entry.source)!),
    });
  }

  const unknownCodes = checkFormulaCodes(registry, cells, declared);
  if (unknownCodes.length) {
    // A snapshot that holds part of a table on purpose (a test stand-in) may say so; otherwise a
    // code no source has is an error (a typo would leave the indicator silently without values).
    if (!flag('partial-snapshot')) throw unknownCodes[0]!;
    console.error(`validate: --partial-snapshot: ${unknownCodes.length} formula codes are in no raw file (${unknownCodes.map((e) => e.location.file.replace(/^data\/indicators\/|\.yaml$/g, '')).join(', ')})`);
  }
  const overlaps = checkSameValues(registry, cells);
  const geoText = readFileSync(join(ROOT, 'data', 'geo', 'municipalities-2025.topo.json'), 'utf8');
  checkShapes(geoText, ref, 'data/geo/municipalities-2025.topo.json');

  // Save outputs.
  const table = aq.table(cells);
  const summary = {
    written_at: new Date().toISOString(),
    raw_written_at: manifest.written_at,
    cells: table.numRows(),
    suppressed: cells.status.filter((s) => s === 'suppressed').length,
    // The coverage guard's record of the last live refresh, for the change report (CHANGES.md).
    refresh: manifest.refresh ?? null,
    parts: manifest.entries.map((e) => ({
      file: e.file,
      source: e.source,
      part: e.part,
      format: e.format,
      description: e.description,
      origin: e.origin.kind === 'api' ? { kind: 'api', url: e.origin.url } : { kind: 'file', path: e.origin.path, provenance: e.origin.provenance },
      retrieved_at: e.retrieved_at,
      source_updated: e.source_updated,
      source_text: e.source_text,
      cells: e.cells,
    })),
  };
  await writeFilesTogether(
    new Map<string, string | Uint8Array>([
      [join(outDir, 'cells.arrow'), aq.toArrowIPC(table)],
      [join(outDir, 'snapshot.json'), toJson(summary)],
      [join(outDir, 'registry.json'), toJson(registry)],
      [join(outDir, 'reference.json'), toJson(ref)],
      [join(outDir, 'geo.topo.json'), geoText],
      [join(outDir, 'practices.json'), toJson(practices)],
    ]),
  );
  console.error(
    `validate: ${manifest.entries.length} raw files, ${registry.indicators.length} indicators, ${registry.sources.length} sources, ${practices.length} practices; ${summary.cells} cells (${summary.suppressed} suppressed)${overlaps.length ? `; identical where sources overlap: ${overlaps.join(', ')}` : ''} → ${rel(outDir)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/**
 * Every content code an indicator's formula names must be in at least one of its sources' cells
 * or table metadata (where the snapshot has any of them); a typo would otherwise leave the
 * indicator silently without values.
 */
export function checkFormulaCodes(registry: Registry, cells: CellColumns, declared: readonly [string, string][] = []): InputError[] {
  const errors: InputError[] = [];
  const codesOf = new Map<string, Set<string>>();
  const add = (source: string, code: string) => {
    let set = codesOf.get(source);
    if (!set) codesOf.set(source, (set = new Set()));
    set.add(code);
  };
  for (let i = 0; i < cells.source.length; i++) add(cells.source[i]!, cells.code[i]!);
  for (const [source, code] of declared) add(source, code);
  for (const ind of registry.indicators) {
    // A source without any cells in this snapshot says nothing about its codes.
    if (!ind.sources.some((s) => codesOf.has(s))) continue;
    const have = new Set(ind.sources.flatMap((s) => [...(codesOf.get(s) ?? [])]));
    for (const code of formulaCodes(ind)) {
      if (!have.has(code)) {
        errors.push(new InputError({ file: `data/indicators/${ind.id}.yaml`, field: 'formula' }, `the code ${code} is in none of its sources' raw files (${ind.sources.join(', ')}); check the spelling or the source`));
      }
    }
  }
  return errors;
}

/**
 * Sources that publish the same measure (`same_values_as`) must agree wherever both give a cell:
 * the same value, or both withheld. Fails naming the first differing cells; returns how many
 * cells were compared, per pair, for the log.
 */
export function checkSameValues(registry: Registry, cells: CellColumns): string[] {
  const notes: string[] = [];
  for (const src of registry.sources) {
    for (const rule of src.same_values_as) {
      const codes = new Set(rule.codes);
      const other = new Map<string, string>();
      const show = (i: number) => (cells.status[i] === 'suppressed' ? '...' : String(cells.value[i]));
      for (let i = 0; i < cells.source.length; i++) {
        if (cells.source[i] === rule.source && codes.has(cells.code[i]!)) other.set(`${cells.area[i]}|${cells.period[i]}|${cells.code[i]}|${cells.dims[i]}`, show(i));
      }
      let compared = 0;
      const differ: string[] = [];
      for (let i = 0; i < cells.source.length; i++) {
        if (cells.source[i] !== src.id || !codes.has(cells.code[i]!)) continue;
        const theirs = other.get(`${cells.area[i]}|${cells.period[i]}|${cells.code[i]}|${cells.dims[i]}`);
        if (theirs === undefined) continue;
        compared++;
        if (theirs !== show(i)) differ.push(`${cells.area[i]} ${cells.period[i]} ${cells.code[i]}: ${show(i)} in ${src.id}, ${theirs} in ${rule.source}`);
      }
      if (differ.length) {
        throw new InputError(
          { file: `data/sources/${src.id}.yaml`, field: 'same_values_as' },
          `${differ.length} of ${compared} overlapping cells differ from ${rule.source}, e.g. ${differ.slice(0, 5).join('; ')}`,
        );
      }
      notes.push(`${src.id} = ${rule.source} on ${compared} cells`);
    }
  }
  return notes;
}

/** The boundaries must be a TopoJSON topology whose municipalities are exactly the current ones. */
function checkShapes(text: string, ref: Reference, file: string): void {
  let topo: { type?: unknown; objects?: Record<string, { geometries?: { properties?: { code?: unknown } }[] }> };
  try {
    topo = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
  }
  const geometries = topo.objects?.municipalities?.geometries;
  if (topo.type !== 'Topology' || !Array.isArray(geometries)) throw new InputError({ file, field: 'objects.municipalities' }, 'expected a TopoJSON topology with an object "municipalities" (run npm run data:geo)');
  const current = new Set(ref.municipalities.filter((m) => m.successor === '').map((m) => m.code));
  const codes = geometries.map((g) => String(g.properties?.code ?? ''));
  const unknown = codes.filter((c) => !current.has(c));
  const absent = [...current].filter((c) => !codes.includes(c));
  if (unknown.length || absent.length) {
    throw new InputError({ file, field: 'objects.municipalities' }, `the shapes do not match data/reference/municipalities.csv${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}${absent.length ? `; missing: ${absent.join(', ')}` : ''} (run npm run data:geo)`);
  }
}

if (import.meta.main) runMain(main);
