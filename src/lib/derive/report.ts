/**
 * The change report (data/derived/CHANGES.md): what a refresh changed, for the person who runs
 * it. Compares this derive's summary with the previous one and lists what needs attention first
 * (periods an indicator lost, a latest month retracted, an indicator that fell behind the others,
 * regressions a person accepted), then the last refresh's revisions of published values (from the
 * coverage guard's record in the raw manifest), new periods, new or removed indicators, changed
 * area codes, overlapping parts that disagree and unusually large jumps.
 */
import type { RefreshRecord } from '../../schema/raw.ts';
import { periodAt } from '../periods.ts';
import { hasValue, MISSING, NONE, STATUS_NAMES } from '../status.ts';
import type { IndicatorSeries } from './compute.ts';
import type { Conflict } from './store.ts';

export interface IndicatorSummary {
  first: string | null;
  last: string | null;
  periods: number;
  areas: number;
  values: number;
  /** Whole country's value in the last period, if any. */
  country_last: number | null;
  /** Every period in which some area has a value (absent in summaries of older derives). */
  with_values?: string[];
}

export interface Summary {
  statuses: Record<string, number>;
  areas: string[];
  indicators: Record<string, IndicatorSummary>;
  conflicts: number;
}

/** Summarises the derived series for the next change report (gaps inside spans count as missing). */
export function summarise(series: readonly IndicatorSeries[], ids: readonly string[], conflicts: number): Summary {
  const statuses: Record<string, number> = {};
  const per = new Map<string, { first: string | null; last: string | null; periods: Set<string>; areas: Set<string>; values: number; country: number | null }>();
  for (const id of ids) per.set(id, { first: null, last: null, periods: new Set(), areas: new Set(), values: 0, country: null });
  const areas = new Set<string>();
  for (const s of series) {
    const p = per.get(s.indicator)!;
    for (let i = 0; i < s.status.length; i++) {
      const st = s.status[i] === NONE ? MISSING : s.status[i]!;
      statuses[STATUS_NAMES[st]!] = (statuses[STATUS_NAMES[st]!] ?? 0) + 1;
      if (!hasValue(st)) continue;
      const period = periodAt(s.freq, s.start + i);
      if (p.first === null || period < p.first) p.first = period;
      if (p.last === null || period > p.last) p.last = period;
      p.periods.add(period);
      p.areas.add(s.area);
      p.values++;
      areas.add(s.area);
      if (s.area === 'SSS' && period === p.last) p.country = s.values[i]!;
    }
  }
  const indicators: Record<string, IndicatorSummary> = {};
  for (const [id, p] of per) {
    indicators[id] = { first: p.first, last: p.last, periods: p.periods.size, areas: p.areas.size, values: p.values, country_last: p.country, with_values: [...p.periods].sort() };
  }
  return { statuses, areas: [...areas].sort(), indicators, conflicts };
}

interface ReportExtras {
  conflicts: readonly Conflict[];
  conflictCount: number;
  snapshot: { raw_written_at: string; parts: { file: string; source_updated: string | null; retrieved_at: string; format: string }[]; refresh?: RefreshRecord | null };
  series: readonly IndicatorSeries[];
}

/** Runs of consecutive periods (`2026-05`, `2025-01…2025-03`); months and years each on their own scale. */
export function periodRuns(periods: readonly string[]): string[] {
  const ord = (p: string) => (p.length === 7 ? Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1 : Number(p));
  const list = [...periods].sort((a, b) => (a.length - b.length) || ord(a) - ord(b));
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= list.length; i++) {
    const prev = list[i - 1]!;
    const cur = list[i];
    if (cur === undefined || cur.length !== prev.length || ord(cur) !== ord(prev) + 1) {
      runs.push(start === i - 1 ? list[start]! : `${list[start]}…${prev}`);
      start = i;
    }
  }
  return runs;
}

/** Findings that need a person's attention: periods lost, latest periods retracted, indicators that fell behind. */
export function attention(previous: Summary | null, current: Summary): { indicator: string; kind: 'lost' | 'back' | 'behind'; text: string }[] {
  if (!previous) return [];
  const out: { indicator: string; kind: 'lost' | 'back' | 'behind'; text: string }[] = [];
  for (const [id, c] of Object.entries(current.indicators)) {
    const p = previous.indicators[id];
    if (!p) continue;
    if (p.with_values && c.with_values) {
      const now = new Set(c.with_values);
      const lost = p.with_values.filter((x) => !now.has(x));
      if (lost.length) out.push({ indicator: id, kind: 'lost', text: `${id}: ${lost.length} period${lost.length === 1 ? '' : 's'} lost all values (${periodRuns(lost).join(', ')})` });
    }
    if (p.last && c.last && c.last.length === p.last.length && c.last < p.last) out.push({ indicator: id, kind: 'back', text: `${id}: the latest period moved back from ${p.last} to ${c.last}` });
  }
  // An indicator that kept pace with others before and now stops short of them.
  for (const [id, c] of Object.entries(current.indicators)) {
    const p = previous.indicators[id];
    if (!p?.last || !c.last || c.last > p.last) continue;
    const ahead = Object.entries(current.indicators)
      .filter(([other, oc]) => other !== id && previous.indicators[other]?.last === p.last && oc.last !== null && oc.last.length === c.last!.length && oc.last > c.last!)
      .map(([other]) => other);
    if (ahead.length) {
      const reach = ahead.map((a) => current.indicators[a]!.last!).sort().at(-1)!;
      out.push({ indicator: id, kind: 'behind', text: `${id}: stops at ${c.last} while ${ahead.slice(0, 4).join(', ')}${ahead.length > 4 ? ` and ${ahead.length - 4} more` : ''}, level with it before, reached ${reach}` });
    }
  }
  return out;
}

/** Writes the change report as Markdown. Every section ends with what to do about it. */
export function changeReport(previous: Summary | null, current: Summary, extra: ReportExtras): string {
  const out: string[] = ['# Data change report', ''];
  out.push(`Raw snapshot written ${extra.snapshot.raw_written_at}. ${previous ? 'Compared with the previous derive in this folder.' : 'No previous derive in this folder: everything below is new.'}`, '');

  // What needs attention comes first, so that "Action: none" further down never hides a loss.
  const refresh = extra.snapshot.refresh ?? null;
  const found = attention(previous, current);
  out.push('## Needs attention', '');
  const items = [...found.map((f) => f.text)];
  if (refresh?.accepted) items.push(`the last refresh (${refresh.at}) let ${refresh.regressions.length} regression${refresh.regressions.length === 1 ? '' : 's'} through, accepted as "${refresh.accepted.reason}" (listed below)`);
  if (items.length === 0) out.push('Nothing: no indicator lost a period, moved its latest period back or fell behind the others.', '');
  else {
    for (const i of items) out.push(`- ${i}`);
    out.push(
      '',
      'Action: data were lost or withheld. Check each item against the source (a retracted month, a renamed or dropped content code, a new area division) before publishing; if it is not intended, restore the previous data/raw from git and run the refresh again.',
      '',
    );
  }

  out.push('## Last refresh', '');
  if (!refresh) out.push('No live refresh has been recorded in data/raw/manifest.json (the snapshot comes from files).', '');
  else {
    const r = refresh.revisions;
    out.push(`${refresh.at}: ${refresh.sources.join(', ')}.`, '');
    out.push(`Revisions of published values: ${r.revised} of ${r.compared} values the previous snapshot had changed${r.compared ? ` (${((100 * r.revised) / r.compared).toFixed(1)} %)` : ''}, ${r.withheld_now} of them now withheld.`);
    if (r.largest.length) {
      out.push('', 'The largest (relative change):', '', '| source | area | period | code | other | was | now |', '|---|---|---|---|---|---|---|');
      for (const v of r.largest) out.push(`| ${v.source} | ${v.area} | ${v.period} | ${v.code} | ${v.dims} | ${v.old} | ${v.new ?? 'withheld'} |`);
    }
    out.push('');
    if (refresh.lost_periods.length) {
      out.push('Periods lost in the raw data (every one):', '', '| source | code | level | periods |', '|---|---|---|---|');
      for (const l of refresh.lost_periods) out.push(`| ${l.source} | ${l.code} | ${l.level} | ${l.periods.join(', ')} |`);
      out.push('');
    } else out.push('No period lost its values in the raw data.', '');
    if (refresh.regressions.length) {
      out.push(`Regressions accepted${refresh.accepted ? ` ("${refresh.accepted.reason}")` : ''}:`, '');
      for (const g of refresh.regressions) out.push(`- ${g.source}: ${g.message}`);
      out.push('');
    }
    out.push(r.revised ? 'Action: revisions are normal in the latest months; many in old periods, or large ones, need a look at the source before publishing.' : 'Action: none.', '');
  }

  out.push('## Sources', '', '| raw file | source updated | retrieved |', '|---|---|---|');
  for (const p of extra.snapshot.parts.filter((x) => x.format === 'json-stat2')) out.push(`| ${p.file} | ${p.source_updated ?? 'unknown'} | ${p.retrieved_at} |`);
  out.push('', 'Action: check that every source you meant to refresh has a new "source updated" date.', '');

  const ids = Object.keys(current.indicators);
  const before = previous ? Object.keys(previous.indicators) : [];
  out.push('## Indicators', '');
  if (previous) {
    const added = ids.filter((i) => !before.includes(i));
    const removed = before.filter((i) => !ids.includes(i));
    out.push(added.length ? `New: ${added.join(', ')}.` : 'No new indicators.', removed.length ? `Removed: ${removed.join(', ')}.` : 'None removed.');
  }
  out.push('', '| indicator | first | last | periods | areas | whole country, last | change |', '|---|---|---|---|---|---|---|');
  for (const id of ids) {
    const c = current.indicators[id]!;
    const p = previous?.indicators[id];
    const change = !p
      ? 'new'
      : p.last !== c.last
        ? `last period ${p.last ?? '–'} → ${c.last ?? '–'}`
        : p.values !== c.values
          ? `${c.values - p.values >= 0 ? '+' : ''}${c.values - p.values} values`
          : '';
    out.push(`| ${id} | ${c.first ?? '–'} | ${c.last ?? '–'} | ${c.periods} | ${c.areas} | ${c.country_last ?? '–'} | ${change} |`);
  }
  const empty = ids.filter((i) => current.indicators[i]!.values === 0);
  out.push('', empty.length ? `Action: these indicators have no values: ${empty.join(', ')}. Check the codes in their YAML files.` : 'Action: none; every indicator has values.', '');

  out.push('## Area codes', '');
  if (previous) {
    const added = current.areas.filter((a) => !previous.areas.includes(a));
    const gone = previous.areas.filter((a) => !current.areas.includes(a));
    out.push(added.length ? `New: ${added.join(', ')}.` : 'No new area codes.', gone.length ? `Gone: ${gone.join(', ')}.` : 'None gone.');
    out.push('', added.length || gone.length ? 'Action: a changed code usually means a merger or a new division; update data/reference (area-key.csv, municipality-mergers.csv).' : 'Action: none.', '');
  } else out.push(`${current.areas.length} areas have values.`, '', 'Action: none.', '');

  out.push('## Overlapping parts that disagree', '');
  if (extra.conflictCount === 0) out.push('None: where two parts of a source give the same cell, they agree.', '', 'Action: none.', '');
  else {
    out.push(`${extra.conflictCount} cells differ between parts; the part the source updated most recently was used. The first ${Math.min(20, extra.conflicts.length)}:`, '', '| source | area | period | code | values | parts | used |', '|---|---|---|---|---|---|---|');
    for (const c of extra.conflicts.slice(0, 20)) out.push(`| ${c.source} | ${c.area} | ${c.period} | ${c.code} | ${c.values.join(' / ')} | ${c.parts.join(', ')} | ${c.chosen} |`);
    out.push('', 'Action: a revision by the source is normal; many differences in old periods may mean a wrong import.', '');
  }

  out.push('## Large jumps in the latest period', '');
  const jumps = largeJumps(extra.series);
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

/** Areas whose value in an indicator's latest period differs sharply from the period before. */
function largeJumps(series: readonly IndicatorSeries[]): { indicator: string; area: string; period: string; prev: number; value: number }[] {
  const lastOf = new Map<string, number>();
  for (const s of series) {
    for (let i = s.status.length - 1; i >= 0; i--) {
      if (hasValue(s.status[i]!)) {
        lastOf.set(s.indicator, Math.max(lastOf.get(s.indicator) ?? -Infinity, s.start + i));
        break;
      }
    }
  }
  const out = [];
  for (const s of series) {
    const i = lastOf.get(s.indicator)! - s.start;
    if (i < 1 || i >= s.status.length || !hasValue(s.status[i]!) || !hasValue(s.status[i - 1]!)) continue;
    const value = s.values[i]!;
    const prev = s.values[i - 1]!;
    const isRate = !Number.isNaN(s.den[i]!);
    const jump = isRate ? Math.abs(value - prev) >= 3 : Math.max(value, prev) >= 50 && Math.abs(value - prev) >= 0.25 * Math.max(prev, 1);
    if (jump) out.push({ indicator: s.indicator, area: s.area, period: periodAt(s.freq, s.start + i), prev, value });
  }
  return out.sort((a, b) => Math.abs(b.value - b.prev) / Math.max(Math.abs(b.prev), 1) - Math.abs(a.value - a.prev) / Math.max(Math.abs(a.prev), 1));
}
