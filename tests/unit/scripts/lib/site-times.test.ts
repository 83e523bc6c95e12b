/** The benchmarks read the build's closing line back (scripts/lib/site-times.ts); lines written by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteTimes } from '../../../../scripts/lib/site-times.ts';

test('side by side (the default) and one after the other (TILANNEKUVA_BUILD=sequential)', () => {
  assert.deepEqual(siteTimes('x\nbuild-site: pages 61.5 s and downloads 46.4 s side by side; search index of 1457 pages 25.4 s from the end of the pages; total 94.0 s\n'), { pages: 61.5, downloads: 46.4, parallel: true, indexedPages: 1457, searchIndex: 25.4 });
  assert.deepEqual(siteTimes('build-site: pages 200.1 s and downloads 90.0 s one after the other; search index of 1457 pages 70.2 s; total 360.3 s'), { pages: 200.1, downloads: 90, parallel: false, indexedPages: 1457, searchIndex: 70.2 });
});

test('no closing line: null', () => {
  assert.equal(siteTimes('astro build failed'), null);
});
