/**
 * The datasets the CKAN stand-in serves: Kela's two open-data files, from the real excerpts in
 * tests/fixtures/ckan (or, for the full-size test, the real files in ../shared/data/kela). Only the
 * portal's metadata (ids, titles as Kela names the datasets, dates) is the stand-in's own; every
 * byte of every file is Kela's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServedDataset } from './ckan-server.ts';

export const CKAN_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ckan');

/** Dataset names as configured in data/sources/kela-*.yaml (`ckan.dataset`). */
export const KELA_RECIPIENTS = 'kelan-tyottomyysetuuksien-saajat-kuukauden-lopussa';
export const KELA_COFINANCED = 'kunnan-osarahoittaman-tyottomyysturvan-saajat-ja-maksetut-etuudet-koko-maa';

/** The stamp the stand-in gives the files (CKAN form: UTC without a zone). */
export const LAST_MODIFIED = '2026-09-15T05:12:30.123456';

/**
 * Both datasets, one `data.csv` each. `files` gives the two files' text (default: the excerpts).
 */
export function kelaDatasets(files: { recipients?: string; cofinanced?: string } = {}): ServedDataset[] {
  const read = (name: string) => readFileSync(join(CKAN_FIXTURES, name), 'utf8');
  return [
    {
      name: KELA_RECIPIENTS,
      id: 'stand-in-0001',
      title: 'Kelan työttömyysetuuksien saajat kuukauden lopussa',
      metadata_modified: '2026-09-15T05:13:00.000000',
      resources: [{ id: 'stand-in-r-0001', name: 'data.csv', body: files.recipients ?? read('kela_saajat_kunnat_excerpt.csv'), last_modified: LAST_MODIFIED }],
    },
    {
      name: KELA_COFINANCED,
      id: 'stand-in-0002',
      title: 'Kunnan osarahoittaman työttömyysturvan saajat ja maksetut etuudet koko maa',
      metadata_modified: '2026-09-15T05:13:00.000000',
      resources: [{ id: 'stand-in-r-0002', name: 'data.csv', body: files.cofinanced ?? read('mk_kela_osarahoittama_kokomaa_excerpt.csv'), last_modified: LAST_MODIFIED }],
    },
  ];
}
