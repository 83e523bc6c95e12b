/**
 * Benchmark of the data pipeline: prints the wall time and peak memory (resident set) of
 * acquire-from-files, validate and derive, (1) on the embedded snapshot's real inputs and
 * (2) on a generated dataset the size of a full live refresh of table 12r5 (20 years × every
 * area × all 23 contents). The generated numbers exist only in a temporary folder, are made
 * for timing, and never reach data/ or the site.
 *
 * Usage: npm run bench:data [-- --skip-generated]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, flag, sharedDataDir } from './lib/args.ts';

interface StageResult {
  stage: string;
  seconds: number;
  peakMiB: number;
}

function runStage(stage: string, script: string, args: string[]): StageResult {
  const report = join(tmpdir(), `tilannekuva-bench-${process.pid}-${stage}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, TILANNEKUVA_BENCH_REPORT: report },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${stage} failed:\n${r.stderr}`);
  const { maxRssKiB } = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKiB: number };
  rmSync(report, { force: true });
  return { stage, seconds, peakMiB: maxRssKiB / 1024 };
}

function pipeline(label: string, from: string, work: string): void {
  const results = [
    runStage('acquire-files', 'acquire-files.ts', ['--from', from, '--out', join(work, 'raw')]),
    runStage('validate', 'validate.ts', ['--raw', join(work, 'raw'), '--out', join(work, 'validated')]),
    runStage('derive', 'derive.ts', ['--in', join(work, 'validated'), '--out', join(work, 'derived')]),
  ];
  const cells = JSON.parse(readFileSync(join(work, 'validated', 'snapshot.json'), 'utf8')).cells as number;
  const rows = readFileSync(join(work, 'derived', 'observations.csv'), 'utf8').split('\n').length - 2;
  console.log(`\n${label}: ${cells.toLocaleString('en')} source cells → ${rows.toLocaleString('en')} observations`);
  console.log('  stage            seconds   peak MiB');
  for (const r of results) console.log(`  ${r.stage.padEnd(15)} ${r.seconds.toFixed(2).padStart(8)} ${r.peakMiB.toFixed(0).padStart(10)}`);
  const total = results.reduce((a, r) => a + r.seconds, 0);
  const peak = Math.max(...results.map((r) => r.peakMiB));
  console.log(`  ${'total'.padEnd(15)} ${total.toFixed(2).padStart(8)} ${peak.toFixed(0).padStart(10)}   (target: under 20 s and 2048 MiB)`);
}

/**
 * Writes a PxWeb `json` response for 12r5 with `months` months × every area code of the real
 * 2026M06 response × its 23 contents. Values are generated deterministically from the real
 * 2026M06 values (scaled by a smooth seasonal factor) so that sizes and suppression patterns
 * are realistic; they are timing material only.
 */
function generateFullRefresh(realPath: string, outPath: string, months: number): number {
  const real = JSON.parse(readFileSync(realPath, 'utf8')) as { columns: unknown[]; data: { key: string[]; values: string[] }[]; metadata: unknown[] };
  const data: { key: string[]; values: string[] }[] = [];
  for (let m = 0; m < months; m++) {
    const y = 2026 - Math.floor((months - 1 - m + 6) / 12);
    const mm = ((5 - (months - 1 - m)) % 12 + 12) % 12 + 1;
    const period = `${y}M${String(mm).padStart(2, '0')}`;
    const factor = 1 + 0.1 * Math.sin((m / 12) * 2 * Math.PI);
    for (const row of real.data) {
      const values = row.values.map((v, k) => {
        if (v === '...' || k === 2 || k === 3) return v; // keep suppression, labour force and the published rate as they are
        return String(Math.round(Number(v) * factor));
      });
      data.push({ key: [row.key[0]!, period], values });
    }
  }
  writeFileSync(outPath, JSON.stringify({ ...real, data }));
  return data.length * 23;
}

function main(): void {
  const shared = sharedDataDir();
  const work = mkdtempSync(join(tmpdir(), 'tilannekuva-bench-'));
  try {
    if (!existsSync(join(shared, 'tyonv', '12r5_2026M06_pxweb.json'))) {
      console.log(`The shared real data are not at ${shared}; pass --from <folder>.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Node ${process.version}, ${process.arch}; inputs from ${shared}`);
    pipeline('Embedded snapshot (real data)', shared, join(work, 'snapshot'));
    if (!flag('skip-generated')) {
      const gen = join(work, 'generated-input');
      cpSync(shared, gen, { recursive: true });
      const cells = generateFullRefresh(join(shared, 'tyonv', '12r5_2026M06_pxweb.json'), join(gen, 'tyonv', '12r5_2026M06_pxweb.json'), 240);
      console.log(`\nGenerated 12r5 input: 240 months × 421 areas × 23 contents = ${cells.toLocaleString('en')} cells (timing material only)`);
      pipeline('Full live refresh size (generated)', gen, join(work, 'generated'));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
