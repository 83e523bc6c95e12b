/**
 * The good-practice library: a file with a missing field, an unknown area code or an unknown
 * indicator id fails with the file and the field named; the seeded library is valid.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPractices, parsePractice } from '../../src/data/practices.ts';
import { InputError } from '../../src/lib/errors.ts';

const ctx = { areas: new Set(['TA08', 'TA33']), indicators: new Set(['unemployment-share', 'long-term-unemployed-share']) };

const valid = `---
language: fi
title:
  fi: Esimerkkikäytäntö
summary:
  fi: Lyhyt kuvaus.
areas: [TA33]
target_groups: [young-people]
method: coaching-and-guidance
indicators: [unemployment-share]
evidence: described
sources:
  - title: Lähde
    url: https://example.org/lahde
contact:
  organisation: Esimerkkiorganisaatio
added: 2026-11-27
reviewed: 2026-11-27
---

Kuvaus.
`;

function errorOf(text: string, file = 'data/practices/test-practice.md'): InputError {
  try {
    parsePractice(text, file, ctx);
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the practice to be refused');
}

describe('parsePractice', () => {
  test('a valid file parses, with the id from its file name', () => {
    const p = parsePractice(valid, 'data/practices/test-practice.md', ctx);
    assert.equal(p.id, 'test-practice');
    assert.deepEqual(p.areas, ['TA33']);
    assert.equal(p.national, false);
  });

  test('a missing field names the file and the field', () => {
    const e = errorOf(valid.replace('evidence: described\n', ''));
    assert.equal(e.location.file, 'data/practices/test-practice.md');
    assert.equal(e.location.field, 'evidence');
  });

  test('an unknown area code names the file and the field', () => {
    const e = errorOf(valid.replace('areas: [TA33]', 'areas: [TA33, TA99]'));
    assert.equal(e.location.field, 'areas[1]');
    assert.match(e.message, /data\/practices\/test-practice\.md.*areas\[1\].*unknown employment area "TA99"/);
  });

  test('a code that is not an employment-area code is refused by the schema', () => {
    const e = errorOf(valid.replace('areas: [TA33]', 'areas: [KU091]'));
    assert.equal(e.location.field, 'areas[0]');
  });

  test('an unknown indicator id names the file and the field', () => {
    const e = errorOf(valid.replace('indicators: [unemployment-share]', 'indicators: [happiness-index]'));
    assert.equal(e.location.field, 'indicators[0]');
    assert.match(e.message, /unknown indicator "happiness-index"/);
  });

  test('the title in the practice language is required', () => {
    const e = errorOf(valid.replace('language: fi', 'language: sv'));
    assert.equal(e.location.field, 'title.sv');
  });

  test('no areas requires national: true', () => {
    const e = errorOf(valid.replace('areas: [TA33]', 'areas: []'));
    assert.equal(e.location.field, 'areas');
    assert.doesNotThrow(() => parsePractice(valid.replace('areas: [TA33]', 'areas: []\nnational: true'), 'data/practices/test-practice.md', ctx));
  });

  test('unknown fields (such as a personal e-mail) are refused', () => {
    const e = errorOf(valid.replace('  organisation: Esimerkkiorganisaatio', '  organisation: Esimerkkiorganisaatio\n  email: matti@example.org'));
    assert.equal(e.location.field, 'contact');
  });

  test('a file without front matter or without a body is refused', () => {
    assert.match(errorOf('Just text.\n').message, /front matter/);
    assert.equal(errorOf(valid.replace('\nKuvaus.\n', '\n')).location.field, 'body');
  });

  test('a bad file name is refused', () => {
    assert.equal(errorOf(valid, 'data/practices/Bad Name.md').location.field, 'file name');
  });
});

describe('the seeded library', () => {
  test('every seeded practice is valid against the real reference data and registry', () => {
    const areas = new Set(Array.from({ length: 46 }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`));
    const ids = ['long-term-unemployed-share', 'unemployed-or-in-services-share', 'unemployed-disabled-ill', 'unemployment-share', 'in-services-share'];
    const practices = loadPractices({ areas, indicators: new Set(ids) });
    assert.equal(practices.length, 6);
    for (const p of practices) assert.ok(p.sources.every((s) => s.url.startsWith('http')), `${p.id} cites public sources`);
    assert.deepEqual(practices.find((p) => p.id === 'rovaniemi-outcome-based-pilot')?.areas, ['TA33']);
  });
});
