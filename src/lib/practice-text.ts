/**
 * The text rules of a good practice, on the Markdown syntax tree (mdast):
 *
 * - **Languages.** A body may hold the original and its translations, each under a level-1
 *   heading that is only the language code (`# fi`, `# sv`, `# en`); the original comes first.
 *   A body without such headings is all in the original language.
 * - **A claim is a sourced sentence.** Every sentence of a paragraph or list item carries a
 *   reference to one of the practice's sources, `[1]` or `[1, 3]` (1 = the first entry of
 *   `sources`), or `[0]` when the sentence is the portal's own assessment rather than a fact from
 *   a source (shown as [*]). The reference goes before the sentence's full stop. Headings are not
 *   claims. The same rule applies to the summary and to the reuse fields (scale, cost).
 *
 * Pure and DOM-free: the build and the propose form in the browser run the same checks.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { PRACTICE_LANGS } from '../schema/practice.ts';
import type { MarkdownProblem } from './safe-markdown.ts';

export type PracticeLang = (typeof PRACTICE_LANGS)[number];

/** One language's part of a body: its nodes, and the body line of its `# xx` heading (0 if none). */
export interface BodySection {
  lang: PracticeLang;
  root: Root;
  headingLine: number;
}

/**
 * A reference marker: `[1]` or `[1, 2]` cites sources; `[0]` marks the portal's own assessment
 * (shown to readers as [*]). An asterisk is not used in the source text because Markdown would
 * read two of them as emphasis.
 */
export const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

const isLang = (s: string): s is PracticeLang => (PRACTICE_LANGS as readonly string[]).includes(s);

function headingText(node: RootContent): string | null {
  if (node.type !== 'heading') return null;
  return node.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
}

/**
 * Splits a parsed body into its language sections. Problems: text before the first language
 * heading, a first section that is not the original language, a language twice, and a level-1
 * heading that is not a language code (`#` is reserved for languages; use `##` for sections).
 */
export function splitBody(tree: Root, original: PracticeLang): { sections: BodySection[]; problems: MarkdownProblem[] } {
  const problems: MarkdownProblem[] = [];
  const langHeadings = tree.children.filter((n) => n.type === 'heading' && n.depth === 1 && isLang(headingText(n) ?? ''));
  if (langHeadings.length === 0) {
    for (const n of tree.children) {
      if (n.type === 'heading' && n.depth === 1) problems.push({ line: n.position?.start.line ?? 1, problem: 'a level-1 heading (#) is reserved for a language code (# fi, # sv, # en); use ## for a section heading' });
    }
    return { sections: [{ lang: original, root: { type: 'root', children: tree.children }, headingLine: 0 }], problems };
  }
  const sections: BodySection[] = [];
  let current: BodySection | null = null;
  for (const n of tree.children) {
    const line = n.position?.start.line ?? 1;
    if (n.type === 'heading' && n.depth === 1) {
      const text = headingText(n) ?? '';
      if (!isLang(text)) {
        problems.push({ line, problem: `a level-1 heading (#) is reserved for a language code (# fi, # sv, # en), found "# ${text.slice(0, 40)}"; use ## for a section heading` });
        continue;
      }
      if (sections.some((s) => s.lang === text)) problems.push({ line, problem: `the language "${text}" appears twice` });
      if (sections.length === 0 && text !== original) problems.push({ line, problem: `the first language section must be the original language "# ${original}" (front matter "language")` });
      current = { lang: text, root: { type: 'root', children: [] }, headingLine: line };
      sections.push(current);
      continue;
    }
    if (!current) {
      problems.push({ line, problem: `text before the first language heading (# ${original})` });
      continue;
    }
    current.root.children.push(n);
  }
  for (const s of sections) {
    if (s.root.children.length === 0) problems.push({ line: s.headingLine, problem: `the "# ${s.lang}" section is empty` });
  }
  return { sections, problems };
}

/** The readable text of a paragraph (inline code and link text included, soft breaks kept as newlines). */
function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(inlineText).join('');
  return '';
}

/** Splits text into sentences: at `.`, `!` or `?` followed by white space and a capital, a digit, a quote or a bracket. */
export function sentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[.!?]["”’)]?\s+(?=[\p{Lu}\d"“”«([])/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].trimEnd().length;
    out.push({ text: text.slice(start, end), offset: start });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), offset: start });
  return out.filter((s) => s.text.trim() !== '');
}

/**
 * Problems of claims in a text (lines relative to `firstLine`): a sentence without a reference
 * marker, and a marker that names a source the practice does not list.
 */
export function claimProblems(text: string, sourceCount: number, firstLine = 1): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  for (const s of sentences(text)) {
    const first = s.offset + (s.text.length - s.text.trimStart().length);
    const line = firstLine + (text.slice(0, first).match(/\n/g)?.length ?? 0);
    const markers = [...s.text.matchAll(MARKER)];
    const shown = s.text.trim().replace(/\s+/g, ' ');
    const quote = shown.length > 70 ? `${shown.slice(0, 67)}…` : shown;
    if (markers.length === 0) {
      problems.push({ line, problem: `the sentence "${quote}" has no source reference: add [n] (the n-th source) before its full stop, or [0] if it is the portal's own assessment` });
      continue;
    }
    for (const m of markers) {
      for (const n of m[1]!.split(',').map((x) => Number(x.trim()))) {
        if (n > sourceCount) problems.push({ line, problem: `the reference [${n}] names no source: the practice lists ${sourceCount} source(s)` });
      }
    }
  }
  return problems;
}

/** Problems of every claim in a body section: each paragraph (also inside lists and quotes) is checked. */
export function unreferencedSentences(root: Root, sourceCount: number): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph') {
      problems.push(...claimProblems(inlineText(node), sourceCount, node.position?.start.line ?? 1));
      return;
    }
    if (node.type === 'heading' || node.type === 'code' || node.type === 'html' || node.type === 'definition') return;
    if ('children' in node) for (const c of node.children) walk(c);
  };
  walk(root);
  return problems;
}

/** A text without its reference markers (for cards and meta descriptions, where the sources are a click away). */
export function stripMarkers(text: string): string {
  return text.replace(/\s*\[(\d+(?:\s*,\s*\d+)*)\]/g, '').replace(/\s+([.,;:!?])/g, '$1').trim();
}
