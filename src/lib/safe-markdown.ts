/**
 * Safety of contributed Markdown (good practices) in two layers:
 *
 * 1. {@link unsafeMarkdown} refuses, at validation and in the propose form, what a practice body
 *    does not need and could abuse: raw HTML, images, and links whose address is not http(s),
 *    mailto, a relative path or a fragment. It reads the CommonMark syntax tree (mdast), so it
 *    sees exactly what the renderer will see. The build stops with the file, line and field named.
 * 2. `sanitizeHtml` (src/lib/sanitize-html.ts) cleans the rendered HTML with an allowlist of elements and attributes
 *    before it reaches a page, so that anything the first layer missed is removed, not executed.
 *
 * No I/O and no DOM: this module also runs in the browser (the propose form). The sanitizer lives
 * in its own module because it needs linkedom, which only the build uses.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** Line-level problem of a Markdown body. */
export interface MarkdownProblem {
  /** 1-based line within the body. */
  line: number;
  problem: string;
}

/** Protocols an address may have (a relative path or `#fragment` has none). */
const SAFE_PROTOCOL = /^(https?|mailto):$/i;

/** Decodes the character references and backslash escapes a Markdown or HTML parser would. */
function decode(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&(colon|tab|newline);/gi, (_, n: string) => ({ colon: ':', tab: '\t', newline: '\n' })[n.toLowerCase() as 'colon']);
}

/**
 * True if `url` is safe as an href: http(s), mailto, or no scheme at all (a relative path or a
 * `#fragment`). Character references, backslash escapes, and whitespace or control characters
 * inside the scheme (which browsers ignore, "java\tscript:") are taken into account.
 */
export function safeUrl(url: string): boolean {
  // Control characters are what browsers strip from a scheme, so the pattern names them.
  // eslint-disable-next-line no-control-regex
  const squeezed = decode(url).replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([^/?#]*?):/.exec(squeezed);
  return !scheme || SAFE_PROTOCOL.test(`${scheme[1]}:`);
}

/** Parses a practice body as CommonMark into a syntax tree (mdast), with 1-based line positions. */
export function parseMarkdown(body: string): Root {
  return fromMarkdown(body);
}

/**
 * Problems of a Markdown body, found on its syntax tree (mdast) rather than by patterns: raw HTML
 * (block or inline), images, and links, autolinks or link definitions whose address is not
 * http(s), mailto, a relative path or a #fragment. Code is a `code`/`inlineCode` node and is shown
 * as text, so it may contain anything. Text that merely looks like markup (an unresolved `[x]: …`
 * inside a paragraph, `3 < 5`) is text in the tree and is shown as text. `tree` may be given when
 * the caller has already parsed the body.
 */
export function unsafeMarkdown(body: string, tree: Root = parseMarkdown(body)): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  const visit = (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'html':
        problems.push({ line, problem: `raw HTML (${node.value.slice(0, 40)}) is not allowed in a practice: write Markdown` });
        break;
      case 'image':
      case 'imageReference':
        problems.push({ line, problem: 'images are not allowed in a practice: link to the page that shows the image' });
        break;
      case 'link':
      case 'definition':
        if (!safeUrl(node.url)) problems.push({ line, problem: `the link address "${node.url.slice(0, 60)}" is not http(s), mailto, a relative path or a #fragment` });
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems.sort((a, b) => a.line - b.line);
}
