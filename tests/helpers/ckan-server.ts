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
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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

export interface CkanReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface CkanFault {
  match: (r: CkanRequest) => boolean;
  times?: number;
  reply: CkanReply | 'hang' | ((normal: CkanReply, r: CkanRequest) => CkanReply);
}

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
  const requests: CkanRequest[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const used = new Map<CkanFault, number>();
  const state = { datasets: options.datasets, faults: options.faults ?? [] };
  let origin = '';

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req) void _;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log: CkanRequest = { path: url.pathname + url.search, kind: 'unknown', dataset: null, file: null, status: 0 };
    requests.push(log);
    const normal = answer(url, log);
    let reply: CkanReply | 'hang' = normal;
    for (const f of state.faults) {
      const n = used.get(f) ?? 0;
      if (n >= (f.times ?? Infinity) || !f.match(log)) continue;
      used.set(f, n + 1);
      reply = typeof f.reply === 'function' ? f.reply(normal, log) : f.reply;
      break;
    }
    if (reply === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    log.status = reply.status;
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(reply.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base: `${origin}${prefix}/api/3`,
    requests,
    get faults() {
      return state.faults;
    },
    set faults(f: CkanFault[]) {
      state.faults = f;
      used.clear();
    },
    get datasets() {
      return state.datasets;
    },
    set datasets(d: ServedDataset[]) {
      state.datasets = d;
    },
    count: (kind) => requests.filter((r) => r.kind === kind).length,
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
