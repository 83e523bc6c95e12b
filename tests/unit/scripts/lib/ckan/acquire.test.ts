/**
 * Kela live: the CKAN path of the live acquire, in-process, against the local CKAN stand-in on
 * 127.0.0.1 serving Kela's real files (excerpts; the full files too where ../shared/data exists).
 * Expected values are copied from ../shared/data/kela (see tests/fixtures/ckan/README.md and
 * ../shared/docs/domain.md §5), never computed by the code under test.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellsOf } from '../../../../../src/lib/jsonstat.ts';
import { runAcquireLive, type AcquireLiveOptions } from '../../../../../scripts/lib/pxweb/acquire.ts';
import { fakeClock } from '../../../../../scripts/lib/pxweb/throttle.ts';
import { startCkanServer, sha256, type CkanServer, type ServedDataset } from '../../../../helpers/ckan-server.ts';
import { KELA_COFINANCED, KELA_RECIPIENTS, kelaDatasets } from '../../../../helpers/ckan-fixtures.ts';
import { closeAfterEach, ROOT, folderDigest, liveCell, readDataset, readManifestSync, workspace, type Workspace } from '../../../../helpers/pxweb-harness.ts';

const REC = 'kela-unemployment-benefits';
const COF = 'kela-cofinanced-benefit';
const SHARED_KELA = join(ROOT, '..', 'shared', 'data', 'kela');

let server: CkanServer | null = null;
let ws: Workspace | null = null;
const track = closeAfterEach();

async function run(extra: Partial<AcquireLiveOptions> = {}) {
  const lines: string[] = [];
  try {
    const result = await runAcquireLive({
      root: ROOT,
      rawDir: ws!.raw,
      cacheDir: ws!.cache,
      ckanBase: server!.base,
      sources: [REC, COF],
      timeoutMs: 2000,
      retry: { baseDelayMs: 10 },
      clock: fakeClock(),
      log: (l) => lines.push(l),
      ...extra,
    });
    return { result, error: null as (Error & { report?: string }) | null, lines };
  } catch (e) {
    return { result: null, error: e as Error & { report?: string }, lines };
  }
}

async function setUp(datasets: ServedDataset[] = kelaDatasets(), faults: CkanServer['faults'] = []) {
  server = track(await startCkanServer({ datasets, faults }));
  ws = track(workspace());
}

const recipients = (raw: string, area: string, month: string) => liveCell(raw, REC, { Alue: area, timeperiod_m: month, Tiedot: 'saajat' }).value;
const national = (raw: string, month: string, code: string) =>
  liveCell(raw, COF, { Alue: 'SSS', timeperiod_m: month, aikatyyppi: 'Kuukausi', etuus: 'Yhteensä', kertymaluokka: 'Yhteensä', Tiedot: code }).value;

describe('Kela live from the CKAN stand-in', () => {
  test('package_show, then each file: values, checksums, dates and provenance in the snapshot', async () => {
    await setUp();
    const r = await run();
    assert.equal(r.error, null, r.error?.message);
    // ../shared/data/kela/kela_saajat_kunnat_2018M01-2026M08.csv: Helsinki 37,167 (2026-05) and 38,752 (2026-08).
    assert.equal(recipients(ws!.raw, 'KU091', '2026M05'), 37167);
    assert.equal(recipients(ws!.raw, 'KU091', '2026M08'), 38752);
    // ../shared/data/kela/mk_kela_osarahoittama_kokomaa.csv: 2026-08 252,986 recipients, €73,070,953.11.
    assert.equal(national(ws!.raw, '2026M08', 'saajat'), 252986);
    assert.equal(national(ws!.raw, '2026M08', 'kuntaosuus_eur'), 73070953.11);

    const m = readManifestSync(ws!.raw);
    const e = m.entries.find((x) => x.source === REC)!;
    assert.equal(e.part, 'ckan-data');
    assert.equal(e.source_updated, '2026-09-15T05:12:30Z');
    assert.equal(e.origin.kind, 'api');
    if (e.origin.kind !== 'api') return;
    const body = readFileSync(join(ROOT, 'tests', 'fixtures', 'ckan', 'kela_saajat_kunnat_excerpt.csv'), 'utf8');
    assert.equal(e.origin.sha256, sha256(body), 'the checksum of the bytes received');
    assert.equal(e.origin.published?.hash, sha256(body));
    assert.equal(e.origin.published?.dataset, KELA_RECIPIENTS);
    assert.equal(e.origin.published?.last_modified, '2026-09-15T05:12:30.123456');
    assert.match(e.origin.url, /\/data\/dataset\/kelan-tyottomyysetuuksien-saajat-kuukauden-lopussa\/resource\/stand-in-r-0001\/download\/data\.csv$/);
    assert.match(e.origin.conversion ?? '', /^Semicolon-separated CSV: converted to JSON-stat 2\.0/);
    // The manifest's own checksum is that of the raw file as written.
    assert.equal(e.sha256, sha256(readFileSync(join(ws!.raw, e.file), 'utf8')));
    assert.deepEqual([server!.count('package'), server!.count('file')], [2, 2]);
    assert.equal(m.refresh?.regressions.length, 0);
    assert.equal(existsSync(join(ws!.cache, REC)), false, 'the cache of a written source is removed');
  });

  test('--kind ckan refreshes every portal dataset of data/sources and no PxWeb table', async () => {
    await setUp();
    const r = await run({ sources: [], kinds: ['ckan'], base: 'http://127.0.0.1:9/never-called' });
    assert.equal(r.error, null, r.error?.message);
    assert.deepEqual(r.result?.tables.map((t) => t.source).sort(), [COF, REC]);
    assert.equal(server!.count('package'), 2);
  });

  test('an unchanged dataset is skipped; --force fetches it again', async () => {
    await setUp();
    assert.equal((await run()).error, null);
    const after = folderDigest(ws!.raw);
    server!.requests.length = 0;
    const again = await run();
    assert.equal(again.error, null);
    assert.equal(server!.count('file'), 0);
    assert.ok(again.lines.some((l) => /kela-unemployment-benefits \(kelan-tyottomyysetuuksien-saajat-kuukauden-lopussa\): unchanged since 2026-09-15T05:12:30Z; skipped/.test(l)));
    assert.deepEqual(folderDigest(ws!.raw), after);
    const forced = await run({ force: true });
    assert.equal(forced.error, null);
    assert.equal(server!.count('file'), 2);
  });

  test('a 503 and a download that does not match the published checksum are tried again', async () => {
    const datasets = kelaDatasets();
    await setUp(datasets, [
      { match: (r) => r.kind === 'file' && r.dataset === KELA_RECIPIENTS, times: 1, reply: { status: 503, body: 'Service Unavailable' } },
      { match: (r) => r.kind === 'file' && r.dataset === KELA_COFINANCED, times: 1, reply: (n) => ({ ...n, body: n.body.slice(0, 200) }) },
    ]);
    const r = await run();
    assert.equal(r.error, null, r.error?.message);
    assert.ok(r.lines.some((l) => /does not match the published SHA-256; downloading again/.test(l)));
    assert.equal(national(ws!.raw, '2026M06', 'saajat'), 254848);
  });

  test('the full real files of ../shared/data/kela go through (skipped on a clone without them)', { skip: !existsSync(SHARED_KELA) }, async () => {
    const recipientsCsv = readFileSync(join(SHARED_KELA, 'kela_saajat_kunnat_2018M01-2026M08.csv'), 'utf8');
    const cofinancedCsv = readFileSync(join(SHARED_KELA, 'mk_kela_osarahoittama_kokomaa.csv'), 'utf8');
    await setUp(kelaDatasets({ recipients: recipientsCsv, cofinanced: cofinancedCsv }));
    const r = await run();
    assert.equal(r.error, null, r.error?.message);
    // ../shared/data/README.md: sums of all rows 228,503 (2018-01) and 242,016 (2026-08).
    const e = readManifestSync(ws!.raw).entries.find((x) => x.source === REC)!;
    const sum = (month: string) => cellsOf(readDataset(ws!.raw, e.file)).filter((c) => c.coords['timeperiod_m'] === month && c.value !== null).reduce((n, c) => n + c.value!, 0);
    assert.equal(sum('2018M01'), 228503);
    assert.equal(sum('2026M08'), 242016);
    // domain.md §5: 2025-01 190,516 recipients and €25,127,585.42.
    assert.equal(national(ws!.raw, '2025M01', 'saajat'), 190516);
    assert.equal(national(ws!.raw, '2025M01', 'kuntaosuus_eur'), 25127585.42);
  });
});

describe('Kela live: failures leave the snapshot untouched', () => {
  const excerpt = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'ckan', name), 'utf8');
  /** A first successful run, then the portal changes; returns the digest of the snapshot before the second run. */
  async function afterFirstRun(change: (d: ServedDataset[]) => ServedDataset[]) {
    await setUp();
    const first = await run();
    assert.equal(first.error, null, first.error?.message);
    server!.datasets = change(kelaDatasets());
    return folderDigest(ws!.raw);
  }
  const withFile = (name: string, body: string) => (ds: ServedDataset[]) =>
    ds.map((d) => (d.name === name ? { ...d, resources: d.resources.map((r) => ({ ...r, body, last_modified: '2026-10-15T05:00:00.000000' })) } : d));

  test('a dataset id the portal does not know', async () => {
    const before = await afterFirstRun((ds) => ds.filter((d) => d.name !== KELA_COFINANCED));
    const r = await run();
    assert.equal(r.error?.name, 'AcquireError');
    assert.match(r.error!.message, /^kela-cofinanced-benefit \(kunnan-osarahoittaman-tyottomyysturvan-saajat-ja-maksetut-etuudet-koko-maa\): the portal has no dataset ".*" \(HTTP 404 from .*package_show\?id=.*\); check ckan\.dataset in data\/sources\/kela-cofinanced-benefit\.yaml \(the id is marked unverified there\)/);
    assert.deepEqual(folderDigest(ws!.raw), before);
  });

  test('a file whose columns are not those the source file describes', async () => {
    const renamed = excerpt('kela_saajat_kunnat_excerpt.csv').replace('kunta_nro;vuosikuukausi;saajat', 'kunta_nro;vuosikuukausi;saajat_lkm');
    const before = await afterFirstRun(withFile(KELA_RECIPIENTS, renamed));
    const r = await run();
    assert.match(r.error?.message ?? '', /^kela-unemployment-benefits \(kelan-tyottomyysetuuksien-saajat-kuukauden-lopussa\), file data\.csv \(http:\/\/127\.0\.0\.1:\d+\/.*\): .*saajat.*; the file's columns or values are not what data\/sources\/kela-unemployment-benefits\.yaml describes \(its ckan block is marked unverified\)\. Nothing was replaced\./);
    assert.doesNotMatch(r.error!.message, /\n/);
    assert.deepEqual(folderDigest(ws!.raw), before);
  });

  test('a municipality number that data/reference does not know', async () => {
    const body = excerpt('kela_saajat_kunnat_excerpt.csv').replace('211;202608;', '999;202608;');
    const before = await afterFirstRun(withFile(KELA_RECIPIENTS, body));
    const r = await run();
    assert.equal(r.error?.name, 'CoverageError');
    assert.match(r.error!.message, /area codes unknown to data\/reference \(kela-unemployment-benefits .*file data\.csv: KU999\)/);
    assert.match(r.error!.report ?? '', /npm run data:reference/);
    assert.deepEqual(folderDigest(ws!.raw), before);
  });

  test('a new version of the file without its latest month: the coverage guard stops it', async () => {
    const body = excerpt('kela_saajat_kunnat_excerpt.csv').split('\n').filter((l) => !l.includes(';202608;')).join('\n');
    const before = await afterFirstRun(withFile(KELA_RECIPIENTS, body));
    const r = await run();
    assert.equal(r.error?.name, 'CoverageError');
    assert.match(r.error!.report ?? '', /kela-unemployment-benefits\n {2}- saajat, municipality: 1 period lost all values \(2026-08\) \(used by kela-benefit-recipients\)/);
    assert.match(r.error!.report ?? '', /saajat, municipality: the latest period moved back from 2026-08 to 2026-07/);
    assert.deepEqual(folderDigest(ws!.raw), before);
  });

  test('a download that never matches the published checksum', async () => {
    await setUp(kelaDatasets(), [{ match: (x) => x.kind === 'file' && x.dataset === KELA_COFINANCED, reply: (n) => ({ ...n, body: n.body.replace('252986', '252987') }) }]);
    const r = await run();
    assert.match(r.error?.message ?? '', /file data\.csv: the file from .* does not match the SHA-256 the portal publishes for it .* after 2 downloads/);
    assert.equal(existsSync(join(ws!.raw, 'manifest.json')), false, 'nothing was written');
  });
});
