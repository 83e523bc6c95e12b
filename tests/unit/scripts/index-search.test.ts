/**
 * The search index filled while the pages are built (scripts/index-search.ts with
 * src/middleware.ts): pages told of as written are read then, the rest are read from the folder
 * at the end, each page once; a page told of that is not there, or that changed after it was
 * read (it was read while still being written), fails the build with its name. And the file a
 * page's path is written to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../scripts/index-search.ts';
import { pageFile } from '../../../src/middleware.ts';

const page = (title: string, words: string) => `<!doctype html><html lang="fi"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;

/** A site of three pages: the front page and two area pages. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'index-search-'));
  for (const [path, title] of [['fi/index.html', 'Etusivu'], ['fi/area/ku091/index.html', 'Helsinki'], ['fi/area/ku049/index.html', 'Espoo']] as const) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), page(title, `${title} työllisyysalue`));
  }
  return dir;
}

/** The pages in the written index, over its languages. */
function pageCount(dir: string): number {
  const entry = readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8');
  return [...entry.matchAll(/"page_count":(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

test('pages told of as written and pages left to the end are each indexed once', async () => {
  const dir = site();
  try {
    const index = await SearchIndex.create();
    index.written(dir, 'fi/area/ku091/index.html');
    index.written(dir, 'fi/index.html');
    assert.equal(await index.finish(dir), 3);
    assert.equal(pageCount(dir), 3);
    assert.ok(existsSync(join(dir, 'pagefind', 'pagefind.js')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page that changed after it was read, or that is not there, fails with its name', async () => {
  const dir = site();
  try {
    const index = await SearchIndex.create();
    index.written(dir, 'fi/area/ku091/index.html');
    writeFileSync(join(dir, 'fi/area/ku091/index.html'), page('Helsinki', 'Helsinki työllisyysalue ja lisää tekstiä'));
    await assert.rejects(index.finish(dir), /fi\/area\/ku091\/index\.html changed after it was indexed/);
    const other = await SearchIndex.create();
    other.written(dir, 'fi/area/ku999/index.html');
    await assert.rejects(other.finish(dir), /wrote fi\/area\/ku999\/index\.html, which is not in/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a page's path gives the file the static build writes", () => {
  assert.equal(pageFile('/fi/area/ku091/'), 'fi/area/ku091/index.html');
  assert.equal(pageFile('/'), 'index.html');
  assert.equal(pageFile('/404/'), '404.html');
  assert.equal(pageFile('/404'), '404.html');
  assert.equal(pageFile('/fi/search'), 'fi/search/index.html');
  assert.equal(pageFile('/fi/%C3%A4/'), 'fi/ä/index.html');
});
