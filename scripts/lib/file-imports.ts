/**
 * File imports as data: each `files:` entry of a source (`data/sources/*.yaml`, schema
 * `FileImport` in src/schema/source.ts) becomes one call of an importer of `importers.ts`. Adding a
 * file source is a YAML block, not code.
 */
import { join } from 'node:path';
import type { FileImport, Source } from '../../src/schema/source.ts';
import { normaliseUpdated } from './cells.ts';
import { rel } from './fsx.ts';
import {
  codesByLabel,
  contentCodes12r5,
  importCapital,
  importKangasala,
  importOutlookCsv,
  importPxMetadata,
  importPxWebJson,
  importWideCsv,
  readPxMetadata,
  type ImportContext,
  type WideCsvSpec,
} from './importers.ts';
import type { RawPart } from './snapshot.ts';
import type { Reference } from './validate/reference.ts';

/** Ways of writing area codes in files (`area_codes` of a wide CSV). */
const AREA_CODES: Record<Extract<FileImport, { format: 'wide-csv' }>['area_codes'], ((text: string) => string) | undefined> = {
  statfin: undefined,
  'kela-municipality': (t) => (/^\d{3}$/.test(t) ? `KU${t}` : t),
  'kela-with-country': (t) => (t === '000' ? 'SSS' : `KU${t}`),
};

/** The wide-CSV importer's settings of a `files:` entry. */
export function wideCsvSpec(source: string, f: Extract<FileImport, { format: 'wide-csv' }>, sharedDir: string): WideCsvSpec {
  const updated = f.updated_from_px_metadata ? readPxMetadata(join(sharedDir, f.updated_from_px_metadata)).meta['last-updated']['fi'] : undefined;
  return {
    source,
    part: f.part,
    description: f.description,
    delimiter: f.delimiter,
    ...(f.area_column ? { areaColumn: f.area_column } : {}),
    ...(AREA_CODES[f.area_codes] ? { areaCode: AREA_CODES[f.area_codes] } : {}),
    ...(f.fixed_area ? { fixedArea: f.fixed_area } : {}),
    periodColumn: f.period_column,
    period: f.period,
    ...(f.key_columns.length ? { keyColumns: f.key_columns } : {}),
    ...(f.ignore_columns.length ? { ignoreColumns: f.ignore_columns } : {}),
    contents: f.contents.map((c) => (typeof c === 'string' ? { column: c, code: c, decimals: false } : { column: c.column, code: c.code ?? c.column, decimals: c.decimals, ...(c.signed ? { signed: true } : {}) })),
    source_updated: updated ? normaliseUpdated(Object.values(updated)[0]) : f.updated ? normaliseUpdated(f.updated) : null,
    ...(f.absent_is_withheld ? { absentIsWithheld: true } : {}),
    source_text: f.source_text ? { fi: f.source_text } : null,
    conversion: f.conversion,
  };
}

/** Imports one `files:` entry of a source from the shared data folder. */
export function importFile(source: Source, f: FileImport, sharedDir: string, ref: Reference, now: string): RawPart[] {
  const ctx: ImportContext = { path: join(sharedDir, f.path), provenance: f.provenance, ref, now };
  switch (f.format) {
    case 'px-metadata':
      return importPxMetadata(ctx, { source: source.id, part: f.part });
    case 'pxweb-json':
      return [
        importPxWebJson(ctx, {
          source: source.id,
          part: f.part,
          description: f.description,
          contentsId: f.contents_id,
          decimalCodes: f.decimal_codes,
          ...(f.areas ? { areas: new RegExp(f.areas) } : {}),
        }),
      ];
    case 'wide-csv':
      return [importWideCsv(ctx, wideCsvSpec(source.id, f, sharedDir))];
    case 'anonymous-columns-json':
      return [importKangasala(ctx, { source: source.id, part: f.part, codes: contentCodes12r5(join(sharedDir, f.codes_from_px_metadata)) })];
    case 'outlook-csv':
      return [importOutlookCsv(ctx, { source: source.id, part: f.part, section: f.section, description: f.description })];
    case 'labelled-cities-json': {
      const pxPath = join(sharedDir, f.codes_from_px_metadata);
      const codes = contentCodes12r5(pxPath);
      const [name, labelsFi] = Object.entries(readPxMetadata(pxPath).meta.values['fi'] ?? {}).at(-1) ?? ['', []];
      return [importCapital(ctx, { source: source.id, part: f.part, labelToCode: codesByLabel(labelsFi, codes, rel(pxPath), `values.fi.${name}`) })];
    }
  }
}

