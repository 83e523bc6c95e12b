/**
 * Benchmark of the whole build at full size: builds the site (validate, derive, pages, downloads,
 * search index) in a temporary copy of the project from a generated dataset the size of a full
 * live refresh (all of 12r5 from 2006M01 to the latest released month for every area × 23
 * contents, 12u4 and 135z to the same month, the other sources as in the snapshot; see
 * scripts/lib/full-size-input.ts) and prints the time of each stage, the peak memory of the
 * process tree (resident set of every process of the stage summed, sampled every 200 ms), the
 * size and file count of dist/ and its largest files, against the targets for a static host.
 * The generated numbers never reach data/ or dist/ of the project.
 *
 * Usage: npm run bench:full [-- --keep] [-- --from <shared data folder>]
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, flag, sharedDataDir } from './lib/args.ts';
import { writeFullSizeInput } from './lib/full-size-input.ts';
import { siteTimes } from './lib/site-times.ts';

const MiB = 1024 * 1024;
const PAGE = 4096;

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces: the fields after it start behind the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(pid);
    } catch {
      // The process ended while we read.
    }
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

interface Stage {
  stage: string;
  seconds: number;
  peak: number;
  output: string;
}

/** Runs a stage in `cwd`, sampling the memory of its process tree. */
function runStage(stage: string, cwd: string, args: string[]): Promise<Stage> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`${stage} failed (exit code ${code}):\n${output.slice(-4000)}`));
      else resolvePromise({ stage, seconds, peak, output });
    });
  });
}

/** Every file under a folder with its size. */
function filesOf(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ path: p, size: statSync(p).size });
    }
  };
  walk(dir);
  return out;
}

/** A copy of the project that builds on its own: sources and data, node_modules linked. */
function copyProject(to: string): void {
  const skip = new Set(['node_modules', 'dist', '.git', '.reports', 'test-results', 'playwright-report', '.astro']);
  const skipData = new Set(['derived', 'downloads', '.acquire-cache', 'raw']);
  for (const name of readdirSync(ROOT)) {
    if (skip.has(name)) continue;
    if (name === 'data') {
      mkdirSync(join(to, 'data'));
      for (const d of readdirSync(join(ROOT, 'data'))) if (!skipData.has(d) && !d.startsWith('.raw-staging')) cpSync(join(ROOT, 'data', d), join(to, 'data', d), { recursive: true });
    } else cpSync(join(ROOT, name), join(to, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}

async function main(): Promise<void> {
  const shared = sharedDataDir();
  if (!existsSync(join(shared, 'tyonv', '12r5_2026M06_pxweb.json'))) {
    console.log(`The shared real data are not at ${shared}; pass --from <folder>.`);
    process.exitCode = 1;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'tilannekuva-full-'));
  try {
    const project = join(work, 'project');
    mkdirSync(project);
    copyProject(project);
    const { cells, months } = writeFullSizeInput(shared, join(work, 'input'));
    console.log(`Node ${process.version}; generated 12r5 input: ${months.length} months (${months[0]}…${months.at(-1)}) × every area × 23 contents = ${cells.toLocaleString('en')} cells, plus 12u4 and 135z to ${months.at(-1)} and the other sources of the snapshot (timing material only, in ${work})`);
    // Preparation, not part of the build: the acquire stage turns the files into data/raw/.
    await runStage('acquire-files', project, [join(project, 'scripts', 'acquire-files.ts'), '--from', join(work, 'input')]);

    const stages: Stage[] = [];
    for (const [stage, script] of [['validate', 'validate.ts'], ['derive', 'derive.ts'], ['site', 'build-site.ts']] as const) {
      stages.push(await runStage(stage, project, [join(project, 'scripts', script)]));
    }
    const site = stages[2]!;
    const derive = /derive: (\d+) observations/.exec(stages[1]!.output);
    const split = siteTimes(site.output);
    const total = stages.reduce((a, s) => a + s.seconds, 0);
    const peak = Math.max(...stages.map((s) => s.peak));

    const dist = join(project, 'dist');
    const files = filesOf(dist);
    const bytes = files.reduce((a, f) => a + f.size, 0);
    const largest = [...files].sort((a, b) => b.size - a.size);
    const over = files.filter((f) => f.size > 25 * MiB);
    const folder = (sub: string) => {
      const fs = files.filter((f) => relative(dist, f.path).startsWith(sub + '/'));
      return `${fs.length} files, ${(fs.reduce((a, f) => a + f.size, 0) / MiB).toFixed(1)} MiB`;
    };

    console.log(`\nobservations: ${derive ? Number(derive[1]).toLocaleString('en') : '?'}`);
    console.log('stage                         seconds   peak MiB (process tree)');
    for (const s of stages) console.log(`${s.stage.padEnd(28)} ${s.seconds.toFixed(1).padStart(8)} ${(s.peak / MiB).toFixed(0).padStart(10)}`);
    if (split) console.log(`  of which pages ${split.pages} s ${split.parallel ? '∥' : 'then'} downloads ${split.downloads} s, search index (${split.indexedPages} pages) ${split.searchIndex} s from the end of the pages, beside the downloads`);
    const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
    console.log(`\nwhole build            ${total.toFixed(1).padStart(8)} s     target under 90 s      ${mark(total < 90)}`);
    console.log(`peak memory            ${(peak / MiB).toFixed(0).padStart(8)} MiB   target under 3 GB      ${mark(peak < 3e9)}`);
    console.log(`dist/ size             ${(bytes / MiB).toFixed(0).padStart(8)} MiB   target under 600 MB    ${mark(bytes < 600e6)}`);
    console.log(`dist/ files            ${String(files.length).padStart(8)}       target under 20,000    ${mark(files.length < 20000)}`);
    console.log(`largest file           ${(largest[0]!.size / MiB).toFixed(1).padStart(8)} MiB   target at most 25 MiB  ${mark(over.length === 0)}   ${relative(dist, largest[0]!.path)}`);
    console.log(`\nlargest files: ${largest.slice(0, 5).map((f) => `${relative(dist, f.path)} ${(f.size / MiB).toFixed(1)} MiB`).join('; ')}`);
    console.log(`pages: fi/ ${folder('fi')}; sv/ ${folder('sv')}; en/ ${folder('en')}`);
    console.log(`downloads: data/ ${folder('data')}; search index: pagefind/ ${folder('pagefind')}`);
    for (const sub of readdirSync(join(dist, 'data'), { withFileTypes: true }).filter((e) => e.isDirectory())) console.log(`  data/${sub.name}/: ${folder(`data/${sub.name}`)}`);
  } finally {
    if (flag('keep')) console.log(`\nkept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
