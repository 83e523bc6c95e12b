/**
 * Validates the good-practice library (or a folder given with --dir): front matter against the
 * schema, area and region codes against data/reference, indicator ids against data/indicators,
 * and the body on its Markdown syntax tree (safety, languages, a source reference on every sentence). Prints the
 * first problem with the file, the line and the field, and exits 1; exits 0 when every file is valid.
 *
 * Usage: npm run data:practices [-- --dir <folder>]
 */
import { resolve } from 'node:path';
import { loadPractices } from './lib/validate/practices.ts';
import { loadReference } from './lib/validate/reference.ts';
import { loadRegistry } from './lib/validate/registry.ts';
import { ROOT, option, runMain } from './lib/args.ts';
import { rel } from './lib/fsx.ts';

runMain(async () => {
  const dir = resolve(ROOT, option('dir', 'data/practices'));
  const ref = loadReference(ROOT);
  const { indicators } = loadRegistry(ROOT, ref);
  const practices = loadPractices({ areas: new Set(ref.employmentAreas.map((a) => a.code)), indicators: new Set(indicators.map((i) => i.id)), regions: new Set(ref.regions.map((r) => r.code)) }, dir, rel(dir));
  console.error(`practices: ${practices.length} valid files in ${rel(dir)}/`);
});
