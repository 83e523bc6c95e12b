/**
 * The cutting of derived CSV files by indicator (scripts/build-downloads.ts splitByIndicator):
 * each part is the header and the indicator's rows, byte for byte, also when a field before the
 * indicator is quoted and holds commas or quotes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitByIndicator } from '../../../scripts/build-downloads.ts';
import { reusedPieces } from '../../helpers/pieces.ts';

/** `text` in pieces of `size` bytes, in one reused buffer. */
const pieces = (text: string, size: number) => reusedPieces(Buffer.from(text), size);

const FILE = 'data/derived/observations.csv';

test('parts hold the header and their rows as written, quoted names and all', () => {
  const header = 'area_code,area_name,area_level,indicator,period,value\n';
  const rows = [
    'KU001,Aa,municipality,share,2026-08,1.5\n',
    'KU002,"Bb, ""Cc""",municipality,share,2026-08,2.5\n',
    'KU001,Aa,municipality,unemployed,2026-08,10\n',
    'KU002,"Dd,unemployed",municipality,unemployed,2026-08,20',
  ];
  for (const size of [1, 3, 7, 40, 1000]) {
    const parts: [string, string][] = [];
    splitByIndicator(pieces(header + rows.join(''), size), 3, FILE, (id, part) => parts.push([id, part.toString('utf8')]));
    assert.deepEqual(parts, [
      ['share', header + rows[0] + rows[1]],
      ['unemployed', header + rows[2] + rows[3]],
    ], `pieces of ${size} bytes`);
  }
});

test('rows of an indicator that come back after another are an error, not two files', () => {
  assert.throws(() => splitByIndicator(pieces('indicator,x\nshare,1\nunemployed,2\nshare,3\n', 5), 0, FILE, () => {}), /data\/derived\/observations\.csv: the rows of share are not together/);
});

test('a row without the column is an error naming the file', () => {
  assert.throws(() => splitByIndicator(pieces('a,b,c,d\n1,2\n', 4), 3, FILE, () => {}), /observations\.csv: the row at byte 8 has no column 4/);
});
