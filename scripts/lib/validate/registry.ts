/**
 * Loads and cross-checks the indicator registry (`data/indicators/*.yaml`) and the source
 * registry (`data/sources/*.yaml`). A wrong field fails with the file and the field named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { isRate } from '../../../src/lib/units.ts';
import { IndicatorFile, type Break, type Indicator, type SharedCaveat } from '../../../src/schema/indicator.ts';
import { Source } from '../../../src/schema/source.ts';
import { stripCodePrefix, valueRules } from './raw-cells.ts';

export interface Registry {
  indicators: Indicator[];
  sources: Source[];
}

function readYamlFile(root: string, rel: string): unknown {
  const text = readFileSync(join(root, rel), 'utf8');
  try {
    return parseYaml(text);
  } catch (e) {
    throw new InputError({ file: rel }, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

function loadFolder<T extends { id: string }>(root: string, folder: string, parse: (value: unknown, file: string) => T): T[] {
  const files = readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((f) => {
    const rel = `${folder}/${f}`;
    const item = parse(readYamlFile(root, rel), rel);
    if (`${item.id}.yaml` !== f) throw new InputError({ file: rel, field: 'id' }, `the id "${item.id}" must equal the file name`);
    return item;
  });
}

/** Reads and checks the source registry alone (what the acquire stages need). */
export function loadSources(root: string): Source[] {
  const sources = loadFolder(root, 'data/sources', (v, file) => parseOrExplain(Source, v, { file }));
  for (const s of sources) {
    s.files.forEach((f, k) => {
      if (s.files.findIndex((g) => g.part === f.part) !== k) throw new InputError({ file: `data/sources/${s.id}.yaml`, field: `files[${k}].part` }, `the part "${f.part}" is imported twice`);
    });
    checkDecimalCodes(s);
  }
  return sources;
}

/**
 * Reads both registries and checks every reference between them, to the breaks and to the
 * shared caveats; returns the indicators with their caveat ids replaced by the caveats' texts.
 */
export function loadRegistry(root: string, ref: { breaks: readonly Break[]; caveats: readonly SharedCaveat[] }): Registry {
  const { breaks } = ref;
  const sources = loadSources(root);
  const files = loadFolder(root, 'data/indicators', (v, file) => parseOrExplain(IndicatorFile, v, { file }));
  const caveats = new Map(ref.caveats.map((c) => [c.id, c.text]));
  const indicators: Indicator[] = files.map((ind) => ({
    ...ind,
    caveats: ind.caveats.map((c, k) => {
      if (typeof c !== 'string') return c;
      const text = caveats.get(c);
      if (!text) throw new InputError({ file: `data/indicators/${ind.id}.yaml`, field: `caveats[${k}]` }, `unknown caveat "${c}" (see data/reference/caveats.yaml)`);
      return text;
    }),
  }));
  const sourceIds = new Set(sources.map((s) => s.id));
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const breakIds = new Set(breaks.map((b) => b.id));
  for (const ind of indicators) {
    const file = `data/indicators/${ind.id}.yaml`;
    ind.sources.forEach((s, k) => {
      if (!sourceIds.has(s)) throw new InputError({ file, field: `sources[${k}]` }, `unknown source "${s}" (no data/sources/${s}.yaml)`);
    });
    ind.related.forEach((r, k) => {
      if (!indicatorIds.has(r)) throw new InputError({ file, field: `related[${k}]` }, `unknown indicator "${r}"`);
    });
    ind.breaks.forEach((b, k) => {
      if (!breakIds.has(b)) throw new InputError({ file, field: `breaks[${k}]` }, `unknown break "${b}" (see data/reference/breaks.yaml)`);
    });
    const nonAdditive = new Set(ind.sources.flatMap((s) => sources.find((x) => x.id === s)!.non_additive_codes));
    if (ind.formula.type !== 'published') {
      const codes = ind.formula.type === 'count' ? ind.formula.codes : [...ind.formula.numerator, ...ind.formula.denominator];
      for (const c of codes) {
        if (nonAdditive.has(c)) throw new InputError({ file, field: 'formula' }, `${c} is a rate in its source and cannot be summed; use type: published`);
      }
    }
    if (ind.formula.type === 'ratio' && ind.formula.estimate && (!ind.formula.published || ind.formula.denominator.length !== 1)) {
      throw new InputError({ file, field: 'formula.estimate' }, 'an estimate needs the published rate (formula.published) and one denominator code (the weights)');
    }
    if (ind.rank && !isRate(ind.unit)) {
      throw new InputError({ file, field: 'rank' }, 'only rates and shares are ranked (counts reflect the size of an area)');
    }
    if (ind.show.profile_peers && !isRate(ind.unit)) {
      throw new InputError({ file, field: 'show.profile_peers' }, 'only rates and shares are drawn with the similar areas (counts reflect the size of an area)');
    }
  }
  const keys = indicators.filter((i) => i.show.key);
  if (keys.length !== 1) {
    throw new InputError({ file: `data/indicators/${(keys[1] ?? indicators[0])?.id ?? '…'}.yaml`, field: 'show.key' }, `exactly one indicator must be the key indicator (show.key: true); found ${keys.length}${keys.length ? `: ${keys.map((k) => k.id).join(', ')}` : ''}`);
  }
  for (const field of ['headline', 'front_map', 'profile_chart', 'progress_table'] as const) {
    const seen = new Map<number, string>();
    for (const ind of indicators) {
      const order = ind.show[field];
      if (order === undefined) continue;
      const other = seen.get(order);
      if (other) throw new InputError({ file: `data/indicators/${ind.id}.yaml`, field: `show.${field}` }, `order ${order} is also used by ${other}`);
      seen.set(order, ind.id);
    }
  }
  return { indicators, sources };
}

/**
 * A content code an import lets have decimals must not be a count, or validate would refuse what
 * the import accepted: it belongs in `non_additive_codes`, `amount_codes` or `signed_codes`.
 */
function checkDecimalCodes(s: Source): void {
  const { notCounts } = valueRules(s);
  const check = (code: string, field: string) => {
    if (!notCounts.has(stripCodePrefix(code))) throw new InputError({ file: `data/sources/${s.id}.yaml`, field }, `${code} may have decimals here but is a count; list it in non_additive_codes (a rate, share or average) or amount_codes (euros)`);
  };
  s.files.forEach((f, k) => {
    if (f.format === 'pxweb-json') f.decimal_codes.forEach((code, j) => check(code, `files[${k}].decimal_codes[${j}]`));
    if (f.format === 'wide-csv') f.contents.forEach((c, j) => typeof c !== 'string' && c.decimals && check(c.code ?? c.column, `files[${k}].contents[${j}]`));
  });
  s.ckan?.table.contents.forEach((c, j) => c.decimals && check(c.code, `ckan.table.contents[${j}]`));
}
