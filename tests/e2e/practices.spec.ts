/**
 * Good practices in a real browser: filters, links between practices, areas and indicators, and
 * the proposal form (accessible errors; the file it makes is accepted by the build's validator).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

test('filtering by an indicator shows the practices that aim to move it', async ({ page }) => {
  await page.goto('/en/practices/');
  const visible = () => page.locator('.practice-list > li:visible h2');
  await expect(visible()).toHaveCount(6);
  await page.getByLabel('Indicator').selectOption('unemployed-disabled-ill');
  await expect(visible()).toHaveText(['Kykyviisari – self-assessment of work and functional capacity']);
  await expect(page.locator('#practice-count')).toHaveText('1 practices shown');
  await page.getByLabel('Indicator').selectOption('unemployment-share');
  await expect(visible()).toHaveText([/Rovaniemi/, /Työllisyyskuva/]);
  await expect(page).toHaveURL(/\?indicator=unemployment-share$/);
  await expectNoAxeViolations(page);
});

test('a practice page links to its areas and indicators, and they link back', async ({ page }) => {
  await page.goto('/fi/practices/rovaniemi-outcome-based-pilot/');
  await expectNoAxeViolations(page);
  await page.locator('dl.facts').getByRole('link', { name: 'Rovaseutu' }).click();
  await expect(page).toHaveURL(/\/fi\/area\/ta33\/$/);
  await expect(page.locator('#practices ~ ul a[href="/fi/practices/rovaniemi-outcome-based-pilot/"]')).toHaveCount(1);
  await page.goto('/fi/practices/rovaniemi-outcome-based-pilot/');
  await page.locator('dl.facts').getByRole('link', { name: 'Työttömien osuus, %', exact: true }).click();
  await expect(page).toHaveURL(/\/fi\/indicator\/unemployment-share\/$/);
  await expect(page.locator('section:has(#practices) a[href="/fi/practices/rovaniemi-outcome-based-pilot/"]')).toHaveCount(1);
});

test.describe('propose a practice', () => {
  test('an invalid entry gets an accessible error summary and marked fields', async ({ page }) => {
    await page.goto('/en/practices/propose/');
    await page.getByLabel(/^File name/).fill('Not A Valid Name');
    await page.getByRole('button', { name: 'Make the file' }).click();
    const summary = page.locator('#propose-errors');
    await expect(summary).toBeVisible();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).not.toHaveCount(0);
    await expect(page.getByLabel(/^File name/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#p-id-error')).toContainText('lower-case words');
    await expect(page.locator('#p-source-url')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#propose-result')).toBeHidden();
    await expectNoAxeViolations(page);
  });

  test('a valid entry makes a file that the build accepts', async ({ page }) => {
    await page.goto('/en/practices/propose/');
    await page.getByLabel(/^File name/).fill('test-proposal-from-form');
    await page.getByLabel('Language of the text').selectOption('en');
    await page.getByLabel(/^Title/).fill('A test proposal');
    await page.getByLabel(/^Summary/).fill('Made by the end-to-end test; never published.');
    await page.getByLabel(/^Employment areas/).selectOption(['TA19']);
    await page.getByLabel('young people').check();
    await page.getByLabel(/^Indicators it aims to move/).selectOption(['unemployment-share']);
    await page.getByLabel(/^Start/).fill('2025');
    await page.getByLabel('Public source: title').fill('A public page');
    await page.getByLabel('Public source: address (https://…)').fill('https://example.org/page');
    await page.getByLabel(/^Contact organisation/).fill('An organisation');
    await page.getByLabel(/^Description/).fill('What is done and for whom.');
    await page.getByRole('button', { name: 'Make the file' }).click();
    await expect(page.locator('#propose-ok')).toBeFocused();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the file' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('areas: ["TA19"]');
    // The build's own validator accepts it, in a temporary copy of the library.
    const dir = mkdtempSync(join(tmpdir(), 'practices-'));
    try {
      cpSync(join(process.cwd(), 'data', 'practices'), dir, { recursive: true });
      writeFileSync(join(dir, 'test-proposal-from-form.md'), text);
      const out = execFileSync(process.execPath, [join(process.cwd(), 'scripts', 'validate-practices.ts'), '--dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
