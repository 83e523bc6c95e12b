/**
 * Loads the reference tables of `data/reference/` (validated by `src/schema/area.ts`).
 * Build-time I/O: used by the stage scripts and, through the derived data, by the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readCsv } from '../../../src/lib/csv.ts';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { AreaKeyRow, ClassRow, ElyAreaRow, EmploymentAreaRow, MergerRow, MunicipalityRow, PostcodeRow, RegionRow } from '../../../src/schema/area.ts';
import { Break, SharedCaveat } from '../../../src/schema/indicator.ts';

export interface Reference {
  municipalities: MunicipalityRow[];
  employmentAreas: EmploymentAreaRow[];
  regions: RegionRow[];
  /** The former ELY centres' areas (StatFin's ELY codes; TEM's forecast areas). */
  elyAreas: ElyAreaRow[];
  key: AreaKeyRow[];
  mergers: MergerRow[];
  classes: ClassRow[];
  /** Postal code → municipality (current division). */
  postcodes: PostcodeRow[];
  breaks: Break[];
  /** Caveats shared by several indicators. */
  caveats: SharedCaveat[];
}

function loadCsv<S extends z.ZodObject>(dir: string, name: string, schema: S): z.infer<S>[] {
  const file = `data/reference/${name}`;
  const table = readCsv(new Uint8Array(readFileSync(join(dir, name))), { file, columns: Object.keys(schema.shape) });
  return table.rows.map(({ line, values }) => parseOrExplain(schema, values, { file, row: line }));
}

/** Reads and validates every reference table. `root` is the project root. */
export function loadReference(root = process.cwd()): Reference {
  const dir = join(root, 'data', 'reference');
  const breaksFile = 'data/reference/breaks.yaml';
  const breaks = parseOrExplain(z.array(Break), parseYaml(readFileSync(join(dir, 'breaks.yaml'), 'utf8')), { file: breaksFile });
  const caveatsFile = 'data/reference/caveats.yaml';
  const caveats = parseOrExplain(z.array(SharedCaveat), parseYaml(readFileSync(join(dir, 'caveats.yaml'), 'utf8')), { file: caveatsFile });
  caveats.forEach((c, k) => {
    if (caveats.findIndex((x) => x.id === c.id) !== k) throw new InputError({ file: caveatsFile, field: `[${k}].id` }, `the id "${c.id}" is used twice`);
  });
  return {
    municipalities: loadCsv(dir, 'municipalities.csv', MunicipalityRow),
    employmentAreas: loadCsv(dir, 'employment-areas.csv', EmploymentAreaRow),
    regions: loadCsv(dir, 'regions.csv', RegionRow),
    elyAreas: loadCsv(dir, 'ely-areas.csv', ElyAreaRow),
    key: loadCsv(dir, 'area-key.csv', AreaKeyRow),
    mergers: loadCsv(dir, 'municipality-mergers.csv', MergerRow),
    classes: loadCsv(dir, 'classes.csv', ClassRow),
    postcodes: loadCsv(dir, 'postcodes.csv', PostcodeRow),
    breaks,
    caveats,
  };
}

/**
 * A membership test for area codes a source file may contain: the whole country, current and
 * merged municipalities, employment areas, regions, and StatFin's codes for "unknown" and
 * "abroad" (`KUJOU`, `KU199`, `MKJO`, `MK91`, …). Sub-regional (`SK`) and ELY codes are accepted
 * by form: the raw snapshot keeps them, the portal does not publish them.
 */
export function areaCodeChecker(ref: Reference): (code: string) => boolean {
  const known = new Set<string>(['SSS', 'KU199', 'MK91', 'KUJOU', 'MKJO', 'SKJOU', 'ELYJO']);
  for (const m of ref.municipalities) known.add(m.code);
  for (const a of ref.employmentAreas) known.add(a.code);
  for (const r of ref.regions) known.add(r.code);
  return (code) => known.has(code) || /^SK\d{3}$/.test(code) || /^ELY\d{2}$/.test(code);
}
