/**
 * Generates input files the size of a full live refresh, for the benchmarks only (npm run
 * bench:data, npm run bench:full): a copy of the shared real data in which table 12r5 holds every
 * area of its real 2026M06 response × all 23 contents for every month from 2006M01 to the latest
 * month released by today, and tables 12u4 and 135z (the whole country) run to the same month.
 * Values are made deterministically from the real ones (scaled by a smooth seasonal factor), so
 * sizes and suppression patterns are realistic; they are timing material, kept in a temporary
 * folder, and never reach data/ or the site.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A month as `YYYYMmm`, PxWeb's form. */
const pxMonth = (year: number, month: number) => `${year}M${String(month).padStart(2, '0')}`;

/**
 * The latest month of the Employment Service Statistics released on `today`: a month appears
 * about three weeks after it ends (the June 2026 table is stamped 2026-07-21), so the month whose
 * end lies at least 21 days before `today`.
 */
export function latestReleasedMonth(today: Date): { year: number; month: number } {
  let year = today.getUTCFullYear();
  let month = today.getUTCMonth() + 1;
  for (;;) {
    const released = Date.UTC(year, month, 0) + 21 * 86_400_000; // the month's last day + 21 days
    if (released <= today.getTime()) return { year, month };
    month--;
    if (month === 0) {
      month = 12;
      year--;
    }
  }
}

/** The months 2006M01 … `end` in PxWeb's form. */
export function monthsFrom2006(end: { year: number; month: number }): string[] {
  const out: string[] = [];
  for (let y = 2006; y <= end.year; y++) for (let m = 1; m <= (y === end.year ? end.month : 12); m++) out.push(pxMonth(y, m));
  return out;
}

/** A smooth seasonal factor for the k-th month (timing material: realistic magnitudes only). */
const factor = (k: number) => 1 + 0.1 * Math.sin((k / 12) * 2 * Math.PI);

interface PxJson {
  columns: unknown[];
  data: { key: string[]; values: string[] }[];
  metadata: unknown[];
}

/**
 * Copies `shared` into `out` and replaces the 12r5 response, the 12u4 file and the 135z response
 * by generated ones reaching `end`. Returns the number of 12r5 cells and the months.
 */
export function writeFullSizeInput(shared: string, out: string, end = latestReleasedMonth(new Date())): { cells: number; months: string[] } {
  cpSync(shared, out, { recursive: true });
  const months = monthsFrom2006(end);

  // 12r5: every area × all contents × every month, from the real 2026M06 response.
  const path12r5 = join('tyonv', '12r5_2026M06_pxweb.json');
  const real = JSON.parse(readFileSync(join(shared, path12r5), 'utf8')) as PxJson;
  // Table 12tf publishes the same share (TYOTOSUUS) and validate checks that both agree, as they do
  // in a real refresh: where the real 12tf file has a municipality-month, the share is taken from it
  // (an absent cell is withheld).
  const share12tf = new Map<string, string>();
  const lines12tf = readFileSync(join(shared, 'tyonv', '12tf_TYOTOSUUS_kunnat_2024M07-2026M08.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines12tf) {
    const [area, period, value] = line.split(',').map((c) => JSON.parse(c) as string);
    share12tf.set(`${area} ${period}`, value!);
  }
  const periods12tf = new Set(lines12tf.map((l) => JSON.parse(l.split(',')[1]!) as string));
  const data: PxJson['data'] = [];
  months.forEach((period, k) => {
    for (const row of real.data) {
      const area = row.key[0]!;
      // Keep suppression, the labour force (c = 2) and the published share (c = 3) as they are.
      const values = row.values.map((v, c) => (v === '...' || c === 2 || c === 3 ? v : String(Math.round(Number(v) * factor(k)))));
      if (area.startsWith('KU') && periods12tf.has(period) && area !== 'KU199' && area !== 'KUJOU') values[3] = share12tf.get(`${area} ${period}`) ?? '...';
      data.push({ key: [area, period], values });
    }
  });
  writeFileSync(join(out, path12r5), JSON.stringify({ ...real, data }));

  // 12u4 (whole country): the real months, then each later month repeats the same calendar month of the last real year.
  const path12u4 = join('tyonv', '12u4_SSS_2006M01-2022M02.csv');
  const lines = readFileSync(join(shared, path12u4), 'utf8').trimEnd().split('\n');
  const byMonth = new Map(lines.slice(1).map((l) => [JSON.parse(l.slice(0, l.indexOf(','))) as string, l.slice(l.indexOf(','))]));
  const lastReal = [...byMonth.keys()].at(-1)!;
  const rows12u4 = months.map((period) => {
    const own = byMonth.get(period);
    if (own) return `"${period}"${own}`;
    const sameMonth = [...byMonth.keys()].filter((p) => p.slice(4) === period.slice(4) && p <= lastReal).at(-1)!;
    return `"${period}"${byMonth.get(sameMonth)!}`;
  });
  writeFileSync(join(out, path12u4), [lines[0], ...rows12u4].join('\n') + '\n');

  // 135z (whole country): the real 2026M06 values for every month.
  const path135z = join('tyonv', 'tyti_135z_2026M06_pxweb.json');
  const lfs = JSON.parse(readFileSync(join(shared, path135z), 'utf8')) as PxJson;
  writeFileSync(join(out, path135z), JSON.stringify({ ...lfs, data: months.map((period) => ({ key: [period], values: lfs.data[0]!.values })) }));

  return { cells: data.length * real.data[0]!.values.length, months };
}
