/**
 * The change-meter importer's reading and writing (the checks and the suppression are pure, in
 * `src/lib/change-meter/`): streaming the submitted file under the size limit, the registry,
 * every earlier release of an instrument (the published file and its git history), publishing
 * the result in one step after reading it back through the site's loader, and the private
 * record of the submission (its name and hash, never published).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { CsvSplitter, Utf8Decoder, readCsv, type CsvRecord } from '../../../src/lib/csv.ts';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { MAX_FILE_BYTES, RuleViolation } from '../../../src/lib/change-meter/rules.ts';
import { SubmissionReader, checkFileSize, importRows, type ChangeMeterImport } from '../../../src/lib/change-meter/import.ts';
import { formatReport, type Replaced } from '../../../src/lib/change-meter/report.ts';
import type { EarlierRow, SubmittedRow } from '../../../src/lib/change-meter/checks.ts';
import type { Solver } from '../../../src/lib/change-meter/solver.ts';
import { loadChangeMeter, loadRegistry, placeNames } from '../../../src/site/change-meter.ts';
import type { Reference } from '../validate/reference.ts';
import {
  CHANGE_METER_COLUMNS,
  CHANGE_METER_PUBLISHED_COLUMNS,
  ChangeMeterManifest,
  ChangeMeterPublishedCsvRow,
  type ChangeMeterInstrument,
  type ChangeMeterPublishedRow,
  type ChangeMeterRegistry,
} from '../../../src/schema/change-meter.ts';
import { rel, replaceFolder, toJson, writeFileAtomic } from '../fsx.ts';

/** The manifest's format id. */
const MANIFEST_FORMAT = 'tilannekuva-change-meter-manifest/2';

/**
 * Reads a submitted file as a stream (it is never held in memory whole): refuses it before
 * reading if it is larger than the limit, decodes UTF-8, splits records and checks each row as
 * it arrives. Returns the rows and the file's SHA-256 (for the private record).
 */
async function readSubmission(path: string, file: string, knownAreas: ReadonlySet<string>): Promise<{ rows: SubmittedRow[]; sha256: string }> {
  checkFileSize((await stat(path)).size, file);
  const decoder = new Utf8Decoder(file);
  const splitter = new CsvSplitter(',', file);
  const reader = new SubmissionReader(file, knownAreas);
  const hash = createHash('sha256');
  let bytes = 0;
  const take = (records: CsvRecord[]) => records.forEach((r) => reader.record(r));
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      const piece = chunk as Buffer;
      bytes += piece.length;
      if (bytes > MAX_FILE_BYTES) checkFileSize(bytes, file); // the file grew while being read
      hash.update(piece);
      take(splitter.push(decoder.push(new Uint8Array(piece.buffer, piece.byteOffset, piece.length))));
    }
    take(splitter.push(decoder.end()));
    take(splitter.end());
  } catch (err) {
    if (err instanceof InputError && !(err instanceof RuleViolation)) {
      // The byte-order mark sits in front of the first column name, where a spreadsheet hides it.
      const bom = /byte-order mark/.test(err.problem);
      throw new RuleViolation('file-format', bom ? { ...err.location, field: CHANGE_METER_COLUMNS[0] } : err.location, err.problem);
    }
    throw err;
  }
  return { rows: reader.end(), sha256: hash.digest('hex') };
}

/** Reads a published CSV text into rows (a release), naming `file` in errors. */
function publishedRows(text: string, file: string): ChangeMeterPublishedRow[] {
  const table = readCsv(new TextEncoder().encode(text), { file, columns: CHANGE_METER_PUBLISHED_COLUMNS });
  return table.rows.map(({ line, values }) => parseOrExplain(ChangeMeterPublishedCsvRow, values, { file, row: line }));
}

/** Runs git, or returns `null` if git or the repository is not there. */
function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/**
 * Every earlier release of an instrument: its published file now, and every version of that file
 * in the git history of any branch (a release stays public in the history after it is replaced).
 */
export function readEarlierReleases(published: string, instrument: ChangeMeterInstrument): EarlierRow[] {
  const name = `${instrument.id}.csv`;
  const path = join(published, name);
  const out: EarlierRow[] = [];
  const seen = new Set<string>();
  const add = (text: string, release: string, file: string) => {
    const digest = createHash('sha256').update(text).digest('hex');
    if (seen.has(digest)) return;
    seen.add(digest);
    for (const row of publishedRows(text, file)) out.push({ release, row });
  };
  if (existsSync(path)) add(readFileSync(path, 'utf8'), 'the published file', rel(path));
  const dir = existsSync(published) ? published : resolve(published, '..');
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (top) {
    const inRepo = relative(top, path).split('\\').join('/');
    const log = git(top, ['log', '--all', '--format=%H %cs', '--', inRepo]) ?? '';
    for (const entry of log.split('\n').filter(Boolean)) {
      const [commit, date] = entry.split(' ');
      const text = git(top, ['show', `${commit}:${inRepo}`]);
      if (text !== null) add(text, `the release of ${date} (commit ${commit!.slice(0, 10)})`, `${inRepo} at ${commit!.slice(0, 10)}`);
    }
  }
  return out;
}

/**
 * Reads and validates what is published in `published` now: the manifest (an empty one if there
 * is neither a manifest nor a CSV file) and that every CSV file has an entry and every entry a file.
 */
async function readManifest(published: string): Promise<ChangeMeterManifest> {
  const path = join(published, 'manifest.json');
  const csvs = existsSync(published) ? (await readdir(published)).filter((n) => n.endsWith('.csv')).sort() : [];
  if (!existsSync(path)) {
    if (csvs.length) throw new InputError({ file: rel(join(published, csvs[0]!)) }, 'a published file without manifest.json; restore the manifest (git) before importing');
    return { format: MANIFEST_FORMAT, files: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError({ file: rel(path) }, `not valid JSON: ${(err as Error).message}`);
  }
  const manifest = parseOrExplain(ChangeMeterManifest, json, { file: rel(path) });
  for (const name of csvs) {
    if (!manifest.files.some((e) => e.file === name)) {
      throw new InputError({ file: rel(join(published, name)) }, 'a published file without an entry in manifest.json; remove it or restore the manifest (git) before importing');
    }
  }
  manifest.files.forEach((e, i) => {
    if (!csvs.includes(e.file)) throw new InputError({ file: rel(path), row: `files[${i}]`, field: 'file' }, `${e.file} does not exist`);
  });
  return manifest;
}

/**
 * Publishes an import into `<out>/published/`: the instruments' CSV files and the manifest. The
 * new folder is built beside the old one and read back through the site's loader (every check
 * and the protection audit the build runs) before it is swapped in, so an accepted file can
 * never break the build; if anything fails, the old folder stays exactly as it was.
 */
async function publishChangeMeter(result: ChangeMeterImport, out: string, check: { registry: ChangeMeterRegistry; solver: Solver; root: string }): Promise<Replaced[]> {
  const published = join(out, 'published');
  const manifest = await readManifest(published); // before anything is written: a broken state stops here
  const replaced: Replaced[] = result.instruments.map((i) => ({ file: i.file, previous: manifest.files.find((e) => e.file === i.file) }));
  const files = [...manifest.files.filter((e) => !result.instruments.some((i) => i.file === e.file)), ...result.instruments.map((i) => i.entry)].sort((a, b) =>
    a.file < b.file ? -1 : 1,
  );
  const next = ChangeMeterManifest.parse({ format: MANIFEST_FORMAT, files });
  await replaceFolder(published, async (staging) => {
    for (const i of result.instruments) await writeFile(join(staging, i.file), i.csv);
    await writeFile(join(staging, 'manifest.json'), toJson(next));
    try {
      loadChangeMeter(check.root, staging, { registry: check.registry, solver: check.solver });
    } catch (err) {
      throw new Error(`internal error: the site's loader refuses the new publication, so nothing was published: ${(err as Error).message}`, { cause: err });
    }
  });
  return replaced;
}

/** Options of {@link runImport}. */
export interface RunImportOptions {
  file: string;
  /** The change-meter folder: `instruments.yaml`, `published/`, `private/`. */
  out: string;
  root: string;
  ref: Reference;
  solver: Solver;
  /** The registry file (default `<out>/instruments.yaml`). */
  registry?: string;
  now?: string;
}

/**
 * Reads, checks, publishes and reports: the whole command. The report and the submitted file's
 * name and SHA-256 go to `<out>/private/` (ignored by git), never into the published folder.
 */
export async function runImport(opts: RunImportOptions): Promise<{ result: ChangeMeterImport; report: string }> {
  const { root } = opts;
  const path = resolve(root, opts.file);
  const shown = rel(path, root);
  if (!existsSync(path)) throw new InputError({ file: shown }, 'no such file');
  const out = resolve(root, opts.out);
  const registry = loadRegistry(resolve(root, opts.registry ?? join(out, 'instruments.yaml')), placeNames(opts.ref.municipalities), root);
  const now = opts.now ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { rows, sha256 } = await readSubmission(path, shown, new Set(opts.ref.employmentAreas.map((a) => a.code)));
  const published = join(out, 'published');
  const result = importRows(rows, { file: shown, registry, earlier: (inst) => readEarlierReleases(published, inst), solver: opts.solver, now });
  const replaced = await publishChangeMeter(result, out, { registry, solver: opts.solver, root });
  const report = formatReport(result, `${shown} (sha256 ${sha256})`, replaced);
  await writeFileAtomic(
    join(out, 'private', `import-${now.replace(/[:]/g, '')}.json`),
    toJson({ imported_at: now, source_file: basename(shown), source_sha256: sha256, files: result.instruments.map((i) => i.file), report }),
  );
  return { result, report };
}
