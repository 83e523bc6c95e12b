/**
 * A local stand-in for Statistics Finland's PxWeb API v1, for tests of the live acquire. It
 * listens on 127.0.0.1 (a free port) and answers:
 *  - `GET {prefix}/{lang}/?config` with the API limits,
 *  - `GET {prefix}/{lang}/{database}/{table}` with the table's metadata in that language,
 *  - `POST` of the same address with a JSON query, with a JSON-stat 2.0 dataset sliced from the
 *    table's cells (item, all and top filters; eliminated variables give their total; more cells
 *    than `maxValues` gives HTTP 403 "Too many values selected").
 * The values it serves come from real excerpts in tests/fixtures/pxweb (see pxweb-fixtures.ts);
 * only the JSON-stat container is built here. Faults (rate limits, server errors, hangs, broken
 * JSON…) are injected by rules that match requests, so each test picks its scenario.
 */
import { startStandIn, type Fault as StandInFault, type Reply } from './stand-in.ts';
import type { JsonStatDataset } from '../../src/schema/raw.ts';

export type { Reply };

export type Lang = 'fi' | 'sv' | 'en';
export const SERVED_LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

/** A variable of a served table, with its texts in each language. */
export interface ServedVariable {
  code: string;
  text: Record<Lang, string>;
  values: string[];
  valueTexts: Record<Lang, string[]>;
  time?: boolean;
  elimination?: boolean;
  /** The value answered when the variable is left out of a query (its total). */
  total?: string;
}

/** One cell: a value, or null with a status symbol ("..." = confidential). */
export interface ServedCell {
  value: number | null;
  status?: string;
}

/** A table the server answers for. */
export interface ServedTable {
  /** Path after the language, e.g. `StatFin/tyonv/12r5.px`. */
  path: string;
  title: Record<Lang, string>;
  source: Record<Lang, string>;
  /** The `updated` stamp served in every answer. */
  updated: string;
  variables: ServedVariable[];
  /** Code of the contents variable (for `role.metric`). */
  contentsCode: string;
  /** Cells keyed by {@link cellKey} of their codes in variable order. */
  cells: Map<string, ServedCell>;
}

/** The key of a cell in {@link ServedTable.cells}. */
export function cellKey(codes: readonly string[]): string {
  return codes.join('\u0001');
}

/** What the server recorded about a request. */
export interface LoggedRequest {
  method: string;
  path: string;
  lang: string | null;
  kind: 'config' | 'metadata' | 'probe' | 'data' | 'unknown';
  /** Table path (`StatFin/tyonv/12r5.px`) for metadata and queries. */
  table: string | null;
  /** The parsed query body of a POST. */
  query: { query?: { code: string; selection: { filter: string; values: string[] } }[] } | null;
  /** For a query on a known table: the periods asked for (item filter), and the cells selected. */
  periods: string[];
  cells: number;
  /** Status answered (0 for a hang). */
  status: number;
}

/** A fault rule: when `match` accepts a request, reply this way instead (at most `times` times). */
export type Fault = StandInFault<LoggedRequest>;

export interface PxWebServerOptions {
  tables: ServedTable[];
  /** Answer of `?config`: an object (sent as JSON), a string (sent as is), or null for 404. */
  config?: unknown;
  /** Most cells the server accepts in a query (default: `maxValues` of `config`, else 100,000). */
  maxValues?: number;
  faults?: Fault[];
  /** Path before the language (default `/PxWeb/api/v1`). */
  prefix?: string;
}

export interface PxWebServer {
  /** The API base to give the client, e.g. `http://127.0.0.1:41234/PxWeb/api/v1`. */
  base: string;
  requests: LoggedRequest[];
  /** Fault rules in force; tests may replace them between runs. */
  faults: Fault[];
  /** Tables served; tests may replace them between runs. */
  tables: ServedTable[];
  /** The `?config` answer (see {@link PxWebServerOptions.config}); tests may replace it between runs. */
  config: unknown;
  /** Requests of one kind, e.g. `count('data')`. */
  count(kind: LoggedRequest['kind']): number;
  close(): Promise<void>;
}

/** The config answer Statistics Finland gives (values as documented; see the fixtures README). */
export const REAL_LIKE_CONFIG = { apiVersion: '1.1.0', languages: [{ id: 'fi', text: 'Finnish' }, { id: 'sv', text: 'Swedish' }, { id: 'en', text: 'English' }], defaultLanguage: 'fi', maxValues: 100000, maxCalls: 30, timeWindow: 10, CORS: true };

/** Starts a server on 127.0.0.1 with a free port. */
export async function startPxWebServer(options: PxWebServerOptions): Promise<PxWebServer> {
  const prefix = (options.prefix ?? '/PxWeb/api/v1').replace(/\/+$/, '');
  const state: { tables: ServedTable[]; config: unknown } = {
    tables: options.tables,
    config: options.config === undefined ? REAL_LIKE_CONFIG : options.config,
  };
  const maxValues = () =>
    options.maxValues ??
    (state.config && typeof state.config === 'object' && typeof (state.config as { maxValues?: unknown }).maxValues === 'number'
      ? (state.config as { maxValues: number }).maxValues
      : 100000);

  function answer(method: string, url: URL, body: string, log: LoggedRequest): Reply {
    if (!url.pathname.startsWith(prefix + '/')) return { status: 404, body: 'Not found' };
    const rest = decodeURIComponent(url.pathname.slice(prefix.length + 1));
    const slash = rest.indexOf('/');
    const lang = slash < 0 ? rest : rest.slice(0, slash);
    const tablePath = slash < 0 ? '' : rest.slice(slash + 1);
    log.lang = lang;
    if (!(SERVED_LANGS as readonly string[]).includes(lang)) return { status: 404, body: 'Not found' };
    if (tablePath === '' && url.search === '?config') {
      log.kind = 'config';
      const config = state.config;
      if (config === null) return { status: 404, body: 'Not found' };
      return { status: 200, body: typeof config === 'string' ? config : JSON.stringify(config) };
    }
    const table = state.tables.find((t) => t.path === tablePath);
    log.table = tablePath;
    if (method === 'GET') {
      log.kind = 'metadata';
      if (!table) return { status: 404, body: 'Not found' };
      return { status: 200, body: JSON.stringify(metadataOf(table, lang as Lang)) };
    }
    if (method !== 'POST') return { status: 405, body: 'Method not allowed' };
    let q: LoggedRequest['query'];
    try {
      q = JSON.parse(body) as LoggedRequest['query'];
    } catch {
      return { status: 400, body: 'Bad request: the query is not JSON' };
    }
    log.query = q;
    log.kind = q?.query?.some((s) => s.selection?.filter === 'top') ? 'probe' : 'data';
    if (!table) return { status: 404, body: 'Not found' };
    return queryTable(table, lang as Lang, q, log, maxValues());
  }

  const standIn = await startStandIn<LoggedRequest>((req, url, body) => {
    const log: LoggedRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, lang: null, kind: 'unknown', table: null, query: null, periods: [], cells: 0, status: 0 };
    return { log, reply: answer(req.method ?? 'GET', url, body, log) };
  }, options.faults ?? []);
  const { requests } = standIn;
  return {
    base: `${standIn.origin}${prefix}`,
    requests,
    get faults() {
      return standIn.faults;
    },
    set faults(f: Fault[]) {
      standIn.faults = f;
    },
    get tables() {
      return state.tables;
    },
    get config() {
      return state.config;
    },
    set config(c: unknown) {
      state.config = c;
    },
    set tables(t: ServedTable[]) {
      state.tables = t;
    },
    count: (kind) => requests.filter((r) => r.kind === kind).length,
    close: () => standIn.close(),
  };
}

/** The GET metadata answer of a table in one language (PxWeb v1 shape). */
export function metadataOf(t: ServedTable, lang: Lang): unknown {
  return {
    title: t.title[lang],
    variables: t.variables.map((v) => ({
      code: v.code,
      text: v.text[lang],
      values: v.values,
      valueTexts: v.valueTexts[lang],
      ...(v.elimination !== undefined ? { elimination: v.elimination } : {}),
      ...(v.time !== undefined ? { time: v.time } : {}),
    })),
  };
}

function queryTable(t: ServedTable, lang: Lang, q: LoggedRequest['query'], log: LoggedRequest, maxValues: number): Reply {
  const selections = q?.query ?? [];
  const chosen: { v: ServedVariable; codes: string[]; kept: boolean }[] = [];
  for (const s of selections) {
    if (!t.variables.some((v) => v.code === s.code)) return { status: 400, body: `Bad request: no variable ${s.code}` };
  }
  for (const v of t.variables) {
    const s = selections.find((x) => x.code === v.code);
    if (!s) {
      if (!v.elimination || v.total === undefined) return { status: 400, body: `Bad request: variable ${v.code} must be selected` };
      chosen.push({ v, codes: [v.total], kept: false });
      continue;
    }
    let codes: string[];
    if (s.selection.filter === 'all') codes = [...v.values];
    else if (s.selection.filter === 'top') codes = v.values.slice(-Number(s.selection.values[0] ?? '1'));
    else if (s.selection.filter === 'item') {
      const unknown = s.selection.values.filter((c) => !v.values.includes(c));
      if (unknown.length) return { status: 400, body: `Bad request: ${v.code} has no value ${unknown.join(', ')}` };
      // PxWeb answers categories in the table's order, not the query's.
      codes = v.values.filter((c) => s.selection.values.includes(c));
    } else return { status: 400, body: `Bad request: filter ${s.selection.filter}` };
    chosen.push({ v, codes, kept: true });
    if (v.time) log.periods = codes;
  }
  const cells = chosen.reduce((n, c) => n * c.codes.length, 1);
  log.cells = cells;
  if (cells > maxValues) return { status: 403, body: 'Too many values selected' };

  const kept = chosen.filter((c) => c.kept);
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  const pos = chosen.map(() => 0);
  for (let i = 0; i < cells; i++) {
    const codes = chosen.map((c, k) => c.codes[pos[k]!]!);
    const cell = t.cells.get(cellKey(codes));
    value.push(cell ? cell.value : null);
    if (cell?.status) status[String(i)] = cell.status;
    for (let k = chosen.length - 1; k >= 0; k--) {
      pos[k]!++;
      if (pos[k]! < chosen[k]!.codes.length) break;
      pos[k] = 0;
    }
  }
  const dimension: Record<string, unknown> = {};
  for (const { v, codes } of kept) {
    dimension[v.code] = {
      label: v.text[lang],
      category: {
        index: Object.fromEntries(codes.map((c, i) => [c, i])),
        label: Object.fromEntries(codes.map((c) => [c, v.valueTexts[lang][v.values.indexOf(c)] ?? c])),
      },
    };
  }
  const time = kept.find((c) => c.v.time);
  const ds = {
    class: 'dataset',
    label: t.title[lang],
    source: t.source[lang],
    updated: t.updated,
    role: { ...(time ? { time: [time.v.code] } : {}), metric: [t.contentsCode] },
    version: '2.0',
    id: kept.map((c) => c.v.code),
    size: kept.map((c) => c.codes.length),
    dimension,
    value,
    ...(Object.keys(status).length ? { status } : {}),
  };
  return { status: 200, body: JSON.stringify(ds) };
}

// ---------------------------------------------------------------------------------------------
// Fault rules for the scenarios the tests use.

const isData = (r: LoggedRequest) => r.kind === 'data';

/** Ready-made fault rules, one per scenario. Each matches data queries unless said otherwise. */
export const faults = {
  /** HTTP 429 with `Retry-After: <seconds>` (or none), `times` times, then normal answers. */
  rateLimited: (times: number, retryAfter?: string): Fault => ({
    match: isData,
    times,
    reply: { status: 429, headers: retryAfter !== undefined ? { 'retry-after': retryAfter } : {}, body: 'Too Many Requests' },
  }),
  /** HTTP `status` (500, 503, or 404…) `times` times (default: always). */
  serverError: (status: number, times?: number, match: (r: LoggedRequest) => boolean = isData): Fault => ({
    match,
    ...(times !== undefined ? { times } : {}),
    reply: { status, body: status === 503 ? 'Service Unavailable' : status === 404 ? 'Not found' : 'Internal Server Error' },
  }),
  /** Never answers, `times` times. */
  hang: (times: number, match: (r: LoggedRequest) => boolean = isData): Fault => ({ match, times, reply: 'hang' }),
  /** Answers 200 with the normal body cut in half (invalid JSON), `times` times (default: always). */
  malformed: (times?: number): Fault => ({
    match: isData,
    ...(times !== undefined ? { times } : {}),
    reply: (normal) => ({ status: 200, body: normal.body.slice(0, Math.floor(normal.body.length / 2)) }),
  }),
  /** Answers the normal JSON-stat after `edit` changed it (a corrupt value, a code listed twice…). */
  editAnswer: (edit: (ds: JsonStatDataset) => void): Fault => ({
    match: isData,
    reply: (normal) => {
      if (normal.status !== 200) return normal;
      const ds = JSON.parse(normal.body) as JsonStatDataset;
      edit(ds);
      return { status: 200, body: JSON.stringify(ds) };
    },
  }),
  /** Answers the normal JSON-stat with one dimension renamed (the data no longer fit the query). */
  renameDimensionInAnswer: (from: string, to: string): Fault => ({
    match: isData,
    reply: (normal) => {
      if (normal.status !== 200) return normal;
      const ds = JSON.parse(normal.body) as { id: string[]; dimension: Record<string, unknown> };
      ds.id = ds.id.map((d) => (d === from ? to : d));
      ds.dimension[to] = ds.dimension[from];
      delete ds.dimension[from];
      return { status: 200, body: JSON.stringify(ds) };
    },
  }),
};

/** Matches data queries whose periods include `period`. */
export function dataFor(period: string, table?: string): (r: LoggedRequest) => boolean {
  return (r) => r.kind === 'data' && r.periods.includes(period) && (table === undefined || r.table === table);
}
