/**
 * Charts as a reader sees them, in a real browser at 1280 and 390 px: no two text labels of a
 * chart overlap (measured boxes of the rendered text), chart text is at least 12 px on a phone,
 * drawings fill the content width on a desktop, the whole history opens without JavaScript,
 * tooltips are reachable by keyboard and announced, and axe finds nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/** Pairs of overlapping text boxes among the visible chart drawings (each drawing on its own). */
async function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const drawings = [...document.querySelectorAll('figure.chart svg, .maps svg.map')].filter((svg) => {
      const r = svg.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !svg.classList.contains('key');
    });
    for (const svg of drawings) {
      const boxes = [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
        .filter((b) => b.text.trim() !== '' && b.r.width > 0);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          // Glyph boxes include the line's leading: allow 1 px of touching.
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 2) out.push(`${svg.getAttribute('aria-label') ?? svg.closest('figure')?.id}: "${boxes[i]!.text}" × "${boxes[j]!.text}"`);
        }
      }
    }
    return out;
  });
}

/** The smallest rendered font size (CSS px) of visible chart text. */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    for (const svg of document.querySelectorAll('figure.chart .chart-drawing svg')) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0) continue;
      const scale = r.width / (svg as SVGSVGElement).viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent?.trim() || t.getBoundingClientRect().width === 0) continue;
        min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
      }
    }
    return min;
  });
}

const PAGES = ['/fi/area/ta17/', '/sv/area/ta08/', '/en/indicator/unemployment-share/', '/fi/', '/sv/area/ku297/', '/sv/indicator/long-term-unemployed-share/', '/en/progress/'];

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const path of PAGES) {
      test(`${path}: no two chart labels overlap and chart text is at least 12 px`, async ({ page }) => {
        await page.goto(path);
        expect(await overlappingLabels(page)).toEqual([]);
        expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11.9);
      });
    }

    test('the comparison of Helsinki, Lahti and Kuopio: no label overlaps, the chart fills the width', async ({ page }) => {
      await page.goto('/fi/compare/?areas=TA08,TA19,TA17&ind=unemployment-share');
      const svg = page.locator('#compare-output figure svg[aria-label]').first();
      await expect(svg).toBeVisible();
      expect(await overlappingLabels(page)).toEqual([]);
      expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11.9);
      const [chart, main] = await Promise.all([svg.boundingBox(), page.locator('main .wrap, main').first().boundingBox()]);
      expect(chart!.width).toBeGreaterThan(main!.width * 0.85);
    });
  });
}

test('on a wide screen a profile chart uses the whole content width', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/fi/area/ta17/');
  const figure = page.locator('section:has(#series) figure.chart').first();
  const svg = figure.locator(':scope > .chart-drawing > .wide svg');
  const [a, b] = await Promise.all([svg.boundingBox(), page.locator('section:has(#series)').boundingBox()]);
  expect(a!.width).toBeGreaterThan(b!.width * 0.95);
});

test('a chart says its axis does not start at zero only when it does not', async ({ page }) => {
  for (const path of ['/en/', '/en/area/ta17/', '/en/indicator/unemployment-share/']) {
    await page.goto(path);
    const wrong = await page.evaluate(() => {
      const out: string[] = [];
      for (const fig of document.querySelectorAll('figure.chart')) {
        const notes = [...fig.querySelectorAll(':scope > p.chart-note')].map((p) => p.textContent ?? '').join(' ');
        if (!notes.includes('does not start at zero')) continue;
        const ticks = [...fig.querySelectorAll(':scope > .chart-drawing > .wide svg g[aria-label="y-axis tick label"] text')].map((t) => Number((t.textContent ?? '').replace(/[^\d.-]/g, '')));
        if (ticks.includes(0) || /scale, 0([.,]0)?[\s%]/.test(notes)) out.push(`${fig.id}: ${notes}`);
      }
      return out;
    });
    expect(wrong, path).toEqual([]);
  }
});

test('the whole history opens without JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto('/en/area/ta17/');
  const history = page.locator('section:has(#series) details.chart-history').first();
  await history.locator('summary').click();
  await expect(history.locator('.chart-drawing > .wide svg')).toBeVisible();
  await ctx.close();
});

test('a tooltip is reachable by keyboard, moves with the arrow keys and is announced', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/en/area/ta17/');
  const box = page.locator('section:has(#series) figure.chart .chart-drawing').first();
  await box.focus();
  await expect(box).toBeFocused();
  const tip = box.locator('.chart-tip');
  await expect(tip).toBeVisible();
  // The latest period first, read from the chart's table (period, then the areas' values).
  const latest = (await page.locator('section:has(#series) figure.chart table.chart-table tbody tr').first().locator('th').textContent())!.trim();
  await expect(tip.locator('strong')).toHaveText(latest);
  await page.keyboard.press('ArrowLeft');
  await expect(tip.locator('strong')).not.toHaveText(latest);
  await expect(box.locator('[aria-live="polite"]')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
});

test('hovering a point of the change chart shows its area and values', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/en/indicator/unemployment-share/');
  const box = page.locator('section:has(#change-chart) .chart-drawing').first();
  const svg = box.locator('.wide svg');
  await svg.evaluate((s) => s.scrollIntoView({ block: 'start' }));
  const first = await svg.evaluate((s) => {
    const g = s.querySelector('g.tip-targets')!;
    const scale = s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width;
    return { x: Number(g.getAttribute('data-xs')!.split(' ')[0]) * scale, y: Number(g.getAttribute('data-ys')!.split(' ')[0]) * scale };
  });
  const r = (await svg.boundingBox())!;
  await page.mouse.move(r.x + first.x, r.y + first.y);
  const name = (await page.locator('section:has(#change-chart) table.chart-table tbody tr').first().locator('th').textContent())!.trim();
  await expect(box.locator('.chart-tip strong')).toHaveText(name);
});

for (const path of ['/fi/area/ta17/', '/en/indicator/unemployment-share/', '/sv/']) {
  test(`${path}: axe finds nothing with the tooltips active`, async ({ page }) => {
    // axe over a page of many charts takes about 20 s on a loaded 2-core machine.
    test.setTimeout(90_000);
    await page.goto(path);
    const box = page.locator('figure.chart .chart-drawing[tabindex]').first();
    if ((await box.count()) > 0) await box.focus();
    await expectNoAxeViolations(page);
  });
}

test('hovering a year on a time series shows that January, placed from the ends of the series', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/en/area/ta17/');
  const figure = page.locator('section:has(#series) figure.chart').first();
  const box = figure.locator('.chart-drawing').first();
  const svg = box.locator('.wide svg');
  // The server placed each year's label at its January (the x axis); the tooltip script places the
  // periods from the two ends in g.tip-targets, so a January's label and its tooltip must meet.
  const ticks = await svg.evaluate((s) => {
    const scale = s.getBoundingClientRect().width / Number(s.getAttribute('width'));
    return [...s.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => ({ year: t.textContent!.trim(), x: Number(t.getAttribute('x')) * scale, anchor: t.getAttribute('text-anchor') }));
  });
  const inner = ticks.filter((t) => t.anchor === 'middle');
  expect(inner.length).toBeGreaterThan(0);
  await svg.scrollIntoViewIfNeeded();
  const b = (await svg.boundingBox())!;
  for (const t of inner) {
    await page.mouse.move(b.x + t.x, b.y + b.height / 2);
    const row = figure.locator(`table.chart-table tbody tr[data-key="${t.year}-01"] th`);
    await expect(box.locator('.chart-tip strong')).toHaveText((await row.textContent())!.trim());
  }
});
