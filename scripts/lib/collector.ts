/**
 * Collects cells read from an input file and turns them into a JSON-stat 2.0 dataset, refusing
 * duplicate cells (two rows for the same area, period and content) with the rows named.
 */
import { InputError } from '../../src/lib/errors.ts';
import { buildDataset, type BuildOptions } from '../../src/lib/jsonstat.ts';
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
  private readonly seen = new Map<string, number | string>();
  private readonly order: Set<string>[];
  private readonly cells: { codes: string[]; value: number | null; status: string | null }[] = [];

  constructor(file: string, dims: CollectorDim[]) {
    this.file = file;
    this.dims = dims;
    this.order = dims.map((d) => new Set(d.codes ?? []));
  }

  /** Adds one cell; `row` is where it was read (for error messages). */
  add(codes: string[], value: number | null, status: string | null, row: number | string, field?: string): void {
    const key = codes.join('\u0000');
    const prev = this.seen.get(key);
    if (prev !== undefined) {
      const what = this.dims.map((d, k) => `${d.id}=${codes[k]}`).join(', ');
      throw new InputError(
        { file: this.file, row, field },
        `duplicate: ${what} was already given ${typeof prev === 'number' ? `on row ${prev}` : `at ${prev}`}`,
      );
    }
    this.seen.set(key, row);
    codes.forEach((c, k) => {
      const dim = this.dims[k]!;
      if (dim.codes && !this.order[k]!.has(c)) {
        throw new InputError({ file: this.file, row, field }, `"${c}" is not a known ${dim.label ?? dim.id}`);
      }
      this.order[k]!.add(c);
    });
    this.cells.push({ codes, value, status });
  }

  get size(): number {
    return this.cells.length;
  }

  /** Builds the dense dataset; absent combinations become `null` cells without status. */
  build(options: BuildOptions): JsonStatDataset {
    const specs = this.dims.map((d, k) => {
      const codes = [...this.order[k]!];
      if (d.sort) codes.sort();
      return { id: d.id, label: d.label, codes, labels: d.labels, units: d.units };
    });
    return buildDataset(specs, this.cells, options);
  }
}
