/**
 * Benchmark of the site build and of what a reader downloads, printed against the targets of
 * ../shared/docs/design.md:
 *
 * - the build time split by stage: validate + derive, pages (Astro) and downloads (side by side),
 *   search index, and the whole;
 * - for one page of each type, what the browser fetches on load (served from dist/ on
 *   127.0.0.1, loaded in Debian's Chromium): the number of requests and the gzip size of the
 *   HTML, CSS, JavaScript and data, before anything is clicked or searched;
 * - the size of the search index and of the download files, and of dist/.
 *
 * Usage: npm run bench (or npm run bench:build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ROOT } from './lib/args.ts';
import { BENCH_PAGES } from './lib/page-types.ts';
import { serveFolder } from './lib/static-server.ts';
import { siteTimes } from './lib/site-times.ts';

const DIST = join(ROOT, 'dist');
const PAGES = BENCH_PAGES;

const kib = (n: number) => (n / 1024).toFixed(1).padStart(8);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    if (s.isDirectory()) {
      const d = dirSize(p);
      bytes += d.bytes;
      files += d.files;
    } else {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

function timed(label: string, command: string, args: string[]): { seconds: number; output: string } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(`${label} failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    process.exit(1);
  }
  return { seconds, output: r.stdout + r.stderr };
}

const data = timed('validate + derive', 'npm', ['run', '-s', 'data']);
const site = timed('site', process.execPath, [join(ROOT, 'scripts', 'build-site.ts')]);
const m = siteTimes(site.output);
const pages = /(\d+) page\(s\) built/.exec(site.output)?.[1] ?? '?';
const total = data.seconds + site.seconds;
console.log('build stage                                  seconds');
console.log(`validate + derive                           ${data.seconds.toFixed(1).padStart(7)}`);
if (m) {
  console.log(`pages (Astro, ${pages} pages)                 ${m.pages.toFixed(1).padStart(7)}   } ${m.parallel ? 'side by side on two cores' : 'one after the other'}`);
  console.log(`downloads (CSV, Excel, JSON-stat, archive)  ${m.downloads.toFixed(1).padStart(7)}   }`);
  console.log(`search index (Pagefind, ${m.indexedPages} pages)        ${m.searchIndex.toFixed(1).padStart(7)}   from the end of the pages`);
}
console.log(`whole build                                 ${total.toFixed(1).padStart(7)}   (target: under 60 s on 2 cores)`);

// What the browser fetches on load, per page type.
const { server, origin } = await serveFolder(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
console.log('\npage type          requests   HTML gz    CSS gz     JS gz   data gz   total gz   (KiB; target for area and indicator pages: under 60 KiB; compare JS under 150 KiB)');
for (const [label, path] of PAGES) {
  const page = await browser.newPage();
  const sizes = { document: 0, stylesheet: 0, script: 0, data: 0 };
  let requests = 0;
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    requests++;
    const type = res.request().resourceType();
    pending.push(
      res
        .body()
        .then((body) => {
          const gz = gzipSync(body).length;
          if (type === 'document') sizes.document += gz;
          else if (type === 'stylesheet') sizes.stylesheet += gz;
          else if (type === 'script') sizes.script += gz;
          else sizes.data += gz;
        })
        .catch(() => undefined),
    );
  });
  await page.goto(origin + path);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const sum = sizes.document + sizes.stylesheet + sizes.script + sizes.data;
  console.log(`${label.padEnd(18)} ${String(requests).padStart(8)} ${kib(sizes.document)}  ${kib(sizes.stylesheet)}  ${kib(sizes.script)}  ${kib(sizes.data)}   ${kib(sum)}`);
  await page.close();
}
await browser.close();
server.close();

const search = dirSize(join(DIST, 'pagefind'));
const downloads = dirSize(join(DIST, 'data'));
const all = dirSize(DIST);
console.log(`\nsearch index (all three languages): ${search.files} files, ${mib(search.bytes)}   (target: under 3 MB)`);
console.log(`downloads (dist/data): ${downloads.files} files, ${mib(downloads.bytes)}`);
for (const d of ['indicators', 'areas', 'charts', 'change-meter']) {
  if (existsSync(join(DIST, 'data', d))) {
    const s = dirSize(join(DIST, 'data', d));
    console.log(`  data/${d}/: ${s.files} files, ${mib(s.bytes)}`);
  }
}
for (const f of ['observations.csv', 'comparisons.csv', 'tilannekuva.zip', 'datapackage.json']) {
  if (existsSync(join(DIST, 'data', f))) console.log(`  data/${f}: ${mib(statSync(join(DIST, 'data', f)).size)}`);
}
console.log(`dist/: ${all.files} files, ${mib(all.bytes)}`);
