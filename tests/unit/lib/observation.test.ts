/**
 * The tidy observation (src/lib/observation.ts): the columns of the public download format
 * (design.md and README "Public contracts"), how a row is written (decimals, quoting, formula
 * neutralising, breaks) and how a row is read back, with errors that name file, row and field.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../../src/lib/errors.ts';
import {
  OBSERVATION_COLUMNS,
  OBSERVATION_TABLE_SCHEMA,
  observationCells,
  observationHeader,
  observationLine,
  observationsCsv,
  parseObservation,
  type Observation,
} from '../../../src/lib/observation.ts';

const obs = (fields: Partial<Observation> = {}): Observation => ({
  area_code: 'TA19',
  area_name: 'Lahden seudun työllisyysalue',
  area_level: 'employment_area',
  indicator: 'unemployment-share',
  period: '2026-06',
  value: 14.2,
  unit: 'percent',
  status: 'ok',
  break: [],
  ...fields,
});

const record = (fields: Record<string, string> = {}): Record<string, string> => ({
  area_code: 'KU398',
  area_name: 'Lahti',
  area_level: 'municipality',
  indicator: 'unemployed',
  period: '2025-01',
  value: '9876',
  unit: 'persons',
  status: 'ok',
  break: 'te24',
  ...fields,
});
const AT = { file: 'data/derived/observations.csv', row: 7 };

describe('the columns', () => {
  test('are the nine of the public contract, in order', () => {
    assert.deepEqual(OBSERVATION_COLUMNS, ['area_code', 'area_name', 'area_level', 'indicator', 'period', 'value', 'unit', 'status', 'break']);
    assert.equal(observationHeader(), 'area_code,area_name,area_level,indicator,period,value,unit,status,break');
  });

  test('the Table Schema describes exactly these columns, keyed by area, indicator and period', () => {
    assert.deepEqual(OBSERVATION_TABLE_SCHEMA.fields.map((f) => f.name), OBSERVATION_COLUMNS);
    assert.deepEqual(OBSERVATION_TABLE_SCHEMA.primaryKey, ['area_code', 'indicator', 'period']);
    assert.deepEqual(OBSERVATION_TABLE_SCHEMA.missingValues, ['']);
    const byName = new Map(OBSERVATION_TABLE_SCHEMA.fields.map((f) => [f.name, f as { type: string; constraints?: { enum?: readonly string[] } }]));
    assert.equal(byName.get('value')!.type, 'number');
    assert.deepEqual(byName.get('status')!.constraints!.enum, ['ok', 'suppressed', 'lower_bound', 'missing', 'estimate', 'upper_bound', 'incomplete']);
    assert.deepEqual(byName.get('unit')!.constraints!.enum, ['persons', 'vacancies', 'percent', 'ratio', 'euros']);
    assert.deepEqual(byName.get('area_level')!.constraints!.enum, ['country', 'employment_area', 'region', 'municipality']);
  });
});

describe('writing', () => {
  test('a value is written with the indicator\'s decimals and "." as the decimal point', () => {
    assert.equal(observationLine(obs({ value: 14.2 }), 1), 'TA19,Lahden seudun työllisyysalue,employment_area,unemployment-share,2026-06,14.2,percent,ok,');
    assert.equal(observationLine(obs({ value: 5 }), 1), 'TA19,Lahden seudun työllisyysalue,employment_area,unemployment-share,2026-06,5.0,percent,ok,');
    assert.equal(observationCells(obs({ value: 352001, unit: 'persons' }), 0)[5], '352001');
  });

  test('no value is an empty cell', () => {
    assert.equal(observationLine(obs({ value: null, status: 'suppressed' }), 1), 'TA19,Lahden seudun työllisyysalue,employment_area,unemployment-share,2026-06,,percent,suppressed,');
  });

  test('breaks are joined with ";"', () => {
    assert.equal(observationCells(obs({ break: ['te24'] }), 1)[8], 'te24');
    assert.equal(observationCells(obs({ break: ['te24', 'other'] }), 1)[8], 'te24;other');
  });

  test('a name with a comma or a quote is quoted, quotes doubled', () => {
    assert.equal(observationCells(obs({ area_name: 'Koski, Tl' }), 1)[1], 'Koski, Tl');
    assert.ok(observationLine(obs({ area_name: 'Koski, Tl' }), 1).startsWith('TA19,"Koski, Tl",employment_area,'));
    assert.ok(observationLine(obs({ area_name: 'Say "hi"' }), 1).startsWith('TA19,"Say ""hi""",employment_area,'));
  });

  test('a text cell that a spreadsheet would run as a formula gets a leading apostrophe; a negative value does not', () => {
    assert.ok(observationLine(obs({ area_name: '=1+1' }), 1).startsWith("TA19,'=1+1,employment_area,"));
    assert.ok(observationLine(obs({ area_name: '@SUM(A1)' }), 1).startsWith("TA19,'@SUM(A1),"));
    assert.ok(observationLine(obs({ area_name: '+358' }), 1).startsWith("TA19,'+358,"));
    assert.ok(observationLine(obs({ value: -0.5 }), 1).includes(',2026-06,-0.5,percent,'));
  });

  test('a file is the header and one line per row, each with its own indicator\'s decimals, ending with a newline', () => {
    const csv = observationsCsv([obs({ value: 12 }), obs({ indicator: 'unemployed', unit: 'persons', value: 9876 })], (id) => (id === 'unemployed' ? 0 : 2));
    assert.equal(
      csv,
      'area_code,area_name,area_level,indicator,period,value,unit,status,break\n' +
        'TA19,Lahden seudun työllisyysalue,employment_area,unemployment-share,2026-06,12.00,percent,ok,\n' +
        'TA19,Lahden seudun työllisyysalue,employment_area,unemployed,2026-06,9876,persons,ok,\n',
    );
  });

  test('an empty list is just the header', () => {
    assert.equal(observationsCsv([], () => 0), `${observationHeader()}\n`);
  });
});

describe('parseObservation', () => {
  test('reads every field: numbers, empty values and breaks', () => {
    assert.deepEqual(parseObservation(record(), AT), {
      area_code: 'KU398',
      area_name: 'Lahti',
      area_level: 'municipality',
      indicator: 'unemployed',
      period: '2025-01',
      value: 9876,
      unit: 'persons',
      status: 'ok',
      break: ['te24'],
    });
    const empty = parseObservation(record({ value: '', status: 'suppressed', break: '' }), AT);
    assert.equal(empty.value, null);
    assert.deepEqual(empty.break, []);
    assert.equal(parseObservation(record({ value: '-0.25', unit: 'euros' }), AT).value, -0.25);
    assert.equal(parseObservation(record({ period: '2025' }), AT).period, '2025');
    assert.deepEqual(parseObservation(record({ break: 'te24;other' }), AT).break, ['te24', 'other']);
  });

  test('what the writer writes, the reader reads back', () => {
    const o = obs({ area_name: 'Koski, Tl', value: null, status: 'missing', break: ['te24'] });
    const cells = observationCells(o, 1);
    const back = parseObservation(Object.fromEntries(OBSERVATION_COLUMNS.map((c, i) => [c, cells[i]!])), AT);
    assert.deepEqual(back, o);
  });

  // [field, bad text, what the message says]
  const bad: [string, string, RegExp][] = [
    ['area_code', 'TA8', /"TA8" is not an area code/],
    ['area_code', 'ku398', /is not an area code/],
    ['area_level', 'kunta', /"kunta" is not an area level/],
    ['indicator', 'Unemployed', /"Unemployed" is not an indicator id/],
    ['period', '2025-13', /"2025-13" is not a period \(YYYY-MM or YYYY\)/],
    ['period', '2025M01', /is not a period/],
    ['value', '1,5', /"1,5" is not a number with "\." as decimal point/],
    ['value', '1e3', /is not a number/],
    ['value', '...', /is not a number/],
    ['unit', 'people', /"people" is not a unit/],
    ['status', 'withheld', /"withheld" is not a status/],
  ];
  for (const [field, text, message] of bad) {
    test(`${field} ${JSON.stringify(text)} is refused with file, row and field named`, () => {
      assert.throws(
        () => parseObservation(record({ [field]: text }), AT),
        (e: unknown) => {
          assert.ok(e instanceof InputError);
          assert.deepEqual(e.location, { file: 'data/derived/observations.csv', row: 7, field });
          assert.ok(e.message.startsWith(`data/derived/observations.csv, row 7, field "${field}": `), e.message);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }

  test('a missing column is named', () => {
    const r = record();
    delete r.status;
    assert.throws(() => parseObservation(r, AT), /data\/derived\/observations\.csv, row 7, field "status": the column is missing/);
  });
});
