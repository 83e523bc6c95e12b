/**
 * The published change-meter aggregates as the pages see them: read once per build by
 * `loadChangeMeter` (which validates every file and re-runs the protection audit).
 *
 * `TILANNEKUVA_CHANGE_METER` points the build at another published folder (the registry is read
 * from `instruments.yaml` beside it); the end-to-end test uses it to build from a temporary
 * copy, so that its test file never touches `data/`.
 */
import { join } from 'node:path';
import loadHighs from 'highs';
import { loadChangeMeter, loadRegistry, placeNames, type ChangeMeterData } from './change-meter.ts';
import { loadSite } from './site.ts';
import { highsSolver } from '../lib/change-meter/solver.ts';
import type { ChangeMeterPublishedRow } from '../schema/change-meter.ts';

// The solver loads its WebAssembly once, here, so that the loader can stay synchronous.
const solver = highsSolver(await loadHighs());

let cached: ChangeMeterData | undefined;

/** The folder of published files the build reads. */
export function changeMeterDir(): string {
  return process.env.TILANNEKUVA_CHANGE_METER ?? join(process.cwd(), 'data', 'change-meter', 'published');
}

/** Everything published (empty lists when no area has published). */
export function siteChangeMeter(): ChangeMeterData {
  if (!cached) {
    const dir = changeMeterDir();
    // Municipality names (refused in instrument and dimension names) from the derived areas.
    const municipalities = loadSite().areas.filter((a) => a.level === 'municipality').map((a) => ({ name_fi: a.name.fi, name_sv: a.name.sv, name_en: a.name.en }));
    const registry = loadRegistry(join(dir, '..', 'instruments.yaml'), placeNames(municipalities));
    cached = loadChangeMeter(process.cwd(), dir, { registry, solver });
  }
  return cached;
}

/** The published rows of one area (or `SSS`); empty when it has published nothing. */
export function changeMeterRows(code: string): ChangeMeterPublishedRow[] {
  return siteChangeMeter().areas.find((a) => a.area_code === code)?.rows ?? [];
}

/** The published file of an instrument (`<id>.csv`), from the manifest. */
export function changeMeterFile(instrument: string): string | undefined {
  return siteChangeMeter().files.find((f) => f.instrument === instrument)?.file;
}
