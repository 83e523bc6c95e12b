/**
 * The tidy observation: the one home of the public download format (design.md, "Tidy download
 * format"). One observation a row, UTF-8, comma-separated, "." as decimal point:
 *
 *   area_code,area_name,area_level,indicator,period,value,unit,status,break
 *
 * Derive writes it, the site reads it back, downloads and the comparison tool write it again,
 * and the data catalogue's Table Schema is generated from the column descriptions here.
 */
import { csvField } from './csv.ts';
import { InputError } from './errors.ts';
import { formatPlain } from './numbers.ts';
import { PUBLIC_STATUSES, STATUS_SHORT, type StatusName } from './status.ts';
import { AREA_LEVELS, UNITS, type AreaLevel, type Unit } from '../schema/vocabulary.ts';

const AREA_CODE_PATTERN = '^(SSS|TA\\d{2}|MK\\d{2}|KU\\d{3})$';
const INDICATOR_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2]))?$';

/** The columns, in order, with their Frictionless Table Schema field descriptors. */
const FIELDS = [
  { name: 'area_code', type: 'string', description: "Statistics Finland's area code: SSS, TA01–TA46, MK01…, KU091…", constraints: { required: true, pattern: AREA_CODE_PATTERN } },
  { name: 'area_name', type: 'string', description: 'Official Finnish name of the area' },
  { name: 'area_level', type: 'string', constraints: { required: true, enum: [...AREA_LEVELS] } },
  { name: 'indicator', type: 'string', description: 'Indicator id (see indicators.json in the archive or /en/indicator/)', constraints: { required: true, pattern: INDICATOR_PATTERN } },
  { name: 'period', type: 'string', description: 'YYYY-MM for months, YYYY for years', constraints: { required: true, pattern: PERIOD_PATTERN } },
  { name: 'value', type: 'number', description: "Empty when there is no publishable value; '.' as decimal point" },
  { name: 'unit', type: 'string', constraints: { enum: [...UNITS] } },
  {
    name: 'status',
    type: 'string',
    description: PUBLIC_STATUSES.map((s) => (STATUS_SHORT[s] ? `${s} (${STATUS_SHORT[s]})` : s)).join(' | '),
    constraints: { required: true, enum: [...PUBLIC_STATUSES] },
  },
  { name: 'break', type: 'string', description: 'Comparability break starting at this period (te24 = the TE24 reform, 2025-01); empty otherwise' },
] as const;

/** The column names in order: the header of every tidy CSV. */
export const OBSERVATION_COLUMNS = FIELDS.map((f) => f.name);
export type ObservationColumn = (typeof FIELDS)[number]['name'];

/** Table Schema (Frictionless) of the tidy format, shared by every tidy CSV and workbook. */
export const OBSERVATION_TABLE_SCHEMA = {
  fields: FIELDS,
  missingValues: [''],
  primaryKey: ['area_code', 'indicator', 'period'],
};

/** One observation. */
export interface Observation {
  area_code: string;
  area_name: string;
  area_level: AreaLevel;
  indicator: string;
  period: string;
  value: number | null;
  unit: Unit;
  status: StatusName;
  /** Comparability breaks (ids) that start at this period. */
  break: readonly string[];
}

/** The cells of an observation in column order (the value written with `decimals` digits). */
export function observationCells(o: Observation, decimals: number): string[] {
  return [o.area_code, o.area_name, o.area_level, o.indicator, o.period, formatPlain(o.value, decimals), o.unit, o.status, o.break.join(';')];
}

/** An observation as one CSV line (no line end); text cells are quoted and formula-neutralised as needed. */
export function observationLine(o: Observation, decimals: number): string {
  return observationCells(o, decimals).map(csvField).join(',');
}

/** The CSV header line (no line end). */
export function observationHeader(): string {
  return OBSERVATION_COLUMNS.join(',');
}

/** Observations as a tidy CSV file: the header, then one line each with its indicator's decimals. */
export function observationsCsv(rows: Iterable<Observation>, decimalsOf: (indicator: string) => number): string {
  let out = observationHeader() + '\n';
  for (const o of rows) out += observationLine(o, decimalsOf(o.indicator)) + '\n';
  return out;
}

const AREA_RE = new RegExp(AREA_CODE_PATTERN);
const INDICATOR_RE = new RegExp(INDICATOR_PATTERN);
const PERIOD_RE = new RegExp(PERIOD_PATTERN);
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/**
 * A CSV record's fields (in the file's column order, `at` giving each column's place) as the
 * column → text record {@link parseObservation} reads: one object literal per row for the readers
 * of millions of rows (the site's loader and the bulk Parquet files), not Object.fromEntries.
 */
export function observationRecord(f: readonly string[], at: Readonly<Record<ObservationColumn, number>>): Record<ObservationColumn, string> {
  return { area_code: f[at.area_code]!, area_name: f[at.area_name]!, area_level: f[at.area_level]!, indicator: f[at.indicator]!, period: f[at.period]!, value: f[at.value]!, unit: f[at.unit]!, status: f[at.status]!, break: f[at.break]! };
}

/**
 * Parses one CSV record (column → text) into an observation, checking every field; throws an
 * {@link InputError} naming the file, the line and the field.
 */
export function parseObservation(values: Readonly<Record<string, string>>, at: { file: string; row: number }): Observation {
  const field = (name: ObservationColumn) => {
    const v = values[name];
    if (v === undefined) throw new InputError({ ...at, field: name }, 'the column is missing');
    return v;
  };
  const fail = (name: ObservationColumn, why: string): never => {
    throw new InputError({ ...at, field: name }, why);
  };
  const area_code = field('area_code');
  if (!AREA_RE.test(area_code)) fail('area_code', `"${area_code}" is not an area code`);
  const area_level = field('area_level');
  if (!(AREA_LEVELS as readonly string[]).includes(area_level)) fail('area_level', `"${area_level}" is not an area level`);
  const indicator = field('indicator');
  if (!INDICATOR_RE.test(indicator)) fail('indicator', `"${indicator}" is not an indicator id`);
  const period = field('period');
  if (!PERIOD_RE.test(period)) fail('period', `"${period}" is not a period (YYYY-MM or YYYY)`);
  const text = field('value');
  if (text !== '' && !NUMBER_RE.test(text)) fail('value', `"${text}" is not a number with "." as decimal point`);
  const unit = field('unit');
  if (!(UNITS as readonly string[]).includes(unit)) fail('unit', `"${unit}" is not a unit`);
  const status = field('status');
  if (!(PUBLIC_STATUSES as readonly string[]).includes(status)) fail('status', `"${status}" is not a status`);
  const brk = field('break');
  return {
    area_code,
    area_name: field('area_name'),
    area_level: area_level as AreaLevel,
    indicator,
    period,
    value: text === '' ? null : Number(text),
    unit: unit as Unit,
    status: status as StatusName,
    break: brk === '' ? [] : brk.split(';'),
  };
}
