/**
 * The live acquire: refreshes every source with a `pxweb` block from Statistics Finland's PxWeb
 * API v1, and every source with a `ckan` block from its open-data portal (scripts/lib/ckan/),
 * and writes the answers into the raw snapshot.
 *
 * The run has two phases so that a renamed code fails in seconds, before any bulk download:
 *  1. plan: for each table, read the metadata in fi/sv/en, build the query plan from it, and ask
 *     a one-cell probe query in fi/sv/en for the table's `updated` and `source` stamps (for a
 *     portal dataset: `package_show`). A table whose stamp equals that of its live entries in the
 *     manifest is skipped (unless `force`).
 *  2. fetch: the data in chunks of at most `maxValues` cells (portal files whole), reusing
 *     chunks cached by an earlier, interrupted run.
 * The snapshot is written once, through {@link writeSnapshot}, only after every table succeeded
 * and the coverage guard (scripts/lib/guard/) found no loss of data or the person accepted it, so
 * a failed, interrupted or refused run leaves `data/raw/` exactly as it was.
 *
 * Politeness: calls keep a margin under the API's limit ({@link politeCalls}); the call starts
 * and any pause asked for after a 429 are kept in the cache folder (`calls/<host>.json`), so a run
 * started right after another waits for the same window; stale staging folders of killed runs
 * are removed at the start.
 */
import { resolve } from 'node:path';
import type { z } from 'zod';
import { loadReference } from '../validate/reference.ts';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { JsonStatDataset, LANGS, PxWebMetadata, type Lang, type LocalText, type Manifest } from '../../../src/schema/raw.ts';
import { normaliseUpdated } from '../cells.ts';
import { rel, removeStaleStaging } from '../fsx.ts';
import { readManifest, writeSnapshot, type RawPart } from '../snapshot.ts';
import { checkCells, parseJsonStatShape, valueRules } from '../validate/raw-cells.ts';
import type { Source } from '../../../src/schema/source.ts';
import { CKAN_LIMITS, fetchDataset, planDataset, type PlannedDataset } from '../ckan/acquire.ts';
import { runCoverageGuard, unknownAreasError } from '../guard/guard.ts';
import { ChunkCache } from './cache.ts';
import { AcquireError, TooManyValuesError } from './errors.ts';
import { DEFAULT_RETRY, parseJsonText, requestJson, type HttpContext, type RetryPolicy } from './http.ts';
import { DEFAULT_LIMITS, configUrl, parseLimits, type Limits } from './limits.ts';
import { buildPlan, tableName, type TablePlan } from './plan.ts';
import {
  buildDataQuery,
  buildProbeQuery,
  checkAnswer,
  chunkCells,
  halveChunk,
  periodRange,
  splitIntoChunks,
  type Chunk,
  type PxQuery,
} from './query.ts';
import { loadLiveSources, type PxWebSource } from './sources.ts';
import { FileCallLog, Throttle, politeCalls, realClock, type Clock } from './throttle.ts';

/** Options of {@link runAcquireLive}; paths are resolved against `root`. */
export interface AcquireLiveOptions {
  /** Project root (default: the working directory). */
  root?: string;
  /** Folder of the source files (default `data/sources`). */
  sourcesDir?: string;
  /** The raw snapshot folder to update (default `data/raw`). */
  rawDir?: string;
  /** Folder of the chunk cache and the call logs (default `data/.acquire-cache`). */
  cacheDir?: string;
  /** API base that overrides every source's `pxweb.base` (e.g. a local test server). */
  base?: string;
  /** CKAN API base that overrides every source's `ckan.base` (e.g. a local test server). */
  ckanBase?: string;
  /** Only these source ids (default: every source with a `pxweb` or `ckan` block). */
  sources?: readonly string[];
  /** Only sources of these kinds (default both): `pxweb` (Statistics Finland), `ckan` (open-data portals). */
  kinds?: readonly ('pxweb' | 'ckan')[];
  /** Fetch even tables whose `updated` stamp has not changed. */
  force?: boolean;
  /** Timeout of each request in ms (default 60,000). */
  timeoutMs?: number;
  /** Retry policy; unspecified fields take {@link DEFAULT_RETRY}. */
  retry?: Partial<RetryPolicy>;
  /** Added to the API's time window so our count and the server's never disagree at the edge (default 1000 ms). */
  throttleMarginMs?: number;
  /** Keep the call log in memory only (tests that must not share a window); default: a file in the cache folder. */
  memoryCallLog?: boolean;
  /** Accept the coverage guard's regressions, for this reason (recorded in the manifest). */
  accept?: string | null;
  /** Share of already-published values a refresh may revise before the guard stops it (default 0.05). */
  maxRevisedShare?: number;
  /** Clock for throttling and backoff (tests inject one that does not wait). */
  clock?: Clock;
  /** The fetch function (default: the global one). */
  fetch?: typeof fetch;
  /** Where progress lines go (default: stderr). */
  log?: (line: string) => void;
}

/** What happened to one table or dataset. */
interface TableResult {
  source: string;
  /** PxWeb table path, or the CKAN dataset name. */
  table: string;
  status: 'written' | 'unchanged';
  /** The table's `updated` stamp, normalised (for a dataset: the latest file stamp). */
  updated: string | null;
  /** Chunks (PxWeb) or files (CKAN). */
  chunks: number;
  cells: number;
  /** Chunks taken from the cache of an earlier run. */
  reused: number;
  retries: number;
}

/** The outcome of a run. */
export interface AcquireLiveResult {
  tables: TableResult[];
  /** The manifest written, or null when nothing had changed. */
  manifest: Manifest | null;
}

interface Fetched {
  text: string;
  json: unknown;
}

interface PlannedTable {
  src: PxWebSource;
  base: string;
  limits: Limits;
  plan: TablePlan;
  where: string;
  dataUrl: string;
  /** Metadata by language (fi always; sv and en where the table has them). */
  meta: Partial<Record<Lang, Fetched & { url: string }>>;
  updated: string | null;
  sourceText: LocalText | null;
  retries: number;
}

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Checks a data answer: its JSON-stat shape, that it answers `query` (returns the problem if not),
 * and then that its structure and every cell pass validate's checks (codes listed once, roles,
 * whole counts in range, signs, numbers not text). Throws an AcquireError naming the chunk, the
 * cell and the field, so a chunk validate would refuse is never cached or written.
 */
function checkDataAnswer(json: unknown, query: PxQuery, what: string, url: string, source: Pick<Source, 'non_additive_codes' | 'signed_codes' | 'amount_codes'>): string | null {
  try {
    const ds = parseJsonStatShape(json, url);
    const problem = checkAnswer(ds, query);
    if (problem) return problem;
    checkCells(ds, { file: url, isKnownArea: () => true, ...valueRules(source) });
    return null;
  } catch (e) {
    if (e instanceof InputError) throw new AcquireError(`${what}: the answer is refused (${e.message}).`);
    throw e;
  }
}

function validate<S extends z.ZodType>(schema: S, json: unknown, what: string, url: string): z.infer<S> {
  try {
    return parseOrExplain(schema, json, { file: url });
  } catch (e) {
    if (e instanceof InputError) throw new AcquireError(`${what}: the answer is not what PxWeb v1 sends (${e.message}).`);
    throw e;
  }
}

/** `pxdata.stat.fi` or `127.0.0.1-41234`: a file name for the call log of an API base. */
function hostKey(base: string): string {
  try {
    const u = new URL(base);
    return `${u.hostname}${u.port ? `-${u.port}` : ''}`.replace(/[^A-Za-z0-9.-]/g, '_');
  } catch {
    return 'unknown';
  }
}

/**
 * Runs the live acquire (see the module comment). Resolves with what was done; rejects with an
 * {@link AcquireError} (a {@link CoverageError} when the guard refused the refresh, or an
 * InputError for a broken source file) whose message names the table and the problem, leaving
 * the raw snapshot untouched.
 */
export async function runAcquireLive(options: AcquireLiveOptions = {}): Promise<AcquireLiveResult> {
  const root = resolve(options.root ?? process.cwd());
  const rawDir = resolve(root, options.rawDir ?? 'data/raw');
  const cacheDir = resolve(root, options.cacheDir ?? 'data/.acquire-cache');
  const cache = new ChunkCache(cacheDir);
  const clock = options.clock ?? realClock;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const margin = options.throttleMarginMs ?? 1000;
  const callLog = (base: string) => (options.memoryCallLog ? undefined : new FileCallLog(resolve(cacheDir, 'calls', `${hostKey(base)}.json`)));
  const throttles = new Map<string, Throttle>();
  const httpFor = (base: string, limits: { maxCalls: number; timeWindow: number }): HttpContext => {
    const key = hostKey(base);
    let throttle = throttles.get(key);
    if (!throttle) throttles.set(key, (throttle = new Throttle(politeCalls(limits.maxCalls), limits.timeWindow * 1000 + margin, clock, callLog(base))));
    else throttle.setLimits(politeCalls(limits.maxCalls), limits.timeWindow * 1000 + margin);
    return { fetch: options.fetch ?? globalThis.fetch, throttle, clock, timeoutMs: options.timeoutMs ?? 60_000, retry, log };
  };

  for (const name of removeStaleStaging(rawDir)) log(`removed ${name}, left behind by an interrupted earlier run`);
  const sourcesDir = resolve(root, options.sourcesDir ?? 'data/sources');
  const all = loadLiveSources(sourcesDir, options.sources ?? []);
  const kinds = new Set(options.kinds ?? ['pxweb', 'ckan']);
  const live = { pxweb: kinds.has('pxweb') ? all.pxweb : [], ckan: kinds.has('ckan') ? all.ckan : [] };
  if (live.pxweb.length + live.ckan.length === 0) throw new AcquireError(`no source file in ${rel(sourcesDir)}/ has a ${[...kinds].join(' or ')} block${options.sources?.length ? ` among ${options.sources.join(', ')}` : ''}; nothing to acquire.`);
  const previous = await readManifest(rawDir);
  const limitsByBase = new Map<string, Limits>();

  // Phase 1: metadata, plans and probes for every table and dataset.
  log(`acquire live: ${[...live.pxweb, ...live.ckan].map((s) => s.source.id).join(', ')}`);
  const planned: PlannedTable[] = [];
  const datasets: PlannedDataset[] = [];
  const results: TableResult[] = [];
  for (const src of live.pxweb) {
    const base = (options.base ?? src.source.pxweb.base).replace(/\/+$/, '');
    let limits = limitsByBase.get(base);
    if (!limits) {
      limits = await readLimits(httpFor(base, DEFAULT_LIMITS), base, log);
      limitsByBase.set(base, limits);
    }
    const table = await planTable(httpFor(base, limits), src, base, limits, log);
    const existing = previous.entries.filter((e) => e.source === src.source.id && e.origin.kind === 'api');
    if (!options.force && table.updated !== null && existing.length > 0 && existing.every((e) => e.source_updated === table.updated)) {
      log(`  ${table.where}: unchanged since ${table.updated}; skipped (use --force to fetch anyway)`);
      results.push({ source: src.source.id, table: src.source.pxweb.table, status: 'unchanged', updated: table.updated, chunks: 0, cells: 0, reused: 0, retries: table.retries });
      continue;
    }
    planned.push(table);
  }
  for (const src of live.ckan) {
    const base = (options.ckanBase ?? src.source.ckan.base).replace(/\/+$/, '');
    const d = await planDataset(httpFor(base, CKAN_LIMITS), src, base, previous.entries, options.force ?? false, log);
    if (d.unchanged) results.push({ source: src.source.id, table: d.datasetName, status: 'unchanged', updated: null, chunks: 0, cells: 0, reused: 0, retries: 0 });
    else datasets.push(d);
  }

  // Phase 2: data.
  const parts: RawPart[] = [];
  for (const table of planned) {
    const got = await fetchTable(httpFor(table.base, table.limits), cache, table, log);
    parts.push(...got.parts);
    results.push(got.result);
  }
  const reportFile = resolve(cacheDir, 'coverage-report.md');
  if (datasets.length) {
    const ref = loadReference(root);
    for (const d of datasets) {
      const base = (options.ckanBase ?? d.src.source.ckan.base).replace(/\/+$/, '');
      const got = await fetchDataset(httpFor(base, CKAN_LIMITS), cache, d, {
        ref,
        now: isoNow(),
        cacheDir,
        onUnknownAreas: (where, codes) => {
          throw unknownAreasError([`${where}: ${codes.join(', ')}`], undefined, reportFile);
        },
      }, log);
      parts.push(...got.parts);
      const cells = got.parts.reduce((n, p) => n + ('size' in p.data ? p.data.size.reduce((a, b) => a * b, 1) : 0), 0);
      const updated = got.parts.map((p) => p.source_updated).filter((x): x is string => x !== null).sort().at(-1) ?? null;
      results.push({ source: d.src.source.id, table: d.datasetName, status: 'written', updated, chunks: got.files, cells, reused: got.reused, retries: got.retries });
    }
  }
  if (parts.length === 0) {
    log(`nothing changed; ${rel(rawDir)}/ left as it was`);
    return { tables: results, manifest: null };
  }

  // Write once, after every table succeeded and the guard agreed; then the caches of the written sources can go.
  const refreshed = new Set([...planned.map((t) => t.src.source.id), ...datasets.map((d) => d.src.source.id)]);
  const rules = new Map([...live.pxweb, ...live.ckan].map((s) => [s.source.id, valueRules(s.source)]));
  const manifest = await writeSnapshot(rawDir, parts, (e) => refreshed.has(e.source) && e.origin.kind === 'api', {
    // Every cell as validate will check it (unknown areas are the guard's, with its advice).
    cells: { rulesOf: (id) => rules.get(id)!, isKnownArea: () => true },
    check: (staging, entries, previousEntries) =>
      runCoverageGuard({
        root,
        oldDir: rawDir,
        newDir: staging,
        oldEntries: previousEntries,
        newEntries: entries,
        sources: [...refreshed],
        accept: options.accept ?? null,
        ...(options.maxRevisedShare !== undefined ? { maxRevisedShare: options.maxRevisedShare } : {}),
        reportFile,
        log,
      }),
  });
  for (const id of refreshed) await cache.clear(id);
  log(`wrote ${parts.length} files for ${[...refreshed].join(', ')} into ${rel(rawDir)}/ (manifest lists ${manifest.entries.length})`);
  return { tables: results, manifest };
}

/** Reads `?config`; falls back to {@link DEFAULT_LIMITS} with a warning if it cannot. */
async function readLimits(http: HttpContext, base: string, log: (l: string) => void): Promise<Limits> {
  const url = configUrl(base);
  const fallback = `using maxValues ${DEFAULT_LIMITS.maxValues}, ${DEFAULT_LIMITS.maxCalls} calls / ${DEFAULT_LIMITS.timeWindow} s`;
  try {
    // Two attempts only: the limits are useful but not essential.
    const r = await requestJson({ ...http, retry: { ...http.retry, attempts: Math.min(2, http.retry.attempts) } }, { method: 'GET', url, what: 'API limits' });
    const limits = parseLimits(r.json);
    if (limits) {
      log(`  limits from ${url}: maxValues ${limits.maxValues}, ${limits.maxCalls} calls / ${limits.timeWindow} s`);
      return limits;
    }
    log(`warning: ${url} did not state maxValues, maxCalls and timeWindow; ${fallback}`);
  } catch (e) {
    const msg = (e as Error).message;
    const reason = /failed (?:after \d+ attempts?: |with )(.*?)(?:\. |; |$)/.exec(msg)?.[1] ?? msg;
    log(`warning: could not read the API limits from ${url} (${reason}); ${fallback}`);
  }
  return { ...DEFAULT_LIMITS };
}

async function planTable(http: HttpContext, src: PxWebSource, base: string, limits: Limits, log: (l: string) => void): Promise<PlannedTable> {
  const { id } = src.source;
  const px = src.source.pxweb;
  const where = tableName(id, px.table);
  const urlFor = (lang: Lang) => `${base}/${lang}/${px.database}/${px.table}`;
  let retries = 0;
  log(`${where}: metadata and probe from ${base}`);

  const meta: Partial<Record<Lang, Fetched & { url: string }>> = {};
  for (const lang of LANGS) {
    const url = urlFor(lang);
    let r;
    try {
      r = await requestJson(http, { method: 'GET', url, what: `${where}, metadata (${lang})` });
    } catch (e) {
      // A table published in Finnish only answers 404 in sv/en: go on without that language.
      if (lang !== 'fi' && e instanceof AcquireError && e.status === 404) {
        log(`  warning: ${where} has no ${lang} version (HTTP 404); its ${lang} metadata and source text are left out`);
        continue;
      }
      throw e;
    }
    retries += r.retries;
    validate(PxWebMetadata, r.json, `${where}, metadata (${lang})`, url);
    meta[lang] = { url, text: r.text, json: r.json };
  }
  const plan = buildPlan(id, px, meta.fi!.json as PxWebMetadata, src.file);
  const langs = LANGS.filter((l) => meta[l] !== undefined);

  // The probe: one cell in each language, for the `updated` stamp and the source texts.
  const probe = buildProbeQuery(plan);
  const stamps: Partial<Record<Lang, { updated?: string; source?: string }>> = {};
  for (const lang of langs) {
    const url = urlFor(lang);
    const what = `${where}, probe (${lang})`;
    const r = await requestJson(http, { method: 'POST', url, body: probe, what });
    retries += r.retries;
    const ds = validate(JsonStatDataset, r.json, what, url);
    const problem = checkAnswer(ds, probe);
    if (problem) throw new AcquireError(`${what}: ${problem}.`);
    stamps[lang] = { updated: ds.updated, source: ds.source };
  }
  const updated = normaliseUpdated(stamps.fi?.updated);
  const fi = stamps.fi?.source?.trim();
  const sourceText: LocalText | null = fi
    ? { fi, ...(stamps.sv?.source?.trim() ? { sv: stamps.sv.source.trim() } : {}), ...(stamps.en?.source?.trim() ? { en: stamps.en.source.trim() } : {}) }
    : null;
  const areas = plan.area ? plural(plan.area.values.length, 'area') : 'no area variable';
  log(
    `  ${plural(plan.time.values.length, 'period')} (${periodRange(plan.time.values)}) × ${areas} × ${plural(plan.contents.values.length, 'content')}` +
      `${plan.fixed.length ? ` × fixed ${plan.fixed.map((f) => `${f.code}=${f.values.join('+')}`).join(', ')}` : ''}` +
      `${plan.eliminated.length ? `, eliminated ${plan.eliminated.join(', ')}` : ''}; updated ${updated ?? 'unknown'}`,
  );
  return { src, base, limits, plan, where, dataUrl: urlFor('fi'), meta, updated, sourceText, retries };
}

async function fetchTable(
  http: HttpContext,
  cache: ChunkCache,
  t: PlannedTable,
  log: (l: string) => void,
): Promise<{ parts: RawPart[]; result: TableResult }> {
  const { plan, where } = t;
  const id = t.src.source.id;
  const t0 = http.clock.now();
  const queue: Chunk[] = splitIntoChunks(plan, t.limits.maxValues);
  let total = queue.length;
  let done = 0;
  let reused = 0;
  let retries = t.retries;
  let learnedLimit = Infinity;
  const got: { chunk: Chunk; query: PxQuery; text: string; json: unknown; cells: number }[] = [];

  while (queue.length > 0) {
    const chunk = queue.shift()!;
    const cells = chunkCells(plan, chunk);
    // After one refusal, split the remaining chunks of that size before asking again.
    const halves = cells > learnedLimit ? halveChunk(chunk) : null;
    if (halves) {
      queue.unshift(...halves);
      total++;
      continue;
    }
    const index = done + 1;
    const what = `${where}, chunk ${index}/${total} (${periodRange(chunk.periods)}, ${cells} cells)`;
    const query = buildDataQuery(plan, chunk);
    let text = await cache.get(id, t.dataUrl, query, t.updated);
    let json: unknown;
    let chunkRetries = 0;
    if (text !== undefined) {
      try {
        json = parseJsonText(text);
        if (checkDataAnswer(json, query, what, t.dataUrl, t.src.source)) text = undefined;
      } catch {
        text = undefined;
      }
    }
    const fromCache = text !== undefined;
    if (fromCache) reused++;
    if (text === undefined) {
      try {
        const r = await requestJson(http, { method: 'POST', url: t.dataUrl, body: query, what, splittable: true });
        text = r.text;
        json = r.json;
        chunkRetries = r.retries;
        retries += r.retries;
      } catch (e) {
        if (!(e instanceof TooManyValuesError)) throw e;
        const split = halveChunk(chunk);
        if (!split)
          throw new AcquireError(
            `${what}: the server refuses even one period of one area as too many values (${e.message}); its limit is below what ?config says. List fewer contents under pxweb.contents in ${t.src.file}.`,
          );
        learnedLimit = Math.min(learnedLimit, cells - 1);
        log(`    ${what}: the server says too many values; splitting into ${split.map((c) => chunkCells(plan, c)).join(' + ')} cells`);
        queue.unshift(...split);
        total++;
        continue;
      }
      const problem = checkDataAnswer(json, query, what, t.dataUrl, t.src.source);
      if (problem) throw new AcquireError(`${what}: ${problem}. The table may have changed shape; run again, and check the source file if it persists.`);
      const stamp = normaliseUpdated((json as { updated?: string }).updated);
      if (t.updated !== null && stamp !== null && stamp !== t.updated)
        throw new AcquireError(`${what}: the table was updated during the run (probe said ${t.updated}, this chunk says ${stamp}); run again to fetch a consistent version.`);
      await cache.put(id, t.dataUrl, query, t.updated, text);
    }
    done++;
    got.push({ chunk, query, text, json, cells });
    const secs = ((http.clock.now() - t0) / 1000).toFixed(1);
    log(`  ${where}: chunk ${index}/${total} ${periodRange(chunk.periods)}: ${cells} cells${fromCache ? ' (from cache)' : ''}, ${chunkRetries} retries, ${secs} s`);
  }

  const retrievedAt = isoNow();
  const base = { source: id, retrieved_at: retrievedAt, source_updated: t.updated, source_text: t.sourceText };
  const tableId = t.src.source.table_id;
  const parts: RawPart[] = got.map((g, k) => ({
    ...base,
    part: `live-${String(k + 1).padStart(3, '0')}`,
    description: describeChunk(tableId, plan, g.chunk, k + 1, got.length),
    format: 'json-stat2',
    lang: 'fi',
    data: g.json as JsonStatDataset,
    verbatim: g.text,
    origin: { kind: 'api', url: t.dataUrl, method: 'POST', query: g.query },
  }));
  for (const lang of LANGS) {
    const m = t.meta[lang];
    if (!m) continue;
    parts.push({
      ...base,
      part: 'live-metadata',
      description: `PxWeb metadata of table ${tableId} (${plan.table}) in ${lang}: variables ${plan.order.join(', ')}${plan.eliminated.length ? ` (eliminated ${plan.eliminated.join(', ')})` : ''} with their codes and texts.`,
      format: 'pxweb-metadata',
      lang,
      data: m.json as PxWebMetadata,
      verbatim: m.text,
      origin: { kind: 'api', url: m.url, method: 'GET' },
    });
  }
  const cells = got.reduce((n, g) => n + g.cells, 0);
  log(`  ${where}: ${plural(got.length, 'chunk')}, ${cells} cells (${reused} from cache), ${retries} retries, ${((http.clock.now() - t0) / 1000).toFixed(1)} s`);
  return { parts, result: { source: id, table: plan.table, status: 'written', updated: t.updated, chunks: got.length, cells, reused, retries } };
}

/** `1 period`, `3 periods`. */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeChunk(tableId: string, plan: TablePlan, chunk: Chunk, k: number, n: number): string {
  const areas = chunk.areas ? plural(chunk.areas.length, 'area') : 'no area variable';
  const periods = `${plural(chunk.periods.length, 'period')} (${periodRange(chunk.periods)})`;
  const contents = plural(plan.contents.values.length, 'content');
  const fixed = plan.fixed.length ? `, fixed ${plan.fixed.map((f) => `${f.code}=${f.values.join('+')}`).join(', ')}` : '';
  return `Table ${tableId} (${plan.table}) live from PxWeb: ${areas} × ${periods} × ${contents}${fixed}; chunk ${k} of ${n}.`;
}

