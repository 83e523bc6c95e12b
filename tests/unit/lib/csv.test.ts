/**
 * Strict CSV reading and safe CSV writing (src/lib/csv.ts). Reading must refuse everything that
 * would silently corrupt numbers and name the file and row; writing must quote as RFC 4180 asks
 * and neutralise spreadsheet formulas in text cells only.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, decodeUtf8, forEachCsvRecord, forEachCsvRow, neutraliseFormula, readCsv, writeCsv } from '../../../src/lib/csv.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { reusedPieces } from '../../helpers/pieces.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes of a string whose characters are all below U+0100. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const FILE = 'data/test/input.csv';

/** Asserts that `fn` throws an InputError at `row` (and `field`, if given) whose message names the file. */
function assertInputError(fn: () => unknown, row: number, problem: RegExp, field?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.equal(e.location.file, FILE);
    assert.equal(e.location.row, row);
    if (field !== undefined) assert.equal(e.location.field, field);
    assert.ok(e.message.startsWith(`${FILE}, row ${row}`), e.message);
    assert.match(e.problem, problem);
    return true;
  });
}

describe('readCsv refuses', () => {
  test('a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('alue,month\nSSS,2026M06\n')]);
    assertInputError(() => readCsv(bytes, { file: FILE }), 1, /byte-order mark/);
  });

  test('Latin-1 bytes ("Hämeenlinna" with ä as the single byte 0xE4), naming the line', () => {
    const bytes = latin1('kunta,nimi\n091,Helsinki\n109,Hämeenlinna\n');
    assert.equal(bytes[bytes.indexOf(0x48, 20) + 1], 0xe4, 'precondition: ä is one Latin-1 byte');
    assertInputError(() => readCsv(bytes, { file: FILE }), 3, /not valid UTF-8.*0xe4/);
  });

  test('a ";" file read as "," (the message says which separator the file seems to use)', () => {
    const bytes = utf8('kunta_nro;vuosikuukausi;saajat\n091;202608;38752\n');
    assertInputError(() => readCsv(bytes, { file: FILE, columns: ['kunta_nro', 'vuosikuukausi', 'saajat'] }), 1, /separated by ","[^]*seems to use ";"/);
  });

  test('a ragged row (one field too many, one too few)', () => {
    assertInputError(() => readCsv(utf8('a,b\n1,2\n3,4,5\n'), { file: FILE }), 3, /3 field\(s\) but the header has 2/);
    assertInputError(() => readCsv(utf8('a,b\n1,2\n3,4\n5\n'), { file: FILE }), 4, /1 field\(s\) but the header has 2/);
  });

  test('a quoted field that is never closed, naming the row where it starts', () => {
    assertInputError(() => readCsv(utf8('a,b\n1,2\n"3,4\n5,6\n'), { file: FILE }), 3, /not closed/);
  });

  test('a quote in the middle of an unquoted field', () => {
    assertInputError(() => readCsv(utf8('a,b\n1,2\n3x"y,4\n'), { file: FILE }), 3, /quote in the middle/);
  });

  test(
    'text after a closing quote ("1"5 must not silently become 15)',
    () => {
      assertInputError(() => readCsv(utf8('a,b\n"1"5,2\n'), { file: FILE }), 2, /quote/);
    },
  );

  test('a column that appears twice in the header, naming it', () => {
    assertInputError(() => readCsv(utf8('alue,month,alue\nSSS,2026M06,SSS\n'), { file: FILE }), 1, /appears twice/, 'alue');
  });

  test('a missing column and an unexpected extra column, naming the column', () => {
    const columns = ['alue', 'month', 'TYOTTOMATLOPUSSA'];
    assertInputError(() => readCsv(utf8('alue,month\nSSS,2026M06\n'), { file: FILE, columns }), 1, /missing column/, 'TYOTTOMATLOPUSSA');
    assertInputError(
      () => readCsv(utf8('alue,month,TYOTTOMATLOPUSSA,X\nSSS,2026M06,1,2\n'), { file: FILE, columns }),
      1,
      /unexpected column/,
      'X',
    );
  });

  test('an empty file', () => {
    assert.throws(() => readCsv(new Uint8Array(), { file: FILE }), (e: unknown) => e instanceof InputError && /empty/.test(e.message) && e.message.startsWith(FILE));
  });
});

describe('readCsv accepts', () => {
  test('quoted fields with commas, doubled quotes and line breaks, and counts lines correctly after them', () => {
    const text = 'name,note,n\n"Koski, Tl","say ""hi""",1\n"two\nlines","",2\nplain,x,3\n';
    const t = readCsv(utf8(text), { file: FILE });
    assert.deepEqual(t.header, ['name', 'note', 'n']);
    assert.deepEqual(
      t.rows.map((r) => [r.line, r.values['name'], r.values['note'], r.values['n']]),
      [
        [2, 'Koski, Tl', 'say "hi"', '1'],
        [3, 'two\nlines', '', '2'],
        [5, 'plain', 'x', '3'],
      ],
    );
  });

  test('CRLF line ends (like the shared area files) and no final newline', () => {
    const t = readCsv(utf8('kunta,nimi\r\n091,Helsinki\r\n109,Hämeenlinna'), { file: FILE, columns: ['kunta', 'nimi'] });
    assert.deepEqual(t.rows.map((r) => r.values), [
      { kunta: '091', nimi: 'Helsinki' },
      { kunta: '109', nimi: 'Hämeenlinna' },
    ]);
  });

  test('the ";" separator when asked for it (the Kela files)', () => {
    const t = readCsv(utf8('kunta_nro;vuosikuukausi;saajat\n091;202608;38752\n'), { file: FILE, delimiter: ';' });
    assert.deepEqual(t.rows[0]!.values, { kunta_nro: '091', vuosikuukausi: '202608', saajat: '38752' });
  });

  test('every value stays text: leading zeros of municipality numbers are kept', () => {
    const t = readCsv(utf8('kunta_nro,saajat\n005,259\n'), { file: FILE });
    assert.equal(t.rows[0]!.values['kunta_nro'], '005');
  });
});

describe('decodeUtf8', () => {
  test('decodes multi-byte UTF-8 (ä, ö, å, –)', () => {
    assert.equal(decodeUtf8(utf8('Hämeenlinna – Tavastehus, Åbo, Föglö'), FILE), 'Hämeenlinna – Tavastehus, Åbo, Föglö');
  });
});

describe('writeCsv / csvField', () => {
  test('a text cell starting with =, +, -, @ or a tab gets a leading apostrophe', () => {
    assert.equal(csvField('=SUM(A1:A9)'), "'=SUM(A1:A9)");
    assert.equal(csvField('+358401234567'), "'+358401234567");
    assert.equal(csvField('-2+3'), "'-2+3");
    assert.equal(csvField('-cmd|calc'), "'-cmd|calc");
    assert.equal(csvField('@cmd'), "'@cmd");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(neutraliseFormula('=1+1'), "'=1+1");
  });

  test('ordinary text is unchanged', () => {
    assert.equal(csvField('Helsinki'), 'Helsinki');
    assert.equal(csvField('Koko maa'), 'Koko maa');
    assert.equal(csvField('TA08'), 'TA08');
  });

  test('text that is a plain decimal number (a value already formatted, e.g. "-0.5") is left as it is', () => {
    assert.equal(csvField('-0.5'), '-0.5');
    assert.equal(csvField('-1'), '-1');
    assert.equal(neutraliseFormula('-352001'), '-352001');
    // …but not a number followed by anything else.
    assert.equal(csvField('-1-1'), "'-1-1");
  });

  test('numbers, including negative ones, are written as numbers, not neutralised', () => {
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField(-1.5), '-1.5');
    assert.equal(csvField(352001), '352001');
    assert.equal(csvField(0), '0');
  });

  test('null, undefined and non-finite numbers are empty fields', () => {
    assert.equal(csvField(null), '');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(NaN), '');
    assert.equal(csvField(Infinity), '');
  });

  test('fields with commas, quotes or line breaks are quoted, quotes doubled', () => {
    assert.equal(csvField('Koski, Tl'), '"Koski, Tl"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    // Neutralised first, then quoted.
    assert.equal(csvField('=1,2'), `"'=1,2"`);
  });

  test('writeCsv writes the header and rows with LF line ends, neutralising text cells only', () => {
    const out = writeCsv(['area_code', 'note', 'value'], [
      ['KU091', '=HYPERLINK("x")', -3.5],
      ['SSS', 'a,b', null],
    ]);
    assert.equal(out, `area_code,note,value\nKU091,"'=HYPERLINK(""x"")",-3.5\nSSS,"a,b",\n`);
  });

  test('what writeCsv writes, readCsv reads back (apart from the neutralising apostrophe)', () => {
    const out = writeCsv(['a', 'b'], [['x, "y"\nz', 7]]);
    const t = readCsv(utf8(out), { file: FILE, columns: ['a', 'b'] });
    assert.deepEqual(t.rows[0]!.values, { a: 'x, "y"\nz', b: '7' });
  });
});

describe('forEachCsvRow', () => {
  test('hands over every row of a file larger than its 1 MiB pieces, with "ä" and a quoted line break across a piece boundary', () => {
    // Header "a,b\n" is 4 bytes; each row "ä…,1\n" is made so that a boundary at 1 MiB falls
    // inside a two-byte "ä" of some row and inside a quoted field of another.
    const rows: string[] = [];
    let size = 4;
    let i = 0;
    while (size < (1 << 20) * 2 + 100) {
      const row = i % 2 ? `"rivi\n${i}",${i}\n` : `ä${'x'.repeat(i % 7)},${i}\n`;
      rows.push(row);
      size += new TextEncoder().encode(row).length;
      i++;
    }
    const bytes = utf8(`a,b\n${rows.join('')}`);
    const seen: { line: number; values: Record<string, string> }[] = [];
    const header = forEachCsvRow(bytes, { file: FILE, columns: ['a', 'b'] }, (r) => seen.push(r));
    assert.deepEqual(header, ['a', 'b']);
    assert.equal(seen.length, rows.length);
    assert.deepEqual(seen[0], { line: 2, values: { a: 'ä', b: '0' } });
    assert.deepEqual(seen[1], { line: 3, values: { a: 'rivi\n1', b: '1' } });
    // Row k starts on line 2 + k + (number of odd rows before it, each adding one line).
    const k = rows.length - 1;
    assert.deepEqual(seen[k], { line: 2 + k + Math.floor(k / 2), values: k % 2 ? { a: `rivi\n${k}`, b: String(k) } : { a: `ä${'x'.repeat(k % 7)}`, b: String(k) } });
    for (const [j, r] of seen.entries()) assert.equal(r.values.b, String(j));
    assert.deepEqual(readCsv(bytes, { file: FILE, columns: ['a', 'b'] }).rows, seen);
  });

  test('a row of the wrong width stops the reading with the line named', () => {
    assert.throws(() => forEachCsvRow(utf8('a,b\n1,2\n3\n'), { file: FILE, columns: ['a', 'b'] }, () => {}), (e: unknown) => e instanceof InputError && /row 3/.test(e.message) && /1 field/.test(e.message));
  });
});

describe('forEachCsvRecord', () => {
  const text = 'b,a\nä,1\n"x\n""y""",2\nöö,"3"\n';

  test('pieces of any size, in one reused buffer, give the rows and lines of the whole file, with the columns where the header has them', () => {
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const seen: [string[], number][] = [];
      let index: unknown;
      const header = forEachCsvRecord(reusedPieces(utf8(text), size), { file: FILE, columns: ['a', 'b'] }, (fields, line, at) => {
        seen.push([fields, line]);
        index = at;
      });
      assert.deepEqual(header, ['b', 'a'], `pieces of ${size}`);
      assert.deepEqual(index, { b: 0, a: 1 });
      assert.deepEqual(seen, [
        [['ä', '1'], 2],
        [['x\n"y"', '2'], 3],
        [['öö', '3'], 5],
      ], `pieces of ${size}`);
    }
  });

  test('bytes that are not UTF-8 in a later piece are named by their line', () => {
    const bytes = new Uint8Array([...utf8('a,b\n1,2\n3,4\n5,'), 0xe4, ...utf8('\n')]);
    for (const size of [2, 4, 9]) assertInputError(() => forEachCsvRecord(reusedPieces(bytes, size), { file: FILE }, () => {}), 4, /not valid UTF-8.*0xe4/);
  });

  test('forEachCsvRow keys the values by the header even when a column name looks like a number', () => {
    const seen: Record<string, string>[] = [];
    forEachCsvRow(utf8('x,2,1\na,b,c\n'), { file: FILE }, ({ values }) => seen.push(values));
    assert.deepEqual(seen, [{ x: 'a', 2: 'b', 1: 'c' }]);
  });
});
