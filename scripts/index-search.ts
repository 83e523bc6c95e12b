/**
 * Builds the Pagefind search index of dist/ with Pagefind's Node API (one index per page
 * language, from each page's <main data-pagefind-body>). Fails the build on any Pagefind error.
 *
 * Each page is indexed from a copy without its SVG drawings and with a space after every block
 * and cell element (src/lib/search-text.ts), so excerpts keep word boundaries; the served pages
 * are unchanged.
 * Notes repeated on hundreds of pages ({@link BOILERPLATE}) are left out of the index. The
 * site searches with its own interface on Pagefind's JavaScript API (src/client/search/), so
 * Pagefind's ready-made interfaces ({@link UNUSED}) are removed from the output.
 *
 * Usage: node scripts/index-search.ts (after the Astro build)
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { indexedHtml } from '../src/lib/search-text.ts';
import { ROOT, runMain } from './lib/args.ts';

/**
 * Repeated notes not worth an index entry on every page: the status legends and footnotes under
 * tables (small print), the chart tools and the embed code.
 */
const BOILERPLATE = ['p.small.muted', 'figure details', '.chart-tools', 'textarea'];

/** Pagefind's ready-made search interfaces, which the site does not load. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Indexes `site` into `site/pagefind/`; returns the number of pages indexed. */
export async function indexSearch(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: BOILERPLATE });
  if (!index || errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
  let pages = 0;
  const files = htmlFiles(site).filter((f) => !relative(site, f).startsWith('pagefind/'));
  // A few files at a time: Pagefind's service indexes them in parallel.
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16).map(async (file) => {
      const sourcePath = relative(site, file);
      const added = await index.addHTMLFile({ sourcePath, content: indexedHtml(readFileSync(file, 'utf8')) });
      if (added.errors.length) throw new Error(`pagefind: ${sourcePath}: ${added.errors.join('; ')}`);
      if (added.file) pages++;
    });
    await Promise.all(batch);
  }
  // A fresh folder: fragments of an earlier index have other names and would stay behind.
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  for (const f of UNUSED) rmSync(join(site, 'pagefind', f), { force: true });
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const t0 = performance.now();
    const pages = await indexSearch(join(ROOT, 'dist'));
    console.error(`search: ${pages} pages indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
}
