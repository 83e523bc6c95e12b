/**
 * The site's loader of published change-meter aggregates (src/site/change-meter.ts): nothing
 * published yet → an empty result, not an error; published files → rows grouped by area with
 * their manifest; a published file that shows what the rules withhold → refused, with the
 * protection audit run over everything published.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import loadHighs from 'highs';
import { loadChangeMeter, loadRegistry, placeNames } from '../../../src/site/change-meter.ts';
import { loadReference } from '../../../scripts/lib/validate/reference.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { RuleViolation } from '../../../src/lib/change-meter/rules.ts';
import { highsSolver } from '../../../src/lib/change-meter/solver.ts';
import { runImport } from '../../../scripts/lib/change-meter/store.ts';
import { ROOT } from '../../helpers/data-harness.ts';

const ref = loadReference(ROOT);
const solver = highsSolver(await loadHighs());
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'change-meter');
const registry = loadRegistry(join(FIXTURES, 'instruments.yaml'), placeNames(ref.municipalities), ROOT);
const empty = { instruments: [] };
let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tilannekuva-change-meter-load-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A change-meter folder with the test registry and an import of a fixture in it; returns its published folder. */
async function imported(name: string, fixture = 'complementary.csv'): Promise<string> {
  const out = join(tmp, name);
  mkdirSync(out, { recursive: true });
  cpSync(join(FIXTURES, 'instruments.yaml'), join(out, 'instruments.yaml'));
  await runImport({ file: `tests/fixtures/change-meter/${fixture}`, out, root: ROOT, now: '2026-08-01T12:00:00Z', ref, solver });
  return join(out, 'published');
}

describe('loadChangeMeter', () => {
  test('the repository ships no aggregates: the published folder loads as empty', () => {
    const dir = join(ROOT, 'data', 'change-meter', 'published');
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.csv')), []);
    assert.deepEqual(loadChangeMeter(ROOT, dir, { registry: empty, solver }), { areas: [], files: [] });
  });

  test('a missing folder or one with only .gitkeep is empty, not an error', () => {
    assert.deepEqual(loadChangeMeter(tmp, join(tmp, 'nothing-here'), { registry: empty, solver }), { areas: [], files: [] });
    const dir = join(tmp, 'gitkeep-only');
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitkeep'), '');
    assert.deepEqual(loadChangeMeter(tmp, dir, { registry: empty, solver }), { areas: [], files: [] });
  });

  test('reads an import: rows grouped by area (SSS first) with the manifest, which names no submitted file', async () => {
    const dir = await imported('read');
    const data = loadChangeMeter(tmp, dir, { registry, solver });
    assert.deepEqual(
      data.areas.map((a) => [a.area_code, a.rows.length]),
      [
        ['SSS', 1],
        ['TA01', 1],
        ['TA02', 1],
        ['TA03', 1],
        ['TA04', 1],
      ],
    );
    const ta03 = data.areas.find((a) => a.area_code === 'TA03')!.rows[0]!;
    assert.deepEqual([ta03.status, ta03.customers_paired, ta03.coverage_rate, ta03.share_improved], ['shares_suppressed', 20, 0.67, null]);
    const sss = data.areas[0]!.rows[0]!;
    assert.deepEqual([sss.customers_paired, sss.customers_measured, sss.coverage_rate, sss.share_improved, sss.share_unchanged, sss.share_worse, sss.median_change], [60, 100, 0.6, 0.5, 0.33, 0.17, 0.5]);
    assert.deepEqual(data.files, [
      {
        file: 'testimittari.csv',
        instrument: 'Testimittari',
        imported_at: '2026-08-01T12:00:00Z',
        rows: 5,
        rows_ok: 2,
        rows_shares_suppressed: 1,
        rows_suppressed: 2,
        periods: ['2025'],
        rules_applied: data.files[0]!.rules_applied,
      },
    ]);
    assert.ok(!readFileSync(join(dir, 'manifest.json'), 'utf8').includes('complementary'), 'the manifest does not name the submitted file');
  });

  test('an unregistered registry refuses the published rows', async () => {
    const dir = await imported('unregistered');
    assert.throws(() => loadChangeMeter(tmp, dir, { registry: empty, solver }), (e: unknown) => e instanceof RuleViolation && e.rule === 'registered-instrument' && e.location.field === 'instrument');
  });

  describe('refuses a published folder that breaks the rules', () => {
    const edit = (dir: string, from: string, to: string, counts?: [string, number][]) => {
      const path = join(dir, 'testimittari.csv');
      const text = readFileSync(path, 'utf8');
      assert.ok(text.includes(from), from);
      writeFileSync(path, text.replace(from, to));
      if (counts) {
        const mpath = join(dir, 'manifest.json');
        const m = JSON.parse(readFileSync(mpath, 'utf8'));
        for (const [k, d] of counts) m.files[0][k] += d;
        writeFileSync(mpath, JSON.stringify(m));
      }
    };

    test('an ok row with n < 10', async () => {
      const dir = await imported('edited-n', 'thresholds.csv');
      edit(dir, 'TA02,2025,Testimittari,1.0,Työllistyvyys,1-5,7,10,0.7,,,,,shares_suppressed', 'TA02,2025,Testimittari,1.0,Työllistyvyys,1-5,7,10,0.7,0.43,0.43,0.14,0,ok');
      assert.throws(() => loadChangeMeter(tmp, dir, { registry, solver }), (e: unknown) => e instanceof InputError && e.location.row === 3 && e.location.field === 'customers_paired' && /needs n ≥ 10/.test(e.problem));
    });

    test('a share that stands for fewer than 5 customers', async () => {
      const dir = await imported('edited-share', 'thresholds.csv');
      edit(dir, 'TA07,2025,Testimittari,1.0,Työllistyvyys,1-5,20,25,0.8,,,,,shares_suppressed', 'TA07,2025,Testimittari,1.0,Työllistyvyys,1-5,20,25,0.8,0.7,0.2,0.1,1,ok', [
        ['rows_ok', 1],
        ['rows_shares_suppressed', -1],
      ]);
      assert.throws(() => loadChangeMeter(tmp, dir, { registry, solver }), (e: unknown) => e instanceof InputError && e.location.row === 8 && e.location.field === 'share_unchanged' && /20 % of 20 customers is 4 customers, under 5/.test(e.problem));
    });

    test('a protective suppression undone by hand: the audit finds the pinned count', async () => {
      const dir = await imported('edited-complementary');
      // Shows TA02 again (withheld only to protect TA01): TA01 = 60 − 12 − 20 − 25 = 3.
      edit(dir, 'TA02,2025,Testimittari,1.0,Työllistyvyys,1-5,,,,,,,,suppressed', 'TA02,2025,Testimittari,1.0,Työllistyvyys,1-5,12,20,0.6,0.5,0.5,0,0.5,ok', [
        ['rows_ok', 1],
        ['rows_suppressed', -1],
      ]);
      assert.throws(
        () => loadChangeMeter(tmp, dir, { registry, solver }),
        (e: unknown) => e instanceof RuleViolation && e.rule === 'protection-interval' && e.location.row === 3 && /the n of TA01 2025 "Työllistyvyys" is exactly 3/.test(e.problem),
      );
    });

    test('a file without a manifest entry, and a manifest entry without a file', async () => {
      const dir = await imported('orphans');
      cpSync(join(dir, 'testimittari.csv'), join(dir, 'toinen.csv'));
      assert.throws(() => loadChangeMeter(tmp, dir, { registry, solver }), (e: unknown) => e instanceof InputError && /toinen\.csv$/.test(e.location.file) && /no entry in manifest/.test(e.problem));
      rmSync(join(dir, 'toinen.csv'));
      rmSync(join(dir, 'testimittari.csv'));
      assert.ok(!existsSync(join(dir, 'testimittari.csv')));
      assert.throws(() => loadChangeMeter(tmp, dir, { registry, solver }), (e: unknown) => e instanceof InputError && /testimittari\.csv does not exist/.test(e.problem));
    });
  });
});
