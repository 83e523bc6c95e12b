/**
 * Reading and writing the raw snapshot (`data/raw/`): JSON-stat files plus `manifest.json`.
 * Only the acquire stage writes here, and only through {@link writeSnapshot}, which swaps the
 * whole folder in one step so a failed or interrupted run leaves the previous snapshot as it was.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError, parseOrExplain } from '../../src/lib/errors.ts';
import {
  Manifest,
  type JsonStatDataset,
  PxWebMetadata,
  type Lang,
  type LocalText,
  type ManifestEntry,
  type Origin,
  type RefreshRecord,
} from '../../src/schema/raw.ts';
import { rel, replaceFolder, sha256 } from './fsx.ts';
import { checkCells, parseJsonStat, type ValueRules } from './validate/raw-cells.ts';

/** One file to put into the snapshot, before it has a checksum. */
export interface RawPart {
  source: string;
  part: string;
  description: string;
  format: 'json-stat2' | 'pxweb-metadata';
  lang: Lang;
  data: JsonStatDataset | PxWebMetadata;
  origin: Origin;
  retrieved_at: string;
  source_updated: string | null;
  source_text: LocalText | null;
  /**
   * The file's text exactly as received (a live API response), written byte for byte. When
   * absent, `data` is serialised by {@link serialiseRaw}. Must parse to `data`.
   */
  verbatim?: string;
}

/** The snapshot's relative file name of a part. */
function partFile(p: Pick<RawPart, 'source' | 'part' | 'format' | 'lang'>): string {
  return p.format === 'json-stat2' ? `${p.source}/${p.part}.json` : `${p.source}/${p.part}.${p.lang}.json`;
}

/**
 * Reads and validates `manifest.json` of a raw folder; an absent manifest is an empty snapshot.
 * A manifest that is not JSON, fails its schema or lists a file twice is an {@link InputError}
 * naming it (as `rel` gives the path: `data/raw/manifest.json` for the snapshot).
 */
export async function readManifest(rawDir: string): Promise<Manifest> {
  const path = join(rawDir, 'manifest.json');
  if (!existsSync(path)) return { version: 1, written_at: new Date(0).toISOString(), entries: [] };
  const file = rel(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError({ file }, `not valid JSON (${(e as Error).message}); only the acquire stage writes it: run npm run data:acquire:files, or restore it from git`);
  }
  const manifest = parseOrExplain(Manifest, json, { file });
  const seen = new Map<string, number>();
  manifest.entries.forEach((e, k) => {
    if (e.file.startsWith('/') || e.file.split(/[\\/]/).includes('..')) throw new InputError({ file, field: `entries[${k}].file` }, `"${e.file}" is outside the raw folder`);
    const first = seen.get(e.file);
    if (first !== undefined) throw new InputError({ file, field: `entries[${k}].file` }, `"${e.file}" is listed twice (also entries[${first}])`);
    seen.set(e.file, k);
  });
  return manifest;
}

/** Serialises a dataset compactly but deterministically (one line per top-level key). */
function serialiseRaw(data: unknown): string {
  const obj = data as Record<string, unknown>;
  const lines = Object.keys(obj).map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(obj[k])}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function cellCount(p: RawPart): number {
  return p.format === 'json-stat2' ? (p.data as JsonStatDataset).size.reduce((a, b) => a * b, 1) : 0;
}

/**
 * Writes `parts` into the raw folder and drops every existing entry for which `drop` returns
 * true (e.g. all file imports, when the file import is run again). Each part is validated
 * before anything is written; the folder is swapped in only when everything succeeded.
 */
/** Options of {@link writeSnapshot}. */
export interface WriteOptions {
  /**
   * Runs after the new version is complete in the staging folder and before it is swapped in:
   * it receives the staging folder, the new manifest entries and the previous ones (the previous
   * files are still in `rawDir`). A rejection leaves `rawDir` untouched; a record it returns
   * becomes the manifest's `refresh` (and, if accepted, is appended to `acceptances`).
   */
  check?: (staging: string, entries: ManifestEntry[], previous: ManifestEntry[]) => Promise<RefreshRecord | null>;
  /**
   * Checks every cell of each JSON-stat part as validate will (counts, signs, area codes, status
   * symbols) before anything is written, so that an acquire never replaces data/raw with data
   * validate refuses. The structure of every part is checked in any case.
   */
  cells?: { rulesOf: (source: string) => ValueRules; isKnownArea: (code: string) => boolean };
}

export async function writeSnapshot(
  rawDir: string,
  parts: RawPart[],
  drop: (entry: ManifestEntry) => boolean,
  options: WriteOptions = {},
): Promise<Manifest> {
  for (const p of parts) {
    // A file import's errors name the input file; a live part's the file it would become.
    const file = p.origin.kind === 'file' ? p.origin.path : `data/raw/${partFile(p)}`;
    if (p.format === 'json-stat2') {
      const ds = parseJsonStat(p.data, file);
      if (options.cells) checkCells(ds, { file, isKnownArea: options.cells.isKnownArea, ...options.cells.rulesOf(p.source) });
    } else parseOrExplain(PxWebMetadata, p.data, { file });
  }
  let manifest: Manifest | undefined;
  await replaceFolder(rawDir, async (staging) => {
    const previous = await readManifest(staging);
    const kept: ManifestEntry[] = [];
    const newFiles = new Set(parts.map(partFile));
    for (const e of previous.entries) {
      if (drop(e) || newFiles.has(e.file)) await rm(join(staging, e.file), { force: true });
      else kept.push(e);
    }
    const added: ManifestEntry[] = [];
    for (const p of parts) {
      const file = partFile(p);
      const text = p.verbatim ?? serialiseRaw(p.data);
      await mkdir(dirname(join(staging, file)), { recursive: true });
      await writeFile(join(staging, file), text);
      added.push({
        file,
        source: p.source,
        part: p.part,
        description: p.description,
        format: p.format,
        lang: p.lang,
        origin: p.origin,
        retrieved_at: p.retrieved_at,
        source_updated: p.source_updated,
        source_text: p.source_text,
        sha256: sha256(text),
        cells: cellCount(p),
      });
    }
    const entries = [...kept, ...added].sort((a, b) => a.file.localeCompare(b.file));
    const record = options.check ? await options.check(staging, entries, previous.entries) : null;
    const acceptances = [...(previous.acceptances ?? [])];
    if (record?.accepted) acceptances.push({ at: record.at, reason: record.accepted.reason, sources: record.sources, regressions: record.regressions });
    const refresh = record ?? previous.refresh;
    manifest = parseOrExplain(
      Manifest,
      {
        version: 1,
        written_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        entries,
        ...(refresh ? { refresh } : {}),
        ...(acceptances.length ? { acceptances } : {}),
      },
      { file: 'data/raw/manifest.json' },
    );
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });
  return manifest!;
}
