/**
 * The comparison tool's data: the per-area JSON-stat files (/data/areas/<code>.json, indicator ×
 * period), fetched only for the areas chosen and kept for the page's life.
 */
import { categoryCodes } from '../../lib/jsonstat.ts';
import type { StatusName } from '../../lib/status.ts';
import type { JsonStatDataset } from '../../schema/raw.ts';

interface Point {
  period: string;
  value: number | null;
  status: StatusName;
}

/** An area's data: indicator → its points in period order. */
export type AreaData = Map<string, Point[]>;

const cache = new Map<string, Promise<AreaData>>();

/** Reads a per-area JSON-stat file (indicator × period) into indicator → points. */
export function parseAreaJsonStat(ds: JsonStatDataset): AreaData {
  const inds = categoryCodes(ds, ds.id[0]!);
  const periods = categoryCodes(ds, ds.id[1]!);
  const value = (k: number) => (Array.isArray(ds.value) ? ds.value[k] : ds.value[String(k)]) ?? null;
  const status = (k: number) => (ds.status === undefined ? undefined : Array.isArray(ds.status) ? ds.status[k] : ds.status[String(k)]) ?? null;
  const out: AreaData = new Map();
  inds.forEach((ind, i) => {
    const points: Point[] = [];
    periods.forEach((period, j) => {
      const k = i * periods.length + j;
      const v = value(k);
      const st = (status(k) ?? (v === null ? null : 'ok')) as StatusName | null;
      if (st !== null) points.push({ period, value: v, status: st });
    });
    out.set(ind, points);
  });
  return out;
}

/** The data of an area (fetched once). */
export function loadArea(code: string): Promise<AreaData> {
  let p = cache.get(code);
  if (!p) {
    p = fetch(`/data/areas/${code.toLowerCase()}.json`).then(async (r) => {
      if (!r.ok) throw new Error(`${r.status} ${code}`);
      return parseAreaJsonStat((await r.json()) as JsonStatDataset);
    });
    cache.set(code, p);
  }
  return p;
}
