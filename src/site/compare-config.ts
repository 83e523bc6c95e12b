/** The configuration the comparison tool and embed pages pass to the browser (names, units, strings). */
import type { CompareConfig } from '../client/compare/state.ts';
import { pick, t, template, type Key, type Lang } from '../i18n/index.ts';
import { chartSources } from './charts.ts';
import type { SiteData } from './site.ts';
import { orderedIndicators } from './views.ts';
import { UNIT_KEYS } from '../lib/units.ts';

/** Areas the tool opens with when its address names none (the portal's own choice: Helsinki, Lahti, Turku). */
const DEFAULT_AREAS = ['TA08', 'TA19', 'TA41'];

const STRING_KEYS: Key[] = [
  'compare.remove',
  'compare.removeArea',
  'compare.removeIndicator',
  'compare.empty',
  'compare.noData',
  'compare.loadError',
  'compare.unknownArea',
  'compare.tooMany',
  'compare.tooManyUrl',
  'compare.unknownCodes',
  'compare.choose',
  'compare.suggestCount',
  'compare.announce',
  'compare.chartDesc',
  'compare.source',
  'table.period',
  'table.status',
  'table.source',
  'tables.licence',
  'tables.sheetNotes',
  'chart.key.estimate',
  'chart.key.lower',
  'chart.key.upper',
  'chart.key.incomplete',
  'chart.key.withheld',
  'chart.key.break',
  'chart.key.gap',
  'chart.gapLabel',
  'chart.keyboard',
  'chart.yNotZero',
  'compare.showAll',
  'compare.showRecent',
  'compare.windowNote',
  ...UNIT_KEYS,
];

/** The tool's configuration in a language: every indicator, every area, the strings it shows, and what it opens with. */
export function compareConfig(site: SiteData, lang: Lang, embed = false): CompareConfig {
  const indicators: CompareConfig['indicators'] = {};
  for (const ind of orderedIndicators(site)) {
    indicators[ind.id] = {
      name: pick(lang, ind.name),
      short: pick(lang, ind.short_name),
      unit: ind.unit,
      decimals: ind.decimals,
      source: chartSources(site, ind.sources, (name) => pick(lang, name)),
      breaks: site.breaks.filter((b) => ind.breaks.includes(b.id)).map((b) => ({ id: b.id, period: b.period, label: pick(lang, b.label) })),
    };
  }
  return {
    lang,
    embed,
    areas: Object.fromEntries(site.areas.map((a) => [a.code, a.code === 'SSS' ? t(lang, 'level.country') : pick(lang, a.name)])),
    areaInfo: Object.fromEntries(site.areas.map((a) => [a.code, { level: a.level, fi: a.name.fi }])),
    levelNames: Object.fromEntries((['country', 'employment_area', 'region', 'municipality'] as const).map((l) => [l, t(lang, `level.${l}`).toLowerCase()])),
    indicators,
    strings: Object.fromEntries(STRING_KEYS.map((k) => [k, template(lang, k)])),
    defaults: { areas: DEFAULT_AREAS, indicators: site.indicators.filter((i) => i.show.compare_default).map((i) => i.id) },
  };
}
