/**
 * readManifest (scripts/lib/snapshot.ts): a manifest that lists a file twice, or a file outside the
 * raw folder, is refused naming the manifest and the entry; a manifest that is not JSON names the
 * file instead of ending in a stack trace.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readManifest } from '../../../../scripts/lib/snapshot.ts';
import { InputError } from '../../../../src/lib/errors.ts';
import { ROOT } from '../../../helpers/data-harness.ts';

describe('readManifest', () => {
  let dir = '';
  let file = '';
  /** The committed manifest's first entry, as the entries to write. */
  const first = (JSON.parse(readFileSync(join(ROOT, 'data', 'raw', 'manifest.json'), 'utf8')) as { entries: Record<string, unknown>[] }).entries[0]!;
  const write = (entries: Record<string, unknown>[]) => writeFileSync(file, JSON.stringify({ version: 1, written_at: '2026-12-01T00:00:00Z', entries }));
  const refusal = async (): Promise<string> => {
    try {
      await readManifest(dir);
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
      return e.message;
    }
    assert.fail('the manifest was accepted');
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tilannekuva-manifest-'));
    file = join(dir, 'manifest.json');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the committed manifest\'s first entry is read', async () => {
    write([first]);
    assert.equal((await readManifest(dir)).entries[0]!.file, first['file']);
  });

  test('a file listed twice', async () => {
    write([first, first]);
    assert.equal(await refusal(), `${relative(process.cwd(), file)}, field "entries[1].file": "${first['file']}" is listed twice (also entries[0])`);
  });

  test('a file outside the raw folder', async () => {
    write([{ ...first, file: '../secret.json' }]);
    assert.equal(await refusal(), `${relative(process.cwd(), file)}, field "entries[0].file": "../secret.json" is outside the raw folder`);
  });

  test('text that is not JSON', async () => {
    writeFileSync(file, '{"version": 1, "entries": [');
    assert.match(await refusal(), new RegExp(`^${relative(process.cwd(), file).replace(/[.]/g, '\\.')}: not valid JSON \\(`));
  });
});
