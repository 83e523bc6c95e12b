/**
 * Keyboard-only walk-throughs of the front page, a profile, an indicator page, search and the
 * comparison tool: the skip link comes first and works, every focus stop is on screen with a
 * visible focus indicator, focus never gets stuck, and the main task of each page can be done
 * with the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';

/** What the focused element looks like: its box and whether a focus indicator is drawn. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    return {
      id: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      indicator: outline || shadow,
    };
  });
}

/** Tabs `stops` times from the top; every stop must be visible with a focus indicator. */
async function walk(page: Page, stops: number): Promise<string[]> {
  const seen: string[] = [];
  for (let k = 0; k < stops; k++) {
    await page.keyboard.press('Tab');
    const f = await focusState(page);
    if (!f) break; // focus left the document: the end of the page
    expect(f.visible, `focus stop ${k + 1} ${f.id} is on screen`).toBe(true);
    expect(f.indicator, `focus stop ${k + 1} ${f.id} shows a focus indicator`).toBe(true);
    seen.push(f.id);
  }
  return seen;
}

async function skipLinkWorks(page: Page) {
  await page.keyboard.press('Tab');
  const first = await focusState(page);
  expect(first?.id).toContain('a "');
  await expect(page.locator('a.skip')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
}

for (const [name, path] of [
  ['front page', '/fi/'],
  ['employment-area profile', '/fi/area/ta19/'],
  ['indicator page', '/fi/indicator/long-term-unemployed-share/'],
] as const) {
  test(`${name}: skip link, then 40 visible focus stops without a trap`, async ({ page }) => {
    await page.goto(path);
    await skipLinkWorks(page);
    const seen = await walk(page, 40);
    expect(new Set(seen).size, 'focus moves on').toBeGreaterThan(20);
  });
}

test('indicator page: the ranking sorts from the keyboard', async ({ page }) => {
  await page.goto('/fi/indicator/long-term-unemployed-share/');
  const sortButton = page.locator('table.sortable thead button', { hasText: 'Alue' });
  await sortButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('table.sortable thead th[aria-sort]')).toHaveAttribute('aria-sort', 'ascending');
});

test('search: type a query, reach a result and open it with the keyboard', async ({ page }) => {
  await page.goto('/fi/search/');
  await skipLinkWorks(page);
  // Tab to the search field.
  for (let k = 0; k < 10 && !(await page.locator('#search-q').evaluate((el) => el === document.activeElement)); k++) {
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('#search-q')).toBeFocused();
  await page.keyboard.type('Kainuu');
  await expect(page.locator('.search-result-link').first()).toBeVisible();
  for (let k = 0; k < 15 && !(await page.evaluate(() => document.activeElement?.classList.contains('search-result-link'))); k++) {
    await page.keyboard.press('Tab');
    const f = await focusState(page);
    expect(f?.indicator, `focus stop ${f?.id}`).toBe(true);
  }
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/search\//);
  await expect(page.locator('h1')).toBeVisible();
});

test('comparison tool: add an area and an indicator and reach the download, keyboard only', async ({ page }) => {
  await page.goto('/fi/compare/?areas=TA08&ind=unemployment-share');
  await skipLinkWorks(page);
  const areaInput = page.getByLabel('Lisää alue (nimi tai tunnus)');
  for (let k = 0; k < 15 && !(await areaInput.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(areaInput).toBeFocused();
  await page.keyboard.type('Kainuu');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/areas=TA08,MK18/); // Kainuu, the region
  await expect(page.locator('#compare-status')).toContainText('Näytetään 2 aluetta');
  const select = page.locator('#compare-ind');
  for (let k = 0; k < 15 && !(await select.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(select).toBeFocused();
  await select.selectOption('long-term-unemployed');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ind=unemployment-share,long-term-unemployed/);
  const download = page.locator('#compare-csv');
  for (let k = 0; k < 60 && !(await download.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(download).toBeFocused();
  expect((await focusState(page))?.indicator).toBe(true);
});
