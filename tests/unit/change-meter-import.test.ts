/**
 * The change-meter importer (scripts/import-change-meter.ts) on the hand-made tables of
 * tests/fixtures/change-meter/ (invented numbers; see its README):
 *
 * - accepted files are published exactly as the `*.expected.csv` files written by hand;
 * - every refusal names the rule, the file, the row and the field, and leaves the output folder
 *   (seeded with an earlier good import) byte for byte as it was, with nothing left beside it;
 * - the command itself prints a report, or one error line and exit status 1.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReference } from '../../scripts/lib/validate/reference.ts';
import { RuleViolation } from '../../src/lib/privacy.ts';
import { importChangeMeter, runImport } from '../../scripts/import-change-meter.ts';
import { ROOT, folderDigest, runScript } from '../helpers/data-harness.ts';

const FIXTURES = 'tests/fixtures/change-meter';
const fixture = (name: string) => `${FIXTURES}/${name}`;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(ROOT, fixture(name))));
const ref = loadReference(ROOT);
const NOW = '2026-08-01T12:00:00Z';
const HEADER =
  'area_code,period,instrument,instrument_version,dimension,scale,customers_paired,customers_measured,coverage_rate,share_improved,share_unchanged,share_worse,median_change';
const utf8 = (s: string) => new TextEncoder().encode(s);

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tilannekuva-change-meter-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const freshOut = () => join(tmp, `out-${++counter}`);

describe('accepted files are published as written by hand', () => {
  for (const name of ['thresholds', 'complementary', 'periods']) {
    test(`${name}.csv → ${name}.expected.csv`, async () => {
      const out = freshOut();
      await runImport({ file: fixture(`${name}.csv`), out, root: ROOT, now: NOW, ref });
      assert.deepEqual(readdirSync(join(out, 'published')).sort(), ['manifest.json', 'testimittari.csv']);
      assert.equal(readFileSync(join(out, 'published', 'testimittari.csv'), 'utf8'), readFileSync(join(ROOT, fixture(`${name}.expected.csv`)), 'utf8'));
    });
  }

  test('n = 3 is suppressed, not refused', () => {
    const r = importChangeMeter(bytesOf('small-n.csv'), fixture('small-n.csv'), ref, { now: NOW });
    assert.equal(
      r.instruments[0]!.csv,
      `${HEADER},status
TA01,2025,Testimittari,1.0,Työllistyvyys,1-5,12,20,0.6,0.5,0.25,0.25,1,ok
TA02,2025,Testimittari,1.0,Työllistyvyys,1-5,,,,,,,,suppressed
TA03,2025,Testimittari,1.0,Työllistyvyys,1-5,11,22,0.5,0.455,0.364,0.182,0,ok
`,
    );
    assert.deepEqual(
      r.withheld.map((w) => [w.line, w.area_code, w.status, w.rule]),
      [[3, 'TA02', 'suppressed', 'suppress-n-below-5']],
    );
  });

  test('the manifest records the source, its sha256, the time, the rows and the rules', async () => {
    const out = freshOut();
    const { report } = await runImport({ file: fixture('complementary.csv'), out, root: ROOT, now: NOW, ref });
    const manifest = JSON.parse(readFileSync(join(out, 'published', 'manifest.json'), 'utf8'));
    const sha = createHash('sha256').update(readFileSync(join(ROOT, fixture('complementary.csv')))).digest('hex');
    assert.deepEqual(manifest, {
      format: 'tilannekuva-change-meter-manifest/1',
      files: [
        {
          file: 'testimittari.csv',
          instrument: 'Testimittari',
          source_file: 'complementary.csv',
          source_sha256: sha,
          imported_at: NOW,
          rows: 15,
          rows_ok: 9,
          rows_shares_suppressed: 2,
          rows_suppressed: 4,
          periods: ['2024', '2025'],
          rules_applied: [
            'file-format',
            'no-extra-columns',
            'field-format',
            'area-level',
            'known-area',
            'paired-measurements-only',
            'coverage-consistent',
            'shares-add-up',
            'one-row-per-cell',
            'one-version-per-group',
            'distinct-instrument-files',
            'suppress-n-below-5',
            'shares-need-n-10',
            'complementary-suppression',
          ],
        },
      ],
    });
    assert.match(report, /published testimittari\.csv: 15 rows — 9 ok, 2 shares suppressed, 4 suppressed; periods 2024, 2025/);
    assert.match(report, /row 4 TA02 2025 "Työllistyvyys": suppressed — otherwise the withheld n of row 3 \(TA01, 2025, Työllistyvyys\) could be recovered/);
    assert.match(report, /row 8 TA01 2025 "Osaaminen": suppressed — .*shares-need-n-10.*then the same customers are withheld in another dimension/);
    assert.match(report, /advice: 3 row\(s\) had too few paired customers and 3 more had to be withheld .*rolling 12-month window/);
  });

  test('a second instrument is added beside the first; re-importing an instrument replaces its file', async () => {
    const out = freshOut();
    await runImport({ file: fixture('base.csv'), out, root: ROOT, now: NOW, ref });
    const other = join(tmp, 'other-instrument.csv');
    writeFileSync(other, `${HEADER}\nSSS,2024-07/2025-06,Toinen testimittari,2,Arjenhallinta,0-100,40,80,0.5,0.5,0.3,0.2,5\n`);
    await runImport({ file: other, out, root: ROOT, now: '2026-08-02T00:00:00Z', ref });
    assert.deepEqual(readdirSync(join(out, 'published')).sort(), ['manifest.json', 'testimittari.csv', 'toinen-testimittari.csv']);
    const { report } = await runImport({ file: fixture('periods.csv'), out, root: ROOT, now: '2026-08-03T00:00:00Z', ref });
    assert.match(report, /replaces the import of base\.csv \(2026-08-01T12:00:00Z, 3 rows\)/);
    const manifest = JSON.parse(readFileSync(join(out, 'published', 'manifest.json'), 'utf8'));
    assert.deepEqual(
      manifest.files.map((e: { file: string; source_file: string }) => [e.file, e.source_file]),
      [
        ['testimittari.csv', 'periods.csv'],
        ['toinen-testimittari.csv', 'other-instrument.csv'],
      ],
    );
    assert.equal(readFileSync(join(out, 'published', 'testimittari.csv'), 'utf8'), readFileSync(join(ROOT, fixture('periods.expected.csv')), 'utf8'));
  });
});

/** A folder with an earlier good import in it, for checking that a refusal changes nothing. */
async function seededOut(): Promise<string> {
  const out = freshOut();
  await runImport({ file: fixture('base.csv'), out, root: ROOT, now: NOW, ref });
  return out;
}

describe('refusals name the rule, the file, the row and the field, and write nothing', () => {
  const cases: [file: string, rule: string, row: number, field: string, problem: RegExp][] = [
    ['refuse-municipality.csv', 'area-level', 3, 'area_code', /"KU091" is a municipality code/],
    ['refuse-unknown-area.csv', 'known-area', 3, 'area_code', /TA47 is not an employment area/],
    ['refuse-missing-paired.csv', 'paired-measurements-only', 3, 'customers_paired', /customers_paired .* is empty.*merge periods/],
    ['refuse-shares-sum.csv', 'shares-add-up', 3, 'share_improved + share_unchanged + share_worse', /add up to 1\.1, not 1/],
    ['refuse-paired-gt-measured.csv', 'paired-measurements-only', 3, 'customers_paired', /customers_paired 35 is larger than customers_measured 30/],
    ['refuse-shares-of-measured.csv', 'paired-measurements-only', 3, 'share_improved', /0\.233 × customers_paired 15 = 3\.495 customers, not a whole number/],
    ['refuse-coverage.csv', 'coverage-consistent', 3, 'coverage_rate', /coverage_rate 0\.3 does not match .* 15\/30 = 0\.500/],
    ['refuse-wrong-columns.csv', 'file-format', 1, 'share_improved', /missing column\(s\) "share_improved"/],
    ['refuse-extra-column.csv', 'no-extra-columns', 1, 'language', /unexpected column\(s\) "language"/],
    ['refuse-duplicate.csv', 'one-row-per-cell', 4, 'area_code, period, instrument, dimension', /repeats row 3: TA02, 2025,/],
    ['refuse-duplicate-months.csv', 'one-row-per-cell', 4, 'area_code, period, instrument, dimension', /2025 covers the same months as 2025-01\/2025-12/],
    ['refuse-bom.csv', 'file-format', 1, 'area_code', /byte-order mark/],
  ];

  test('the BOM fixture really starts with a byte-order mark', () => {
    assert.deepEqual([...bytesOf('refuse-bom.csv').slice(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  for (const [file, rule, row, field, problem] of cases) {
    test(`${file}: rule ${rule}, row ${row}, field "${field}"`, async () => {
      const out = await seededOut();
      const before = folderDigest(out);
      assert.deepEqual(Object.keys(before).sort(), ['published/manifest.json', 'published/testimittari.csv']);
      await assert.rejects(runImport({ file: fixture(file), out, root: ROOT, now: '2026-09-01T00:00:00Z', ref }), (e: unknown) => {
        assert.ok(e instanceof RuleViolation, String(e));
        assert.equal(e.rule, rule);
        assert.equal(e.location.file, fixture(file));
        assert.equal(e.location.row, row);
        assert.equal(e.location.field, field);
        assert.ok(e.message.startsWith(`${fixture(file)}, row ${row}, field "${field}": breaks rule "${rule}"`), e.message);
        assert.match(e.problem, problem);
        return true;
      });
      assert.deepEqual(folderDigest(out), before, 'every byte of the output folder is unchanged');
      assert.deepEqual(readdirSync(out), ['published'], 'no staging or old folder left beside it');
    });
  }
});

describe('more refusals (inline tables)', () => {
  const R1 = 'TA01,2025,Testimittari,1.0,Työllistyvyys,1-5,12,20,0.6,0.5,0.25,0.25,1';
  const refuse = (text: string, rule: string, row: number, field: string | undefined, problem: RegExp) =>
    assert.throws(
      () => importChangeMeter(utf8(text), 'submitted.csv', ref, { now: NOW }),
      (e: unknown) => {
        assert.ok(e instanceof RuleViolation, String(e));
        assert.equal(e.rule, rule);
        assert.equal(e.location.row, row);
        assert.equal(e.location.field, field);
        assert.match(e.problem, problem);
        return true;
      },
    );

  test('a region and a provider are the wrong level', () => {
    refuse(`${HEADER}\n${R1}\n${R1.replace('TA01', 'MK01')}\n`, 'area-level', 3, 'area_code', /region code/);
    refuse(`${HEADER}\n${R1.replace('TA01', 'Palvelu Oy')}\n`, 'area-level', 2, 'area_code', /provider/);
  });

  test('a share written as a percentage, a comma decimal, an empty figure', () => {
    refuse(`${HEADER}\n${R1.replace(',0.5,0.25,0.25,', ',50,25,25,')}\n`, 'field-format', 2, 'share_improved', /not a percentage/);
    refuse(`${HEADER}\n${R1.replace(',0.5,0.25,0.25,', ',"0,5",0.25,0.25,')}\n`, 'field-format', 2, 'share_improved', /"\." as the decimal point/);
    refuse(`${HEADER}\n${R1.replace(',0.25,1', ',0.25,')}\n`, 'field-format', 2, 'median_change', /the field is empty/);
  });

  test('a window that ends before it starts', () => {
    refuse(`${HEADER}\n${R1.replace(',2025,', ',2025-06/2024-07,')}\n`, 'field-format', 2, 'period', /ends before it starts/);
  });

  test('two versions or scales in one instrument × dimension × period', () => {
    refuse(`${HEADER}\n${R1}\n${R1.replace('TA01,2025,Testimittari,1.0', 'TA02,2025,Testimittari,2.0')}\n`, 'one-version-per-group', 3, 'instrument_version', /"2\.0" differs from "1\.0" on row 2/);
    refuse(`${HEADER}\n${R1}\n${R1.replace('TA01', 'TA02').replace(',1-5,', ',0-100,')}\n`, 'one-version-per-group', 3, 'scale', /"0-100" differs from "1-5"/);
  });

  test('two instrument names that would share a file', () => {
    refuse(`${HEADER}\n${R1}\n${R1.replace('TA01,2025,Testimittari', 'TA02,2025,TESTIMITTARI')}\n`, 'distinct-instrument-files', 3, 'instrument', /both be published as testimittari\.csv/);
  });

  test('columns in another order, a semicolon file, a header without rows', () => {
    const swapped = HEADER.replace('share_unchanged,share_worse', 'share_worse,share_unchanged');
    refuse(`${swapped}\n${R1}\n`, 'file-format', 1, undefined, /documented order/);
    refuse(`${HEADER.replaceAll(',', ';')}\n${R1.replaceAll(',', ';')}\n`, 'file-format', 1, undefined, /separated by ","/);
    refuse(`${HEADER}\n`, 'file-format', 2, undefined, /no rows/);
  });
});

describe('notes that do not stop the import', () => {
  test('a window other than 12 months, and partly overlapping periods, are noted in the report', () => {
    const rows = [
      'TA01,2025,Testimittari,1.0,Työllistyvyys,1-5,40,60,0.667,0.45,0.375,0.175,0',
      'TA01,2025-01/2025-06,Testimittari,1.0,Työllistyvyys,1-5,20,30,0.667,0.5,0.3,0.2,0.5',
      'TA01,2025-04/2025-09,Testimittari,1.0,Työllistyvyys,1-5,22,30,0.733,0.5,0.318,0.182,0.5',
    ];
    const r = importChangeMeter(utf8(`${HEADER}\n${rows.join('\n')}\n`), 'submitted.csv', ref, { now: NOW });
    assert.deepEqual(r.warnings, [
      'TA01 Testimittari Työllistyvyys: periods 2025-01/2025-06 and 2025-04/2025-09 overlap partly inside 2025, so the importer cannot audit differences between them; submit one period scheme (years, quarters or 12-month windows) at a time',
      'Testimittari: the window 2025-01/2025-06 is 6 months; 12 months is recommended',
      'Testimittari: the window 2025-04/2025-09 is 6 months; 12 months is recommended',
    ]);
    assert.deepEqual(r.instruments[0]!.rows.map((x) => x.status), ['ok', 'ok', 'ok']);
  });
});

describe('the command', () => {
  test('publishes and prints a report', async () => {
    const out = freshOut();
    const r = await runScript('scripts/import-change-meter.ts', ['--file', fixture('thresholds.csv'), '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /published testimittari\.csv: 6 rows — 2 ok, 3 shares suppressed, 1 suppressed; periods 2025/);
    assert.match(r.stdout, /row 2 TA01 2025 "Työllistyvyys": suppressed — n = 3 paired customers is below 5 \(rule suppress-n-below-5\)/);
    assert.match(r.stdout, /row 3 TA02 2025 "Työllistyvyys": shares_suppressed — n = 7/);
    assert.equal(readFileSync(join(out, 'published', 'testimittari.csv'), 'utf8'), readFileSync(join(ROOT, fixture('thresholds.expected.csv')), 'utf8'));
  });

  test('refuses with one line and exit status 1, leaving the folder as it was', async () => {
    const out = await seededOut();
    const before = folderDigest(out);
    const r = await runScript('scripts/import-change-meter.ts', ['--file', fixture('refuse-municipality.csv'), '--out', out]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    assert.equal(errors.length, 1, r.stderr);
    assert.ok(errors[0]!.startsWith(`error: ${fixture('refuse-municipality.csv')}, row 3, field "area_code": breaks rule "area-level"`), errors[0]);
    assert.ok(!/^\s+at /m.test(r.stderr), 'no stack trace');
    assert.deepEqual(folderDigest(out), before);
  });
});
