/**
 * Derive: reads only what the validate stage wrote (data/derived/validated/: the source cells,
 * the checked registry, reference tables and shapes) and writes what the site reads
 * (data/derived/):
 *   observations.csv  tidy values in the public format, plus a `break` flag column
 *   comparisons.csv   change from a year earlier, 12-month average, rank, difference to country
 *   areas.json        areas with names, membership and structural attributes
 *   catalogue.json    indicators, sources, breaks and what the snapshot covers
 *   CHANGES.md        a short report for the person refreshing the data
 *   summary.json      what the change report compares with next time
 *   forecasts.json    the values of forecast sources (never mixed into observations)
 *   postcodes.json    postal code → municipality, for the area finder
 *   geo.topo.json     municipal boundaries, for the maps
 *   practices.json    the checked good practices
 *
 * Usage: npm run data:derive [-- --in <validated folder>] [-- --out <folder>]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as aq from 'arquero';
import type { Reference } from './lib/validate/reference.ts';
import type { Registry } from './lib/validate/registry.ts';
import { buildAreas, levelOf } from '../src/lib/derive/areas.ts';
import { computePeers } from '../src/lib/derive/peers.ts';
import { compare, type CompareSpec } from '../src/lib/derive/compare.ts';
import { computeIndicator, dimsMatch, type IndicatorSeries } from '../src/lib/derive/compute.ts';
import { backtest, ESTIMATE_BOUND, estimateParents, yearlyWeights, type BacktestResult } from '../src/lib/derive/estimate.ts';
import { changeReport, summarise, type Summary } from '../src/lib/derive/report.ts';
import { aggregateParents, keyLookup, membersAt } from '../src/lib/derive/aggregate.ts';
import { loadSeries, type CellArrays } from '../src/lib/derive/load.ts';
import { COMPARISON_COLUMNS, comparisonLine } from '../src/lib/comparisons.ts';
import { observationHeader, observationLine } from '../src/lib/observation.ts';
import { breakStartsAt, periodAt } from '../src/lib/periods.ts';
import { hasValue, MISSING, NONE, OK, STATUS_NAMES, type StatusName } from '../src/lib/status.ts';
import type { SeriesStore } from '../src/lib/derive/store.ts';
import type { Source } from '../src/schema/source.ts';
import { isCount } from '../src/lib/units.ts';
import { ROOT, option, runMain } from './lib/args.ts';
import { FileSetWriter, toJson } from './lib/fsx.ts';

/** Reads the validated cell table (Arrow IPC) as plain column arrays. */
function readCells(path: string): CellArrays {
  const table = aq.fromArrow(readFileSync(path));
  return Object.fromEntries(table.columnNames().map((c) => [c, table.array(c)])) as unknown as CellArrays;
}

/**
 * The values of every forecast source by area, content code and period, with the regions each
 * forecast area covers (ELY areas through data/reference/ely-areas.csv).
 */
function forecasts(store: SeriesStore, sources: readonly Source[], ref: Reference) {
  const ely = new Map(ref.elyAreas.map((e) => [e.code, e]));
  return sources
    .filter((s) => s.kind === 'forecast')
    .map((s) => ({
      source: s.id,
      series: [...store.byKey.values()]
        .filter((x) => x.source === s.id)
        // Areas in code order; a forecast area's quantities in the order of the source file.
        .sort((a, b) => a.area.localeCompare(b.area))
        .map((x) => ({
          area: x.area,
          name: x.area === 'SSS' ? null : ely.has(x.area) ? { fi: ely.get(x.area)!.name_fi, sv: ely.get(x.area)!.name_sv, en: ely.get(x.area)!.name_en } : null,
          regions: ely.get(x.area)?.regions.split(';') ?? [],
          code: x.code,
          values: Object.fromEntries([...x.status].flatMap((st, i) => (st === OK ? [[periodAt(x.freq, x.start + i), x.values[i]!]] : []))),
        })),
    }));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const OUT = resolve(ROOT, option('out', 'data/derived'));
  const IN = resolve(ROOT, option('in', join(OUT, 'validated')));
  const lap = (what: string) => process.env.DERIVE_TIMING && console.error(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);

  // Load inputs.
  const cellsPath = join(IN, 'cells.arrow');
  if (!existsSync(cellsPath)) throw new Error(`${cellsPath} is missing: run npm run data:validate first`);
  const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(IN, name), 'utf8')) as T;
  const ref = readJson<Reference>('reference.json');
  const { indicators, sources } = readJson<Registry>('registry.json');
  const snapshot = readJson<Parameters<typeof changeReport>[2]['snapshot']>('snapshot.json');
  const previous: Summary | null = existsSync(join(OUT, 'summary.json')) ? JSON.parse(readFileSync(join(OUT, 'summary.json'), 'utf8')) : null;
  lap('load');

  // Process data.
  const additive = {
    sources: new Set(sources.filter((s) => s.additive).map((s) => s.id)),
    nonAdditiveCodes: new Set(sources.flatMap((s) => s.non_additive_codes)),
  };
  // The cell arrays are only referenced during loading, so their memory is freed afterwards.
  const store = loadSeries(readCells(cellsPath), ref.mergers, additive);
  lap('series');
  for (const level of ['employment_area', 'region'] as const) aggregateParents(store, keyLookup(ref.key, level, ref.mergers), additive);
  lap('aggregate');

  const current = new Set(ref.municipalities.filter((m) => m.successor === '').map((m) => m.code));
  const published = [...new Set([...store.byKey.values()].map((s) => s.area))].filter((a) => {
    const level = levelOf(a);
    return level !== null && (level !== 'municipality' || current.has(a));
  });
  const keys = (['employment_area', 'region'] as const).map((level) => keyLookup(ref.key, level, ref.mergers));
  const membersCache = new Map<string, Map<string, string[]>>();
  // Members of employment areas, regions and the whole country at a period (current division).
  const membersOf = (period: string) => {
    let m = membersCache.get(period);
    if (!m) {
      m = new Map(keys.flatMap((k) => [...membersAt(k, period)]));
      m.set('SSS', [...new Set([...membersAt(keys[0]!, period).values()].flat())]);
      membersCache.set(period, m);
    }
    return m;
  };
  /** Per indicator with estimates: the years that have weights, and the backtest against exact values (for the methodology page). */
  const estimates = new Map<string, { bound: number; weight_years: number[]; backtest: BacktestResult }>();
  const series: IndicatorSeries[] = [];
  for (const ind of indicators) {
    const areas = new Set(published.filter((a) => ind.levels.includes(levelOf(a)!)));
    let own = computeIndicator(store, ind, areas);
    const f = ind.formula;
    if (f.type === 'ratio' && f.estimate) {
      // Weights: the denominator code of the municipalities, by year (the labour force is fixed for a calendar year).
      const weightSeries = [...store.families]
        .filter(([fam]) => { const [src, code, dims] = fam.split('\u0001'); return ind.sources.includes(src!) && code === f.denominator[0] && dimsMatch(dims!, ind.select); })
        .flatMap(([, members]) => [...members.values()].filter((s) => current.has(s.area)));
      const weights = yearlyWeights(weightSeries);
      const years = new Set([...new Set([...weights.values()].flatMap((y) => [...y.keys()]))].filter((y) => [...current].every((m) => weights.get(m)?.has(y))));
      const parents = new Set([...areas].filter((a) => levelOf(a) !== 'municipality'));
      const input = { series: own, parents, membersAt: membersOf, weights, scale: f.scale, decimals: ind.decimals };
      estimates.set(ind.id, { bound: ESTIMATE_BOUND, weight_years: [...years].sort(), backtest: backtest(input, (a) => levelOf(a)!) });
      own = estimateParents({ ...input, weightYears: years });
    }
    series.push(...own);
  }
  lap('indicators');
  let stats!: { rows: number; comparisonRows: number; summary: Summary };

  const breakPeriod = new Map(ref.breaks.map((b) => [b.id, b.period]));
  const specs: CompareSpec[] = indicators.map((i) => ({
    id: i.id,
    decimals: i.decimals,
    isCount: isCount(i.unit),
    scale: i.formula.type === 'ratio' ? i.formula.scale : 1,
    hasTerms: i.formula.type !== 'published',
    breaks: i.breaks.map((b) => breakPeriod.get(b)!),
    rank: i.rank,
  }));
  const te24 = ref.employmentAreas.filter((a) => a.te24 === 'yes').map((a) => a.code);

  // Areas and their structural attributes (latest population and labour force).
  const latest = (attribute: 'population' | 'labour_force') => {
    const m = new Map<string, { value: number; period: string }>();
    const id = indicators.find((i) => i.show.area_attribute === attribute)?.id;
    for (const s of series) {
      if (s.indicator !== id) continue;
      for (let i = s.status.length - 1; i >= 0; i--) {
        if (hasValue(s.status[i]!)) {
          m.set(s.area, { value: s.values[i]!, period: periodAt(s.freq, s.start + i) });
          break;
        }
      }
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
    labourForce: latest('labour_force'),
  });
  for (const [code, peers] of computePeers(areas)) areas.find((a) => a.code === code)!.peers = peers;
  const areaByCode = new Map(areas.map((a) => [a.code, a]));

  // Save outputs (streamed: a full refresh has millions of rows).
  const out = new FileSetWriter();
  try {
    const indById = new Map(indicators.map((i) => [i.id, i]));
    const obsPath = join(OUT, 'observations.csv');
    out.write(obsPath, observationHeader() + '\n');
    let rows = 0;
    // Plain code-unit order (ids and codes are ASCII), which is also much faster than localeCompare.
    series.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
    for (const s of series) {
      const ind = indById.get(s.indicator)!;
      const area = areaByCode.get(s.area)!;
      const breaks = ind.breaks.map((b) => [b, breakPeriod.get(b)!] as const);
      const lines: string[] = [];
      for (let i = 0; i < s.status.length; i++) {
        const st = s.status[i] === NONE ? MISSING : s.status[i]!;
        const period = periodAt(s.freq, s.start + i);
        lines.push(
          observationLine(
            {
              area_code: s.area,
              area_name: area.name.fi,
              area_level: area.level,
              indicator: s.indicator,
              period,
              value: hasValue(st) ? s.values[i]! : null,
              unit: ind.unit,
              status: STATUS_NAMES[st] as StatusName,
              break: breaks.length ? breaks.filter(([, p]) => breakStartsAt(period, p)).map(([b]) => b) : [],
            },
            ind.decimals,
          ),
        );
      }
      rows += lines.length;
      out.write(obsPath, lines.join('\n') + '\n');
    }
    lap('observations');
    const compPath = join(OUT, 'comparisons.csv');
    out.write(compPath, COMPARISON_COLUMNS.join(',') + '\n');
    let comparisonRows = 0;
    let lines: string[] = [];
    for (const r of compare(series, specs, te24)) {
      lines.push(comparisonLine(r, indById.get(r.indicator)!.decimals));
      if (lines.length === 20000) {
        out.write(compPath, lines.join('\n') + '\n');
        comparisonRows += lines.length;
        lines = [];
      }
    }
    if (lines.length) out.write(compPath, lines.join('\n') + '\n');
    comparisonRows += lines.length;
    lap('comparisons');
    const summary = summarise(series, indicators.map((i) => i.id), store.conflictCount);
    const report = changeReport(previous, summary, { conflicts: store.conflicts, conflictCount: store.conflictCount, snapshot, series });
    const catalogue = { generated_at: new Date().toISOString(), snapshot, indicators, sources, breaks: ref.breaks, coverage: summary.indicators, estimates: Object.fromEntries(estimates) };
    out.write(join(OUT, 'areas.json'), toJson(areas));
    out.write(join(OUT, 'catalogue.json'), toJson(catalogue));
    out.write(join(OUT, 'summary.json'), toJson(summary));
    out.write(join(OUT, 'CHANGES.md'), report);
    out.write(join(OUT, 'forecasts.json'), toJson(forecasts(store, sources, ref)));
    // Postal codes for the area finder, and the shapes for the maps, pass through to the site.
    out.write(join(OUT, 'postcodes.json'), JSON.stringify(Object.fromEntries(ref.postcodes.map((p) => [p.postcode, p.municipality]))));
    out.write(join(OUT, 'geo.topo.json'), readFileSync(join(IN, 'geo.topo.json'), 'utf8'));
    out.write(join(OUT, 'practices.json'), readFileSync(join(IN, 'practices.json'), 'utf8'));
    out.commit();
    stats = { rows, comparisonRows, summary };
  } catch (err) {
    out.abort();
    throw err;
  }
  lap('write');
  const st = stats.summary.statuses;
  const { rows, comparisonRows } = stats;
  console.error(
    `derive: ${rows} observations (${Object.entries(st).filter(([k]) => k !== 'ok').map(([k, n]) => `${n} ${k}`).join(', ')}), ${comparisonRows} comparison rows, ${areas.length} areas, ${stats.summary.conflicts} overlap conflicts → ${OUT.startsWith(ROOT) ? OUT.slice(ROOT.length + 1) : OUT}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

runMain(main);
