/**
 * Find, compare, download and cite, in a real browser against the built site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { ORIGIN, expectNoAxeViolations, plain } from './helpers.ts';

/** The cells of a worksheet of an .xlsx file (as the portal writes them: numbers and inline strings), row by row; an empty cell is null. */
function sheetCells(xml: string): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const [, r, body] of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const row: (string | number | null)[] = [];
    for (const [, col, v, t] of body!.matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)) {
      const k = [...col!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      while (row.length < k) row.push(null);
      row[k] = v !== undefined ? Number(v) : t!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    }
    rows[Number(r) - 1] = row;
  }
  return rows;
}

test.describe('search', () => {
  test('finds an indicator in Finnish', async ({ page }) => {
    await page.goto('/fi/search/');
    await page.locator('#search-q').fill('pitkäaikaistyöttömät');
    const hit = page.locator('.search-result-link[href="/fi/indicator/long-term-unemployed/"]');
    await expect(hit).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('finds an indicator in Swedish', async ({ page }) => {
    await page.goto('/sv/search/');
    await page.locator('#search-q').fill('lediga jobb');
    await expect(page.locator('.search-result-link[href="/sv/indicator/vacancies/"]')).toHaveCount(1);
  });

  test('finds Kainuu (the region and the employment area)', async ({ page }) => {
    await page.goto('/en/search/');
    await page.locator('#search-q').fill('Kainuu');
    await expect(page.locator('.search-result-link[href="/en/area/mk18/"]')).toHaveCount(1);
  });
});

test.describe('find your area', () => {
  test('the postal code 00100 leads to Helsinki', async ({ page }) => {
    await page.goto('/fi/');
    await page.getByLabel('Kunta tai postinumero').fill('00100');
    await page.getByRole('button', { name: 'Etsi' }).click();
    await expect(page).toHaveURL(/\/fi\/area\/ku091\/$/);
    await expect(page.locator('dl.facts a[href="/fi/area/ta08/"]')).toHaveCount(1);
  });

  test('a name without diacritics is found (Hameenlinna)', async ({ page }) => {
    await page.goto('/sv/');
    await page.getByLabel('Kommun eller postnummer').fill('Hameenlinna');
    // The finder's button (the header's search box has a "Sök" button too).
    await page.getByRole('region', { name: 'Hitta ditt område' }).getByRole('button', { name: 'Sök' }).click();
    await expect(page).toHaveURL(/\/sv\/area\/ku109\/$/);
    await expect(page.locator('h1')).toHaveText('Tavastehus');
  });

  test('an unknown postal code gets a clear message', async ({ page }) => {
    // 00001 is not a Finnish postal code (99999 is: Korvatunturi, Rovaniemi).
    await page.goto('/en/');
    await page.getByLabel('Municipality or postal code').fill('00001');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.locator('.find-result')).toContainText('The postal code 00001 is not in the postal code list');
    await expect(page).toHaveURL(/\/en\/$/);
  });
});

test.describe('compare', () => {
  const url = '/en/compare/?areas=TA08,TA19,TA09&ind=unemployment-share';

  test('three areas survive a reload, and the CSV holds exactly the rows shown', async ({ page }) => {
    await page.goto(url);
    const table = page.locator('#compare-output table').first();
    await expect(table).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/areas=TA08,TA19,TA09&ind=unemployment-share$/);
    await expect(page.locator('#compare-chosen li')).toHaveText([/Helsinki/, /Lahti/, /Jyväskylä-Muurame/]);
    const header = await table.locator('thead th').allInnerTexts();
    expect(header).toEqual(['Period', 'Helsinki', 'Lahti', 'Jyväskylä-Muurame', 'Whole country']);
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV (comma-separated, decimal point)' }).click();
    const text = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
    expect(text[0]).toBe('area_code,area_name,area_level,indicator,period,value,unit,status,break');
    const rows = text.slice(1).map((l) => l.split(','));
    const codes = ['TA08', 'TA19', 'TA09', 'SSS'];
    expect(rows.length).toBe(cells.length * codes.length);
    // Every table cell has its row in the CSV with the same value, and nothing else is there.
    // (Compared as two lists, so that a mismatch shows every difference at once.)
    // The table writes a value with its status ("13.7 % (estimate)", "at least 5", "withheld");
    // the CSV has the value and the status in their own columns.
    const shownAs: Record<string, (v: string) => string> = {
      ok: (v) => v,
      estimate: (v) => `${v} (estimate)`,
      lower_bound: (v) => `at least ${v}`,
      upper_bound: (v) => `at most ${v}`,
      incomplete: (v) => `${v} (incomplete)`,
    };
    const csvByKey = new Map(rows.map((r) => [`${r[0]} ${r[4]}`, r[5] === '' ? (r[7] === 'suppressed' ? 'withheld' : '–') : (shownAs[r[7]!] ?? ((v: string) => `${v} ${r[7]}`))(r[5]!)]));
    const fromTable: string[] = [];
    const fromCsv: string[] = [];
    for (const [period, ...values] of cells) {
      const [m, y] = period!.split('/');
      const iso = `${y}-${m!.padStart(2, '0')}`;
      values.forEach((v, k) => {
        const key = `${codes[k]} ${iso}`;
        fromTable.push(`${key} ${plain(v).replace(/ %/, '')}`);
        fromCsv.push(`${key} ${csvByKey.get(key) ?? '(no row)'}`);
      });
    }
    expect(fromCsv).toEqual(fromTable);
    expect(rows.find((r) => r[0] === 'TA08' && r[4] === '2026-06')?.[5]).toBe('14.2');
    await expectNoAxeViolations(page);
  });

  test('the Excel option holds exactly the tables shown, cell by cell, with the marks in a notes column', async ({ page }) => {
    // Two indicators, a municipality with withheld counts beside two employment areas (Finnish page).
    await page.goto('/fi/compare/?areas=TA08,TA19,KU081&ind=unemployment-share,long-term-unemployed,unemployed-per-vacancy');
    const tables = page.locator('#compare-output table');
    await expect(tables).toHaveCount(3);
    const link = page.getByRole('link', { name: 'Excel (.xlsx)' });
    await expect(link).toBeVisible();
    await expect(page.locator('#compare-downloads')).toContainText('Lataa täsmälleen näkyvät tiedot: CSV (pilkkuerotin, desimaalipiste) · Excel (.xlsx)');
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(file.suggestedFilename()).toBe('tilannekuva-vertailu.xlsx');
    const zip = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    const book = strFromU8(zip['xl/workbook.xml']!);
    // The marks the table writes beside a value, as the page writes them in Finnish.
    const marks: [RegExp, string][] = [[/^vähintään /, 'vähintään'], [/^enintään /, 'enintään'], [/ \(arvio\)$/, 'arvio'], [/ \(vajaa\)$/, 'vajaa']];
    const seen = { number: 0, withheld: 0, marked: 0 };
    for (let k = 0; k < 3; k++) {
      const shown = await tables.nth(k).locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
      const cells = sheetCells(strFromU8(zip[`xl/worksheets/sheet${k + 1}.xml`]!));
      expect(cells.length, `sheet ${k + 1} rows`).toBe(shown.length);
      const [head, ...body] = shown;
      expect(cells[0]).toEqual([...head!.map(plain), 'Huom.']);
      body.forEach(([period, ...values], i) => {
        const notes: string[] = [];
        const expected = values.map((text, j) => {
          let v = plain(text);
          if (v === '–') return null;
          if (v === 'salattu') {
            seen.withheld++;
            return 'salattu';
          }
          for (const [re, word] of marks) {
            if (!re.test(v)) continue;
            v = v.replace(re, '');
            notes.push(`${plain(head![j + 1]!)}: ${word}`);
            seen.marked++;
          }
          seen.number++;
          return Number(v.replace(/\u2212/g, '-').replace(/ %$/, '').replace(/ /g, '').replace(',', '.'));
        });
        const row = cells[i + 1]!;
        while (row.length < values.length + 2) row.push(null);
        expect(row, `sheet ${k + 1} row ${i + 2}`).toEqual([plain(period!), ...expected, notes.length ? notes.join('; ') : null]);
      });
    }
    // The check covered numbers, withheld values and marked ones.
    expect(seen.number).toBeGreaterThan(100);
    expect(seen.withheld).toBeGreaterThan(0);
    expect(seen.marked).toBeGreaterThan(0);
    // A sheet per indicator, named by its short name (Excel allows no "/" in a name), then the notes.
    expect([...book.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Työttömien osuus, %', 'Pitkäaikaistyöttömät', 'Työttömiä \u2215 avoin paikka', 'Tiedot']);
    const notes = strFromU8(zip[`xl/worksheets/sheet4.xml`]!);
    expect(notes).toContain('CC BY 4.0');
    await expectNoAxeViolations(page);
  });

  test('adding an area by keyboard updates the URL; back returns to the previous view', async ({ page }) => {
    await page.goto('/fi/compare/?areas=TA08&ind=unemployment-share');
    await page.getByLabel('Lisää alue (nimi tai tunnus)').fill('Lahti');
    await page.getByLabel('Lisää alue (nimi tai tunnus)').press('Enter');
    await expect(page).toHaveURL(/areas=TA08,TA19/);
    await expect(page.locator('#compare-status')).toContainText('Näytetään 2 aluetta');
    await page.goBack();
    await expect(page).toHaveURL(/areas=TA08&ind=unemployment-share$/);
    await expect(page.locator('#compare-chosen li')).toHaveCount(1);
  });

  test('without JavaScript the page explains and links to the downloads', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto('/en/compare/');
    await expect(page.locator('noscript, .note').first()).toBeAttached();
    expect(await page.content()).toContain('/data/datapackage.json');
    await ctx.close();
  });
});

test('the citation is copied with the full URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/fi/indicator/long-term-unemployed/');
  const citation = plain(await page.locator('p.citation').innerText());
  expect(citation).toContain('Tilannekuva: Pitkäaikaistyöttömät');
  expect(citation).toContain('KEHA-keskus, Työnvälitystilasto');
  expect(citation).toContain(`${ORIGIN}/fi/indicator/long-term-unemployed/`);
  await page.getByRole('button', { name: 'Kopioi viittaus' }).click();
  await expect(page.locator('.copy-status')).toHaveText('Viittaus kopioitu.');
  expect(plain(await page.evaluate(() => navigator.clipboard.readText()))).toBe(citation);
});

test('an embed page draws the chart from its URL', async ({ page }) => {
  await page.goto('/en/embed/?areas=TA19,TA09&ind=unemployment-share');
  await expect(page.locator('svg[aria-label^="Unemployed jobseekers as a share"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open in Tilannekuva' })).toHaveAttribute('href', /\/en\/compare\/\?areas=TA19,TA09&ind=unemployment-share$/);
});

test('the page, the indicator CSV, the JSON-stat file and the workbooks give the same Helsinki values (2026-08 13.7 %, 2026-06 14.2 %)', async ({ page, request }) => {
  // Helsinki is one municipality, so its area's share is the municipality's published one (12tf, 12r5).
  await page.goto('/en/area/ta08/');
  expect(plain(await page.locator('main').innerText())).toContain('13.7 %');
  const csv = strFromU8(unzipSync(new Uint8Array(await (await request.get('/data/indicators/unemployment-share.csv.zip')).body()))['unemployment-share.csv']!);
  expect(csv.split('\n')).toContain('TA08,Helsinki,employment_area,unemployment-share,2026-08,13.7,percent,ok,');
  expect(csv.split('\n')).toContain('TA08,Helsinki,employment_area,unemployment-share,2026-06,14.2,percent,ok,');
  // Checked against public releases (../shared/data/README.md): Helsinki 13.8 % in 2025-12, Äänekoski 16.8 % in 2025-06.
  expect(csv.split('\n')).toContain('KU091,Helsinki,municipality,unemployment-share,2025-12,13.8,percent,ok,');
  expect(csv.split('\n')).toContain('KU992,Äänekoski,municipality,unemployment-share,2025-06,16.8,percent,ok,');
  const js = await (await request.get('/data/areas/ta08.json')).json();
  const inds = Object.keys(js.dimension.indicator.category.index);
  const periods = Object.keys(js.dimension.period.category.index);
  expect(js.value[inds.indexOf('unemployment-share') * periods.length + periods.indexOf('2026-06')]).toBe(14.2);
  expect(strFromU8(unzipSync(readFileSync(join(process.cwd(), 'dist', 'data', 'indicators', 'unemployed.csv.zip')))['unemployed.csv']!)).toContain('SSS,Koko maa,country,unemployed,2026-06,352001,persons,ok,');
  // The wide workbooks: the area's (a row per period, a column per indicator) and the indicator's
  // (a row per area, a column per period), each with its status sheet.
  const sheets = async (path: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await request.get(path)).body()) as unknown as ArrayBuffer);
    const grid = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(1).map((r) => Array.from((r as unknown[] | undefined) ?? []).slice(1));
    return { data: grid('data'), status: grid('status') };
  };
  const area = await sheets('/data/areas/ta08.xlsx');
  const col = area.data[0]!.indexOf('unemployment-share (percent)');
  const row = area.data.findIndex((r) => r[0] === '2026-06');
  expect(area.data[row]![col]).toBe(14.2);
  expect(area.status[row]![col] ?? null).toBe(null);
  const ind = await sheets('/data/indicators/unemployment-share.xlsx');
  const ta08 = ind.data.find((r) => r[0] === 'TA08')!;
  expect(ta08.slice(0, 3)).toEqual(['TA08', 'Helsinki', 'employment_area']);
  expect(ta08[ind.data[0]!.indexOf('2026-08')]).toBe(13.7);
  expect(ind.data.find((r) => r[0] === 'KU091')![ind.data[0]!.indexOf('2025-12')]).toBe(13.8);
  // The whole country's share of 2026-08 is an estimate (from its municipalities' shares): marked.
  const sss = ind.data.findIndex((r) => r[0] === 'SSS');
  expect(ind.status[sss]![ind.data[0]!.indexOf('2026-08')]).toBe('estimate');
});
