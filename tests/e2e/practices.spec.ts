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

test('filtering by an indicator or an evidence level shows the matching practices', async ({ page }) => {
  await page.goto('/en/practices/');
  const visible = () => page.locator('.practice-list > li:visible h2');
  await expect(visible()).toHaveCount(11);
  // Every card shows its evidence level.
  await expect(page.locator('.practice-list > li .practice-evidence')).toHaveCount(11);
  await page.getByLabel('Indicator').selectOption('unemployed-foreign-nationals-share');
  await expect(visible()).toHaveText(['The integration social impact bond pilot (Koto-SIB) 2016–2019']);
  await expect(page.locator('#practice-count')).toHaveText('1 practices shown');
  await page.getByLabel('Indicator').selectOption('');
  await page.getByLabel('Evidence').selectOption('randomised');
  await expect(visible()).toHaveText([/^IPS/]);
  await page.getByLabel('Evidence').selectOption('comparison-group');
  await expect(visible()).toHaveText(['Periodic interviews with unemployed jobseekers']);
  await expect(page).toHaveURL(/\?evidence=comparison-group$/);
  await expectNoAxeViolations(page);
});

test('a practice page links to its areas and indicators, and they link back', async ({ page }) => {
  await page.goto('/fi/practices/viok-impact-based-employment-model/');
  await expectNoAxeViolations(page);
  await page.locator('dl.facts').getByRole('link', { name: 'Rovaseutu' }).click();
  await expect(page).toHaveURL(/\/fi\/area\/ta33\/$/);
  await expect(page.locator('#practices ~ ul a[href="/fi/practices/viok-impact-based-employment-model/"]')).toHaveCount(1);
  await page.goto('/fi/practices/viok-impact-based-employment-model/');
  await expect(page.locator('dl.facts').getByRole('link', { name: 'Pohjois- ja Itä-Lappi' })).toHaveCount(1);
  await page.locator('dl.facts').getByRole('link', { name: 'Pitkäaikaistyöttömien osuus, %', exact: true }).click();
  await expect(page).toHaveURL(/\/fi\/indicator\/long-term-unemployed-share\/$/);
  await expect(page.locator('section:has(#practices) a[href="/fi/practices/viok-impact-based-employment-model/"]')).toHaveCount(1);
});

for (const lang of ['fi', 'sv', 'en'] as const) {
  test(`every practice page in ${lang} shows its evidence level, numbered sources and working references`, async ({ page, request }) => {
    const list = await (await request.get(`/${lang}/practices/`)).text();
    const ids = [...list.matchAll(/href="\/[a-z]{2}\/practices\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!).filter((id) => !['propose', 'guide'].includes(id));
    expect(new Set(ids).size).toBe(11);
    for (const id of new Set(ids)) {
      await page.goto(`/${lang}/practices/${id}/`);
      await expect(page.locator('dl.facts dd[data-evidence]')).toHaveCount(1);
      const sources = page.locator('ol.practice-sources > li');
      expect(await sources.count()).toBeGreaterThan(0);
      await expect(sources.first().locator('a[href^="http"]').first()).toBeVisible();
      await expect(sources.first().locator('blockquote')).toBeVisible();
      // Every reference in the text points to a source listed on the page (or to the own-assessment note).
      for (const target of await page.locator('.practice-body sup a, .lead sup a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        await expect(page.locator(target!), `${id}: ${target}`).toHaveCount(1);
      }
      // The body is in the page's language: a translation says so; no untranslated original is shown.
      await expect(page.locator('.practice-body')).toHaveAttribute('lang', lang);
      await expect(page.locator('[data-untranslated]')).toHaveCount(0);
      if (lang !== 'fi') await expect(page.locator('[data-translation]')).toHaveCount(1);
    }
  });
}

test('a Swedish practice page contains no untranslated Finnish body, and is accessible', async ({ page }) => {
  await page.goto('/sv/practices/jalava-change-meter/');
  await expect(page.locator('.practice-body .prose h2').first()).toHaveText('Vad källorna säger');
  await expect(page.locator('.practice-body')).not.toContainText('Mitä lähteet kertovat');
  await expect(page.locator('.practice-body')).toContainText('Översättning av originaltexten på finska.');
  await expectNoAxeViolations(page);
});

test('the evidence levels are defined on their methodology page', async ({ page }) => {
  await page.goto('/en/methodology/evidence/');
  await expect(page.locator('#levels dt')).toHaveText(['described', 'measured, no comparison group', 'compared with a comparison group', 'randomised trial']);
  await expectNoAxeViolations(page);
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
    await page.getByLabel(/^Public source: publisher/).fill('A publisher');
    await page.getByLabel(/^Public source: checked/).fill('2026-11-27');
    await page.getByLabel(/^Public source: a short verbatim excerpt/).fill('An excerpt made up for the test.');
    await page.getByLabel(/^Contact organisation/).fill('An organisation');
    await page.getByLabel(/^Description/).fill('What is done and for whom.');
    await page.getByRole('button', { name: 'Make the file' }).click();
    // The description and summary are checked by the build's rules: every sentence needs its reference.
    await expect(page.locator('#p-body-error')).toContainText('has no source reference');
    await expect(page.locator('#p-summary-error')).toContainText('has no source reference');
    await page.getByLabel(/^Summary/).fill('Made by the end-to-end test; never published [1].');
    await page.getByLabel(/^Description/).fill('<b>Raw HTML</b> is refused [1].');
    await page.getByRole('button', { name: 'Make the file' }).click();
    await expect(page.locator('#p-body-error')).toContainText('raw HTML');
    await page.getByLabel(/^Description/).fill('What is done and for whom [1].');
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
