/**
 * Every status is drawn: estimates as a dotted, lighter stretch; lower bounds ▲, upper bounds ▼,
 * incomplete values ◆ (hollow); withheld values a cross; stretches without any value a shaded
 * band; counts start at zero, shares do not. Hand-made series.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { lineChart, lineYDomain, noDataStretches, type LineSeries } from '../../../src/charts/line.ts';
import { DASH, STATUS_MARK } from '../../../src/charts/theme.ts';
import { ESTIMATE, INCOMPLETE, isBound, LOWER, OK, STATUS_NAMES, SUPPRESSED, UPPER } from '../../../src/lib/status.ts';

const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
const pts = (rows: [number | null, string][]) => rows.map(([value, status], i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, value, status }));
const draw = (series: LineSeries[], unit = 'percent') => parse(lineChart({ series, lang: 'fi', decimals: 1, unit, breaks: [], ariaLabel: 'a', ariaDescription: 'b', gapLabel: 'ei tietoja' }));

describe('line chart statuses', () => {
  test('an estimated stretch is its own dotted, lighter path, joined to the exact line', () => {
    const doc = draw([{ key: 'TA17', label: 'Kuopio', role: 'area', points: pts([[10, 'ok'], [11, 'ok'], [12, 'estimate'], [12.5, 'estimate'], [12, 'ok']]) }]);
    const est = doc.querySelector('g[aria-description="area estimate"]');
    assert.ok(est, 'the estimate is drawn');
    assert.equal(est.getAttribute('stroke-dasharray'), DASH.estimate);
    assert.ok(Number(est.getAttribute('stroke-opacity')) < 1);
    // Exact: months 1–2 and month 5; estimate: month 2 → 5 (it starts at the last exact value and ends at the next).
    assert.equal(doc.querySelectorAll('g[aria-description="area line"] path').length, 2);
    const d = est.querySelector('path')!.getAttribute('d')!;
    assert.equal(d.match(/[MLl]/g)!.length, 4, 'months 2, 3, 4 and 5');
  });

  test('bounds: ▲ at least, ▼ at most (turned 180°), ◆ incomplete, all hollow', () => {
    const doc = draw([{ key: 'A', label: 'A', role: 'area', points: pts([[10, 'ok'], [11, 'lower_bound'], [12, 'upper_bound'], [13, 'incomplete'], [14, 'ok']]) }]);
    const lower = doc.querySelector('g[aria-description="lower bound"] path')!;
    const upper = doc.querySelector('g[aria-description="upper bound"] path')!;
    const incomplete = doc.querySelector('g[aria-description="incomplete"] path')!;
    assert.ok(lower && upper && incomplete);
    // The triangle's apex: above the value for a lower bound (first step down), below it for an upper bound (first step up).
    assert.match(lower.getAttribute('d') ?? '', /^M-?\d+,-?\d+l5,9l-10,0Z$/);
    assert.match(upper.getAttribute('d') ?? '', /^M-?\d+,-?\d+l-5,-9l10,0Z$/);
    for (const g of ['lower bound', 'upper bound', 'incomplete']) assert.equal(doc.querySelector(`g[aria-description="${g}"]`)!.getAttribute('fill'), 'white');
  });

  test('a withheld value is a cross on the bottom edge and breaks the line', () => {
    const doc = draw([{ key: 'A', label: 'A', role: 'area', points: pts([[10, 'ok'], [11, 'ok'], [null, 'suppressed'], [13, 'ok'], [14, 'ok']]) }]);
    assert.equal(doc.querySelectorAll('g[aria-description="withheld"] path').length, 1);
    assert.equal(doc.querySelectorAll('g[aria-description="area line"] path').length, 2);
  });

  test('a stretch where no line has a value is shaded and named', () => {
    const doc = draw([{ key: 'A', label: 'A', role: 'area', points: pts([[10, 'ok'], [11, 'ok'], [null, 'missing'], [null, 'missing'], [null, 'missing'], [14, 'ok']]) }]);
    assert.equal(doc.querySelectorAll('g[aria-description="no data"] rect').length, 1);
    assert.equal(doc.querySelector('g[aria-description="no data label"] text')?.textContent, 'ei tietoja');
  });
});

describe('a latest value standing alone', () => {
  test('on a phone (no direct labels) the selected area\'s lone latest value carries its value', () => {
    const series: LineSeries[] = [{ key: 'TA17', label: 'Kuopio', role: 'area', points: pts([[10, 'ok'], [11, 'ok'], [null, 'missing'], [null, 'missing'], [null, 'missing'], [12.6, 'ok']]) }];
    const doc = parse(lineChart({ series, lang: 'fi', decimals: 1, unit: 'percent', breaks: [], ariaLabel: 'a', ariaDescription: 'b', width: 358 }));
    assert.equal(doc.querySelector('text[aria-description="latest value label"]')?.textContent, '12,6\u00a0%');
  });

  test('its label keeps off the line before the gap: below when the line comes from above or level, above when from below', () => {
    const at = (values: [number | null, string][]) => {
      const series: LineSeries[] = [{ key: 'TA17', label: 'Kuopio', role: 'area', points: pts(values) }];
      const doc = parse(lineChart({ series, lang: 'fi', decimals: 0, unit: 'persons', breaks: [], ariaLabel: 'a', ariaDescription: 'b', width: 358 }));
      const dot = doc.querySelector('g[aria-description="single value"] circle')!;
      const label = doc.querySelector('text[aria-description="latest value label"]')!;
      return { dotY: Number(dot.getAttribute('cy')), labelY: Number(label.getAttribute('y')) };
    };
    // Population of Kuopio's area: 176 000 before a year without data, 177 512 after it (level).
    const level = at([[174000, 'ok'], [176000, 'ok'], [null, 'missing'], [177512, 'ok']]);
    assert.ok(level.labelY > level.dotY + 8, `below: ${JSON.stringify(level)}`);
    const rising = at([[60000, 'ok'], [80000, 'ok'], [null, 'missing'], [150000, 'ok']]);
    assert.ok(rising.labelY < rising.dotY - 4, `above: ${JSON.stringify(rising)}`);
  });

  test('a latest value joined to the line before it gets no extra label', () => {
    const series: LineSeries[] = [{ key: 'TA17', label: 'Kuopio', role: 'area', points: pts([[10, 'ok'], [11, 'ok'], [12.6, 'ok']]) }];
    const doc = parse(lineChart({ series, lang: 'fi', decimals: 1, unit: 'percent', breaks: [], ariaLabel: 'a', ariaDescription: 'b', width: 358 }));
    assert.equal(doc.querySelector('text[aria-description="latest value label"]'), null);
  });
});

describe('the status vocabulary and the marks', () => {
  test('every status that is only a bound has its own mark; exact values, estimates and withheld values have none', () => {
    for (const code of [LOWER, UPPER, INCOMPLETE]) {
      assert.ok(isBound(code));
      const name = STATUS_NAMES[code]!;
      assert.ok(name in STATUS_MARK, `${name} has a mark`);
    }
    for (const code of [OK, ESTIMATE, SUPPRESSED]) assert.equal(STATUS_NAMES[code]! in STATUS_MARK, false);
    assert.equal(Object.keys(STATUS_MARK).length, 3);
  });
});

describe('noDataStretches', () => {
  test('two or more periods without any value between values; a single missing month is not a stretch', () => {
    const series: LineSeries[] = [
      { key: 'A', label: '', role: 'area', points: pts([[1, 'ok'], [null, 'missing'], [3, 'ok'], [null, 'missing'], [null, 'suppressed'], [6, 'ok']]) },
      { key: 'B', label: '', role: 'country', points: pts([[1, 'ok'], [null, 'missing'], [null, 'missing'], [null, 'missing'], [null, 'missing'], [null, 'missing']]) },
    ];
    assert.deepEqual(noDataStretches(series), [{ from: '2025-03', to: '2025-06' }]);
  });

  test('missing periods before the first or after the last value are not stretches', () => {
    assert.deepEqual(noDataStretches([{ key: 'A', label: '', role: 'area', points: pts([[null, 'missing'], [null, 'missing'], [3, 'ok'], [4, 'ok'], [null, 'missing'], [null, 'missing']]) }]), []);
  });
});

describe('lineYDomain', () => {
  test('counts start at zero', () => {
    assert.deepEqual(lineYDomain([{ key: 'A', label: '', role: 'area', points: pts([[3400, 'ok'], [3900, 'lower_bound']]) }], 'persons'), { domain: [0, 4000], zero: true });
  });

  test('shares start at a rounded minimum and say so', () => {
    assert.deepEqual(lineYDomain([{ key: 'A', label: '', role: 'area', points: pts([[10.2, 'ok'], [12.7, 'estimate'], [null, 'suppressed']]) }], 'percent'), { domain: [10, 13], zero: false });
  });
});
