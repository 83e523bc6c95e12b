/** The sizes in a data package descriptor, filled in once every file it lists is written. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Fills in the size of every file `<folder>/datapackage.json` lists (Frictionless `bytes`), for
 * readers and the catalogue page.
 */
export function fillPackageBytes(folder: string): void {
  const path = join(folder, 'datapackage.json');
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { resources: { path: string; bytes?: number }[] };
  for (const r of pkg.resources) r.bytes = statSync(join(folder, r.path)).size;
  writeFileSync(path, JSON.stringify(pkg, null, 1));
}
