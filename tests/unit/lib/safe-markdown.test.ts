/**
 * Contributed Markdown (good practices) cannot carry scripts: the validator reads the Markdown
 * syntax tree and refuses raw HTML, images and unsafe link protocols with the file, line and field
 * named, and the sanitizer removes anything that would execute from rendered HTML. Inputs and
 * expected outputs are written by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parsePractice } from '../../../scripts/lib/validate/practices.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { safeUrl, unsafeMarkdown } from '../../../src/lib/safe-markdown.ts';
import { sanitizeHtml } from '../../../src/lib/sanitize-html.ts';

describe('safeUrl', () => {
  test('http(s), mailto, relative paths and fragments are safe', () => {
    for (const u of ['https://stat.fi/', 'http://example.org/a?b=c', 'mailto:info@example.org', '/fi/area/ta08/', 'area/ta08/', '#sources', 'a/b:c']) {
      assert.equal(safeUrl(u), true, u);
    }
  });
  test('script-capable protocols are unsafe however they are disguised', () => {
    for (const u of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'javascript\\:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      assert.equal(safeUrl(u), false, JSON.stringify(u));
    }
  });
});

describe('unsafeMarkdown', () => {
  test('a plain description with links, code and comparisons passes', () => {
    const body = [
      'Kuvaus [lähteestä](https://example.org/a) ja [sivusta](/fi/area/ta08/).',
      'Vertailu: 3 < 5 ja `<script>` koodina.',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
      '',
      '    <b>sisennetty koodi</b>',
      '<https://example.org/autolink>',
    ].join('\n');
    assert.deepEqual(unsafeMarkdown(body), []);
  });
  test('raw HTML, unsafe links, images, definitions and autolinks are refused with their line', () => {
    // Each case is its own block (blank lines between), so that the tree holds exactly that construct.
    const body = [
      'Rivi yksi.', // 1
      '', // 2
      '<script>alert(1)</script>', // 3 html block
      '', // 4
      '[klikkaa](javascript:alert(1))', // 5 link
      '', // 6
      '![kuva](https://example.org/kuva.png)', // 7 image (any address)
      '', // 8
      'Teksti <img src=x onerror=alert(1)> jatkuu.', // 9 inline html
      '', // 10
      '[viite]: javascript:alert(1)', // 11 definition
      '', // 12
      '<javascript:alert(1)>', // 13 autolink
      '', // 14
      '[naamioitu](&#106;avascript:alert(1))', // 15 character reference decoded by the parser
    ].join('\n');
    assert.deepEqual(
      [...new Set(unsafeMarkdown(body).map((p) => p.line))],
      [3, 5, 7, 9, 11, 13, 15],
    );
  });
  test('markup-looking text that the parser reads as text is not flagged (it is shown as text)', () => {
    // A definition cannot interrupt a paragraph: this line is plain text in the tree, not a link.
    const body = 'Kappale jatkuu\n[viite]: javascript:alert(1)';
    assert.deepEqual(unsafeMarkdown(body), []);
  });
  test('an inline HTML tag inside emphasis or a list item is found wherever it sits in the tree', () => {
    const body = ['- kohta *korostus <b onclick=x>lihava</b>*', '- toinen'].join('\n');
    assert.deepEqual(unsafeMarkdown(body).map((p) => p.line), [1, 1]);
  });
});

describe('sanitizeHtml', () => {
  test('keeps text, structure and safe links; removes scripts, handlers, styles and unsafe links', () => {
    const dirty =
      '<h2 id="tausta" style="color:red">Tausta</h2>' +
      '<p>ok <a href="javascript:alert(1)" onclick="alert(2)">linkki</a> <strong>vahva</strong></p>' +
      '<script>alert(3)</script>' +
      '<img src="x" onerror="alert(4)">' +
      '<iframe src="https://example.org/"></iframe>' +
      '<p><a href="https://stat.fi/" target="_blank">Tilastokeskus</a> <a href="/fi/">etusivu</a></p>' +
      '<div onmouseover="alert(5)"><em>sisältö</em></div>' +
      '<svg><script>alert(6)</script></svg>' +
      '<!-- kommentti -->' +
      '<table><tbody><tr><td colspan="2" onclick="x()">1</td></tr></tbody></table>';
    assert.equal(
      sanitizeHtml(dirty),
      '<h2 id="tausta">Tausta</h2>' +
        '<p>ok <a>linkki</a> <strong>vahva</strong></p>' +
        '<p><a rel="noopener noreferrer" href="https://stat.fi/">Tilastokeskus</a> <a href="/fi/">etusivu</a></p>' +
        '<em>sisältö</em>' +
        '<table><tbody><tr><td colspan="2">1</td></tr></tbody></table>',
    );
  });
});

describe('a practice file with a script', () => {
  const ctx = { areas: new Set(['TA33']), indicators: new Set(['unemployment-share']) };
  const text = readFileSync(new URL('../../fixtures/practices/script-practice.md', import.meta.url), 'utf8');
  const errorOf = (t: string) => {
    try {
      parsePractice(t, 'data/practices/script-practice.md', ctx);
    } catch (e) {
      assert.ok(e instanceof InputError);
      return e;
    }
    assert.fail('expected the practice to be refused');
  };
  test('is refused at the line of the script tag, field body', () => {
    const e = errorOf(text);
    assert.equal(e.location.file, 'data/practices/script-practice.md');
    assert.equal(e.location.row, 26);
    assert.equal(e.location.field, 'body');
    assert.match(e.message, /raw HTML/);
  });
  test('a javascript: link in the body is refused at its line', () => {
    const e = errorOf(text.replace('<script>alert("practice")</script>', 'Tavallinen rivi [0].'));
    assert.equal(e.location.row, 28);
    assert.match(e.message, /javascript:alert/);
  });
  test('a javascript: source address in the front matter is refused', () => {
    const e = errorOf(text.replace('https://example.org/lahde', 'javascript:alert(1)'));
    assert.equal(e.location.field, 'sources[0].url');
  });
});
