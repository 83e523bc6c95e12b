/**
 * Fault tests for the defects of issue #15 (1–6), against the local PxWeb stand-in in the current
 * codes (Alue, timeperiod_m, contentscode). Each ends in a clear message and an untouched
 * snapshot (byte for byte), or in a recorded acceptance. Values are real (tests/fixtures/pxweb);
 * the "old" and "new" versions of a table are real data with periods or contents left out.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../../src/lib/jsonstat.ts';
import { writeSnapshot } from '../../scripts/lib/snapshot.ts';
import { fakeClock } from '../../scripts/lib/pxweb/throttle.ts';
import { FIXTURES, renameValue, table12r5History, withoutContent, withoutPeriods } from '../helpers/pxweb-fixtures.ts';
import { REAL_LIKE_CONFIG, startPxWebServer, type Fault, type PxWebServer } from '../helpers/pxweb-server.ts';
import { closeAfterEach, ROOT, folderDigest, liveCell, readManifestSync, runLive, workspace, type Workspace } from '../helpers/pxweb-harness.ts';
import { runScript } from '../helpers/data-harness.ts';

const R5 = 'statfin-tyonv-12r5';
let server: PxWebServer | null = null;
let ws: Workspace | null = null;
const track = closeAfterEach();

/**
 * A file-import part of 12r5 from the real CSV excerpt (../shared/data/tyonv/12r5_kunnat_2006M01-2023M10.csv),
 * with the months `keep` accepts: the older parts of the snapshot that keep their values.
 */
async function seedFilePart(raw: string, keep: (month: string) => boolean): Promise<void> {
  const lines = readFileSync(join(FIXTURES, '12r5_kunnat_2022M11-2023M10_excerpt.csv'), 'utf8').trim().split('\n');
  const unq = (s: string) => s.replace(/^"|"$/g, '');
  const codes = lines[0]!.split(',').map(unq).slice(2);
  const rows = lines.slice(1).map((l) => l.split(',').map(unq)).filter((r) => keep(r[1]!));
  const areas = [...new Set(rows.map((r) => r[0]!))];
  const months = [...new Set(rows.map((r) => r[1]!))].sort();
  const data = buildDataset(
    [
      { id: 'Alue', codes: areas },
      { id: 'timeperiod_m', codes: months },
      { id: 'contentscode', codes },
    ],
    rows.flatMap((r) => codes.map((c, k) => ({ codes: [r[0]!, r[1]!, c], value: r[k + 2] === 'NA' ? null : Number(r[k + 2]), status: r[k + 2] === 'NA' ? '...' : null }))),
    { role: { geo: ['Alue'], time: ['timeperiod_m'], metric: ['contentscode'] } },
  );
  await writeSnapshot(
    raw,
    [
      {
        source: R5,
        part: 'seed-2022M11-2023M09',
        description: 'Test seed: 12r5 unemployed, labour force and vacancies, five areas, from the real excerpt.',
        format: 'json-stat2',
        lang: 'fi',
        data,
        origin: { kind: 'file', path: 'tests/fixtures/pxweb/12r5_kunnat_2022M11-2023M10_excerpt.csv', sha256: '0'.repeat(64), provenance: 'test seed', conversion: 'rows copied' },
        retrieved_at: '2023-12-01T00:00:00Z',
        source_updated: null,
        source_text: { fi: 'Työ- ja elinkeinoministeriö, Työnvälitystilasto' },
      },
    ],
    () => false,
  );
}

/** The stand-in serving `t`, a workspace, and a first (old) live run of `old` when given. */
async function setUp(t: ReturnType<typeof table12r5History>, old?: ReturnType<typeof table12r5History>, faults: Fault[] = []) {
  server = track(await startPxWebServer({ tables: [old ?? t], faults }));
  ws = track(workspace());
  if (old) {
    const first = await runLive(server, ws);
    assert.equal(first.error, null, first.error?.message);
    server.tables = [t];
    server.requests.length = 0;
  }
  return { srv: server, w: ws };
}

const report = (e: Error | null) => (e as (Error & { report?: string }) | null)?.report ?? '';

describe('1. a series that vanishes while the rest moves on', () => {
  test('TYOTTOMATLOPUSSA gone from the table: stopped, with the indicators named; accepted, recorded', async () => {
    // Old: the excerpt as a file part and the live table, both to 2023M09. New: the table to
    // 2023M10 without TYOTTOMATLOPUSSA, so `unemployed` would stay at 2023-09 from the file part.
    const history = table12r5History();
    const { srv, w } = await setUp(withoutContent(history, 'TYOTTOMATLOPUSSA'), withoutPeriods(history, ['2023M10']));
    // The file part goes in after the first live run (writeSnapshot keeps the live entries).
    await seedFilePart(w.raw, (m) => m <= '2023M09');
    const before = folderDigest(w.raw);
    const run = await runLive(srv, w, { force: true });
    assert.equal(run.error?.name, 'CoverageError');
    assert.match(run.error!.message, /coverage guard stopped the refresh of statfin-tyonv-12r5: \d+ regressions \(.*stops-short.*\); nothing was replaced/);
    assert.match(report(run.error), /TYOTTOMATLOPUSSA, country: stops at 2023-09 while the source now reaches 2023-10 \(before the refresh it was level with the source\) \(used by [^)]*unemployed[,)]/);
    assert.match(report(run.error), /TYOTTOMATLOPUSSA, municipality: stops at 2023-09/);
    assert.match(report(run.error), /What to do:[\s\S]*--accept "<why>"/);
    assert.deepEqual(folderDigest(w.raw), before, 'data/raw is byte for byte as it was');
    assert.match(readFileSync(join(w.cache, 'coverage-report.md'), 'utf8'), /stops at 2023-09/);

    const accepted = await runLive(srv, w, { force: true, accept: 'test: the source dropped the code' });
    assert.equal(accepted.error, null, accepted.error?.message);
    const m = readManifestSync(w.raw);
    assert.equal(m.refresh?.accepted?.reason, 'test: the source dropped the code');
    assert.ok(m.refresh!.regressions.some((r) => r.kind === 'stops-short' && r.code === 'TYOTTOMATLOPUSSA' && r.level === 'country'));
    assert.equal(m.acceptances?.[0]?.reason, 'test: the source dropped the code');
  });

  test('a content code gone from every part is reported as gone', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(withoutContent(history, 'AVPAIKATLOPUSSA'), history);
    const before = folderDigest(w.raw);
    const run = await runLive(srv, w, { force: true });
    assert.match(report(run.error), /content code AVPAIKATLOPUSSA has no cells any more \(used by [^)]*vacancies/);
    assert.deepEqual(folderDigest(w.raw), before);
  });
});

describe('2. a new municipality code', () => {
  test('is caught before the swap, with the advice to update data/reference', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(renameValue(history, 'Alue', 'KU211', 'KU999'), history);
    const before = folderDigest(w.raw);
    const run = await runLive(srv, w, { force: true });
    assert.equal(run.error?.name, 'CoverageError');
    assert.match(run.error!.message, /area codes unknown to data\/reference \(statfin-tyonv-12r5: KU999\); update data\/reference \(npm run data:reference\) and run again\. Nothing was replaced\./);
    assert.match(report(run.error), /npm run data:reference[\s\S]*municipality-mergers\.csv[\s\S]*cached and reused/);
    assert.deepEqual(folderDigest(w.raw), before);
    // Even --accept does not let an unknown code through: validate would refuse it.
    const accepted = await runLive(srv, w, { force: true, accept: 'try' });
    assert.match(accepted.error?.message ?? '', /unknown to data\/reference/);
    assert.deepEqual(folderDigest(w.raw), before);
  });
});

describe('3. lost periods', () => {
  test('a month removed from the middle', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(withoutPeriods(history, ['2023M03']), history);
    const before = folderDigest(w.raw);
    const run = await runLive(srv, w, { force: true });
    assert.match(report(run.error), /TYOTTOMATLOPUSSA, country: 1 period lost all values \(2023-03\)/);
    assert.deepEqual(folderDigest(w.raw), before);
  });

  test('the latest month retracted', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(withoutPeriods(history, ['2023M10']), history);
    const before = folderDigest(w.raw);
    const run = await runLive(srv, w, { force: true });
    assert.match(report(run.error), /TYOVOIMATK, municipality: the latest period moved back from 2023-10 to 2023-09/);
    assert.match(report(run.error), /TYOVOIMATK, municipality: 1 period lost all values \(2023-10\)/);
    assert.deepEqual(folderDigest(w.raw), before);
    // Accepted, the lost period is recorded for CHANGES.md.
    const ok = await runLive(srv, w, { force: true, accept: 'test: 2023M10 withdrawn' });
    assert.equal(ok.error, null, ok.error?.message);
    const lost = readManifestSync(w.raw).refresh!.lost_periods;
    assert.ok(lost.some((l) => l.code === 'TYOTTOMATLOPUSSA' && l.level === 'country' && l.periods.join() === '2023-10'));

    // validate and derive carry the record into CHANGES.md: the acceptance and every lost period.
    // The stand-in serves 3 of 12r5's contents, so the snapshot is partial on purpose.
    const v = await runScript('scripts/validate.ts', ['--raw', w.raw, '--out', join(w.dir, 'validated'), '--partial-snapshot']);
    assert.equal(v.code, 0, v.stderr);
    const d = await runScript('scripts/derive.ts', ['--in', join(w.dir, 'validated'), '--out', join(w.dir, 'derived')]);
    assert.equal(d.code, 0, d.stderr);
    const changes = readFileSync(join(w.dir, 'derived', 'CHANGES.md'), 'utf8');
    assert.match(changes, /## Needs attention\n\n- the last refresh \([^)]*\) let \d+ regressions through, accepted as "test: 2023M10 withdrawn"/);
    assert.match(changes, /\| statfin-tyonv-12r5 \| TYOTTOMATLOPUSSA \| country \| 2023-10 \|/);
    assert.match(changes, /Revisions of published values: 0 of \d+ values the previous snapshot had changed/);
  });

  test('a large share of published values revised stops the refresh; a small one is recorded', async () => {
    const history = table12r5History();
    // Revise published values by swapping two areas' codes: real values, in the wrong places.
    const swapped = renameValue(renameValue(renameValue(history, 'Alue', 'KU049', 'KUTMP'), 'Alue', 'KU091', 'KU049'), 'Alue', 'KUTMP', 'KU091');
    const { srv, w } = await setUp(swapped, history);
    const run = await runLive(srv, w, { force: true });
    assert.match(report(run.error), /of 180 published values revised \(\d+\.\d %, more than 5\.0 %\)/);
    const ok = await runLive(srv, w, { force: true, maxRevisedShare: 1 });
    assert.equal(ok.error, null, ok.error?.message);
    const rev = readManifestSync(w.raw).refresh!.revisions;
    assert.equal(rev.compared, 180);
    assert.ok(rev.revised >= 48, `${rev.revised}`);
    assert.ok(rev.largest.length > 0);
  });
});

describe('4. a run killed during the swap', () => {
  test('its staging folder is removed by the next run', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(history);
    // A real process id that no longer exists: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(w.raw, { recursive: true });
    const stale = join(w.dir, `.raw-staging-${gone}`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'manifest.json'), '{"half": ');
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.equal(existsSync(stale), false);
    assert.ok(run.lines.some((l) => l === `removed .raw-staging-${gone}, left behind by an interrupted earlier run`));
  });

  test('a staging folder of a live process is left alone', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(history);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const mine = join(w.dir, `.raw-staging-${child.pid}`);
      mkdirSync(mine, { recursive: true });
      const run = await runLive(srv, w);
      assert.equal(run.error, null, run.error?.message);
      assert.equal(existsSync(mine), true);
    } finally {
      child.kill();
    }
  });
});

describe('5. a 403 with an HTML page (IIS)', () => {
  const iis = (html: string): Fault => ({
    match: (r) => r.kind === 'data' && r.cells > 100,
    reply: { status: 403, headers: { 'content-type': 'text/html' }, body: html },
  });

  test('an IIS error page that hides the reason: the chunk is split until it fits', async () => {
    const page = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html><head><title>403 - Forbidden: Access is denied.</title></head><body><div id="content"><h2>403 - Forbidden: Access is denied.</h2></div></body></html>';
    const { srv, w } = await setUp(table12r5History(), undefined, [iis(page)]);
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.deepEqual(srv.requests.filter((r) => r.kind === 'data').map((r) => [r.cells, r.status]), [[180, 403], [90, 200], [90, 200]]);
    // From ../shared/data/tyonv/12r5_kunnat_2006M01-2023M10.csv.
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2023M06', contentscode: 'TYOTTOMATLOPUSSA' }).value, 264731);
  });

  test('an HTML page that says "too many values" between tags', async () => {
    const { srv, w } = await setUp(table12r5History(), undefined, [iis('<html><body><p>Too&nbsp;many <b>values</b> selected</p></body></html>')]);
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.ok(run.lines.some((l) => /the server says too many values; splitting into 90 \+ 90 cells/.test(l)));
  });

  test('a 403 on the probe is a clear error, not a stack trace', async () => {
    const { srv, w } = await setUp(table12r5History(), undefined, [{ match: (r) => r.kind === 'probe', reply: { status: 403, headers: { 'content-type': 'text/html' }, body: '<html><body>Forbidden</body></html>' } }]);
    const run = await runLive(srv, w);
    assert.equal(run.error?.name, 'AcquireError');
    assert.match(run.error!.message, /probe \(fi\): POST .* failed with HTTP 403 .*\("Forbidden"\); the server refuses the request/);
  });
});

describe('6. a margin under the call limit, also across runs', () => {
  /** Call starts on the injected clock, across runs that share it. */
  function recorder(clock: ReturnType<typeof fakeClock>) {
    const starts: number[] = [];
    const spy: typeof fetch = (input, init) => {
      starts.push(clock.now());
      return fetch(input, init);
    };
    return { starts, spy };
  }
  const busiest = (starts: number[], windowMs: number) => Math.max(...starts.map((s) => starts.filter((t) => t > s - windowMs && t <= s).length));

  test('at most 27 calls in any 10 s when the API allows 30', async () => {
    // maxValues 14: 24 data chunks + 1 config + 3 metadata + 3 probes = 31 calls.
    const { srv, w } = await setUp(table12r5History());
    srv.config = { ...REAL_LIKE_CONFIG, maxValues: 14 };
    const clock = fakeClock(1_700_000_000_000);
    const { starts, spy } = recorder(clock);
    const run = await runLive(srv, w, { clock, fetch: spy });
    assert.equal(run.error, null, run.error?.message);
    assert.equal(starts.length, 31);
    assert.ok(busiest(starts, 10_000) <= 27, `busiest window: ${busiest(starts, 10_000)}`);
  });

  test('a run started right after another waits for the window the first one used (call log in the cache folder)', async () => {
    // The API allows 3 calls in 10 s, so a run keeps to 2; the first run ends with a full window.
    const { srv, w } = await setUp(table12r5History());
    srv.config = { ...REAL_LIKE_CONFIG, maxValues: 60, maxCalls: 3, timeWindow: 10 };
    const clock = fakeClock(1_700_000_000_000);
    const { starts, spy } = recorder(clock);
    const first = await runLive(srv, w, { clock, fetch: spy });
    assert.equal(first.error, null);
    assert.equal(starts.length, 10);
    // The second run starts at once (same clock, new throttle): unchanged, it makes 1 + 3 + 3
    // calls, and none of them may crowd the first run's last window.
    const second = await runLive(srv, w, { clock, fetch: spy });
    assert.equal(second.error, null);
    assert.equal(starts.length, 17);
    assert.ok(busiest(starts, 10_000) <= 2, `busiest window across both runs: ${busiest(starts, 10_000)}`);
    assert.ok(existsSync(join(w.cache, 'calls')), 'the call log is in the cache folder');
  });

  test('a pause asked for by a 429 holds for the next run too', async () => {
    const { srv, w } = await setUp(table12r5History(), undefined, [{ match: (r) => r.kind === 'data', times: 1, reply: { status: 429, headers: { 'retry-after': '120' }, body: 'Too Many Requests' } }]);
    const clock = fakeClock(1_700_000_000_000);
    const first = await runLive(srv, w, { clock, retry: { attempts: 1 } });
    assert.match(first.error?.message ?? '', /HTTP 429/);
    // Started at once after the failed run, the next run waits until the 120 s are over.
    const t0 = clock.now();
    const { starts, spy } = recorder(clock);
    const second = await runLive(srv, w, { clock, fetch: spy });
    assert.equal(second.error, null, second.error?.message);
    assert.ok(starts[0]! >= t0 + 119_000, `first call after ${starts[0]! - t0} ms`);
  });
});

describe('the CLI prints the guard\'s report and exits 1', () => {
  test('scripts/acquire-live.ts with a lost month', async () => {
    const history = table12r5History();
    const { srv, w } = await setUp(withoutPeriods(history, ['2023M10']), history);
    const before = folderDigest(w.raw);
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const { PXWEB_BASE: _a, CKAN_BASE: _b, ...env } = process.env;
      const child = spawn(process.execPath, ['scripts/acquire-live.ts', '--source', R5, '--force', '--base', srv.base, '--out', w.raw, '--cache', w.cache, '--sources-dir', join(FIXTURES, 'sources')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Coverage guard: the refresh of statfin-tyonv-12r5 would lose data; nothing was replaced\./);
    assert.match(r.stderr, /\nerror: the coverage guard stopped the refresh/);
    assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
    assert.deepEqual(folderDigest(w.raw), before);
  });
});
