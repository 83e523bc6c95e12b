/**
 * Tiny inline inputs for the derive-stage tests: source cells as rows, registry indicators with
 * only the fields that matter, dated key rows, and plain readers of series that the tests can
 * compare with hand-written expectations.
 */
import type { z } from 'zod';
import { IndicatorFile, type Indicator } from '../../src/schema/indicator.ts';
import { periodIndex } from '../../src/lib/periods.ts';
import type { IndicatorSeries } from '../../src/lib/derive/compute.ts';
import type { Additivity, CellArrays } from '../../src/lib/derive/load.ts';
import type { Series, SeriesStore } from '../../src/lib/derive/store.ts';
import { STATUS_NAMES } from '../../src/lib/status.ts';

export interface CellRow {
  source?: string;
  part?: string;
  updated?: string;
  area: string;
  period: string;
  code: string;
  dims?: string;
  value: number | null;
  /** `ok` (default), `suppressed` or `lower_bound`. */
  status?: string;
}

/** Source cells as the validate stage writes them (defaults: source s, part p, updated ''). */
export function cells(rows: readonly CellRow[]): CellArrays {
  return {
    source: rows.map((r) => r.source ?? 's'),
    part: rows.map((r) => r.part ?? 'p'),
    updated: rows.map((r) => r.updated ?? ''),
    area: rows.map((r) => r.area),
    period: rows.map((r) => r.period),
    code: rows.map((r) => r.code),
    dims: rows.map((r) => r.dims ?? ''),
    value: rows.map((r) => r.value),
    status: rows.map((r) => r.status ?? (r.value === null ? 'suppressed' : 'ok')),
  };
}

/** Additivity: which sources are additive, which codes are rates. */
export function additivity(sources: string[], nonAdditiveCodes: string[] = []): Additivity {
  return { sources: new Set(sources), nonAdditiveCodes: new Set(nonAdditiveCodes) };
}

const T = { fi: 'x', sv: 'x', en: 'x' };

const resolved = (file: unknown): Indicator => ({ ...IndicatorFile.parse(file), caveats: [] });

/** A registry indicator with placeholder texts, validated by the real schema (so defaults apply). */
export function indicator(fields: {
  id: string;
  sources: string[];
  formula: z.input<typeof IndicatorFile>['formula'];
  decimals?: number;
  unit?: Indicator['unit'];
  select?: Record<string, string>;
  frequency?: Indicator['frequency'];
}): Indicator {
  return resolved({
    theme: 'unemployment',
    name: T,
    short_name: T,
    definition: T,
    formula_text: T,
    unit: fields.unit ?? (fields.formula.type === 'ratio' ? 'percent' : 'persons'),
    decimals: fields.decimals ?? (fields.formula.type === 'ratio' ? 1 : 0),
    polarity: 'context',
    frequency: fields.frequency ?? 'monthly',
    levels: ['country', 'employment_area', 'region', 'municipality'],
    rank: false,
    ...fields,
  });
}

/** A dated key row (level employment_area unless given). */
export function keyRow(municipality: string, area: string, valid_from = '2025-01-01', valid_to = '', level = 'employment_area') {
  return { municipality, area, level, valid_from, valid_to };
}

/** The cells of a stored series with a status, as `period → [value, status name]`. */
export function cellsOf(s: Series | undefined): Record<string, [number, string]> {
  const out: Record<string, [number, string]> = {};
  if (!s) return out;
  for (let i = 0; i < s.status.length; i++) {
    if (s.status[i] === 0) continue;
    out[periodOf(s.freq, s.start + i)] = [s.values[i]!, STATUS_NAMES[s.status[i]!]!];
  }
  return out;
}

/** One stored series' cell as `[value, status name]`, or null if it has none there. */
export function cellOf(store: SeriesStore, source: string, area: string, code: string, period: string, dims = ''): [number, string] | null {
  const s = store.get(source, area, code, dims);
  return cellsOf(s)[period] ?? null;
}

/** The computed indicator's cells as `period → [value, status name]`. */
export function indicatorCells(list: readonly IndicatorSeries[], area: string): Record<string, [number, string]> {
  const s = list.find((x) => x.area === area);
  const out: Record<string, [number, string]> = {};
  if (!s) return out;
  for (let i = 0; i < s.status.length; i++) {
    if (s.status[i] === 0) continue;
    out[periodOf(s.freq, s.start + i)] = [s.values[i]!, STATUS_NAMES[s.status[i]!]!];
  }
  return out;
}

/** Period text at an axis index, written independently of axis.ts. */
function periodOf(freq: 'M' | 'Y', index: number): string {
  if (freq === 'Y') return String(index);
  return `${1900 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * A hand-made indicator series starting at `first`: one entry per period, `null` for no cell,
 * otherwise [value, status code, numerator?, denominator?].
 */
export function series(
  ind: string,
  area: string,
  first: string,
  entries: readonly ([number, number] | [number, number, number] | [number, number, number, number] | null)[],
): IndicatorSeries {
  const { freq, index } = periodIndex(first);
  const n = entries.length;
  const s: IndicatorSeries = {
    indicator: ind,
    area,
    freq,
    start: index,
    values: new Float64Array(n),
    status: new Uint8Array(n),
    num: new Float64Array(n).fill(NaN),
    den: new Float64Array(n).fill(NaN),
  };
  entries.forEach((e, i) => {
    if (!e) return;
    s.values[i] = e[0];
    s.status[i] = e[1];
    if (e[2] !== undefined) s.num[i] = e[2];
    if (e[3] !== undefined) s.den[i] = e[3];
  });
  return s;
}
