/**
 * Downloads: every indicator and every area as tidy CSV, as an Excel workbook with a notes sheet,
 * and as JSON-stat 2.0; the Frictionless Data Package that lists them; the notes (source,
 * definition, licence, retrieval date) written into each. Build-time only.
 */
import { buildDataset } from '../lib/jsonstat.ts';
import { type Observation } from '../lib/observation.ts';
import type { ChartNotes } from '../lib/wide-xlsx.ts';
import { PUBLIC_STATUSES, STATUS_DEFINITIONS, STATUS_SHORT } from '../lib/status.ts';
import type { Indicator } from '../schema/indicator.ts';
import type { JsonStatDataset } from '../schema/raw.ts';
import { observationOf, partsOf, type SiteCatalogue, type SiteData } from './site.ts';
import { t, type Lang } from '../i18n/index.ts';
import { orderedIndicators } from './views.ts';

/** Every observation of an indicator, all areas, ordered by area then period. */
export function indicatorRows(site: SiteData, ind: Indicator): Observation[] {
  const byArea = site.series.get(ind.id);
  if (!byArea) return [];
  return [...byArea.values()].flatMap((s) => s.points.map((p) => observationOf(site, ind, s.area, p)));
}

/** Every observation of an area, all indicators in registry order. */
export function areaRows(site: SiteData, code: string): Observation[] {
  return orderedIndicators(site).flatMap((ind) => (site.series.get(ind.id)?.get(code)?.points ?? []).map((p) => observationOf(site, ind, code, p)));
}

/** The latest retrieval date (ISO) of the raw files of the given sources. */
export function retrievedAt(site: SiteCatalogue, sources: readonly string[]): string {
  return partsOf(site, sources).map((p) => p.retrieved_at).sort().at(-1) ?? site.rawWrittenAt;
}

/** Attribution lines (fi/sv/en) of the sources, with table and retrieval date filled in. */
export function attributions(site: SiteCatalogue, sources: readonly string[]): { fi: string; sv: string; en: string }[] {
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
  const lines: string[][] = [title];
  for (const a of attributions(site, sources)) lines.push(['Source / Lähde / Källa', a.en], ['', a.fi], ['', a.sv]);
  lines.push(
    ['Licence', [...new Set(sources.map((s) => site.sourceById.get(s)!.licence.name))].join(', ') + ' (credit the producers as above)'],
    ['Retrieved', retrievedAt(site, sources).slice(0, 10)],
    ...PUBLIC_STATUSES.map((st) => [`status: ${st}`, STATUS_DEFINITIONS[st]]),
    ['break', 'a comparability break starts at this period (te24: the TE24 reform of January 2025)'],
    ['Register share', 'Register figures are not the Labour Force Survey’s official unemployment rate.'],
  );
  // Each indicator's unit and definition in English, Finnish and Swedish.
  for (const i of inds) {
    const unit = (lang: Lang) => t(lang, `unit.${i.unit}`);
    lines.push(
      [`${i.id}`, `${i.name.en}. ${i.definition.en} Formula: ${i.formula_text.en} Unit (column unit = ${i.unit}): ${unit('en')}.`],
      ['', `${i.name.fi}. ${i.definition.fi} Laskenta: ${i.formula_text.fi} Yksikkö: ${unit('fi')}.`],
      ['', `${i.name.sv}. ${i.definition.sv} Beräkning: ${i.formula_text.sv} Enhet: ${unit('sv')}.`],
    );
  }
  return lines;
}

/**
 * What a chart's workbook needs besides the chart's CSV, one file per indicator
 * (`notes/<id>.json`): the indicator's notes sheet and the data's retrieval time, written as the
 * workbook's date. The browser builds the workbook (src/client/chart-workbook.ts).
 */
export function chartNotesOf(site: SiteData, ind: Indicator): ChartNotes {
  return { created: retrievedAt(site, ind.sources), notes: notesOf(site, { kind: 'indicator', ind }) };
}

/**
 * JSON-stat 2.0 of tidy rows: dimensions area (or indicator, for an area's file) × period,
 * values as numbers, statuses other than `ok` in `status`. Labels are the Finnish names; the
 * Swedish and English names are in `extension.labels`.
 */
export function jsonStatOf(site: SiteData, rows: readonly Observation[], by: 'area' | 'indicator', label: string, sources: readonly string[]): JsonStatDataset {
  const keyOf = (o: Observation) => (by === 'area' ? o.area_code : o.indicator);
  const keys = [...new Set(rows.map(keyOf))];
  const periods = [...new Set(rows.map((o) => o.period))].sort();
  const labels = (lang: 'fi' | 'sv' | 'en') =>
    Object.fromEntries(keys.map((k) => [k, by === 'area' ? site.areaByCode.get(k)!.name[lang] : site.indicatorById.get(k)!.name[lang]]));
  // Values as the CSV writes them (rounded to the indicator's decimals), then as numbers.
  const cells = rows.map((o) => ({
    codes: [keyOf(o), o.period],
    value: o.value === null ? null : Number(o.value.toFixed(site.indicatorById.get(o.indicator)!.decimals)),
    status: o.status === 'ok' ? null : o.status,
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
    note: [PUBLIC_STATUSES.filter((st) => st !== 'ok').map((st) => `status: ${st} = ${STATUS_SHORT[st]}`).join('; ')],
    extension: { tilannekuva: { labels: { sv: labels('sv'), en: labels('en') }, units: Object.fromEntries(rows.map((o) => [o.indicator, o.unit])) } },
  });
}
