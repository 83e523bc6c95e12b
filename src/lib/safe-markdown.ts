/**
 * Safety of contributed Markdown (good practices) in two layers:
 *
 * 1. {@link unsafeMarkdown} refuses, at validation, what a practice body does not need and could
 *    abuse: raw HTML tags and links or images whose address is not http(s), mailto, a relative
 *    path or a fragment. The build stops with the file, line and field named.
 * 2. {@link sanitizeHtml} cleans the rendered HTML with an allowlist of elements and attributes
 *    before it reaches a page, so that anything the first layer missed is removed, not executed.
 *
 * No I/O; the HTML is parsed with linkedom (a DOM for Node).
 */
import { parseHTML } from 'linkedom';

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

/**
 * Problems of a Markdown body: raw HTML outside code, and link or image addresses with an unsafe
 * protocol (inline links, reference definitions and autolinks). Code spans and fenced or indented
 * code blocks may contain anything: they are shown as text.
 */
export function unsafeMarkdown(body: string): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  let fence: string | null = null;
  body.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      return;
    }
    if (/^( {4}|\t)/.test(raw)) return; // indented code
    const text = raw.replace(/(`+)[\s\S]*?\1/g, ''); // code spans
    for (const m of text.matchAll(/<([^>\s]*)[^>]*>?/g)) {
      const inner = m[1] ?? '';
      const autolink = /^[a-z][a-z0-9+.-]*:/i.test(inner) && m[0].endsWith('>') && !/\s/.test(m[0]);
      if (autolink) {
        if (!safeUrl(inner)) problems.push({ line, problem: `the autolink <${inner}> is not an http(s) or mailto address` });
      } else if (/^[/!?a-z]/i.test(inner)) {
        problems.push({ line, problem: `raw HTML (${m[0].slice(0, 40)}) is not allowed in a practice: write Markdown` });
      }
    }
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
      if (!safeUrl(m[1]!)) problems.push({ line, problem: `the link address "${m[1]!.slice(0, 60)}" is not http(s), mailto, a relative path or a #fragment` });
    }
    const def = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(text);
    if (def && !safeUrl(def[1]!)) problems.push({ line, problem: `the link address "${def[1]!.slice(0, 60)}" is not http(s), mailto, a relative path or a #fragment` });
  });
  return problems;
}

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
