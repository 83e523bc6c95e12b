/**
 * Issue 13 in a real browser: a municipality page carries its employment area's standing and
 * similar areas; the comparison tool finds areas from part of a name without accents, says
 * which level each is, names the areas an address asks for beyond ten, and keeps the focus after
 * a removal; the not-found page has the site's frame and a search box. Expected values are
 * written by hand from data/derived (Lahti TA19, unemployment share 2026-08: 16.8 %, rank 1 of 45,
 * +4.8 points to the whole country, an estimate because the country's figure is one).
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, plain } from './helpers.ts';

test('the municipality of Lahti shows its employment area\'s rank among the 45 and its similar areas', async ({ page }) => {
  await page.goto('/en/area/ku398/');
  const section = page.locator('section[aria-labelledby="ea-context"]');
  await expect(section.locator('h2')).toHaveText('Employment area Lahti');
  expect(plain(await section.locator('p.standing strong').innerText())).toBe('August 2026: 16.8 %, highest of the 45 areas, +4.8 pp (estimate) compared with the whole country.');
  await expect(section.locator('table.peers tbody tr')).toHaveCount(6);
  await expect(section.locator('table.peers tbody tr').first().locator('th')).toHaveText('Lahti');
  await page.goto('/fi/area/ku398/');
  expect(plain(await page.locator('p.standing strong').innerText())).toBe('Elokuu 2026: 16,8 %, suurin 45 alueesta, +4,8 %‑yks. (arvio) koko maahan verrattuna.');
  await page.goto('/sv/area/ku398/');
  expect(plain(await page.locator('p.standing strong').innerText())).toContain('högst av 45 områden');
  await expectNoAxeViolations(page);
});

test('the Lahti municipality citation names the period of the figure it cites', async ({ page }) => {
  await page.goto('/en/area/ku398/');
  // It cites one figure, the unemployment share, and that figure's month (the table of latest
  // figures mixes months of several sources).
  expect(plain(await page.locator('p.citation').innerText())).toMatch(/^Tilannekuva: Unemployed jobseekers as a share of the labour force, Lahti, August 2026\. Source: /);
  const row = page.locator('section[aria-labelledby="latest"] tbody tr', { has: page.locator('a[href="/en/indicator/unemployment-share/"]') });
  await expect(row.locator('td').first()).toHaveText('8/2026');
});

test.describe('compare: finding areas', () => {
  test('"jyvas" and "Jyväs" suggest both Jyväskylä areas with their levels; a suggestion is added', async ({ page }) => {
    await page.goto('/en/compare/?areas=TA08&ind=unemployment-share');
    const input = page.getByLabel('Add an area (name or code)');
    await input.fill('jyvas');
    await expect(page.locator('#compare-suggest button')).toHaveText(['Jyväskylä-Muurame (employment area)', 'Jyväskylä (municipality)']);
    await input.fill('Jyväs');
    await expect(page.locator('#compare-suggest button')).toHaveCount(2);
    await input.press('ArrowDown');
    await expect(page.locator('#compare-suggest button').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/areas=TA08,KU179&/);
    await expect(page.locator('#compare-chosen li')).toHaveText([/^Helsinki \(employment area\)/, /^Jyväskylä \(municipality\)/]);
    await expect(input).toBeFocused();
  });

  test('"Lahti" offers the employment area and the municipality, each with its level', async ({ page }) => {
    await page.goto('/fi/compare/?areas=TA08&ind=unemployment-share');
    await page.getByLabel('Lisää alue (nimi tai tunnus)').fill('lahti');
    await expect(page.locator('#compare-suggest button').nth(0)).toHaveText('Lahti (työllisyysalue)');
    await expect(page.locator('#compare-suggest button').nth(1)).toHaveText('Lahti (kunta)');
  });

  test('after "Remove" the focus goes to the next remove button, and to the field after the last', async ({ page }) => {
    await page.goto('/en/compare/?areas=TA08,TA19,TA09&ind=unemployment-share');
    await expect(page.locator('#compare-output table').first()).toBeVisible();
    await page.getByRole('button', { name: 'Remove Lahti (employment area)' }).click();
    await expect(page.getByRole('button', { name: 'Remove Jyväskylä-Muurame (employment area)' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove Helsinki (employment area)' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Add an area (name or code)')).toBeFocused();
    await expect(page).not.toHaveURL(/areas=/);
  });

  test('an address with more than ten areas says which were left out', async ({ page }) => {
    await page.goto('/en/compare/?areas=TA01,TA02,TA03,TA04,TA05,TA06,TA07,TA08,TA09,TA10,TA11,TA12&ind=unemployment-share');
    await expect(page.locator('#compare-chosen li')).toHaveCount(10);
    const message = plain(await page.locator('#compare-message').innerText());
    expect(message).toContain('At most 10 areas can be compared');
    expect(message).toContain('Kerava-Sipoo (employment area), Central Ostrobothnia (employment area) were left out');
  });
});

test('the not-found page has the site header, navigation and a search box that goes to the search', async ({ page }) => {
  const res = await page.goto('/fi/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('header.site nav.main a')).toHaveCount(9);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Haku', exact: true }).fill('Lahti');
  await page.getByRole('searchbox', { name: 'Haku', exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/fi\/search\/\?q=Lahti$/);
});
