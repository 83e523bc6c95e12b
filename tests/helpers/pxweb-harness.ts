/**
 * Shared set-up for the live-acquire tests: a temporary workspace with a previous raw snapshot,
 * a digest of every byte of a folder (to prove a failed run left it untouched), and an
 * in-process run of the client against the local PxWeb server with a clock that never waits.
 */
import { afterEach } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset, cellsOf } from '../../src/lib/jsonstat.ts';
import type { JsonStatDataset, Manifest } from '../../src/schema/raw.ts';
import { runAcquireLive, type AcquireLiveOptions, type AcquireLiveResult } from '../../scripts/lib/pxweb/acquire.ts';
import { fakeClock } from '../../scripts/lib/pxweb/throttle.ts';
import { writeSnapshot } from '../../scripts/lib/snapshot.ts';
import { folderDigest } from './data-harness.ts';
import { FIXTURES } from './pxweb-fixtures.ts';
import type { PxWebServer } from './pxweb-server.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURE_SOURCES = join(FIXTURES, 'sources');

export interface Workspace {
  dir: string;
  raw: string;
  cache: string;
  cleanup(): void;
}

/**
 * Closes what each test opened: call once in a test file, then pass every server and workspace a
 * test makes through `track`; after each test they are closed and removed.
 */
export function closeAfterEach(): <T extends { close(): Promise<void> } | { cleanup(): void }>(thing: T) => T {
  const open: ({ close(): Promise<void> } | { cleanup(): void })[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0)) {
      if ('close' in thing) await thing.close();
      else thing.cleanup();
    }
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}

/** A temporary folder with `raw/` and `cache/` paths (neither created yet). */
export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'tilannekuva-pxweb-'));
  return { dir, raw: join(dir, 'raw'), cache: join(dir, 'cache'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes a previous snapshot into `raw` through writeSnapshot: one file-import part holding the
 * whole-country 2026M06 unemployed count from ../shared/data/tyonv/12r5_2026M06_pxweb.json
 * (352,001) and, if `liveUpdated` is given, one live part of 12r5 stamped with it.
 */
export async function seedSnapshot(raw: string, liveUpdated?: string): Promise<void> {
  const data = buildDataset(
    [
      { id: 'Alue', codes: ['SSS'] },
      { id: 'timeperiod_m', codes: ['2026M06'] },
      { id: 'Tiedot', codes: ['TYOTTOMATLOPUSSA'] },
    ],
    [{ codes: ['SSS', '2026M06', 'TYOTTOMATLOPUSSA'], value: 352001 }],
    { source: 'KEHA-keskus, Työnvälitystilasto', updated: '2026-07-21T05:00:00Z' },
  );
  const common = { source: 'statfin-tyonv-12r5', format: 'json-stat2' as const, lang: 'fi' as const, data, retrieved_at: '2026-08-01T00:00:00Z', source_text: { fi: 'KEHA-keskus, Työnvälitystilasto' } };
  await writeSnapshot(
    raw,
    [
      {
        ...common,
        part: 'seed-file',
        description: 'Test seed: whole country 2026M06 unemployed, imported from a file.',
        origin: { kind: 'file', path: '../shared/data/tyonv/12r5_2026M06_pxweb.json', sha256: '0'.repeat(64), provenance: 'test seed', conversion: 'one cell copied' },
        source_updated: '2026-07-21T05:00:00Z',
      },
      ...(liveUpdated
        ? [
            {
              ...common,
              part: 'live-001',
              description: 'Test seed: a live part of an earlier run.',
              origin: { kind: 'api' as const, url: 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/tyonv/12r5.px', method: 'POST' as const },
              source_updated: liveUpdated,
            },
          ]
        : []),
    ],
    () => false,
  );
}

export { folderDigest };

/** Files under a folder (relative paths), or [] if it does not exist. */
export function filesUnder(dir: string): string[] {
  return Object.keys(folderDigest(dir));
}

export interface LiveRun {
  result: AcquireLiveResult | null;
  error: Error | null;
  lines: string[];
  clock: ReturnType<typeof fakeClock>;
}

/**
 * Runs the client in-process against `server` with the fixture sources, a fake clock (backoff and
 * throttle waits are recorded, not waited), tiny backoff delays and a short timeout. Never throws:
 * the error, if any, is returned.
 */
export async function runLive(server: PxWebServer, ws: Workspace, extra: Partial<AcquireLiveOptions> = {}): Promise<LiveRun> {
  const lines: string[] = [];
  const clock = fakeClock();
  try {
    const result = await runAcquireLive({
      root: ROOT,
      sourcesDir: FIXTURE_SOURCES,
      rawDir: ws.raw,
      cacheDir: ws.cache,
      base: server.base,
      sources: ['statfin-tyonv-12r5'],
      timeoutMs: 2000,
      retry: { baseDelayMs: 10, maxDelayMs: 5000 },
      clock,
      log: (l) => lines.push(l),
      ...extra,
    });
    return { result, error: null, lines, clock };
  } catch (e) {
    return { result: null, error: e as Error, lines, clock };
  }
}

/** The manifest of a raw folder. */
export function readManifestSync(raw: string): Manifest {
  return JSON.parse(readFileSync(join(raw, 'manifest.json'), 'utf8')) as Manifest;
}

/** Reads a raw file as a dataset. */
export function readDataset(raw: string, file: string): JsonStatDataset {
  return JSON.parse(readFileSync(join(raw, file), 'utf8')) as JsonStatDataset;
}

/**
 * The value and status of one cell, searched across the live data parts of a source, by the codes
 * of the cell (dimension id → code). Throws unless exactly one part holds it.
 */
export function liveCell(raw: string, source: string, coords: Record<string, string>): { value: number | null; status: string | null } {
  const m = readManifestSync(raw);
  const found: { value: number | null; status: string | null }[] = [];
  for (const e of m.entries) {
    if (e.source !== source || e.origin.kind !== 'api' || e.format !== 'json-stat2') continue;
    for (const c of cellsOf(readDataset(raw, e.file))) {
      if (Object.entries(coords).every(([k, v]) => c.coords[k] === v)) found.push({ value: c.value, status: c.status });
    }
  }
  if (found.length !== 1) throw new Error(`expected one cell ${JSON.stringify(coords)} in ${source}, found ${found.length}`);
  return found[0]!;
}
