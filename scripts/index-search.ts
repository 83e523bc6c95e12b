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
 * During `npm run build` the pages are handed over one by one as the Astro build writes them
 * ({@link SearchIndex}, told by src/middleware.ts); run on its own, this reads every page of dist/.
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

/** Pages with Pagefind's service at once: it indexes them in parallel, and more would only wait in memory. */
const IN_FLIGHT = 16;

/**
 * A search index being filled: pages are added as they are written ({@link SearchIndex.written},
 * told by the pages' build, src/middleware.ts), and {@link SearchIndex.finish} adds every HTML
 * file of the site not added so, then writes the index. A failure (a page that is not there,
 * Pagefind's errors) is reported by finish().
 */
export class SearchIndex {
  /** Each page added, with the length of the file when it was read (null: read in finish). */
  private readonly added = new Map<string, number | null>();
  /** Pages written and not read yet: each is read when fewer than {@link IN_FLIGHT} are with Pagefind. */
  private readonly queue: { site: string; path: string }[] = [];
  private next = 0;
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private failure: Error | undefined;
  private finishing = false;
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

  /** Adds the page written to `site/<path>` (`fi/area/ku091/index.html`); it is read in turn. */
  written(site: string, path: string): void {
    if (this.finishing) return this.fail(new Error(`search index: the pages' build told of ${path} after it had ended`));
    this.queue.push({ site, path });
    this.pump();
  }

  /** Records the first failure, for finish() to throw. */
  fail(err: Error): void {
    this.failure ??= err;
  }

  private pump(): void {
    while (this.inFlight < IN_FLIGHT && this.next < this.queue.length) {
      const { site, path } = this.queue[this.next++]!;
      const file = join(site, path);
      if (!existsSync(file)) {
        this.fail(new Error(`search index: the pages' build wrote ${path}, which is not in ${site}`));
        continue;
      }
      const bytes = readFileSync(file);
      void this.send(path, bytes.toString('utf8'), bytes.length);
    }
    if (this.inFlight === 0 && this.next === this.queue.length) this.drained?.();
  }

  private send(sourcePath: string, html: string, length: number | null): Promise<void> {
    this.added.set(sourcePath, length);
    this.inFlight++;
    return this.index
      .addHTMLFile({ sourcePath, content: indexedHtml(html) })
      .then(
        (added) => {
          if (added.errors.length) this.fail(new Error(`pagefind: ${sourcePath}: ${added.errors.join('; ')}`));
          else if (added.file) this.pages++;
        },
        (err: unknown) => this.fail(err as Error),
      )
      .finally(() => {
        this.inFlight--;
        this.pump();
      });
  }

  /** Adds the HTML files of `site` not added yet, writes the index to `site/pagefind/`; returns the number of pages indexed. */
  async finish(site: string): Promise<number> {
    this.finishing = true;
    await new Promise<void>((resolvePromise) => {
      this.drained = resolvePromise;
      this.pump();
    });
    if (this.failure) throw this.failure;
    // A page read while it was still being written would be indexed in part: refuse it.
    for (const [path, length] of this.added) {
      const now = existsSync(join(site, path)) ? statSync(join(site, path)).size : null;
      if (length !== null && now !== length) throw new Error(`search index: ${path} changed after it was indexed (${length} bytes then, ${now === null ? 'no file' : `${now} bytes`} now)`);
    }
    const files = htmlFiles(site).filter((f) => !relative(site, f).startsWith('pagefind/') && !this.added.has(relative(site, f)));
    for (let i = 0; i < files.length; i += IN_FLIGHT) await Promise.all(files.slice(i, i + IN_FLIGHT).map((file) => this.send(relative(site, file), readFileSync(file, 'utf8'), null)));
    if (this.failure) throw this.failure;
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
