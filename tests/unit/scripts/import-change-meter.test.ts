/**
 * The change-meter importer (scripts/import-change-meter.ts and scripts/lib/change-meter/store.ts)
 * on the hand-made tables of tests/fixtures/change-meter/ (invented numbers; see its README):
 *
 * - accepted files are published exactly as the `*.expected.csv` files written by hand;
 * - the manifest never names the submitted file or its hash; the private record does;
 * - every refusal names the rule, the file, the row and the field, and leaves the output folder
 *   (seeded with an earlier good import) byte for byte as it was, with nothing left beside it;
 * - a file over the size limit is refused before it is read;
 * - earlier releases in the git history are audited together with the new file;
 * - the command itself prints a report, or one error line and exit status 1.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import loadHighs from 'highs';
import { loadReference } from '../../../scripts/lib/validate/reference.ts';
import { MAX_FILE_BYTES, RuleViolation } from '../../../src/lib/change-meter/rules.ts';
import { highsSolver } from '../../../src/lib/change-meter/solver.ts';
import { readEarlierReleases, runImport } from '../../../scripts/lib/change-meter/store.ts';
import { ROOT, folderDigest, runScript } from '../../helpers/data-harness.ts';

const FIXTURES = 'tests/fixtures/change-meter';
const fixture = (name: string) => `${FIXTURES}/${name}`;
const ref = loadReference(ROOT);
const solver = highsSolver(await loadHighs());
const NOW = '2026-08-01T12:00:00Z';
const HEADER = readFileSync(join(ROOT, 'data/change-meter/template.csv'), 'utf8').trim();

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tilannekuva-change-meter-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
/** A fresh change-meter folder with the test registry. */
const freshOut = () => {
  const out = join(tmp, `out-${++counter}`);
  mkdirSync(out);
  cpSync(join(ROOT, fixture('instruments.yaml')), join(out, 'instruments.yaml'));
  return out;
};
const run = (file: string, out: string, now = NOW) => runImport({ file, out, root: ROOT, now, ref, solver });

describe('accepted files are published as written by hand', () => {
  for (const name of ['thresholds', 'complementary', 'periods']) {
    test(`${name}.csv → ${name}.expected.csv`, async () => {
      const out = freshOut();
      await run(fixture(`${name}.csv`), out);
      assert.deepEqual(readdirSync(join(out, 'published')).sort(), ['manifest.json', 'testimittari.csv']);
      assert.equal(readFileSync(join(out, 'published', 'testimittari.csv'), 'utf8'), readFileSync(join(ROOT, fixture(`${name}.expected.csv`)), 'utf8'));
    });
  }

  test('n = 3 is suppressed, not refused', async () => {
    const out = freshOut();
    const { result } = await run(fixture('small-n.csv'), out);
    assert.equal(
      result.instruments[0]!.csv,
      `area_code,period,instrument,instrument_version,dimension,scale,customers_paired,customers_measured,coverage_rate,share_improved,share_unchanged,share_worse,median_change,status
TA01,2025,Testimittari,1.0,Työllistyvyys,1-5,20,30,0.67,0.5,0.25,0.25,0.5,ok
TA02,2025,Testimittari,1.0,Työllistyvyys,1-5,,,,,,,,suppressed
TA03,2025,Testimittari,1.0,Työllistyvyys,1-5,12,20,0.6,0.58,0.42,0,1,ok
`,
    );
    assert.deepEqual(
      result.withheld.map((w) => [w.line, w.area_code, w.status, w.rule]),
      [[3, 'TA02', 'suppressed', 'suppress-n-below-5']],
    );
  });

  test('the manifest records the time, the rows and the rules, never the submitted file; the private record does', async () => {
    const out = freshOut();
    const { report } = await run(fixture('complementary.csv'), out);
    const manifestText = readFileSync(join(out, 'published', 'manifest.json'), 'utf8');
    const sha = createHash('sha256').update(readFileSync(join(ROOT, fixture('complementary.csv')))).digest('hex');
    assert.deepEqual(JSON.parse(manifestText), {
      format: 'tilannekuva-change-meter-manifest/2',
      files: [
        {
          file: 'testimittari.csv',
          instrument: 'Testimittari',
          imported_at: NOW,
          rows: 5,
          rows_ok: 2,
          rows_shares_suppressed: 1,
          rows_suppressed: 2,
          periods: ['2025'],
          rules_applied: [
            'file-format',
            'no-extra-columns',
            'field-format',
            'area-level',
            'known-area',
            'registered-instrument',
            'no-identifying-text',
            'paired-measurements-only',
            'one-row-per-cell',
            'one-version-per-group',
            'one-period-scheme',
            'totals-add-up',
            'published-figures-stay',
            'suppress-n-below-5',
            'shares-need-n-10',
            'category-count-below-5',
            'linked-dimensions',
            'protection-interval',
          ],
        },
      ],
    });
    for (const f of readdirSync(join(out, 'published'))) {
      const text = readFileSync(join(out, 'published', f), 'utf8');
      assert.ok(!text.includes('complementary') && !text.includes(sha), `${f} names neither the submitted file nor its hash`);
    }
    const [record] = readdirSync(join(out, 'private'));
    const priv = JSON.parse(readFileSync(join(out, 'private', record!), 'utf8'));
    assert.deepEqual([priv.source_file, priv.source_sha256, priv.imported_at], ['complementary.csv', sha, NOW]);
    assert.match(report, /published testimittari\.csv: 5 rows — 2 ok, 1 shares suppressed, 2 suppressed; periods 2025/);
    assert.match(report, /row 4 TA02 2025 "Työllistyvyys": suppressed — otherwise the n of row 3 \(TA01, 2025, "Työllistyvyys"\) is exactly 3 given what is published \(rule protection-interval\)/);
    assert.match(report, /row 5 TA03 2025 "Työllistyvyys": shares_suppressed — otherwise the count of customers who got worse of row 3 \(TA01, 2025, "Työllistyvyys"\) is exactly 0/);
    assert.match(report, /advice: 1 row\(s\) had too few customers in a figure and 2 more had to be withheld/);
  });

  test('a second instrument is added beside the first; re-importing an instrument replaces its file', async () => {
    const out = freshOut();
    await run(fixture('base.csv'), out);
    const other = join(tmp, 'other-instrument.csv');
    writeFileSync(other, `${HEADER}\nSSS,2024,Toinen testimittari,2,Hyvinvointi,0-100,40,80,20,15,5,5\n`);
    await run(other, out, '2026-08-02T00:00:00Z');
    assert.deepEqual(readdirSync(join(out, 'published')).sort(), ['manifest.json', 'testimittari.csv', 'toinen-testimittari.csv']);
    // The instrument's complete table again, with one more area: the earlier figures stay as they were.
    const extended = join(tmp, 'extended.csv');
    writeFileSync(extended, `${readFileSync(join(ROOT, fixture('base.csv')), 'utf8')}TA04,2025,Testimittari,1.0,Työllistyvyys,1-5,25,30,10,10,5,0\n`);
    const { report } = await run(extended, out, '2026-08-03T00:00:00Z');
    assert.match(report, /replaces the import of 2026-08-01T12:00:00Z \(3 rows\)/);
    assert.match(report, /published testimittari\.csv: 4 rows — 4 ok/);
    const manifest = JSON.parse(readFileSync(join(out, 'published', 'manifest.json'), 'utf8'));
    assert.deepEqual(
      manifest.files.map((e: { file: string; imported_at: string }) => [e.file, e.imported_at]),
      [
        ['testimittari.csv', '2026-08-03T00:00:00Z'],
        ['toinen-testimittari.csv', '2026-08-02T00:00:00Z'],
      ],
    );
  });
});

/** A folder with an earlier good import in it, for checking that a refusal changes nothing. */
async function seededOut(): Promise<string> {
  const out = freshOut();
  await run(fixture('base.csv'), out);
  return out;
}

describe('refusals name the rule, the file, the row and the field, and write nothing', () => {
  const cases: [file: string, rule: string, row: number | undefined, field: string | undefined, problem: RegExp][] = [
    ['refuse-municipality.csv', 'area-level', 3, 'area_code', /"KU091" is a municipality code/],
    ['refuse-unknown-area.csv', 'known-area', 3, 'area_code', /TA47 is not an employment area/],
    ['refuse-missing-paired.csv', 'paired-measurements-only', 3, 'customers_paired', /customers_paired .* is empty.*merge periods/],
    ['refuse-counts-sum.csv', 'paired-measurements-only', 3, 'customers_improved + customers_unchanged + customers_worse', /add up to 16, not customers_paired 15/],
    ['refuse-paired-gt-measured.csv', 'paired-measurements-only', 3, 'customers_paired', /customers_paired 35 is larger than customers_measured 30/],
    ['refuse-wrong-columns.csv', 'file-format', 1, 'customers_improved', /missing column\(s\) "customers_improved"/],
    ['refuse-extra-column.csv', 'no-extra-columns', 1, 'language', /unexpected column\(s\) "language"/],
    ['refuse-duplicate.csv', 'one-row-per-cell', 4, 'area_code, period, instrument, dimension', /repeats row 3: TA02, 2025,/],
    ['refuse-duplicate-months.csv', 'one-row-per-cell', 4, 'area_code, period, instrument, dimension', /2025 covers the same months as 2025-01\/2025-12/],
    ['refuse-bom.csv', 'file-format', 1, 'area_code', /byte-order mark/],
    ['refuse-unregistered.csv', 'registered-instrument', 3, 'instrument', /"Muu mittari" is not registered \(registered: "Testimittari", "Toinen testimittari"\)/],
    ['refuse-dimension.csv', 'registered-instrument', 3, 'dimension', /"Työllistyvyys – Helsinki" is not a dimension of Testimittari 1\.0/],
    ['refuse-overlap.csv', 'one-period-scheme', 3, 'period', /2025-04\/2025-09 overlaps 2025-01\/2025-06 \(row 2\) partly/],
    ['refuse-totals.csv', 'totals-add-up', 2, 'customers_paired', /customers_paired 30 of SSS 2025 is not the sum 27 of the employment-area rows of 2025 \(rows 3, 4\)/],
    ['refuse-median.csv', 'field-format', 3, 'median_change', /a whole or a half step/],
  ];

  test('the BOM fixture really starts with a byte-order mark', () => {
    assert.deepEqual([...readFileSync(join(ROOT, fixture('refuse-bom.csv'))).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  for (const [file, rule, row, field, problem] of cases) {
    test(`${file}: rule ${rule}, row ${row}, field "${field}"`, async () => {
      const out = await seededOut();
      const before = folderDigest(out);
      await assert.rejects(run(fixture(file), out, '2026-09-01T00:00:00Z'), (e: unknown) => {
        assert.ok(e instanceof RuleViolation, String(e));
        assert.equal(e.rule, rule);
        assert.equal(e.location.file, fixture(file));
        assert.equal(e.location.row, row);
        assert.equal(e.location.field, field);
        assert.match(e.problem, problem);
        return true;
      });
      assert.deepEqual(folderDigest(out), before, 'every byte of the output folder is unchanged');
      assert.deepEqual(readdirSync(out).sort(), ['instruments.yaml', 'private', 'published'], 'no staging or old folder left beside it');
    });
  }

  test('a file over the size limit is refused before it is read, with the limit in the message', async () => {
    const out = await seededOut();
    const before = folderDigest(out);
    const big = join(tmp, 'big.csv');
    writeFileSync(big, `${HEADER}\n${'TA01,2025,Testimittari,1.0,Työllistyvyys,1-5,20,30,10,5,5,0.5\n'.repeat(Math.ceil(MAX_FILE_BYTES / 60))}`);
    await assert.rejects(run(big, out), (e: unknown) => e instanceof RuleViolation && e.rule === 'file-format' && /the limit is 2 MiB/.test(e.problem) && /customer-level data/.test(e.problem));
    assert.deepEqual(folderDigest(out), before);
  });

  test('a registry with a municipality in a dimension is refused', async () => {
    const out = freshOut();
    writeFileSync(join(out, 'instruments.yaml'), 'instruments:\n  - id: testimittari\n    name: Testimittari\n    versions:\n      - version: "1.0"\n        scale: 1-5\n        dimensions: [Työllistyvyys Kauniainen]\n');
    await assert.rejects(run(fixture('base.csv'), out), (e: unknown) => e instanceof RuleViolation && e.rule === 'no-identifying-text' && e.location.field === 'versions[0].dimensions[0]' && /"kauniainen" is the name of a municipality/.test(e.problem));
  });
});

describe('earlier releases in the git history', () => {
  test('are read, and a second import that drops the whole-country row keeps TA01 protected', async () => {
    const repo = join(tmp, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '-q');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Test');
    const out = join(repo, 'change-meter');
    mkdirSync(out);
    cpSync(join(ROOT, fixture('instruments.yaml')), join(out, 'instruments.yaml'));
    await run(fixture('complementary.csv'), out);
    git('add', 'change-meter/published', 'change-meter/instruments.yaml');
    git('commit', '-q', '-m', 'release 1');
    // The maintainer deletes the published file, so only the history holds release 1.
    rmSync(join(out, 'published'), { recursive: true });
    const earlier = readEarlierReleases(join(out, 'published'), { id: 'testimittari', name: 'Testimittari', versions: [] });
    assert.equal(earlier.length, 5);
    assert.match(earlier[0]!.release, /^the release of \d{4}-\d{2}-\d{2} \(commit [0-9a-f]{10}\)$/);
    const second = join(tmp, 'second.csv');
    writeFileSync(second, readFileSync(join(ROOT, fixture('complementary.csv')), 'utf8').replace(/^SSS.*\n/m, ''));
    const { result } = await run(second, out, '2026-09-01T00:00:00Z');
    const ta02 = result.instruments[0]!.rows.find((r) => r.area_code === 'TA02')!;
    // Shown, TA02 would give TA01 = 60 (release 1's whole country) − 12 − 20 − 25 = 3.
    assert.equal(ta02.status, 'suppressed');
  });
});

describe('the command', () => {
  test('publishes and prints a report', async () => {
    const out = freshOut();
    const r = await runScript('scripts/import-change-meter.ts', ['--file', fixture('thresholds.csv'), '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /published testimittari\.csv: 7 rows — 2 ok, 4 shares suppressed, 1 suppressed; periods 2025/);
    assert.match(r.stdout, /row 2 TA01 2025 "Työllistyvyys": suppressed — n = 3 paired customers is below 5 \(rule suppress-n-below-5\)/);
    assert.match(r.stdout, /row 8 TA07 2025 "Työllistyvyys": shares_suppressed — 4 unchanged, 2 worse: a share would show fewer than 5 customers \(rule category-count-below-5\)/);
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
