/**
 * PxWeb v1 queries for a {@link TablePlan}: splitting the plan into chunks that each stay within
 * the API's `maxValues` cells, the JSON bodies to POST, and the check that a JSON-stat answer
 * holds what was asked. All functions here are pure.
 */
import type { JsonStatDataset } from '../../../src/schema/raw.ts';
import { AcquireError } from './errors.ts';
import type { TablePlan } from './plan.ts';

/** One data request: a run of periods and (when a single period is too big) a run of areas. */
export interface Chunk {
  periods: string[];
  /** Areas of this chunk; null when the table has no area variable. */
  areas: string[] | null;
}

/** One variable selection of a PxWeb v1 query. */
interface QuerySelection {
  code: string;
  selection: { filter: 'item' | 'top' | 'all'; values: string[] };
}

/** The JSON body of a PxWeb v1 data request. */
export interface PxQuery {
  query: QuerySelection[];
  response: { format: 'json-stat2' };
}

/** Cells selected by everything but time and area: contents × fixed values. */
function cellsPerAreaPeriod(plan: TablePlan): number {
  return plan.fixed.reduce((n, f) => n * f.values.length, plan.contents.values.length);
}

/** Number of cells a chunk selects. */
export function chunkCells(plan: TablePlan, chunk: Chunk): number {
  return chunk.periods.length * (chunk.areas ? chunk.areas.length : 1) * cellsPerAreaPeriod(plan);
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Splits a plan into chunks of at most `maxValues` cells. Periods are split first (whole
 * periods for all areas keep each file a complete cross-section); only if one period of all
 * areas is already too large are the areas split as well. Fails if one area × one period
 * (all contents and fixed values) exceeds the limit, since contents are never split.
 */
export function splitIntoChunks(plan: TablePlan, maxValues: number, periods: readonly string[] = plan.time.values): Chunk[] {
  if (!(maxValues >= 1)) throw new AcquireError(`maxValues must be at least 1 (got ${maxValues}).`);
  const per = cellsPerAreaPeriod(plan);
  const areas = plan.area ? plan.area.values : null;
  const perPeriod = per * (areas ? areas.length : 1);
  if (perPeriod <= maxValues) {
    const periodsPerChunk = Math.max(1, Math.floor(maxValues / perPeriod));
    return slices(periods, periodsPerChunk).map((p) => ({ periods: p, areas: areas ? [...areas] : null }));
  }
  if (!areas || per > maxValues)
    throw new AcquireError(
      `${plan.source} (${plan.table}): one period${areas ? ' of one area' : ''} already has ${per} cells (contents × fixed values), more than the API's limit of ${maxValues}; list fewer contents under pxweb.contents.`,
    );
  const areasPerChunk = Math.max(1, Math.floor(maxValues / per));
  const out: Chunk[] = [];
  for (const p of periods) for (const a of slices(areas, areasPerChunk)) out.push({ periods: [p], areas: a });
  return out;
}

/**
 * Halves a chunk after the server refused it as too large: periods first, then areas.
 * Returns null when the chunk is one period of one area and cannot be split further.
 */
export function halveChunk(chunk: Chunk): [Chunk, Chunk] | null {
  if (chunk.periods.length > 1) {
    const mid = Math.ceil(chunk.periods.length / 2);
    return [
      { periods: chunk.periods.slice(0, mid), areas: chunk.areas },
      { periods: chunk.periods.slice(mid), areas: chunk.areas },
    ];
  }
  if (chunk.areas && chunk.areas.length > 1) {
    const mid = Math.ceil(chunk.areas.length / 2);
    return [
      { periods: chunk.periods, areas: chunk.areas.slice(0, mid) },
      { periods: chunk.periods, areas: chunk.areas.slice(mid) },
    ];
  }
  return null;
}

/** The query for one chunk; variables in the table's order, every selection an explicit item list. */
export function buildDataQuery(plan: TablePlan, chunk: Chunk): PxQuery {
  const byCode = new Map<string, string[]>();
  byCode.set(plan.time.code, chunk.periods);
  if (plan.area) byCode.set(plan.area.code, chunk.areas ?? plan.area.values);
  byCode.set(plan.contents.code, plan.contents.values);
  for (const f of plan.fixed) byCode.set(f.code, f.values);
  return {
    query: plan.order.map((code) => ({ code, selection: { filter: 'item' as const, values: [...(byCode.get(code) ?? [])] } })),
    response: { format: 'json-stat2' },
  };
}

/**
 * The smallest query that still carries the table's `updated` and `source` stamps: one area
 * (the whole country when selected), the latest period (`top 1`), one content, the first
 * value of each fixed variable.
 */
export function buildProbeQuery(plan: TablePlan): PxQuery {
  const query: QuerySelection[] = plan.order.map((code) => {
    if (code === plan.time.code) return { code, selection: { filter: 'top', values: ['1'] } };
    if (plan.area && code === plan.area.code) {
      const a = plan.area.values.includes('SSS') ? 'SSS' : plan.area.values[0]!;
      return { code, selection: { filter: 'item', values: [a] } };
    }
    if (code === plan.contents.code) return { code, selection: { filter: 'item', values: [plan.contents.values[0]!] } };
    const f = plan.fixed.find((x) => x.code === code);
    return { code, selection: { filter: 'item', values: [f?.values[0] ?? ''] } };
  });
  return { query, response: { format: 'json-stat2' } };
}

function categoryCodes(ds: JsonStatDataset, id: string): string[] | null {
  const dim = ds.dimension[id];
  if (!dim) return null;
  const index = dim.category.index;
  if (Array.isArray(index)) return [...index];
  const codes: string[] = [];
  for (const [code, pos] of Object.entries(index)) codes[pos] = code;
  return codes;
}

/**
 * Checks that a JSON-stat answer holds exactly the dimensions and categories of the query:
 * each queried variable is a dimension whose categories are the requested codes (any order),
 * `top n` gave n categories, eliminated variables are absent, and `value` has one entry per
 * cell. Returns null when it does, else a description of the first difference.
 */
export function checkAnswer(ds: JsonStatDataset, q: PxQuery): string | null {
  const asked = q.query.map((s) => s.code);
  const extra = ds.id.filter((id) => !asked.includes(id));
  if (extra.length > 0) return `the answer has dimension(s) ${extra.join(', ')} that were not requested (requested ${asked.join(', ')})`;
  if (ds.size.length !== ds.id.length) return `the answer's size has ${ds.size.length} entries for ${ds.id.length} dimensions`;
  for (const s of q.query) {
    const k = ds.id.indexOf(s.code);
    if (k < 0) return `dimension ${s.code} is missing from the answer (it has ${ds.id.join(', ')}); was the variable renamed?`;
    const codes = categoryCodes(ds, s.code);
    if (!codes) return `dimension ${s.code} is listed in id but not described under dimension`;
    if (codes.length !== ds.size[k]) return `dimension ${s.code} has ${codes.length} categories but size says ${ds.size[k]}`;
    if (s.selection.filter === 'item') {
      const want = new Set(s.selection.values);
      const got = new Set(codes);
      const missing = [...want].filter((c) => !got.has(c));
      const unasked = [...got].filter((c) => !want.has(c));
      if (missing.length || unasked.length)
        return `dimension ${s.code}: ${missing.length ? `missing ${missing.slice(0, 5).join(', ')}` : ''}${missing.length && unasked.length ? '; ' : ''}${unasked.length ? `not requested ${unasked.slice(0, 5).join(', ')}` : ''}`;
    } else if (s.selection.filter === 'top') {
      const n = Number(s.selection.values[0]);
      if (codes.length !== n) return `dimension ${s.code}: asked for the latest ${n} but got ${codes.length}`;
    }
  }
  const cells = ds.size.reduce((a, b) => a * b, 1);
  if (Array.isArray(ds.value) && ds.value.length !== cells) return `the answer has ${ds.value.length} values for ${cells} cells`;
  return null;
}

/** `2022M11–2023M02` or `2026M06`: a run of periods for descriptions and progress lines. */
export function periodRange(periods: readonly string[]): string {
  if (periods.length === 0) return '';
  return periods.length === 1 ? periods[0]! : `${periods[0]}–${periods[periods.length - 1]}`;
}
