/**
 * The real snapshot end to end: `scripts/validate.ts` and `scripts/derive.ts` run once as child
 * processes on the repository's data/raw, data/reference and data/indicators, into a temporary
 * folder. The outputs are checked against facts of the source files: numbers stated in
 * ../shared/docs/domain.md ("Facts for tests") and ../shared/data/README.md, written here by hand,
 * and values read from the committed raw snapshot (data/raw: JSON-stat files the importer wrote
 * from ../shared/data with the values unchanged; data/raw/manifest.json names each source file)
 * and from data/reference/area-key.csv, with the tests' own JSON-stat and CSV readers
 * (tests/helpers/data-harness.ts). Nothing outside the repository is read, and nothing here is
 * computed by the code under test.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readCsvRecords, readJsonStat, runScript, type StatCell } from '../helpers/data-harness.ts';

interface Obs {
  level: string;
  value: string;
  status: string;
  break: string;
}

let dir = '';
/** `indicator|area|period` → observation. */
const obs = new Map<string, Obs>();
/** unemployment-share comparisons of 2026-06 and a few others, by `indicator|area|period`. */
const comp = new Map<string, Record<string, string>>();
let areas: { code: string; level: string; te24: boolean | null; members: string[] }[] = [];

const o = (indicator: string, area: string, period: string) => obs.get(`${indicator}|${area}|${period}`);
/** The value of an observation as a string, asserting its status. */
function valueOf(indicator: string, area: string, period: string, status = 'ok'): string {
  const r = o(indicator, area, period);
  assert.ok(r, `no observation ${indicator} ${area} ${period}`);
  assert.equal(r.status, status, `status of ${indicator} ${area} ${period}`);
  return r.value;
}

/** The committed raw snapshot (values as in the source files; see data/raw/manifest.json). */
const RAW = join(ROOT, 'data', 'raw');

/** True if a source cell is withheld: no value, with the source's symbol `...`. */
const withheld = (c: StatCell) => c.value === null && c.status === '...';

/** A count of a source cell that is not withheld, as the derived files write it. */
function count(c: StatCell, what: string): string {
  assert.ok(typeof c.value === 'number' && c.status === null, `${what}: expected a value in the source, found ${JSON.stringify(c)}`);
  return String(c.value);
}

/**
 * 12r5 for 2026M06 (from ../shared/data/tyonv/12r5_2026M06_pxweb.json):
 * data/raw/statfin-tyonv-12r5/2026M06.json, as area code → content code → cell.
 */
function m06(): Map<string, (content: string) => StatCell> {
  const t = readJsonStat(join(RAW, 'statfin-tyonv-12r5', '2026M06.json'));
  assert.deepEqual(t.codes('timeperiod_m'), ['2026M06']);
  return new Map(t.codes('Alue').map((area) => [area, (content: string) => t.cell({ Alue: area, timeperiod_m: '2026M06', Tiedot: content })]));
}

/**
 * Municipality (KUnnn) → its employment area and region in 2026-06, from data/reference/area-key.csv
 * (the rows in force on 2026-06-30; exactly one of each level per municipality).
 */
function municipalities2025(): { code: string; ta: string; mk: string }[] {
  const day = '2026-06-30';
  const rows = readCsvRecords(join(ROOT, 'data', 'reference', 'area-key.csv')).filter(
    (r) => r['valid_from']! <= day && (r['valid_to'] === '' || r['valid_to']! >= day),
  );
  const by = new Map<string, { ta: string[]; mk: string[] }>();
  for (const r of rows) {
    const m = by.get(r['municipality']!) ?? { ta: [], mk: [] };
    if (r['level'] === 'employment_area') m.ta.push(r['area']!);
    else if (r['level'] === 'region') m.mk.push(r['area']!);
    else assert.fail(`area-key.csv: unknown level ${r['level']}`);
    by.set(r['municipality']!, m);
  }
  return [...by].map(([code, m]) => {
    assert.ok(m.ta.length === 1 && m.mk.length === 1 && /^TA\d{2}$/.test(m.ta[0]!) && /^MK\d{2}$/.test(m.mk[0]!), `${code}: ${JSON.stringify(m)}`);
    return { code, ta: m.ta[0]!, mk: m.mk[0]! };
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tilannekuva-pipeline-'));
  const v = await runScript('scripts/validate.ts', ['--out', join(dir, 'validated')]);
  assert.equal(v.code, 0, v.stderr);
  const d = await runScript('scripts/derive.ts', ['--in', join(dir, 'validated'), '--out', join(dir, 'derived')]);
  assert.equal(d.code, 0, d.stderr);

  const lines = readFileSync(join(dir, 'derived', 'observations.csv'), 'utf8').split('\n');
  assert.equal(lines[0], 'area_code,area_name,area_level,indicator,period,value,unit,status,break');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    // The area name may hold a quoted comma, so the other fields are taken from both ends.
    const f = line.split(',');
    const n = f.length;
    obs.set(`${f[n - 6]}|${f[0]}|${f[n - 5]}`, { level: f[n - 7]!, value: f[n - 4]!, status: f[n - 2]!, break: f[n - 1]! });
  }
  const clines = readFileSync(join(dir, 'derived', 'comparisons.csv'), 'utf8').split('\n');
  const header = clines[0]!.split(',');
  for (const line of clines) {
    if (!(line.startsWith('unemployment-share,') || line.startsWith('unemployed,SSS,'))) continue;
    const f = line.split(',');
    const rec = Object.fromEntries(header.map((h, k) => [h, f[k]!]));
    comp.set(`${rec['indicator']}|${rec['area_code']}|${rec['period']}`, rec);
  }
  areas = JSON.parse(readFileSync(join(dir, 'derived', 'areas.json'), 'utf8'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('pipeline: whole country and Helsinki in 2026-06 (domain.md, M06)', () => {
  test('whole-country counts equal the published SSS row', () => {
    assert.equal(valueOf('unemployed', 'SSS', '2026-06'), '352001');
    assert.equal(valueOf('labour-force', 'SSS', '2026-06'), '2743596');
    assert.equal(valueOf('jobseekers', 'SSS', '2026-06'), '542318');
    assert.equal(valueOf('long-term-unemployed', 'SSS', '2026-06'), '144461');
    assert.equal(valueOf('vacancies', 'SSS', '2026-06'), '26641');
  });

  test('whole-country shares recomputed from exact integers equal the published and documented values', () => {
    assert.equal(valueOf('unemployment-share', 'SSS', '2026-06'), '12.8');
    assert.equal(valueOf('long-term-unemployed-share', 'SSS', '2026-06'), '41.0');
    assert.equal(valueOf('in-services', 'SSS', '2026-06'), '64198');
    assert.equal(valueOf('in-services-share', 'SSS', '2026-06'), '15.4');
    assert.equal(valueOf('unemployed-or-in-services-share', 'SSS', '2026-06'), '15.2');
    assert.equal(valueOf('unemployed-per-vacancy', 'SSS', '2026-06'), '13.2');
  });

  test('TYOHARJOITTELULOP-based traineeship is 0, not missing', () => {
    assert.equal(valueOf('in-services-traineeship', 'SSS', '2026-06'), '0');
    assert.equal(valueOf('in-services-traineeship', 'KU091', '2026-06'), '0');
  });

  test('Helsinki: 52578 unemployed of 370847, share 14.2, long-term share 47.1', () => {
    assert.equal(valueOf('unemployed', 'KU091', '2026-06'), '52578');
    assert.equal(valueOf('labour-force', 'KU091', '2026-06'), '370847');
    assert.equal(valueOf('unemployment-share', 'KU091', '2026-06'), '14.2');
    assert.equal(valueOf('jobseekers', 'KU091', '2026-06'), '79891');
    assert.equal(valueOf('long-term-unemployed', 'KU091', '2026-06'), '24758');
    assert.equal(valueOf('long-term-unemployed-share', 'KU091', '2026-06'), '47.1');
  });

  test('the Labour Force Survey rate and trend are taken as published (10.0 and 10.5)', () => {
    assert.equal(valueOf('lfs-unemployment-rate', 'SSS', '2026-06'), '10.0');
    assert.equal(valueOf('lfs-unemployment-rate-trend', 'SSS', '2026-06'), '10.5');
  });

  test('every municipal unemployment share of 2026-06 equals the published TYOTOSUUS (or is withheld with it)', () => {
    let compared = 0;
    for (const [area, cell] of m06()) {
      if (!/^KU\d{3}$/.test(area) || area === 'KU199') continue;
      const r = o('unemployment-share', area, '2026-06');
      const share = cell('TYOTOSUUS');
      if (withheld(share)) assert.equal(r?.status, 'suppressed', area);
      else {
        // TYOTOSUUS is published with one decimal ("14.2", "10.0"); the raw file keeps it as a JSON number.
        assert.ok(typeof share.value === 'number', `${area}: ${JSON.stringify(share)}`);
        assert.equal(r?.value, share.value.toFixed(1), area);
        assert.equal(r?.status, 'ok', area);
        compared++;
      }
    }
    // 308 municipalities, four of them withheld (KU062, KU295, KU438, KU766).
    assert.equal(compared, 304);
  });
});

describe('pipeline: employment areas and regions in 2026-06', () => {
  test('the 46 employment areas sum to 351968 unemployed, and only TA46 (withheld members) is a lower bound', () => {
    const codes = Array.from({ length: 46 }, (_, i) => `TA${String(i + 1).padStart(2, '0')}`);
    const tas = codes.map((c) => [c, o('unemployed', c, '2026-06')] as const);
    assert.ok(tas.every(([c, r]) => r !== undefined || assert.fail(`no value for ${c}`)));
    assert.equal(tas.reduce((a, [, r]) => a + Number(r!.value), 0), 351968);
    assert.deepEqual(tas.filter(([, r]) => r!.status !== 'ok').map(([c, r]) => `${c} ${r!.status}`), ['TA46 lower_bound']);
    assert.equal(o('unemployed', 'TA47', '2026-06'), undefined);
  });

  test('every employment area is the sum of its member municipalities in the source, flagged where one is withheld', () => {
    const m = m06();
    const sums = new Map<string, { u: number; l: number; withheld: boolean }>();
    const municipalities = municipalities2025();
    assert.equal(municipalities.length, 308);
    for (const k of municipalities) {
      const cell = m.get(k.code);
      assert.ok(cell, `${k.code} is in the 2026M06 file`);
      const acc = sums.get(k.ta) ?? { u: 0, l: 0, withheld: false };
      const u = cell('TYOTTOMATLOPUSSA');
      if (withheld(u)) acc.withheld = true;
      else acc.u += Number(count(u, k.code));
      acc.l += Number(count(cell('TYOVOIMATK'), k.code));
      sums.set(k.ta, acc);
    }
    assert.equal(sums.size, 46);
    for (const [ta, s] of sums) {
      assert.equal(valueOf('unemployed', ta, '2026-06', s.withheld ? 'lower_bound' : 'ok'), String(s.u), ta);
      assert.equal(valueOf('labour-force', ta, '2026-06'), String(s.l), ta);
    }
    // Åland: 787 known unemployed of 15374 (78700 / 15374 = 5.119…) → at least 5.1.
    assert.equal(valueOf('unemployment-share', 'TA46', '2026-06', 'lower_bound'), '5.1');
  });

  test("each region's published unemployed equals the sum of its municipalities where none is withheld, and is used as published", () => {
    const m = m06();
    const byRegion = new Map<string, string[]>();
    for (const k of municipalities2025()) byRegion.set(k.mk, [...(byRegion.get(k.mk) ?? []), k.code]);
    assert.equal(byRegion.size, 19);
    let checked = 0;
    for (const [mk, members] of byRegion) {
      const published = count(m.get(mk)!('TYOTTOMATLOPUSSA'), mk);
      assert.equal(valueOf('unemployed', mk, '2026-06'), published, `${mk} is StatFin's own figure`);
      const cells = members.map((c) => m.get(c)!('TYOTTOMATLOPUSSA'));
      if (cells.some((c) => withheld(c))) continue;
      assert.equal(cells.reduce((a, c, k) => a + Number(count(c, members[k]!)), 0), Number(published), mk);
      checked++;
    }
    assert.equal(checked, 18, 'every region but Åland (MK21) has no withheld member');
    assert.equal(valueOf('unemployed', 'MK21', '2026-06'), '800');
  });

  test('the 45 TE24 areas are ranked on the unemployment share of 2026-06; Åland TA46 is not', () => {
    const rows = [...comp.values()].filter((r) => r['indicator'] === 'unemployment-share' && r['period'] === '2026-06' && /^TA/.test(r['area_code']!));
    assert.equal(rows.length, 46);
    const ranked = rows.filter((r) => r['rank'] !== '');
    assert.equal(ranked.length, 45);
    assert.ok(ranked.every((r) => r['rank_of'] === '45' && Number(r['rank']) >= 1 && Number(r['rank']) <= 45));
    assert.ok(!ranked.some((r) => r['area_code'] === 'TA46'));
    const ta46 = comp.get('unemployment-share|TA46|2026-06')!;
    assert.deepEqual([ta46['rank'], ta46['rank_of']], ['', '']);
    // Ranks follow the values: the highest share has rank 1.
    const byValue = ranked.map((r) => [Number(o('unemployment-share', r['area_code']!, '2026-06')!.value), Number(r['rank'])] as const);
    for (const [v, rank] of byValue) assert.equal(rank, 1 + byValue.filter(([w]) => w > v).length);
    assert.equal(comp.get('unemployment-share|KU091|2026-06')!['rank'], '', 'municipalities are not ranked');
  });
});

describe('pipeline: history (K3, RATE, U4, population, Kela)', () => {
  test('whole-country unemployed from the 2006–2023 file, and 2023-11 missing (no data in the snapshot)', () => {
    assert.equal(valueOf('unemployed', 'SSS', '2006-01'), '278486');
    assert.equal(valueOf('unemployed', 'SSS', '2020-04'), '433058');
    assert.equal(valueOf('unemployed', 'SSS', '2022-12'), '260444');
    assert.equal(valueOf('unemployed', 'SSS', '2023-06'), '264731');
    assert.equal(valueOf('unemployed', 'SSS', '2023-10'), '256070');
    assert.equal(valueOf('unemployed', 'SSS', '2023-11', 'missing'), '');
  });

  test('whole-country comparisons of 2023-10 follow from the K3 values', () => {
    // data/raw/statfin-tyonv-12r5/2006M01-2023M10.json (from ../shared/data/tyonv/12r5_kunnat_2006M01-2023M10.csv).
    const t = readJsonStat(join(RAW, 'statfin-tyonv-12r5', '2006M01-2023M10.json'));
    const k3 = new Map<string, [number, number]>();
    for (const month of t.codes('timeperiod_m')) {
      const u = t.cell({ Alue: 'SSS', timeperiod_m: month, Tiedot: 'TYOTTOMATLOPUSSA' });
      const l = t.cell({ Alue: 'SSS', timeperiod_m: month, Tiedot: 'TYOVOIMATK' });
      if (u.value === null && u.status === null) continue;
      k3.set(month.replace('M', '-'), [Number(count(u, `SSS ${month}`)), Number(count(l, `SSS ${month}`))]);
    }
    assert.equal(k3.size, 214);
    const months = ['2022-11', '2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10'];
    const sumU = months.reduce((a, m) => a + k3.get(m)![0], 0);
    const r = comp.get('unemployed|SSS|2023-10')!;
    assert.equal(Number(r['yoy_change']), k3.get('2023-10')![0] - k3.get('2022-10')![0]);
    assert.equal(r['yoy_crosses_break'], 'false');
    // ΣU / 12, half up: the sum is an integer, so the half-up rounding is floor((2ΣU + 12) / 24).
    assert.equal(Number(r['avg_12m']), Math.floor((2 * sumU + 12) / 24));
    assert.equal(r['avg_12m_from'], '2022-11');
  });

  test('Helsinki unemployment share: 10.7 (2023-10), 12.5 (2024-12), 12.7 (2025-01, flagged with the TE24 break)', () => {
    assert.equal(valueOf('unemployment-share', 'KU091', '2023-10'), '10.7');
    assert.equal(o('unemployment-share', 'KU091', '2023-10')!.break, '');
    assert.equal(valueOf('unemployment-share', 'KU091', '2024-12'), '12.5');
    assert.equal(valueOf('unemployment-share', 'KU091', '2025-01'), '12.7');
    assert.equal(o('unemployment-share', 'KU091', '2025-01')!.break, 'te24');
    // 12.7 − 11.2 (RATE 2024M01) = 1.5 points, across the break.
    const r = comp.get('unemployment-share|KU091|2025-01')!;
    assert.deepEqual([r['yoy_change'], r['yoy_crosses_break']], ['1.5', 'true']);
  });

  test('Mäntyharju (KU507) before 2025 is restated with Pertunmaa (KU588), reproducing the 2025-division share', () => {
    // K3 2015M03: KU507 420 / 2557 (alone 16.4 %), KU588 107 / 737 → 527 / 3294 = 16.0 %; RATE 2015M03: 16.0.
    assert.equal(valueOf('unemployment-share', 'KU507', '2015-03'), '16.0');
    // K3 2023M10: KU507 211 / 2202, KU588 66 / 625 → 277 / 2827 = 9.8 %; RATE 2023M10: 9.8.
    assert.equal(valueOf('unemployed', 'KU507', '2023-10'), '277');
    assert.equal(valueOf('labour-force', 'KU507', '2023-10'), '2827');
    assert.equal(valueOf('unemployment-share', 'KU507', '2023-10'), '9.8');
    // Vacancies 2023M10: KU507 12, KU588 NA → at least 12.
    assert.equal(valueOf('vacancies', 'KU507', '2023-10', 'lower_bound'), '12');
    // RATE 2025M01 (the new division itself): 11.5.
    assert.equal(valueOf('unemployment-share', 'KU507', '2025-01'), '11.5');
    assert.ok(![...obs.keys()].some((k) => k.includes('|KU588|')), 'the merged municipality is not published');
  });

  test('for every municipality-month 2007-01…2023-10 with a published TYOTOSUUS, the derived share equals it (61567 months)', () => {
    let compared = 0;
    let withheldCells = 0;
    const wrong: string[] = [];
    // data/raw/statfin-tyonv-12r5/TYOTOSUUS-2007M01-2025M01.json (from ../shared/data/tyonv/12r5_TYOTOSUUS_kunnat_2007M01-2025M01.csv,
    // which has a row for each of the 308 municipalities × 217 months).
    const t = readJsonStat(join(RAW, 'statfin-tyonv-12r5', 'TYOTOSUUS-2007M01-2025M01.json'));
    const areaCodes = t.codes('Alue');
    const months = t.codes('timeperiod_m');
    assert.equal(areaCodes.length, 308);
    assert.deepEqual([months.length, months[0], months.at(-1)], [217, '2007M01', '2025M01']);
    for (const area of areaCodes) {
      for (const month of months) {
        const period = month.replace('M', '-');
        if (period > '2023-10') continue;
        const cell = t.cell({ Alue: area, timeperiod_m: month, Tiedot: 'TYOTOSUUS' });
        const r = o('unemployment-share', area, period);
        if (withheld(cell)) {
          withheldCells++;
          if (r?.status !== 'suppressed') wrong.push(`${area} ${period}: withheld, derived ${r?.status}`);
          continue;
        }
        if (typeof cell.value !== 'number' || cell.status !== null) {
          wrong.push(`${area} ${period}: no value in the source (${JSON.stringify(cell)})`);
          continue;
        }
        compared++;
        // Published with one decimal; the raw file keeps it as a JSON number.
        const rate = cell.value.toFixed(1);
        if (r?.value !== rate || r.status !== 'ok') wrong.push(`${area} ${period}: ${rate}, derived ${r?.value} ${r?.status}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
    assert.equal(compared, 61567);
    assert.ok(withheldCells > 0);
  });

  test('the activation rate is taken as published: 29.6 in 2022-02', () => {
    assert.equal(valueOf('activation-rate', 'SSS', '2022-02'), '29.6');
  });

  test('population: whole country 5652881 (2025) and 5603851 (2023), Helsinki 694392 (2025)', () => {
    assert.equal(valueOf('population', 'SSS', '2025'), '5652881');
    assert.equal(valueOf('population', 'SSS', '2023'), '5603851');
    assert.equal(valueOf('population', 'KU091', '2025'), '694392');
  });

  test("every employment area's 2025 population equals Statistics Finland's own TA value (11ra)", () => {
    // data/raw/statfin-vaerak-11ra/2025.json (from ../shared/data/population/11ra_2025_pxweb.json).
    const t = readJsonStat(join(RAW, 'statfin-vaerak-11ra', '2025.json'));
    const tas = t.codes('alue_23_20260101').filter((c) => /^TA\d{2}$/.test(c));
    assert.equal(tas.length, 46);
    for (const ta of tas) {
      const published = count(t.cell({ alue_23_20260101: ta, timeperiod_y: '2025', Tiedot: 'vaerak-vaesto' }), ta);
      assert.equal(valueOf('population', ta, '2025'), published, ta);
    }
    // Helsinki is a single-municipality area: TA08 has Helsinki's population (written by hand above).
    assert.equal(valueOf('population', 'TA08', '2025'), '694392');
  });

  test('Kela recipients: Helsinki 37167 (2026-05) and 38752 (2026-08), and never summed into larger areas', () => {
    assert.equal(valueOf('kela-benefit-recipients', 'KU091', '2026-05'), '37167');
    assert.equal(valueOf('kela-benefit-recipients', 'KU091', '2026-08'), '38752');
    const aggregated = [...obs].filter(([k, r]) => k.startsWith('kela-benefit-recipients|') && r.level !== 'municipality');
    assert.deepEqual(aggregated, []);
  });

  test('Kela recipients of Mäntyharju start in 2025: the pre-merger cells are dropped, not restated (non-additive source)', () => {
    // The Kela file has 507;202412;117 and 588;202412;47, and 507;202501;174.
    const dec = o('kela-benefit-recipients', 'KU507', '2024-12');
    assert.ok(dec === undefined || dec.value === '', `no value for 2024-12, got ${JSON.stringify(dec)}`);
    assert.equal(valueOf('kela-benefit-recipients', 'KU507', '2025-01'), '174');
  });
});

describe('pipeline: areas.json', () => {
  test('308 municipalities, 46 employment areas (45 TE24), 19 regions and the whole country', () => {
    const count = (level: string) => areas.filter((a) => a.level === level).length;
    assert.equal(count('municipality'), 308);
    assert.equal(count('employment_area'), 46);
    assert.equal(count('region'), 19);
    assert.equal(count('country'), 1);
    assert.equal(areas.length, 374);
    const tas = areas.filter((a) => a.level === 'employment_area');
    assert.equal(tas.filter((a) => a.te24 === true).length, 45);
    assert.deepEqual(tas.filter((a) => a.te24 === false).map((a) => a.code), ['TA46']);
  });

  test('single-municipality areas and member counts follow the 2025 key', () => {
    const by = new Map(areas.map((a) => [a.code, a]));
    assert.deepEqual(by.get('TA08')!.members, ['KU091']);
    assert.deepEqual(by.get('TA16')!.members, ['KU286']);
    assert.deepEqual(by.get('TA19')!.members, ['KU398']);
    assert.deepEqual(by.get('TA43')!.members, ['KU092']);
    assert.equal(by.get('TA46')!.members.length, 16);
    const inTe24 = areas.filter((a) => a.level === 'employment_area' && a.te24).reduce((n, a) => n + a.members.length, 0);
    assert.equal(inTe24, 292);
    assert.equal(by.get('KU588'), undefined);
  });
});
