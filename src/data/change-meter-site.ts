/**
 * The published change-meter aggregates as the pages see them: read once per build by
 * `loadChangeMeter` (which validates every file and re-runs the privacy audit).
 *
 * `TILANNEKUVA_CHANGE_METER` points the build at another published folder; the end-to-end test
 * uses it to build from a temporary copy, so that its test file never touches `data/`.
 */
import { join } from 'node:path';
import { loadChangeMeter, type ChangeMeterData } from './change-meter.ts';
import type { ChangeMeterPublishedRow } from '../schema/change-meter.ts';

let cached: ChangeMeterData | undefined;

/** The folder of published files the build reads. */
export function changeMeterDir(): string {
  return process.env.TILANNEKUVA_CHANGE_METER ?? join(process.cwd(), 'data', 'change-meter', 'published');
}

/** Everything published (empty lists when no area has published). */
export function siteChangeMeter(): ChangeMeterData {
  cached ??= loadChangeMeter(process.cwd(), changeMeterDir());
  return cached;
}

/** The published rows of one area (or `SSS`); empty when it has published nothing. */
export function changeMeterRows(code: string): ChangeMeterPublishedRow[] {
  return siteChangeMeter().areas.find((a) => a.area_code === code)?.rows ?? [];
}
