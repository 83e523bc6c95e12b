/**
 * Downloads: every indicator and every area as tidy CSV, as an Excel workbook with a notes sheet,
 * and as JSON-stat 2.0; the Frictionless Data Package that lists them; the notes (source,
 * definition, licence, retrieval date) written into each. Build-time only.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula, writeCsv } from '../lib/csv.ts';
import { buildDataset } from '../lib/jsonstat.ts';
import type { Indicator } from '../schema/indicator.ts';
import type { JsonStatDataset } from '../schema/raw.ts';
import { TIDY_HEADER, tidyRow } from './charts.ts';
import { partsOf, type SiteData } from './site.ts';
import { orderedIndicators } from './views.ts';

export type TidyRow = (string | number)[];

/** Every observation of an indicator, all areas, ordered by area then period. */
export function indicatorRows(site: SiteData, ind: Indicator): TidyRow[] {
  const byArea = site.series.get(ind.id);
  if (!byArea) return [];
  return [...byArea.values()].flatMap((s) => s.points.map((p) => tidyRow(site, ind, s.area, p)));
}

/** Every observation of an area, all indicators in registry order. */
export function areaRows(site: SiteData, code: string): TidyRow[] {
  return orderedIndicators(site).flatMap((ind) => (site.series.get(ind.id)?.get(code)?.points ?? []).map((p) => tidyRow(site, ind, code, p)));
}

export function csvOf(rows: TidyRow[]): string {
  return writeCsv(TIDY_HEADER, rows);
}

/** The latest retrieval date (ISO) of the raw files of the given sources. */
export function retrievedAt(site: SiteData, sources: readonly string[]): string {
  return partsOf(site, sources).map((p) => p.retrieved_at).sort().at(-1) ?? site.rawWrittenAt;
}

/** Attribution lines (fi/sv/en) of the sources, with table and retrieval date filled in. */
export function attributions(site: SiteData, sources: readonly string[]): { fi: string; sv: string; en: string }[] {
  return sources.map((id) => {
    const s = site.sourceById.get(id)!;
    const date = retrievedAt(site, [id]).slice(0, 10);
    const fill = (text: string) => text.replace('{table}', s.table_id).replace('{date}', date);
    return { fi: fill(s.attribution.fi), sv: fill(s.attribution.sv), en: fill(s.attribution.en) };
  });
}

/** The notes of a download: what it is, its sources, definitions, licence, statuses. One line each. */
export function notesOf(site: SiteData, subject: { kind: 'indicator'; ind: Indicator } | { kind: 'area'; code: string }): string[][] {
  const inds = subject.kind === 'indicator' ? [subject.ind] : orderedIndicators(site).filter((i) => site.series.get(i.id)?.has(subject.code));
  const sources = [...new Set(inds.flatMap((i) => i.sources))];
  const title =
    subject.kind === 'indicator'
      ? [`Tilannekuva: ${subject.ind.name.fi} / ${subject.ind.name.sv} / ${subject.ind.name.en}`]
      : [`Tilannekuva: ${site.areaByCode.get(subject.code)!.name.fi} (${subject.code})`];
  const lines: string[][] = [title, ['Columns', TIDY_HEADER.join(', ')]];
  for (const a of attributions(site, sources)) lines.push(['Source / Lähde / Källa', a.en], ['', a.fi], ['', a.sv]);
  lines.push(
    ['Licence', [...new Set(sources.map((s) => site.sourceById.get(s)!.licence.name))].join(', ') + ' (credit the producers as above)'],
    ['Retrieved', retrievedAt(site, sources).slice(0, 10)],
    ['status: ok', 'a published value'],
    ['status: suppressed', 'withheld by the source (counts of 1–4); never zero'],
    ['status: lower_bound', 'built from sums that include withheld municipalities: for counts the true value is at least this; for rates it may err either way'],
    ['status: missing', 'not in the source or in the portal’s snapshot (or a zero denominator); nothing is filled in'],
    ['break', 'a comparability break starts at this period (te24: the TE24 reform of January 2025)'],
    ['Register share', 'Register figures are not the Labour Force Survey’s official unemployment rate.'],
  );
  for (const i of inds) lines.push([`${i.id}`, `${i.name.en}. ${i.definition.en} Formula: ${i.formula_text.en}`]);
  return lines;
}

/**
 * An Excel workbook (ExcelJS, streamed): the tidy rows on sheet "data" with the value as a
 * number, the notes on sheet "notes". Text cells are formula-neutralised like the CSV.
 */
export async function xlsxOf(rows: TidyRow[], notes: string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  wb.creator = 'Tilannekuva';
  const text = (v: string | number) => (typeof v === 'number' ? v : neutraliseFormula(v));
  const data = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = TIDY_HEADER.map((h) => ({ header: h, key: h, width: h === 'area_name' ? 24 : 14 }));
  data.getRow(1).commit();
  const valueCol = TIDY_HEADER.indexOf('value');
  for (const r of rows) data.addRow(r.map((v, k) => (k === valueCol ? (v === '' ? null : Number(v)) : text(v)))).commit();
  data.commit();
  const sheet = wb.addWorksheet('notes');
  sheet.columns = [{ width: 24 }, { width: 120 }];
  for (const line of notes) sheet.addRow(line.map(text)).commit();
  sheet.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * JSON-stat 2.0 of tidy rows: dimensions area (or indicator, for an area's file) × period,
 * values as numbers, statuses other than `ok` in `status`. Labels are the Finnish names; the
 * Swedish and English names are in `extension.labels`.
 */
export function jsonStatOf(site: SiteData, rows: TidyRow[], by: 'area' | 'indicator', label: string, sources: readonly string[]): JsonStatDataset {
  const col = (name: string) => TIDY_HEADER.indexOf(name);
  const keyCol = by === 'area' ? col('area_code') : col('indicator');
  const keys = [...new Set(rows.map((r) => String(r[keyCol])))];
  const periods = [...new Set(rows.map((r) => String(r[col('period')])))].sort();
  const labels = (lang: 'fi' | 'sv' | 'en') =>
    Object.fromEntries(keys.map((k) => [k, by === 'area' ? site.areaByCode.get(k)!.name[lang] : site.indicatorById.get(k)!.name[lang]]));
  const cells = rows.map((r) => ({
    codes: [String(r[keyCol]), String(r[col('period')])],
    value: r[col('value')] === '' ? null : Number(r[col('value')]),
    status: r[col('status')] === 'ok' ? null : String(r[col('status')]),
  }));
  const dims = [
    { id: by, label: by === 'area' ? 'Alue' : 'Tiedot', codes: keys, labels: labels('fi') },
    { id: 'period', label: 'Aika', codes: periods },
  ];
  return buildDataset(dims, cells, {
    label,
    source: attributions(site, sources).map((a) => a.fi).join('; '),
    updated: retrievedAt(site, sources),
    role: { time: ['period'], ...(by === 'area' ? { geo: ['area'] } : { metric: ['indicator'] }) },
    note: ['status: suppressed = withheld by the source; lower_bound = built from sums that include withheld municipalities; missing = not in the data'],
    extension: { tilannekuva: { labels: { sv: labels('sv'), en: labels('en') }, units: Object.fromEntries(rows.map((r) => [String(r[col('indicator')]), String(r[col('unit')])])) } },
  });
}
