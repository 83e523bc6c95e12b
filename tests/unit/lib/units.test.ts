/**
 * Units (src/lib/units.ts): how a value, a change over time and a difference between areas are
 * written, for every unit (persons, percent, ratio, euros) in every language (fi, sv, en), with
 * the real dictionaries. Finnish and Swedish group digits with a no-break space (U+00A0) and write
 * the minus sign U+2212; a change is always signed. A ratio's change or difference is a plain
 * signed number, never percentage points.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { t, type Lang } from '../../../src/i18n/index.ts';
import { changeText, differenceText, formatValue, isCount, isRate, UNIT_KEYS, valueText, type Translate } from '../../../src/lib/units.ts';
import { UNITS } from '../../../src/schema/vocabulary.ts';

const NB = '\u00a0';
const MINUS = '\u2212';
const tr = (lang: Lang): Translate => (key, params) => t(lang, key, params);

/** Each unit with the decimals its indicators use (data/indicators: unemployed 0, unemployment-share 1, unemployed-per-vacancy 1, kela-cofinanced-municipal-share 0). */
const SHOWN = {
  persons: { unit: 'persons', decimals: 0 },
  vacancies: { unit: 'vacancies', decimals: 0 },
  percent: { unit: 'percent', decimals: 1 },
  ratio: { unit: 'ratio', decimals: 1 },
  euros: { unit: 'euros', decimals: 0 },
} as const;

test('the tables below cover every unit of the vocabulary', () => {
  assert.deepEqual([...UNITS].sort(), Object.keys(SHOWN).sort());
});

describe('isCount and isRate', () => {
  test('persons, vacancies and euros are counts; percent and ratio are rates; no unit is both', () => {
    assert.deepEqual(UNITS.filter(isCount), ['persons', 'vacancies', 'euros']);
    assert.deepEqual(UNITS.filter(isRate), ['percent', 'ratio']);
  });
});

describe('formatValue', () => {
  const cases: [Lang, keyof typeof SHOWN, number, string][] = [
    ['fi', 'persons', 352001, `352${NB}001`],
    ['sv', 'persons', 352001, `352${NB}001`],
    ['en', 'persons', 352001, '352,001'],
    ['fi', 'vacancies', 41230, `41${NB}230`],
    ['en', 'vacancies', 41230, '41,230'],
    ['fi', 'percent', 14.2, `14,2${NB}%`],
    ['sv', 'percent', 14.2, `14,2${NB}%`],
    ['en', 'percent', 14.2, `14.2${NB}%`],
    ['fi', 'ratio', 13.25, '13,3'],
    ['sv', 'ratio', 13.2, '13,2'],
    ['en', 'ratio', 13.2, '13.2'],
    ['fi', 'euros', 78856829, `78${NB}856${NB}829${NB}€`],
    ['sv', 'euros', 78856829, `78${NB}856${NB}829${NB}€`],
    ['en', 'euros', 78856829, '€78,856,829'],
  ];
  for (const [lang, unit, value, expected] of cases) {
    test(`${unit} in ${lang}: ${JSON.stringify(expected)}`, () => {
      assert.equal(formatValue(lang, value, unit, SHOWN[unit].decimals), expected);
    });
  }

  test('decimals are always written out ("5,0 %", not "5 %")', () => {
    assert.equal(formatValue('fi', 5, 'percent', 1), `5,0${NB}%`);
  });
});

describe('valueText', () => {
  const cases: [Lang, keyof typeof SHOWN, string, string, string][] = [
    // lang, unit, ok, lower bound, withheld
    ['fi', 'persons', `4${NB}974`, `vähintään 4${NB}974`, 'salattu'],
    ['sv', 'persons', `4${NB}974`, `minst 4${NB}974`, 'dold'],
    ['en', 'persons', '4,974', 'at least 4,974', 'withheld'],
    ['fi', 'euros', `4${NB}974${NB}€`, `vähintään 4${NB}974${NB}€`, 'salattu'],
    ['sv', 'euros', `4${NB}974${NB}€`, `minst 4${NB}974${NB}€`, 'dold'],
    ['en', 'euros', '€4,974', 'at least €4,974', 'withheld'],
    ['fi', 'percent', `12,8${NB}%`, `vähintään 12,8${NB}%`, 'salattu'],
    ['sv', 'percent', `12,8${NB}%`, `minst 12,8${NB}%`, 'dold'],
    ['en', 'percent', `12.8${NB}%`, `at least 12.8${NB}%`, 'withheld'],
    ['fi', 'ratio', '1,3', 'vähintään 1,3', 'salattu'],
    ['sv', 'ratio', '1,3', 'minst 1,3', 'dold'],
    ['en', 'ratio', '1.3', 'at least 1.3', 'withheld'],
  ];
  for (const [lang, unit, ok, lower, withheld] of cases) {
    test(`${unit} in ${lang}: a value, a lower bound ("at least"), withheld`, () => {
      const value = unit === 'persons' || unit === 'euros' ? 4974 : unit === 'percent' ? 12.8 : 1.3;
      assert.equal(valueText(lang, SHOWN[unit], { value, status: 'ok' }, tr(lang)), ok);
      assert.equal(valueText(lang, SHOWN[unit], { value, status: 'lower_bound' }, tr(lang)), lower);
      assert.equal(valueText(lang, SHOWN[unit], { value: null, status: 'suppressed' }, tr(lang)), withheld);
    });
  }

  test('an upper bound reads "at most", an incomplete rate says so, an estimate is marked, in each language', () => {
    const ratio = (lang: Lang, status: string) => valueText(lang, SHOWN.ratio, { value: 59.1, status }, tr(lang));
    assert.deepEqual(['fi', 'sv', 'en'].map((l) => ratio(l as Lang, 'upper_bound')), ['enintään 59,1', 'högst 59,1', 'at most 59.1']);
    assert.deepEqual(['fi', 'sv', 'en'].map((l) => ratio(l as Lang, 'incomplete')), ['59,1 (vajaa)', '59,1 (ofullständig)', '59.1 (incomplete)']);
    const share = (lang: Lang) => valueText(lang, SHOWN.percent, { value: 12, status: 'estimate' }, tr(lang));
    assert.deepEqual(['fi', 'sv', 'en'].map((l) => share(l as Lang)), [`12,0${NB}% (arvio)`, `12,0${NB}% (uppskattning)`, `12.0${NB}% (estimate)`]);
  });

  test('no point, a missing value or a status without a value is an en dash, in every language', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      assert.equal(valueText(lang, SHOWN.percent, undefined, tr(lang)), '–');
      assert.equal(valueText(lang, SHOWN.percent, { value: null, status: 'missing' }, tr(lang)), '–');
      assert.equal(valueText(lang, SHOWN.percent, { value: null, status: 'ok' }, tr(lang)), '–');
      assert.equal(valueText(lang, SHOWN.percent, { value: 3, status: 'missing' }, tr(lang)), '–');
    }
  });
});

describe('changeText', () => {
  // [lang, unit, change, change in per cent, expected]
  const cases: [Lang, keyof typeof SHOWN, number, number | null, string][] = [
    ['fi', 'persons', 1234, 2.1, `+1${NB}234 (+2,1\u00a0%)`],
    ['sv', 'persons', 1234, 2.1, `+1${NB}234 (+2,1\u00a0%)`],
    ['en', 'persons', 1234, 2.1, '+1,234 (+2.1\u00a0%)'],
    ['fi', 'persons', -1234, -2.1, `${MINUS}1${NB}234 (${MINUS}2,1\u00a0%)`],
    ['sv', 'persons', -1234, -2.1, `${MINUS}1${NB}234 (${MINUS}2,1\u00a0%)`],
    ['en', 'persons', -1234, -2.1, `${MINUS}1,234 (${MINUS}2.1\u00a0%)`],
    ['fi', 'persons', 40, null, '+40'],
    ['fi', 'persons', 0, 0, '0 (0,0\u00a0%)'],
    ['fi', 'euros', 25000, 12.5, `+25${NB}000 (+12,5\u00a0%)`],
    ['sv', 'euros', -25000, -12.5, `${MINUS}25${NB}000 (${MINUS}12,5\u00a0%)`],
    ['en', 'euros', 25000, null, '+25,000'],
    ['fi', 'percent', 0.5, null, '+0,5\u00a0%\u2011yks.'],
    ['sv', 'percent', 0.5, null, '+0,5\u00a0p.e.'],
    ['en', 'percent', 0.5, null, '+0.5\u00a0pp'],
    ['fi', 'percent', -1.2, null, `${MINUS}1,2\u00a0%\u2011yks.`],
    ['en', 'percent', 0, null, '0.0\u00a0pp'],
    ['fi', 'ratio', 0.5, null, '+0,5'],
    ['sv', 'ratio', 0.5, null, '+0,5'],
    ['en', 'ratio', 0.5, null, '+0.5'],
    ['fi', 'ratio', -0.3, null, `${MINUS}0,3`],
    ['sv', 'ratio', -0.3, null, `${MINUS}0,3`],
    ['en', 'ratio', -0.3, null, `${MINUS}0.3`],
  ];
  for (const [lang, unit, change, pct, expected] of cases) {
    test(`${unit} in ${lang}, ${change}${pct === null ? '' : ` (${pct} %)`}: ${JSON.stringify(expected)}`, () => {
      assert.equal(changeText(lang, SHOWN[unit], change, pct, tr(lang)), expected);
    });
  }

  test('a ratio\'s change ignores a per-cent change and never says\u00a0pp', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const text = changeText(lang, SHOWN.ratio, 0.5, 25, tr(lang));
      assert.doesNotMatch(text, /%|yks|procentenheter|points/, `${lang}: ${text}`);
    }
  });

  test('a count\'s change is whole even when the indicator has decimals', () => {
    assert.equal(changeText('fi', { unit: 'persons', decimals: 1 }, 12.4, null, tr('fi')), '+12');
  });
});

describe('differenceText', () => {
  // [lang, unit, difference, expected]
  const cases: [Lang, keyof typeof SHOWN, number, string][] = [
    ['fi', 'percent', 1.4, '+1,4\u00a0%\u2011yks.'],
    ['sv', 'percent', 1.4, '+1,4\u00a0p.e.'],
    ['en', 'percent', 1.4, '+1.4\u00a0pp'],
    ['fi', 'percent', -0.6, `${MINUS}0,6\u00a0%\u2011yks.`],
    ['fi', 'ratio', 0.5, '+0,5'],
    ['sv', 'ratio', 0.5, '+0,5'],
    ['en', 'ratio', 0.5, '+0.5'],
    ['en', 'ratio', -1.1, `${MINUS}1.1`],
    ['fi', 'persons', 1234, `+1${NB}234`],
    ['sv', 'persons', -1234, `${MINUS}1${NB}234`],
    ['en', 'persons', 1234, '+1,234'],
    ['fi', 'euros', 5000, `+5${NB}000`],
    ['sv', 'euros', 5000, `+5${NB}000`],
    ['en', 'euros', -5000, `${MINUS}5,000`],
  ];
  for (const [lang, unit, diff, expected] of cases) {
    test(`${unit} in ${lang}, ${diff}: ${JSON.stringify(expected)}`, () => {
      assert.equal(differenceText(lang, SHOWN[unit], diff, tr(lang)), expected);
    });
  }
});

describe('the translator', () => {
  test('the module asks only for the keys it declares, and every dictionary has them', () => {
    const asked = new Set<string>();
    const spy: Translate = (key, params) => {
      asked.add(key);
      return t('fi', key, params);
    };
    for (const unit of UNITS) {
      const shown = SHOWN[unit];
      for (const status of ['lower_bound', 'upper_bound', 'incomplete', 'estimate']) valueText('fi', shown, { value: 1, status }, spy);
      valueText('fi', shown, { value: null, status: 'suppressed' }, spy);
      changeText('fi', shown, 1, 1, spy);
      differenceText('fi', shown, 1, spy);
    }
    assert.deepEqual([...asked].sort(), [...UNIT_KEYS].sort());
    for (const lang of ['fi', 'sv', 'en'] as const) for (const key of UNIT_KEYS) assert.ok(t(lang, key, { value: 'x' }).length > 0);
  });
});
