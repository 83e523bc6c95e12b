/**
 * The marks of line charts written as text (src/charts/marks.ts): paths in whole pixels with
 * relative steps, the split of a line where its style changes, and the groups each mark is
 * found by. Scales are the identity (x = month number × 10, y = value), so every expected
 * coordinate below is worked out by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineMarksMarkup, placedSymbol, polyline, svgRoot } from '../../../src/charts/marks.ts';
import type { LineSeries } from '../../../src/charts/line.ts';

const frame = { x: (m: number) => m * 10, y: (v: number) => v, top: 0, bottom: 100 };
const month = (p: string) => Number(p.slice(5, 7));
const pts = (rows: [number | null, string][]) => rows.map(([value, status], i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, value, status }));

describe('line marks as text', () => {
  test('polyline: whole pixels, relative steps; one point is a closed move', () => {
    assert.equal(polyline([[10.4, 20.6], [30.5, 20.4], [29.6, 5]]), 'M10,21l21,-1l-1,-15');
    assert.equal(polyline([[900, 60]]), 'M900,60Z');
    assert.equal(polyline([[-0.4, 3], [2, 3]]), 'M0,3l2,0');
  });

  test('an exact line, an estimated stretch from its last exact value, and back', () => {
    const series: LineSeries[] = [{ key: 'A', label: '', role: 'area', points: pts([[50, 'ok'], [40, 'ok'], [30, 'estimate'], [35, 'ok']]) }];
    const svg = lineMarksMarkup(series, month, frame);
    assert.equal(
      svg,
      '<g role="group" stroke-linecap="round" stroke-linejoin="round" fill="none" aria-description="area line" aria-label="line">' +
        '<path d="M10,50l10,-10" stroke-width="3" stroke="#0b4f8a"/><path d="M40,35Z" stroke-width="3" stroke="#0b4f8a"/></g>' +
        '<g role="group" stroke-dasharray="2,3" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.75" fill="none" aria-description="area estimate" aria-label="line">' +
        '<path d="M20,40l10,-10l10,5" stroke-width="3" stroke="#0b4f8a"/></g>' +
        '<g role="group" aria-description="latest value" aria-label="dot"><circle cx="40" cy="35" r="3" fill="#0b4f8a"/></g>',
    );
  });

  test('a gap splits a line; a value with no neighbour gets a dot; withheld is a cross on the bottom edge', () => {
    const series: LineSeries[] = [{ key: 'A', label: '', role: 'country', points: pts([[10, 'ok'], [20, 'ok'], [null, 'suppressed'], [30, 'ok']]) }];
    const svg = lineMarksMarkup(series, month, frame, { ends: false });
    assert.match(svg, /aria-description="country line" aria-label="line"><path d="M10,10l10,10" stroke-width="2" stroke="#3d3d3d"\/><path d="M40,30Z"/);
    assert.match(svg, /aria-description="single value" aria-label="dot"><circle cx="40" cy="30" r="3.5" fill="#3d3d3d" stroke="#3d3d3d"\/><\/g>/);
    // d3's cross of r = 3.5 rounds to two strokes of 8 px about the origin, here about (30, 100).
    assert.match(svg, /stroke="#8a1c1c" fill="none" aria-description="withheld" aria-label="dot"><path d="M26,96l8,8M26,104l8,-8"\/><\/g>$/);
    assert.doesNotMatch(svg, /latest value/);
  });

  test('bounds are symbols at the value, one path per status and colour; the upper bound turned', () => {
    const series: LineSeries[] = [{ key: 'A', label: '', role: 'area', points: pts([[10, 'lower_bound'], [20, 'upper_bound'], [30, 'lower_bound']]) }];
    const svg = lineMarksMarkup(series, month, frame, { ends: false });
    // d3's triangle of r = 4 (area 16π) rounds to M0,-6 l5,9 l-10,0: the apex up; turned, the apex down.
    assert.match(svg, /aria-description="lower bound" aria-label="dot"><path d="M10,4l5,9l-10,0ZM30,24l5,9l-10,0Z" stroke="#0b4f8a"\/><\/g>/);
    assert.match(svg, /aria-description="upper bound" aria-label="dot"><path d="M20,26l-5,-9l10,0Z" stroke="#0b4f8a"\/><\/g>/);
  });

  test('placedSymbol: moves absolute, steps kept (negated when turned)', () => {
    assert.equal(placedSymbol('M-4,-4l8,8M-4,4l8,-8', 30, 100), 'M26,96l8,8M26,104l8,-8');
    assert.equal(placedSymbol('M0,-6l5,9l-10,0Z', 20, 20, true), 'M20,26l-5,-9l10,0Z');
  });

  test('the root: size, view box and accessible name', () => {
    assert.equal(
      svgRoot({ width: 300, height: 200, ariaLabel: 'Osuus: "Lahti"' }, ''),
      '<svg aria-label="Osuus: &quot;Lahti&quot;" viewBox="0 0 300 200" width="300" height="200" text-anchor="middle" font-size="12" fill="currentColor" color="#1b1b1b" overflow="visible"></svg>',
    );
  });
});
