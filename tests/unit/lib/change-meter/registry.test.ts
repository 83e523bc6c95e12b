/** The instrument registry (src/lib/change-meter/registry.ts): checks of the registry and of a row against it. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { RuleViolation } from '../../../../src/lib/change-meter/rules.ts';
import { checkRegistry, registeredInstrument } from '../../../../src/lib/change-meter/registry.ts';

const places = new Set(['helsinki']);
const good = {
  instruments: [
    { id: 'testimittari', name: 'Testimittari', versions: [{ version: '1.0', scale: '1-5', dimensions: ['Työllistyvyys', 'Osaaminen'] }] },
    { id: 'toinen', name: 'Toinen', versions: [{ version: '2', scale: '0-100', dimensions: ['Hyvinvointi'] }] },
  ],
};
const at = { file: 'x.csv', row: 4 };
const refused = (fn: () => unknown, rule: string, row: number | string, field: string, problem: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof RuleViolation && e.rule === rule && e.location.row === row && e.location.field === field && problem.test(e.problem));

describe('checkRegistry', () => {
  test('a good registry passes; an empty file is an empty registry', () => {
    assert.equal(checkRegistry(good, 'i.yaml', places).instruments.length, 2);
    assert.deepEqual(checkRegistry(null, 'i.yaml', places), { instruments: [] });
  });

  test('an id or a name registered twice', () => {
    const twice = { instruments: [good.instruments[0], { ...good.instruments[1], id: 'testimittari' }] };
    refused(() => checkRegistry(twice, 'i.yaml', places), 'registered-instrument', 'instruments[1]', 'id', /registered twice/);
  });

  test('identifying text in a dimension', () => {
    const bad = { instruments: [{ ...good.instruments[0], versions: [{ version: '1.0', scale: '1-5', dimensions: ['Työllistyvyys Helsinki'] }] }] };
    refused(() => checkRegistry(bad, 'i.yaml', places), 'no-identifying-text', 'instruments[0]', 'versions[0].dimensions[0]', /municipality/);
  });
});

describe('registeredInstrument', () => {
  const registry = checkRegistry(good, 'i.yaml', places);
  const row = { instrument: 'Testimittari', instrument_version: '1.0', scale: '1-5', dimension: 'Osaaminen' };
  test('finds the instrument of a row that uses the registered values', () => {
    assert.equal(registeredInstrument(registry, row, at).id, 'testimittari');
  });
  test('names the field that is not registered', () => {
    refused(() => registeredInstrument(registry, { ...row, instrument: 'Muu' }, at), 'registered-instrument', 4, 'instrument', /"Muu" is not registered/);
    refused(() => registeredInstrument(registry, { ...row, instrument_version: '2.0' }, at), 'registered-instrument', 4, 'instrument_version', /registered: "1\.0"/);
    refused(() => registeredInstrument(registry, { ...row, scale: '0-100' }, at), 'registered-instrument', 4, 'scale', /registered: "1-5"/);
    refused(() => registeredInstrument(registry, { ...row, dimension: 'Osaaminen – Helsinki' }, at), 'registered-instrument', 4, 'dimension', /not a dimension of Testimittari 1\.0/);
  });
});
