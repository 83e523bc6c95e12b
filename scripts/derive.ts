/**
 * Derive: reads the validated source cells (data/derived/validated/), the reference tables and
 * the indicator registry, and writes what the site reads (data/derived/):
 *   observations.csv  tidy values in the public format (+ a `break` flag column)
 *   comparisons.csv   change from a year earlier, 12-month average, rank, difference to country
 *   areas.json        areas with names, membership and structural attributes
 *   catalogue.json    indicators, sources, breaks and what the snapshot covers
 *   CHANGES.md        a short report for the person refreshing the data
 *   summary.json      what the change report compares with next time
 *
 * Usage: npm run data:derive
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { loadReference } from '../src/data/reference.ts';
import { loadRegistry } from '../src/data/registry.ts';
import { writeCsv } from '../src/lib/csv.ts';
import { buildAreas, levelOf } from '../src/lib/derive/areas.ts';
import { aggregateToParents, indexBy, keyLookup, memberCounts, resolveOverlaps, restateMergers } from '../src/lib/derive/cells.ts';
import { compare, fillGaps, type CompareSpec } from '../src/lib/derive/compare.ts';
import { computeIndicator, formulaCodes } from '../src/lib/derive/indicators.ts';
import { changeReport, summarise, type Summary } from '../src/lib/derive/report.ts';
import { formatPlain } from '../src/lib/numbers.ts';
import { ROOT, runMain } from './lib/args.ts';
import { toJson, writeFilesTogether } from './lib/fsx.ts';

const OUT = join(ROOT, 'data', 'derived');

async function main(): Promise<void> {
  const t0 = performance.now();
  // Load inputs.
  const ref = loadReference(ROOT);
  const { indicators, sources } = loadRegistry(ROOT, ref.breaks);
  const cellsPath = join(OUT, 'validated', 'cells.arrow');
  if (!existsSync(cellsPath)) throw new Error('data/derived/validated/cells.arrow is missing: run npm run data:validate first');
  const snapshot = JSON.parse(readFileSync(join(OUT, 'validated', 'snapshot.json'), 'utf8'));
  const raw = aq.fromArrow(readFileSync(cellsPath)) as ColumnTable;
  const previous: Summary | null = existsSync(join(OUT, 'summary.json')) ? JSON.parse(readFileSync(join(OUT, 'summary.json'), 'utf8')) : null;

  // Process data.
  const additive = {
    sources: sources.filter((s) => s.additive).map((s) => s.id),
    nonAdditiveCodes: [...new Set(sources.flatMap((s) => s.non_additive_codes))],
  };
  const mergers = ref.mergers.map((m) => ({ from: m.from, to: m.to, date: m.date }));
  const restated = restateMergers(raw, mergers, additive);
  const { cells, conflicts } = resolveOverlaps(restated);
  const periods = cells.rollup({ p: (d: any) => aq.op.array_agg_distinct(d.period) }).get('p', 0) as string[];
  const aggregated = (['employment_area', 'region'] as const)
    .map((level) => {
      const key = keyLookup(ref.key, level);
      return aggregateToParents(cells, key, memberCounts(key, periods), additive);
    })
    .reduce((a, b) => a.concat(b));
  const areaCells = cells.concat(aggregated);

  const currentMunicipalities = new Set(ref.municipalities.filter((m) => m.successor === '').map((m) => m.code));
  const published = (code: string) => {
    const level = levelOf(code);
    return level !== null && (level !== 'municipality' || currentMunicipalities.has(code));
  };
  const cellsFor = indexBy(areaCells, 'source', 'code');
  const perIndicator: ColumnTable[] = [];
  for (const ind of indicators) {
    const levels = new Set(ind.levels);
    const codes = formulaCodes(ind);
    const ti = performance.now();
    const input = cellsFor(ind.sources.flatMap((s) => codes.map((c) => [s, c] as const)));
    const computed = computeIndicator(input, ind);
    if (process.env.DERIVE_TIMING) console.error(`  ${ind.id}: ${input.numRows()} cells → ${computed.numRows()} values, ${(performance.now() - ti).toFixed(0)} ms`);
    const areas = (computed.rollup({ a: (d: any) => aq.op.array_agg_distinct(d.area) }).get('a', 0) as string[]) ?? [];
    const keep = Object.fromEntries(areas.filter((a) => published(a) && levels.has(levelOf(a)!)).map((a) => [a, true]));
    perIndicator.push((computed.params({ keep }) as ColumnTable).filter((d: any, $: any) => $.keep[d.area] === true));
  }
  const filled = fillGaps(perIndicator[0]!.concat(...perIndicator.slice(1)));

  const specs: CompareSpec[] = indicators.map((i) => ({
    id: i.id,
    decimals: i.decimals,
    unit: i.unit,
    scale: i.formula.type === 'ratio' ? i.formula.scale : 1,
    hasTerms: i.formula.type !== 'published',
    breaks: i.breaks.map((b) => ref.breaks.find((x) => x.id === b)!.period),
    rank: i.rank,
  }));
  const te24Areas = ref.employmentAreas.filter((a) => a.te24 === 'yes').map((a) => a.code);
  const comparisons = compare(filled, specs, te24Areas);

  // Areas and their structural attributes (latest population and labour force).
  const latest = (id: string) => {
    const m = new Map<string, { value: number; period: string }>();
    const rowsOf = (filled.params({ id }) as ColumnTable).filter((d: any, $: any) => d.indicator === $.id && d.value != null);
    for (const r of rowsOf.objects() as any[]) {
      const cur = m.get(r.area);
      if (!cur || r.period > cur.period) m.set(r.area, { value: r.value, period: r.period });
    }
    return m;
  };
  const areaOf = new Map(ref.key.filter((k) => k.level === 'employment_area' && k.valid_to === '').map((k) => [k.municipality, k.area]));
  const areas = buildAreas({
    municipalities: ref.municipalities,
    employmentAreas: ref.employmentAreas,
    regions: ref.regions,
    areaOf,
    population: latest('population'),
    labourForce: latest('labour-force'),
  });
  const areaByCode = new Map(areas.map((a) => [a.code, a]));

  // Save outputs.
  const indById = new Map(indicators.map((i) => [i.id, i]));
  const breakStart = new Map(indicators.map((i) => [i.id, i.breaks.map((b) => ref.breaks.find((x) => x.id === b)!)]));
  const rows = (filled.orderby('indicator', 'area', 'period').objects() as any[]).map((r) => {
    const ind = indById.get(r.indicator)!;
    const area = areaByCode.get(r.area)!;
    const brk = breakStart.get(r.indicator)!.filter((b) => b.period === r.period || (ind.frequency === 'annual' && b.period.slice(0, 4) === r.period));
    return [r.area, area.name.fi, area.level, r.indicator, r.period, formatPlain(r.value, ind.decimals), ind.unit, r.status, brk.map((b) => b.id).join(';')];
  });
  const observationsCsv = writeCsv(['area_code', 'area_name', 'area_level', 'indicator', 'period', 'value', 'unit', 'status', 'break'], rows);
  const compRows = (comparisons.objects() as any[]).map((r) => {
    const d = indById.get(r.indicator)!.decimals;
    const f = (v: number | null, k = d) => (v == null ? '' : formatPlain(v, k));
    return [r.indicator, r.area, r.period, f(r.yoy_change), f(r.yoy_change_pct, 1), r.yoy_crosses_break == null ? '' : String(r.yoy_crosses_break), r.yoy_status ?? '', f(r.avg_12m), r.avg_12m_status ?? '', r.avg_12m_from ?? '', r.rank ?? '', r.rank_of ?? '', f(r.diff_to_country)];
  });
  const comparisonsCsv = writeCsv(
    ['indicator', 'area_code', 'period', 'yoy_change', 'yoy_change_pct', 'yoy_crosses_break', 'yoy_status', 'avg_12m', 'avg_12m_status', 'avg_12m_from', 'rank', 'rank_of', 'diff_to_country'],
    compRows,
  );
  const summary = summarise(filled, indicators.map((i) => i.id), conflicts.numRows());
  const report = changeReport(previous, summary, {
    conflicts: conflicts.objects() as any[],
    snapshot,
    values: filled,
    comparisons,
  });
  const catalogue = {
    generated_at: new Date().toISOString(),
    snapshot,
    indicators,
    sources,
    breaks: ref.breaks,
    coverage: summary.indicators,
  };
  await writeFilesTogether(
    new Map<string, string>([
      [join(OUT, 'observations.csv'), observationsCsv],
      [join(OUT, 'comparisons.csv'), comparisonsCsv],
      [join(OUT, 'areas.json'), toJson(areas)],
      [join(OUT, 'catalogue.json'), toJson(catalogue)],
      [join(OUT, 'summary.json'), toJson(summary)],
      [join(OUT, 'CHANGES.md'), report],
    ]),
  );
  console.error(
    `derive: ${rows.length} observations (${summary.statuses.missing ?? 0} missing, ${summary.statuses.suppressed ?? 0} suppressed, ${summary.statuses.lower_bound ?? 0} lower bounds), ${compRows.length} comparison rows, ${areas.length} areas, ${conflicts.numRows()} overlap conflicts → data/derived/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.error('change report: data/derived/CHANGES.md');
}

runMain(main);
