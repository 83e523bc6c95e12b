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
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/**
 * A search index being filled: pages are added as they are written ({@link SearchIndex.written},
 * told by the pages' build, src/middleware.ts), and {@link SearchIndex.finish} adds every HTML
 * file of the site not added so, then writes the index.
 */
export class SearchIndex {
  /** Each page added, with the length of the file when it was read (null: read in finish). */
  private readonly added = new Map<string, number | null>();
  private readonly pending: Promise<void>[] = [];
  private pages = 0;
  private readonly index: pagefind.PagefindIndex;
  private constructor(index: pagefind.PagefindIndex) {
    this.index = index;
  }

  static async create(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: BOILERPLATE });
    if (!index || errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
    return new SearchIndex(index);
  }

  /** Adds the page written to `site/<path>` (`fi/area/ku091/index.html`), read now. */
  written(site: string, path: string): void {
    try {
      const file = join(site, path);
      if (!existsSync(file)) throw new Error(`search index: the pages' build wrote ${path}, which is not in ${site}`);
      const bytes = readFileSync(file);
      void this.add(path, bytes.toString('utf8'), bytes.length);
    } catch (err) {
      // Reported by finish(), like a failure of Pagefind's.
      const failed = Promise.reject(err as Error);
      failed.catch(() => undefined);
      this.pending.push(failed);
    }
  }

  private add(sourcePath: string, html: string, length: number | null): Promise<void> {
    this.added.set(sourcePath, length);
    const done = this.index.addHTMLFile({ sourcePath, content: indexedHtml(html) }).then((added) => {
      if (added.errors.length) throw new Error(`pagefind: ${sourcePath}: ${added.errors.join('; ')}`);
      if (added.file) this.pages++;
    });
    this.pending.push(done);
    // A failure is reported by finish(); this keeps it from being an unhandled rejection before.
    done.catch(() => undefined);
    return done;
  }

  /** Adds the HTML files of `site` not added yet, writes the index to `site/pagefind/`; returns the number of pages indexed. */
  async finish(site: string): Promise<number> {
    // A page read while it was still being written would be indexed in part: refuse it.
    for (const [path, length] of this.added) {
      if (length !== null && statSync(join(site, path)).size !== length) throw new Error(`search index: ${path} changed after it was indexed (${length} bytes then, ${statSync(join(site, path)).size} now)`);
    }
    const files = htmlFiles(site).filter((f) => !relative(site, f).startsWith('pagefind/') && !this.added.has(relative(site, f)));
    // A few files at a time: Pagefind's service indexes them in parallel.
    for (let i = 0; i < files.length; i += 16) await Promise.all(files.slice(i, i + 16).map((file) => this.add(relative(site, file), readFileSync(file, 'utf8'), null)));
    await Promise.all(this.pending);
    // A fresh folder: fragments of an earlier index have other names and would stay behind.
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
    const written = await this.index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await pagefind.close();
    for (const f of UNUSED) rmSync(join(site, 'pagefind', f), { force: true });
    return this.pages;
  }
}

/** Indexes `site` into `site/pagefind/` from its files; returns the number of pages indexed. */
export async function indexSearch(site: string): Promise<number> {
  return (await SearchIndex.create()).finish(site);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain(async () => {
    const t0 = performance.now();
    const pages = await indexSearch(join(ROOT, 'dist'));
    console.error(`search: ${pages} pages indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
}
