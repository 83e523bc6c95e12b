/**
 * Acquire live: refreshes the raw snapshot (data/raw/) from Statistics Finland's PxWeb API v1 for
 * every data/sources/*.yaml with a `pxweb` block, and from the open-data portal's CKAN API for
 * every one with a `ckan` block (Kela). Polite (throttled under the APIs' own limits, also across
 * runs), restartable (completed chunks are cached in data/.acquire-cache/), guarded (a refresh that
 * would lose data stops with a report, see scripts/lib/guard/) and all-or-nothing: the snapshot is
 * written once at the end, so a failed or refused run leaves data/raw/ as it was.
 *
 * Usage: npm run data:acquire [-- options]
 *   --source <id>        only this source (repeat, or a comma list)
 *   --kind <pxweb|ckan>  only Statistics Finland's tables (pxweb) or the open-data portal's datasets (ckan)
 *   --force              fetch even when the table's `updated` stamp has not changed
 *   --accept <reason>    let the coverage guard's regressions through, for this reason (recorded
 *                        in data/raw/manifest.json and reported in CHANGES.md)
 *   --max-revised-share <0..1>  share of published values a refresh may revise (default 0.05)
 *   --out <folder>       raw snapshot folder (default data/raw)
 *   --base <url>         PxWeb API base for every source (default each source's pxweb.base; env PXWEB_BASE)
 *   --ckan-base <url>    CKAN API base for every source (default each source's ckan.base; env CKAN_BASE)
 *   --timeout <ms>       timeout of each request (default 60000)
 *   --cache <folder>     chunk cache folder (default data/.acquire-cache)
 *   --sources-dir <dir>  source files (default data/sources)
 *   --retries <n>        attempts per request, including the first (default 5)
 *   --retry-delay <ms>   first backoff delay, doubled each retry (default 1000)
 */
import { parseArgs } from 'node:util';
import { ROOT, runMain } from './lib/args.ts';
import { runAcquireLive } from './lib/pxweb/acquire.ts';
import { AcquireError } from './lib/pxweb/errors.ts';
import { CoverageError } from './lib/guard/guard.ts';

function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new AcquireError(`--${name} must be a whole number ≥ 1 (got "${text}").`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        source: { type: 'string', multiple: true },
        kind: { type: 'string' },
        force: { type: 'boolean' },
        accept: { type: 'string' },
        'max-revised-share': { type: 'string' },
        out: { type: 'string' },
        base: { type: 'string' },
        'ckan-base': { type: 'string' },
        timeout: { type: 'string' },
        cache: { type: 'string' },
        'sources-dir': { type: 'string' },
        retries: { type: 'string' },
        'retry-delay': { type: 'string' },
      },
    }));
  } catch (e) {
    throw new AcquireError(`${(e as Error).message} (see the usage at the top of scripts/acquire-live.ts)`);
  }
  const sources = (values.source ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const retryDelay = values['retry-delay'] === undefined ? undefined : Number(values['retry-delay']);
  if (retryDelay !== undefined && !(retryDelay >= 0)) throw new AcquireError(`--retry-delay must be a number of ms ≥ 0 (got "${values['retry-delay']}").`);
  if (values.kind !== undefined && values.kind !== 'pxweb' && values.kind !== 'ckan') throw new AcquireError(`--kind must be pxweb or ckan (got "${values.kind}").`);
  const share = values['max-revised-share'] === undefined ? undefined : Number(values['max-revised-share']);
  if (share !== undefined && !(share >= 0 && share <= 1)) throw new AcquireError(`--max-revised-share must be a number from 0 to 1 (got "${values['max-revised-share']}").`);
  if (values.accept !== undefined && values.accept.trim() === '') throw new AcquireError('--accept needs a reason: --accept "<why the loss is intended>".');
  await runAcquireLive({
    root: ROOT,
    rawDir: values.out ?? 'data/raw',
    cacheDir: values.cache ?? 'data/.acquire-cache',
    sourcesDir: values['sources-dir'] ?? 'data/sources',
    base: values.base ?? (process.env.PXWEB_BASE || undefined),
    ckanBase: values['ckan-base'] ?? (process.env.CKAN_BASE || undefined),
    sources,
    ...(values.kind ? { kinds: [values.kind as 'pxweb' | 'ckan'] } : {}),
    force: values.force ?? false,
    accept: values.accept ?? null,
    ...(share !== undefined ? { maxRevisedShare: share } : {}),
    timeoutMs: positiveInt('timeout', values.timeout),
    retry: {
      ...(values.retries !== undefined ? { attempts: positiveInt('retries', values.retries)! } : {}),
      ...(retryDelay !== undefined ? { baseDelayMs: retryDelay } : {}),
    },
  });
}

// An AcquireError is an expected failure (the API, the network or a source file): one line, no
// stack; the coverage guard's report comes before it. runMain prints InputErrors (broken source
// files) the same way and anything else in full.
runMain(() =>
  main().catch((err: unknown) => {
    if (err instanceof AcquireError) {
      if (err instanceof CoverageError) console.error(`\n${err.report}\n`);
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }),
);
