import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The origin the preview server answers on (see playwright.config.ts). */
export const ORIGIN = `http://127.0.0.1:${process.env.PREVIEW_PORT ?? '4321'}`;

/** Runs axe with the WCAG 2.1 A/AA rules and expects no violations (listing them if any). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
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
