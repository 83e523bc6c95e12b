/**
 * File writing that never leaves anything half-written: single files are written to a temporary
 * name and renamed; a whole folder is rebuilt beside the old one and swapped in.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { processAlive } from '../../src/lib/process.ts';

/** SHA-256 of bytes or text, as lowercase hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads a file as bytes. */
export async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

/** Writes a file atomically: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes several files so that either all of them are replaced or none: every file is written to
 * a temporary name first, and only when all succeeded are they renamed into place.
 */
export async function writeFilesTogether(files: Map<string, string | Uint8Array>): Promise<void> {
  const temps: [string, string][] = [];
  try {
    for (const [path, data] of files) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      await writeFile(tmp, data);
      temps.push([tmp, path]);
    }
  } catch (err) {
    for (const [tmp] of temps) await rm(tmp, { force: true });
    throw err;
  }
  for (const [tmp, path] of temps) await rename(tmp, path);
}

/** JSON with two-space indentation and a final newline, so diffs stay readable. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Replaces the folder `target` with a new version in one step.
 *
 * `build` receives a staging folder that starts as a copy of `target` (so unchanged files carry
 * over) and writes the new version into it. Only if `build` resolves is the staging folder
 * swapped in: `target` → `target.old`, staging → `target`, then the old copy is removed. If
 * `build` throws, or the process dies, `target` is untouched; a swap interrupted between its two
 * renames is repaired by {@link recoverFolder} on the next run.
 */
export async function replaceFolder(target: string, build: (staging: string) => Promise<void>): Promise<void> {
  await recoverFolder(target);
  removeStaleStaging(target);
  const parent = dirname(target);
  const base = target.slice(parent.length + 1);
  const staging = join(parent, `.${base}-staging-${process.pid}`);
  const old = join(parent, `.${base}-old`);
  await rm(staging, { recursive: true, force: true });
  if (existsSync(target)) await cp(target, staging, { recursive: true });
  else await mkdir(staging, { recursive: true });
  try {
    await build(staging);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
}

/**
 * Removes staging folders (`.target-staging-<pid>` beside `target`) left behind by a run that was
 * killed while it built or swapped a new version: those whose process no longer exists, and any
 * older than `maxAgeMs` (a process id can be reused). A live run's own folder is never touched.
 * Returns the folders removed (relative names).
 */
export function removeStaleStaging(target: string, maxAgeMs = 6 * 3600_000): string[] {
  const parent = dirname(target);
  const base = target.slice(parent.length + 1);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${escaped}-staging-(\\d+)$`);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    const path = join(parent, name);
    let old: boolean;
    try {
      old = Date.now() - statSync(path).mtimeMs > maxAgeMs;
    } catch {
      continue;
    }
    if (processAlive(pid) && !old) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Restores `target` from `.target-old` if a swap was interrupted after its first rename. */
export async function recoverFolder(target: string): Promise<void> {
  const parent = dirname(target);
  const base = target.slice(parent.length + 1);
  const old = join(parent, `.${base}-old`);
  if (!existsSync(target) && existsSync(old)) await rename(old, target);
  else if (existsSync(old)) await rm(old, { recursive: true, force: true });
}

/** A path relative to the project root, with forward slashes, for messages and manifests. */
export function rel(path: string, root = process.cwd()): string {
  return relative(root, path).split('\\').join('/');
}

/**
 * Writes large text files in pieces and puts them in place together: each file goes to a
 * temporary name; {@link commit} renames them all, {@link abort} removes them. Keeps memory flat
 * when a file has millions of rows.
 */
export class FileSetWriter {
  private readonly files = new Map<string, { tmp: string; fd: number }>();

  /** Starts (or continues) a file. */
  private open(path: string) {
    let f = this.files.get(path);
    if (!f) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      f = { tmp, fd: openSync(tmp, 'w') };
      this.files.set(path, f);
    }
    return f;
  }

  /** Appends text to a file. */
  write(path: string, text: string): void {
    if (text.length > 0) writeSync(this.open(path).fd, text);
  }

  /** Renames every file into place. */
  commit(): void {
    for (const f of this.files.values()) closeSync(f.fd);
    for (const [path, f] of this.files) renameSync(f.tmp, path);
    this.files.clear();
  }

  /** Removes every temporary file. */
  abort(): void {
    for (const f of this.files.values()) {
      try {
        closeSync(f.fd);
      } catch {
        // already closed
      }
      rmSync(f.tmp, { force: true });
    }
    this.files.clear();
  }
}
