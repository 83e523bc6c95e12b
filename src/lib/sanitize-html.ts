/**
 * The second line of defence for contributed Markdown: the rendered HTML is cleaned with an
 * allowlist of elements and attributes before it reaches a page, so that anything the syntax-tree
 * check of src/lib/safe-markdown.ts missed is removed, not executed. Build-time only (linkedom).
 */
import { parseHTML } from 'linkedom';
import { safeUrl } from './safe-markdown.ts';

/** Elements kept (with their allowed attributes). */
const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], em: [], strong: [], del: [], sup: [], sub: [], code: [], pre: [], blockquote: [],
  h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
  ul: [], ol: ['start'], li: ['id'],
  a: ['href', 'id', 'title'],
  table: [], thead: [], tbody: [], tr: [], th: ['scope', 'colspan', 'rowspan', 'align'], td: ['colspan', 'rowspan', 'align'],
  section: [], span: [],
};
/** Elements removed together with their content. */
const DROP = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'img', 'video', 'audio', 'source', 'canvas']);

/**
 * Keeps only allowlisted elements and attributes; unknown elements are replaced by their
 * children, dangerous ones removed with their content, and an `href` with an unsafe protocol is
 * dropped. Links to other sites get `rel="noopener noreferrer"`.
 */
export function sanitizeHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root')!;
  const walk = (el: Element) => {
    for (const child of [...el.children]) {
      const tag = child.tagName.toLowerCase();
      if (DROP.has(tag)) {
        child.remove();
        continue;
      }
      walk(child);
      const allowed = ALLOWED[tag];
      if (!allowed) {
        child.replaceWith(...child.childNodes);
        continue;
      }
      for (const attr of [...child.attributes]) {
        const name = attr.name.toLowerCase();
        if (!allowed.includes(name) || (name === 'href' && !safeUrl(attr.value))) child.removeAttribute(attr.name);
      }
      if (tag === 'a' && /^https?:/i.test(child.getAttribute('href') ?? '')) child.setAttribute('rel', 'noopener noreferrer');
    }
  };
  walk(root);
  // Comments and processing instructions are dropped too.
  const strip = (node: Node) => {
    for (const c of [...node.childNodes]) {
      if (c.nodeType === 8) c.remove();
      else strip(c);
    }
  };
  strip(root);
  return root.innerHTML;
}
