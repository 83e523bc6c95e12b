/**
 * Turns validated raw JSON-stat parts into one long table of source cells: the validate stage's
 * output and the derive stage's input. Each cell keeps its source, part and the source's
 * `updated` stamp, so that overlapping parts can be resolved and every value traced.
 *
 * Raw data is refused rather than silently corrupted ({@link parseJsonStat}, {@link checkCells}):
 * a dimension listed in `id` without its object, a category code listed twice (or two codes at
 * one position), a role that names no dimension, a value that is text or not finite, and a count
 * that is negative, fractional or above {@link MAX_COUNT}. Every error names the file, the cell
 * (its code in every dimension) and the field. The acquire stages run the same checks before they
 * replace data/raw, and validate runs them again on what is there.
 */
import { z } from 'zod';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { categoryCodes, describeCell } from '../../../src/lib/jsonstat.ts';
import { fromSourcePeriod } from '../../../src/lib/periods.ts';
import { isWithheldSymbol } from '../../../src/lib/status.ts';
import { JsonStatDataset } from '../../../src/schema/raw.ts';
import type { Source } from '../../../src/schema/source.ts';

/**
 * The largest count a raw cell may hold: 6 million. A count of people (or of vacancies, or of
 * benefit recipients) in one period cannot exceed the population of Finland, which was 5,652,881
 * at the end of 2025 (11re, whole country, in the snapshot); the bound leaves room for growth and
 * refuses an extra digit on any national count and every absurd value (1e300). Thousands (the
 * Labour Force Survey) are far below it. Amounts (euros) are not counts and are not bounded.
 */
const MAX_COUNT = 6_000_000;

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

/** The dataset's shape with `value` and `status` entries left unchecked, so that a bad entry can be reported with its cell. */
const LooseEntries = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);
const LooseJsonStat = JsonStatDataset.extend({ value: LooseEntries, status: LooseEntries.optional() });

const ROLES = ['time', 'geo', 'metric'] as const;

/**
 * Parses a raw JSON-stat 2.0 dataset and checks that its structure cannot silently misplace a
 * value: every dimension of `id` has its object and exactly `size` categories, each code listed
 * once and each position taken once; roles name dimensions of `id`, one role each; `value` has one
 * entry per cell (an object's keys are cell indexes); every value is a finite number or null and
 * every status a text or null. Throws an {@link InputError} naming the file, the cell and the field.
 */
export function parseJsonStat(json: unknown, file: string): JsonStatDataset {
  const ds = parseJsonStatShape(json, file);
  checkJsonStat(ds, file);
  return ds;
}

/**
 * Only the JSON-stat shape of {@link parseJsonStat} (the value and status entries and the
 * structure unchecked): for code that looks at the dimensions before {@link checkCells}.
 */
export function parseJsonStatShape(json: unknown, file: string): JsonStatDataset {
  return parseOrExplain(LooseJsonStat, json, { file }) as unknown as JsonStatDataset;
}

/** The structural checks of {@link parseJsonStat}, on a dataset that has its JSON-stat shape. */
function checkJsonStat(ds: JsonStatDataset, file: string): void {
  const loose = ds as unknown as z.infer<typeof LooseJsonStat>;
  const fail = (field: string, problem: string, row?: string): never => {
    throw new InputError({ file, ...(row !== undefined ? { row } : {}), field }, problem);
  };
  ds.id.forEach((id, k) => {
    if (ds.id.indexOf(id) !== k) fail('id', `the dimension "${id}" is listed twice`);
  });
  if (ds.size.length !== ds.id.length) fail('size', `has ${ds.size.length} entries for the ${ds.id.length} dimensions of id`);
  ds.id.forEach((id, k) => {
    const dim = ds.dimension[id];
    if (!dim) fail(`dimension.${id}`, `the dimension "${id}" is listed in id but has no dimension object`);
    checkIndex(dim!.category.index, ds.size[k]!, (problem) => fail(`dimension.${id}.category.index`, problem));
  });
  for (const id of Object.keys(ds.dimension)) if (!ds.id.includes(id)) fail(`dimension.${id}`, `the dimension "${id}" is not listed in id (${ds.id.join(', ')})`);
  const roleOf = new Map<string, string>();
  for (const role of ROLES) {
    for (const id of ds.role?.[role] ?? []) {
      if (!ds.id.includes(id)) fail(`role.${role}`, `names the dimension "${id}", which is not in id (${ds.id.join(', ')})`);
      const other = roleOf.get(id);
      if (other) fail(`role.${role}`, `names the dimension "${id}", which is already the ${other} dimension`);
      roleOf.set(id, role);
    }
  }
  const total = ds.size.reduce((a, b) => a * b, 1);
  const cell = (i: number) => describeCell(ds, i);
  eachEntry(loose.value, total, 'value', fail, (v, i) => {
    if (v === null) return;
    if (typeof v !== 'number') fail('value', `${JSON.stringify(v).slice(0, 40)} is not a number (a value is a number, or null with a status symbol)`, cell(i));
    else if (!Number.isFinite(v)) fail('value', `${v} is not a finite number`, cell(i));
  });
  if (loose.status !== undefined) {
    eachEntry(loose.status, total, 'status', fail, (v, i) => {
      if (v !== null && typeof v !== 'string') fail('status', `${JSON.stringify(v).slice(0, 40)} is not a status symbol`, cell(i));
    });
  }
}

/** A category index must list `size` codes, each once, at the positions 0…size−1 each once. */
function checkIndex(index: string[] | Record<string, number>, size: number, fail: (problem: string) => never): void {
  if (Array.isArray(index)) {
    const first = new Map<string, number>();
    index.forEach((code, pos) => {
      const at = first.get(code);
      if (at !== undefined) fail(`the code "${code}" is listed twice (positions ${at} and ${pos}); each category is listed once`);
      first.set(code, pos);
    });
    if (index.length !== size) fail(`has ${index.length} categories but size says ${size}`);
    return;
  }
  const codeAt: string[] = [];
  for (const [code, pos] of Object.entries(index)) {
    if (pos >= size) fail(`the code "${code}" has position ${pos}, but size says ${size} categories (positions 0…${size - 1})`);
    const other = codeAt[pos];
    if (other !== undefined) fail(`the codes "${other}" and "${code}" both have position ${pos}; each category has a position of its own`);
    codeAt[pos] = code;
  }
  for (let pos = 0; pos < size; pos++) {
    if (codeAt[pos] === undefined) fail(`no code has position ${pos} of ${size} (a code listed twice keeps only its last position)`);
  }
}

/** Visits the entries of a dense array or a sparse object keyed by cell index; refuses entries beyond the cells. */
function eachEntry(entries: unknown[] | Record<string, unknown>, total: number, field: string, fail: (field: string, problem: string) => never, visit: (v: unknown, i: number) => void): void {
  if (Array.isArray(entries)) {
    if (field === 'value' && entries.length !== total) fail(field, `has ${entries.length} values but size gives ${total} cells`);
    if (entries.length > total) fail(field, `has ${entries.length} entries but size gives ${total} cells`);
    for (let i = 0; i < entries.length; i++) visit(entries[i] ?? null, i);
    return;
  }
  for (const [key, v] of Object.entries(entries)) {
    const i = /^(0|[1-9]\d*)$/.test(key) ? Number(key) : NaN;
    if (!(i < total)) fail(`${field}.${key}`, `"${key}" is not a cell index (0…${total - 1})`);
    visit(v, i);
  }
}

/** How a source's values may look: which content codes may be negative, and which are not counts. */
export interface ValueRules {
  /** Content codes allowed to be negative. */
  signedCodes: ReadonlySet<string>;
  /** Content codes that are rates, shares, averages or amounts; every other code is a count. */
  notCounts: ReadonlySet<string>;
}

/** The value rules of a source file (`data/sources/<id>.yaml`). */
export function valueRules(source: Pick<Source, 'non_additive_codes' | 'signed_codes' | 'amount_codes'>): ValueRules {
  return {
    signedCodes: new Set(source.signed_codes),
    notCounts: new Set([...source.non_additive_codes, ...source.amount_codes, ...source.signed_codes]),
  };
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
  if (geo === time) throw new InputError({ file, field: 'role.geo' }, `the area dimension "${geo}" is also the time dimension`);
  if (metric === time || metric === geo) throw new InputError({ file, field: 'role.metric' }, `the contents dimension "${metric}" is also the ${metric === time ? 'time' : 'area'} dimension`);
  const other = ds.id.filter((id) => id !== time && id !== geo && id !== metric).sort();
  return { geo, time, metric, other };
}

/** What the cell checks need: the file (for messages), the known area codes and the source's value rules. */
export interface CellCheckOptions extends ValueRules {
  file: string;
  /** Whether an area code is known (see `areaCodeChecker`). */
  isKnownArea: (code: string) => boolean;
}

export interface AppendOptions extends CellCheckOptions {
  source: string;
  part: string;
  updated: string;
}

/** One cell with a value or a suppression status, as {@link visitCells} hands it on. */
type CellVisitor = (area: string, period: string, code: string, dims: string, value: number | null, status: 'ok' | 'suppressed') => void;

/**
 * Checks every cell of a parsed dataset ({@link parseJsonStat}) and hands each cell that has a
 * value or a suppression status to `visit`. A `null` without status means the source has no such
 * cell and is skipped. Throws an {@link InputError} naming the file and the cell for an unknown
 * area, a bad period, an unknown status symbol, a negative value of an unsigned code, and a count
 * that is not a whole number from 0 to {@link MAX_COUNT}. Returns the number of cells visited.
 */
function visitCells(ds: JsonStatDataset, opt: CellCheckOptions, visit: CellVisitor | null): number {
  checkJsonStat(ds, opt.file);
  const { geo, time, metric, other } = dimensionRoles(ds, opt.file);
  const total = ds.size.reduce((a, b) => a * b, 1);
  const values = ds.value;
  const n = ds.id.length;
  const codes = ds.id.map((id) => categoryCodes(ds, id));
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
  const isCount = contents.map((c) => !opt.notCounts.has(c) && !opt.signedCodes.has(c));
  const isSigned = contents.map((c) => opt.signedCodes.has(c));
  if (kGeo >= 0) {
    for (const c of codes[kGeo]!) if (!opt.isKnownArea(c)) throw new InputError({ file: opt.file, field: `dimension.${geo}` }, `unknown area code "${c}"`);
  }
  const statusAt = (i: number): string | null => {
    const st = ds.status;
    if (st === undefined) return null;
    return (Array.isArray(st) ? st[i] : st[String(i)]) ?? null;
  };
  const refuse = (i: number, problem: string): never => {
    throw new InputError({ file: opt.file, row: describeCell(ds, i), field: 'value' }, problem);
  };
  const pos = new Array<number>(n).fill(0);
  let added = 0;
  for (let i = 0; i < total; i++) {
    const v = Array.isArray(values) ? values[i] ?? null : values[String(i)] ?? null;
    const st = statusAt(i);
    let status: 'ok' | 'suppressed' | null = null;
    const m = pos[kMetric]!;
    if (v === null) {
      if (st !== null) {
        if (!isWithheldSymbol(st)) throw new InputError({ file: opt.file, row: describeCell(ds, i), field: 'status' }, `unknown status symbol "${st}"`);
        status = 'suppressed';
      }
    } else {
      if (v < 0 && !isSigned[m]) refuse(i, `negative value ${v} for a count`);
      if (isCount[m]) {
        if (!Number.isInteger(v)) refuse(i, `${v} is not a whole number, but ${contents[m]} is a count (a rate, share or amount is listed in non_additive_codes or amount_codes of its data/sources file)`);
        if (v > MAX_COUNT) refuse(i, `${v} is more than ${MAX_COUNT.toLocaleString('en')}, the largest count accepted (no count can exceed the population of Finland)`);
      }
      status = 'ok';
    }
    if (status !== null) {
      visit?.(
        kGeo >= 0 ? codes[kGeo]![pos[kGeo]!]! : 'SSS',
        periods[pos[kTime]!]!,
        contents[m]!,
        kOther.map((k) => `${ds.id[k]}=${codes[k]![pos[k]!]}`).join('|'),
        v,
        status,
      );
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

/**
 * Checks every cell of a parsed dataset as {@link appendCells} does, without keeping them (the
 * acquire stages, before they write data/raw). Returns how many cells have a value or a status.
 */
export function checkCells(ds: JsonStatDataset, opt: CellCheckOptions): number {
  return visitCells(ds, opt, null);
}

/**
 * Appends every cell of a parsed dataset ({@link parseJsonStat}) that has a value or a suppression
 * status, after the checks of {@link visitCells}; returns how many were added.
 */
export function appendCells(out: CellColumns, ds: JsonStatDataset, opt: AppendOptions): number {
  return visitCells(ds, opt, (area, period, code, dims, value, status) => {
    out.source.push(opt.source);
    out.part.push(opt.part);
    out.updated.push(opt.updated);
    out.area.push(area);
    out.period.push(period);
    out.code.push(code);
    out.dims.push(dims);
    out.value.push(value);
    out.status.push(status);
  });
}
