/**
 * Acquire from files: reads the real public data in ../shared/data (or `--from <folder>` with
 * files of the same names and shapes) and writes the embedded snapshot, data/raw/, with its
 * manifest. Parts acquired from the live API are kept; parts from files are replaced.
 *
 * Usage: npm run data:acquire:files [-- --from <folder>] [-- --out <raw folder>]
 */
import { join, resolve } from 'node:path';
import { loadReference } from './lib/validate/reference.ts';
import { ROOT, option, runMain, sharedDataDir } from './lib/args.ts';
import { rel } from './lib/fsx.ts';
import {
  contentCodes12r5,
  importCapital,
  importKangasala,
  importPxMetadata,
  importPxWebJson,
  importWideCsv,
  readPxMetadata,
  type ImportContext,
} from './lib/importers.ts';
import { writeSnapshot, type RawPart } from './lib/snapshot.ts';
import { normaliseUpdated } from './lib/cells.ts';

/** Provenance of each shared file, as ../shared/data/README.md states it. */
const ORIGIN = {
  maps: 'OskarWestmeijer/maps · static/data/ (commit 49e4429)',
  kohtaanto: 'pttry/kohtaantoindeksit · data/tyonv_12r5.rda (commit ad33418), converted from R without changing values',
  kangasala: 'Kangasalakehitys/kuukausiraportti (commit 5aa2643)',
  capital: 'henrysaarinen71-art/Ami-s-ti-n-testi · data/tyomarkkinadata.json (commit bd37c58)',
  almps: 'pttry/almpsfin · data/tyonv_12u4.rda, converted from R without changing values',
  kela: 'mikkokesa/tyottomyysturvatyokalu (commit 6c567c9), Kela open data',
};

const R5 = 'statfin-tyonv-12r5';
const TYONV_FI = { fi: 'Työ- ja elinkeinoministeriö, Työnvälitystilasto' };

async function main(): Promise<void> {
  const shared = sharedDataDir();
  const rawDir = resolve(ROOT, option('out', 'data/raw'));
  const ref = loadReference(ROOT);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ctx = (path: string, provenance: string): ImportContext => ({ path: join(shared, path), provenance, ref, now });
  const parts: RawPart[] = [];
  const step = (what: string, make: () => RawPart | RawPart[]) => {
    const t0 = performance.now();
    const made = make();
    const list = Array.isArray(made) ? made : [made];
    parts.push(...list);
    const cells = list.reduce((n, p) => n + ('size' in p.data ? p.data.size.reduce((a, b) => a * b, 1) : 0), 0);
    console.error(`  ${what.padEnd(52)} ${String(cells).padStart(8)} cells  ${(performance.now() - t0).toFixed(0).padStart(5)} ms`);
  };

  // Load inputs and process them.
  console.error(`acquire from files in ${rel(shared)}:`);
  const pxMetaPath = join(shared, 'tyonv', '12r5_px_metadata_2023.json');
  const codes = contentCodes12r5(pxMetaPath);
  const { meta: pxMeta } = readPxMetadata(pxMetaPath);
  const labelsFi = Object.values(pxMeta.values['fi'] ?? {}).at(-1) ?? [];
  const k3Updated = normaliseUpdated(Object.values(pxMeta['last-updated']['fi'] ?? {})[0]);

  step('12r5 metadata fi/sv/en (2023)', () =>
    importPxMetadata(ctx('tyonv/12r5_px_metadata_2023.json', ORIGIN.kohtaanto), { source: R5, part: 'metadata-2023' }),
  );
  step('12r5 2026M06, all areas, 23 contents', () =>
    importPxWebJson(ctx('tyonv/12r5_2026M06_pxweb.json', `${ORIGIN.maps}, static/data/unemployment_register_kunnat_12r5.json`), {
      source: R5,
      part: '2026M06',
      description: '12r5 for 2026M06: whole country, 310 municipality codes (with KU199 abroad and KUJOU unknown), sub-regions, regions and ELY areas; all 23 contents.',
      contentsId: 'Tiedot',
      decimalCodes: ['TYOTOSUUS'],
    }),
  );
  step('12r5 2006M01–2023M10, U, L, V', () =>
    importWideCsv(ctx('tyonv/12r5_kunnat_2006M01-2023M10.csv', ORIGIN.kohtaanto), {
      source: R5,
      part: '2006M01-2023M10',
      description: '12r5 monthly 2006M01–2023M10 on the 2023 division (309 municipalities with KU588, sub-regions, regions, ELY, whole country): unemployed, labour force, open vacancies.',
      areaColumn: 'alue',
      periodColumn: 'month',
      period: 'month',
      contents: [
        { column: 'TYOTTOMATLOPUSSA', code: 'TYOTTOMATLOPUSSA', decimals: false },
        { column: 'TYOVOIMATK', code: 'TYOVOIMATK', decimals: false },
        { column: 'AVPAIKATLOPUSSA', code: 'AVPAIKATLOPUSSA', decimals: false },
      ],
      source_updated: k3Updated,
      source_text: TYONV_FI,
      conversion: 'CSV converted from R by the origin repository; "NA" (withheld) kept as the status of a null value.',
    }),
  );
  step('12r5 TYOTOSUUS 2007M01–2025M01 (2025 division)', () =>
    importWideCsv(ctx('tyonv/12r5_TYOTOSUUS_kunnat_2007M01-2025M01.csv', `${ORIGIN.kangasala} · src/data/rdata/statfin_tyonv_pxt_12r5_map.Rdata`), {
      source: R5,
      part: 'TYOTOSUUS-2007M01-2025M01',
      description: 'Register unemployment share (TYOTOSUUS) for the 308 municipalities of the 2025 division, monthly 2007M01–2025M01.',
      areaColumn: 'Alue',
      periodColumn: 'Kuukausi',
      period: 'month',
      contents: [{ column: 'TYOTOSUUS', code: 'TYOTOSUUS', decimals: true }],
      source_updated: null,
      source_text: TYONV_FI,
      conversion: 'CSV converted from R by the origin repository; "..." kept as the status of a null value.',
    }),
  );
  step('12r5 Kangasala 2007M01–2025M01, 23 contents', () =>
    importKangasala(ctx('tyonv/12r5_KU211_kangasala_2007M01-2025M01.json', `${ORIGIN.kangasala} · dist/_file/data/stat/tyossakaynti/tyonv_12r5.7a1b7967.json`), {
      source: R5,
      part: 'KU211-2007M01-2025M01',
      codes,
    }),
  );
  step('12r5 Espoo, Helsinki, Vantaa 2024M12–2025M09', () =>
    importCapital(ctx('tyonv/12r5_espoo_helsinki_vantaa_2024M12-2025M09.json', ORIGIN.capital), {
      source: R5,
      part: 'capital-2024M12-2025M09',
      labelToCode: new Map(labelsFi.map((label, k) => [label, codes[k]!])),
    }),
  );
  step('12u4 whole country 2006M01–2022M02', () =>
    importWideCsv(ctx('tyonv/12u4_SSS_2006M01-2022M02.csv', ORIGIN.almps), {
      source: 'statfin-tyonv-12u4',
      part: 'SSS-2006M01-2022M02',
      description: '12u4 for the whole country, monthly 2006M01–2022M02: activation rate, unemployed, people in services in total and by the seven service types.',
      fixedArea: 'SSS',
      periodColumn: 'time',
      period: 'month',
      contents: ['AKTASTE', 'TYOTTOMATLOPUSSA', 'PALVELUISSAYHTEENSA', 'TVKOULUTUSLOP', 'VALMENNUSLOP', 'TYOLLISTETTYLOP', 'KOKEILULOP', 'VUORVAPLOP', 'KUNTTYOLOP', 'OMAEHTLOP'].map(
        (c) => ({ column: c, code: c, decimals: c === 'AKTASTE' }),
      ),
      source_updated: null,
      source_text: TYONV_FI,
      conversion: 'CSV converted from R by the origin repository; the file has no area column, so the area is the whole country (SSS) as its name states.',
    }),
  );
  step('135z LFS key figures 2026M06', () =>
    importPxWebJson(ctx('tyonv/tyti_135z_2026M06_pxweb.json', `${ORIGIN.maps}, static/data/unemployment_survey_national_135z.json`), {
      source: 'statfin-tyti-135z',
      part: '2026M06',
      description: 'Labour Force Survey key figures for the whole country, 2026M06.',
      contentsId: 'Tiedot',
      decimalCodes: ['Tyollisyysaste_15_64', 'tyollaste_15_64_trendi', 'Tyollaste_15_64_kausi', 'Tyollisyysaste_20_64', 'Tyollaste_20_64_trendi', 'Tyollaste_20_64_kausi', 'Tyollisyysaste_20_69', 'Tyollaste_20_69_trendi', 'Tyollaste_20_69_kausi', 'tyti-Tyottomyysaste', 'tyottaste_trendi', 'Tyottaste_kausi', 'Tyottomyysaste_15_24', 'Tyottaste_15_24_kausi', 'Tyottaste_15_24_trendi'],
    }),
  );
  step('11ra population 2025 (incl. TA01–TA46)', () =>
    importPxWebJson(ctx('population/11ra_2025_pxweb.json', `${ORIGIN.maps}, static/data/age_register_kunnat_11ra.json`), {
      source: 'statfin-vaerak-11ra',
      part: '2025',
      description: 'Population key figures on 31.12.2025 for the whole country, municipalities, regions and employment areas TA01–TA46 (the file\'s other area classifications are not imported).',
      contentsId: 'Tiedot',
      areas: /^(SSS|KU|MK|TA)/,
      decimalCodes: ['vaesto_alle15_p', 'vaesto_yli64_p', 'vaesto_keski_ika'],
    }),
  );
  step('11re population by sex 2025', () =>
    importPxWebJson(ctx('population/11re_2025_pxweb.json', `${ORIGIN.maps}, static/data/sex_register_kunnat_11re.json`), {
      source: 'statfin-vaerak-11re',
      part: '2025',
      description: 'Population on 31.12.2025 by sex, whole country and 308 municipalities.',
      contentsId: 'Tiedot',
      decimalCodes: [],
    }),
  );
  step('11re population 1972–2023', () =>
    importWideCsv(ctx('population/vaerak_11re_vaesto_kunnat_1972-2023.csv', `${ORIGIN.kangasala} · src/data/rdata/statfin_vaerak_pxt_11re_all`), {
      source: 'statfin-vaerak-11re',
      part: '1972-2023',
      description: 'Population on 31 December, 1972–2023, whole country and 309 municipalities of the 2023 division.',
      areaColumn: 'Alue',
      periodColumn: 'Vuosi',
      period: 'year',
      keyColumns: ['Ikä', 'Sukupuoli'],
      contents: [{ column: 'vaesto', code: 'vaesto', decimals: false }],
      source_updated: null,
      source_text: { fi: 'Tilastokeskus, väestörakenne' },
      conversion: 'CSV converted from R by the origin repository.',
    }),
  );
  step('11lj preliminary population 2024M01–2025M01', () =>
    importWideCsv(ctx('population/vamuu_11lj_vaesto_kunnat_2024M01-2025M01.csv', `${ORIGIN.kangasala} · src/data/rdata/statfin_vamuu_pxt_11lj_all.Rdata`), {
      source: 'statfin-vamuu-11lj',
      part: '2024M01-2025M01',
      description: 'Preliminary population at the end of each month, 2024M01–2025M01, whole country and 308 municipalities.',
      areaColumn: 'Alue',
      periodColumn: 'Kuukausi',
      period: 'month',
      keyColumns: ['Sukupuoli', 'Ikä'],
      contents: [{ column: 'vaesto', code: 'vaesto', decimals: false }],
      source_updated: null,
      source_text: { fi: 'Tilastokeskus, väestön ennakkotilasto' },
      conversion: 'CSV converted from R by the origin repository.',
    }),
  );
  step('Kela benefit recipients by municipality', () =>
    importWideCsv(ctx('kela/kela_saajat_kunnat_2018M01-2026M08.csv', `${ORIGIN.kela} · kela_korvausperuste_saajat.csv`), {
      source: 'kela-unemployment-benefits',
      part: '2018M01-2026M08',
      description: 'Kela unemployment-benefit recipients by municipality, monthly 2018M01–2026M08 (an absent municipality-month is not in the source).',
      delimiter: ';',
      areaColumn: 'kunta_nro',
      areaCode: (t) => (/^\d{3}$/.test(t) ? `KU${t}` : t),
      periodColumn: 'vuosikuukausi',
      period: 'kela-month',
      contents: [{ column: 'saajat', code: 'saajat', decimals: false }],
      source_updated: null,
      source_text: { fi: 'Kela' },
      conversion: 'Semicolon CSV; Kela municipality numbers written as KU codes and YYYYMM months as YYYYMmm.',
    }),
  );
  step('Kela co-financed benefit, whole country', () =>
    importWideCsv(ctx('kela/mk_kela_osarahoittama_kokomaa.csv', `${ORIGIN.kela} · mk_kela_osarahoittama_kokomaa.csv`), {
      source: 'kela-cofinanced-benefit',
      part: 'SSS-2025M01-2026M08',
      description: 'Recipients and municipal share (euros) of municipally co-financed unemployment benefit, whole country, by benefit and accumulation class, monthly and year to date, 2025M01–2026M08.',
      delimiter: ';',
      areaColumn: 'kunta_nro',
      areaCode: (t) => (t === '000' ? 'SSS' : `KU${t}`),
      periodColumn: 'vuosikuukausi',
      period: 'kela-month',
      keyColumns: ['aikatyyppi', 'etuus', 'kertymaluokka'],
      ignoreColumns: ['vuosi', 'kuukausi_nro'],
      contents: [
        { column: 'saajat', code: 'saajat', decimals: false },
        { column: 'kuntaosuus_eur', code: 'kuntaosuus_eur', decimals: true, signed: true },
      ],
      source_updated: null,
      source_text: { fi: 'Kela' },
      conversion: 'Semicolon CSV; the whole-country code 000 written as SSS and YYYYMM months as YYYYMmm; the redundant year and month-number columns are not kept.',
    }),
  );

  // Save outputs.
  const manifest = await writeSnapshot(rawDir, parts, (e) => e.origin.kind === 'file');
  console.error(`wrote ${parts.length} files into ${rel(rawDir)}/ (manifest lists ${manifest.entries.length})`);
}

runMain(main);
