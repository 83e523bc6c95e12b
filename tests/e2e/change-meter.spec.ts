/**
 * Customer-change aggregates end to end: a valid test file (invented numbers, tests/fixtures) is
 * imported into a temporary copy of data/change-meter, the pages are built from that copy into a
 * temporary folder, and the area pages show the aggregates with n, coverage, the instrument and
 * its scale, and withhold what the privacy rules withhold. The shipped site (dist/, built from
 * data/) must contain none of it.
 *
 * Expected values are the fixture's own numbers (tests/fixtures/change-meter/thresholds.csv, with
 * the test registry tests/fixtures/change-meter/instruments.yaml): TA01 n = 3 (suppressed), TA02
 * n = 7 of 10 measured (shares withheld), TA03 n = 12 of 16 measured, coverage 75 %, 5 improved,
 * 0 unchanged, 7 worse of 12 = 42 % / 0 % / 58 %, median −2.5 on a 1–5 scale (all shown).
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations, plain } from './helpers.ts';
import { serveFolder } from '../../scripts/lib/static-server.ts';

const FIXTURE = 'tests/fixtures/change-meter/thresholds.csv';
const INSTRUMENT = 'Testimittari';

let dir = '';
let server: Server | undefined;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'tilannekuva-change-meter-'));
  cpSync('data/change-meter', join(dir, 'change-meter'), { recursive: true });
  cpSync('tests/fixtures/change-meter/instruments.yaml', join(dir, 'change-meter', 'instruments.yaml'));
  const imported = spawnSync(process.execPath, ['scripts/import-change-meter.ts', '--file', FIXTURE, '--out', join(dir, 'change-meter')], { encoding: 'utf8' });
  expect(imported.status, imported.stderr + imported.stdout).toBe(0);
  const built = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'dist')], {
    encoding: 'utf8',
    env: { ...process.env, TILANNEKUVA_CHANGE_METER: join(dir, 'change-meter', 'published') },
  });
  expect(built.status, built.stderr.slice(-2000)).toBe(0);
  ({ server, origin } = await serveFolder(join(dir, 'dist')));
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an imported aggregate appears on the area page with n, coverage, instrument and scale', async ({ page }) => {
  await page.goto(`${origin}/fi/area/ta03/`);
  const part = page.locator('[data-change-meter="published"]');
  await expect(part).toBeVisible();
  await expect(part.getByRole('heading', { name: /Testimittari 1\.0/ })).toContainText('Asteikko 1-5');
  const row = part.locator('tbody tr').first();
  const cells = (await row.locator('th, td').allInnerTexts()).map(plain);
  expect(cells).toEqual(['Työllistyvyys', '2025', '12', '75 % 16 mitatusta', '42 %', '0 %', '58 %', '−2,5']);
  await expect(part).toContainText('Eri mittareiden tulokset eivät ole keskenään vertailukelpoisia.');
  await expectNoAxeViolations(page);
});

test('withheld figures are not shown: shares under n = 10, everything under n = 5', async ({ page }) => {
  await page.goto(`${origin}/en/area/ta02/`);
  const two = page.locator('[data-change-meter="published"] tbody tr').first();
  expect((await two.locator('th, td').allInnerTexts()).map(plain)).toEqual([
    'Työllistyvyys',
    '2025',
    '7',
    '70 % of 10 measured',
    'shares withheld',
  ]);
  await page.goto(`${origin}/en/area/ta01/`);
  const one = page.locator('[data-change-meter="published"] tbody tr').first();
  expect((await one.locator('th, td').allInnerTexts()).map(plain)).toEqual([
    'Työllistyvyys',
    '2025',
    '–',
    '–',
    'withheld',
  ]);
  await expect(page.locator('[data-change-meter="published"]')).toContainText('fewer than 5 customers');
});

test('a municipality profile points to its employment area, never its own aggregate', async ({ page }) => {
  await page.goto(`${origin}/sv/area/ku091/`);
  await expect(page.locator('[data-change-meter]')).toHaveCount(0);
  await expect(page.locator('#progress').locator('..')).toContainText('aldrig för en enskild kommun');
});

test('the theme page and the methodology page list the published file, never the submitted file', async ({ page }) => {
  await page.goto(`${origin}/en/progress/`);
  await expect(page.locator('#change ~ div[data-change-meter="published"] tbody tr')).toHaveCount(7);
  await page.goto(`${origin}/en/methodology/customer-change/`);
  await expect(page.locator('#published ~ div table tbody tr')).toHaveCount(1);
  await expect(page.locator('#published ~ div table tbody tr')).toContainText('Testimittari');
  const leaks = textFiles(join(dir, 'dist')).filter((f) => readFileSync(f, 'utf8').includes('thresholds.csv'));
  expect(leaks, 'the submitted file name is published nowhere').toEqual([]);
});

/** Every text file under `root`. */
function textFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...textFiles(path));
    else if (/\.(html|csv|json|js|txt|xml)$/.test(name)) out.push(path);
  }
  return out;
}

test('the shipped site holds no test aggregate and says that no area has published', async ({ page }) => {
  expect(readdirSync('data/change-meter/published').filter((n) => n !== '.gitkeep')).toEqual([]);
  const leaks = textFiles('dist').filter((f) => readFileSync(f, 'utf8').includes(INSTRUMENT));
  expect(leaks).toEqual([]);
  for (const path of ['/fi/area/ta03/', '/sv/progress/', '/en/methodology/customer-change/']) {
    await page.goto(path);
    await expect(page.locator('[data-change-meter="none"]')).toHaveCount(1);
    await expect(page.locator('[data-change-meter="published"]')).toHaveCount(0);
  }
});
