/**
 * A local stand-in for an open-data portal's CKAN action API (opendata.fi / avoindata.fi), for
 * tests of the live Kela path. It listens on 127.0.0.1 (a free port) and answers:
 *  - `GET {prefix}/api/3/action/package_show?id=<name>` with `{"help", "success": true, "result"}`
 *    (the dataset with its resources: id, name, format, url, last_modified, metadata_modified,
 *    hash as SHA-256 of the file, size), or HTTP 404 with `{"success": false, "error": …}`,
 *  - `GET {prefix}/dataset/<name>/resource/<id>/download/<file>` with the file's bytes.
 * The files it serves are real Kela files or excerpts of them (tests/fixtures/ckan/README.md);
 * only the CKAN envelope is built here. Faults are injected by rules, as in pxweb-server.ts.
 */
import { createHash } from 'node:crypto';
import { startStandIn, type Fault, type Reply } from './stand-in.ts';

/** A file of a served dataset. */
export interface ServedResource {
  id: string;
  name: string;
  body: string;
  /** The portal's `last_modified` (CKAN writes UTC without a zone). */
  last_modified: string | null;
  /** The published checksum; default the SHA-256 of `body`; null for none. */
  hash?: string | null;
}

/** A dataset the stand-in serves. */
export interface ServedDataset {
  name: string;
  id: string;
  title: string;
  metadata_modified: string;
  resources: ServedResource[];
}

export interface CkanRequest {
  path: string;
  kind: 'package' | 'file' | 'unknown';
  /** Dataset name asked for, or the dataset of a file. */
  dataset: string | null;
  /** File name of a download. */
  file: string | null;
  status: number;
}

export type CkanReply = Reply;
export type CkanFault = Fault<CkanRequest>;

export interface CkanServer {
  /** The action API base to give the client, e.g. `http://127.0.0.1:41234/data/api/3`. */
  base: string;
  requests: CkanRequest[];
  faults: CkanFault[];
  datasets: ServedDataset[];
  count(kind: CkanRequest['kind']): number;
  close(): Promise<void>;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Starts the stand-in on 127.0.0.1 with a free port. */
export async function startCkanServer(options: { datasets: ServedDataset[]; faults?: CkanFault[]; prefix?: string }): Promise<CkanServer> {
  const prefix = (options.prefix ?? '/data').replace(/\/+$/, '');
  const state = { datasets: options.datasets };
  let origin = '';

  function resourceUrl(d: ServedDataset, r: ServedResource): string {
    return `${origin}${prefix}/dataset/${d.name}/resource/${r.id}/download/${encodeURIComponent(r.name)}`;
  }

  function answer(url: URL, log: CkanRequest): CkanReply {
    if (url.pathname === `${prefix}/api/3/action/package_show`) {
      log.kind = 'package';
      const id = url.searchParams.get('id');
      log.dataset = id;
      const d = state.datasets.find((x) => x.name === id || x.id === id);
      if (!d) return { status: 404, body: JSON.stringify({ help: `${origin}${prefix}/api/3/action/help_show?name=package_show`, success: false, error: { message: 'Not found', __type: 'Not Found Error' } }) };
      const result = {
        id: d.id,
        name: d.name,
        title: d.title,
        metadata_modified: d.metadata_modified,
        num_resources: d.resources.length,
        resources: d.resources.map((r, position) => ({
          id: r.id,
          name: r.name,
          format: 'CSV',
          url: resourceUrl(d, r),
          last_modified: r.last_modified,
          metadata_modified: d.metadata_modified,
          hash: r.hash === undefined ? sha256(r.body) : r.hash ?? '',
          size: Buffer.byteLength(r.body),
          package_id: d.id,
          position,
        })),
      };
      return { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify({ help: `${origin}${prefix}/api/3/action/help_show?name=package_show`, success: true, result }) };
    }
    const m = new RegExp(`^${prefix}/dataset/([^/]+)/resource/([^/]+)/download/([^/]+)$`).exec(url.pathname);
    if (m) {
      log.kind = 'file';
      log.dataset = m[1]!;
      log.file = decodeURIComponent(m[3]!);
      const d = state.datasets.find((x) => x.name === m[1]);
      const r = d?.resources.find((x) => x.id === m[2]);
      if (!r) return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1></body></html>' };
      return { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: r.body };
    }
    return { status: 404, body: 'Not found' };
  }

  const standIn = await startStandIn<CkanRequest>((_req, url) => {
    const log: CkanRequest = { path: url.pathname + url.search, kind: 'unknown', dataset: null, file: null, status: 0 };
    return { log, reply: answer(url, log) };
  }, options.faults ?? []);
  origin = standIn.origin;
  const { requests } = standIn;
  return {
    base: `${origin}${prefix}/api/3`,
    requests,
    get faults() {
      return standIn.faults;
    },
    set faults(f: CkanFault[]) {
      standIn.faults = f;
    },
    get datasets() {
      return state.datasets;
    },
    set datasets(d: ServedDataset[]) {
      state.datasets = d;
    },
    count: (kind) => requests.filter((r) => r.kind === kind).length,
    close: () => standIn.close(),
  };
}
