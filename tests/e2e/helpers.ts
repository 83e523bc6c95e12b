import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The origin the preview server answers on (see playwright.config.ts). */
export const ORIGIN = `http://127.0.0.1:${process.env.PREVIEW_PORT ?? '4321'}`;

/**
 * Runs axe with the WCAG 2.1 A/AA rules and expects no violations (listing them if any).
 *
 * axe.run() in the page itself (the builder's "legacy mode"): the default mode runs the rules
 * frame by frame and then opens a second, blank page to merge the results, injecting axe-core
 * (half a megabyte of script) again there, which took longer than the rules themselves (a simple
 * page 3.5 s against 1.3 s, an area profile 8 s against 3–4 s). The portal's pages have no
 * frames, and on every page type the two modes gave the same violations, passes, incomplete and
 * inapplicable rules, node by node (compared 5 December 2026). The rules are the same.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode().analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Text of an element with no-break and narrow no-break spaces turned into plain spaces. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The fields of one CSV line as the portal writes it (RFC 4180 quotes, comma). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    }
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** The comparison (or embed) page has drawn its chart from the areas' data files. */
const comparisonDrawn = (page: Page) => page.locator('#compare-output svg[aria-label]').first().waitFor({ state: 'attached' });

/**
 * The search page has run the query of its address: the status line is written together with the
 * places, and then the page results, if any, are added in one step.
 */
const searchDone = (page: Page) =>
  page.waitForFunction(() => {
    const pages = document.querySelector<HTMLElement>('#search-pages');
    return document.querySelector('#search-status')?.textContent !== '' && !!pages && (pages.hidden || pages.querySelector('.search-results > li') !== null);
  });

/** The portal's languages. */
export const LANGS = ['fi', 'sv', 'en'] as const;

/**
 * One page of each type, and the further pages whose tables are the hardest to fit (long area
 * names, a municipality with its employment area's similar areas, counts instead of shares):
 * `path` after /{lang}/. The browser checks of every page (all-pages.spec.ts) load each of them
 * in every language. `ready` waits for what the page's script draws from data it fetches after
 * the load event (the comparison's chart, the search's status line and results); every other
 * page is ready once loaded, since its scripts fetch nothing more.
 */
export const PAGE_TYPES: { type: string; path: string; ready?: (page: Page) => Promise<unknown> }[] = [
  { type: 'front page', path: '' },
  { type: 'area list', path: 'area/' },
  { type: 'employment area', path: 'area/ta19/' },
  { type: 'employment area with long names', path: 'area/ta20/' },
  { type: 'municipality', path: 'area/ku091/' },
  { type: 'municipality of Lahti', path: 'area/ku398/' },
  { type: 'region', path: 'area/mk07/' },
  { type: 'whole country', path: 'area/sss/' },
  { type: 'indicator list', path: 'indicator/' },
  { type: 'indicator', path: 'indicator/long-term-unemployed-share/' },
  { type: 'indicator (counts)', path: 'indicator/laid-off/' },
  { type: 'progress', path: 'progress/' },
  { type: 'compare', path: 'compare/?areas=TA19,TA08,TA33&ind=long-term-unemployed-share', ready: comparisonDrawn },
  { type: 'embed', path: 'embed/?areas=TA19,TA08&ind=unemployment-share', ready: comparisonDrawn },
  { type: 'search', path: 'search/?q=kainuu', ready: searchDone },
  { type: 'practices', path: 'practices/' },
  { type: 'practice', path: 'practices/jalava-change-meter/' },
  { type: 'propose a practice', path: 'practices/propose/' },
  { type: 'practice guide', path: 'practices/guide/' },
  { type: 'methodology', path: 'methodology/' },
  { type: 'indicator methodology', path: 'methodology/unemployment-share/' },
  { type: 'employment areas', path: 'methodology/employment-areas/' },
  { type: 'similar areas', path: 'methodology/similar-areas/' },
  { type: 'sources', path: 'methodology/sources/' },
  { type: 'snapshot', path: 'methodology/snapshot/' },
  { type: 'customer change', path: 'methodology/customer-change/' },
  { type: 'data catalogue', path: 'downloads/' },
  { type: 'accessibility statement', path: 'accessibility/' },
  { type: 'about', path: 'about/' },
];

/**
 * Tables that fit (issue 13), with every <details> of the page opened first so that the tables
 * inside are laid out too (in the same step, so that nothing redraws in between). The problems
 * found on the page as laid out now, an empty list when every visible table fits:
 * - a cell's text overflows the cell (cell.scrollWidth > cell.clientWidth);
 * - a word is broken between letters: every run of letters (a word, or the part of a hyphenated
 *   name up to its hyphen) must lie on one line;
 * - `wide` (1280 px): the table scrolls sideways inside the content width;
 * - narrow (390 px): a table wider than its box scrolls in a box that is not focusable, or whose
 *   first column does not stay fixed (position: sticky), so the row names would leave the
 *   numbers; or a table reaches past the screen edge.
 */
export function tableProblems(page: Page, wide: boolean): Promise<string[]> {
  return page.evaluate((wide) => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
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
