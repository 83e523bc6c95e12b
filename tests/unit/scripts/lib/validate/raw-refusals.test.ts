/**
 * Raw validation refuses silent corruption (issue 16): a JSON-stat part whose structure could put
 * a value in the wrong cell or drop it, or whose values cannot be counts, stops the run with the
 * file, the cell and the field named. Each test reads a small hand-made table as JSON text (as
 * validate reads a raw file) through parseJsonStat and appendCells with the real rules of
 * data/sources/statfin-tyonv-12r5.yaml. Values are real: jobseekers (HAKIJALOPUSSA) and the young
 * unemployed (TYOTTOMAT25) of Espoo (KU049) and Vantaa (KU092) in 2025M09 from
 * ../shared/data/tyonv/12r5_espoo_helsinki_vantaa_2024M12-2025M09.json.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { areaCodeChecker, loadReference } from '../../../../../scripts/lib/validate/reference.ts';
import { loadSources } from '../../../../../scripts/lib/validate/registry.ts';
import { appendCells, emptyCells, parseJsonStat, valueRules, type CellColumns } from '../../../../../scripts/lib/validate/raw-cells.ts';
import { InputError } from '../../../../../src/lib/errors.ts';
import { ROOT } from '../../../../helpers/data-harness.ts';

const FILE = 'data/raw/statfin-tyonv-12r5/capital-test.json';
const isKnownArea = areaCodeChecker(loadReference(ROOT));
const sources = new Map(loadSources(ROOT).map((s) => [s.id, s]));

/** Reads `text` as validate does: JSON, then the dataset's checks, then every cell with the source's rules. */
function read(text: string, source = 'statfin-tyonv-12r5'): CellColumns {
  const out = emptyCells();
  const ds = parseJsonStat(JSON.parse(text), FILE);
  appendCells(out, ds, { file: FILE, source, part: 'capital-test', updated: '', isKnownArea, ...valueRules(sources.get(source)!) });
  return out;
}

/** The exact message of the InputError that reading `text` throws. */
function refusal(text: string, source?: string): string {
  try {
    read(text, source);
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, not ${String(e)}`);
    return e.message;
  }
  assert.fail('the table was accepted');
}

/** A table to edit into a bad one: any shape may be written into it. */
interface Table {
  id: string[];
  size: number[];
  dimension: Record<string, { category: { index: unknown; label?: Record<string, string> } }>;
  /** Dense; a test that needs the sparse object form writes one over it. */
  value: unknown[];
  status?: Record<string, unknown>;
  role: Record<string, string[]>;
  [key: string]: unknown;
}

/** Alue × timeperiod_m × Tiedot = 2 × 1 × 2: Espoo 29761 and 1595, Vantaa 30088 and 1874 (2025M09). */
function table(edit: (ds: Table) => void = () => {}): string {
  const ds: Table = {
    version: '2.0',
    class: 'dataset',
    id: ['Alue', 'timeperiod_m', 'Tiedot'],
    size: [2, 1, 2],
    dimension: {
      Alue: { category: { index: { KU049: 0, KU092: 1 }, label: { KU049: 'Espoo', KU092: 'Vantaa' } } },
      timeperiod_m: { category: { index: { '2025M09': 0 } } },
      Tiedot: { category: { index: { HAKIJALOPUSSA: 0, TYOTTOMAT25: 1 } } },
    },
    value: [29761, 1595, 30088, 1874],
    role: { geo: ['Alue'], time: ['timeperiod_m'], metric: ['Tiedot'] },
  };
  edit(ds);
  return JSON.stringify(ds);
}

describe('raw validation: the table as given is read', () => {
  test('Espoo and Vantaa keep their own values', () => {
    const out = read(table());
    assert.deepEqual(out.area, ['KU049', 'KU049', 'KU092', 'KU092']);
    assert.deepEqual(out.value, [29761, 1595, 30088, 1874]);
  });
});

describe('raw validation: structure that would misplace or drop values', () => {
  test('an area code listed twice in an index array (Vantaa\'s column written as Espoo)', () => {
    const text = table((ds) => (ds.dimension['Alue']!.category.index = ['KU049', 'KU049']));
    assert.equal(refusal(text), `${FILE}, field "dimension.Alue.category.index": the code "KU049" is listed twice (positions 0 and 1); each category is listed once`);
  });

  test('an area code listed twice in an index object (JSON keeps the last one)', () => {
    const text = table().replace('{"KU049":0,"KU092":1}', '{"KU049":0,"KU049":1}');
    assert.ok(text.includes('"KU049":0,"KU049":1'), 'precondition: the edit was made');
    assert.equal(refusal(text), `${FILE}, field "dimension.Alue.category.index": no code has position 0 of 2 (a code listed twice keeps only its last position)`);
  });

  test('two area codes at one position of an index object', () => {
    const text = table((ds) => (ds.dimension['Alue']!.category.index = { KU049: 0, KU092: 0 }));
    assert.equal(refusal(text), `${FILE}, field "dimension.Alue.category.index": the codes "KU049" and "KU092" both have position 0; each category has a position of its own`);
  });

  test('a role.geo that names no dimension (every area would become the whole country)', () => {
    const text = table((ds) => (ds.role['geo'] = ['Kunta']));
    assert.equal(refusal(text), `${FILE}, field "role.geo": names the dimension "Kunta", which is not in id (Alue, timeperiod_m, Tiedot)`);
  });

  test('a dimension listed in id without its object', () => {
    const text = table((ds) => delete ds.dimension['Tiedot']);
    assert.equal(refusal(text), `${FILE}, field "dimension.Tiedot": the dimension "Tiedot" is listed in id but has no dimension object`);
  });

  test('a value keyed beyond the cells of a sparse value object', () => {
    const text = table((ds) => (ds.value = { '0': 29761, '4': 30088 } as unknown as unknown[]));
    assert.equal(refusal(text), `${FILE}, field "value.4": "4" is not a cell index (0…3)`);
  });
});

describe('raw validation: values that cannot be counts', () => {
  test('text in a number field names the cell', () => {
    const text = table((ds) => (ds.value[2] = '30 088'));
    assert.equal(refusal(text), `${FILE}, cell 2 (Alue=KU092, timeperiod_m=2025M09, Tiedot=HAKIJALOPUSSA), field "value": "30 088" is not a number (a value is a number, or null with a status symbol)`);
  });

  test('a fractional count', () => {
    const text = table((ds) => (ds.value[1] = 12.5));
    assert.equal(
      refusal(text),
      `${FILE}, cell 1 (Alue=KU049, timeperiod_m=2025M09, Tiedot=TYOTTOMAT25), field "value": 12.5 is not a whole number, but TYOTTOMAT25 is a count (a rate, share or amount is listed in non_additive_codes or amount_codes of its data/sources file)`,
    );
  });

  test('an absurd count (1e300)', () => {
    const text = table((ds) => (ds.value[0] = 1e300));
    assert.equal(refusal(text), `${FILE}, cell 0 (Alue=KU049, timeperiod_m=2025M09, Tiedot=HAKIJALOPUSSA), field "value": 1e+300 is more than 6,000,000, the largest count accepted (no count can exceed the population of Finland)`);
  });

  test('a number too large for a double (1e999 in the file) is not finite', () => {
    const text = table().replace('[29761,1595,30088,1874]', '[29761,1595,1e999,1874]');
    assert.ok(text.includes('1e999'), 'precondition: the edit was made');
    assert.equal(refusal(text), `${FILE}, cell 2 (Alue=KU092, timeperiod_m=2025M09, Tiedot=HAKIJALOPUSSA), field "value": Infinity is not a finite number`);
  });

  test('a count one above the bound of 6 million is refused; the whole country\'s population (5,652,881 at the end of 2025) is not', () => {
    assert.match(refusal(table((ds) => (ds.value[0] = 6000001))), /cell 0 \(Alue=KU049, timeperiod_m=2025M09, Tiedot=HAKIJALOPUSSA\), field "value": 6000001 is more than 6,000,000/);
    assert.deepEqual(read(table((ds) => (ds.value[0] = 5652881))).value, [5652881, 1595, 30088, 1874]);
  });

  test('a negative count', () => {
    const text = table((ds) => (ds.value[3] = -1874));
    assert.equal(refusal(text), `${FILE}, cell 3 (Alue=KU092, timeperiod_m=2025M09, Tiedot=TYOTTOMAT25), field "value": negative value -1874 for a count`);
  });

  test('a status that is not text names the cell', () => {
    const text = table((ds) => {
      ds.value[1] = null;
      ds.status = { '1': 3 };
    });
    assert.equal(refusal(text), `${FILE}, cell 1 (Alue=KU049, timeperiod_m=2025M09, Tiedot=TYOTTOMAT25), field "status": 3 is not a status symbol`);
  });

  test('a rate may have decimals (TYOTOSUUS, in non_additive_codes); an amount may exceed the bound (euros, in amount_codes)', () => {
    // The unemployment share of Espoo and Vantaa in 2025M09 (12tf): 10.7 and 13.3.
    const rate = table((ds) => {
      ds.dimension['Tiedot']!.category.index = { HAKIJALOPUSSA: 0, TYOTOSUUS: 1 };
      ds.value = [29761, 10.7, 30088, 13.3];
    });
    assert.deepEqual(read(rate).value, [29761, 10.7, 30088, 13.3]);
    // Finanssivalvonta: earnings-related allowance paid in 2025M01, 189,696,469 €: an amount, not a count.
    const euros = JSON.stringify({
      version: '2.0',
      class: 'dataset',
      id: ['Alue', 'timeperiod_m', 'Tiedot'],
      size: [1, 1, 1],
      dimension: { Alue: { category: { index: ['SSS'] } }, timeperiod_m: { category: { index: ['2025M01'] } }, Tiedot: { category: { index: ['maksetut_etuudet_eur'] } } },
      value: [189696469],
      role: { geo: ['Alue'], time: ['timeperiod_m'], metric: ['Tiedot'] },
    });
    assert.deepEqual(read(euros, 'fiva-earnings-related-allowance').value, [189696469]);
  });
});
