/**
 * Renders a practice's Markdown (one language section) to HTML for the build: reference markers
 * `[1]` become superscript links to the numbered source on the same page, and `[0]` a link (shown
 * as [*]) to the note that marks the portal's own assessment. The result still passes through the allowlist
 * sanitizer (src/components/SafeHtml.astro) before it reaches the page.
 */
import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { MARKER } from './practice-text.ts';

export interface MarkerOptions {
  /** Title of source n (1-based), shown as the link's tooltip. */
  sourceTitle: (n: number) => string;
  /** Text of the own-assessment link's tooltip, e.g. "the portal's own assessment". */
  assessment: string;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const txt = (value: string): Text => ({ type: 'text', value });

/** Splits a text into plain text and `<sup>` reference links. */
function markerNodes(value: string, opts: MarkerOptions): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(MARKER)) {
    if (m.index > last) out.push(txt(value.slice(last, m.index)));
    const refs = m[1]!.split(',').map((x) => (Number(x.trim()) === 0 ? '*' : String(Number(x.trim()))));
    const links: ElementContent[] = [txt('[')];
    refs.forEach((r, i) => {
      if (i > 0) links.push(txt(', '));
      links.push(r === '*' ? el('a', { href: '#own-assessment', title: opts.assessment }, [txt('*')]) : el('a', { href: `#source-${r}`, title: opts.sourceTitle(Number(r)) }, [txt(r)]));
    });
    links.push(txt(']'));
    out.push(el('sup', {}, links));
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(txt(value.slice(last)));
  return out;
}

function replaceMarkers(node: HastRoot | Element, opts: MarkerOptions): void {
  const next: (HastRoot | Element)['children'][number][] = [];
  for (const child of node.children) {
    if (child.type === 'text') next.push(...markerNodes(child.value, opts));
    else {
      if (child.type === 'element' && child.tagName !== 'code' && child.tagName !== 'pre') replaceMarkers(child, opts);
      next.push(child as ElementContent);
    }
  }
  node.children = next as typeof node.children;
}

/** HTML of a body section. Level-2 headings become h2 elements; raw HTML was refused at validation and is dropped here too. */
export function renderPracticeMarkdown(root: Root, opts: MarkerOptions): string {
  const hast = toHast(root) as HastRoot;
  replaceMarkers(hast, opts);
  return toHtml(hast);
}

/** HTML of a one-line text with markers (summary, scale, cost); the text is escaped. */
export function renderClaimText(text: string, opts: MarkerOptions): string {
  return toHtml({ type: 'root', children: markerNodes(text, opts) });
}
