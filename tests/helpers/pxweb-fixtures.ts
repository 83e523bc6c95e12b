/**
 * Builds the tables the local PxWeb server serves from the real excerpts in tests/fixtures/pxweb
 * (README.md there says where each came from). Values are never computed or invented here: each
 * cell is a value (or "..." status) copied from a fixture. Codes follow the API's current form
 * (`Alue`, `timeperiod_m`, `contentscode`; `alue_23_20260101`, `timeperiod_y`, `vaerak-vaesto`);
 * {@link oldForm} turns a table back into the form before June 2026 (`Kuukausi`, `Tiedot`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellKey, type Lang, type ServedCell, type ServedTable, type ServedVariable } from './pxweb-server.ts';

/**
 * The code of the contents variable the stand-in serves: a real json-stat2 answer of 12r5 of
 * 2026-08-25 calls it `contentscode` (issue #15); before June 2026 it was `Tiedot`.
 */
export const CONTENTS = 'contentscode';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pxweb');

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

interface PxWebJsonExport {
  columns: { code: string; text: string; type: 'd' | 't' | 'c' }[];
  data: { key: string[]; values: string[] }[];
  metadata: { updated?: string; label?: string; source?: string }[];
}

interface PxMeta2023 {
  title: Record<Lang, string>;
  source: Record<Lang, string>;
  stub: Record<Lang, string>;
  heading: Record<Lang, string[]>;
  codes: Record<Lang, Record<string, string[]>>;
  values: Record<Lang, Record<string, string[]>>;
  'last-updated': Record<Lang, Record<string, string>>;
}

interface GetMetadata {
  title: string;
  variables: { code: string; text: string; values: string[]; valueTexts: string[]; time?: boolean; elimination?: boolean }[];
}

/** The same text in every language (for tables whose excerpt has Finnish texts only). */
const same = (text: string): Record<Lang, string> => ({ fi: text, sv: text, en: text });

/** `2026-07-21T05.00.00Z` (json export) or `2023-11-21 08:00:00` (PX) → `2026-07-21T05:00:00Z`. */
function isoStamp(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2})[.:](\d{2})[.:](\d{2})Z?$/.exec(text);
  if (!m) throw new Error(`unexpected stamp ${text}`);
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`;
}

function cell(text: string): ServedCell {
  // "..." (PxWeb) and "NA" (the R conversion of "...") are a withheld value.
  if (text === '...' || text === 'NA') return { value: null, status: '...' };
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${text}`);
  return { value: n };
}

/** Texts of codes from the 2023 PX metadata, in one language. */
function pxLabels(px: PxMeta2023, lang: Lang, position: number): Map<string, string> {
  const name = Object.keys(px.codes[lang])[position]!;
  const codes = px.codes[lang][name]!;
  const texts = px.values[lang][name]!;
  return new Map(codes.map((c, i) => [c, texts[i]!]));
}

function labelsFor(codes: string[], px: PxMeta2023, position: number, fi?: (c: string) => string): Record<Lang, string[]> {
  const out = {} as Record<Lang, string[]>;
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const map = pxLabels(px, lang, position);
    out[lang] = codes.map((c) => (lang === 'fi' && fi ? fi(c) : map.get(c) ?? c));
  }
  return out;
}

/**
 * Table 12r5 as served after the June 2026 change, with 2026M06 only: 8 areas (SSS, KU049,
 * KU062, KU091, KU092, KU211, MK01, SK011) × all 23 contents, from 12r5_2026M06_excerpt.json.
 * Variable flags and Finnish area texts from the 2025 GET metadata excerpt; Swedish and English
 * texts from the 2023 PX metadata excerpt.
 */
export function table12r5Latest(): ServedTable {
  const json = readJson<PxWebJsonExport>('12r5_2026M06_excerpt.json');
  const meta = readJson<GetMetadata>('12r5_metadata_2025-03_excerpt.json');
  const px = readJson<PxMeta2023>('12r5_px_metadata_2023_excerpt.json');
  const [areaCol, timeCol] = json.columns;
  const contentCols = json.columns.filter((c) => c.type === 'c');
  const metaArea = meta.variables.find((v) => v.code === 'Alue')!;
  const metaTime = meta.variables.find((v) => v.code === 'Kuukausi')!;
  const metaContents = meta.variables.find((v) => v.code === 'Tiedot')!;
  const areaCodes = metaArea.values.filter((c) => json.data.some((r) => r.key[0] === c));
  const periods = [...new Set(json.data.map((r) => r.key[1]!))];
  const contentCodes = contentCols.map((c) => c.code);
  const variables: ServedVariable[] = [
    {
      code: areaCol!.code,
      text: { fi: metaArea.text, sv: px.stub.sv, en: px.stub.en },
      values: areaCodes,
      valueTexts: labelsFor(areaCodes, px, 0, (c) => metaArea.valueTexts[metaArea.values.indexOf(c)]!),
      time: metaArea.time,
      elimination: metaArea.elimination,
      total: 'SSS',
    },
    {
      code: timeCol!.code,
      text: { fi: timeCol!.text, sv: px.heading.sv[0]!, en: px.heading.en[0]! },
      values: periods,
      valueTexts: { fi: periods, sv: periods, en: periods },
      time: metaTime.time,
      elimination: metaTime.elimination,
    },
    {
      code: CONTENTS,
      text: { fi: metaContents.text, sv: px.heading.sv[1]!, en: px.heading.en[1]! },
      values: contentCodes,
      valueTexts: labelsFor(contentCodes, px, 2, (c) => contentCols.find((x) => x.code === c)!.text),
      time: metaContents.time,
      elimination: metaContents.elimination,
    },
  ];
  const cells = new Map<string, ServedCell>();
  for (const row of json.data) row.values.forEach((v, k) => cells.set(cellKey([row.key[0]!, row.key[1]!, contentCodes[k]!]), cell(v)));
  const m = json.metadata[0]!;
  return {
    path: 'StatFin/tyonv/12r5.px',
    title: { fi: m.label!, sv: px.title.sv, en: px.title.en },
    source: { fi: m.source!, sv: px.source.sv, en: px.source.en },
    updated: isoStamp(m.updated!),
    variables,
    contentsCode: CONTENTS,
    cells,
  };
}

/**
 * Table 12r5 as a monthly history for chunking: 5 areas (SSS, KU049, KU091, KU211, MK01) ×
 * 12 months (2022M11–2023M10) × the 3 contents of the CSV excerpt. Texts in fi/sv/en and the
 * `updated` stamp from the 2023 PX metadata excerpt (the version that covers these months).
 */
export function table12r5History(): ServedTable {
  const px = readJson<PxMeta2023>('12r5_px_metadata_2023_excerpt.json');
  const meta = readJson<GetMetadata>('12r5_metadata_2025-03_excerpt.json');
  const lines = readFileSync(join(FIXTURES, '12r5_kunnat_2022M11-2023M10_excerpt.csv'), 'utf8').trim().split('\n');
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const header = lines[0]!.split(',').map(unquote);
  const contentCodes = header.slice(2);
  const rows = lines.slice(1).map((l) => l.split(',').map(unquote));
  const areaSet = new Set(rows.map((r) => r[0]!));
  const areaCodes = px.codes.fi['Alue']!.filter((c) => areaSet.has(c));
  const periods = [...new Set(rows.map((r) => r[1]!))].sort();
  const flags = (code: string) => {
    const v = meta.variables.find((x) => x.code === code)!;
    return { time: v.time, elimination: v.elimination };
  };
  const variables: ServedVariable[] = [
    { code: 'Alue', text: { ...px.stub }, values: areaCodes, valueTexts: labelsFor(areaCodes, px, 0), ...flags('Alue'), total: 'SSS' },
    {
      code: 'timeperiod_m',
      text: { fi: px.heading.fi[0]!, sv: px.heading.sv[0]!, en: px.heading.en[0]! },
      values: periods,
      valueTexts: { fi: periods, sv: periods, en: periods },
      ...flags('Kuukausi'),
    },
    {
      code: CONTENTS,
      text: { fi: px.heading.fi[1]!, sv: px.heading.sv[1]!, en: px.heading.en[1]! },
      values: contentCodes,
      valueTexts: labelsFor(contentCodes, px, 2),
      ...flags('Tiedot'),
    },
  ];
  const cells = new Map<string, ServedCell>();
  for (const r of rows) contentCodes.forEach((c, k) => cells.set(cellKey([r[0]!, r[1]!, c]), cell(r[k + 2]!)));
  return {
    path: 'StatFin/tyonv/12r5.px',
    title: { ...px.title },
    source: { ...px.source },
    updated: isoStamp(Object.values(px['last-updated'].fi)[0]!),
    variables,
    contentsCode: CONTENTS,
    cells,
  };
}

/**
 * A table from a PxWeb `json` export excerpt (11ra, 11re). These excerpts carry Finnish texts
 * and codes only, so every language gets the Finnish texts and area values their codes as text.
 * `elimination` lists variables that may be left out, with the total they then answer.
 */
function fromJsonExport(file: string, path: string, elimination: Record<string, string> = {}): ServedTable {
  const json = readJson<PxWebJsonExport>(file);
  const dims = json.columns.filter((c) => c.type !== 'c');
  const contentCols = json.columns.filter((c) => c.type === 'c');
  const variables: ServedVariable[] = dims.map((d, k) => {
    const values = [...new Set(json.data.map((r) => r.key[k]!))];
    return {
      code: d.code,
      text: same(d.text),
      values,
      valueTexts: { fi: values, sv: values, en: values },
      time: d.type === 't',
      elimination: d.code in elimination,
      ...(d.code in elimination ? { total: elimination[d.code]! } : {}),
    };
  });
  const contentCodes = contentCols.map((c) => c.code);
  const contentTexts = contentCols.map((c) => c.text);
  variables.push({ code: CONTENTS, text: same('Tiedot'), values: contentCodes, valueTexts: { fi: contentTexts, sv: contentTexts, en: contentTexts }, time: false, elimination: false });
  const cells = new Map<string, ServedCell>();
  for (const r of json.data) r.values.forEach((v, k) => cells.set(cellKey([...r.key, contentCodes[k]!]), cell(v)));
  const m = json.metadata[0]!;
  return { path, title: same(m.label!), source: same(m.source!), updated: isoStamp(m.updated!), variables, contentsCode: CONTENTS, cells };
}

/** Table 11ra (population key figures, 2025): SSS, KU049, KU091, MK01, SK011, TA08 × 4 contents. */
export function table11ra(): ServedTable {
  return fromJsonExport('11ra_2025_excerpt.json', 'StatFin/vaerak/11ra.px');
}

/** Table 11re (population by sex, 2025): SSS, KU049, KU091 × sex SSS/1/2; sex may be eliminated (total SSS). */
export function table11re(): ServedTable {
  return fromJsonExport('11re_2025_excerpt.json', 'StatFin/vaerak/11re.px', { sukupuoli_9_20180101: 'SSS' });
}

/**
 * The same table in the form before the June 2026 change: contents variable `Tiedot` and, for
 * monthly tables, the time variable `Kuukausi` (as in ../shared/data/tyonv/12r5_metadata_2025-03_pxweb.json).
 */
export function oldForm(t: ServedTable): ServedTable {
  const monthly = t.variables.some((v) => v.code === 'timeperiod_m');
  const renamed = renameVariable(t, CONTENTS, 'Tiedot');
  return monthly ? renameVariable(renamed, 'timeperiod_m', 'Kuukausi') : renamed;
}

/** A copy of a table with a variable code renamed (metadata and cells stay consistent). */
export function renameVariable(t: ServedTable, from: string, to: string): ServedTable {
  return {
    ...t,
    variables: t.variables.map((v) => (v.code === from ? { ...v, code: to } : v)),
    contentsCode: t.contentsCode === from ? to : t.contentsCode,
  };
}

/** A copy of a table with one value code of a variable renamed, in the metadata and the cells. */
export function renameValue(t: ServedTable, variable: string, from: string, to: string): ServedTable {
  const k = t.variables.findIndex((v) => v.code === variable);
  if (k < 0) throw new Error(`no variable ${variable}`);
  const cells = new Map<string, ServedCell>();
  for (const [key, c] of t.cells) {
    const codes = key.split('\u0001');
    if (codes[k] === from) codes[k] = to;
    cells.set(cellKey(codes), c);
  }
  return { ...t, variables: t.variables.map((v, i) => (i === k ? { ...v, values: v.values.map((c) => (c === from ? to : c)) } : v)), cells };
}


/** A copy of a table without some periods (as if they were not yet published, or withdrawn). */
export function withoutPeriods(t: ServedTable, periods: readonly string[]): ServedTable {
  const k = t.variables.findIndex((v) => v.time);
  const drop = new Set(periods);
  const cells = new Map<string, ServedCell>();
  for (const [key, c] of t.cells) if (!drop.has(key.split('\u0001')[k]!)) cells.set(key, c);
  return {
    ...t,
    variables: t.variables.map((v, i) => {
      if (i !== k) return v;
      const keep = v.values.map((c, j) => [c, j] as const).filter(([c]) => !drop.has(c));
      return { ...v, values: keep.map(([c]) => c), valueTexts: { fi: keep.map(([, j]) => v.valueTexts.fi[j]!), sv: keep.map(([, j]) => v.valueTexts.sv[j]!), en: keep.map(([, j]) => v.valueTexts.en[j]!) } };
    }),
    cells,
  };
}

/** A copy of a table without one content code (as if the source had dropped it). */
export function withoutContent(t: ServedTable, code: string): ServedTable {
  const k = t.variables.findIndex((v) => v.code === t.contentsCode);
  const cells = new Map<string, ServedCell>();
  for (const [key, c] of t.cells) if (key.split('\u0001')[k] !== code) cells.set(key, c);
  return {
    ...t,
    variables: t.variables.map((v, i) => {
      if (i !== k) return v;
      const j = v.values.indexOf(code);
      const cut = <T>(list: T[]) => list.filter((_, x) => x !== j);
      return { ...v, values: cut(v.values), valueTexts: { fi: cut(v.valueTexts.fi), sv: cut(v.valueTexts.sv), en: cut(v.valueTexts.en) } };
    }),
    cells,
  };
}
