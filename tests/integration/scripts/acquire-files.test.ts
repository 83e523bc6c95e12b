/**
 * The acquire command (scripts/acquire-files.ts) on a copy of tests/fixtures/shared-mini (small
 * real excerpts of ../shared/data with the same layout and file names) with one bad file: it exits
 * 1 with one clear line and leaves the previous raw snapshot byte for byte as it was.
 */
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_MINI, folderDigest, runScript } from '../../helpers/data-harness.ts';

describe('scripts/acquire-files.ts with one bad input file', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tilannekuva-acquire-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Writes a previous snapshot with the CLI from a good copy, then gives row 8 of the excerpt of
   * the Kela file, "091;202608;38752" (Helsinki, 2026-08; see tests/fixtures/shared-mini/README.md),
   * as `row` and runs the CLI again. Checks that the run fails with one line and no stack trace and
   * leaves every byte of the raw folder as it was; returns the error line.
   */
  async function refusedRow(row: string): Promise<string> {
    const from = join(dir, 'shared');
    const raw = join(dir, 'out', 'raw');
    cpSync(SHARED_MINI, from, { recursive: true });
    const seed = await runScript('scripts/acquire-files.ts', ['--from', from, '--out', raw]);
    assert.equal(seed.code, 0, seed.stderr);
    const before = folderDigest(raw);
    // 15 parts today (12r5 metadata in three languages and 12 datasets) and the manifest.
    assert.ok(Object.keys(before).length > 10 && 'manifest.json' in before, 'the seed run wrote a snapshot');
    assert.ok('kela-unemployment-benefits/2018M01-2026M08.json' in before, Object.keys(before).join(', '));

    const kela = join(from, 'kela', 'kela_saajat_kunnat_2018M01-2026M08.csv');
    const lines = readFileSync(kela, 'utf8').split('\n');
    assert.equal(lines[7], '091;202608;38752', 'precondition: the row to break');
    lines[7] = row;
    writeFileSync(kela, lines.join('\n'));

    const r = await runScript('scripts/acquire-files.ts', ['--from', from, '--out', raw]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    assert.equal(errors.length, 1, r.stderr);
    assert.ok(!/^\s+at /m.test(r.stderr), 'no stack trace');
    assert.deepEqual(folderDigest(raw), before, 'every byte of the raw folder is unchanged');
    assert.deepEqual(readdirSync(join(dir, 'out')), ['raw'], 'no staging or old folder left beside it');
    return errors[0]!;
  }

  test('an unknown municipality: one line naming file, row and field, and nothing written', async () => {
    const line = await refusedRow('999;202608;38752');
    assert.ok(line.includes('kela/kela_saajat_kunnat_2018M01-2026M08.csv, row 8, field "kunta_nro"'), line);
    assert.match(line, /KU999/);
  });

  test('a count no area can have (38,752,000 recipients in Helsinki): the input file, the cell and the field, and nothing written', async () => {
    const line = await refusedRow('091;202608;38752000');
    assert.match(
      line,
      /^error: \S*kela\/kela_saajat_kunnat_2018M01-2026M08\.csv, cell \d+ \(Alue=KU091, timeperiod_m=2026M08, Tiedot=saajat\), field "value": 38752000 is more than 6,000,000, the largest count accepted/,
    );
  });
});
