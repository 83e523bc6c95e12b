/**
 * Tables that pages show, as downloads of exactly that table: the indicator page's ranking of the
 * employment areas (or its list of municipalities, for indicators without employment areas) and
 * the front page's largest rises and falls. The page and its download read
 * the same rows from here, so the file holds what the reader sees — the same areas in the same
 * order, the header in the page's language — with numbers as numbers (rounded as shown) and the
 * marks the page writes beside a value ("arvio", "vähintään") in a notes column.
 *
 * Each table is written as a portable CSV (UTF-8, comma, decimal point) and as an Excel workbook
 * (.xlsx: opens with a double-click in Excel in any language, numbers as numbers).
 */
import { pick, t, type Lang } from '../i18n/index.ts';
import { writeCsv } from '../lib/csv.ts';
import { roundHalfUp } from '../lib/numbers.ts';
import { isCount } from '../lib/units.ts';
import { xlsxWorkbook, type XlsxCell } from '../lib/xlsx.ts';
import type { Area } from '../lib/derive/areas.ts';
import type { Indicator } from '../schema/indicator.ts';
import { now, risesAndFalls } from './now.ts';
import { seriesOf, type Point, type SiteData } from './site.ts';
import { at, periodsWithValues, te24Areas } from './views.ts';

/** A table as shown on a page, ready to be written as a file. */
export interface ShownTable {
  /** File name without extension (under /data/tables/<lang>/). */
  name: string;
  header: string[];
  rows: XlsxCell[][];
  /** Lines for the workbook's notes sheet: the title, period, source and licence. */
  notes: string[][];
}

/** The ranking of an indicator page: the 45 TE24 areas by value (largest first), then Åland; and the whole country. */
export interface Ranking {
  period: string;
  rows: { a: Area; p: Point | undefined }[];
  country: Point | undefined;
}

/**
 * The ranking (or, for indicators that are not ranked, the list) of the employment areas at the
 * latest period in which at least 30 of them have a value; null when there is none.
 */
export function rankingOf(site: SiteData, ind: Indicator): Ranking | null {
  const period = [...periodsWithValues(site, ind.id, 30)].sort().at(-1) ?? null;
  if (!period) return null;
  const rows = [...te24Areas(site), ...site.areas.filter((a) => a.code === 'TA46')]
    .map((a) => ({ a, p: at(seriesOf(site, ind.id, a.code), period) }))
    .sort((x, y) => (x.a.te24 === y.a.te24 ? 0 : x.a.te24 ? -1 : 1) || (y.p?.value ?? -Infinity) - (x.p?.value ?? -Infinity) || x.a.code.localeCompare(y.a.code));
  return rows.length ? { period, rows, country: at(seriesOf(site, ind.id, 'SSS'), period) } : null;
}

/** A number rounded as the page shows it, or empty. */
const shown = (v: number | null | undefined, decimals: number): number | null => (v === null || v === undefined ? null : roundHalfUp(v, decimals));

/** The unit words of a header: "%", "henkeä", … */
function unitWord(lang: Lang, ind: Indicator): string {
  return t(lang, `unit.${ind.unit}`);
}

/** The value column's header: the short name with its unit, unless the name already says it ("Työttömien osuus, %"). */
function valueHeader(lang: Lang, ind: Indicator): string {
  const name = pick(lang, ind.short_name);
  const unit = unitWord(lang, ind);
  return name.includes(unit) ? name : `${name} (${unit})`;
}

/** The unit of a change or difference: points for shares ("%-yks."), else the value's unit. */
function changeUnit(lang: Lang, ind: Indicator): string {
  return ind.unit === 'percent' ? t(lang, 'change.points', { value: '' }).trim().replace(/\u2011/g, '-') : unitWord(lang, ind);
}

/** The marks the page writes beside a value, a change and a difference, as one note ("arvio; muutos: vähintään"). */
function marks(lang: Lang, p: Point | undefined, withDiff: boolean): string {
  if (!p) return '';
  const out: string[] = [];
  if (p.status !== 'ok') out.push(t(lang, `status.${p.status}`));
  if (p.yoy !== null && p.yoyStatus && p.yoyStatus !== 'ok') out.push(`${t(lang, 'table.change')}: ${t(lang, `status.${p.yoyStatus}`)}`);
  if (p.yoy !== null && p.yoyCrossesBreak) out.push(`${t(lang, 'table.change')}: ${t(lang, 'change.crossesBreak')}`);
  if (withDiff && p.diffToCountry !== null && p.diffStatus && p.diffStatus !== 'ok') out.push(`${t(lang, 'table.diffCountry')}: ${t(lang, `status.${p.diffStatus}`)}`);
  return out.join('; ');
}

/** Source and licence lines of a table's notes sheet (in the page's language). */
function sourceNotes(lang: Lang, site: SiteData, ind: Indicator): string[][] {
  return [
    [t(lang, 'table.source'), ind.sources.map((s) => `${pick(lang, site.sourceById.get(s)!.producer)}: ${pick(lang, site.sourceById.get(s)!.name)} (${site.sourceById.get(s)!.table_id})`).join('; ')],
    [t(lang, 'tables.licence'), 'CC BY 4.0'],
    [t(lang, 'tables.definition'), `${pick(lang, ind.name)}: ${pick(lang, ind.definition)}`],
  ];
}

/** The ranking of an indicator page as a table, in the page's language; null when the page shows none. */
export function rankingTable(site: SiteData, ind: Indicator, lang: Lang): ShownTable | null {
  const r = rankingOf(site, ind);
  if (!r) return null;
  const count = isCount(ind.unit);
  const header = [
    ...(ind.rank ? [t(lang, 'table.rank')] : []),
    t(lang, 'tables.areaCode'),
    t(lang, 'table.area'),
    valueHeader(lang, ind),
    `${t(lang, 'table.change')} (${changeUnit(lang, ind)})`,
    ...(count ? [`${t(lang, 'table.change')} (%)`] : [`${t(lang, 'table.diffCountry')} (${changeUnit(lang, ind)})`]),
    t(lang, 'table.status'),
  ];
  const line = (code: string, name: string, p: Point | undefined, rank: boolean): XlsxCell[] => [
    ...(ind.rank ? [rank ? (p?.rank ?? null) : null] : []),
    code,
    name,
    shown(p?.value, ind.decimals),
    shown(p?.yoy, ind.decimals),
    count ? shown(p?.yoyPct, 1) : rank ? shown(p?.diffToCountry, ind.decimals) : null,
    marks(lang, p, !count),
  ];
  const rows = r.rows.map(({ a, p }) => line(a.code, pick(lang, a.name), p, true));
  if (r.country) rows.push(line('SSS', t(lang, 'level.country'), r.country, false));
  return {
    name: `ranking-${ind.id}`,
    header,
    rows,
    notes: [[`${ind.rank ? t(lang, 'indicator.ranking') : t(lang, 'level.employment_area.plural')}: ${pick(lang, ind.name)}`], [t(lang, 'table.period'), r.period], ...sourceNotes(lang, site, ind)],
  };
}

/**
 * The municipalities of an indicator page (indicators without employment-area values): every
 * municipality at the latest period in which at least 200 have a value, largest value first.
 */
export function municipalityListOf(site: SiteData, ind: Indicator): { period: string; rows: { m: Area; p: Point | undefined }[] } | null {
  if (!ind.levels.includes('municipality')) return null;
  const municipalities = site.areas.filter((a) => a.level === 'municipality');
  const counts = new Map<string, number>();
  for (const m of municipalities) for (const p of seriesOf(site, ind.id, m.code)?.points ?? []) if (p.value !== null) counts.set(p.period, (counts.get(p.period) ?? 0) + 1);
  const period = [...counts].filter(([, n]) => n >= 200).map(([p]) => p).sort().at(-1);
  if (!period) return null;
  const rows = municipalities.map((m) => ({ m, p: at(seriesOf(site, ind.id, m.code), period) })).sort((x, y) => (y.p?.value ?? -Infinity) - (x.p?.value ?? -Infinity));
  return { period, rows };
}

/** The municipalities table of an indicator page without employment areas, in the page's language; null when the page shows none. */
export function municipalityTable(site: SiteData, ind: Indicator, lang: Lang): ShownTable | null {
  if (ind.levels.includes('employment_area')) return null;
  const list = municipalityListOf(site, ind);
  if (!list) return null;
  const count = isCount(ind.unit);
  return {
    name: `municipalities-${ind.id}`,
    header: [t(lang, 'tables.areaCode'), t(lang, 'level.municipality'), valueHeader(lang, ind), `${t(lang, 'table.change')} (${changeUnit(lang, ind)})`, ...(count ? [`${t(lang, 'table.change')} (%)`] : []), t(lang, 'table.status')],
    rows: list.rows.map(({ m, p }) => [m.code, pick(lang, m.name), shown(p?.value, ind.decimals), shown(p?.yoy, ind.decimals), ...(count ? [shown(p?.yoyPct, 1)] : []), marks(lang, p, false)]),
    notes: [[`${t(lang, 'indicator.municipalities')}: ${pick(lang, ind.name)}`], [t(lang, 'table.period'), list.period], ...sourceNotes(lang, site, ind)],
  };
}

/** The front page's largest rises and falls over a year, one table each, in the page's language. */
export function moversTables(site: SiteData, lang: Lang): { ind: Indicator; rises: ShownTable; falls: ShownTable } {
  const n = now(site);
  const { rises, falls } = risesAndFalls(n);
  const ind = n.ind;
  const count = isCount(ind.unit);
  const header = [
    t(lang, 'tables.areaCode'),
    t(lang, 'table.area'),
    valueHeader(lang, ind),
    `${t(lang, 'table.change')} (${changeUnit(lang, ind)})`,
    ...(count ? [`${t(lang, 'table.change')} (%)`] : []),
    t(lang, 'table.status'),
  ];
  const table = (key: 'rises' | 'falls', list: typeof rises): ShownTable => ({
    name: `largest-${key}`,
    header,
    rows: list.map((m) => [m.area.code, pick(lang, m.area.name), shown(m.point.value, ind.decimals), shown(m.point.yoy, ind.decimals), ...(count ? [shown(m.point.yoyPct, 1)] : []), marks(lang, m.point, false)]),
    notes: [[`${t(lang, key === 'rises' ? 'home.rises' : 'home.falls')}: ${pick(lang, ind.name)}`], [t(lang, 'table.period'), n.period], ...sourceNotes(lang, site, ind)],
  });
  return { ind, rises: table('rises', rises), falls: table('falls', falls) };
}

/** Where a shown table's file is: /data/tables/<lang>/<name>.<ext>. */
export function tableHref(lang: Lang, name: string, ext: 'csv' | 'xlsx'): string {
  return `/data/tables/${lang}/${name}.${ext}`;
}

/** The table as a portable CSV: UTF-8 without byte-order mark, comma, decimal point. */
export function tableCsv(table: ShownTable): string {
  return writeCsv(table.header, table.rows);
}

/** The table as an Excel workbook: the table on the first sheet (header frozen), the notes on the second. */
export function tableXlsx(table: ShownTable, lang: Lang, created: Date): Uint8Array {
  return xlsxWorkbook(
    [
      { name: t(lang, 'tables.sheetTable'), rows: [table.header, ...table.rows], widths: table.header.map((h, i) => (i === 0 ? 10 : Math.max(12, Math.min(40, h.length + 2)))), freezeHeader: true },
      { name: t(lang, 'tables.sheetNotes'), rows: table.notes, widths: [24, 100] },
    ],
    { creator: 'Tilannekuva', created },
  );
}
