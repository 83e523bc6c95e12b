/**
 * Validate: reads the raw snapshot (data/raw/, checked against its manifest and checksums), the
 * reference tables and both registries, parses every file with its zod schema, and writes the
 * long table of source cells to data/derived/validated/ for the derive stage.
 * Suppressed source cells become an explicit `suppressed` status here.
 *
 * Usage: npm run data:validate [-- --raw <folder>] [-- --out <folder>]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as aq from 'arquero';
import { loadReference, areaCodeChecker } from '../src/data/reference.ts';
import { loadPractices } from '../src/data/practices.ts';
import { loadRegistry } from '../src/data/registry.ts';
import { appendCells, emptyCells } from '../src/data/raw-cells.ts';
import { InputError, parseOrExplain } from '../src/lib/errors.ts';
import { JsonStatDataset, PxWebMetadata } from '../src/schema/raw.ts';
import { ROOT, option, runMain } from './lib/args.ts';
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
  const registry = loadRegistry(ROOT, ref.breaks);
  // The good-practice library is checked here too, so a wrong file stops the build early.
  const practices = loadPractices({ areas: new Set(ref.employmentAreas.map((a) => a.code)), indicators: new Set(registry.indicators.map((i) => i.id)) });
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
      parseOrExplain(PxWebMetadata, json, { file });
      continue;
    }
    const ds = parseOrExplain(JsonStatDataset, json, { file });
    appendCells(cells, ds, {
      file,
      source: entry.source,
      part: entry.part,
      updated: entry.source_updated ?? '',
      isKnownArea,
      signedCodes: new Set(sources.get(entry.source)!.signed_codes),
    });
  }

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
    ]),
  );
  console.error(
    `validate: ${manifest.entries.length} raw files, ${registry.indicators.length} indicators, ${registry.sources.length} sources, ${practices.length} practices; ${summary.cells} cells (${summary.suppressed} suppressed) → ${rel(outDir)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

runMain(main);
