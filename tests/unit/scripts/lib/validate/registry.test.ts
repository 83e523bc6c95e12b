/**
 * loadSources (scripts/lib/validate/registry.ts): a content code that a file import lets have
 * decimals must be a rate or an amount in its source file, or validate would refuse what the
 * import accepted. Runs on a copy of data/sources with one line changed.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSources } from '../../../../../scripts/lib/validate/registry.ts';
import { InputError } from '../../../../../src/lib/errors.ts';
import { ROOT } from '../../../../helpers/data-harness.ts';

describe('loadSources: decimals only for rates and amounts', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'tilannekuva-sources-'));
    cpSync(join(ROOT, 'data', 'sources'), join(root, 'data', 'sources'), { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the committed source files pass', () => {
    assert.equal(loadSources(root).length, loadSources(ROOT).length);
  });

  test('TYOTOSUUS with decimals but no longer listed as a rate is refused, naming the import', () => {
    const file = join(root, 'data', 'sources', 'statfin-tyonv-12r5.yaml');
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes('non_additive_codes: [TYOTOSUUS]\n'), 'precondition: the line to change');
    writeFileSync(file, text.replace('non_additive_codes: [TYOTOSUUS]\n', 'non_additive_codes: []\n'));
    assert.throws(
      () => loadSources(root),
      (e: unknown) => {
        assert.ok(e instanceof InputError, String(e));
        assert.equal(
          e.message,
          'data/sources/statfin-tyonv-12r5.yaml, field "files[1].decimal_codes[0]": TYOTOSUUS may have decimals here but is a count; list it in non_additive_codes (a rate, share or average) or amount_codes (euros)',
        );
        return true;
      },
    );
  });
});
