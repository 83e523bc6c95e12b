/**
 * Importers that turn the real public data files in `../shared/data` (and files of the same
 * shapes) into raw snapshot parts: JSON-stat 2.0 datasets with their provenance. Values are
 * carried over unchanged; only the container changes. Every input is validated row by row, and
 * an error names the file, the row and the field.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readCsv, decodeUtf8 } from '../../src/lib/csv.ts';
import { InputError, parseOrExplain } from '../../src/lib/errors.ts';
import type { Reference } from './validate/reference.ts';
import { areaCodeChecker } from './validate/reference.ts';
import type { LocalText, PxWebMetadata } from '../../src/schema/raw.ts';
import { CellCollector } from './collector.ts';
import { COUNT_RE, CountCell, DECIMAL_RE, SIGNED_RE, DecimalCell, PERIOD_RE, SignedDecimalCell, StatFinMonth, Year, cellValue, normaliseUpdated } from './cells.ts';
import { kelaMonth } from '../../src/lib/periods.ts';
import { LANGS } from '../../src/schema/vocabulary.ts';
import { rel, sha256 } from './fsx.ts';
import type { RawPart } from './snapshot.ts';

/** What every importer needs: the file, where it came from, and the reference for area codes. */
export interface ImportContext {
  /** Absolute path of the input file. */
  path: string;
  /** Where the file itself came from (repository · path · commit). */
  provenance: string;
  ref: Reference;
  /** Time of this import run (ISO 8601). */
  now: string;
}

interface FileInput {
  file: string;
  bytes: Uint8Array;
  text: string;
  sha: string;
}

function readInput(path: string): FileInput {
  const file = rel(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new InputError({ file }, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { file, bytes, text: decodeUtf8(bytes, file), sha: sha256(bytes) };
}

function parseJson(input: FileInput): unknown {
  try {
    return JSON.parse(input.text);
  } catch (e) {
    throw new InputError({ file: input.file }, `not valid JSON: ${(e as Error).message}`);
  }
}

function areaCode(ctx: ImportContext) {
  const known = areaCodeChecker(ctx.ref);
  return z.string().refine(known, { error: 'unknown area code (not SSS, a municipality, region or employment area of data/reference)' });
}

function part(
  ctx: ImportContext,
  input: FileInput,
  p: Omit<RawPart, 'origin' | 'retrieved_at' | 'lang'> & { lang?: RawPart['lang'] },
  conversion: string,
): RawPart {
  return {
    lang: 'fi',
    ...p,
    origin: { kind: 'file', path: input.file, sha256: input.sha, provenance: ctx.provenance, conversion },
    retrieved_at: ctx.now,
  };
}

// ---------------------------------------------------------------------------------------------
// PxWeb v1 "json" responses (columns + data rows), e.g. 12r5_2026M06_pxweb.json, 11ra, 135z.

const PxWebJson = z.object({
  columns: z
    .array(z.object({ code: z.string().min(1), text: z.string(), type: z.enum(['d', 't', 'c']), comment: z.string().optional() }))
    .min(2),
  comments: z.array(z.unknown()).optional(),
  data: z.array(z.object({ key: z.array(z.string()), values: z.array(z.string()) })).min(1),
  metadata: z.array(z.object({ updated: z.string().optional(), label: z.string().optional(), source: z.string().optional() })).min(1),
});

/**
 * Imports a PxWeb v1 `json` response. `contentsId` names the contents dimension in the output
 * (the `json` format does not say it). Counts must be whole numbers; codes in `decimalCodes`
 * may have decimals.
 */
export function importPxWebJson(
  ctx: ImportContext,
  opts: {
    source: string;
    part: string;
    description: string;
    contentsId: string;
    decimalCodes: readonly string[];
    /** Keep only rows whose area code matches (other area classifications are left out). */
    areas?: RegExp;
  },
): RawPart {
  const input = readInput(ctx.path);
  const json = parseOrExplain(PxWebJson, parseJson(input), { file: input.file });
  const dims = json.columns.filter((c) => c.type !== 'c');
  const contents = json.columns.filter((c) => c.type === 'c');
  const geo = dims.find((d) => d.type === 'd' && /alue/i.test(d.code + d.text));
  const time = dims.find((d) => d.type === 't');
  const area = areaCode(ctx);
  const knownArea = areaCodeChecker(ctx.ref);
  const collector = new CellCollector(input.file, [
    ...dims.map((d) => ({ id: d.code, label: d.text, sort: d.type === 't' })),
    {
      id: opts.contentsId,
      label: 'Tiedot',
      codes: contents.map((c) => c.code),
      labels: Object.fromEntries(contents.map((c) => [c.code, c.text])),
    },
  ]);
  const decimalCode = contents.map((c) => opts.decimalCodes.includes(c.code));
  const key: string[] = [];
  json.data.forEach((row, i) => {
    const where = `data[${i}]`;
    row.key.forEach((code, k) => (key[k] = code));
    if (opts.areas && geo && !opts.areas.test(row.key[dims.indexOf(geo)] ?? '')) return;
    if (row.key.length !== dims.length) throw new InputError({ file: input.file, row: where, field: 'key' }, `expected ${dims.length} key codes, found ${row.key.length}`);
    if (row.values.length !== contents.length) throw new InputError({ file: input.file, row: where, field: 'values' }, `expected ${contents.length} values, found ${row.values.length}`);
    dims.forEach((d, k) => {
      if (d === geo && !knownArea(row.key[k]!)) parseOrExplain(area, row.key[k], { file: input.file, row: where, field: d.code });
      if (d === time && !PERIOD_RE.test(row.key[k]!)) parseOrExplain(z.union([StatFinMonth, Year]), row.key[k], { file: input.file, row: where, field: d.code });
    });
    contents.forEach((c, k) => {
      const decimal = decimalCode[k]!;
      let text = row.values[k]!;
      // The regular expressions are the schemas' own; zod is asked only to explain a failure.
      if (!(decimal ? DECIMAL_RE : COUNT_RE).test(text)) text = parseOrExplain(decimal ? DecimalCell : CountCell, text, { file: input.file, row: where, field: c.code });
      const { value, status } = cellValue(text);
      key[dims.length] = c.code;
      collector.add(key, value, status, where, c.code);
    });
  });
  const meta = json.metadata[0]!;
  const roleGeo = geo ? [geo.code] : undefined;
  return part(
    ctx,
    input,
    {
      source: opts.source,
      part: opts.part,
      description: opts.description,
      format: 'json-stat2',
      data: collector.build({
        label: meta.label,
        source: meta.source,
        updated: normaliseUpdated(meta.updated) ?? undefined,
        role: { ...(roleGeo ? { geo: roleGeo } : {}), ...(time ? { time: [time.code] } : {}), metric: [opts.contentsId] },
      }),
      source_updated: normaliseUpdated(meta.updated),
      source_text: meta.source ? { fi: meta.source } : null,
    },
    'PxWeb v1 json response re-encoded as JSON-stat 2.0; "..." kept as the status of a null value.',
  );
}

// ---------------------------------------------------------------------------------------------
// Long CSV files: one row per area × period with one column per content code.

export interface WideCsvSpec {
  source: string;
  part: string;
  description: string;
  delimiter?: ',' | ';';
  /** Input column holding the area code, and how to turn it into a StatFin code. */
  areaColumn?: string;
  areaCode?: (text: string) => string;
  /** Whole-country file without an area column. */
  fixedArea?: string;
  /** Input column holding the period, and its format. */
  periodColumn: string;
  period: 'month' | 'year' | 'kela-month';
  /** Other key columns kept as dimensions (must be listed in the output). */
  keyColumns?: string[];
  /** Columns that must be present but are redundant and not kept. */
  ignoreColumns?: string[];
  /** Content columns: input column → content code, and whether decimals are allowed. */
  contents: { column: string; code: string; decimals: boolean; signed?: boolean }[];
  source_updated: string | null;
  source_text: LocalText | null;
  conversion: string;
  /** Content dimension id in the output. */
  contentsId?: string;
  /** Time dimension id in the output. */
  timeId?: string;
  /**
   * The file lists every area × period of its grid except withheld cells: a pair absent from the
   * file is written as withheld (`...`). Only for files without other key columns.
   */
  absentIsWithheld?: boolean;
}

/**
 * Imports a CSV file that has key columns and one column per content code. Checks the header,
 * the separator, each cell, every area code, and refuses duplicate rows.
 */
export function importWideCsv(ctx: ImportContext, spec: WideCsvSpec): RawPart {
  const input = readInput(ctx.path);
  const keyColumns = spec.keyColumns ?? [];
  const columns = [
    ...(spec.areaColumn ? [spec.areaColumn] : []),
    spec.periodColumn,
    ...keyColumns,
    ...(spec.ignoreColumns ?? []),
    ...spec.contents.map((c) => c.column),
  ];
  const table = readCsv(input.bytes, { file: input.file, delimiter: spec.delimiter ?? ',', columns });
  const area = areaCode(ctx);
  const knownArea = areaCodeChecker(ctx.ref);
  const periodRe = spec.period === 'year' ? /^(19|20)\d{2}$/ : spec.period === 'month' ? /^(19|20)\d{2}M(0[1-9]|1[0-2])$/ : /^(19|20)\d{2}(0[1-9]|1[0-2])$/;
  const period = spec.period === 'year' ? Year : spec.period === 'month' ? StatFinMonth : z.string().regex(/^(19|20)\d{2}(0[1-9]|1[0-2])$/, 'expected a month such as 202601');
  const timeId = spec.timeId ?? (spec.period === 'year' ? 'timeperiod_y' : 'timeperiod_m');
  const contentsId = spec.contentsId ?? 'Tiedot';
  const areaId = 'Alue';
  const collector = new CellCollector(input.file, [
    { id: areaId, label: 'Alue' },
    { id: timeId, label: spec.period === 'year' ? 'Vuosi' : 'Kuukausi', sort: true },
    ...keyColumns.map((k) => ({ id: k, label: k })),
    { id: contentsId, label: 'Tiedot', codes: spec.contents.map((c) => c.code) },
  ]);
  if (spec.absentIsWithheld && keyColumns.length) throw new InputError({ file: input.file }, 'absent cells can be read as withheld only in a file without other key columns');
  const seen = new Set<string>();
  const areasSeen = new Set<string>();
  const periodsSeen = new Set<string>();
  for (const { line, values } of table.rows) {
    const loc = { file: input.file, row: line };
    let code = spec.fixedArea ?? '';
    if (spec.areaColumn) {
      const rawArea = values[spec.areaColumn]!;
      code = spec.areaCode ? spec.areaCode(rawArea) : rawArea;
      if (!knownArea(code)) parseOrExplain(area, code, { ...loc, field: spec.areaColumn });
    }
    let when = values[spec.periodColumn]!;
    if (!periodRe.test(when)) when = parseOrExplain(period, when, { ...loc, field: spec.periodColumn });
    if (spec.period === 'kela-month') when = kelaMonth(when);
    const keys = keyColumns.map((k) => parseOrExplain(z.string().min(1, 'must not be empty'), values[k], { ...loc, field: k }));
    for (const c of spec.contents) {
      const schema = c.signed ? SignedDecimalCell : c.decimals ? DecimalCell : CountCell;
      let text = values[c.column]!;
      if (!(c.signed ? SIGNED_RE : c.decimals ? DECIMAL_RE : COUNT_RE).test(text)) text = parseOrExplain(schema, text, { ...loc, field: c.column });
      const { value, status } = cellValue(text);
      collector.add([code, when, ...keys, c.code], value, status, line, c.column);
    }
    seen.add(`${code}|${when}`);
    areasSeen.add(code);
    periodsSeen.add(when);
  }
  if (spec.absentIsWithheld) {
    for (const a of areasSeen) {
      for (const p of periodsSeen) {
        if (!seen.has(`${a}|${p}`)) for (const c of spec.contents) collector.add([a, p, c.code], null, '...', `absent ${a} ${p}`, c.column);
      }
    }
  }
  return part(
    ctx,
    input,
    {
      source: spec.source,
      part: spec.part,
      description: spec.description,
      format: 'json-stat2',
      data: collector.build({
        ...(spec.source_text ? { source: spec.source_text.fi } : {}),
        ...(spec.source_updated ? { updated: spec.source_updated } : {}),
        role: { geo: [areaId], time: [timeId], metric: [contentsId] },
      }),
      source_updated: spec.source_updated,
      source_text: spec.source_text,
    },
    spec.conversion,
  );
}

// ---------------------------------------------------------------------------------------------
// 12r5 PX metadata (2023): codes and texts in three languages → PxWeb GET metadata per language.

const PxMeta = z.object({
  tableid: z.string(),
  title: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
  source: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
  codes: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  values: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  'last-updated': z.record(z.string(), z.record(z.string(), z.string())),
});

/** Reads the 12r5 PX metadata file (fi/sv/en labels of the 23 contents). */
export function readPxMetadata(path: string) {
  const input = readInput(path);
  return { input, meta: parseOrExplain(PxMeta, parseJson(input), { file: input.file }) };
}

/** The 23 content codes of 12r5 in table order, from the PX metadata. */
export function contentCodes12r5(path: string): string[] {
  const { meta, input } = readPxMetadata(path);
  const en = meta.codes['en'];
  const key = en ? Object.keys(en).at(-1) : undefined;
  const codes = key ? en![key] : undefined;
  if (!codes || codes.length !== 23) throw new InputError({ file: input.file, field: 'codes.en' }, 'expected the 23 content codes of 12r5');
  return codes;
}

/** Converts the PX metadata into one PxWeb GET-style metadata part per language. */
export function importPxMetadata(ctx: ImportContext, opts: { source: string; part: string }): RawPart[] {
  const { input, meta } = readPxMetadata(ctx.path);
  const updated = Object.values(meta['last-updated']['fi'] ?? {})[0];
  return LANGS.map((lang) => {
    const codes = meta.codes[lang] ?? {};
    const texts = meta.values[lang] ?? {};
    const variables = Object.keys(codes).map((name, k) => ({
      code: Object.keys(meta.codes['fi'] ?? {})[k] ?? name,
      text: name,
      values: codes[name]!,
      valueTexts: texts[name] ?? [],
      ...(k === 1 ? { time: true } : {}),
    }));
    const data: PxWebMetadata = { title: meta.title[lang], variables };
    return part(
      ctx,
      input,
      {
        source: opts.source,
        part: opts.part,
        description: `Codes and ${lang} texts of table ${meta.tableid} (areas, months 2006M01–2023M10, the 23 contents).`,
        format: 'pxweb-metadata',
        lang,
        data,
        source_updated: normaliseUpdated(updated),
        source_text: { fi: meta.source.fi, sv: meta.source.sv, en: meta.source.en },
      },
      'PX metadata (converted from R by the origin repository) rewritten as a PxWeb GET metadata response per language.',
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Kangasala: a chart data file with anonymous columns in 12r5 content order.

const KangasalaRow = z.object({
  data: z.record(z.string(), z.string()),
  meta: z.object({ updated: z.string(), label: z.string().optional(), source: z.string() }),
});

export function importKangasala(ctx: ImportContext, opts: { source: string; part: string; codes: string[] }): RawPart {
  const input = readInput(ctx.path);
  const rows = parseOrExplain(z.array(KangasalaRow).min(1), parseJson(input), { file: input.file });
  const decimal = new Set(['TYOTOSUUS']);
  const collector = new CellCollector(input.file, [
    { id: 'Alue', label: 'Alue' },
    { id: 'timeperiod_m', label: 'Kuukausi', sort: true },
    { id: 'Tiedot', label: 'Tiedot', codes: opts.codes },
  ]);
  const area = areaCode(ctx);
  rows.forEach((r, i) => {
    const where = `[${i}]`;
    const code = parseOrExplain(area, r.data['xColumn_1'], { file: input.file, row: where, field: 'data.xColumn_1' });
    const month = parseOrExplain(StatFinMonth, r.data['xColumn_2'], { file: input.file, row: where, field: 'data.xColumn_2' });
    opts.codes.forEach((c, k) => {
      const column = k === 0 ? 'yColumn' : `yColumn_${k}`;
      const text = parseOrExplain(decimal.has(c) ? DecimalCell : CountCell, r.data[column], { file: input.file, row: where, field: `data.${column}` });
      const { value, status } = cellValue(text);
      collector.add([code, month, c], value, status, where, column);
    });
  });
  const meta = rows[0]!.meta;
  return part(
    ctx,
    input,
    {
      source: opts.source,
      part: opts.part,
      description: 'Kangasala (KU211), all 23 contents of 12r5, monthly 2007M01–2025M01.',
      format: 'json-stat2',
      data: collector.build({
        source: meta.source,
        updated: normaliseUpdated(meta.updated) ?? undefined,
        role: { geo: ['Alue'], time: ['timeperiod_m'], metric: ['Tiedot'] },
      }),
      source_updated: normaliseUpdated(meta.updated),
      source_text: { fi: meta.source },
    },
    'Chart data file with anonymous columns yColumn…yColumn_22 mapped to the 23 content codes of 12r5 in table order.',
  );
}

// ---------------------------------------------------------------------------------------------
// Espoo, Helsinki, Vantaa: keyed by city name and the Finnish content label.

const CapitalFile = z.object({
  metadata: z.object({ paivitetty: z.string(), files: z.array(z.string()) }),
  tyonhakijat_kaupungeittain: z.object({
    cities: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number().int().nonnegative()))),
  }),
});

export function importCapital(ctx: ImportContext, opts: { source: string; part: string; labelToCode: Map<string, string> }): RawPart {
  const input = readInput(ctx.path);
  const json = parseOrExplain(CapitalFile, parseJson(input), { file: input.file });
  const byName = codesByLabel(ctx.ref.municipalities.map((m) => m.name_fi), ctx.ref.municipalities.map((m) => m.code), 'data/reference/municipalities.csv', 'name_fi');
  const collector = new CellCollector(input.file, [
    { id: 'Alue', label: 'Alue' },
    { id: 'timeperiod_m', label: 'Kuukausi', sort: true },
    { id: 'Tiedot', label: 'Tiedot', codes: [...new Set(opts.labelToCode.values())] },
  ]);
  for (const [city, series] of Object.entries(json.tyonhakijat_kaupungeittain.cities)) {
    const code = byName.get(city);
    const field = `tyonhakijat_kaupungeittain.cities.${city}`;
    if (!code) throw new InputError({ file: input.file, field }, `"${city}" is not the Finnish name of a municipality`);
    for (const [label, months] of Object.entries(series)) {
      const content = opts.labelToCode.get(label);
      if (!content) throw new InputError({ file: input.file, field: `${field}.${label}` }, 'not a content label of 12r5');
      for (const [month, value] of Object.entries(months)) {
        parseOrExplain(StatFinMonth, month, { file: input.file, field: `${field}.${label}.${month}` });
        collector.add([code, month, content], value, null, `${city} / ${label} / ${month}`);
      }
    }
  }
  return part(
    ctx,
    input,
    {
      source: opts.source,
      part: opts.part,
      description: 'Espoo, Helsinki and Vantaa, seven contents of 12r5 (jobseekers, young, older, disabled/ill, foreign and long-term unemployed), monthly 2024M12–2025M09. No count of the unemployed.',
      format: 'json-stat2',
      data: collector.build({ role: { geo: ['Alue'], time: ['timeperiod_m'], metric: ['Tiedot'] } }),
      // The file records when its origin exported the tables (2025-11-20), not the source's own update stamp.
      source_updated: null,
      source_text: null,
    },
    'Values keyed by city name and Finnish label mapped to municipality and content codes; the 12te fragment in the same file is not imported.',
  );
}

// ---------------------------------------------------------------------------------------------
// The outlook compilation (outlook/mkoy_ennustetyokalu_jaetut.csv): three small tables in one
// semicolon file with Finnish number formatting. Each section is read strictly by its exact
// title and header lines.

/** The sections of the outlook compilation a source imports. */
export type OutlookSection = 'forecast-national' | 'forecast-areas' | 'earnings-related-allowance';

/** A whole number written with spaces (or no-break spaces) between thousands: "342 000" → 342000. */
function finnishWholeNumber(text: string, loc: { file: string; row: number; field: string }): number {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(t)) throw new InputError(loc, `"${text}" is not a whole number (digits with spaces between thousands)`);
  return Number(t);
}

/**
 * Imports one section of the outlook compilation:
 * - `forecast-national`: TEM's forecast of unemployed jobseekers and long-term unemployed, whole
 *   country, annual averages of the years marked `*` (forecast years);
 * - `forecast-areas`: TEM's forecast of unemployed jobseekers by the 15 areas it names
 *   ("Uudenmaan", …), matched by name to the former ELY centres' areas (ELY01…ELY15);
 * - `earnings-related-allowance`: Finanssivalvonta's recipients and euros paid of the
 *   earnings-related unemployment allowance, whole country, monthly.
 */
export function importOutlookCsv(ctx: ImportContext, opts: { source: string; part: string; section: OutlookSection; description: string }): RawPart {
  const input = readInput(ctx.path);
  const lines = input.text.split(/\r?\n/);
  const cells = (k: number) => (lines[k] ?? '').split(';');
  const fail = (k: number, field: string | undefined, why: string): never => {
    throw new InputError({ file: input.file, row: k + 1, ...(field ? { field } : {}) }, why);
  };
  const find = (title: RegExp) => {
    const k = lines.findIndex((l) => title.test(l.split(';')[0]!.trim()));
    if (k < 0) throw new InputError({ file: input.file }, `no section titled like ${title}`);
    return k;
  };
  const years = (k: number, first: string) => {
    const head = cells(k);
    if ((head[0] ?? '').trim() !== first) fail(k, 'column 1', `expected "${first}" as the first header cell`);
    const ys = head.slice(1).filter((c) => c.trim() !== '');
    if (ys.length === 0) fail(k, undefined, 'expected forecast years such as 2026*');
    return ys.map((c, j) => {
      const m = /^(\d{4})\*$/.exec(c.trim());
      if (!m) fail(k, `column ${j + 2}`, `"${c}" is not a forecast year such as 2026* (the * marks a forecast)`);
      return m![1]!;
    });
  };
  let collector: CellCollector;
  let conversion: string;
  if (opts.section === 'forecast-national' || opts.section === 'forecast-areas') {
    const national = opts.section === 'forecast-national';
    const t = national ? find(/^TEM LYHYEN AIKAVÄLIN TYÖMARKKINAENNUSTE, KOKO MAA$/) : find(/^TEM LYHYEN AIKAVÄLIN TYÖMARKKINAENNUSTE,\s+Elinvoimakeskusalueittain$/);
    if (!national && cells(t + 1)[0]!.trim() !== 'Työttömät työnhakijat') fail(t + 1, 'column 1', 'expected "Työttömät työnhakijat" (the forecast quantity)');
    const headAt = national ? t + 1 : t + 2;
    const ys = years(headAt, national ? '' : 'EVK');
    const rows: { k: number; label: string; values: string[] }[] = [];
    for (let k = headAt + 1; k < lines.length && cells(k).some((c) => c.trim() !== ''); k++) rows.push({ k, label: cells(k)[0]!.trim(), values: cells(k).slice(1, 1 + ys.length) });
    const CODES: Record<string, string> = { 'Työttömät työnhakijat': 'tyottomat_tyonhakijat', Pitkäaikaistyöttömät: 'pitkaaikaistyottomat' };
    const elyByName = codesByLabel(ctx.ref.elyAreas.map((e) => e.name_fi.replace(/ ELY-keskus$/, '')), ctx.ref.elyAreas.map((e) => e.code), 'data/reference/ely-areas.csv', 'name_fi');
    collector = new CellCollector(input.file, [
      { id: 'Alue', label: 'Alue' },
      { id: 'timeperiod_y', label: 'Vuosi', sort: true },
      { id: 'Tiedot', label: 'Tiedot', codes: national ? Object.values(CODES) : ['tyottomat_tyonhakijat'] },
    ]);
    for (const r of rows) {
      const area = national ? 'SSS' : elyByName.get(r.label);
      const code = national ? CODES[r.label] : 'tyottomat_tyonhakijat';
      if (!area) fail(r.k, 'column 1', `"${r.label}" is not the name of a former ELY centre's area (data/reference/ely-areas.csv)`);
      if (!code) fail(r.k, 'column 1', `"${r.label}" is not a forecast quantity (${Object.keys(CODES).join(', ')})`);
      ys.forEach((y, j) => collector.add([area!, y, code!], finnishWholeNumber(r.values[j] ?? '', { file: input.file, row: r.k + 1, field: `${y}*` }), null, r.k + 1, `${y}*`));
    }
    if (!national && rows.length !== 15) throw new InputError({ file: input.file, row: headAt + 1 }, `expected the forecasts of 15 areas, found ${rows.length}`);
    conversion = `Section "${lines[t]!.split(';')[0]!.trim()}" of a semicolon CSV compiled by hand (Finnish numbers with spaces between thousands, * = forecast year); ${national ? 'the whole country' : 'area names matched to ELY codes by name'}; annual averages written as years.`;
  } else {
    const t = find(/^FINANSSIVALVONTA, ansiopäivärahan saajat ja maksetut etuudet, koko maa$/);
    const head = cells(t + 1).map((c) => c.trim());
    if (head[1] !== 'Maksetut etuudet' || head[2] !== 'Saajat') fail(t + 1, undefined, 'expected the columns "Maksetut etuudet" and "Saajat"');
    collector = new CellCollector(input.file, [
      { id: 'Alue', label: 'Alue' },
      { id: 'timeperiod_m', label: 'Kuukausi', sort: true },
      { id: 'Tiedot', label: 'Tiedot', codes: ['maksetut_etuudet_eur', 'saajat'] },
    ]);
    for (let k = t + 2; k < lines.length && cells(k).some((c) => c.trim() !== ''); k++) {
      const [when, euros, recipients] = cells(k);
      const m = /^(\d{4})-(\d{1,2})$/.exec((when ?? '').trim());
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) fail(k, 'column 1', `"${when}" is not a month such as 2025-1`);
      const month = `${m![1]}M${m![2]!.padStart(2, '0')}`;
      collector.add(['SSS', month, 'maksetut_etuudet_eur'], finnishWholeNumber(euros ?? '', { file: input.file, row: k + 1, field: 'Maksetut etuudet' }), null, k + 1, 'Maksetut etuudet');
      collector.add(['SSS', month, 'saajat'], finnishWholeNumber(recipients ?? '', { file: input.file, row: k + 1, field: 'Saajat' }), null, k + 1, 'Saajat');
    }
    conversion = `Section "${lines[t]!.split(';')[0]!.trim()}" of a semicolon CSV compiled by hand (Finnish numbers with spaces between thousands); months written as YYYYMmm.`;
  }
  return part(
    ctx,
    input,
    {
      source: opts.source,
      part: opts.part,
      description: opts.description,
      format: 'json-stat2',
      data: collector.build({ role: { geo: ['Alue'], time: [opts.section === 'earnings-related-allowance' ? 'timeperiod_m' : 'timeperiod_y'], metric: ['Tiedot'] } }),
      source_updated: null,
      source_text: null,
    },
    conversion,
  );
}

/**
 * Label → code for files keyed by label, refusing a label given to two codes: the values keyed by
 * it would silently all go to one of them and the other code would lose its values.
 */
export function codesByLabel(labels: readonly string[], codes: readonly string[], file: string, field: string): Map<string, string> {
  if (labels.length !== codes.length) throw new InputError({ file, field }, `has ${labels.length} labels for ${codes.length} codes`);
  const out = new Map<string, string>();
  labels.forEach((label, k) => {
    const other = out.get(label);
    if (other !== undefined) throw new InputError({ file, field: `${field}[${k}]` }, `the label "${label}" is given to both ${other} and ${codes[k]}; values keyed by it would go to one code and the other would lose its values`);
    out.set(label, codes[k]!);
  });
  return out;
}
