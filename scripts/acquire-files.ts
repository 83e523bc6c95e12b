/**
 * Acquire from files: imports every `files:` entry of the sources in data/sources/*.yaml from the
 * real public data in ../shared/data (or `--from <folder>` with files of the same names and
 * shapes) and writes the embedded snapshot, data/raw/, with its manifest. Parts acquired from the
 * live API are kept; parts from files are replaced.
 *
 * Usage: npm run data:acquire:files [-- --from <folder>] [-- --out <raw folder>]
 */
import { resolve } from 'node:path';
import { ROOT, option, runMain, sharedDataDir } from './lib/args.ts';
import { importFile } from './lib/file-imports.ts';
import { rel } from './lib/fsx.ts';
import { writeSnapshot, type RawPart } from './lib/snapshot.ts';
import { areaCodeChecker, loadReference } from './lib/validate/reference.ts';
import { valueRules } from './lib/validate/raw-cells.ts';
import { loadSources } from './lib/validate/registry.ts';

async function main(): Promise<void> {
  // Load inputs.
  const shared = sharedDataDir();
  const rawDir = resolve(ROOT, option('out', 'data/raw'));
  const ref = loadReference(ROOT);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  // Process data: one importer call per file entry, in the sources' order.
  console.error(`acquire from files in ${rel(shared)}:`);
  const parts: RawPart[] = [];
  const sources = loadSources(ROOT);
  for (const source of sources) {
    for (const f of source.files) {
      const t0 = performance.now();
      const made = importFile(source, f, shared, ref, now);
      parts.push(...made);
      const cells = made.reduce((n, p) => n + ('size' in p.data ? p.data.size.reduce((a, b) => a * b, 1) : 0), 0);
      console.error(`  ${`${source.id}/${f.part}`.padEnd(52)} ${String(cells).padStart(8)} cells  ${(performance.now() - t0).toFixed(0).padStart(5)} ms`);
    }
  }

  // Save outputs.
  // Every cell is checked as validate will check it before anything is written.
  const rules = new Map(sources.map((s) => [s.id, valueRules(s)]));
  const manifest = await writeSnapshot(rawDir, parts, (e) => e.origin.kind === 'file', {
    cells: { rulesOf: (id) => rules.get(id)!, isKnownArea: areaCodeChecker(ref) },
  });
  console.error(`wrote ${parts.length} files into ${rel(rawDir)}/ (manifest lists ${manifest.entries.length})`);
}

runMain(main);
