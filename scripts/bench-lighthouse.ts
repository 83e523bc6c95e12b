/**
 * Lighthouse benchmark of the built site: serves dist/ on 127.0.0.1 (gzip, like a production
 * host), launches headless Chromium and runs Lighthouse on one page of each type with its
 * defaults (mobile emulation, simulated throttling), after one unmeasured warm-up run. Each page
 * is measured --runs times (default 3) and the run with the median performance score is kept.
 * Prints the four category scores, LCP, TBT and CLS per page, and marks pages below target
 * (performance >= 95, accessibility = 100) with the audits that cost them points. TBT depends on
 * CPU load, so run it on an otherwise idle machine. A benchmark, not a test: it exits non-zero
 * only if Lighthouse cannot run, never because of a score.
 *
 * Usage: npm run build && npm run bench:lighthouse [-- --runs 3 --json <dir>]
 *   --json saves each kept report as JSON; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { option, ROOT } from './lib/args.ts';
import { BENCH_PAGES } from './lib/page-types.ts';
import { serveFolder } from './lib/static-server.ts';

const DIST = join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const JSON_DIR = option('json');
const RUNS = Math.max(1, Number(option('runs', '3')) || 1);
const TARGET = { performance: 95, accessibility: 100 };
const PAGES = BENCH_PAGES;


/** The parts of a Lighthouse result this script reads. */
interface AuditRef { id: string; weight: number }
interface Category { score: number | null; auditRefs: AuditRef[] }
interface Audit { score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string }
interface Lhr {
  runtimeError?: { code: string; message: string };
  categories: Record<string, Category | undefined>;
  audits: Record<string, Audit | undefined>;
}

if (!existsSync(join(DIST, 'fi', 'index.html'))) {
  console.error('dist/ is missing or incomplete: run `npm run build` first.');
  process.exit(1);
}

const { server, origin } = await serveFolder(DIST, { gzip: true });

let chrome: Awaited<ReturnType<typeof launch>>;
try {
  if (!existsSync(CHROMIUM)) throw new Error('no such file');
  chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], logLevel: 'error' });
} catch (e) {
  console.error(`Cannot launch Chromium at ${CHROMIUM} (set CHROMIUM_PATH): ${(e as Error).message}`);
  server.close();
  process.exit(1);
}

const score = (lhr: Lhr, id: string) => {
  const s = lhr.categories[id]?.score;
  return s == null ? NaN : Math.round(s * 100);
};
const num = (lhr: Lhr, id: string) => lhr.audits[id]?.numericValue ?? NaN;
/** Scored audits of a category that did not pass, heaviest first, with their display value. */
function losses(lhr: Lhr, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((r) => r.weight > 0)
    .map((r) => ({ r, a: lhr.audits[r.id] }))
    .filter(({ a }) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'informative')
    .sort((x, y) => y.r.weight - x.r.weight)
    .map(({ r, a }) => `${r.id} (score ${Math.round(a!.score! * 100)}${a!.displayValue ? `, ${a!.displayValue}` : ''})`);
}

const pad = (v: number | string, n: number) => String(Number.isNaN(v) ? '-' : v).padStart(n);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run; throws if Lighthouse could not measure the page. */
async function run(url: string): Promise<Lhr> {
  const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES });
  const lhr = result?.lhr as unknown as Lhr | undefined;
  if (!lhr) throw new Error('no result');
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return lhr;
}

console.log(`Lighthouse on ${PAGES.length} pages: mobile emulation, simulated throttling, median of ${RUNS} run(s) by performance score`);
console.log(`(${origin}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores: TBT rises with CPU load)`);
console.log(`targets: performance >= ${TARGET.performance}, accessibility = ${TARGET.accessibility}\n`);
console.log('page type           perf  a11y  best   seo   LCP s  TBT ms    CLS');
const notes: string[] = [];
let failed = false;
try {
  await run(`${origin}${PAGES[0]![1]}`); // warm-up: the first run after launch is slower
} catch {
  // a real failure shows up again on the first measured page
}
for (const [label, path] of PAGES) {
  try {
    const runs: Lhr[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(`${origin}${path}`));
    runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const lhr = runs[Math.floor(runs.length / 2)]!;
    if (JSON_DIR) {
      mkdirSync(JSON_DIR, { recursive: true });
      writeFileSync(join(JSON_DIR, `${label.replace(/\W+/g, '-').replace(/-$/, '')}.json`), JSON.stringify(lhr, null, 1));
    }
    const perf = score(lhr, 'performance');
    const a11y = score(lhr, 'accessibility');
    const below: string[] = [];
    if (!(perf >= TARGET.performance)) below.push('performance');
    if (!(a11y >= TARGET.accessibility)) below.push('accessibility');
    console.log(
      `${label.padEnd(18)} ${pad(perf, 5)} ${pad(a11y, 5)} ${pad(score(lhr, 'best-practices'), 5)} ${pad(score(lhr, 'seo'), 5)}` +
        ` ${pad((num(lhr, 'largest-contentful-paint') / 1000).toFixed(2), 7)} ${pad(Math.round(num(lhr, 'total-blocking-time')), 7)} ${pad(num(lhr, 'cumulative-layout-shift').toFixed(3), 6)}` +
        (below.length ? `  << BELOW TARGET: ${below.join(', ')}` : ''),
    );
    for (const c of below) notes.push(`${label} (${path}) ${c}: ${losses(lhr, c).join('; ') || '(no single failing audit)'}`);
  } catch (e) {
    failed = true;
    console.log(`${label.padEnd(18)} ERROR: Lighthouse could not run: ${(e as Error).message}`);
  }
}
if (notes.length) console.log(`\nBelow target (audits scoring under 90):\n- ${notes.join('\n- ')}`);
chrome.kill();
server.close();
process.exit(failed ? 1 : 0);
