/**
 * The chart types added for issue 12, each with hand-made data: small multiples (a cell),
 * the seasonal chart, the change chart, the scatter and the distribution with names; and names
 * on maps placed only where they fit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { changeChart } from '../../../src/charts/change.ts';
import { distributionChart } from '../../../src/charts/distribution.ts';
import { serverDocument } from '../../../src/charts/dom.ts';
import { sparkline } from '../../../src/charts/grid.ts';
import { overlaps, textWidth } from '../../../src/charts/labels.ts';
import { choropleth, placeMapLabels, quantileClasses, type Shapes } from '../../../src/charts/map.ts';
import { outliers, scatterChart, type ScatterPoint } from '../../../src/charts/scatter.ts';
import { seasonalChart } from '../../../src/charts/seasonal.ts';
import { DASH, SUBJECT, TYPE } from '../../../src/charts/theme.ts';

const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
const texts = (doc: Document, sel: string) => [...doc.querySelectorAll(sel)].map((t) => t.textContent);

describe('sparkline (a cell of the small multiples)', () => {
  const months = (vals: number[]) => vals.map((v, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, value: v, status: 'ok' }));
  test('the area and the dashed country line on the shared scale, hidden from screen readers', () => {
    const doc = parse(
      sparkline({
        series: [
          { key: 'TA17', label: '', role: 'area', points: months([10, 11, 12]) },
          { key: 'SSS', label: '', role: 'country', points: months([9, 9.5, 10]) },
        ],
        domain: [5, 20],
        from: '2025-01',
        to: '2025-03',
      }),
    );
    const svg = doc.querySelector('svg')!;
    assert.equal(svg.getAttribute('aria-hidden'), 'true');
    assert.equal(doc.querySelectorAll('g[aria-description="area line"] path').length, 1);
    assert.equal(doc.querySelector('g[aria-description="country line"]')?.getAttribute('stroke-dasharray'), DASH.country);
    assert.equal(doc.querySelectorAll('text').length, 0, 'names and values are HTML beside the drawing');
  });
});

describe('seasonalChart', () => {
  const year = (y: string, vals: (number | null)[]) => ({ year: y, points: vals.map((v, i) => ({ period: `${y}-${String(i + 1).padStart(2, '0')}`, value: v, status: v === null ? 'missing' : 'ok' })) });
  const years = [year('2024', [12, 12, 11, 11, 10, 11, 12, 10, 10, 10, 10, 11]), year('2025', [13, 13, 12, 12, 11, 12, 13, 11, 11, 11, 11, 12]), year('2026', [14, 14, 13, 13, 12, 13, null, null, null, null, null, null])];
  const svg = seasonalChart({ years, lang: 'fi', decimals: 1, unit: 'percent', ariaLabel: 'Kausi', ariaDescription: 'Kuvaus.' });
  const doc = parse(svg);

  test('one line per year: the earlier years thin and grey, the latest thick and blue', () => {
    assert.equal(doc.querySelectorAll('g[aria-description="peer line"] path').length, 2);
    const latest = doc.querySelectorAll('g[aria-description="area line"] path');
    assert.equal(latest.length, 1);
    assert.equal(latest[0]!.getAttribute('stroke'), SUBJECT);
  });

  test('the twelve months on the axis, in Finnish', () => {
    assert.deepEqual(texts(doc, 'g[aria-label="x-axis tick label"] text'), ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu']);
  });

  test('the latest year is named after its last month with its value; earlier years in the margin', () => {
    assert.deepEqual(texts(doc, 'text[aria-description="latest year label"]'), ['2026 13,0\u00a0%']);
    assert.deepEqual(texts(doc, 'g[aria-description="labels"] text').sort(), ['2024', '2025']);
  });

  test('tooltip targets are the twelve months', () => {
    assert.equal(doc.querySelector('g.tip-targets')?.getAttribute('data-keys'), '1 2 3 4 5 6 7 8 9 10 11 12');
  });

  test('on a phone the years are named too, the latest inside the plot, none running past the drawing', () => {
    const narrow = parse(seasonalChart({ years, lang: 'fi', decimals: 1, unit: 'percent', ariaLabel: 'Kausi', ariaDescription: 'Kuvaus.', width: 358 }));
    assert.equal(narrow.querySelector('svg')!.getAttribute('data-labels'), 'direct');
    assert.deepEqual(texts(narrow, 'text[aria-description="latest year label"]'), ['2026 13,0\u00a0%']);
    assert.deepEqual(texts(narrow, 'g[aria-description="labels"] text').sort(), ['2024', '2025']);
    const latest = narrow.querySelector('text[aria-description="latest year label"]')!;
    assert.ok(Number(latest.getAttribute('x')) + textWidth(latest.textContent!, TYPE.label, true) <= 358);
    for (const t of narrow.querySelectorAll('g[aria-description="labels"] text')) assert.ok(Number(t.getAttribute('x')) + textWidth(t.textContent!, TYPE.label) <= 358);
  });

  test('on a phone a latest year that ends late in the year leaves the names to the legend', () => {
    const late = [years[0]!, years[1]!, year('2026', [14, 14, 13, 13, 12, 13, 14, 12, 12, 12, null, null])];
    const narrow = parse(seasonalChart({ years: late, lang: 'fi', decimals: 1, unit: 'percent', ariaLabel: 'Kausi', ariaDescription: 'Kuvaus.', width: 358 }));
    assert.equal(narrow.querySelector('svg')!.getAttribute('data-labels'), 'legend');
  });
});

describe('changeChart', () => {
  const rows = [
    { key: 'TA01', name: 'Espoo-Kauniainen', before: { value: 8, status: 'ok' }, after: { value: 9, status: 'ok' }, changeText: '+1,0 %-yks.' },
    { key: 'SSS', name: 'Koko maa', before: { value: 10, status: 'ok' }, after: { value: 10.5, status: 'ok' }, changeText: '+0,5 %-yks.', country: true },
    { key: 'TA02', name: 'Etelä-Häme', before: { value: 11, status: 'ok' }, after: { value: 11, status: 'ok' }, changeText: '0,0 %-yks.' },
    { key: 'TA03', name: 'Etelä-Karjala', before: { value: 12, status: 'estimate' }, after: { value: 11, status: 'upper_bound' }, changeText: '−1,0 %-yks.' },
  ];
  const doc = parse(changeChart({ rows, lang: 'fi', decimals: 1, unit: 'percent', ariaLabel: 'Muutos', ariaDescription: 'Kuvaus.', document: serverDocument() }));

  test('one row per area in the given order, with its change written at the end', () => {
    assert.deepEqual(texts(doc, 'g[aria-label="y-axis tick label"] text'), ['Espoo-Kauniainen', 'Koko maa', 'Etelä-Häme', 'Etelä-Karjala']);
    assert.deepEqual(texts(doc, 'g[aria-description="change"] text').sort(), ['+0,5 %-yks.', '+1,0 %-yks.', '−1,0 %-yks.', '0,0 %-yks.'].sort());
    assert.equal(doc.querySelector('g.tip-targets')?.getAttribute('data-keys'), 'TA01 SSS TA02 TA03');
  });

  test('an arrow for each change (none where nothing changed); a change with an estimate is dashed', () => {
    assert.equal(doc.querySelectorAll('g[aria-description="change"] path').length, 2);
    assert.equal(doc.querySelectorAll('g[aria-description="estimated change"] path').length, 1);
    assert.equal(doc.querySelector('g[aria-description="estimated change"]')?.getAttribute('stroke-dasharray'), DASH.estimate);
  });

  test('a value that is only a bound is drawn with its mark, not as a plain dot', () => {
    assert.equal(doc.querySelectorAll('g[aria-description="now, upper bound"] path').length, 1);
    assert.equal(doc.querySelectorAll('g[aria-description="now"] circle').length, 3);
  });

  test('a dot at the lowest tick keeps clear of the names', () => {
    // Espoo-Kauniainen's value a year earlier (8) is the lowest, on the axis's first tick.
    const dot = doc.querySelector('g[aria-description="a year earlier"] circle')!;
    const cx = Number(dot.getAttribute('cx') ?? /translate\(([-\d.]+)/.exec(dot.getAttribute('transform') ?? '')?.[1]);
    const nameEnd = Math.max(...[...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => Number(t.getAttribute('x') ?? /translate\(([-\d.]+)/.exec(t.closest('g')?.getAttribute('transform') ?? '')?.[1])));
    assert.ok(cx - 4 > nameEnd + 4, `dot at ${cx}, names end at ${nameEnd}`);
  });

  test('the whole country is named in bold', () => {
    const bold = [...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')].filter((t) => t.getAttribute('font-weight') === 'bold').map((t) => t.textContent);
    assert.deepEqual(bold, ['Koko maa']);
  });
});

describe('scatter', () => {
  const p = (key: string, x: number, y: number, extra: Partial<ScatterPoint> = {}): ScatterPoint => ({ key, name: `Alue ${key}`, x, y, xStatus: 'ok', yStatus: 'ok', ...extra });
  const points = [p('A', 10, 10), p('B', 11, 11), p('C', 10.5, 10.2), p('D', 30, 10), p('E', 10, 40), p('F', 11, 10.5), p('SSS', 12, 12, { country: true, name: 'Koko maa' })];

  test('outliers: the areas farthest from the middle of the cloud, farthest first, never the country', () => {
    // Means x 13.75, y 15.3; D is 2.3 sd right, E 2.2 sd up; the rest are within 0.6 sd of both.
    assert.deepEqual(outliers(points, 2).map((q) => q.key), ['E', 'D']);
  });

  test('the country is a diamond, named; the named outliers do not overlap each other or any dot', () => {
    const doc = parse(scatterChart({ points, lang: 'fi', x: { label: 'X', unit: 'percent', decimals: 1 }, y: { label: 'Y', unit: 'percent', decimals: 1 }, ariaLabel: 'a', ariaDescription: 'b', labels: 6, document: serverDocument() }));
    assert.equal(doc.querySelectorAll('g[aria-description="whole country"] path').length, 1);
    const labels = [...doc.querySelectorAll('g[aria-description="labels"] text')];
    assert.ok(labels.some((t) => t.textContent === 'Koko maa'));
    const boxes = labels.map((t) => {
      const w = textWidth(t.textContent!, TYPE.label, t.getAttribute('font-weight') === 'bold');
      const x = Number(t.getAttribute('x'));
      const anchor = t.getAttribute('text-anchor');
      return { x: anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2, y: Number(t.getAttribute('y')) - TYPE.label / 2, width: w, height: TYPE.label };
    });
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.equal(overlaps(boxes[i]!, boxes[j]!), false, `${labels[i]!.textContent} / ${labels[j]!.textContent}`);
  });
});

describe('distributionChart names', () => {
  test('the selected area, the country and the extremes are named, apart from each other', () => {
    const values = Array.from({ length: 20 }, (_, i) => ({ code: `TA${String(i + 1).padStart(2, '0')}`, name: `Alue ${i + 1}`, value: 10 + i * 0.2 }));
    const doc = parse(distributionChart({ values, country: 12, countryLabel: 'Koko maa', highlight: 'TA10', lang: 'fi', decimals: 1, unit: 'percent', ariaLabel: 'a', ariaDescription: 'b' }));
    const labels = [...doc.querySelectorAll('g[aria-description="labels"] text')];
    assert.deepEqual(labels.map((t) => t.textContent).sort(), ['Alue 1 10,0\u00a0%', 'Alue 10 11,8\u00a0%', 'Alue 20 13,8\u00a0%', 'Koko maa 12,0\u00a0%'].sort());
    const boxes = labels.map((t) => {
      const w = textWidth(t.textContent!, TYPE.label, t.getAttribute('font-weight') === 'bold');
      return { x: Number(t.getAttribute('x')) - w / 2, y: Number(t.getAttribute('y')) - TYPE.label, width: w, height: TYPE.label };
    });
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.equal(overlaps(boxes[i]!, boxes[j]!), false);
    assert.equal(doc.querySelectorAll('g.tip-targets').length, 1);
    assert.equal(doc.querySelector('g.tip-targets')!.getAttribute('data-keys')!.split(' ').length, 20);
  });
});

describe('distributionChart names on a phone', () => {
  test('no leader crosses a name: the extremes above, the area and the country between their leaders', () => {
    // The case seen on a profile at 390 px: a long name at the low end, the area near the country.
    const values = [
      { code: 'TA35', name: 'Pietarsaaren seutu', value: 6.0, status: 'estimate' },
      ...Array.from({ length: 40 }, (_, i) => ({ code: `TB${i}`, name: `Alue ${i}`, value: 7 + i * 0.2, status: 'estimate' })),
      { code: 'TA17', name: 'Kuopio', value: 11.9, status: 'estimate' },
      { code: 'TA19', name: 'Lahti', value: 16.8 },
    ];
    const doc = parse(distributionChart({ values, country: 12, countryLabel: 'Koko maa', highlight: 'TA17', lang: 'fi', decimals: 1, unit: 'percent', ariaLabel: 'a', ariaDescription: 'b', width: 358 }));
    const texts = [...doc.querySelectorAll('g[aria-description="labels"] text')];
    assert.equal(texts.length, 4);
    const boxes = texts.map((t) => {
      const w = textWidth(t.textContent!, TYPE.label, t.getAttribute('font-weight') === 'bold');
      return { text: t.textContent!, x: Number(t.getAttribute('x')) - w / 2, y: Number(t.getAttribute('y')) - TYPE.label * 0.8, width: w, height: TYPE.label };
    });
    const leaders = [...doc.querySelectorAll('g[aria-description="labels"] path')].map((p) => {
      const m = /^M([-\d.]+),([-\d.]+)[lL]([-\d.]+),([-\d.]+)$/.exec(p.getAttribute('d')!)!;
      const [x0, y0, dx, dy] = m.slice(1).map(Number) as [number, number, number, number];
      return { x0, y0, x1: x0 + dx, y1: y0 + dy };
    });
    assert.equal(leaders.length, 4);
    for (const [k, l] of leaders.entries()) {
      // Sample the leader; no point of it lies inside another name's box.
      for (let t = 0; t <= 1; t += 0.02) {
        const x = l.x0 + (l.x1 - l.x0) * t;
        const y = l.y0 + (l.y1 - l.y0) * t;
        for (const [j, b] of boxes.entries()) {
          if (j === k) continue;
          assert.ok(!(x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height), `leader ${k} crosses "${b.text}"`);
        }
      }
    }
  });
});

describe('map names and bounds', () => {
  const square = (x: number, y: number, s: number): [number, number][][] => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
  const shapes: Shapes = {
    width: 300,
    height: 300,
    paths: new Map([['TA01', 'M0,0L200,0L200,200L0,200Z'], ['TA02', 'M250,250L260,250L260,260L250,260Z'], ['TA03', 'M220,0L250,0L250,200L220,200Z']]),
    rings: new Map([['TA01', square(0, 0, 200)], ['TA02', square(250, 250, 10)], ['TA03', [[[220, 0], [250, 0], [250, 200], [220, 200], [220, 0]]]]]),
  };

  test('a name is written where its box fits inside the shape, not where it does not', () => {
    const labels = placeMapLabels(shapes, [{ code: 'TA01', text: 'Iso alue' }, { code: 'TA02', text: 'Pieni alue' }]);
    assert.deepEqual(labels.map((l) => l.code), ['TA01']);
    assert.deepEqual(labels[0]!.lines, ['Iso alue']);
    // Centred in the square.
    assert.ok(Math.abs(labels[0]!.x - 100) < 20 && Math.abs(labels[0]!.y - 100) < 20);
  });

  test('a long name that fits only on two lines is broken at a hyphen', () => {
    // The strip is 30 units wide. At 10.5 px, "Ab" (about 16 units) fits on one line; "Aa-Bb"
    // (about 34) does not, but "Aa-" and "Bb" (about 20 and 14) do, one above the other;
    // "Kauniainen-Kirkkonummi" does not fit even halved.
    assert.deepEqual(placeMapLabels(shapes, [{ code: 'TA03', text: 'Ab' }]).map((l) => l.lines), [['Ab']]);
    assert.deepEqual(placeMapLabels(shapes, [{ code: 'TA03', text: 'Aa-Bb' }]).map((l) => l.lines), [['Aa-', 'Bb']]);
    assert.deepEqual(placeMapLabels(shapes, [{ code: 'TA03', text: 'Kauniainen-Kirkkonummi' }]), []);
    const wide: Shapes = { ...shapes, rings: new Map([['TA03', square(0, 0, 90)]]) };
    assert.deepEqual(placeMapLabels(wide, [{ code: 'TA03', text: 'Kauniainen-Kirkkonummi' }]).map((l) => l.lines), [['Kauniainen-', 'Kirkkonummi']]);
  });

  test('bounds are hatched and estimates dotted over their class colour', () => {
    const { classOf, classes } = quantileClasses([1, 2, 3]);
    const svg = choropleth({ shapes, areas: [{ code: 'TA01', value: 1, status: 'upper_bound', title: 'A' }, { code: 'TA02', value: 2, status: 'estimate', title: 'B' }, { code: 'TA03', value: 3, status: 'ok', title: 'C' }], classOf, classes, title: 't', description: 'd', id: 'm' });
    const doc = parse(svg);
    assert.equal(doc.querySelectorAll('path[fill="url(#m-hatch)"]').length, 1);
    assert.equal(doc.querySelectorAll('path[fill="url(#m-dots)"]').length, 1);
    assert.ok(doc.querySelector('pattern#m-hatch') && doc.querySelector('pattern#m-dots'));
  });
});
