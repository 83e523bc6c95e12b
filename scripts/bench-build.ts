/**
 * Benchmark of the site build: runs the whole build (validate, derive, Astro pages, search
 * index) and prints its time, then the gzip size of the HTML, CSS and JS of one page of each
 * type, and the size of dist/.
 *
 * Usage: npm run bench:build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib/args.ts';

const DIST = join(ROOT, 'dist');
const PAGES: [string, string][] = [
  ['front page', 'fi/index.html'],
  ['employment area', 'fi/area/ta19/index.html'],
  ['municipality', 'fi/area/ku091/index.html'],
  ['region', 'fi/area/mk07/index.html'],
  ['indicator', 'fi/indicator/unemployment-share/index.html'],
  ['methodology', 'fi/methodology/unemployment-share/index.html'],
  ['progress (theme)', 'fi/progress/index.html'],
  ['compare', 'fi/compare/index.html'],
  ['practice', 'fi/practices/index.html'],
  ['search', 'fi/search/index.html'],
];

const kib = (n: number) => (n / 1024).toFixed(1).padStart(7);

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

const t0 = performance.now();
const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const seconds = (performance.now() - t0) / 1000;
if (r.status !== 0) {
  console.error(r.stdout.slice(-3000), r.stderr.slice(-3000));
  process.exit(1);
}
const built = /(\d+) page\(s\) built/.exec(r.stdout)?.[1] ?? '?';
console.log(`Full build (validate + derive + ${built} pages + search index): ${seconds.toFixed(1)} s   (target: under 60 s on 2 cores)`);
console.log('\npage type           HTML gz   CSS gz    JS gz   total gz  (KiB; target for area and indicator pages: under 60 KiB)');
for (const [label, file] of PAGES) {
  const path = join(DIST, file);
  if (!existsSync(path)) continue;
  const html = readFileSync(path);
  const text = html.toString('utf8');
  const refs = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!).filter((u) => u.startsWith('/') && existsSync(join(DIST, u)));
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).reduce((a, u) => a + gzipSync(readFileSync(join(DIST, u))).length, 0) + [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].length * 0;
  const js = refs(/<script[^>]+src="([^"]+)"/g).reduce((a, u) => a + gzipSync(readFileSync(join(DIST, u))).length, 0);
  const h = gzipSync(html).length;
  console.log(`${label.padEnd(18)} ${kib(h)}  ${kib(css)}  ${kib(js)}  ${kib(h + css + js)}`);
}
const size = dirSize(DIST);
console.log(`\ndist/: ${size.files} files, ${(size.bytes / 1024 / 1024).toFixed(1)} MiB`);
