/** Tiny command-line helpers shared by the stage scripts. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads `--name value` or `--name=value` from argv; returns `fallback` if absent. */
export function option(name: string, fallback: string): string;
export function option(name: string): string | undefined;
export function option(name: string, fallback?: string): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1] ?? fallback;
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return fallback;
}

/** True if `--name` is present. */
export function flag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}

/** The project root: the working directory npm runs scripts in. */
export const ROOT = process.cwd();

/** Folder of the shared real data (`../shared/data` beside the project, or `--from`). */
export function sharedDataDir(): string {
  return resolve(ROOT, option('from', process.env.TILANNEKUVA_SHARED_DATA ?? '../shared/data'));
}

/**
 * Runs a stage's main function: prints the error message (not a stack trace for input errors)
 * and exits with status 1 on failure.
 */
export function runMain(main: () => Promise<void>): void {
  // The benchmark asks each stage for its peak memory (resident set size).
  if (process.env.TILANNEKUVA_BENCH_REPORT) {
    const report = process.env.TILANNEKUVA_BENCH_REPORT;
    process.on('exit', () => {
      writeFileSync(report, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
    });
  }
  main().catch((err: unknown) => {
    const e = err as Error;
    if (e && e.name === 'InputError') console.error(`error: ${e.message}`);
    else console.error(e && e.stack ? e.stack : String(err));
    process.exit(1);
  });
}
