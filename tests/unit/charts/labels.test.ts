/**
 * Direct labels never overlap: the one-dimensional dodge on hand-made cases, and the label
 * boxes of rendered line charts on the tricky cases (end values that nearly coincide, many
 * lines, too many lines to fit).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { dodge, overlaps, textWidth } from '../../../src/charts/labels.ts';
import { lineChart, type LineSeries } from '../../../src/charts/line.ts';
import { TYPE } from '../../../src/charts/theme.ts';

const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;

/** Every pair of intervals [centre − size/2, centre + size/2] is apart by at least `gap`. */
function assertApart(centres: number[], size: number, gap: number) {
  const sorted = [...centres].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]! - sorted[i - 1]! >= size + gap - 1e-9, `labels at ${sorted[i - 1]} and ${sorted[i]} overlap`);
}

describe('dodge', () => {
  test('labels that do not collide stay where they want to be', () => {
    assert.deepEqual(dodge([{ at: 10, size: 10 }, { at: 40, size: 10 }, { at: 80, size: 10 }], 0, 100, 2), [10, 40, 80]);
  });

  test('two labels wanting the same place move apart symmetrically', () => {
    // Both want 50; with size 10 and gap 2 their centres end 12 apart around 50.
    assert.deepEqual(dodge([{ at: 50, size: 10 }, { at: 50, size: 10 }], 0, 100, 2), [44, 56]);
  });

  test('a block pushed against an edge stays inside the range', () => {
    // Three labels want 2; the block of 3 × 10 + 2 × 2 = 34 starts at the top edge 0.
    assert.deepEqual(dodge([{ at: 2, size: 10 }, { at: 2, size: 10 }, { at: 2, size: 10 }], 0, 100, 2), [5, 17, 29]);
  });

  test('labels keep the order of what they want', () => {
    const placed = dodge([{ at: 30, size: 10 }, { at: 29, size: 10 }, { at: 31, size: 10 }], 0, 100, 0)!;
    assert.ok(placed[1]! < placed[0]! && placed[0]! < placed[2]!);
  });

  test('many labels wanting nearly the same place never overlap', () => {
    const wants = Array.from({ length: 12 }, (_, i) => ({ at: 100 + (i % 3) * 0.5, size: 14 }));
    const placed = dodge(wants, 0, 300, 1)!;
    assertApart(placed, 14, 1);
    for (const p of placed) assert.ok(p - 7 >= 0 && p + 7 <= 300);
  });

  test('null when the labels cannot all fit', () => {
    assert.equal(dodge(Array.from({ length: 11 }, () => ({ at: 50, size: 10 })), 0, 100, 0), null);
  });

  test('textWidth grows with the text and the font size', () => {
    assert.ok(textWidth('Kuopio 12,6 %', 13) > textWidth('Kuopio', 13));
    assert.ok(textWidth('Kuopio', 14) > textWidth('Kuopio', 12));
    assert.equal(textWidth('', 12), 0);
  });

  test('overlaps: touching boxes do not overlap, crossing ones do', () => {
    assert.equal(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }), false);
    assert.equal(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 10, height: 10 }), true);
  });
});

describe('line chart labels', () => {
  const months = (values: number[]) => values.map((v, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value: v, status: 'ok' }));
  const chart = (series: LineSeries[], height?: number) =>
    lineChart({ series, lang: 'fi', decimals: 1, unit: 'percent', breaks: [], ariaLabel: 'Osuus', ariaDescription: 'Kuvaus.', width: 1100, height });
  const labelYs = (svg: string) => [...parse(svg).querySelectorAll('g[aria-description="labels"] text')].map((t) => Number(t.getAttribute('y')));

  test('"Whole country" and the area ending at nearly the same value are not printed over each other', () => {
    const svg = chart([
      { key: 'TA17', label: 'Kuopio', role: 'area', points: months([9, 10, 12.6]) },
      { key: 'SSS', label: 'Koko maa', role: 'country', points: months([9.5, 10.5, 12.8]) },
    ]);
    const ys = labelYs(svg);
    assert.equal(ys.length, 2);
    assertApart(ys, TYPE.label, 0);
  });

  test('seven lines ending within 0.3 points get seven labels, none overlapping, each with a leader', () => {
    const ends = [10.0, 10.05, 10.1, 10.1, 10.2, 10.2, 10.3];
    const series: LineSeries[] = ends.map((e, i) => ({ key: `A${i}`, label: `Alue ${i}`, role: i === 0 ? 'area' : i === 1 ? 'country' : 'peer', points: months([8 + i * 0.2, 9, e]) }));
    const svg = chart(series);
    const ys = labelYs(svg);
    assert.equal(ys.length, 7);
    assertApart(ys, TYPE.label, 0);
    assert.ok(parse(svg).querySelectorAll('g[aria-description="labels"] path').length >= 5, 'moved labels are tied to their lines');
    assert.equal(parse(svg).querySelector('svg')?.getAttribute('data-labels'), 'direct');
  });

  test('too many lines for the height: no direct labels, the legend names them', () => {
    const series: LineSeries[] = Array.from({ length: 30 }, (_, i) => ({ key: `A${i}`, label: `Alue ${i}`, role: 'peer', points: months([10, 10, 10 + i * 0.01]) }));
    const svg = chart(series, 200);
    assert.equal(parse(svg).querySelectorAll('g[aria-description="labels"] text').length, 0);
    assert.equal(parse(svg).querySelector('svg')?.getAttribute('data-labels'), 'legend');
  });

  test('a narrow drawing leaves naming to the legend', () => {
    const svg = lineChart({ series: [{ key: 'A', label: 'Alue', role: 'area', points: months([1, 2, 3]) }], lang: 'fi', decimals: 1, unit: 'percent', breaks: [], ariaLabel: 'a', ariaDescription: 'b', width: 358 });
    assert.equal(parse(svg).querySelector('svg')?.getAttribute('data-labels'), 'legend');
  });
});
