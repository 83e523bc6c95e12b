/**
 * Content safety in a real browser: HTML with scripts, event handlers and javascript: links,
 * cleaned by the sanitizer that every contributed Markdown body passes through
 * (src/components/SafeHtml.astro), executes nothing when it is shown, hovered and clicked.
 * (The validator refuses such a practice file before it gets this far: tests/unit/safe-markdown.)
 */
import { expect, test } from '@playwright/test';
import { sanitizeHtml } from '../../src/lib/sanitize-html.ts';

const DIRTY = [
  '<p>Kuvaus <a href="javascript:window.pwned=1">linkki</a> ja <a href="JAVASCRIPT:window.pwned=2">toinen</a></p>',
  '<p><a href=" java&#x09;script:window.pwned=3">naamioitu</a> <a href="&#106;avascript:window.pwned=4">entiteetti</a></p>',
  '<script>window.pwned = 5</script>',
  '<img src="nonexistent.png" onerror="window.pwned=6">',
  '<p onmouseover="window.pwned=7" onclick="window.pwned=8">hiiri</p>',
  '<iframe srcdoc="<script>parent.pwned=9</script>"></iframe>',
  '<svg onload="window.pwned=10"><script>window.pwned=11</script></svg>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<form action="javascript:window.pwned=12"><button>lähetä</button></form>',
  '<details open ontoggle="window.pwned=13"><summary>avaa</summary></details>',
  '<style>body{background:url("javascript:window.pwned=14")}</style>',
].join('\n');

test('sanitized contributed HTML executes nothing when shown, hovered and clicked', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const clean = sanitizeHtml(DIRTY);
  expect(clean).not.toMatch(/<script|onerror|onload|onmouseover|onclick|ontoggle|javascript:|srcdoc|<iframe|<form|<style|data:text/i);
  await page.setContent(`<!doctype html><html lang="fi"><body><main>${clean}</main></body></html>`);
  for (const el of await page.locator('main a, main p').all()) {
    await el.hover();
    await el.click({ noWaitAfter: true }).catch(() => undefined);
  }
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The text is still there.
  await expect(page.locator('main')).toContainText('Kuvaus linkki ja toinen');
});
