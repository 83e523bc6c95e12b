/**
 * Writing without half-written results (scripts/lib/fsx.ts): a folder is rebuilt beside the old
 * one and swapped in only when the build succeeded; an interrupted swap is repaired.
 */
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverFolder, replaceFolder, sha256, writeFileAtomic, writeFilesTogether } from '../../../../scripts/lib/fsx.ts';
import { folderDigest } from '../../../helpers/data-harness.ts';

let dir = '';
let target = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tilannekuva-fsx-'));
  target = join(dir, 'raw');
  mkdirSync(join(target, 'statfin-tyonv-12r5'), { recursive: true });
  writeFileSync(join(target, 'manifest.json'), '{"version":1}\n');
  writeFileSync(join(target, 'statfin-tyonv-12r5', '2026M06.json'), '{"value":[352001]}\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('replaceFolder', () => {
  test('a build that throws leaves the folder byte for byte as it was, with no staging folder beside it', async () => {
    const before = folderDigest(target);
    await assert.rejects(
      replaceFolder(target, async (staging) => {
        await writeFile(join(staging, 'manifest.json'), 'half-written');
        await writeFile(join(staging, 'new.json'), '{}');
        throw new Error('input refused');
      }),
      /input refused/,
    );
    assert.deepEqual(folderDigest(target), before);
    assert.deepEqual(readdirSync(dir), ['raw']);
  });

  test('a build that succeeds replaces the folder; the staging copy started from the old files', async () => {
    await replaceFolder(target, async (staging) => {
      assert.equal(readFileSync(join(staging, 'manifest.json'), 'utf8'), '{"version":1}\n', 'staging starts as a copy');
      await writeFile(join(staging, 'manifest.json'), '{"version":2}\n');
    });
    assert.equal(readFileSync(join(target, 'manifest.json'), 'utf8'), '{"version":2}\n');
    assert.equal(readFileSync(join(target, 'statfin-tyonv-12r5', '2026M06.json'), 'utf8'), '{"value":[352001]}\n');
    assert.deepEqual(readdirSync(dir), ['raw']);
  });

  test('creates the folder when it does not exist yet', async () => {
    const fresh = join(dir, 'fresh');
    await replaceFolder(fresh, async (staging) => writeFile(join(staging, 'a.txt'), 'a'));
    assert.equal(readFileSync(join(fresh, 'a.txt'), 'utf8'), 'a');
  });
});

describe('recoverFolder', () => {
  test('restores the old folder when a swap stopped between its two renames', async () => {
    const before = folderDigest(target);
    renameSync(target, join(dir, '.raw-old'));
    await recoverFolder(target);
    assert.deepEqual(folderDigest(target), before);
    assert.equal(existsSync(join(dir, '.raw-old')), false);
  });

  test('removes a stale old copy when the new folder is in place', async () => {
    mkdirSync(join(dir, '.raw-old'));
    await recoverFolder(target);
    assert.deepEqual(readdirSync(dir), ['raw']);
  });
});

describe('single files', () => {
  test('writeFileAtomic writes the file and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'out', 'areas.json'), '[]\n');
    assert.equal(readFileSync(join(dir, 'out', 'areas.json'), 'utf8'), '[]\n');
    assert.deepEqual(readdirSync(join(dir, 'out')), ['areas.json']);
  });

  test('writeFilesTogether puts every file in place', async () => {
    await writeFilesTogether(new Map([[join(dir, 'v', 'a.txt'), 'a'], [join(dir, 'v', 'b.txt'), 'b']]));
    assert.deepEqual(readdirSync(join(dir, 'v')).sort(), ['a.txt', 'b.txt']);
  });

  test('sha256 is the lowercase hex digest (of "abc": ba7816bf…)', () => {
    assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256(new TextEncoder().encode('abc')), sha256('abc'));
  });
});
