/**
 * Computes an indicator's values from area cells with the formula in its registry file:
 * counts sum their codes; rates divide summed numerators by summed denominators (never averaging
 * rates) and are rounded half up from exact integers; published values are taken as they are.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { on } from './join.ts';
import type { Indicator } from '../../schema/indicator.ts';
import { roundRatio } from '../numbers.ts';
import { resolveOverlaps } from './cells.ts';

// `op` is typed loosely so that functions registered with aq.addFunction type-check; Arquero
// recognises `op.<name>` in the callbacks' source.
const op: any = aq.op;

aq.addFunction('round_ratio', (n: number, d: number, scale: number, decimals: number) => roundRatio(n, d, scale, decimals), { override: true });

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

/**
 * The values of one indicator for every area and period the cells allow. Output columns:
 * indicator, area, period, value (rounded), status, num, den (exact terms of a rate, or the
 * count as num), source (the source the value came from).
 */
export function computeIndicator(cells: ColumnTable, ind: Indicator): ColumnTable {
  const codes = formulaCodes(ind);
  const dimsValues = (cells.rollup({ d: (d: any) => op.array_agg_distinct(d.dims) }).get('d', 0) as string[]) ?? [];
  const dimsOk = dimsValues.filter((d) => dimsMatch(d, ind.select));
  const picked = (cells.params({ sources: ind.sources, codes, dimsOk }) as ColumnTable).filter(
    (d: any, $: any) => op.includes($.sources, d.source) && op.includes($.codes, d.code) && op.includes($.dimsOk, d.dims),
  );
  // Where two sources give the same cell (e.g. population in 11ra and 11re), the newer wins.
  const chosen = ind.sources.length > 1 ? resolveOverlaps(picked, ['area', 'period', 'code']).cells : picked;
  const f = ind.formula;
  const empty = aq.table({ indicator: [], area: [], period: [], value: [], status: [], num: [], den: [], source: [] });
  if (chosen.numRows() === 0) return empty;

  if (f.type === 'published') {
    return (chosen.params({ id: ind.id }) as ColumnTable)
      .derive({ indicator: (_d: any, $: any) => $.id, num: () => null, den: () => null })
      .select('indicator', 'area', 'period', 'value', 'status', 'num', 'den', 'source');
  }

  // Sum the numerator (or the count's codes) and the denominator per area and period. A code may
  // be in both (people in services over unemployed + people in services).
  const num = f.type === 'count' ? f.codes : f.numerator;
  const den = f.type === 'count' ? [] : f.denominator;
  const weight = (codes: readonly string[]) => {
    const w: Record<string, number> = {};
    for (const c of codes) w[c] = (w[c] ?? 0) + 1;
    return w;
  };
  const params = {
    id: ind.id,
    scale: f.type === 'ratio' ? f.scale : 1,
    decimals: ind.decimals,
    inNum: weight(num),
    inDen: weight(den),
    nNum: num.length,
    nDen: den.length,
  };
  const sums = (chosen.params(params) as ColumnTable)
    .groupby('area', 'period')
    .rollup({
      num: (d: any, $: any) => op.sum($.inNum[d.code] ? d.value : 0),
      nNum: (d: any, $: any) => op.sum($.inNum[d.code] ? 1 : 0),
      supNum: (d: any, $: any) => op.sum($.inNum[d.code] && d.status === 'suppressed' ? 1 : 0),
      lbNum: (d: any, $: any) => op.sum($.inNum[d.code] && d.status === 'lower_bound' ? 1 : 0),
      den: (d: any, $: any) => op.sum($.inDen[d.code] ? d.value : 0),
      nDen: (d: any, $: any) => op.sum($.inDen[d.code] ? 1 : 0),
      supDen: (d: any, $: any) => op.sum($.inDen[d.code] && d.status === 'suppressed' ? 1 : 0),
      lbDen: (d: any, $: any) => op.sum($.inDen[d.code] && d.status === 'lower_bound' ? 1 : 0),
      source: (d: any) => op.max(d.source),
    })
    // Every code of each term must be there (a value or a suppressed mark).
    .filter((d: any, $: any) => d.nNum === $.nNum && d.nDen === $.nDen)
    .derive({
      numSt: (d: any) => (d.supNum === d.nNum ? 'suppressed' : d.supNum + d.lbNum > 0 ? 'lower_bound' : 'ok'),
      denSt: (d: any, $: any) => ($.nDen === 0 ? 'ok' : d.supDen === d.nDen ? 'suppressed' : d.supDen + d.lbDen > 0 ? 'lower_bound' : 'ok'),
    });

  if (f.type === 'count') {
    return sums
      .derive({
        indicator: (_d: any, $: any) => $.id,
        value: (d: any) => (d.numSt === 'suppressed' ? null : d.num),
        status: (d: any) => d.numSt,
        num: (d: any) => (d.numSt === 'suppressed' ? null : d.num),
        den: () => null,
      })
      .select('indicator', 'area', 'period', 'value', 'status', 'num', 'den', 'source');
  }

  const ratios = sums
    .derive({
      status: (d: any) =>
        d.numSt === 'suppressed' || d.denSt === 'suppressed'
          ? 'suppressed'
          : d.den === 0
            ? 'missing'
            : d.numSt === 'lower_bound' || d.denSt === 'lower_bound'
              ? 'lower_bound'
              : 'ok',
    })
    .derive({
      indicator: (_d: any, $: any) => $.id,
      value: (d: any, $: any) =>
        d.status === 'ok' || d.status === 'lower_bound' ? op.round_ratio(d.num, d.den, $.scale, $.decimals) : null,
      num: (d: any) => (d.status === 'suppressed' ? null : d.num),
      den: (d: any) => (d.status === 'suppressed' ? null : d.den),
    })
    .select('indicator', 'area', 'period', 'value', 'status', 'num', 'den', 'source');
  if (!f.published) return ratios;
  // Where the source publishes the rate but not its terms (municipal shares 2023-11…2025-01),
  // take the published rate.
  const published = (chosen.params({ code: f.published, id: ind.id }) as ColumnTable)
    .filter((d: any, $: any) => d.code === $.code)
    .derive({ indicator: (_d: any, $: any) => $.id, num: () => null, den: () => null })
    .select('indicator', 'area', 'period', 'value', 'status', 'num', 'den', 'source')
    .antijoin(ratios, on('area', 'period'));
  return ratios.concat(published);
}
