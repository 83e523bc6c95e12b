/**
 * Tables that fit (issue 13): every page type in fi/sv/en at 1280 and 390 CSS pixels, with every
 * <details> opened so the tables inside are laid out too. For each visible table:
 * - no cell's text overflows the cell (cell.scrollWidth ≤ cell.clientWidth);
 * - no word is broken between letters: every run of letters (a word, or the part of a hyphenated
 *   name up to its hyphen) lies on one line;
 * - at 1280 px the table fits its container (no sideways scrolling inside the content width);
 * - at 390 px a table wider than its box scrolls only inside a focusable scroll box whose first
 *   column stays fixed (position: sticky), so the row names stay beside the numbers; and no table
 *   reaches past the screen edge.
 */
import { expect, test, type Page } from '@playwright/test';

const langs = ['fi', 'sv', 'en'] as const;

/** Every page type with tables (and the other types, which must simply have nothing clipped). */
const PAGES: [string, string][] = [
  ['front page', ''],
  ['area list', 'area/'],
  ['employment area', 'area/ta19/'],
  ['employment area with long names', 'area/ta20/'],
  ['municipality', 'area/ku398/'],
  ['region', 'area/mk07/'],
  ['whole country', 'area/sss/'],
  ['indicator list', 'indicator/'],
  ['indicator', 'indicator/long-term-unemployed-share/'],
  ['indicator (counts)', 'indicator/laid-off/'],
  ['progress', 'progress/'],
  ['compare', 'compare/?areas=TA19,TA08,TA33&ind=long-term-unemployed-share'],
  ['practices', 'practices/'],
  ['practice', 'practices/jalava-change-meter/'],
  ['methodology', 'methodology/'],
  ['indicator methodology', 'methodology/unemployment-share/'],
  ['employment areas', 'methodology/employment-areas/'],
  ['similar areas', 'methodology/similar-areas/'],
  ['sources', 'methodology/sources/'],
  ['snapshot', 'methodology/snapshot/'],
  ['customer change', 'methodology/customer-change/'],
];

/** The problems found on the page as laid out now (an empty list when every table fits). */
function tableProblems(page: Page, wide: boolean): Promise<string[]> {
  return page.evaluate((wide) => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const tables = [...document.querySelectorAll('main table')].filter((t) => t.getClientRects().length > 0);
    tables.forEach((table, ti) => {
      const where = `table ${ti + 1} (${label(table.querySelector('caption, th') ?? table)})`;
      // The nearest box that clips sideways (a scroll box), if any.
      let box: HTMLElement | null = table.parentElement;
      while (box && box !== document.body && !['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (box === document.body) box = null;
      const rect = table.getBoundingClientRect();
      if (box && box.scrollWidth > box.clientWidth + 1) {
        if (wide) problems.push(`${where}: scrolls sideways at ${vw} px (${box.scrollWidth} > ${box.clientWidth})`);
        else {
          const firsts = [...table.querySelectorAll('tr')].map((r) => r.cells[0]).filter((c): c is HTMLTableCellElement => c !== undefined);
          if (firsts.some((c) => getComputedStyle(c).position !== 'sticky')) problems.push(`${where}: scrolls sideways without a fixed first column`);
          if (box.tabIndex < 0) problems.push(`${where}: its scroll box cannot be reached with the keyboard`);
        }
      }
      if (!box && rect.right > vw + 1) problems.push(`${where}: reaches past the screen (${Math.round(rect.right)} > ${vw})`);
      for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
        if (cell.getClientRects().length === 0) continue;
        if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${where}: cell "${label(cell)}" overflows (${cell.scrollWidth} > ${cell.clientWidth})`);
        // Each run of letters and digits on one line.
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const text = node.data;
          for (const m of text.matchAll(/[\p{L}\p{N}.,]+/gu)) {
            if (m[0].length < 2) continue;
            const range = document.createRange();
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) problems.push(`${where}: "${m[0]}" is broken across lines`);
          }
        }
      }
    });
    return problems;
  }, wide);
}

for (const [width, height] of [
  [1280, 900],
  [390, 844],
] as const) {
  test.describe(`tables at ${width} px`, () => {
    test.use({ viewport: { width, height } });
    for (const lang of langs) {
      for (const [type, rest] of PAGES) {
        test(`${lang} ${type}: no table cell is clipped`, async ({ page }) => {
          await page.goto(`/${lang}/${rest}`);
          await page.waitForLoadState('networkidle');
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          expect(await tableProblems(page, width >= 1000), `/${lang}/${rest} at ${width} px`).toEqual([]);
        });
      }
    }
  });
}
