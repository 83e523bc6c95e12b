/**
 * Loads the good-practice library (data/practices/*.md): parses each file's front matter with
 * the practice schema, checks its area codes and indicator ids against the reference data and
 * the indicator registry, checks the body on its Markdown syntax tree (safety, languages, a
 * source reference on every sentence of fact) and the summary and reuse fields the same way.
 * A wrong file fails with the file, the line and the field named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { InputError, issuePath } from '../../../src/lib/errors.ts';
import { claimProblems, splitBody, unreferencedSentences, type PracticeLang } from '../../../src/lib/practice-text.ts';
import { parseMarkdown, unsafeMarkdown } from '../../../src/lib/safe-markdown.ts';
import type { Practice } from '../../../src/site/practices.ts';
import { PRACTICE_LANGS, PracticeFrontMatter, PracticeId, splitFrontMatter } from '../../../src/schema/practice.ts';


export interface PracticeContext {
  /** Known employment-area codes (TA01–TA46). */
  areas: ReadonlySet<string>;
  /** Known indicator ids. */
  indicators: ReadonlySet<string>;
  /** Known region codes (MK..); when absent, region codes are checked by their form only. */
  regions?: ReadonlySet<string>;
}

/** The 1-based line of the YAML node at `path` (or of its nearest existing ancestor). */
function yamlLine(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly PropertyKey[], offset: number): number {
  let node: unknown = doc.contents;
  let line = offset + 1;
  const at = (n: unknown) => {
    const range = (n as YamlNode | null)?.range;
    if (range) line = offset + counter.linePos(range[0]).line;
  };
  at(node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      at(pair.key);
      node = pair.value;
      if (node && (isMap(node) || isSeq(node) || (node as YamlNode).range)) at(node);
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) break;
      at(node);
    } else break;
  }
  return line;
}

/** Parses and checks one practice file's text. `file` is the path used in messages. */
export function parsePractice(text: string, file: string, ctx: PracticeContext): Practice {
  const name = file.split('/').pop()!;
  if (!name.endsWith('.md')) throw new InputError({ file }, 'a practice is a Markdown file ending in .md');
  const idResult = PracticeId.safeParse(name.slice(0, -3));
  if (!idResult.success) throw new InputError({ file, field: 'file name' }, idResult.error.issues[0]!.message);
  const id = idResult.data;
  const parts = splitFrontMatter(text);
  if (!parts) throw new InputError({ file, row: 1 }, 'the file must start with front matter between two lines of ---');
  // The front matter starts on line 2 (after ---); the body starts after the closing ---.
  const counter = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new InputError({ file, row: 1 + (e.linePos?.[0]?.line ?? 1) }, `the front matter is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const yaml: unknown = doc.toJS();
  const lineOf = (path: readonly PropertyKey[]) => yamlLine(doc, counter, path, 1);
  const result = PracticeFrontMatter.safeParse(yaml);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const more = result.error.issues.length > 1 ? `; ${result.error.issues.length - 1} more problem(s) in the front matter` : '';
    throw new InputError({ file, row: lineOf(issue.path), field: issuePath(issue.path) }, issue.message + more);
  }
  const front = result.data;
  front.areas.forEach((a, k) => {
    if (!ctx.areas.has(a)) throw new InputError({ file, row: lineOf(['areas', k]), field: `areas[${k}]` }, `unknown employment area "${a}" (see data/reference/employment-areas.csv)`);
  });
  front.regions.forEach((r, k) => {
    if (ctx.regions && !ctx.regions.has(r)) throw new InputError({ file, row: lineOf(['regions', k]), field: `regions[${k}]` }, `unknown region "${r}" (see data/reference/regions.csv)`);
  });
  front.indicators.forEach((i, k) => {
    if (!ctx.indicators.has(i)) throw new InputError({ file, row: lineOf(['indicators', k]), field: `indicators[${k}]` }, `unknown indicator "${i}" (no data/indicators/${i}.yaml)`);
  });
  // Claims in the front matter: the summary and the reuse fields cite their sources too.
  const n = front.sources.length;
  for (const field of ['summary', 'scale', 'cost'] as const) {
    for (const lang of PRACTICE_LANGS) {
      const value = front[field]?.[lang];
      if (!value) continue;
      const problem = claimProblems(value, n)[0];
      if (problem) throw new InputError({ file, row: lineOf([field, lang]), field: `${field}.${lang}` }, problem.problem);
    }
  }
  if (parts.body.trim() === '') throw new InputError({ file, row: text.split('\n').length, field: 'body' }, 'describe the practice below the front matter');
  // The body is the tail of the file: its first line is this line of the file.
  const firstBodyLine = text.replace(/^\uFEFF/, '').slice(0, text.replace(/^\uFEFF/, '').length - parts.body.length).split('\n').length;
  const at = (bodyLine: number) => firstBodyLine + bodyLine - 1;
  const tree = parseMarkdown(parts.body);
  const unsafe = unsafeMarkdown(parts.body, tree);
  if (unsafe.length) throw new InputError({ file, row: at(unsafe[0]!.line), field: 'body' }, unsafe[0]!.problem);
  const { sections, problems } = splitBody(tree, front.language);
  if (problems.length) throw new InputError({ file, row: at(problems[0]!.line), field: 'body' }, problems[0]!.problem);
  const bodies: Partial<Record<PracticeLang, Root>> = {};
  for (const s of sections) {
    const claim = unreferencedSentences(s.root, n)[0];
    if (claim) throw new InputError({ file, row: at(claim.line), field: `body.${s.lang}` }, claim.problem);
    bodies[s.lang] = s.root;
  }
  return { id, ...front, body: parts.body, bodies };
}

/** Reads every practice in a folder (default data/practices), sorted by id. */
export function loadPractices(ctx: PracticeContext, dir = join(process.cwd(), 'data', 'practices'), displayDir = 'data/practices'): Practice[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  return files.map((f) => parsePractice(readFileSync(join(dir, f), 'utf8'), `${displayDir}/${f}`, ctx));
}
