/**
 * The site's loader of published change-meter aggregates (src/data/change-meter.ts): nothing
 * published yet → an empty result, not an error; published files → rows grouped by area with
 * their provenance; a published file that shows what the rules withhold → refused.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChangeMeter } from '../../src/data/change-meter.ts';
import { loadReference } from '../../scripts/lib/validate/reference.ts';
import { InputError } from '../../src/lib/errors.ts';
import { runImport } from '../../scripts/import-change-meter.ts';
import { ROOT } from '../helpers/data-harness.ts';

const ref = loadReference(ROOT);
let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tilannekuva-change-meter-load-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadChangeMeter', () => {
  test('the repository ships no aggregates: the published folder loads as empty', () => {
    const dir = join(ROOT, 'data', 'change-meter', 'published');
    const csvs = readdirSync(dir).filter((n) => n.endsWith('.csv'));
    const data = loadChangeMeter(ROOT);
    if (csvs.length === 0) assert.deepEqual(data, { areas: [], files: [] });
    else assert.equal(data.files.length, csvs.length);
  });

  test('a missing folder or one with only .gitkeep is empty, not an error', () => {
    assert.deepEqual(loadChangeMeter(tmp, join(tmp, 'nothing-here')), { areas: [], files: [] });
    const dir = join(tmp, 'gitkeep-only');
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitkeep'), '');
    assert.deepEqual(loadChangeMeter(tmp, dir), { areas: [], files: [] });
  });

  test('reads an import: rows grouped by area (SSS first) with the manifest', async () => {
    const out = join(tmp, 'imported');
    await runImport({ file: 'tests/fixtures/change-meter/complementary.csv', out, root: ROOT, now: '2026-08-01T12:00:00Z', ref });
    const data = loadChangeMeter(tmp, join(out, 'published'));
    assert.deepEqual(
      data.areas.map((a) => [a.area_code, a.rows.length]),
      [
        ['SSS', 3],
        ['TA01', 3],
        ['TA02', 3],
        ['TA03', 3],
        ['TA04', 3],
      ],
    );
    const ta02 = data.areas.find((a) => a.area_code === 'TA02')!;
    // Sorted by instrument, dimension, period: Osaaminen 2025, Työllistyvyys 2024, Työllistyvyys 2025.
    assert.deepEqual(
      ta02.rows.map((r) => [r.dimension, r.period, r.status, r.customers_paired, r.share_improved]),
      [
        ['Osaaminen', '2025', 'suppressed', null, null],
        ['Työllistyvyys', '2024', 'shares_suppressed', 8, null],
        ['Työllistyvyys', '2025', 'suppressed', null, null],
      ],
    );
    const sss = data.areas[0]!.rows[0]!;
    assert.deepEqual([sss.customers_paired, sss.customers_measured, sss.coverage_rate, sss.share_improved, sss.median_change], [60, 100, 0.6, 0.4, 0]);
    assert.deepEqual(
      data.files.map((f) => [f.file, f.source_file, f.rows_suppressed]),
      [['testimittari.csv', 'complementary.csv', 4]],
    );
  });

  describe('refuses a published folder that breaks the rules', () => {
    const seeded = async (name: string) => {
      const out = join(tmp, name);
      await runImport({ file: 'tests/fixtures/change-meter/complementary.csv', out, root: ROOT, now: '2026-08-01T12:00:00Z', ref });
      return join(out, 'published');
    };
    const edit = (dir: string, from: string, to: string) => {
      const path = join(dir, 'testimittari.csv');
      const text = readFileSync(path, 'utf8');
      assert.ok(text.includes(from), from);
      writeFileSync(path, text.replace(from, to));
    };

    test('an ok row with n < 10', async () => {
      const dir = await seeded('edited-n');
      edit(dir, 'TA02,2024,Testimittari,1.0,Työllistyvyys,1-5,8,15,0.533,,,,,shares_suppressed', 'TA02,2024,Testimittari,1.0,Työllistyvyys,1-5,8,15,0.533,0.5,0.375,0.125,0.5,ok');
      assert.throws(() => loadChangeMeter(tmp, dir), (e: unknown) => e instanceof InputError && e.location.row === 9 && e.location.field === 'customers_paired' && /needs n ≥ 10/.test(e.problem));
    });

    test('a complementary suppression undone by hand', async () => {
      const dir = await seeded('edited-complementary');
      // Shows TA01's 2024 shares again (withheld only to protect TA02's): TA02's shares (n = 8)
      // would follow from the national shares and the other areas' shares × n.
      edit(dir, 'TA01,2024,Testimittari,1.0,Työllistyvyys,1-5,14,20,0.7,,,,,shares_suppressed', 'TA01,2024,Testimittari,1.0,Työllistyvyys,1-5,14,20,0.7,0.5,0.357,0.143,0.5,ok');
      // The manifest counts must still match, so move one row from shares_suppressed to ok there too.
      const mpath = join(dir, 'manifest.json');
      const m = JSON.parse(readFileSync(mpath, 'utf8'));
      m.files[0].rows_ok += 1;
      m.files[0].rows_shares_suppressed -= 1;
      writeFileSync(mpath, JSON.stringify(m));
      assert.throws(
        () => loadChangeMeter(tmp, dir),
        (e: unknown) =>
          e instanceof InputError &&
          /breaks rule "complementary-suppression"/.test(e.message) &&
          e.problem.endsWith('the shares of TA02 2024 Työllistyvyys can be recovered from SSS 2024 Työllistyvyys and the other areas'),
      );
    });

    test('a file without a manifest entry, and a manifest entry without a file', async () => {
      const dir = await seeded('orphans');
      cpSync(join(dir, 'testimittari.csv'), join(dir, 'toinen.csv'));
      assert.throws(() => loadChangeMeter(tmp, dir), (e: unknown) => e instanceof InputError && /toinen\.csv$/.test(e.location.file) && /no entry in manifest/.test(e.problem));
      rmSync(join(dir, 'toinen.csv'));
      rmSync(join(dir, 'testimittari.csv'));
      assert.ok(!existsSync(join(dir, 'testimittari.csv')));
      assert.throws(() => loadChangeMeter(tmp, dir), (e: unknown) => e instanceof InputError && /testimittari\.csv does not exist/.test(e.problem));
    });
  });
});
