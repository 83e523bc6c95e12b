/**
 * Builds the Pagefind search index of dist/ with Pagefind's Node API (one index per page
 * language, from each page's <main data-pagefind-body>). Fails the build on any Pagefind error.
 *
 * Usage: node scripts/index-search.ts (after the Astro build)
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { ROOT, runMain } from './lib/args.ts';

/** Indexes `site` into `site/pagefind/`; returns the number of pages indexed. */
export async function indexSearch(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  if (!index || errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const t0 = performance.now();
    const pages = await indexSearch(join(ROOT, 'dist'));
    console.error(`search: ${pages} pages indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
}
