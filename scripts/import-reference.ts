/**
 * Reads Statistics Finland's municipality classification keys (via ../shared/data/areas) and the
 * hand-curated merger list, and writes the reference tables in data/reference/.
 *
 * Usage: npm run data:reference [-- --from <shared data folder>]
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readCsv, writeCsv } from '../src/lib/csv.ts';
import { InputError, parseOrExplain } from '../src/lib/errors.ts';
import {
  AreaKeyRow,
  ClassRow,
  ElyAreaRow,
  EmploymentAreaRow,
  MergerRow,
  MunicipalityRow,
  RegionRow,
} from '../src/schema/area.ts';
import { ROOT, runMain, sharedDataDir } from './lib/args.ts';
import { readBytes, rel, sha256, toJson, writeFilesTogether } from './lib/fsx.ts';

const REF = join(ROOT, 'data', 'reference');

/** The columns of geofi's municipality key that this import uses. */
const KEY_COLUMNS = [
  'kunta',
  'municipality_name_fi',
  'municipality_name_sv',
  'municipality_name_en',
  'kielisuhde_code',
  'kielisuhde_name_fi',
  'kielisuhde_name_sv',
  'kielisuhde_name_en',
  'kuntaryhmitys_code',
  'kuntaryhmitys_name_fi',
  'kuntaryhmitys_name_sv',
  'kuntaryhmitys_name_en',
  'maakunta_code',
  'maakunta_name_fi',
  'maakunta_name_sv',
  'maakunta_name_en',
] as const;
const AREA_COLUMNS = ['tyollisyysalue_code', 'tyollisyysalue_name_fi', 'tyollisyysalue_name_sv', 'tyollisyysalue_name_en'] as const;
const ELY_COLUMNS = ['ely_code', 'ely_name_fi', 'ely_name_sv', 'ely_name_en'] as const;

const KeyRow = z.object({
  kunta: z.string().regex(/^\d{1,3}$/, 'expected a municipality number'),
  municipality_name_fi: z.string().min(1),
  municipality_name_sv: z.string().min(1),
  municipality_name_en: z.string().min(1),
  kielisuhde_code: z.enum(['0', '1', '2', '3']),
  kielisuhde_name_fi: z.string().min(1),
  kielisuhde_name_sv: z.string().min(1),
  kielisuhde_name_en: z.string().min(1),
  kuntaryhmitys_code: z.enum(['1', '2', '3']),
  kuntaryhmitys_name_fi: z.string().min(1),
  kuntaryhmitys_name_sv: z.string().min(1),
  kuntaryhmitys_name_en: z.string().min(1),
  maakunta_code: z.string().regex(/^\d{1,2}$/),
  maakunta_name_fi: z.string().min(1),
  maakunta_name_sv: z.string().min(1),
  maakunta_name_en: z.string().min(1),
  tyollisyysalue_code: z.string().regex(/^\d{1,2}$/).optional(),
  tyollisyysalue_name_fi: z.string().min(1).optional(),
  tyollisyysalue_name_sv: z.string().min(1).optional(),
  tyollisyysalue_name_en: z.string().min(1).optional(),
  ely_code: z.string().regex(/^\d{1,2}$/).optional(),
  ely_name_fi: z.string().min(1).optional(),
  ely_name_sv: z.string().min(1).optional(),
  ely_name_en: z.string().min(1).optional(),
});
type KeyRow = z.infer<typeof KeyRow>;

const AreaListRow = z.object({
  tyollisyysalue_code: z.string().regex(/^TA\d{2}$/),
  te24_area: z.string().min(1),
});

const pad = (s: string, n: number) => s.padStart(n, '0');

async function readKey(path: string, withAreas: boolean, withEly = false): Promise<Map<string, KeyRow>> {
  const file = rel(path);
  const table = readCsv(await readBytes(path), {
    file,
    columns: [...KEY_COLUMNS, ...(withAreas ? AREA_COLUMNS : []), ...(withEly ? ELY_COLUMNS : [])],
    allowExtra: true,
  });
  const out = new Map<string, KeyRow>();
  for (const { line, values } of table.rows) {
    const row = parseOrExplain(KeyRow, values, { file, row: line });
    const code = 'KU' + pad(row.kunta, 3);
    if (out.has(code)) throw new InputError({ file, row: line, field: 'kunta' }, `municipality ${code} appears twice`);
    out.set(code, row);
  }
  return out;
}

async function main(): Promise<void> {
  const shared = sharedDataDir();
  // Load inputs.
  const inputs = {
    key2024: join(shared, 'areas', 'municipality_key_2024.csv'),
    key2025: join(shared, 'areas', 'municipality_key_2025.csv'),
    key2026: join(shared, 'areas', 'municipality_key_2026.csv'),
    areas2025: join(shared, 'areas', 'tyollisyysalueet_2025.csv'),
  };
  const key2024 = await readKey(inputs.key2024, false);
  const key2025 = await readKey(inputs.key2025, true, true);
  const key2026 = await readKey(inputs.key2026, true);
  const areaFile = rel(inputs.areas2025);
  const areaList = readCsv(await readBytes(inputs.areas2025), { file: areaFile, columns: ['tyollisyysalue_code', 'te24_area'], allowExtra: true });
  const te24 = new Map<string, 'yes' | 'no'>();
  for (const { line, values } of areaList.rows) {
    const r = parseOrExplain(AreaListRow, values, { file: areaFile, row: line });
    te24.set(r.tyollisyysalue_code, r.te24_area.startsWith('yes') ? 'yes' : 'no');
  }
  const mergerPath = join(REF, 'municipality-mergers.csv');
  const mergerFile = rel(mergerPath);
  const mergers = readCsv(await readBytes(mergerPath), { file: mergerFile, columns: Object.keys(MergerRow.shape) }).rows.map(
    ({ line, values }) => ({ line, ...parseOrExplain(MergerRow, values, { file: mergerFile, row: line }) }),
  );

  // Process data.
  // The 2025 and 2026 keys must agree on municipalities and employment areas; a change of areas
  // would be a new dated row in area-key.csv, which this import does not yet need to write.
  for (const [code, r] of key2025) {
    const r26 = key2026.get(code);
    if (!r26) throw new InputError({ file: rel(inputs.key2026) }, `municipality ${code} of the 2025 key is missing`);
    if (r26.tyollisyysalue_code !== r.tyollisyysalue_code) {
      throw new InputError(
        { file: rel(inputs.key2026), field: 'tyollisyysalue_code' },
        `${code} is in area ${r26.tyollisyysalue_code} in 2026 but ${r.tyollisyysalue_code} in 2025: add dated rows to area-key.csv`,
      );
    }
  }
  if (key2026.size !== key2025.size) throw new InputError({ file: rel(inputs.key2026) }, 'the 2026 key has municipalities the 2025 key lacks');
  // Every municipality that left the division between 2024 and 2025 must be in the merger list.
  for (const code of key2024.keys()) {
    if (!key2025.has(code) && !mergers.some((m) => m.from === code && m.date === '2025-01-01')) {
      throw new InputError({ file: mergerFile }, `${code} is in the 2024 key but not in 2025, and no merger explains it`);
    }
  }
  for (const m of mergers) {
    if (key2025.has(m.from)) throw new InputError({ file: mergerFile, row: m.line, field: 'from' }, `${m.from} still exists in the 2025 key`);
    if (!key2025.has(m.to)) throw new InputError({ file: mergerFile, row: m.line, field: 'to' }, `${m.to} is not a municipality of the 2025 key`);
  }

  const municipalities: MunicipalityRow[] = [];
  const regions = new Map<string, RegionRow>();
  const areas = new Map<string, EmploymentAreaRow>();
  const keyRows: AreaKeyRow[] = [];
  const classes = new Map<string, ClassRow>();
  const ely = new Map<string, ElyAreaRow & { regionSet: Set<string> }>();
  for (const [code, r] of [...key2025].sort(([a], [b]) => a.localeCompare(b))) {
    const region = 'MK' + pad(r.maakunta_code, 2);
    const area = 'TA' + pad(r.tyollisyysalue_code ?? '', 2);
    municipalities.push({
      code,
      name_fi: r.municipality_name_fi,
      name_sv: r.municipality_name_sv,
      name_en: r.municipality_name_en,
      region,
      language: r.kielisuhde_code,
      urban_rural: r.kuntaryhmitys_code,
      valid_from: '',
      valid_to: '',
      successor: '',
    });
    regions.set(region, { code: region, name_fi: r.maakunta_name_fi, name_sv: r.maakunta_name_sv, name_en: r.maakunta_name_en });
    const flag = te24.get(area);
    if (!flag) throw new InputError({ file: areaFile, field: 'tyollisyysalue_code' }, `area ${area} of ${code} is not listed`);
    areas.set(area, {
      code: area,
      name_fi: r.tyollisyysalue_name_fi ?? '',
      name_sv: r.tyollisyysalue_name_sv ?? '',
      name_en: r.tyollisyysalue_name_en ?? '',
      te24: flag,
    });
    keyRows.push({ municipality: code, area, level: 'employment_area', valid_from: '2025-01-01', valid_to: '', source: 'municipality_key_2025 (tyollisyysalue)' });
    keyRows.push({ municipality: code, area: region, level: 'region', valid_from: '2025-01-01', valid_to: '', source: 'municipality_key_2025 (maakunta)' });
    const elyCode = 'ELY' + pad(r.ely_code ?? '', 2);
    const e = ely.get(elyCode) ?? { code: elyCode, name_fi: (r.ely_name_fi ?? '').trim(), name_sv: (r.ely_name_sv ?? '').trim(), name_en: (r.ely_name_en ?? '').replace(/\s+/g, ' ').trim(), regions: '', regionSet: new Set<string>() };
    e.regionSet.add(region);
    ely.set(elyCode, e);
    classes.set('language' + r.kielisuhde_code, { classification: 'language', code: r.kielisuhde_code, name_fi: r.kielisuhde_name_fi, name_sv: r.kielisuhde_name_sv, name_en: r.kielisuhde_name_en });
    classes.set('urban_rural' + r.kuntaryhmitys_code, { classification: 'urban_rural', code: r.kuntaryhmitys_code, name_fi: r.kuntaryhmitys_name_fi, name_sv: r.kuntaryhmitys_name_sv, name_en: r.kuntaryhmitys_name_en });
  }
  for (const m of mergers) {
    const dayBefore = new Date(Date.parse(m.date + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
    const old = key2024.get(m.from);
    municipalities.push({
      code: m.from,
      name_fi: old?.municipality_name_fi ?? m.from_name,
      name_sv: old?.municipality_name_sv ?? m.from_name,
      name_en: old?.municipality_name_en ?? m.from_name,
      region: '',
      language: '',
      urban_rural: '',
      valid_from: '',
      valid_to: dayBefore,
      successor: m.to,
    });
  }
  if (areas.size !== 46) throw new Error(`expected 46 employment areas, found ${areas.size}`);
  if (ely.size !== 16) throw new Error(`expected 16 ELY areas (15 and Åland), found ${ely.size}`);
  // Each region must lie in one ELY area, so that a region page can name its area.
  const elyOfRegion = new Map<string, string>();
  for (const e of ely.values()) {
    for (const r of e.regionSet) {
      if (elyOfRegion.has(r)) throw new Error(`region ${r} lies in both ${elyOfRegion.get(r)} and ${e.code}`);
      elyOfRegion.set(r, e.code);
    }
    e.regions = [...e.regionSet].sort().join(';');
  }
  const te24Count = [...areas.values()].filter((a) => a.te24 === 'yes').length;
  if (te24Count !== 45) throw new Error(`expected 45 TE24 areas, found ${te24Count}`);

  // Save outputs.
  const rowsOf = <T extends object>(schema: z.ZodObject, rows: T[]) => {
    const cols = Object.keys(schema.shape);
    return writeCsv(cols, rows.map((r) => cols.map((c) => (r as Record<string, string>)[c] ?? '')));
  };
  const sorted = <T extends { code: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => a.code.localeCompare(b.code));
  const files = new Map<string, string>([
    [join(REF, 'municipalities.csv'), rowsOf(MunicipalityRow, municipalities)],
    [join(REF, 'employment-areas.csv'), rowsOf(EmploymentAreaRow, sorted(areas))],
    [join(REF, 'regions.csv'), rowsOf(RegionRow, sorted(regions))],
    [join(REF, 'area-key.csv'), rowsOf(AreaKeyRow, keyRows)],
    [join(REF, 'ely-areas.csv'), rowsOf(ElyAreaRow, sorted(ely))],
    [
      join(REF, 'classes.csv'),
      rowsOf(
        ClassRow,
        [...classes.values()].sort((a, b) => (a.classification + a.code).localeCompare(b.classification + b.code)),
      ),
    ],
  ]);
  const provenance = {
    written_by: 'scripts/import-reference.ts',
    inputs: await Promise.all(
      Object.values(inputs).map(async (p) => ({ path: rel(p), sha256: sha256(await readBytes(p)) })),
    ),
    origin:
      "Statistics Finland's municipality classification and its correspondences (data.stat.fi classifications API), as saved by rOpenGov/geofi data/municipality_key_<year>.rda (commit de9392b) and converted to CSV without changing values; te24 flags from tyollisyysalueet_2025.csv.",
    licence: 'CC BY 4.0, Statistics Finland',
  };
  files.set(join(REF, 'provenance.json'), toJson(provenance));
  await writeFilesTogether(files);
  console.error(
    `reference: ${municipalities.length - mergers.length} municipalities (+${mergers.length} merged), ${areas.size} employment areas, ${regions.size} regions → ${rel(REF)}/`,
  );
}

runMain(main);
