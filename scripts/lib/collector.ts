/**
 * Collects cells read from an input file and turns them into a JSON-stat 2.0 dataset, refusing
 * duplicate cells (two rows for the same area, period and content) with both rows named.
 * Cells are kept as category indices in typed arrays, so a file of millions of cells stays cheap.
 */
import { InputError } from '../../src/lib/errors.ts';
import { assembleDataset, strides, type BuildOptions } from '../../src/lib/jsonstat.ts';
import type { JsonStatDataset } from '../../src/schema/raw.ts';

export interface CollectorDim {
  id: string;
  label?: string;
  /** Sort the codes (time dimensions) instead of keeping the order of first appearance. */
  sort?: boolean;
  /** Fixed order of codes; codes outside it are an error. */
  codes?: readonly string[];
  labels?: Record<string, string>;
  units?: Record<string, { base?: string; decimals?: number }>;
}

export class CellCollector {
  private readonly dims: CollectorDim[];
  private readonly file: string;
  private readonly index: Map<string, number>[];
  private readonly fixed: boolean[];
  private coords: Int32Array[];
  private values: Float64Array;
  private flags: Uint8Array; // 0 value, 1 null with status
  private statuses: (string | null)[] = [];
  private rows: (number | string)[] = [];
  private fields: (string | undefined)[] = [];
  private n = 0;

  constructor(file: string, dims: CollectorDim[]) {
    this.file = file;
    this.dims = dims;
    this.index = dims.map((d) => new Map((d.codes ?? []).map((c, i) => [c, i])));
    this.fixed = dims.map((d) => d.codes !== undefined);
    this.coords = dims.map(() => new Int32Array(1024));
    this.values = new Float64Array(1024);
    this.flags = new Uint8Array(1024);
  }

  private grow(): void {
    const size = this.values.length * 2;
    this.coords = this.coords.map((c) => {
      const next = new Int32Array(size);
      next.set(c);
      return next;
    });
    const v = new Float64Array(size);
    v.set(this.values);
    this.values = v;
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.flags = f;
  }

  /** Adds one cell; `row` is where it was read (for error messages). */
  add(codes: readonly string[], value: number | null, status: string | null, row: number | string, field?: string): void {
    if (this.n === this.values.length) this.grow();
    for (let k = 0; k < this.dims.length; k++) {
      const code = codes[k]!;
      let i = this.index[k]!.get(code);
      if (i === undefined) {
        if (this.fixed[k]) throw new InputError({ file: this.file, row, field }, `"${code}" is not a known ${this.dims[k]!.label ?? this.dims[k]!.id}`);
        i = this.index[k]!.size;
        this.index[k]!.set(code, i);
      }
      this.coords[k]![this.n] = i;
    }
    this.values[this.n] = value ?? 0;
    this.flags[this.n] = value === null ? 1 : 0;
    this.statuses[this.n] = status;
    this.rows[this.n] = row;
    this.fields[this.n] = field;
    this.n++;
  }

  get size(): number {
    return this.n;
  }

  /** Builds the dense dataset; absent combinations become `null` cells without status. */
  build(options: BuildOptions): JsonStatDataset {
    const codes = this.dims.map((_d, k) => {
      const list: string[] = [];
      for (const [c, i] of this.index[k]!) list[i] = c;
      return list;
    });
    // Sorted dimensions get new positions; remap[k][old] = new.
    const remap = this.dims.map((d, k) => {
      const list = codes[k]!;
      const order = list.map((_, i) => i);
      if (d.sort) order.sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : 0));
      const map = new Int32Array(list.length);
      order.forEach((old, pos) => (map[old] = pos));
      codes[k] = order.map((i) => list[i]!);
      return map;
    });
    const size = codes.map((c) => c.length);
    const total = size.reduce((a, b) => a * b, 1);
    const stride = strides(size);
    const value: (number | null)[] = new Array(total).fill(null);
    const status: Record<string, string> = {};
    const owner = new Int32Array(total).fill(-1);
    for (let c = 0; c < this.n; c++) {
      let pos = 0;
      for (let k = 0; k < size.length; k++) pos += remap[k]![this.coords[k]![c]!]! * stride[k]!;
      const prev = owner[pos]!;
      if (prev >= 0) {
        const what = this.dims.map((d, k) => `${d.id}=${codes[k]![remap[k]![this.coords[k]![c]!]!]}`).join(', ');
        const at = this.rows[prev]!;
        throw new InputError(
          { file: this.file, row: this.rows[c]!, field: this.fields[c] },
          `duplicate: ${what} was already given ${typeof at === 'number' ? `on row ${at}` : `at ${at}`}`,
        );
      }
      owner[pos] = c;
      value[pos] = this.flags[c] ? null : this.values[c]!;
      const st = this.statuses[c];
      if (st) status[String(pos)] = st;
    }
    return assembleDataset(
      this.dims.map((d, k) => ({ ...d, codes: codes[k]! })),
      value,
      status,
      options,
    );
  }
}
