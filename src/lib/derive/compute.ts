/**
 * Computes an indicator's series from source series with the formula of its registry file:
 * counts sum their codes; rates divide summed numerators by summed denominators (never
 * averaging rates) and round half up from exact integers; published values are taken as they
 * are. Withheld inputs make a value SUPPRESSED (one code) or LOWER (part of a sum), as
 * domain.md prescribes.
 */
import type { Indicator } from '../../schema/indicator.ts';
import { roundRatio } from '../numbers.ts';
import type { Freq } from '../periods.ts';
import { hasValue, LOWER, NONE, ratioStatus, SUPPRESSED, sumStatus } from '../status.ts';
import type { Series, SeriesStore } from './store.ts';

/** One indicator in one area: dense values over a span, with the terms of rates kept for averages. */
export interface IndicatorSeries {
  indicator: string;
  area: string;
  freq: Freq;
  start: number;
  values: Float64Array;
  status: Uint8Array;
  /** Numerator (or the count) and denominator; NaN where not applicable. */
  num: Float64Array;
  den: Float64Array;
}

/** The source content codes an indicator reads. */
export function formulaCodes(ind: Indicator): string[] {
  const f = ind.formula;
  if (f.type === 'count') return [...f.codes];
  if (f.type === 'published') return [f.code];
  return [...new Set([...f.numerator, ...f.denominator, ...(f.published ? [f.published] : [])])];
}

/**
 * Whether a cell's other dimensions (`dim=code|dim=code`) match the indicator's selection: each
 * listed dimension must have the selected code, and every other dimension its total `SSS`.
 */
export function dimsMatch(dims: string, select: Readonly<Record<string, string>>): boolean {
  if (dims === '') return true;
  return dims.split('|').every((pair) => {
    const eq = pair.indexOf('=');
    return pair.slice(eq + 1) === (select[pair.slice(0, eq)] ?? 'SSS');
  });
}

/** A sum over several codes at one position: its value and status, or null if a code is absent. */
function sumCodes(codes: readonly string[], series: Map<string, Series[]>, idx: number): { value: number; status: number } | null {
  let sum = 0;
  let sup = 0;
  let lower = 0;
  for (const code of codes) {
    // Where several sources give the code, the part with the highest precedence wins.
    let best: Series | undefined;
    let bestRank = -1;
    for (const s of series.get(code) ?? []) {
      if (s.statusAt(idx) !== NONE && s.rankAt(idx) > bestRank) {
        best = s;
        bestRank = s.rankAt(idx);
      }
    }
    if (!best) return null;
    const st = best.statusAt(idx);
    if (st === SUPPRESSED) sup++;
    else {
      if (st === LOWER) lower++;
      sum += best.valueAt(idx);
    }
  }
  const status = sumStatus(codes.length, sup, lower);
  return { value: status === SUPPRESSED ? 0 : sum, status };
}

/**
 * The indicator's series for every area in `areas` that has its inputs. Statuses:
 * count — OK, SUPPRESSED (its single code withheld, or all its codes), LOWER (some withheld);
 * rate — SUPPRESSED if a term is, LOWER if a term is a lower bound, MISSING if the
 * denominator is zero.
 */
export function computeIndicator(store: SeriesStore, ind: Indicator, areas: ReadonlySet<string>): IndicatorSeries[] {
  const codes = formulaCodes(ind);
  const byArea = new Map<string, Map<string, Series[]>>();
  for (const source of ind.sources) {
    for (const code of codes) {
      for (const [famKey, family] of store.families) {
        const [fs, fc, fd] = famKey.split('\u0001') as [string, string, string];
        if (fs !== source || fc !== code || !dimsMatch(fd, ind.select)) continue;
        for (const [area, s] of family) {
          if (!areas.has(area)) continue;
          let m = byArea.get(area);
          if (!m) byArea.set(area, (m = new Map()));
          let list = m.get(code);
          if (!list) m.set(code, (list = []));
          list.push(s);
        }
      }
    }
  }
  const f = ind.formula;
  const out: IndicatorSeries[] = [];
  for (const [area, series] of byArea) {
    let min = Infinity;
    let max = -Infinity;
    let freq: Freq = 'M';
    for (const list of series.values()) {
      for (const s of list) {
        min = Math.min(min, s.start);
        max = Math.max(max, s.end);
        freq = s.freq;
      }
    }
    const len = max - min + 1;
    const res: IndicatorSeries = {
      indicator: ind.id,
      area,
      freq,
      start: min,
      values: new Float64Array(len),
      status: new Uint8Array(len),
      num: new Float64Array(len).fill(NaN),
      den: new Float64Array(len).fill(NaN),
    };
    for (let idx = min; idx <= max; idx++) {
      const i = idx - min;
      if (f.type === 'published') {
        const c = sumCodes([f.code], series, idx);
        if (c) {
          res.values[i] = c.value;
          res.status[i] = c.status;
        }
        continue;
      }
      if (f.type === 'count') {
        const c = sumCodes(f.codes, series, idx);
        if (c) {
          res.values[i] = c.value;
          res.status[i] = c.status;
          if (c.status !== SUPPRESSED) res.num[i] = c.value;
        }
        continue;
      }
      const n = sumCodes(f.numerator, series, idx);
      const d = n ? sumCodes(f.denominator, series, idx) : null;
      if (n && d) {
        const status = ratioStatus(n.status, d.status, d.value);
        res.status[i] = status;
        if (hasValue(status)) {
          res.values[i] = roundRatio(n.value, d.value, f.scale, ind.decimals)!;
          res.num[i] = n.value;
          res.den[i] = d.value;
        }
      } else if (f.published) {
        // Where the source publishes the rate but not its terms (municipal shares
        // 2023-11…2025-01), the published rate is used.
        const p = sumCodes([f.published], series, idx);
        if (p) {
          res.values[i] = p.value;
          res.status[i] = p.status;
        }
      }
    }
    const trimmed = trim(res);
    if (trimmed) out.push(trimmed);
  }
  return out.sort((a, b) => a.area.localeCompare(b.area));
}

/** Cuts a series to its first and last position with a status; null if it has none. */
function trim(s: IndicatorSeries): IndicatorSeries | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < s.status.length; i++) {
    if (s.status[i] !== NONE) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  if (first === 0 && last === s.status.length - 1) return s;
  return {
    ...s,
    start: s.start + first,
    values: s.values.slice(first, last + 1),
    status: s.status.slice(first, last + 1),
    num: s.num.slice(first, last + 1),
    den: s.den.slice(first, last + 1),
  };
}
