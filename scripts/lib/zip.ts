/**
 * A zip archive writer for the build (Node only): each entry is compressed as it is added with
 * Node's zlib (deflate, the C library) and checked with zlib's CRC-32, so the archive never sits
 * in memory uncompressed. The downloads build writes about 1,500 archives and workbooks, and
 * fflate's deflate in JavaScript (which the browser still uses, src/lib/xlsx.ts) took about 40 % of
 * that stage's time. Plain zip (no zip64): every entry and the archive stay under 4 GiB and 65,535
 * entries, which `end` checks. Names are UTF-8 (flag bit 11). Times are written from the given
 * date's UTC fields, so that a rebuild anywhere gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** An entry compressed once, to be added to more than one archive. */
export interface Deflated {
  body: Uint8Array;
  crc: number;
  size: number;
}

/** Compresses `data` as a zip entry (raw deflate, its CRC-32 and length). */
export function deflated(data: Uint8Array, level = 6): Deflated {
  return { body: deflateRawSync(data, { level }), crc: crc32(data), size: data.length };
}

export interface ZipWriter {
  /** Adds an entry: bytes (compressed here, unless the level is 0) or an entry already compressed. */
  add: (name: string, data: Uint8Array | Deflated) => void;
  end: () => Uint8Array;
}

/** DOS date and time fields (2-second steps; years from 1980). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const LIMIT = 0xffffffff;

/** An archive written entry by entry; `level` 0 stores the entries uncompressed. */
export function zipWriter(mtime: Date, level = 6): ZipWriter {
  const { time, date } = dosTime(mtime);
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  return {
    add(name, data) {
      const nameBytes = Buffer.from(name, 'utf8');
      const entry = data instanceof Uint8Array ? (level === 0 ? { body: data, crc: crc32(data), size: data.length } : deflated(data, level)) : data;
      const method = entry.body === data ? 0 : 8;
      const { body, crc, size } = entry;
      if (size > LIMIT || body.length > LIMIT || offset > LIMIT) throw new Error(`zip: ${name} is too large for a zip without zip64`);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
      local.writeUInt16LE(0x0800, 6); // names in UTF-8
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      local.writeUInt16LE(0, 28);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
      local.copy(record, 6, 4, 30); // version needed … name length, extra length
      record.writeUInt16LE(0, 32); // comment length
      record.writeUInt16LE(0, 34); // disk number
      record.writeUInt16LE(0, 36); // internal attributes
      record.writeUInt32LE(0, 38); // external attributes
      record.writeUInt32LE(offset, 42);
      central.push(record, nameBytes);
      chunks.push(local, nameBytes, body);
      offset += local.length + nameBytes.length + body.length;
    },
    end() {
      const entries = central.length / 2;
      if (entries > 0xffff) throw new Error(`zip: ${entries} entries are too many for a zip without zip64`);
      const directory = Buffer.concat(central);
      const tail = Buffer.alloc(22);
      tail.writeUInt32LE(0x06054b50, 0);
      tail.writeUInt16LE(entries, 8);
      tail.writeUInt16LE(entries, 10);
      tail.writeUInt32LE(directory.length, 12);
      tail.writeUInt32LE(offset, 16);
      return Buffer.concat([...chunks, directory, tail]);
    },
  };
}

/** An archive of the given files, in the order given. */
export function zipFiles(files: Record<string, Uint8Array>, o: { level?: number; mtime: Date }): Uint8Array {
  const z = zipWriter(o.mtime, o.level ?? 6);
  for (const [name, data] of Object.entries(files)) z.add(name, data);
  return z.end();
}
