/**
 * scripts/validate.ts guards the raw snapshot: only the acquire stage writes data/raw, so a raw
 * file edited by hand or a file the manifest does not list stops the run with one clear line,
 * and nothing is written. Runs on a temporary copy of the repository's data/raw.
 */
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, folderDigest, runScript } from '../../helpers/data-harness.ts';

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

  test('a manifest that is not JSON is named, with no stack trace, and the previous output is left as it was', async () => {
    const manifest = join(dir, 'raw', 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 200));
    const before = previousOutput();
    const r = await runScript('scripts/validate.ts', ['--raw', join(dir, 'raw'), '--out', join(dir, 'validated')]);
    assert.equal(r.code, 1);
    const line = errorLine(r.stderr);
    assert.ok(line.startsWith(`error: ${relative(ROOT, manifest)}: not valid JSON (`), line);
    assert.match(line, /only the acquire stage writes it/);
    assert.deepEqual(folderDigest(join(dir, 'validated')), before, 'the previous output is untouched');
  });

  test('a manifest that fails its schema names the file and the field', async () => {
    const manifest = join(dir, 'raw', 'manifest.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { entries: { sha256: string }[] };
    m.entries[0]!.sha256 = 'abc';
    writeFileSync(manifest, JSON.stringify(m));
    const before = previousOutput();
    const r = await runScript('scripts/validate.ts', ['--raw', join(dir, 'raw'), '--out', join(dir, 'validated')]);
    assert.equal(r.code, 1);
    const line = errorLine(r.stderr);
    assert.ok(line.startsWith(`error: ${relative(ROOT, manifest)}, field "entries[0].sha256": `), line);
    assert.match(line, /\(found "abc"\)/);
    assert.deepEqual(folderDigest(join(dir, 'validated')), before);
  });
});

/** A previous output of validate (a stand-in file), to show that a failed run leaves it as it was. */
function previousOutput(): Record<string, string> {
  mkdirSync(join(dir, 'validated'), { recursive: true });
  writeFileSync(join(dir, 'validated', 'cells.arrow'), 'the previous run\'s cells');
  return folderDigest(join(dir, 'validated'));
}

/**
 * A raw folder of one hand-made 12r5 part, listed in its manifest with its checksum: jobseekers
 * (HAKIJALOPUSSA) of Espoo (KU049) and Vantaa (KU092) in 2025M09, 29,761 and 30,088 (from
 * ../shared/data/tyonv/12r5_espoo_helsinki_vantaa_2024M12-2025M09.json), as `text` gives them.
 */
function onePartRaw(text: string): string {
  const raw = join(dir, 'one');
  mkdirSync(join(raw, 'statfin-tyonv-12r5'), { recursive: true });
  writeFileSync(join(raw, 'statfin-tyonv-12r5', 'capital-test.json'), text);
  const entry = {
    file: 'statfin-tyonv-12r5/capital-test.json',
    source: 'statfin-tyonv-12r5',
    part: 'capital-test',
    description: 'Test part: jobseekers of Espoo and Vantaa in 2025M09.',
    format: 'json-stat2',
    lang: 'fi',
    origin: { kind: 'file', path: 'tests/integration/scripts/validate.test.ts', sha256: '0'.repeat(64), provenance: 'test', conversion: 'written by hand' },
    retrieved_at: '2026-12-01T00:00:00Z',
    source_updated: null,
    source_text: null,
    sha256: createHash('sha256').update(text).digest('hex'),
    cells: 2,
  };
  writeFileSync(join(raw, 'manifest.json'), JSON.stringify({ version: 1, written_at: '2026-12-01T00:00:00Z', entries: [entry] }));
  return raw;
}

const capital = (alue: string, dimension = `"Alue":{"category":{"index":${alue}}},"timeperiod_m":{"category":{"index":{"2025M09":0}}},"Tiedot":{"category":{"index":{"HAKIJALOPUSSA":0}}}`) =>
  `{"version":"2.0","class":"dataset","id":["Alue","timeperiod_m","Tiedot"],"size":[2,1,1],"dimension":{${dimension}},"value":[29761,30088],"role":{"geo":["Alue"],"time":["timeperiod_m"],"metric":["Tiedot"]}}`;

describe('scripts/validate.ts on a raw part that would be read wrongly', () => {
  test('the table as given is accepted (the control)', async () => {
    const raw = onePartRaw(capital('{"KU049":0,"KU092":1}'));
    const r = await runScript('scripts/validate.ts', ['--raw', raw, '--out', join(dir, 'validated'), '--partial-snapshot']);
    assert.equal(r.code, 0, r.stderr);
  });

  test('an area code listed twice (Vantaa\'s jobseekers under Espoo\'s code) is refused and nothing is written', async () => {
    const raw = onePartRaw(capital('{"KU049":0,"KU049":1}'));
    const before = previousOutput();
    const r = await runScript('scripts/validate.ts', ['--raw', raw, '--out', join(dir, 'validated'), '--partial-snapshot']);
    assert.equal(r.code, 1);
    assert.equal(
      errorLine(r.stderr),
      `error: ${relative(ROOT, join(raw, 'statfin-tyonv-12r5', 'capital-test.json'))}, field "dimension.Alue.category.index": no code has position 0 of 2 (a code listed twice keeps only its last position)`,
    );
    assert.deepEqual(folderDigest(join(dir, 'validated')), before);
  });

  test('a dimension without its object is one clear line, not a stack trace', async () => {
    const raw = onePartRaw(capital('', `"Alue":{"category":{"index":{"KU049":0,"KU092":1}}},"timeperiod_m":{"category":{"index":{"2025M09":0}}}`));
    const before = previousOutput();
    const r = await runScript('scripts/validate.ts', ['--raw', raw, '--out', join(dir, 'validated'), '--partial-snapshot']);
    assert.equal(r.code, 1);
    assert.equal(errorLine(r.stderr), `error: ${relative(ROOT, join(raw, 'statfin-tyonv-12r5', 'capital-test.json'))}, field "dimension.Tiedot": the dimension "Tiedot" is listed in id but has no dimension object`);
    assert.deepEqual(folderDigest(join(dir, 'validated')), before);
  });
});
