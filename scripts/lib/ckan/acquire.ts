/**
 * The live path for open-data portals that run CKAN (opendata.fi / avoindata.fi, where Kela
 * publishes its statistics as CSV files): `package_show` for the dataset's metadata, then each data
 * file (resource), with the same guarantees as the PxWeb path — throttled, retried, cached so an
 * interrupted run resumes, each file checked against the checksum the portal publishes, converted
 * with the strict CSV importer, and written only through the atomic snapshot write with the
 * coverage guard. The raw part records the file's URL, the SHA-256 of the bytes received and the
 * portal's own dates and checksum.
 *
 * CKAN's action API (docs.ckan.org, API guide): `GET {base}/action/package_show?id=<name>` answers
 * `{"success": true, "result": {…, "resources": [{"id", "name", "url", "last_modified", "hash", …}]}}`,
 * or `{"success": false, "error": {"message", "__type"}}`, possibly with HTTP 404 or 409.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../../src/lib/errors.ts';
import type { Reference } from '../validate/reference.ts';
import { areaCodeChecker } from '../validate/reference.ts';
import type { ManifestEntry } from '../../../src/schema/raw.ts';
import { sha256 } from '../fsx.ts';
import { importWideCsv } from '../importers.ts';
import type { RawPart } from '../snapshot.ts';
import type { ChunkCache } from '../pxweb/cache.ts';
import { AcquireError } from '../pxweb/errors.ts';
import { requestJson, type HttpContext } from '../pxweb/http.ts';
import type { CkanSource } from '../pxweb/sources.ts';

/** Calls per window for a CKAN portal: no limit is published for opendata.fi, so a modest one of our own. */
export const CKAN_LIMITS = Object.freeze({ maxCalls: 5, timeWindow: 10 });

const Resource = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  url: z.string(),
  format: z.string().nullable().optional(),
  last_modified: z.string().nullable().optional(),
  metadata_modified: z.string().nullable().optional(),
  created: z.string().nullable().optional(),
  hash: z.string().nullable().optional(),
  size: z.union([z.number(), z.string()]).nullable().optional(),
});
const PackageShow = z.looseObject({
  success: z.boolean(),
  result: z
    .looseObject({
      id: z.string(),
      name: z.string(),
      title: z.string().optional(),
      metadata_modified: z.string().nullable().optional(),
      resources: z.array(Resource),
    })
    .optional(),
  error: z.looseObject({ message: z.string().optional(), __type: z.string().optional() }).optional(),
});
type CkanResource = z.infer<typeof Resource>;

/** One dataset after `package_show`: the files to fetch, or nothing when unchanged. */
export interface PlannedDataset {
  src: CkanSource;
  where: string;
  packageUrl: string;
  datasetName: string;
  metadataModified: string | null;
  resources: CkanResource[];
  unchanged: boolean;
}

/** CKAN writes times in UTC without a zone (`2025-05-28T06:02:11.123456`); ISO 8601 with Z, or null. */
function ckanTime(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}${m[5] ?? 'Z'}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The stamp that says a file changed: its last modification, else the resource's or dataset's metadata time. */
function stampOf(r: CkanResource, metadataModified: string | null): string | null {
  return ckanTime(r.last_modified) ?? ckanTime(r.metadata_modified) ?? ckanTime(metadataModified);
}

/** A part name for a file: `ckan-data`, `ckan-data_2023`. */
function partName(r: CkanResource): string {
  const base = (r.name || r.id).replace(/\.[A-Za-z0-9]+$/, '');
  return `ckan-${base.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

/**
 * Reads the dataset's metadata and decides what to fetch. A dataset whose files all have the
 * stamps (and URLs) of the source's live entries in the manifest is unchanged unless `force`.
 */
export async function planDataset(http: HttpContext, src: CkanSource, base: string, previous: readonly ManifestEntry[], force: boolean, log: (l: string) => void): Promise<PlannedDataset> {
  const ck = src.source.ckan;
  const where = `${src.source.id} (${ck.dataset})`;
  const packageUrl = `${base}/action/package_show?id=${encodeURIComponent(ck.dataset)}`;
  log(`${where}: dataset metadata from ${base}`);
  let json: unknown;
  try {
    json = (await requestJson(http, { method: 'GET', url: packageUrl, what: `${where}, package_show` })).json;
  } catch (e) {
    if (e instanceof AcquireError && (e.status === 404 || e.status === 409 || e.status === 400))
      throw new AcquireError(
        `${where}: the portal has no dataset "${ck.dataset}" (HTTP ${e.status} from ${packageUrl}); check ckan.dataset in ${src.file}${ck.verified ? '' : ' (the id is marked unverified there)'} against the dataset's address on the portal.`,
        e.status,
      );
    throw e;
  }
  const parsed = PackageShow.safeParse(json);
  if (!parsed.success) throw new AcquireError(`${where}: the answer of ${packageUrl} is not a CKAN package_show answer (${parsed.error.issues[0]?.path.join('.') || 'top'}: ${parsed.error.issues[0]?.message}).`);
  const pkg = parsed.data;
  if (!pkg.success || !pkg.result)
    throw new AcquireError(`${where}: the portal answered success: false (${pkg.error?.__type ?? 'error'}: ${pkg.error?.message ?? 'no message'}); check ckan.dataset in ${src.file}.`);
  let pattern: RegExp;
  try {
    pattern = new RegExp(ck.resources, 'i');
  } catch (e) {
    throw new InputError({ file: src.file, field: 'ckan.resources' }, `not a regular expression (${(e as Error).message})`);
  }
  const resources = pkg.result.resources.filter((r) => pattern.test(r.name || r.url.split('/').pop() || '')).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  if (resources.length === 0)
    throw new AcquireError(
      `${where}: no file of the dataset matches ckan.resources /${ck.resources}/ (files: ${pkg.result.resources.map((r) => r.name ?? r.id).join(', ') || 'none'}); update ${src.file}.`,
    );
  const names = new Set<string>();
  for (const r of resources) {
    const p = partName(r);
    if (names.has(p)) throw new AcquireError(`${where}: two files of the dataset are both named like "${r.name}"; narrow ckan.resources in ${src.file}.`);
    names.add(p);
  }
  const metadataModified = pkg.result.metadata_modified ?? null;
  const mine = previous.filter((e) => e.source === src.source.id && e.origin.kind === 'api');
  const same =
    mine.length === resources.length &&
    resources.every((r) => mine.some((e) => e.origin.kind === 'api' && e.origin.url === r.url && e.source_updated !== null && e.source_updated === stampOf(r, metadataModified)));
  const unchanged = !force && same;
  if (unchanged) log(`  ${where}: unchanged since ${resources.map((r) => stampOf(r, metadataModified)).sort().at(-1)}; skipped (use --force to fetch anyway)`);
  return { src, where, packageUrl, datasetName: pkg.result.name, metadataModified, resources, unchanged };
}

const CONVERSION = 'converted to JSON-stat 2.0 with Kela municipality numbers written as KU codes (000 as SSS) and YYYYMM months as YYYYMmm; values unchanged.';

/** Bytes of a text as UTF-8. */
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Downloads the dataset's files (reusing cached ones), checks them, and converts each into a raw
 * part. Area codes unknown to the reference data are collected first and reported together.
 */
export async function fetchDataset(
  http: HttpContext,
  cache: ChunkCache,
  t: PlannedDataset,
  ctx: { ref: Reference; now: string; cacheDir: string; onUnknownAreas: (where: string, codes: string[]) => never },
  log: (l: string) => void,
): Promise<{ parts: RawPart[]; files: number; bytes: number; reused: number; retries: number }> {
  const ck = t.src.source.ckan;
  const id = t.src.source.id;
  const parts: RawPart[] = [];
  let bytes = 0;
  let reused = 0;
  let retries = 0;
  const known = areaCodeChecker(ctx.ref);
  for (const r of t.resources) {
    const stamp = stampOf(r, t.metadataModified);
    const what = `${t.where}, file ${r.name ?? r.id}`;
    const published = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(r.hash?.trim() ?? '')?.[1]?.toLowerCase() ?? null;
    let text = await cache.get(id, r.url, { resource: r.id }, stamp);
    const fromCache = text !== undefined;
    if (fromCache && published && ck.verify_hash && sha256(utf8(text!)) !== published) text = undefined;
    if (text === undefined) {
      for (let attempt = 1; ; attempt++) {
        const got = await requestJson(http, { method: 'GET', url: r.url, what, expect: 'text' });
        retries += got.retries;
        text = got.text;
        if (!published || !ck.verify_hash || sha256(utf8(text)) === published) break;
        if (attempt >= 2)
          throw new AcquireError(
            `${what}: the file from ${r.url} does not match the SHA-256 the portal publishes for it (${published}; got ${sha256(utf8(text))}) after ${attempt} downloads. The portal may be updating the dataset: run again later. If the published checksum is known to be stale, set ckan.verify_hash: false in ${t.src.file}.`,
          );
        log(`    ${what}: the download does not match the published SHA-256; downloading again`);
      }
      await cache.put(id, r.url, { resource: r.id }, stamp, text);
    } else reused++;
    const received = utf8(text);
    bytes += received.length;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const header = body.slice(0, body.search(/\r?\n|$/));
    const delimiter = ck.table.delimiter !== 'auto' ? ck.table.delimiter : header.includes(';') && !header.includes(',') ? ';' : ',';

    // Area codes first, all of them, so a new municipality is reported with the advice.
    const cols = header.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    const k = cols.indexOf(ck.table.area_column);
    if (k >= 0) {
      const unknown = new Set<string>();
      for (const line of body.split(/\r?\n/).slice(1)) {
        if (!line) continue;
        const raw = (line.split(delimiter)[k] ?? '').trim().replace(/^"|"$/g, '');
        const code = kelaArea(raw);
        if (/^\d{3}$/.test(raw) && !known(code)) unknown.add(code);
      }
      if (unknown.size) ctx.onUnknownAreas(what, [...unknown].sort());
    }

    const csvPath = join(ctx.cacheDir, id, 'files', `${partName(r)}.csv`);
    mkdirSync(join(ctx.cacheDir, id, 'files'), { recursive: true });
    writeFileSync(csvPath, body);
    let part: RawPart;
    try {
      part = importWideCsv(
        { path: csvPath, provenance: `${t.packageUrl} · ${r.name ?? r.id}`, ref: ctx.ref, now: ctx.now },
        {
          source: id,
          part: partName(r),
          description: `${t.src.source.name.en}: file ${r.name ?? r.id} of the open-data dataset ${t.datasetName}${stamp ? ` (last modified ${stamp})` : ''}, fetched live from the portal's CKAN API.`,
          delimiter,
          areaColumn: ck.table.area_column,
          areaCode: kelaArea,
          periodColumn: ck.table.period_column,
          period: 'kela-month',
          keyColumns: ck.table.key_columns,
          ignoreColumns: ck.table.ignore_columns,
          contents: ck.table.contents.map((c) => ({ column: c.column, code: c.code, decimals: c.decimals || c.signed, signed: c.signed })),
          source_updated: stamp,
          source_text: { fi: t.src.source.producer.fi, sv: t.src.source.producer.sv, en: t.src.source.producer.en },
          conversion: CONVERSION,
        },
      );
    } catch (e) {
      if (e instanceof InputError) throw new AcquireError(`${what} (${r.url}): ${e.message.replace(/^[^:]*\.csv(?=[,:])/, 'the file')}; the file's columns or values are not what ${t.src.file} describes${ck.verified ? '' : ' (its ckan block is marked unverified)'}. Nothing was replaced.`);
      throw e;
    }
    parts.push({
      ...part,
      retrieved_at: ctx.now,
      origin: {
        kind: 'api',
        url: r.url,
        method: 'GET',
        sha256: sha256(received),
        conversion: `${delimiter === ';' ? 'Semicolon' : 'Comma'}-separated CSV${body !== text ? ' (byte-order mark removed)' : ''}: ${CONVERSION}`,
        published: {
          dataset: t.datasetName,
          resource_id: r.id,
          name: r.name ?? r.id,
          last_modified: r.last_modified ?? null,
          metadata_modified: r.metadata_modified ?? t.metadataModified,
          hash: r.hash ?? null,
        },
      },
    });
    log(`  ${what}: ${received.length} bytes${fromCache ? ' (from cache)' : ''}, ${part.data && 'size' in part.data ? part.data.size.reduce((a, b) => a * b, 1) : 0} cells`);
  }
  return { parts, files: t.resources.length, bytes, reused, retries };
}

/** Kela's municipality number as a StatFin code: `091` → `KU091`, `000` → `SSS`; anything else as it is. */
function kelaArea(text: string): string {
  if (text === '000') return 'SSS';
  return /^\d{3}$/.test(text) ? `KU${text}` : text;
}

