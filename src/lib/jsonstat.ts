/**
 * Building and reading JSON-stat 2.0 datasets (https://json-stat.org/format/), the format
 * Statistics Finland's PxWeb API serves and the form of the raw snapshot.
 */
import type { JsonStatDataset } from '../schema/raw.ts';

/** A dimension to build: its id, its category codes in order, and optional labels. */
export interface DimensionSpec {
  id: string;
  label?: string;
  codes: readonly string[];
  labels?: Readonly<Record<string, string>>;
  units?: Readonly<Record<string, { base?: string; decimals?: number }>>;
}

/** One cell of a dataset: its category code in each dimension, its value and its status symbol. */
export interface Cell {
  coords: Record<string, string>;
  value: number | null;
  status: string | null;
}

export interface BuildOptions {
  label?: string;
  source?: string;
  updated?: string;
  role?: JsonStatDataset['role'];
  note?: string[];
  extension?: Record<string, unknown>;
}

/**
 * Builds a dense dataset. `cells` gives the value and status of each cell by its codes in
 * dimension order; cells it does not mention are `null` with no status (not in the source).
 */
export function buildDataset(
  dims: readonly DimensionSpec[],
  cells: Iterable<{ codes: readonly string[]; value: number | null; status?: string | null }>,
  options: BuildOptions = {},
): JsonStatDataset {
  const size = dims.map((d) => d.codes.length);
  const total = size.reduce((a, b) => a * b, 1);
  const index = dims.map((d) => new Map(d.codes.map((c, i) => [c, i])));
  const stride = strides(size);
  const value: (number | null)[] = new Array(total).fill(null);
  const status: Record<string, string> = {};
  for (const cell of cells) {
    let pos = 0;
    for (let k = 0; k < dims.length; k++) {
      const i = index[k]!.get(cell.codes[k]!);
      if (i === undefined) throw new Error(`buildDataset: code "${cell.codes[k]}" is not a category of dimension "${dims[k]!.id}"`);
      pos += i * stride[k]!;
    }
    value[pos] = cell.value;
    if (cell.status) status[String(pos)] = cell.status;
  }
  return assembleDataset(dims, value, status, options);
}

/**
 * The JSON-stat envelope of a dense dataset: dimensions with their category indexes (codes in
 * storage order), labels and units, the values, the status symbols by position, and the options.
 */
export function assembleDataset(
  dims: readonly DimensionSpec[],
  value: (number | null)[],
  status: Record<string, string>,
  options: BuildOptions,
): JsonStatDataset {
  const dimension: JsonStatDataset['dimension'] = {};
  for (const d of dims) {
    const idx: Record<string, number> = {};
    d.codes.forEach((c, i) => (idx[c] = i));
    dimension[d.id] = {
      ...(d.label ? { label: d.label } : {}),
      category: {
        index: idx,
        ...(d.labels ? { label: { ...d.labels } } : {}),
        ...(d.units ? { unit: { ...d.units } } : {}),
      },
    };
  }
  return {
    version: '2.0',
    class: 'dataset',
    ...(options.label ? { label: options.label } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(options.updated ? { updated: options.updated } : {}),
    id: dims.map((d) => d.id),
    size: dims.map((d) => d.codes.length),
    dimension,
    value,
    ...(Object.keys(status).length ? { status } : {}),
    ...(options.role ? { role: options.role } : {}),
    ...(options.note ? { note: options.note } : {}),
    ...(options.extension ? { extension: options.extension } : {}),
  };
}

/** Row-major strides: how far apart consecutive categories of each dimension are stored. */
export function strides(size: readonly number[]): number[] {
  const out = new Array<number>(size.length).fill(1);
  for (let k = size.length - 2; k >= 0; k--) out[k] = out[k + 1]! * size[k + 1]!;
  return out;
}

/** The category codes of a dimension, in order. */
export function categoryCodes(ds: JsonStatDataset, dimId: string): string[] {
  const dim = ds.dimension[dimId];
  if (!dim) throw new Error(`dimension "${dimId}" is not in the dataset`);
  const index = dim.category.index;
  if (Array.isArray(index)) return [...index];
  const codes: string[] = [];
  for (const [code, pos] of Object.entries(index)) codes[pos] = code;
  return codes;
}

/** Iterates every cell of a dataset in storage order. */
export function* cellsOf(ds: JsonStatDataset): Generator<Cell & { index: number }> {
  const codes = ds.id.map((id) => categoryCodes(ds, id));
  const size = ds.size;
  const total = size.reduce((a, b) => a * b, 1);
  const pos = new Array<number>(size.length).fill(0);
  for (let i = 0; i < total; i++) {
    const coords: Record<string, string> = {};
    for (let k = 0; k < size.length; k++) coords[ds.id[k]!] = codes[k]![pos[k]!]!;
    const raw = Array.isArray(ds.value) ? ds.value[i] : ds.value[String(i)];
    const st = ds.status === undefined ? undefined : Array.isArray(ds.status) ? ds.status[i] : ds.status[String(i)];
    yield { index: i, coords, value: raw ?? null, status: st ?? null };
    for (let k = size.length - 1; k >= 0; k--) {
      pos[k]!++;
      if (pos[k]! < size[k]!) break;
      pos[k] = 0;
    }
  }
}

/** Describes a cell by its codes, for error messages: `cell 12 (Alue=KU091, Tiedot=TYOTOSUUS)`. */
export function describeCell(ds: JsonStatDataset, index: number): string {
  const codes = ds.id.map((id) => categoryCodes(ds, id));
  let rest = index;
  const parts: string[] = [];
  const stride = strides(ds.size);
  ds.id.forEach((id, k) => {
    const p = Math.floor(rest / stride[k]!);
    rest -= p * stride[k]!;
    parts.push(`${id}=${codes[k]![p]}`);
  });
  return `cell ${index} (${parts.join(', ')})`;
}
