/**
 * Shared helpers for the data-pipeline tests: the project root and fixture folders, running a
 * stage script as a child process with the test's own Node, a digest of every byte of a folder,
 * a small JSON-stat reader and a small CSV line splitter of the tests' own.
 *
 * Everything here lives inside the repository: the tests must pass on a fresh clone, where the
 * real data beside the project (../shared/data) does not exist.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BAD_FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad');
/**
 * Small real excerpts of ../shared/data with the same layout and file names, for running the
 * acquire CLI (tests/fixtures/shared-mini/README.md).
 */
export const SHARED_MINI = join(ROOT, 'tests', 'fixtures', 'shared-mini');

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

/** The parts of a JSON-stat 2.0 dataset the tests read (plain JSON, as written to disk). */
export interface JsonStatLike {
  id: string[];
  size: number[];
  dimension: Record<string, { category: { index?: string[] | Record<string, number>; label?: Record<string, string> } }>;
  value: (number | null)[] | Record<string, number | null>;
  status?: string | (string | null)[] | Record<string, string>;
}

/** One cell of a dataset: its number, or `null`, and the status symbol the source gave it. */
export interface StatCell {
  value: number | null;
  status: string | null;
}

/** A JSON-stat dataset opened for lookups by code. */
export interface StatTable {
  /** The category codes of dimension `id`, in the dataset's order. */
  codes(id: string): string[];
  /** The cell at the given codes (every dimension must be named). */
  cell(codes: Record<string, string>): StatCell;
}

/**
 * Opens a JSON-stat 2.0 dataset for lookups. Written independently of the code under test
 * (src/lib/jsonstat.ts, src/site/raw-cells.ts): plain row-major indexing over `id` and `size`,
 * following the JSON-stat 2.0 rules for `index` (array, object or absent with one label), `value`
 * and `status` (array, object, or one string for every cell).
 */
export function jsonStat(ds: JsonStatLike): StatTable {
  const codes = new Map<string, string[]>();
  const position = new Map<string, Map<string, number>>();
  ds.id.forEach((id, k) => {
    const category = ds.dimension[id]?.category;
    if (!category) throw new Error(`jsonStat: no dimension ${id}`);
    const index = category.index;
    let list: string[];
    if (Array.isArray(index)) list = [...index];
    else if (index) {
      list = [];
      for (const [code, i] of Object.entries(index)) list[i] = code;
    } else list = Object.keys(category.label ?? {});
    if (list.length !== ds.size[k] || list.some((c) => c === undefined)) throw new Error(`jsonStat: dimension ${id} does not have ${ds.size[k]} categories`);
    codes.set(id, list);
    position.set(id, new Map(list.map((c, i) => [c, i])));
  });
  return {
    codes(id) {
      const list = codes.get(id);
      if (!list) throw new Error(`jsonStat: no dimension ${id}`);
      return [...list];
    },
    cell(at) {
      let pos = 0;
      ds.id.forEach((id, k) => {
        const code = at[id];
        if (code === undefined) throw new Error(`jsonStat: no code given for dimension ${id}`);
        const i = position.get(id)!.get(code);
        if (i === undefined) throw new Error(`jsonStat: ${code} is not a category of ${id}`);
        pos = pos * ds.size[k]! + i;
      });
      const value = Array.isArray(ds.value) ? ds.value[pos] : ds.value[String(pos)];
      const st = ds.status === undefined ? undefined : typeof ds.status === 'string' ? ds.status : Array.isArray(ds.status) ? ds.status[pos] : ds.status[String(pos)];
      return { value: value ?? null, status: st ?? null };
    },
  };
}

/** Reads a JSON-stat 2.0 file (e.g. one of data/raw) and opens it with {@link jsonStat}. */
export function readJsonStat(path: string): StatTable {
  return jsonStat(JSON.parse(readFileSync(path, 'utf8')) as JsonStatLike);
}

/** The value and status of the cell of `ds` at the given codes (every dimension must be named). */
export function cellAt(ds: JsonStatLike, codes: Record<string, string>): StatCell {
  return jsonStat(ds).cell(codes);
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

/** Reads a small CSV file as records (header from the first line; CRLF or LF; no line breaks inside fields). */
export function readCsvRecords(path: string, delimiter = ','): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = splitLine(lines[0]!, delimiter);
  return lines.slice(1).map((l) => {
    const f = splitLine(l, delimiter);
    return Object.fromEntries(header.map((h, k) => [h, f[k] ?? '']));
  });
}
