/**
 * `node scripts/acquire-live.ts` as a child process against the local PxWeb server, with the
 * project's real data/sources: exit codes, the one-line error, and an untouched snapshot.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { table12r5Latest } from '../../helpers/pxweb-fixtures.ts';
import { faults, startPxWebServer, type PxWebServer } from '../../helpers/pxweb-server.ts';
import { closeAfterEach, ROOT, folderDigest, liveCell, seedSnapshot, workspace, type Workspace } from '../../helpers/pxweb-harness.ts';

let server: PxWebServer | null = null;
let ws: Workspace | null = null;
const track = closeAfterEach();

/** Runs the CLI with the same Node as the tests; resolves with its exit code and output. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { PXWEB_BASE: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, ['scripts/acquire-live.ts', ...args], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/acquire-live.ts', () => {
  test('refreshes 12r5 from the server given with --base and exits 0', async () => {
    server = track(await startPxWebServer({ tables: [table12r5Latest()] }));
    ws = track(workspace());
    await seedSnapshot(ws.raw);
    const r = await cli(['--source', 'statfin-tyonv-12r5', '--base', server.base, '--out', ws.raw, '--cache', ws.cache, '--timeout', '5000']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /chunk 1\/1 2026M06/);
    assert.match(r.stderr, /wrote 4 files for statfin-tyonv-12r5/);
    // From ../shared/data/tyonv/12r5_2026M06_pxweb.json.
    assert.equal(liveCell(ws.raw, 'statfin-tyonv-12r5', { Alue: 'SSS', contentscode: 'TYOTTOMATLOPUSSA' }).value, 352001);
  });

  test('a permanent server error exits 1 with one clear line and leaves --out as it was (base from PXWEB_BASE)', async () => {
    server = track(await startPxWebServer({ tables: [table12r5Latest()], faults: [faults.serverError(500)] }));
    ws = track(workspace());
    await seedSnapshot(ws.raw);
    const before = folderDigest(ws.raw);
    const r = await cli(['--source=statfin-tyonv-12r5', '--out', ws.raw, '--cache', ws.cache, '--retries', '2', '--retry-delay', '1'], { PXWEB_BASE: server.base });
    assert.equal(r.code, 1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^error: statfin-tyonv-12r5 \(tyonv\/12r5\.px\), chunk 1\/1 \(2026M06, \d+ cells\): POST http:\/\/127\.0\.0\.1:\d+\/PxWeb\/api\/v1\/fi\/StatFin\/tyonv\/12r5\.px failed after 2 attempts: HTTP 500/);
    assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
    assert.equal(server.count('data'), 2);
    assert.deepEqual(folderDigest(ws.raw), before);
  });

  test('an unknown option or source is one line and exit 1', async () => {
    const bad = await cli(['--nope']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr.trim(), /^error: Unknown option '--nope'/);
    const unknown = await cli(['--source', 'statfin-nope', '--base', 'http://127.0.0.1:9/PxWeb/api/v1']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr.trim(), /^error: no source statfin-nope in data\/sources\//);
  });
});
