/** The page checks of the link crawler (scripts/check-links.ts), on hand-written pages. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPage } from '../../../scripts/check-links.ts';

const page = (lang: string, title: string, body: string) => `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>${body}</body></html>`;

describe('checkPage', () => {
  test('a page with lang, title and one h1 in a folder of its language passes, apart from counterparts', () => {
    // /fi/no-such-page-for-tests/ has no sv or en counterpart in dist/.
    assert.deepEqual(checkPage('/fi/no-such-page-for-tests/index.html', page('fi', 'Otsikko', '<h1>Otsikko</h1><svg><title>kuvio</title></svg>')), [
      '/fi/no-such-page-for-tests/index.html: no /sv/ counterpart',
      '/fi/no-such-page-for-tests/index.html: no /en/ counterpart',
    ]);
  });
  test('a wrong lang, an empty title and two h1 elements are reported', () => {
    assert.deepEqual(checkPage('/sv/x/index.html', page('fi', ' ', '<h1>A</h1><h1 class="b">B</h1>')).slice(0, 3), [
      '/sv/x/index.html: lang="fi" in the /sv/ folder',
      '/sv/x/index.html: no title',
      '/sv/x/index.html: 2 h1 elements (expected one)',
    ]);
  });
  test('a page without lang or h1 is reported; embed pages need no h1', () => {
    assert.deepEqual(checkPage('/404.html', '<html><head><title>T</title></head><body></body></html>'), [
      '/404.html: no lang on <html>',
      '/404.html: 0 h1 elements (expected one)',
    ]);
    assert.deepEqual(checkPage('/en/embed/index.html', page('en', 'Embed', '<div></div>')).filter((p) => p.includes('h1')), []);
  });
});
