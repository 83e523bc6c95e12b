/**
 * Builds the site from data/derived/: the Astro pages and the downloads run side by side (one
 * per core), then the downloads are copied into dist/data/, the security headers written to
 * dist/_headers, and the search index is built.
 *
 * Usage: npm run build (which first runs validate and derive)
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runMain } from './lib/args.ts';
import { headersFile } from '../src/lib/security.ts';
import { indexSearch } from './index-search.ts';

function run(label: string, command: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolvePromise((performance.now() - t0) / 1000);
      else reject(new Error(`${label} failed (exit code ${code})`));
    });
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const downloads = join(ROOT, 'data', 'downloads');
  const [astro, dl] = await Promise.all([
    run('astro build', process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']),
    run('downloads', process.execPath, [join(ROOT, 'scripts', 'build-downloads.ts'), '--out', downloads]),
  ]);
  if (!existsSync(join(ROOT, 'dist'))) throw new Error('astro build wrote no dist/');
  cpSync(downloads, join(ROOT, 'dist', 'data'), { recursive: true });
  writeFileSync(join(ROOT, 'dist', '_headers'), headersFile());
  const t1 = performance.now();
  const pages = await indexSearch(join(ROOT, 'dist'));
  console.error(
    `build-site: pages ${astro.toFixed(1)} s and downloads ${dl.toFixed(1)} s side by side; search index of ${pages} pages ${((performance.now() - t1) / 1000).toFixed(1)} s; total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

runMain(main);
