/** The copy of a page the search indexes keeps words of neighbouring cells apart. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indexedHtml, spaceBlocks } from '../../../src/lib/search-text.ts';

describe('spaceBlocks', () => {
  test('a definition list gets a space after each term and description', () => {
    assert.equal(spaceBlocks('<dl><dt>Väestö 2025</dt><dd>121 832</dd><dt>Työvoima</dt></dl>'), '<dl><dt>Väestö 2025</dt> <dd>121 832</dd> <dt>Työvoima</dt> </dl>');
  });
  test('table cells and rows, list items, paragraphs and line breaks too; end tags in any case', () => {
    assert.equal(spaceBlocks('<tr><th>Lahti</th><TD>17,8</TD></tr>'), '<tr><th>Lahti</th> <TD>17,8</TD> </tr> ');
    assert.equal(spaceBlocks('<li>a</li><li>b</li>'), '<li>a</li> <li>b</li> ');
    assert.equal(spaceBlocks('<p>a</p><p>b<br>c<br/>d</p>'), '<p>a</p> <p>b<br> c<br/> d</p> ');
  });
  test('inline elements are left alone, so "Lahti," stays one word with its comma', () => {
    assert.equal(spaceBlocks('<a href="/x">Lahti</a>, <span>Hollola</span><em>!</em>'), '<a href="/x">Lahti</a>, <span>Hollola</span><em>!</em>');
  });
  test('an element whose name starts like a block (<pre>, <tbody>, <details>) gets no space', () => {
    assert.equal(spaceBlocks('<pre>x</pre><tbody></tbody><details></details>'), '<pre>x</pre><tbody></tbody><details></details>');
  });
});

describe('indexedHtml', () => {
  test('drawings are left out, the text around them stays, blocks are spaced', () => {
    assert.equal(
      indexedHtml('<figure><figcaption>Osuus</figcaption><SVG viewBox="0 0 1 1"><title>Lahti 17,8</title><text>2025</text></SVG><p>Taulukko</p><svg class="key"><path d="M0,0"/></svg></figure>'),
      '<figure><figcaption>Osuus</figcaption> <p>Taulukko</p> </figure>',
    );
  });
  test('an element whose name starts with svg is not a drawing', () => {
    assert.equal(indexedHtml('<svgx>a</svgx>'), '<svgx>a</svgx>');
  });
});
