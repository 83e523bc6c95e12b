/**
 * The change report (data/derived/CHANGES.md): what a refresh changed, for the person who runs
 * it. Compares this derive's summary with the previous one and lists new periods, new or removed
 * indicators, changed area codes, overlapping parts that disagree and unusually large jumps.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { on } from './join.ts';
import { shiftPeriod } from '../periods.ts';

const op: any = aq.op;

export interface IndicatorSummary {
  first: string | null;
  last: string | null;
  periods: number;
  areas: number;
  values: number;
  /** Whole country's value in the last period, if any. */
  country_last: number | null;
}

export interface Summary {
  statuses: Record<string, number>;
  areas: string[];
  indicators: Record<string, IndicatorSummary>;
  conflicts: number;
}

/** Summarises derived values for the next change report. */
export function summarise(values: ColumnTable, ids: readonly string[], conflicts: number): Summary {
  const statuses: Record<string, number> = {};
  for (const r of values.groupby('status').count().objects() as { status: string; count: number }[]) statuses[r.status] = r.count;
  const per = values
    .filter((d: any) => d.value != null)
    .groupby('indicator')
    .rollup({
      first: (d: any) => op.min(d.period),
      last: (d: any) => op.max(d.period),
      periods: (d: any) => op.distinct(d.period),
      areas: (d: any) => op.distinct(d.area),
      values: op.count(),
    });
  const countryBy = new Map<string, number>();
  const countryRows = values.filter((d: any) => d.area === 'SSS' && d.value != null).orderby('period').objects() as { indicator: string; value: number }[];
  for (const r of countryRows) countryBy.set(r.indicator, r.value);
  const indicators: Record<string, IndicatorSummary> = {};
  const byId = new Map((per.objects() as any[]).map((r) => [r.indicator, r]));
  for (const id of ids) {
    const r = byId.get(id);
    indicators[id] = r
      ? { first: r.first, last: r.last, periods: r.periods, areas: r.areas, values: r.values, country_last: countryBy.get(id) ?? null }
      : { first: null, last: null, periods: 0, areas: 0, values: 0, country_last: null };
  }
  const areas = (values.rollup({ a: (d: any) => op.array_agg_distinct(d.area) }).get('a', 0) as string[]).sort();
  return { statuses, areas, indicators, conflicts };
}

interface ReportExtras {
  conflicts: { source: string; area: string; period: string; code: string; chosen: string; values: unknown[]; parts: string[] }[];
  snapshot: { raw_written_at: string; parts: { file: string; source_updated: string | null; retrieved_at: string; format: string }[] };
  values: ColumnTable;
  comparisons: ColumnTable;
}

/** Writes the change report as Markdown. Every section ends with what to do about it. */
export function changeReport(previous: Summary | null, current: Summary, extra: ReportExtras): string {
  const out: string[] = ['# Data change report', ''];
  out.push(`Raw snapshot written ${extra.snapshot.raw_written_at}. ${previous ? 'Compared with the previous derive on this machine.' : 'No previous derive on this machine: everything below is new.'}`, '');

  out.push('## Sources', '', '| raw file | source updated | retrieved |', '|---|---|---|');
  for (const p of extra.snapshot.parts.filter((p) => p.format === 'json-stat2')) out.push(`| ${p.file} | ${p.source_updated ?? 'unknown'} | ${p.retrieved_at} |`);
  out.push('', 'Action: check that every source you meant to refresh has a new "source updated" date.', '');

  const ids = Object.keys(current.indicators);
  const before = previous ? Object.keys(previous.indicators) : [];
  const added = ids.filter((i) => !before.includes(i));
  const removed = before.filter((i) => !ids.includes(i));
  out.push('## Indicators', '');
  if (previous) {
    out.push(added.length ? `New: ${added.join(', ')}.` : 'No new indicators.');
    out.push(removed.length ? `Removed: ${removed.join(', ')}.` : 'None removed.');
  }
  out.push('', '| indicator | first | last | periods | areas | whole country, last | change |', '|---|---|---|---|---|---|---|');
  for (const id of ids) {
    const c = current.indicators[id]!;
    const p = previous?.indicators[id];
    const change = !p ? 'new' : p.last !== c.last ? `last period ${p.last ?? '–'} → ${c.last ?? '–'}` : p.values !== c.values ? `${c.values - p.values >= 0 ? '+' : ''}${c.values - p.values} values` : '';
    out.push(`| ${id} | ${c.first ?? '–'} | ${c.last ?? '–'} | ${c.periods} | ${c.areas} | ${c.country_last ?? '–'} | ${change} |`);
  }
  const empty = ids.filter((i) => current.indicators[i]!.values === 0);
  out.push('', empty.length ? `Action: these indicators have no values in the snapshot: ${empty.join(', ')}. Check the source codes in their YAML files.` : 'Action: none; every indicator has values.', '');

  out.push('## Area codes', '');
  if (previous) {
    const newAreas = current.areas.filter((a) => !previous.areas.includes(a));
    const goneAreas = previous.areas.filter((a) => !current.areas.includes(a));
    out.push(newAreas.length ? `New: ${newAreas.join(', ')}.` : 'No new area codes.', goneAreas.length ? `Gone: ${goneAreas.join(', ')}.` : 'None gone.');
    out.push('', newAreas.length || goneAreas.length ? 'Action: a changed code usually means a merger or a new division; update data/reference (area-key.csv, municipality-mergers.csv).' : 'Action: none.', '');
  } else {
    out.push(`${current.areas.length} areas have values.`, '', 'Action: none.', '');
  }

  out.push('## Overlapping parts that disagree', '');
  if (extra.conflicts.length === 0) out.push('None: where two parts of a source give the same cell, they agree.', '', 'Action: none.', '');
  else {
    out.push(`${extra.conflicts.length} cells differ between parts; the part the source updated most recently was used.`, '', '| source | area | period | code | values | parts | used |', '|---|---|---|---|---|---|---|');
    for (const c of extra.conflicts.slice(0, 20)) out.push(`| ${c.source} | ${c.area} | ${c.period} | ${c.code} | ${c.values.join(' / ')} | ${c.parts.join(', ')} | ${c.chosen} |`);
    out.push('', 'Action: a revision by the source is normal; many differences in old periods may mean a wrong import.', '');
  }

  out.push('## Large jumps in the latest period', '');
  const jumps = largeJumps(extra.values);
  if (jumps.length === 0) out.push('No area moved by more than 25 % (counts of 50 or more) or 3 points (shares) from the previous period.');
  else {
    out.push('| indicator | area | period | previous | value |', '|---|---|---|---|---|');
    for (const j of jumps.slice(0, 25)) out.push(`| ${j.indicator} | ${j.area} | ${j.period} | ${j.prev} | ${j.value} |`);
    if (jumps.length > 25) out.push('', `…and ${jumps.length - 25} more.`);
  }
  out.push('', 'Action: look at the largest jumps on the site before publishing; a jump across a gap in the snapshot is not a monthly change.', '');
  out.push(`Observation statuses: ${Object.entries(current.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  return out.join('\n');
}

/** Areas whose value in an indicator's latest period differs sharply from the previous period. */
function largeJumps(values: ColumnTable): { indicator: string; area: string; period: string; prev: number; value: number }[] {
  const last = values.filter((d: any) => d.value != null).groupby('indicator').rollup({ last: (d: any) => op.max(d.period) });
  const rows = values.join(last, on('indicator')).filter((d: any) => d.period === d.last && d.value != null).objects() as any[];
  const prevKey = new Map<string, number>();
  const wanted = new Set(rows.map((r) => `${r.indicator}|${r.area}|${shiftPeriod(r.period, -1)}`));
  for (const r of values.filter((d: any) => d.value != null).objects() as any[]) {
    const k = `${r.indicator}|${r.area}|${r.period}`;
    if (wanted.has(k)) prevKey.set(k, r.value);
  }
  const out = [];
  for (const r of rows) {
    const prev = prevKey.get(`${r.indicator}|${r.area}|${shiftPeriod(r.period, -1)}`);
    if (prev === undefined) continue;
    const isShare = r.den != null || (r.num == null && Math.abs(r.value) < 100 && !Number.isInteger(r.value));
    const jump = isShare ? Math.abs(r.value - prev) >= 3 : Math.max(r.value, prev) >= 50 && Math.abs(r.value - prev) >= 0.25 * Math.max(prev, 1);
    if (jump) out.push({ indicator: r.indicator, area: r.area, period: r.period, prev, value: r.value });
  }
  return out.sort((a, b) => Math.abs(b.value - b.prev) / Math.max(Math.abs(b.prev), 1) - Math.abs(a.value - a.prev) / Math.max(Math.abs(a.prev), 1));
}
