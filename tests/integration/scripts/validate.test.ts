/**
 * scripts/validate.ts guards the raw snapshot: only the acquire stage writes data/raw, so a raw
 * file edited by hand or a file the manifest does not list stops the run with one clear line,
 * and nothing is written. Runs on a temporary copy of the repository's data/raw.
 */
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runScript } from '../../helpers/data-harness.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tilannekuva-validate-'));
  cpSync(join(ROOT, 'data', 'raw'), join(dir, 'raw'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The single `error:` line of a failed run. */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('error:'));
  assert.equal(lines.length, 1, stderr);
  assert.ok(!/^\s+at /m.test(stderr), 'no stack trace');
  return lines[0]!;
}

describe('scripts/validate.ts', () => {
  test('a raw file changed after the acquire stage wrote it is refused by its checksum', async () => {
    appendFileSync(join(dir, 'raw', 'statfin-tyonv-12r5', '2026M06.json'), ' ');
    const r = await runScript('scripts/validate.ts', ['--raw', join(dir, 'raw'), '--out', join(dir, 'validated')]);
    assert.equal(r.code, 1);
    const line = errorLine(r.stderr);
    assert.ok(line.includes('statfin-tyonv-12r5/2026M06.json'), line);
    assert.match(line, /checksum differs from the manifest/);
    assert.equal(existsSync(join(dir, 'validated')), false, 'nothing written');
  });

  test('a file in the raw folder that the manifest does not list is refused', async () => {
    writeFileSync(join(dir, 'raw', 'statfin-tyonv-12r5', 'hand-made.json'), '{}');
    const r = await runScript('scripts/validate.ts', ['--raw', join(dir, 'raw'), '--out', join(dir, 'validated')]);
    assert.equal(r.code, 1);
    const line = errorLine(r.stderr);
    assert.ok(line.includes('statfin-tyonv-12r5/hand-made.json'), line);
    assert.match(line, /not listed in manifest\.json/);
    assert.equal(existsSync(join(dir, 'validated')), false, 'nothing written');
  });
});
