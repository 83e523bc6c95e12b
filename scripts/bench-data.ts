/**
 * Benchmark of the data pipeline: prints the wall time and peak memory (resident set) of
 * acquire-from-files, validate and derive, (1) on the embedded snapshot's real inputs and
 * (2) on a generated dataset the size of a full live refresh (all of 12r5 from 2006-01 to the
 * latest released month × every area × all 23 contents; scripts/lib/full-size-input.ts, the same
 * generator as npm run bench:full). The generated numbers exist only in a temporary folder, are
 * made for timing, and never reach data/ or the site.
 *
 * Usage: npm run bench:data [-- --skip-generated]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, flag, sharedDataDir } from './lib/args.ts';
import { writeFullSizeInput } from './lib/full-size-input.ts';

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
      const { cells, months } = writeFullSizeInput(shared, gen);
      console.log(`\nGenerated 12r5 input: ${months.length} months (${months[0]}…${months.at(-1)}) × every area × 23 contents = ${cells.toLocaleString('en')} cells, 12u4 and 135z to the same month (timing material only)`);
      pipeline('Full live refresh size (generated)', gen, join(work, 'generated'));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
