/**
 * Every page type in every language, in a real browser: zero axe violations (WCAG 2.1 A and AA
 * rules), no request to any other origin, no cookies, no Content-Security-Policy violation, and
 * (in Finnish) no horizontal scrolling of the page at 320 CSS pixels, the width WCAG 1.4.10 uses
 * for 400 % zoom of a 1280 px window (200 % zoom is 640 px and is covered by it).
 */
import { expect, test, type Page } from '@playwright/test';
import { ORIGIN, expectNoAxeViolations } from './helpers.ts';

const langs = ['fi', 'sv', 'en'] as const;

/** One page of each type (path after /{lang}/). */
const PAGE_TYPES: [string, string][] = [
  ['front page', ''],
  ['area list', 'area/'],
  ['employment area', 'area/ta19/'],
  ['municipality', 'area/ku091/'],
  ['region', 'area/mk07/'],
  ['whole country', 'area/sss/'],
  ['indicator list', 'indicator/'],
  ['indicator', 'indicator/long-term-unemployed-share/'],
  ['progress', 'progress/'],
  ['compare', 'compare/?areas=TA19,TA08,TA33&ind=long-term-unemployed-share'],
  ['embed', 'embed/?areas=TA19,TA08&ind=unemployment-share'],
  ['search', 'search/?q=kainuu'],
  ['practices', 'practices/'],
  ['practice', 'practices/jalava-change-meter/'],
  ['propose a practice', 'practices/propose/'],
  ['practice guide', 'practices/guide/'],
  ['methodology', 'methodology/'],
  ['indicator methodology', 'methodology/unemployment-share/'],
  ['employment areas', 'methodology/employment-areas/'],
  ['similar areas', 'methodology/similar-areas/'],
  ['sources', 'methodology/sources/'],
  ['snapshot', 'methodology/snapshot/'],
  ['customer change', 'methodology/customer-change/'],
  ['accessibility statement', 'accessibility/'],
  ['about', 'about/'],
];

/** Opens a page while recording requests to other origins and CSP violations. */
async function visit(page: Page, path: string): Promise<{ foreign: string[]; violations: () => Promise<string[]> }> {
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
  await page.waitForLoadState('networkidle');
  return { foreign, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

for (const lang of langs) {
  for (const [type, rest] of PAGE_TYPES) {
    test(`${lang} ${type}: accessible, own origin only, no cookies, no CSP violation`, async ({ page, context }) => {
      const { foreign, violations } = await visit(page, `/${lang}/${rest}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
      await expectNoAxeViolations(page);
      expect(foreign).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
    });
  }
}

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const [type, rest] of PAGE_TYPES) {
    test(`${type} reflows without horizontal scrolling`, async ({ page }) => {
      await page.goto(`/fi/${rest}`);
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page width at 320 px on /fi/${rest}`).toBeLessThanOrEqual(320);
    });
  }
});

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
