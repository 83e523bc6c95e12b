/**
 * Downloads of exactly the tables the pages show: the ranking of an indicator page and the front
 * page's largest rises and falls, downloaded in the browser (a click on the link), hold the same
 * areas in the same order with the same numbers as the table on the page; the Excel option is a
 * workbook; the data catalogue page lists the files with their sizes.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseCsvLine, plain } from './helpers.ts';

const langs = ['fi', 'sv', 'en'] as const;

/** Rows of fields of a CSV file whose fields hold no line breaks (area names and numbers). */
const parseCsv = (text: string): string[][] => text.split('\n').filter(Boolean).map(parseCsvLine);

/** The number a page cell shows ("13,7 %", "+0,5 %‑yks.", "−1.2 pp (estimate)", "4 974"), as the CSV writes it; '' for none ("–"). */
function shownNumber(text: string): string {
  const t = plain(text).replace(/\u2212/g, '-');
  const m = /[+-]?\d[\d ]*(?:[.,]\d+)?/.exec(t);
  if (!m) return '';
  return String(Number(m[0].replace(/ /g, '').replace(',', '.')));
}

/** Clicks a download link and returns the downloaded file's bytes. */
async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await file.path())!);
}

for (const lang of langs) {
  test(`${lang}: the downloaded ranking CSV is the ranking on the indicator page`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/${lang}/indicator/unemployment-share/`);
    const section = page.locator('section', { has: page.locator('h2#ranking') });
    const csv = parseCsv((await download(page, section.locator('a[data-table-csv]'))).toString('utf8'));
    const [header, ...rows] = csv;
    // The page's columns: rank, area, share, change, difference to the country; the file adds the area code and a notes column.
    expect(header).toHaveLength(7);
    const shown = await section.locator('table tbody tr, table tfoot tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText)));
    expect(rows).toHaveLength(shown.length);
    expect(shown.length).toBe(47); // 45 TE24 areas, Åland, the whole country
    rows.forEach((r, i) => {
      const [rank, area, value, change, diff] = shown[i]!;
      expect(r[0], `row ${i + 1} rank`).toBe(shownNumber(rank!));
      expect(plain(area!).startsWith(r[2]!), `row ${i + 1}: ${area} vs ${r[2]}`).toBe(true);
      expect(r[3], `row ${i + 1} value`).toBe(shownNumber(value!));
      expect(r[4], `row ${i + 1} change`).toBe(shownNumber(change!));
      expect(r[5], `row ${i + 1} difference`).toBe(shownNumber(diff!));
    });
    // Helsinki (TA08) is in it by its code.
    expect(rows.some((r) => r[1] === 'TA08')).toBe(true);
    // The Excel option beside it is a workbook (a zip file).
    const xlsx = await download(page, section.locator('.table-download a').nth(1));
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  });
}

test('the front page: each table of largest changes downloads as exactly that table', async ({ page }) => {
  await page.goto('/fi/');
  const section = page.locator('section', { has: page.locator('h2#movers') });
  const tables = section.locator('.table-scroll');
  expect(await tables.count()).toBe(2);
  for (let k = 0; k < 2; k++) {
    const box = tables.nth(k);
    const [, ...rows] = parseCsv((await download(page, box.locator('a[data-table-csv]'))).toString('utf8'));
    const shown = await box.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText)));
    expect(rows.length).toBe(shown.length);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((r, i) => {
      expect(r[1]).toBe(plain(shown[i]![0]!));
      expect(r[2]).toBe(shownNumber(shown[i]![1]!));
      expect(r[3]).toBe(shownNumber(shown[i]![2]!));
    });
  }
});

for (const lang of langs) {
  test(`${lang}: the data catalogue page lists the files with their sizes`, async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.goto(`/${lang}/downloads/`);
    await expect(page.locator('a[href="/data/tilannekuva.zip"]')).toBeVisible();
    await expect(page.locator('a[href="/data/comparisons/unemployment-share.csv.zip"]')).toBeVisible();
    await expect(page.locator('a[href="/data/indicators/unemployment-share.xlsx"]')).toBeVisible();
    // A link shows the file's ending; its accessible name is the whole file name.
    await expect(page.getByRole('link', { name: 'unemployment-share.parquet', exact: true })).toHaveAttribute('href', '/data/indicators/unemployment-share.parquet');
    // Every size mark got its size.
    const sizes = await page.locator('data').evaluateAll((ds) => ds.map((d) => [d.getAttribute('value'), (d as HTMLElement).innerText]));
    expect(sizes.length).toBeGreaterThan(100);
    for (const [value, text] of sizes) {
      expect(Number(value), `${value}`).toBeGreaterThan(0);
      expect(text).toMatch(/^\d[\d  ,.]*\u00a0(kB|MB)$/);
    }
    const zip = await request.head('/data/tilannekuva.zip');
    expect(zip.ok()).toBe(true);
    // axe checks this page in every language in all-pages.spec.ts ("data catalogue").
  });
}

test("a chart's Excel workbook, written in the browser, holds the chart's table", async ({ page }) => {
  await page.goto('/en/area/ta17/');
  const figure = page.locator('section:has(#series) figure.chart').first();
  const button = figure.getByRole('button', { name: 'Excel (.xlsx)' });
  await expect(button).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(file.suggestedFilename()).toMatch(/^area-ta17-[a-z-]+\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['data', 'status', 'notes']);
  const data = wb.getWorksheet('data')!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  // The page's table: newest period first; the workbook: oldest first, the same periods and values.
  const shown = await figure.locator('table.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-key'), ...[...tr.querySelectorAll('td')].map((c) => c.textContent!)]));
  const body = data.slice(1).reverse();
  expect(body.map((r) => r[0])).toEqual(shown.map((r) => r[0]));
  body.forEach((r, i) => {
    shown[i]!.slice(1).forEach((cell, k) => {
      const n = shownNumber(cell!);
      expect(r[k + 1] === undefined || r[k + 1] === null ? '' : String(r[k + 1]), `${shown[i]![0]} column ${k + 1}`).toBe(n);
    });
  });
  expect(String(wb.getWorksheet('notes')!.getCell('A1').value)).toMatch(/^Tilannekuva: /);
});
