/**
 * The data catalogue: /data/datapackage.json is a Frictionless Data Package whose every file
 * exists in the built site and parses (CSV, zipped or not, against its table schema,
 * JSON, Excel workbooks and the zip archives). Read from dist/ directly: thousands of files.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parseCsvLine } from './helpers.ts';

const DATA = join(process.cwd(), 'dist', 'data');

test('datapackage.json is a valid data package and every file exists and parses', async ({ request }) => {
  test.setTimeout(120_000);
  const res = await request.get('/data/datapackage.json');
  expect(res.ok()).toBe(true);
  const pkg = await res.json();
  // Data Package spec: name pattern, resources with unique names and relative paths, licences.
  expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
  expect(pkg.licenses.length).toBeGreaterThan(0);
  const problems: string[] = [];
  const names = new Set<string>();
  const schemas = new Map<string, { fields: { name: string; type: string; constraints?: { enum?: string[] } }[] }>();
  for (const r of pkg.resources as { name: string; path: string; format: string; schema?: string; compression?: string }[]) {
    if (!/^[a-z0-9._-]+$/.test(r.name)) problems.push(`bad name ${r.name}`);
    if (names.has(r.name)) problems.push(`duplicate resource name ${r.name}`);
    names.add(r.name);
    if (r.path.startsWith('/') || r.path.includes('..')) problems.push(`path not relative: ${r.path}`);
    const file = join(DATA, r.path);
    if (!existsSync(file)) {
      problems.push(`missing: ${r.path}`);
      continue;
    }
    // A zipped CSV says so (`compression: zip`, frictionless-py's property) and holds that one CSV.
    if (r.path.endsWith('.csv.zip') !== (r.compression === 'zip')) problems.push(`${r.path}: compression ${r.compression}`);
    let bytes = readFileSync(file);
    if (r.compression === 'zip') {
      const inner = unzipSync(new Uint8Array(bytes));
      const name = r.path.split('/').at(-1)!.replace(/\.zip$/, '');
      if (Object.keys(inner).join() !== name) problems.push(`${r.path}: holds ${Object.keys(inner).join()}, not ${name}`);
      bytes = Buffer.from(inner[name] ?? new Uint8Array());
    }
    if (r.format === 'csv' && r.path.startsWith('tables/')) {
      // A table as a page shows it: a header in the page's language, every row as wide.
      const lines = bytes.toString('utf8').split('\n').filter(Boolean);
      const width = parseCsvLine(lines[0]!).length;
      if (lines.length < 2) problems.push(`${r.path}: no rows`);
      for (let i = 1; i < lines.length; i++) if (parseCsvLine(lines[i]!).length !== width) problems.push(`${r.path} row ${i + 1}: not ${width} fields`);
    } else if (r.format === 'csv') {
      if (!r.schema) {
        problems.push(`${r.path}: no schema`);
        continue;
      }
      if (!schemas.has(r.schema)) schemas.set(r.schema, JSON.parse(readFileSync(join(DATA, r.schema), 'utf8')));
      const schema = schemas.get(r.schema)!;
      const lines = bytes.toString('utf8').split('\n').filter(Boolean);
      if (parseCsvLine(lines[0]!).join(',') !== schema.fields.map((f) => f.name).join(',')) problems.push(`${r.path}: header differs from ${r.schema}`);
      // Every row: width, numbers and enums (the big files are checked on every 25th row).
      const step = lines.length > 20_000 ? 25 : 1;
      for (let i = 1; i < lines.length; i += step) {
        const cells = parseCsvLine(lines[i]!);
        if (cells.length !== schema.fields.length) problems.push(`${r.path} row ${i + 1}: ${cells.length} fields`);
        schema.fields.forEach((f, k) => {
          const v = cells[k] ?? '';
          if (v === '') return;
          if ((f.type === 'number' || f.type === 'integer') && !Number.isFinite(Number(v))) problems.push(`${r.path} row ${i + 1} ${f.name}=${v}`);
          if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${r.path} row ${i + 1} ${f.name}=${v}`);
        });
      }
    } else if (r.format === 'json') {
      try {
        JSON.parse(bytes.toString('utf8'));
      } catch {
        problems.push(`${r.path}: not JSON`);
      }
    } else if (r.format === 'parquet') {
      // The tidy columns in the schema's order, read back with hyparquet; a status from the schema's list in every row.
      const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const schema = JSON.parse(readFileSync(join(DATA, r.schema!), 'utf8')) as { fields: { name: string; constraints?: { enum?: string[] } }[] };
      const names = meta.schema.slice(1).map((c) => c.name);
      if (names.join(',') !== schema.fields.map((f) => f.name).join(',')) problems.push(`${r.path}: columns ${names.join(',')}`);
      const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), columns: ['status'] });
      const statuses = schema.fields.find((f) => f.name === 'status')!.constraints!.enum!;
      if (rows.length === 0 || rows.some((x) => !statuses.includes(x.status as string))) problems.push(`${r.path}: no rows or a status outside the schema`);
    } else if (r.format === 'xlsx' || r.format === 'zip') {
      const files = unzipSync(new Uint8Array(bytes));
      if (r.format === 'xlsx') {
        // A notes sheet: "notes" in the tidy workbooks, the page language's name in a shown table's.
        if (!r.path.startsWith('tables/') && !strFromU8(files['xl/workbook.xml'] ?? new Uint8Array()).includes('name="notes"')) problems.push(`${r.path}: no notes sheet`);
        if (!files['xl/worksheets/sheet1.xml'] || !files['xl/worksheets/sheet2.xml']) problems.push(`${r.path}: no data or notes sheet`);
      } else {
        // The whole dataset, split by indicator, with its README.
        const readme = files['tilannekuva/README.txt'];
        if (!files['tilannekuva/observations/unemployment-share.csv'] || !readme || !strFromU8(readme).includes('CC BY 4.0')) problems.push(`${r.path}: incomplete archive`);
      }
    }
    if (problems.length > 20) break;
  }
  expect(problems).toEqual([]);
  expect(names.has('indicator-unemployment-share-xlsx')).toBe(true);
  expect(names.has('area-ta08-csv')).toBe(true);
  expect(names.size).toBeGreaterThan(3000);
});
