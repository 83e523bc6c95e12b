/**
 * The instrument registry (`data/change-meter/instruments.yaml`): every instrument whose
 * aggregates may be imported, registered once with its versions, scales and dimensions. A
 * submitted row must use exactly the registered names, so the only free text that reaches the
 * published files is text a maintainer has reviewed here, and it is checked for identifying
 * content ({@link identifyingReason}).
 */
import { parseOrExplain } from '../errors.ts';
import { identifyingReason } from './identifying.ts';
import { RuleViolation } from './rules.ts';
import { ChangeMeterRegistry, type ChangeMeterInstrument, type ChangeMeterRow } from '../../schema/change-meter.ts';

/**
 * Validates a parsed registry: the schema, unique ids and names, no instrument registered twice
 * under two names (the same versions' dimensions), and no identifying text. `file` names the
 * registry in messages; `placeNames` are lower-case municipality names.
 */
export function checkRegistry(value: unknown, file: string, placeNames: ReadonlySet<string>): ChangeMeterRegistry {
  const registry = parseOrExplain(ChangeMeterRegistry, value ?? { instruments: [] }, { file });
  const seen = new Map<string, number>();
  const signatures = new Map<string, number>();
  registry.instruments.forEach((inst, i) => {
    const at = (field: string) => ({ file, row: `instruments[${i}]`, field });
    for (const key of [`id:${inst.id}`, `name:${inst.name.toLowerCase()}`]) {
      const first = seen.get(key);
      if (first !== undefined) {
        throw new RuleViolation('registered-instrument', at(key.split(':')[0]!), `"${key.slice(key.indexOf(':') + 1)}" is registered twice (also instruments[${first}]); each instrument is registered once`);
      }
      seen.set(key, i);
    }
    const signature = inst.versions
      .map((v) => [...v.dimensions].sort().join('\u0001'))
      .sort()
      .join('\u0002');
    const twin = signatures.get(signature);
    if (twin !== undefined) {
      throw new RuleViolation(
        'registered-instrument',
        at('versions'),
        `the same dimensions as instruments[${twin}]: one instrument registered under two names would publish the same customers twice, and the two files could be subtracted from each other`,
      );
    }
    signatures.set(signature, i);
    const texts: [string, string, boolean][] = [['name', inst.name, false]];
    inst.versions.forEach((v, j) => {
      texts.push([`versions[${j}].version`, v.version, false], [`versions[${j}].scale`, v.scale, false]);
      v.dimensions.forEach((d, k) => texts.push([`versions[${j}].dimensions[${k}]`, d, true]));
    });
    for (const [field, text, sentenceCase] of texts) {
      const why = identifyingReason(text, placeNames, sentenceCase);
      if (why) throw new RuleViolation('no-identifying-text', at(field), `${JSON.stringify(text)}: ${why}`);
    }
  });
  return registry;
}

/**
 * The registered instrument of a submitted row, or a {@link RuleViolation} naming the field that
 * does not match: instrument, then instrument_version, scale, dimension.
 */
export function registeredInstrument(
  registry: ChangeMeterRegistry,
  row: Pick<ChangeMeterRow, 'instrument' | 'instrument_version' | 'scale' | 'dimension'>,
  at: { file: string; row: number },
): ChangeMeterInstrument {
  const inst = registry.instruments.find((i) => i.name === row.instrument);
  const list = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(', ');
  if (!inst) {
    const names = registry.instruments.map((i) => i.name);
    throw new RuleViolation(
      'registered-instrument',
      { ...at, field: 'instrument' },
      `${JSON.stringify(row.instrument)} is not registered${names.length ? ` (registered: ${list(names)})` : ' (no instrument is registered yet)'}; a maintainer registers an instrument once in data/change-meter/instruments.yaml, and every row uses its name exactly`,
    );
  }
  const version = inst.versions.find((v) => v.version === row.instrument_version);
  if (!version) {
    throw new RuleViolation('registered-instrument', { ...at, field: 'instrument_version' }, `${JSON.stringify(row.instrument_version)} is not a registered version of ${inst.name} (registered: ${list(inst.versions.map((v) => v.version))})`);
  }
  if (version.scale !== row.scale) {
    throw new RuleViolation('registered-instrument', { ...at, field: 'scale' }, `${JSON.stringify(row.scale)} is not the scale of ${inst.name} ${version.version} (registered: ${JSON.stringify(version.scale)})`);
  }
  if (!version.dimensions.includes(row.dimension)) {
    throw new RuleViolation('registered-instrument', { ...at, field: 'dimension' }, `${JSON.stringify(row.dimension)} is not a dimension of ${inst.name} ${version.version} (registered: ${list(version.dimensions)})`);
  }
  return inst;
}
