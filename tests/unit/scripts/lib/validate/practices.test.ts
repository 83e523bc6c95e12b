/**
 * The good-practice library: a wrong file fails with the file, the line and the field named —
 * a missing field, an unknown area, region or indicator, an unknown evidence level, a source
 * without a checked date, a sentence without a source reference, a reference to a source that is
 * not listed, a misplaced language heading. The seeded library is valid, sourced and translated.
 * Line numbers below are counted by hand in the fixture text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { loadPractices, parsePractice } from '../../../../../scripts/lib/validate/practices.ts';
import { InputError } from '../../../../../src/lib/errors.ts';
import { claimProblems, sentences, stripMarkers } from '../../../../../src/lib/practice-text.ts';
import { renderClaimText } from '../../../../../src/lib/practice-render.ts';
import { splitFrontMatter } from '../../../../../src/schema/practice.ts';

const ctx = { areas: new Set(['TA08', 'TA33']), indicators: new Set(['unemployment-share', 'long-term-unemployed-share']), regions: new Set(['MK13']) };

// Line numbers of this text: 1 ---, 2 language, …, 17 checked, 21 ---, 23 "# fi", 25 the first sentence.
const valid = `---
language: fi
title:
  fi: Esimerkkikäytäntö
summary:
  fi: Lyhyt kuvaus [1].
areas: [TA33]
target_groups: [young-people]
method: coaching-and-guidance
indicators: [unemployment-share]
evidence: described
sources:
  - title: Lähde
    publisher: Julkaisija
    url: https://example.org/lahde
    checked: 2026-11-27
    excerpt: Lähteen sanatarkka ote.
contact: not-known
added: 2026-11-27
reviewed: 2026-11-27
---

# fi

Ensimmäinen virke lähteestä [1]. Toinen virke on portaalin arvio [0].

# en

First sentence from the source [1]. The second is the portal's assessment [0].
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
  test('a valid file parses, with the id from its file name and a body per language', () => {
    const p = parsePractice(valid, 'data/practices/test-practice.md', ctx);
    assert.equal(p.id, 'test-practice');
    assert.deepEqual(p.areas, ['TA33']);
    assert.equal(p.national, false);
    assert.deepEqual(Object.keys(p.bodies), ['fi', 'en']);
    assert.equal(p.contact, 'not-known');
  });

  test('an unreferenced sentence fails with the file, its line and the field of its language', () => {
    const e = errorOf(valid.replace('Toinen virke on portaalin arvio [0].', 'Toinen virke ilman viitettä.'));
    assert.equal(e.location.file, 'data/practices/test-practice.md');
    assert.equal(e.location.row, 25);
    assert.equal(e.location.field, 'body.fi');
    assert.match(e.message, /"Toinen virke ilman viitettä\." has no source reference/);
  });

  test('an unreferenced sentence in a translation names that language', () => {
    const e = errorOf(valid.replace("The second is the portal's assessment [0].", 'No reference here.'));
    assert.equal(e.location.row, 29);
    assert.equal(e.location.field, 'body.en');
  });

  test('an unreferenced sentence in a list item is found too', () => {
    const e = errorOf(valid.replace('# en\n', '- kohta ilman viitettä\n\n# en\n'));
    assert.equal(e.location.row, 27);
    assert.equal(e.location.field, 'body.fi');
  });

  test('an unreferenced summary fails at its line, field summary.fi', () => {
    const e = errorOf(valid.replace('Lyhyt kuvaus [1].', 'Lyhyt kuvaus.'));
    assert.equal(e.location.row, 6);
    assert.equal(e.location.field, 'summary.fi');
  });

  test('a reference to a source that is not listed is refused', () => {
    const e = errorOf(valid.replace('Ensimmäinen virke lähteestä [1].', 'Ensimmäinen virke lähteestä [2].'));
    assert.equal(e.location.row, 25);
    assert.match(e.message, /\[2\] names no source: the practice lists 1 source/);
  });

  test('a source without a checked date fails at the source, field sources[0].checked', () => {
    const e = errorOf(valid.replace('    checked: 2026-11-27\n', ''));
    assert.equal(e.location.field, 'sources[0].checked');
    assert.equal(e.location.row, 13);
  });

  test('a source without a verbatim excerpt or publisher is refused', () => {
    assert.equal(errorOf(valid.replace('    excerpt: Lähteen sanatarkka ote.\n', '')).location.field, 'sources[0].excerpt');
    assert.equal(errorOf(valid.replace('    publisher: Julkaisija\n', '')).location.field, 'sources[0].publisher');
  });

  test('an unknown evidence level fails at its line, field evidence', () => {
    const e = errorOf(valid.replace('evidence: described', 'evidence: third-party'));
    assert.equal(e.location.row, 11);
    assert.equal(e.location.field, 'evidence');
    assert.match(e.message, /unknown evidence level: expected one of described, before-after, comparison-group, randomised/);
  });

  test('a missing field names the file and the field', () => {
    const e = errorOf(valid.replace('evidence: described\n', ''));
    assert.equal(e.location.file, 'data/practices/test-practice.md');
    assert.equal(e.location.field, 'evidence');
  });

  test('an unknown area code names the file, line and field', () => {
    const e = errorOf(valid.replace('areas: [TA33]', 'areas: [TA33, TA99]'));
    assert.equal(e.location.field, 'areas[1]');
    assert.equal(e.location.row, 7);
    assert.match(e.message, /data\/practices\/test-practice\.md.*areas\[1\].*unknown employment area "TA99"/);
  });

  test('a code that is not an employment-area code is refused by the schema', () => {
    const e = errorOf(valid.replace('areas: [TA33]', 'areas: [KU091]'));
    assert.equal(e.location.field, 'areas[0]');
  });

  test('a region may stand for the area of a regional body; an unknown region is refused', () => {
    assert.doesNotThrow(() => parsePractice(valid.replace('areas: [TA33]', 'areas: []\nregions: [MK13]'), 'data/practices/test-practice.md', ctx));
    assert.equal(errorOf(valid.replace('areas: [TA33]', 'areas: []\nregions: [MK99]')).location.field, 'regions[0]');
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

  test('the first language section must be the original language', () => {
    const e = errorOf(valid.replace('# fi\n', '# sv\n'));
    assert.equal(e.location.row, 23);
    assert.match(e.message, /first language section must be the original language/);
  });

  test('a level-1 heading that is not a language is refused', () => {
    const e = errorOf(valid.replace('# en\n', '# Tausta\n'));
    assert.equal(e.location.row, 27);
    assert.match(e.message, /reserved for a language code/);
  });

  test('a contact names the source that says it; the source must exist', () => {
    const ok = valid.replace('contact: not-known', 'contact:\n  organisation: Järjestö\n  source: 1');
    assert.doesNotThrow(() => parsePractice(ok, 'data/practices/test-practice.md', ctx));
    assert.equal(errorOf(ok.replace('source: 1', 'source: 2')).location.field, 'contact.source');
  });

  test('no areas requires regions or national: true', () => {
    const e = errorOf(valid.replace('areas: [TA33]', 'areas: []'));
    assert.equal(e.location.field, 'areas');
    assert.doesNotThrow(() => parsePractice(valid.replace('areas: [TA33]', 'areas: []\nnational: true'), 'data/practices/test-practice.md', ctx));
  });

  test('unknown fields (such as a personal e-mail) are refused', () => {
    const e = errorOf(valid.replace('contact: not-known', 'contact:\n  organisation: Järjestö\n  source: 1\n  email: matti@example.org'));
    assert.equal(e.location.field, 'contact');
  });

  test('a file without front matter or without a body is refused', () => {
    assert.match(errorOf('Just text.\n').message, /front matter/);
    assert.equal(errorOf(valid.slice(0, valid.indexOf('# fi'))).location.field, 'body');
  });

  test('a bad file name is refused', () => {
    assert.equal(errorOf(valid, 'data/practices/Bad Name.md').location.field, 'file name');
  });
});

describe('claims', () => {
  test('sentences split at a full stop followed by a capital, not inside dates or abbreviations before lower case', () => {
    assert.deepEqual(
      sentences('Hanke kesti 1.1.2024–31.12.2026 [1]. Mm. palvelupilotit [1]. Se jatkuu esim. keväällä [1].').map((s) => s.text),
      ['Hanke kesti 1.1.2024–31.12.2026 [1].', 'Mm. palvelupilotit [1].', 'Se jatkuu esim. keväällä [1].'],
    );
  });
  test('a reference after the full stop does not count for the sentence before it', () => {
    assert.equal(claimProblems('Väite. [1] Toinen väite [1].', 1).length, 1);
  });
  test('markers are stripped for cards and rendered as links to the numbered sources', () => {
    assert.equal(stripMarkers('Väite [1, 2]. Arvio [0].'), 'Väite. Arvio.');
    assert.equal(
      renderClaimText('Väite [1]. Arvio [0].', { sourceTitle: () => 'Lähde', assessment: 'oma arvio' }),
      'Väite <sup>[<a href="#source-1" title="Lähde">1</a>]</sup>. Arvio <sup>[<a href="#own-assessment" title="oma arvio">*</a>]</sup>.',
    );
  });
});

describe('the seeded library', () => {
  const areas = new Set(Array.from({ length: 46 }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`));
  const ids = ['long-term-unemployed-share', 'unemployed-or-in-services-share', 'unemployed-disabled-ill', 'unemployment-share', 'in-services-share', 'unemployed-foreign-nationals-share', 'unemployed-under-25-share'];
  const practices = loadPractices({ areas, indicators: new Set(ids) });

  test('has eleven valid practices, each with every source checked, quoted and public', () => {
    assert.equal(practices.length, 11);
    for (const p of practices) {
      for (const s of p.sources) {
        assert.ok(s.url.startsWith('http'), `${p.id} cites public sources`);
        assert.match(s.checked, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(s.excerpt.length > 20, `${p.id}: ${s.title} has an excerpt`);
      }
    }
  });

  test('every practice has its title, summary and body in Finnish, Swedish and English', () => {
    for (const p of practices) {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        assert.ok(p.title[lang] && p.summary[lang], `${p.id}: title and summary in ${lang}`);
        assert.ok(p.bodies[lang], `${p.id}: body in ${lang}`);
      }
    }
  });

  test('the corrected entries say what their sources say', () => {
    const viok = practices.find((p) => p.id === 'viok-impact-based-employment-model')!;
    assert.deepEqual(viok.areas, ['TA08', 'TA28', 'TA33']); // Helsinki, Kemijärvi (North and East Lapland), Rovaniemi
    assert.deepEqual(viok.target_groups, ['partially-able-to-work']);
    assert.ok(!/hinnoittel|maksetaan tulosten perusteella/.test(viok.body), 'no claim that outcomes were priced or paid for');
    const jalava = practices.find((p) => p.id === 'jalava-change-meter')!;
    assert.deepEqual(jalava.target_groups, ['weak-labour-market-position']);
    assert.equal(jalava.national, false);
    assert.equal(jalava.contact, 'not-known');
    const meter = practices.find((p) => p.id === 'municipal-pilot-functional-capacity-meter')!;
    assert.deepEqual(meter.target_groups, ['long-term-unemployed']);
    assert.ok(!/voimavar/.test(meter.body));
  });

  test("the README's example is a valid practice file", () => {
    const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
    const example = /## Adding a good practice[\s\S]*?```markdown\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example && splitFrontMatter(example));
    const p = parsePractice(example, 'README.md example/readme-example.md', { areas, indicators: new Set(ids) });
    assert.deepEqual(Object.keys(p.bodies), ['fi', 'en']);
  });
});
