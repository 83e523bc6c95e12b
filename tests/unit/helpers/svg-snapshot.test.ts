/**
 * The SVG snapshot harness (tests/helpers/svg-snapshot.ts) can fail: a changed chart fails and
 * leaves a -changed file, a missing snapshot fails in CI, and normalising keeps what a reader
 * sees (labels) while hiding what varies between runs (random class names, long decimals).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertSvgSnapshot, normaliseSvg } from '../../helpers/svg-snapshot.ts';

const dir = mkdtempSync(join(tmpdir(), 'svg-snapshot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('normaliseSvg', () => {
  test('adds the SVG namespace, renames Plot\'s class and ids with their references, one element a line', () => {
    const svg = '<svg class="plot-1a2b3c" aria-labelledby="m-t"><style>:where(.plot-1a2b3c) { display: block; }</style><title id="m-t">Otsikko</title><g><path d="M0,0" clip-path="url(#c7)"/><clipPath id="c7"></clipPath></g></svg>';
    assert.equal(
      normaliseSvg(svg),
      [
        '<svg xmlns="http://www.w3.org/2000/svg" class="plot" aria-labelledby="id-1">',
        '  <style>:where(.plot) { display: block; }</style>',
        '  <title id="id-1">Otsikko</title>',
        '  <g>',
        '    <path d="M0,0" clip-path="url(#id-2)"/>',
        '    <clipPath id="id-2">',
        '    </clipPath>',
        '  </g>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });

  test('numbers with more than three decimals are rounded to three; labels such as "11.0" stay', () => {
    const out = normaliseSvg('<svg xmlns="http://www.w3.org/2000/svg"><text x="12.3456789" y="0.32em">11.0</text></svg>');
    assert.match(out, /x="12\.346"/);
    assert.match(out, />11\.0</);
    assert.equal(out.match(/xmlns=/g)!.length, 1);
  });
});

describe('assertSvgSnapshot', () => {
  const svg = '<svg><text>A</text></svg>';

  test('a missing snapshot fails in CI and writes nothing', () => {
    assert.throws(() => assertSvgSnapshot(dir, 'ci-missing', svg, true), /snapshot .*ci-missing\.svg is missing/);
    assert.equal(existsSync(join(dir, 'ci-missing.svg')), false);
  });

  test('outside CI a missing snapshot is written, normalised, and then matches', () => {
    assertSvgSnapshot(dir, 'new', svg, false);
    assert.equal(readFileSync(join(dir, 'new.svg'), 'utf8'), normaliseSvg(svg));
    assertSvgSnapshot(dir, 'new', svg, true);
  });

  test('a changed chart fails, names the first difference and writes <name>-changed.svg; a match removes it', () => {
    writeFileSync(join(dir, 'same.svg'), normaliseSvg(svg));
    assert.throws(() => assertSvgSnapshot(dir, 'same', '<svg><text>B</text></svg>', true), /same\.svg differs from the snapshot.*same-changed\.svg[\s\S]*snapshot: +<text>A<\/text>\n +now: +<text>B<\/text>/);
    assert.equal(readFileSync(join(dir, 'same-changed.svg'), 'utf8'), normaliseSvg('<svg><text>B</text></svg>'));
    assert.equal(readFileSync(join(dir, 'same.svg'), 'utf8'), normaliseSvg(svg), 'the snapshot itself is left alone');
    assertSvgSnapshot(dir, 'same', svg, true);
    assert.equal(existsSync(join(dir, 'same-changed.svg')), false);
  });
});
