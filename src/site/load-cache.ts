/**
 * A build's parse of the derived CSV files, kept for the build's other process. The pages and the
 * downloads are built by two processes that load the same files (8–9 s of parsing each at full
 * size); scripts/build-site.ts gives both a fresh folder (TILANNEKUVA_LOAD_CACHE), the first to
 * load writes its points there, and the other reads them back (well under a second) instead of
 * parsing again. What is saved is that parse itself, tied to the files it was made from (their
 * folder, and the sizes and modification times of the two files and the catalogue): if they differ, the files are parsed. The folder lives
 * only as long as the build.
 *
 * Only one process parses: the first to load claims the parse ({@link claimParse}, a file
 * holding its process id) and the other waits for the saved file ({@link waitForParse}) rather
 * than parse the same files beside it on the build's other core. At full size the downloads'
 * process starts loading at once and the pages' process 3–4 s later (after Vite); parsing both
 * at once slowed both, and the pages are the longest part of the build.
 *
 * Layout: a first line naming the format, the length of a JSON header (4 bytes, little-endian),
 * the header (the key, the period texts, the breaks, the series and each column's length), then
 * each column's bytes, every part starting at a multiple of 8 bytes.
 */
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PointStore, SAVED_COLUMN_KINDS } from './point-store.ts';
import { processAlive } from '../lib/process.ts';

const FORMAT = 'tilannekuva load cache 1\n';

/** Loaded series in a store: each series' indicator and area, and each point's series. */
export interface StoredSeries {
  store: PointStore;
  series: [indicator: string, area: string][];
  /** Point index → index into `series`; a series' points are in index order. */
  seriesOf: Uint32Array;
}

interface Header {
  key: string;
  periods: string[];
  breaks: [number, string[]][];
  series: [string, string][];
  lengths: number[];
}

/** What identifies the derived files a parse is made from. */
export function loadKey(dir: string): string {
  const file = (name: string) => {
    const st = statSync(join(dir, name));
    return [name, st.size, st.mtimeMs];
  };
  return JSON.stringify([resolve(dir), file('observations.csv'), file('comparisons.csv'), file('catalogue.json')]);
}

/** Writes the series to `file` (through a temporary file renamed into place, so a reader never sees half of it). */
export function writeLoadCache(file: string, key: string, loaded: StoredSeries): void {
  const saved = loaded.store.saved();
  const arrays = [...saved.columns, loaded.seriesOf];
  const header: Header = { key, periods: saved.periods, breaks: saved.breaks, series: loaded.series, lengths: arrays.map((a) => a.length) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let written = false;
  try {
    let offset = 0;
    const put = (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      offset += bytes.length;
    };
    const pad = () => {
      if (offset % 8) put(new Uint8Array(8 - (offset % 8)));
    };
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length);
    put(Buffer.from(FORMAT, 'utf8'));
    put(length);
    put(headerBytes);
    pad();
    for (const a of arrays) {
      put(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      pad();
    }
    written = true;
  } finally {
    closeSync(fd);
    if (!written) rmSync(tmp, { force: true });
  }
  renameSync(tmp, file);
}

/** The series saved in `file` for these files (`key`), or null if there are none or they are of other files. */
export function readLoadCache(file: string, key: string): StoredSeries | null {
  if (!existsSync(file)) return null;
  const read = readFileSync(file);
  // Typed views need their offsets aligned to the element size.
  const bytes: Uint8Array<ArrayBuffer> = read.byteOffset % 8 ? new Uint8Array(read) : new Uint8Array(read.buffer as ArrayBuffer, read.byteOffset, read.byteLength);
  const fail = (why: string): never => {
    throw new Error(`${file}: not a load cache of this build (${why})`);
  };
  const format = Buffer.from(FORMAT, 'utf8');
  if (bytes.length < format.length + 4 || !Buffer.from(bytes.buffer, bytes.byteOffset, format.length).equals(format)) fail('unknown format');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(format.length, true);
  let offset = format.length + 4;
  if (offset + headerLength > bytes.length) fail('the file ends early');
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + offset, headerLength).toString('utf8')) as Header;
  } catch {
    return fail('the header is not JSON');
  }
  if (header.key !== key) return null;
  offset += headerLength;
  const kinds = [...SAVED_COLUMN_KINDS, Uint32Array];
  if (header.lengths.length !== kinds.length) fail(`${header.lengths.length} columns`);
  const arrays = kinds.map((Kind, k) => {
    offset += (8 - (offset % 8)) % 8;
    const n = header.lengths[k]!;
    if (offset + n * Kind.BYTES_PER_ELEMENT > bytes.byteLength) fail('the file ends early');
    const a = new Kind(bytes.buffer, bytes.byteOffset + offset, n);
    offset += a.byteLength;
    return a;
  });
  const seriesOf = arrays.pop() as Uint32Array;
  if (seriesOf.some((k) => k >= header.series.length)) fail('a point of no series');
  const store = PointStore.fromSaved({ periods: header.periods, breaks: header.breaks, columns: arrays as (Uint16Array | Float64Array | Uint8Array)[] });
  return { store, series: header.series, seriesOf };
}

/** The file that says a process of the build is parsing (its process id). */
const CLAIM = 'series.parsing';

/**
 * Claims the parse of the derived files for this process: `mine` (this process parses and
 * saves, then calls {@link releaseParse}), `other` (another process of the build has claimed
 * it: {@link waitForParse}) or `none` (the folder cannot hold a claim, e.g. it is missing: parse,
 * and nobody waits).
 */
export function claimParse(cacheDir: string): 'mine' | 'other' | 'none' {
  const claim = join(cacheDir, CLAIM);
  // The process id is written to a file of this process's own, which is then linked into place:
  // the claim appears whole or not at all (a claim created empty and then written could stay
  // empty if the writing failed, and be waited for in vain).
  const own = `${claim}.${process.pid}`;
  try {
    writeFileSync(own, String(process.pid));
    linkSync(own, claim);
    return 'mine';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EEXIST' ? 'other' : 'none';
  } finally {
    rmSync(own, { force: true });
  }
}

/** Ends this process's claim (after its parse is saved, or has failed to be). */
export function releaseParse(cacheDir: string): void {
  rmSync(join(cacheDir, CLAIM), { force: true });
}

/**
 * Waits while another process holds the claim: returns when the claim is released (the saved
 * parse is then there, unless its saving failed), its process has ended without releasing it (it
 * failed or was stopped), or after `limitMs`. Returns the seconds waited.
 */
export function waitForParse(cacheDir: string, { pollMs = 50, limitMs = 300_000 } = {}): number {
  const claim = join(cacheDir, CLAIM);
  const t0 = performance.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (performance.now() - t0 < limitMs) {
    let pid: number;
    try {
      pid = Number(readFileSync(claim, 'utf8'));
    } catch {
      break; // released
    }
    // A claim is linked into place whole: one without a live process id is not waited for.
    if (!(pid > 0) || !processAlive(pid)) break;
    Atomics.wait(pause, 0, 0, pollMs);
  }
  return (performance.now() - t0) / 1000;
}
