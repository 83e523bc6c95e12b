/**
 * File imports keyed by label (scripts/lib/file-imports.ts): the Espoo–Helsinki–Vantaa file gives
 * its values by the Finnish content label, mapped to codes through the 12r5 PX metadata. A label
 * given to two codes would send the values of both to one code, so it is refused, naming the
 * metadata file and the label's field. Runs on the real excerpts of tests/fixtures/shared-mini.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { importFile } from '../../../../scripts/lib/file-imports.ts';
import { loadReference } from '../../../../scripts/lib/validate/reference.ts';
import { loadSources } from '../../../../scripts/lib/validate/registry.ts';
import { InputError } from '../../../../src/lib/errors.ts';
import { cellsOf } from '../../../../src/lib/jsonstat.ts';
import type { JsonStatDataset } from '../../../../src/schema/raw.ts';
import { ROOT, SHARED_MINI } from '../../../helpers/data-harness.ts';

const ref = loadReference(ROOT);
const source = loadSources(ROOT).find((s) => s.id === 'statfin-tyonv-12r5')!;
const entry = source.files.find((f) => f.format === 'labelled-cities-json')!;
const META = join('tyonv', '12r5_px_metadata_2023.json');

describe('importFile, labelled-cities-json', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tilannekuva-labels-'));
    cpSync(join(SHARED_MINI, 'tyonv'), join(dir, 'tyonv'), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the labels of the metadata map to their own codes (2024M12 jobseekers: Espoo 29,277, Vantaa 29,777)', () => {
    const [part] = importFile(source, entry, dir, ref, '2026-12-01T00:00:00Z');
    const cells = [...cellsOf(part!.data as JsonStatDataset)].filter((c) => c.coords['timeperiod_m'] === '2024M12' && c.coords['Tiedot'] === 'HAKIJALOPUSSA');
    assert.deepEqual(cells.map((c) => [c.coords['Alue'], c.value]), [['KU049', 29277], ['KU091', 71440], ['KU092', 29777]]);
  });

  test('a label given to two codes is refused, naming the metadata file and the label', () => {
    const path = join(dir, META);
    const meta = JSON.parse(readFileSync(path, 'utf8')) as { values: { fi: Record<string, string[]> } };
    const labels = meta.values.fi['Tiedot']!;
    assert.equal(labels[0], 'Työnhakijoita laskentapäivänä (lkm.)', 'precondition: the label copied');
    labels[1] = labels[0]!;
    writeFileSync(path, JSON.stringify(meta));
    assert.throws(
      () => importFile(source, entry, dir, ref, '2026-12-01T00:00:00Z'),
      (e: unknown) => {
        assert.ok(e instanceof InputError, String(e));
        assert.equal(
          e.message,
          `${relative(ROOT, path)}, field "values.fi.Tiedot[1]": the label "Työnhakijoita laskentapäivänä (lkm.)" is given to both HAKIJALOPUSSA and TYOTTOMATLOPUSSA; values keyed by it would go to one code and the other would lose its values`,
        );
        return true;
      },
    );
  });
});
