/**
 * What the local stand-ins of public APIs share (pxweb-server.ts, ckan-server.ts): an HTTP server
 * on 127.0.0.1 with a free port that logs every request, answers it normally or as the first
 * matching fault rule says (a fixed reply, a changed normal reply, or no answer at all), and
 * closes cleanly even with hanging requests.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A reply a stand-in sends. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A fault rule: when `match` accepts a request, reply this way instead (at most `times` times). */
export interface Fault<R> {
  match: (r: R) => boolean;
  /** How many requests the rule affects (default: all). */
  times?: number;
  /** A fixed reply, `'hang'` (never answer), or a function of the normal reply. */
  reply: Reply | 'hang' | ((normal: Reply, r: R) => Reply);
}

export interface StandIn<R> {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: R[];
  /** Fault rules in force; setting them starts their counts afresh. */
  faults: Fault<R>[];
  close(): Promise<void>;
}

/**
 * Starts a stand-in. `answer` gives the normal reply and the request's log entry (whose `status`
 * is filled in when the reply is sent; it stays 0 for a hang).
 */
export async function startStandIn<R extends { status: number }>(
  answer: (req: IncomingMessage, url: URL, body: string) => { log: R; reply: Reply },
  faults: Fault<R>[] = [],
): Promise<StandIn<R>> {
  const requests: R[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const used = new Map<Fault<R>, number>();
  let rules = faults;

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { log, reply: normal } = answer(req, url, Buffer.concat(chunks).toString('utf8'));
    requests.push(log);
    let reply: Reply | 'hang' = normal;
    for (const f of rules) {
      const n = used.get(f) ?? 0;
      if (n >= (f.times ?? Infinity) || !f.match(log)) continue;
      used.set(f, n + 1);
      reply = typeof f.reply === 'function' ? f.reply(normal, log) : f.reply;
      break;
    }
    if (reply === 'hang') {
      // Never answer; the client's timeout must give up. The socket is destroyed on close().
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    log.status = reply.status;
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(reply.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    get faults() {
      return rules;
    },
    set faults(f: Fault<R>[]) {
      rules = f;
      used.clear();
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
