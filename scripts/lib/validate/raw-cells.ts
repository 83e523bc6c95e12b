/**
 * Turns validated raw JSON-stat parts into one long table of source cells: the validate stage's
 * output and the derive stage's input. Each cell keeps its source, part and the source's
 * `updated` stamp, so that overlapping parts can be resolved and every value traced.
 */
import { InputError } from '../../../src/lib/errors.ts';
import { categoryCodes, describeCell } from '../../../src/lib/jsonstat.ts';
import { fromSourcePeriod } from '../../../src/lib/periods.ts';
import { isWithheldSymbol } from '../../../src/lib/status.ts';
import type { JsonStatDataset } from '../../../src/schema/raw.ts';

/** Columns of the cell table (one array per column, equal lengths). */
export interface CellColumns {
  source: string[];
  part: string[];
  /** The part's `source_updated` (ISO) or '' if unknown. */
  updated: string[];
  area: string[];
  /** `YYYY-MM` or `YYYY`. */
  period: string[];
  /** Content code without a `prefix-` (codes gained prefixes in June 2026). */
  code: string[];
  /** The other dimensions as `dim=code|dim=code` (sorted by dimension id), '' if none. */
  dims: string[];
  value: (number | null)[];
  /** `ok` or `suppressed`. */
  status: string[];
}

export function emptyCells(): CellColumns {
  return { source: [], part: [], updated: [], area: [], period: [], code: [], dims: [], value: [], status: [] };
}

/** Drops a lower-case `prefix-` from a content code (`vaerak-vaesto` → `vaesto`). */
export function stripCodePrefix(code: string): string {
  return code.replace(/^[a-z]+-(?=[A-Za-z0-9_])/, '');
}

/** Finds the area, time and contents dimensions of a dataset, from its roles or by their codes. */
function dimensionRoles(ds: JsonStatDataset, file: string): { geo: string | null; time: string; metric: string; other: string[] } {
  const codesOf = (id: string) => categoryCodes(ds, id);
  const time =
    ds.role?.time?.[0] ??
    ds.id.find((id) => /timeperiod|kuukausi|vuosi|month|year|time/i.test(id)) ??
    ds.id.find((id) => codesOf(id).every((c) => fromSourcePeriod(c) !== null));
  if (!time) throw new InputError({ file, field: 'role.time' }, 'no time dimension');
  const geo = ds.role?.geo?.[0] ?? ds.id.find((id) => id !== time && codesOf(id).some((c) => c === 'SSS' || /^KU\d{3}$/.test(c))) ?? null;
  const metric =
    ds.role?.metric?.[0] ?? ds.id.find((id) => id !== time && id !== geo && /tiedot|contents|uppgifter|information/i.test(id));
  if (!metric) throw new InputError({ file, field: 'role.metric' }, 'no contents (metric) dimension');
  const other = ds.id.filter((id) => id !== time && id !== geo && id !== metric).sort();
  return { geo, time, metric, other };
}

export interface AppendOptions {
  file: string;
  source: string;
  part: string;
  updated: string;
  /** Whether an area code is known (see `areaCodeChecker`). */
  isKnownArea: (code: string) => boolean;
  /** Content codes allowed to be negative. */
  signedCodes: ReadonlySet<string>;
}

/**
 * Appends every cell that has a value or a suppression status. A `null` without status means the
 * source has no such cell and is skipped. Throws an {@link InputError} naming the file and the
 * cell for an unknown area, a bad period, a negative count or an unknown status symbol.
 */
export function appendCells(out: CellColumns, ds: JsonStatDataset, opt: AppendOptions): number {
  const { geo, time, metric, other } = dimensionRoles(ds, opt.file);
  const total = ds.size.reduce((a, b) => a * b, 1);
  const values = ds.value;
  if (Array.isArray(values) && values.length !== total) {
    throw new InputError({ file: opt.file, field: 'value' }, `has ${values.length} values but size gives ${total} cells`);
  }
  const n = ds.id.length;
  const codes = ds.id.map((id) => categoryCodes(ds, id));
  codes.forEach((list, k) => {
    if (list.length !== ds.size[k]) throw new InputError({ file: opt.file, field: `dimension.${ds.id[k]}` }, `has ${list.length} categories but size says ${ds.size[k]}`);
  });
  const kGeo = geo ? ds.id.indexOf(geo) : -1;
  const kTime = ds.id.indexOf(time);
  const kMetric = ds.id.indexOf(metric);
  const kOther = other.map((id) => ds.id.indexOf(id));
  // Pre-normalise codes once per category rather than once per cell.
  const periods = codes[kTime]!.map((c) => {
    const p = fromSourcePeriod(c);
    if (!p) throw new InputError({ file: opt.file, field: `dimension.${time}` }, `"${c}" is not a month (YYYYMmm) or a year`);
    return p;
  });
  const contents = codes[kMetric]!.map(stripCodePrefix);
  if (kGeo >= 0) {
    for (const c of codes[kGeo]!) if (!opt.isKnownArea(c)) throw new InputError({ file: opt.file, field: `dimension.${geo}` }, `unknown area code "${c}"`);
  }
  const statusAt = (i: number): string | null => {
    const st = ds.status;
    if (st === undefined) return null;
    return (Array.isArray(st) ? st[i] : st[String(i)]) ?? null;
  };
  const pos = new Array<number>(n).fill(0);
  let added = 0;
  for (let i = 0; i < total; i++) {
    const v = Array.isArray(values) ? values[i] ?? null : values[String(i)] ?? null;
    const st = statusAt(i);
    let status: string | null = null;
    if (v === null) {
      if (st !== null) {
        if (!isWithheldSymbol(st)) throw new InputError({ file: opt.file, row: describeCell(ds, i), field: 'status' }, `unknown status symbol "${st}"`);
        status = 'suppressed';
      }
    } else {
      const code = contents[pos[kMetric]!]!;
      if (v < 0 && !opt.signedCodes.has(code)) throw new InputError({ file: opt.file, row: describeCell(ds, i), field: 'value' }, `negative value ${v} for a count`);
      status = 'ok';
    }
    if (status !== null) {
      out.source.push(opt.source);
      out.part.push(opt.part);
      out.updated.push(opt.updated);
      out.area.push(kGeo >= 0 ? codes[kGeo]![pos[kGeo]!]! : 'SSS');
      out.period.push(periods[pos[kTime]!]!);
      out.code.push(contents[pos[kMetric]!]!);
      out.dims.push(kOther.map((k) => `${ds.id[k]}=${codes[k]![pos[k]!]}`).join('|'));
      out.value.push(v);
      out.status.push(status);
      added++;
    }
    for (let k = n - 1; k >= 0; k--) {
      pos[k]!++;
      if (pos[k]! < ds.size[k]!) break;
      pos[k] = 0;
    }
  }
  return added;
}
