/**
 * The build's zip writer (scripts/lib/zip.ts), read back by an independent reader (fflate's
 * unzip) and checked byte by byte where the format fixes the bytes: signatures, the UTF-8 flag,
 * the DOS time of a hand-picked date, sizes and the end record.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unzipSync, strToU8, strFromU8 } from 'fflate';
import { deflated, zipFiles, zipWriter } from '../../../../scripts/lib/zip.ts';

describe('zip writer', () => {
  test('entries read back with their names and contents, compressed and stored', () => {
    const text = 'period,value\n' + '2026-08,12.0\n'.repeat(200);
    for (const level of [6, 0]) {
      const bytes = zipFiles({ 'a/tiedot.csv': strToU8(text), 'Åland ä.txt': strToU8('hej') }, { level, mtime: new Date('2026-08-25T10:20:30Z') });
      const back = unzipSync(bytes);
      assert.deepEqual(Object.keys(back), ['a/tiedot.csv', 'Åland ä.txt']);
      assert.equal(strFromU8(back['a/tiedot.csv']!), text);
      assert.equal(strFromU8(back['Åland ä.txt']!), 'hej');
      if (level === 0) assert.ok(bytes.length > text.length, 'stored, not compressed');
      else assert.ok(bytes.length < text.length / 5, 'compressed');
    }
  });

  test('an entry compressed once reads back from two archives, one of them storing its other entries', () => {
    const text = 'area_code,value\n' + 'KU091,7.5\n'.repeat(300);
    const once = deflated(strToU8(text));
    assert.equal(once.size, text.length);
    for (const level of [6, 0]) {
      const z = zipWriter(new Date('2026-08-25T10:20:30Z'), level);
      z.add('README.txt', strToU8('lue minut'));
      z.add('observations/share.csv', once);
      const back = unzipSync(z.end());
      assert.equal(strFromU8(back['README.txt']!), 'lue minut');
      assert.equal(strFromU8(back['observations/share.csv']!), text, `level ${level}`);
    }
  });

  test('the header fields: signature, UTF-8 names, method, DOS time from the UTC fields, sizes, end record', () => {
    const bytes = Buffer.from(zipFiles({ 'x.txt': strToU8('abc') }, { level: 0, mtime: new Date('2026-08-25T10:20:30Z') }));
    assert.equal(bytes.readUInt32LE(0), 0x04034b50);
    assert.equal(bytes.readUInt16LE(6), 0x0800);
    assert.equal(bytes.readUInt16LE(8), 0, 'stored');
    // 10:20:30 → 10 << 11 | 20 << 5 | 15 = 20480 + 640 + 15; 2026-08-25 → 46 << 9 | 8 << 5 | 25 = 23552 + 256 + 25.
    assert.equal(bytes.readUInt16LE(10), 21135);
    assert.equal(bytes.readUInt16LE(12), 23833);
    assert.equal(bytes.readUInt32LE(14), 0x352441c2, 'CRC-32 of "abc"');
    assert.equal(bytes.readUInt32LE(18), 3);
    assert.equal(bytes.readUInt32LE(22), 3);
    const end = bytes.length - 22;
    assert.equal(bytes.readUInt32LE(end), 0x06054b50);
    assert.equal(bytes.readUInt16LE(end + 10), 1, 'one entry');
    assert.equal(bytes.readUInt32LE(end + 16), 30 + 5 + 3, 'the directory starts after the one entry');
  });

  test('a rebuild gives the same bytes', () => {
    const make = () => {
      const z = zipWriter(new Date('2026-01-01T00:00:00Z'));
      z.add('a.csv', strToU8('1,2\n'));
      return Buffer.from(z.end()).toString('hex');
    };
    assert.equal(make(), make());
  });
});
