/**
 * Builds the site from data/derived/: the Astro pages and the downloads, the search index once
 * the pages are there (beside the downloads still being written), then the downloads are copied
 * into dist/data/, the file sizes filled in (datapackage.json and the catalogue pages) and the
 * security headers written to dist/_headers.
 *
 * The pages and the downloads are built by two processes side by side, one per core. Each holds
 * the whole derived data, parsed once (src/site/load-cache.ts): side by side, the downloads'
 * process parses it first, while Vite builds the pages' bundles, and the pages' process waits for
 * that parse and reads it back; one after the other, the pages parse and the downloads read.
 * At the size of a full refresh (2.9 million observations) each holds
 * about 1.3 GB at most, with the points in typed columns (src/site/point-store.ts), and the whole
 * build stays under 3 GB (npm run bench:full measures it). TILANNEKUVA_BUILD=sequential builds
 * them one after the other, for a machine with less memory: the bulk files, cut from the derived
 * CSV files without loading the series (scripts/build-downloads.ts --part bulk), are then written
 * beside the pages, and the rest of the downloads after both (--part site).
 *
 * Usage: npm run build (which first runs validate and derive)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runMain } from './lib/args.ts';
import { headersFile } from '../src/lib/security.ts';
import { SearchIndex } from './index-search.ts';
import { fillPackageBytes } from './lib/package-bytes.ts';
import { LANGS, formatNumber } from '../src/i18n/index.ts';
import { derivedDir } from '../src/site/site.ts';

/**
 * The children's old generation is capped: left alone, V8 let the downloads' heap grow to 896 MB
 * before collecting it back to 168 MB (full size), and the build's peak reached 2.7–2.8 GiB. The
 * most either child keeps alive at full size is 289 MB (the pages; the downloads 190 MB), so the
 * cap leaves room for 2.6 times that.
 */
const NODE_FLAGS = ['--max-old-space-size=768'];

/**
 * The build's folder where the first child to load the derived data saves its parse for the other
 * (src/site/load-cache.ts): one parse of 7–9 s at full size instead of two. Made afresh for each
 * build, removed at its end.
 */
const loadCache = mkdtempSync(join(tmpdir(), 'tilannekuva-load-'));

/** The children still running (stopped when another part of the build fails). */
const running = new Set<ChildProcess>();

/**
 * Runs a child process with `extraEnv` added to its environment; resolves with its time in
 * seconds. With `onMessage`, the child gets a message channel and its messages are handed over.
 */
function run(label: string, command: string, args: string[], onMessage?: (message: unknown) => void, extraEnv: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolvePromise, reject) => {
    const stdio: ('ignore' | 'inherit' | 'ipc')[] = onMessage ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'];
    const child = spawn(command, args, { cwd: ROOT, stdio, env: { ...process.env, ...extraEnv, TILANNEKUVA_LOAD_CACHE: loadCache } });
    running.add(child);
    if (onMessage) child.on('message', onMessage);
    child.on('error', reject);
    // 'close', not 'exit': every message of the child has been handed over by then.
    child.on('close', (code) => {
      running.delete(child);
      if (code === 0) resolvePromise((performance.now() - t0) / 1000);
      else reject(new Error(`${label} failed (exit code ${code})`));
    });
  });
}

/**
 * The catalogue pages (/<lang>/downloads/) are rendered beside the downloads, before the files
 * exist; their `<data value="size:<path>"></data>` marks get each file's size from
 * datapackage.json's `bytes` here, in the page's number format.
 */
function fillCatalogueSizes(dist: string): void {
  const pkg = JSON.parse(readFileSync(join(dist, 'data', 'datapackage.json'), 'utf8')) as { resources: { path: string; bytes?: number }[] };
  const bytes = new Map(pkg.resources.map((r) => [r.path, r.bytes]));
  bytes.set('datapackage.json', statSync(join(dist, 'data', 'datapackage.json')).size);
  for (const lang of LANGS) {
    const page = join(dist, lang, 'downloads', 'index.html');
    if (!existsSync(page)) continue;
    const html = readFileSync(page, 'utf8').replace(/<data value="size:([^"]+)"><\/data>/g, (_, path: string) => {
      const n = bytes.get(path);
      if (n === undefined) throw new Error(`${page}: no size for ${path} in datapackage.json`);
      // A no-break space keeps the number with its unit in narrow table cells.
      const text = n >= 1e6 ? `${formatNumber(lang, n / 1e6, 1)}\u00a0MB` : `${formatNumber(lang, Math.max(1, Math.round(n / 1e3)), 0)}\u00a0kB`;
      return `<data value="${n}">${text}</data>`;
    });
    writeFileSync(page, html);
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const downloads = join(ROOT, 'data', 'downloads');
  const choice = process.env.TILANNEKUVA_BUILD;
  if (choice !== undefined && choice !== 'parallel' && choice !== 'sequential') throw new Error(`TILANNEKUVA_BUILD is "${choice}": use parallel or sequential`);
  const sequential = choice === 'sequential';
  if (!existsSync(join(derivedDir(), 'observations.csv'))) throw new Error(`${derivedDir()}/observations.csv is missing: run npm run data (validate + derive) before building the site`);
  const dist = join(ROOT, 'dist');
  rmSync(downloads, { recursive: true, force: true });
  // Each page goes to the search index as soon as it is written: when the next one starts (src/middleware.ts).
  const search = await SearchIndex.create();
  let previous: string | undefined;
  const fed = (message: unknown) => {
    const starts = (message as { starts?: unknown } | null)?.starts;
    if (typeof starts !== 'string') return search.fail(new Error(`search index: an unexpected message from the pages' build: ${JSON.stringify(message)}`));
    if (previous !== undefined) search.written(dist, previous);
    previous = starts;
  };
  const pagesBuilt = run('astro build', process.execPath, [...NODE_FLAGS, join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], fed, { TILANNEKUVA_SEARCH_FEED: '1' });
  const downloadsPart = (...args: string[]) => () => run(`downloads ${args.join(' ')}`, process.execPath, [...NODE_FLAGS, join(ROOT, 'scripts', 'build-downloads.ts'), '--out', downloads, ...args]);
  let bulkWritten: Promise<number | null> = Promise.resolve(null);
  let downloadsWritten: Promise<number>;
  if (sequential) {
    console.error('build-site: TILANNEKUVA_BUILD=sequential: pages, then downloads (one at a time, to bound memory); the bulk files beside the pages');
    // The bulk files are cut from the derived CSV files without loading the series, so they are
    // written beside the pages; the rest of the downloads (which lists them) after both.
    bulkWritten = downloadsPart('--part', 'bulk')();
    downloadsWritten = Promise.all([pagesBuilt, bulkWritten]).then(downloadsPart('--part', 'site'));
  } else downloadsWritten = downloadsPart()();
  // The search index is written as soon as the pages are there (any page not handed over while
  // rendered is read from dist/ then), beside the downloads still being written (Pagefind indexes
  // in its own process); the downloads are copied in and the catalogue's sizes filled after
  // both, so the index never sees them half-way.
  const searchIndexed = pagesBuilt.then(async () => {
    if (!existsSync(dist)) throw new Error('astro build wrote no dist/');
    const t1 = performance.now();
    return { pages: await search.finish(dist), seconds: (performance.now() - t1) / 1000 };
  });
  const [astro, dl, indexed, bulk] = await Promise.all([pagesBuilt, downloadsWritten, searchIndexed, bulkWritten]).catch((err: unknown) => {
    // One part failed: stop the others rather than let them write on after the build has failed.
    for (const child of running) child.kill();
    throw err;
  });
  fillPackageBytes(downloads);
  cpSync(downloads, join(dist, 'data'), { recursive: true });
  fillCatalogueSizes(dist);
  writeFileSync(join(dist, '_headers'), headersFile());
  console.error(
    `build-site: pages ${astro.toFixed(1)} s and downloads ${dl.toFixed(1)} s ${sequential ? 'one after the other' : 'side by side'}; search index of ${indexed.pages} pages ${indexed.seconds.toFixed(1)} s from the end of the pages; total ${((performance.now() - t0) / 1000).toFixed(1)} s${bulk === null ? '' : `; bulk files ${bulk.toFixed(1)} s beside the pages`}`,
  );
}

/** Removes the build's load folder (retrying while a stopped child may still be closing a file in it). */
const removeLoadCache = () => rmSync(loadCache, { recursive: true, force: true, maxRetries: 5 });
// Interrupted (Ctrl-C, a CI timeout): the folder (hundreds of megabytes at full size) goes too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill();
    removeLoadCache();
    // The shell's code for a process ended by a signal: 130 for SIGINT, 143 for SIGTERM.
    process.exit(128 + constants.signals[signal]);
  });
}
runMain(() => main().finally(removeLoadCache));
