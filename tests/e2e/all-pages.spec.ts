/**
 * Every page type (helpers.ts PAGE_TYPES) in every language, in a real browser, with as few page
 * loads as the checks allow (two per page in Finnish, one in Swedish and English for pages drawn
 * at build time):
 * - at 1280 px: zero axe violations (WCAG 2.1 A and AA rules), no request to any other origin, no
 *   cookies, no Content-Security-Policy violation; then, with every <details> opened, every table
 *   fits its cells and the content width (helpers.ts tableProblems, issue 13);
 * - at 390 px (a phone), with every <details> opened: every table fits its cells, and a table too
 *   wide for the screen scrolls only in a focusable box with a fixed first column (in Swedish and
 *   English in the same page load, after 1280 px, except pages drawn by their script from what it
 *   fetches, which get a load at 390 px); and before that, in Finnish, in a page load of its own:
 *   no horizontal scrolling of the page at 320 CSS pixels, the
 *   width WCAG 1.4.10 uses for 400 % zoom of a 1280 px window (200 % zoom is 640 px and is covered
 *   by it).
 */
import { expect, test, type Page } from '@playwright/test';
import { LANGS, ORIGIN, PAGE_TYPES, expectNoAxeViolations, tableProblems } from './helpers.ts';

/** Opens a page while recording requests to other origins and CSP violations. */
async function visit(page: Page, path: string, ready?: (page: Page) => Promise<unknown>): Promise<{ foreign: string[]; violations: () => Promise<string[]> }> {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await pageReady(page, ready);
  return { foreign, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

/**
 * After `page.goto` (which waits for the load event, so for every script of the page): waits
 * for what the page's script draws from data it fetches, if anything. (Not "networkidle": that
 * waits a further half second after the last request on every page.)
 */
async function pageReady(page: Page, ready?: (page: Page) => Promise<unknown>): Promise<void> {
  if (ready) await ready(page);
}

for (const lang of LANGS) {
  for (const { type, path, ready } of PAGE_TYPES) {
    // Pages drawn by their script from what it fetches (`ready`) get a load of their own at 390 px.
    const narrow = lang === 'fi' || ready ? '' : ' and 390 px';
    test(`${lang} ${type}: accessible, own origin only, no cookies, no CSP violation; tables fit at 1280 px${narrow}`, async ({ page, context }) => {
      const { foreign, violations } = await visit(page, `/${lang}/${path}`, ready);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
      await expectNoAxeViolations(page);
      expect(foreign).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await tableProblems(page, true), `/${lang}/${path} at 1280 px`).toEqual([]);
      if (narrow) {
        await page.setViewportSize({ width: 390, height: 844 });
        expect(await tableProblems(page, false), `/${lang}/${path} at 390 px`).toEqual([]);
      }
    });
    if (lang !== 'fi' && ready) {
      test(`${lang} ${type}: tables fit at 390 px`, async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`/${lang}/${path}`);
        await pageReady(page, ready);
        expect(await tableProblems(page, false), `/${lang}/${path} at 390 px`).toEqual([]);
      });
    }
  }
}

// Finnish pages are loaded at 320 px for the reflow check and then widened to 390 px; the other
// languages are narrowed to 390 px in the test above, after the checks at 1280 px.
for (const { type, path, ready } of PAGE_TYPES) {
  test(`fi ${type}: reflows without horizontal scrolling at 320 px; tables fit at 390 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/fi/${path}`);
    await pageReady(page, ready);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `page width at 320 px on /fi/${path}`).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await tableProblems(page, false), `/fi/${path} at 390 px`).toEqual([]);
  });
}

test('the Content-Security-Policy stops an injected inline script', async ({ page }) => {
  const { violations } = await visit(page, '/en/area/ta19/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  expect(policy, 'WebAssembly only on the search pages').not.toContain('wasm-unsafe-eval');
  expect(policy).not.toContain("'unsafe-inline' 'unsafe-eval'");
  expect(policy).toContain("default-src 'self'");
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injectedRan = true';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as unknown as { injectedRan?: boolean }).injectedRan)).toBeUndefined();
  expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
});

test('the search page allows WebAssembly (Pagefind); the root and not-found pages carry the policy too', async ({ page }) => {
  await page.goto('/sv/search/');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  // The HTML as served (the root page moves on to /fi/ at once).
  for (const path of ['/', '/fi/no-such-page/']) {
    const html = (await (await page.request.get(path)).text()).replace(/&#39;/g, "'").replace(/&#x27;/g, "'");
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).not.toContain('wasm-unsafe-eval');
  }
});

test('the not-found page: status 404, accessible, own origin only', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${ORIGIN}/`)) foreign.push(r.url());
  });
  const res = await page.goto('/fi/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('main a[href="/fi/"]').first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(foreign).toEqual([]);
});
