// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Markdown tables (the texts in src/texts) sit in a focusable box that scrolls sideways, like the
 * site's other tables (global.css, .table-scroll): on a phone the first column stays in place.
 * @returns {(tree: any) => void}
 */
function rehypeTableScroll() {
  /** @param {any} node */
  const wrap = (node) => {
    if (!Array.isArray(node.children)) return;
    node.children = node.children.map((/** @type {any} */ child) => {
      if (child.type === 'element' && child.tagName === 'table') return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0 }, children: [child] };
      wrap(child);
      return child;
    });
  };
  return wrap;
}

// A static site: every page is rendered at build time from data/derived (see README).
export default defineConfig({
  // The public address, if known at build time (citations and embed codes); otherwise pages
  // fill in the address they are served from.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: { rehypePlugins: [rehypeTableScroll] },
});
