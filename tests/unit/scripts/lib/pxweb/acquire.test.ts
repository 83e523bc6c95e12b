/**
 * The live acquire end to end, in-process, against the local PxWeb server on 127.0.0.1 serving
 * real excerpts. Every failure case checks that the previous snapshot is byte for byte as it was.
 * Expected values are copied from ../shared/data (see tests/fixtures/pxweb/README.md), never
 * computed by the code under test.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../../../../scripts/lib/fsx.ts';
import { cellsOf } from '../../../../../src/lib/jsonstat.ts';
import { fakeClock } from '../../../../../scripts/lib/pxweb/throttle.ts';
import { oldForm, renameValue, renameVariable, table11ra, table11re, table12r5History, table12r5Latest } from '../../../../helpers/pxweb-fixtures.ts';
import { dataFor, faults, REAL_LIKE_CONFIG, startPxWebServer, type PxWebServer, type PxWebServerOptions } from '../../../../helpers/pxweb-server.ts';
import { closeAfterEach, filesUnder, folderDigest, liveCell, readManifestSync, runLive, seedSnapshot, workspace, type Workspace } from '../../../../helpers/pxweb-harness.ts';

const R5 = 'statfin-tyonv-12r5';
const RA = 'statfin-vaerak-11ra';
const U = { contentscode: 'TYOTTOMATLOPUSSA' };

let server: PxWebServer | null = null;
let ws: Workspace | null = null;
const track = closeAfterEach();

/** A server and a workspace whose raw folder holds a seeded previous snapshot. */
async function setUp(opts: PxWebServerOptions, liveUpdated?: string): Promise<{ srv: PxWebServer; w: Workspace; before: Record<string, string> }> {
  server = track(await startPxWebServer(opts));
  ws = track(workspace());
  await seedSnapshot(ws.raw, liveUpdated);
  return { srv: server, w: ws, before: folderDigest(ws.raw) };
}

const smallChunks = { ...REAL_LIKE_CONFIG, maxValues: 60 };

describe('a successful run', () => {
  test('writes the 2026M06 values, metadata in fi/sv/en and provenance into the snapshot', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    // Values from ../shared/data/tyonv/12r5_2026M06_pxweb.json.
    assert.deepEqual(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2026M06', ...U }), { value: 352001, status: null });
    assert.deepEqual(liveCell(w.raw, R5, { Alue: 'KU091', timeperiod_m: '2026M06', ...U }), { value: 52578, status: null });
    assert.deepEqual(liveCell(w.raw, R5, { Alue: 'KU091', timeperiod_m: '2026M06', contentscode: 'TYOVOIMATK' }), { value: 370847, status: null });
    assert.deepEqual(liveCell(w.raw, R5, { Alue: 'KU091', timeperiod_m: '2026M06', contentscode: 'TYOTOSUUS' }), { value: 14.2, status: null });
    assert.deepEqual(liveCell(w.raw, R5, { Alue: 'KU062', timeperiod_m: '2026M06', ...U }), { value: null, status: '...' });

    const m = readManifestSync(w.raw);
    const live = m.entries.filter((e) => e.source === R5 && e.origin.kind === 'api');
    assert.deepEqual(live.map((e) => e.file), [
      'statfin-tyonv-12r5/live-001.json',
      'statfin-tyonv-12r5/live-metadata.en.json',
      'statfin-tyonv-12r5/live-metadata.fi.json',
      'statfin-tyonv-12r5/live-metadata.sv.json',
    ]);
    const data = live[0]!;
    assert.equal(data.source_updated, '2026-07-21T05:00:00Z');
    assert.equal(data.source_text?.fi, 'KEHA-keskus, Työnvälitystilasto');
    assert.equal(data.source_text?.sv, 'Arbets- och näringsministeriet, Arbetsförmedlingsstatistik');
    assert.equal(data.cells, 7 * 23);
    assert.match(data.description, /7 areas × 1 period \(2026M06\) × 23 contents; chunk 1 of 1/);
    assert.equal(data.origin.kind === 'api' && data.origin.method, 'POST');
    assert.equal(data.origin.kind === 'api' && data.origin.url, `${srv.base}/fi/StatFin/tyonv/12r5.px`);
    // The query was built from the metadata: post-June-2026 codes, SK011 left out by area_prefixes.
    const query = (data.origin as { query: { query: { code: string; selection: { values: string[] } }[] } }).query;
    assert.deepEqual(query.query.map((s) => s.code), ['Alue', 'timeperiod_m', 'contentscode']);
    assert.equal(query.query[0]!.selection.values.includes('SK011'), false);
    // Files are the answers byte for byte, and the manifest checksums match them.
    for (const e of live) assert.equal(sha256(readFileSync(join(w.raw, e.file))), e.sha256);
    const metaSv = JSON.parse(readFileSync(join(w.raw, 'statfin-tyonv-12r5/live-metadata.sv.json'), 'utf8')) as { variables: { text: string }[] };
    assert.deepEqual(metaSv.variables.map((v) => v.text), ['Område', 'Månad', 'Uppgifter']);
    // The file-import entry of the seed is kept; the cache is gone.
    assert.ok(m.entries.some((e) => e.part === 'seed-file'));
    assert.equal(existsSync(join(w.cache, R5)), false);
    // One config, three metadata, three probes, one data request.
    assert.deepEqual([srv.count('config'), srv.count('metadata'), srv.count('probe'), srv.count('data')], [1, 3, 3, 1]);
  });

  test('11ra: dated area code and prefixed content code; 5,652,881 in the whole country', async () => {
    const { srv, w } = await setUp({ tables: [table11ra()] });
    const run = await runLive(srv, w, { sources: [RA] });
    assert.equal(run.error, null, run.error?.message);
    const at = (area: string) => liveCell(w.raw, RA, { alue_23_20260101: area, timeperiod_y: '2025', contentscode: 'vaerak-vaesto' });
    // Values from ../shared/data/population/11ra_2025_pxweb.json.
    assert.equal(at('SSS').value, 5652881);
    assert.equal(at('KU091').value, 694392);
    assert.equal(at('TA08').value, 694392);
    assert.equal(readManifestSync(w.raw).entries.find((e) => e.source === RA && e.format === 'json-stat2')?.source_text?.fi, 'Tilastokeskus, väestörakenne');
  });

  test('11re with sex fixed by its text: only the total is requested', async () => {
    const { srv, w } = await setUp({ tables: [table11re()] });
    const run = await runLive(srv, w, { sources: ['statfin-vaerak-11re'] });
    assert.equal(run.error, null, run.error?.message);
    // From ../shared/data/population/11re_2025_pxweb.json.
    assert.equal(liveCell(w.raw, 'statfin-vaerak-11re', { alue_23_20260101: 'KU091', sukupuoli_9_20180101: 'SSS', contentscode: 'vaerak-vaesto' }).value, 694392);
  });

  test('a renamed variable code in the metadata is followed, since queries are built from it', async () => {
    const t = renameVariable(renameVariable(table12r5Latest(), 'Alue', 'alue_25_20260601'), 'contentscode', 'ContentsCode');
    const { srv, w } = await setUp({ tables: [t] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.equal(liveCell(w.raw, R5, { alue_25_20260601: 'SSS', ContentsCode: 'TYOTTOMATLOPUSSA' }).value, 352001);
  });

  test('the form before June 2026 (Kuukausi, Tiedot) is acquired as well', async () => {
    const { srv, w } = await setUp({ tables: [oldForm(table12r5History())] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    const data = srv.requests.find((r) => r.kind === 'data')!;
    assert.deepEqual(data.query?.query?.map((s) => s.code), ['Alue', 'Kuukausi', 'Tiedot']);
    // From ../shared/data/tyonv/12r5_kunnat_2006M01-2023M10.csv.
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', Kuukausi: '2023M06', Tiedot: 'TYOTTOMATLOPUSSA' }).value, 264731);
  });

  test('a table without an English version (404) is acquired without it, with a warning', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], faults: [faults.serverError(404, undefined, (r) => r.kind === 'metadata' && r.lang === 'en')] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.ok(run.lines.some((l) => /warning: statfin-tyonv-12r5 \(tyonv\/12r5\.px\) has no en version/.test(l)));
    const live = readManifestSync(w.raw).entries.filter((e) => e.source === R5 && e.origin.kind === 'api');
    assert.deepEqual(live.map((e) => e.file), ['statfin-tyonv-12r5/live-001.json', 'statfin-tyonv-12r5/live-metadata.fi.json', 'statfin-tyonv-12r5/live-metadata.sv.json']);
    assert.equal(live[0]!.source_text?.en, undefined);
    assert.equal(srv.count('probe'), 2);
  });

  test('unreadable ?config falls back to the documented limits and says so', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], config: null });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.ok(run.lines.some((l) => /^warning: could not read the API limits .*using maxValues 100000, 30 calls \/ 10 s/.test(l)));
  });
});

describe('retries that end in success', () => {
  test('HTTP 429 with a Retry-After longer than the window: the client waits as told', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], faults: [faults.rateLimited(1, '30')] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.deepEqual(run.clock.sleeps, [30_000]);
    assert.equal(srv.count('data'), 2);
    assert.equal(run.result?.tables[0]?.retries, 1);
    assert.ok(run.lines.some((l) => /retry 1\/4 .* HTTP 429.*waits out the rate window/.test(l)));
  });

  test('HTTP 429 with a shorter Retry-After, or none: the client waits out the whole window (10 s + 1 s margin) each time', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], faults: [faults.rateLimited(1, '3'), faults.rateLimited(1)] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.deepEqual(run.clock.sleeps, [11_000, 11_000]);
    assert.equal(srv.count('data'), 3);
  });

  test('HTTP 500 and then 503 are retried', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], faults: [faults.serverError(500, 1), faults.serverError(503, 1)] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.equal(srv.count('data'), 3);
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', ...U }).value, 352001);
  });

  test('a hanging answer times out and is asked again', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], faults: [faults.hang(1)] });
    const run = await runLive(srv, w, { timeoutMs: 300 });
    assert.equal(run.error, null, run.error?.message);
    assert.ok(run.lines.some((l) => /no answer within 300 ms \(timeout\)/.test(l)));
    assert.equal(liveCell(w.raw, R5, { Alue: 'KU091', ...U }).value, 52578);
  });

  test('a broken JSON answer once is retried', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()], faults: [faults.malformed(1)] });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    assert.equal(srv.count('data'), 2);
  });

  test('"too many values" from the server halves the chunk until it fits', async () => {
    // The server accepts 100 cells although ?config says 100,000: the 180-cell query is refused.
    const { srv, w } = await setUp({ tables: [table12r5History()], maxValues: 100 });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    const data = srv.requests.filter((r) => r.kind === 'data');
    assert.deepEqual(data.map((r) => [r.cells, r.status]), [[180, 403], [90, 200], [90, 200]]);
    // From ../shared/data/tyonv/12r5_kunnat_2006M01-2023M10.csv.
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2022M12', ...U }).value, 260444);
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2023M06', ...U }).value, 264731);
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2023M10', ...U }).value, 256070);
  });
});

describe('failures leave the previous snapshot untouched', () => {
  async function expectFailure(opts: PxWebServerOptions, pattern: RegExp, extra: Parameters<typeof runLive>[2] = {}) {
    // The seed has a live 12r5 part stamped as the 2025 version (the `updated` of
    // ../shared/data/tyonv/12r5_KU211_kangasala_2007M01-2025M01.json), so nothing is skipped.
    const { srv, w, before } = await setUp(opts, '2025-02-25T06:00:00Z');
    const run = await runLive(srv, w, extra);
    assert.ok(run.error, 'the run should fail');
    assert.equal(run.error.name, 'AcquireError');
    assert.match(run.error.message, pattern);
    assert.equal(run.error.message.includes('\n'), false, 'the message is one line');
    assert.deepEqual(folderDigest(w.raw), before);
    return { srv, w, run };
  }

  test('permanent HTTP 500: gives up after 5 attempts, naming the table and chunk', async () => {
    const { srv } = await expectFailure(
      { tables: [table12r5Latest()], faults: [faults.serverError(500)] },
      /^statfin-tyonv-12r5 \(tyonv\/12r5\.px\), chunk 1\/1 \(2026M06, 161 cells\): POST .* failed after 5 attempts: HTTP 500 .*run again later/,
    );
    assert.equal(srv.count('data'), 5);
  });

  test('broken JSON every time: retried twice, then a clear error', async () => {
    const { srv } = await expectFailure({ tables: [table12r5Latest()], faults: [faults.malformed()] }, /chunk 1\/1 .*failed after 3 attempts: the answer is not valid JSON/);
    assert.equal(srv.count('data'), 3);
  });

  test('too many values even for one area and one period', async () => {
    await expectFailure({ tables: [table12r5History()], maxValues: 2 }, /refuses even one period of one area as too many values/);
  });

  test('a renamed content code in the metadata', async () => {
    const t = renameValue(table11ra(), 'contentscode', 'vaerak-vaesto', 'vaerak-vakiluku');
    const { srv } = await expectFailure({ tables: [t] }, /statfin-vaerak-11ra \(vaerak\/11ra\.px\): content code "vaesto" is not in variable contentscode.*renamed/, { sources: [RA] });
    assert.equal(srv.count('data'), 0, 'fails before any data is fetched');
  });

  test('an answer whose dimensions do not match the query', async () => {
    await expectFailure({ tables: [table12r5Latest()], faults: [faults.renameDimensionInAnswer('Alue', 'alue_99')] }, /chunk 1\/1 .*alue_99 that were not requested/);
  });

  /**
   * Sets the value of Helsinki's unemployed (52,578 in 2026M06) in an answer: cell 70 of 7 areas ×
   * 1 month × 23 contents (KU091 is the 4th area, TYOTTOMATLOPUSSA the 2nd content: 3 × 23 + 1).
   */
  const helsinkiUnemployed = (value: unknown) =>
    faults.editAnswer((ds) => {
      const cell = [...cellsOf(ds)].find((c) => c.coords['Alue'] === 'KU091' && c.coords['contentscode'] === 'TYOTTOMATLOPUSSA')!;
      assert.equal(cell.value, 52578, 'precondition: the cell to break');
      (ds.value as unknown[])[cell.index] = value;
    });

  test('a fractional count in an answer is refused with the chunk, the cell and the field, and not cached', async () => {
    const { w } = await expectFailure(
      { tables: [table12r5Latest()], faults: [helsinkiUnemployed(52578.5)] },
      /^statfin-tyonv-12r5 \(tyonv\/12r5\.px\), chunk 1\/1 \(2026M06, 161 cells\): the answer is refused \(http:\/\/127\.0\.0\.1:\d+\/PxWeb\/api\/v1\/fi\/StatFin\/tyonv\/12r5\.px, cell 70 \(Alue=KU091, timeperiod_m=2026M06, contentscode=TYOTTOMATLOPUSSA\), field "value": 52578\.5 is not a whole number, but TYOTTOMATLOPUSSA is a count/,
    );
    assert.deepEqual(filesUnder(w.cache).filter((f) => !f.startsWith('calls/')), [], 'no chunk cached');
  });

  test('text in a number field of an answer names the cell', async () => {
    await expectFailure(
      { tables: [table12r5Latest()], faults: [helsinkiUnemployed('52 578')] },
      /chunk 1\/1 \(2026M06, 161 cells\): the answer is refused \(.*, cell 70 \(Alue=KU091, timeperiod_m=2026M06, contentscode=TYOTTOMATLOPUSSA\), field "value": "52 578" is not a number/,
    );
  });

  test('a table that does not exist (404) is not retried', async () => {
    const { srv } = await expectFailure({ tables: [table11ra()] }, /statfin-tyonv-12r5 \(tyonv\/12r5\.px\), metadata \(fi\): GET .* HTTP 404/);
    assert.equal(srv.count('metadata'), 1);
  });

  test('a failure in the middle of a multi-table run writes nothing; a rerun reuses the finished table', async () => {
    const { srv, w } = await expectFailure(
      { tables: [table12r5Latest(), table11ra()], faults: [faults.serverError(500, undefined, (r) => r.kind === 'data' && r.table === 'StatFin/vaerak/11ra.px')] },
      /^statfin-vaerak-11ra \(vaerak\/11ra\.px\), chunk 1\/1 .*HTTP 500/,
      { sources: [R5, RA] },
    );
    assert.equal(srv.requests.filter((r) => r.kind === 'data' && r.table === 'StatFin/tyonv/12r5.px').length, 1);
    assert.equal(filesUnder(join(w.cache, R5)).length, 1, '12r5 chunk cached');

    srv.faults = [];
    srv.requests.length = 0;
    const rerun = await runLive(srv, w, { sources: [R5, RA] });
    assert.equal(rerun.error, null, rerun.error?.message);
    assert.equal(srv.requests.filter((r) => r.kind === 'data' && r.table === 'StatFin/tyonv/12r5.px').length, 0, '12r5 data came from the cache');
    assert.equal(rerun.result?.tables.find((t) => t.source === R5)?.reused, 1);
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', ...U }).value, 352001);
    assert.equal(liveCell(w.raw, RA, { alue_23_20260101: 'SSS', contentscode: 'vaerak-vaesto' }).value, 5652881);
    assert.deepEqual(filesUnder(w.cache).filter((f) => !f.startsWith('calls/')), [], 'only the call log is left');
  });
});

describe('restartable: an interrupted run resumes from the cache', () => {
  test('the second run asks only for the chunks the first did not finish', async () => {
    // ?config allows 60 cells: 3 chunks of 4 months. The chunk with 2023M03 fails for good.
    const { srv, w, before } = await setUp({ tables: [table12r5History()], config: smallChunks, faults: [faults.serverError(500, undefined, dataFor('2023M03'))] });
    const first = await runLive(srv, w);
    assert.match(first.error?.message ?? '', /chunk 2\/3 \(2023M03–2023M06, 60 cells\).*HTTP 500/);
    assert.deepEqual(folderDigest(w.raw), before);
    assert.equal(filesUnder(join(w.cache, R5)).length, 1);

    srv.faults = [];
    srv.requests.length = 0;
    const second = await runLive(srv, w);
    assert.equal(second.error, null, second.error?.message);
    const asked = srv.requests.filter((r) => r.kind === 'data').map((r) => r.periods[0]);
    assert.deepEqual(asked, ['2023M03', '2023M07'], 'chunk 1 (2022M11–2023M02) was not asked again');
    assert.equal(second.result?.tables[0]?.reused, 1);
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2022M12', ...U }).value, 260444);
    assert.equal(liveCell(w.raw, R5, { Alue: 'SSS', timeperiod_m: '2023M10', ...U }).value, 256070);
    assert.equal(existsSync(join(w.cache, R5)), false, 'the cache is deleted after the write');
  });
});

describe('limits from ?config', () => {
  test('each query stays within maxValues and the parts say chunk i of n', async () => {
    const { srv, w } = await setUp({ tables: [table12r5History()], config: smallChunks });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    const data = srv.requests.filter((r) => r.kind === 'data');
    assert.equal(data.length, 3);
    for (const r of data) assert.ok(r.cells <= 60, `${r.cells} cells`);
    const parts = readManifestSync(w.raw).entries.filter((e) => e.source === R5 && e.format === 'json-stat2' && e.origin.kind === 'api');
    assert.deepEqual(parts.map((e) => e.part), ['live-001', 'live-002', 'live-003']);
    assert.match(parts[1]!.description, /5 areas × 4 periods \(2023M03–2023M06\) × 3 contents; chunk 2 of 3/);
  });

  test('areas are split when one period is larger than maxValues', async () => {
    const { srv, w } = await setUp({ tables: [table12r5History()], config: { ...REAL_LIKE_CONFIG, maxValues: 14 } });
    const run = await runLive(srv, w);
    assert.equal(run.error, null, run.error?.message);
    const data = srv.requests.filter((r) => r.kind === 'data');
    assert.equal(data.length, 24);
    for (const r of data) assert.ok(r.cells <= 14);
    assert.equal(liveCell(w.raw, R5, { Alue: 'MK01', timeperiod_m: '2023M10', ...U }).status, null);
  });

  test('calls are throttled to maxCalls per timeWindow (injected clock)', async () => {
    const { srv, w } = await setUp({ tables: [table12r5History()], config: { ...REAL_LIKE_CONFIG, maxValues: 60, maxCalls: 3, timeWindow: 10 } });
    const clock = fakeClock();
    const starts: number[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      starts.push(clock.now());
      return fetch(input, init);
    };
    const run = await runLive(srv, w, { fetch: fetchSpy, clock, throttleMarginMs: 0 });
    assert.equal(run.error, null, run.error?.message);
    // 1 config + 3 metadata + 3 probes + 3 chunks = 10 calls: at least 3 full windows of waiting.
    assert.equal(starts.length, 10);
    for (const s of starts) assert.ok(starts.filter((t) => t > s - 10_000 && t <= s).length <= 3, `window ending at ${s}: ${starts}`);
    assert.ok(clock.now() >= 30_000);
  });
});

describe('skipping unchanged tables', () => {
  test('the same updated stamp skips the table and leaves the snapshot as it was; --force fetches it', async () => {
    const { srv, w } = await setUp({ tables: [table12r5Latest()] });
    assert.equal((await runLive(srv, w)).error, null);
    const afterFirst = folderDigest(w.raw);
    srv.requests.length = 0;

    const second = await runLive(srv, w);
    assert.equal(second.error, null);
    assert.ok(second.lines.some((l) => /unchanged since 2026-07-21T05:00:00Z; skipped/.test(l)));
    assert.equal(second.result?.tables[0]?.status, 'unchanged');
    assert.equal(second.result?.manifest, null);
    assert.equal(srv.count('data'), 0);
    assert.deepEqual(folderDigest(w.raw), afterFirst);

    const forced = await runLive(srv, w, { force: true });
    assert.equal(forced.error, null);
    assert.equal(forced.result?.tables[0]?.status, 'written');
    assert.equal(srv.count('data'), 1);
  });

  test('a new version that drops periods is stopped by the coverage guard; accepted, it replaces every earlier live part', async () => {
    // The previous live parts are the 2023 version (3 chunks, 2022M11–2023M10); the server now has
    // only 2026M06: twelve months would be lost.
    const { srv, w } = await setUp({ tables: [table12r5History()], config: smallChunks });
    assert.equal((await runLive(srv, w)).error, null);
    assert.equal(readManifestSync(w.raw).entries.filter((e) => e.part.startsWith('live-0')).length, 3);
    const before = folderDigest(w.raw);
    srv.tables = [table12r5Latest()];
    srv.config = REAL_LIKE_CONFIG;
    const refused = await runLive(srv, w);
    assert.equal(refused.error?.name, 'CoverageError');
    assert.match(refused.error!.message, /coverage guard stopped the refresh of statfin-tyonv-12r5: .*lost-periods.*nothing was replaced/);
    assert.match((refused.error as Error & { report: string }).report, /TYOTTOMATLOPUSSA, country: 12 periods lost all values \(2022-11…2023-10\)/);
    assert.deepEqual(folderDigest(w.raw), before);

    const run = await runLive(srv, w, { accept: 'test: the 2026 version replaces the 2023 one' });
    assert.equal(run.error, null, run.error?.message);
    const m = readManifestSync(w.raw);
    const live = m.entries.filter((e) => e.origin.kind === 'api' && e.format === 'json-stat2');
    assert.deepEqual(live.map((e) => [e.part, e.source_updated]), [['live-001', '2026-07-21T05:00:00Z']]);
    assert.equal(existsSync(join(w.raw, R5, 'live-002.json')), false);
    assert.equal(existsSync(join(w.raw, R5, 'live-003.json')), false);
    assert.ok(m.entries.some((e) => e.part === 'seed-file'), 'file imports are kept');
    assert.equal(m.refresh?.accepted?.reason, 'test: the 2026 version replaces the 2023 one');
    assert.equal(m.acceptances?.length, 1);
    assert.ok(m.acceptances![0]!.regressions.some((r) => r.kind === 'lost-periods' && r.code === 'TYOTTOMATLOPUSSA'));
  });
});
