/** The identifying-text check of src/lib/change-meter/identifying.ts on hand-made names. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { identifyingReason } from '../../../../src/lib/change-meter/identifying.ts';

const places = new Set(['helsinki', 'helsingfors', 'kauniainen', 'grankulla', 'pedersören kunta']);

describe('identifyingReason', () => {
  for (const [text, why] of [
    ['Työllistyvyys – Helsinki', /"helsinki" is the name of a municipality/],
    ['Arjenhallinta (Grankulla)', /"grankulla" is the name of a municipality/],
    ['Osaaminen pedersören kunta', /"pedersören kunta" is the name of a municipality/],
    ['Kaikki ilman asiakasta 17', /"ilman" carves a subgroup/],
    ['All except one', /"except" carves a subgroup/],
    ['asiakas 17', /numbered customer/],
    ['Matti 010190-123A', /personal identity code/],
    ['matti.meikalainen@example.fi', /e-mail address/],
    ['soita 040 123 4567', /long number/],
  ] as const) {
    test(`refuses ${JSON.stringify(text)}`, () => assert.match(identifyingReason(text, places) ?? '', why));
  }

  test('a capitalised word inside a dimension looks like a name (sentence case only)', () => {
    assert.match(identifyingReason('Arjenhallinta Matti', places, true) ?? '', /"Matti" looks like a person's or a place's name/);
    assert.equal(identifyingReason('Arjenhallinta Matti', places, false), null);
    assert.equal(identifyingReason('Arjen hallinta (THL)', places, true), null);
  });

  test('ordinary dimension names pass', () => {
    for (const t of ['Työllistyvyys', 'Arjenhallinta', 'Everyday life management', 'Osaaminen ja koulutus', 'Hyvinvointi 0-100', 'Työkyky (1–10)']) {
      assert.equal(identifyingReason(t, places, true), null, t);
    }
  });
});
