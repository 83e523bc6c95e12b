/**
 * The change-meter data contract is written three times — zod (src/schema/change-meter.ts), a
 * Frictionless Table Schema (data/change-meter/schema.json, and published.schema.json for the
 * published files) and a JSON Schema of one row (data/change-meter/row.schema.json) — and
 * explained once (data/change-meter/README.md). These tests keep them in step: the same fields
 * in the same order, the same types, enums and limits, and every field and rule documented.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadReference } from '../../../scripts/lib/validate/reference.ts';
import { RULE_IDS } from '../../../src/lib/change-meter/rules.ts';
import {
  CHANGE_METER_AREA_CODES,
  CHANGE_METER_COLUMNS,
  CHANGE_METER_KEY,
  CHANGE_METER_PUBLISHED_COLUMNS,
  CHANGE_METER_STATUSES,
  ChangeMeterCsvRow,
  ChangeMeterPublishedCsvRow,
  ChangeMeterRegistry,
  ChangeMeterRow,
} from '../../../src/schema/change-meter.ts';
import { ROOT } from '../../helpers/data-harness.ts';

const DIR = join(ROOT, 'data', 'change-meter');
const readJson = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

interface TableField {
  name: string;
  type: string;
  description?: string;
  constraints?: Record<string, unknown>;
}
const tableSchema = readJson('schema.json') as { fields: TableField[]; primaryKey: string[]; missingValues: string[] };
const publishedSchema = readJson('published.schema.json') as { fields: TableField[]; primaryKey: string[] };
const rowSchema = readJson('row.schema.json') as {
  properties: Record<string, Record<string, unknown>>;
  required: string[];
  additionalProperties: boolean;
};

/** Drops the documentation keywords, which zod's generated schema does not have. */
function withoutDocs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['$id', 'title', 'description', '$comment', 'examples'].includes(k))
        .map(([k, v]) => [k, withoutDocs(v)]),
    );
  }
  return value;
}

/** The Table Schema constraints that correspond to a JSON Schema property. */
function constraintsOf(prop: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum']) if (prop[k] !== undefined) out[k] = prop[k];
  return out;
}

const NUMBER_COLUMNS = new Set([
  'customers_paired',
  'customers_measured',
  'coverage_rate',
  'share_improved',
  'share_unchanged',
  'share_worse',
  'median_change',
]);
/** Published columns the portal computes (not submitted): shares and coverage, 0–1. */
const COMPUTED = new Set(['coverage_rate', 'share_improved', 'share_unchanged', 'share_worse']);

describe('the three schemas agree', () => {
  test('the same fields in the same order, and the same primary key', () => {
    const expected = [
      'area_code',
      'period',
      'instrument',
      'instrument_version',
      'dimension',
      'scale',
      'customers_paired',
      'customers_measured',
      'customers_improved',
      'customers_unchanged',
      'customers_worse',
      'median_change',
    ];
    assert.deepEqual([...CHANGE_METER_COLUMNS], expected);
    assert.deepEqual(Object.keys(ChangeMeterRow.shape), expected);
    assert.deepEqual(Object.keys(ChangeMeterCsvRow.shape), expected);
    assert.deepEqual(tableSchema.fields.map((f) => f.name), expected);
    assert.deepEqual(Object.keys(rowSchema.properties), expected);
    assert.deepEqual(rowSchema.required, expected);
    assert.equal(rowSchema.additionalProperties, false);
    assert.deepEqual(tableSchema.primaryKey, ['area_code', 'period', 'instrument', 'dimension']);
    assert.deepEqual([...CHANGE_METER_KEY], tableSchema.primaryKey);
    assert.deepEqual(publishedSchema.primaryKey, tableSchema.primaryKey);
  });

  test('row.schema.json is zod’s schema of a row, plus titles and descriptions', () => {
    assert.deepEqual(withoutDocs(rowSchema), withoutDocs(z.toJSONSchema(ChangeMeterRow)));
    for (const [name, prop] of Object.entries(rowSchema.properties)) {
      assert.ok(typeof prop.description === 'string' && prop.description.length > 20, `row.schema.json: ${name} has a description`);
    }
  });

  test('schema.json has the JSON Schema’s types, enums and limits, every field required', () => {
    for (const f of tableSchema.fields) {
      const prop = rowSchema.properties[f.name]!;
      assert.equal(f.type, prop.type, f.name);
      const { required, ...rest } = f.constraints ?? {};
      assert.equal(required, true, `${f.name} is required`);
      assert.deepEqual(rest, constraintsOf(prop), f.name);
      assert.ok(f.description && f.description.length > 20, `${f.name} has a description`);
    }
  });

  test('the area codes are SSS and exactly the employment areas of data/reference', () => {
    const ref = loadReference(ROOT);
    const expected = ['SSS', ...ref.employmentAreas.map((a) => a.code).sort()];
    assert.equal(expected.length, 47);
    assert.deepEqual([...CHANGE_METER_AREA_CODES], expected);
    const field = tableSchema.fields.find((f) => f.name === 'area_code')!;
    assert.deepEqual(field.constraints!.enum, expected);
    assert.deepEqual(rowSchema.properties.area_code!.enum, expected);
  });

  test('published.schema.json: the same fields plus status; figures optional; the status enum agrees', () => {
    assert.deepEqual(publishedSchema.fields.map((f) => f.name), [...CHANGE_METER_PUBLISHED_COLUMNS]);
    assert.deepEqual(Object.keys(ChangeMeterPublishedCsvRow.shape), [...CHANGE_METER_PUBLISHED_COLUMNS]);
    assert.deepEqual([...CHANGE_METER_STATUSES], ['ok', 'suppressed', 'shares_suppressed']);
    const status = publishedSchema.fields.at(-1)!;
    assert.equal(status.name, 'status');
    assert.deepEqual(status.constraints, { required: true, enum: ['ok', 'suppressed', 'shares_suppressed'] });
    for (const f of publishedSchema.fields.slice(0, -1)) {
      const { required, ...rest } = f.constraints ?? {};
      assert.equal(required, !NUMBER_COLUMNS.has(f.name), `${f.name}: required only if never withheld`);
      if (COMPUTED.has(f.name)) {
        assert.deepEqual([f.type, rest], ['number', { minimum: 0, maximum: 1 }], f.name);
        continue;
      }
      const submitted = tableSchema.fields.find((t) => t.name === f.name)!;
      assert.equal(f.type, submitted.type, f.name);
      const { required: _r, ...submittedRest } = submitted.constraints ?? {};
      assert.deepEqual(rest, submittedRest, f.name);
    }
  });
});

describe('documentation', () => {
  test('every field of ChangeMeterRow has a JSDoc comment', () => {
    const src = readFileSync(join(ROOT, 'src', 'schema', 'change-meter.ts'), 'utf8');
    const body = src.slice(src.indexOf('export const ChangeMeterRow = z'), src.indexOf('export type ChangeMeterRow'));
    const lines = body.split('\n');
    for (const name of CHANGE_METER_COLUMNS) {
      const at = lines.findIndex((l) => l.trim().startsWith(`${name}:`));
      assert.ok(at > 0, `${name} is declared`);
      assert.match(lines[at - 1]!.trim(), /^\/\*\*.*\*\/$/, `${name} has a one-line JSDoc comment above it`);
    }
  });

  test('the template is exactly the header row of the format', () => {
    assert.equal(
      readFileSync(join(DIR, 'template.csv'), 'utf8'),
      'area_code,period,instrument,instrument_version,dimension,scale,customers_paired,customers_measured,customers_improved,customers_unchanged,customers_worse,median_change\n',
    );
    assert.equal(CHANGE_METER_COLUMNS.join(','), readFileSync(join(DIR, 'template.csv'), 'utf8').trim());
  });

  test('the README names every column, every status and every rule', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const c of new Set([...CHANGE_METER_COLUMNS, ...CHANGE_METER_PUBLISHED_COLUMNS])) assert.ok(readme.includes(`\`${c}\``), `README mentions \`${c}\``);
    for (const s of CHANGE_METER_STATUSES) assert.ok(readme.includes(`\`${s}\``), `README mentions \`${s}\``);
    for (const r of RULE_IDS) assert.ok(readme.includes(`\`${r}\``), `README explains rule \`${r}\``);
  });
});

describe('ChangeMeterCsvRow', () => {
  const good = {
    area_code: 'TA08',
    period: '2024-07/2025-06',
    instrument: 'Testimittari',
    instrument_version: '2',
    dimension: 'Arjenhallinta',
    scale: '0-100',
    customers_paired: '12',
    customers_measured: '30',
    customers_improved: '6',
    customers_unchanged: '5',
    customers_worse: '1',
    median_change: '-1.5',
  };

  test('reads text into numbers', () => {
    assert.deepEqual(ChangeMeterCsvRow.parse(good), {
      ...good,
      customers_paired: 12,
      customers_measured: 30,
      customers_improved: 6,
      customers_unchanged: 5,
      customers_worse: 1,
      median_change: -1.5,
    });
  });

  for (const [field, value, problem] of [
    ['area_code', 'KU091', /SSS \(whole country\) or an employment-area code/],
    ['period', '2025-Q5', /a year \(2025\), a quarter/],
    ['period', '2025-13/2026-01', /a year \(2025\), a quarter/],
    ['customers_paired', '1 200', /digits only/],
    ['customers_paired', '12.0', /digits only/],
    ['customers_paired', '0', /at least 1/],
    ['customers_worse', '-1', /digits only/],
    ['median_change', '0,5', /"\." as the decimal point/],
    ['median_change', '0.25', /a whole or a half step/],
    ['dimension', ' Arjenhallinta', /must not start or end with spaces/],
  ] as const) {
    test(`refuses ${field} = ${JSON.stringify(value)}`, () => {
      const r = ChangeMeterCsvRow.safeParse({ ...good, [field]: value });
      assert.equal(r.success, false);
      assert.deepEqual(r.error!.issues[0]!.path, [field]);
      assert.match(r.error!.issues[0]!.message, problem);
    });
  }

  test('refuses an extra field', () => {
    assert.equal(ChangeMeterCsvRow.safeParse({ ...good, language: 'fi' }).success, false);
  });
});

describe('ChangeMeterRegistry', () => {
  const version = { version: '1.0', scale: '1-5', dimensions: ['Työllistyvyys'] };
  test('the registry of data/change-meter is valid (and empty until an instrument is registered)', () => {
    const registry = ChangeMeterRegistry.parse(parseYaml(readFileSync(join(DIR, 'instruments.yaml'), 'utf8')));
    assert.deepEqual(registry, { instruments: [] });
  });

  for (const [what, instrument, problem] of [
    ['an id with capitals', { id: 'Testi', name: 'Testi', versions: [version] }, /lower-case letters/],
    ['a name starting with =', { id: 'testi', name: '=HYPERLINK("x")', versions: [version] }, /start with a letter or a digit/],
    ['a dimension starting with @', { id: 'testi', name: 'Testi', versions: [{ ...version, dimensions: ['@sum'] }] }, /start with a letter or a digit/],
    ['a version without dimensions', { id: 'testi', name: 'Testi', versions: [{ ...version, dimensions: [] }] }, /at least one dimension/],
  ] as const) {
    test(`refuses ${what}`, () => {
      const r = ChangeMeterRegistry.safeParse({ instruments: [instrument] });
      assert.equal(r.success, false);
      assert.match(r.error!.issues[0]!.message, problem);
    });
  }
});
