/**
 * Shared helpers for the data-pipeline tests: the project root, the shared real data, running a
 * stage script as a child process with the test's own Node, a digest of every byte of a folder,
 * and looking up one cell of a JSON-stat dataset by its codes.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { categoryCodes } from '../../src/lib/jsonstat.ts';
import type { JsonStatDataset } from '../../src/schema/raw.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The real public data beside the project (../shared/data). */
export const SHARED = join(ROOT, '..', 'shared', 'data');
export const BAD_FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> ...args` in the project root with the same Node as the tests. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** sha256 of every file under `dir`, by relative path (empty if the folder does not exist). */
export function folderDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/**
 * The value and status of the cell of `ds` at the given codes (every dimension must be named).
 * Written independently of the code under test: plain row-major indexing over `id` and `size`.
 */
export function cellAt(ds: JsonStatDataset, codes: Record<string, string>): { value: number | null; status: string | null } {
  let pos = 0;
  ds.id.forEach((id, k) => {
    const code = codes[id];
    if (code === undefined) throw new Error(`cellAt: no code given for dimension ${id}`);
    const i = categoryCodes(ds, id).indexOf(code);
    if (i < 0) throw new Error(`cellAt: ${code} is not a category of ${id}`);
    pos = pos * ds.size[k]! + i;
  });
  const value = Array.isArray(ds.value) ? ds.value[pos] : ds.value[String(pos)];
  const st = ds.status === undefined ? undefined : Array.isArray(ds.status) ? ds.status[pos] : ds.status[String(pos)];
  return { value: value ?? null, status: st ?? null };
}

/**
 * Splits one CSV line (no line breaks inside fields) into fields, removing quotes. A small
 * reader of its own, so that tests do not read source files with the parser they test.
 */
export function splitLine(line: string, delimiter = ','): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Reads a small CSV file of ../shared/data as records (header from the first line; CRLF or LF). */
export function readSharedCsv(path: string, delimiter = ','): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = splitLine(lines[0]!, delimiter);
  return lines.slice(1).map((l) => {
    const f = splitLine(l, delimiter);
    return Object.fromEntries(header.map((h, k) => [h, f[k] ?? '']));
  });
}
