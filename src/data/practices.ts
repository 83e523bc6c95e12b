/**
 * Loads the good-practice library (data/practices/*.md): parses each file's front matter with
 * the practice schema and checks its area codes and indicator ids against the reference data and
 * the indicator registry. A wrong file fails with the file and the field named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, parseOrExplain } from '../lib/errors.ts';
import { unsafeMarkdown } from '../lib/safe-markdown.ts';
import { PracticeFrontMatter, PracticeId, splitFrontMatter } from '../schema/practice.ts';

export interface Practice extends PracticeFrontMatter {
  id: string;
  /** The Markdown body (rendered by the page from the same file). */
  body: string;
}

export interface PracticeContext {
  /** Known employment-area codes (TA01–TA46). */
  areas: ReadonlySet<string>;
  /** Known indicator ids. */
  indicators: ReadonlySet<string>;
}

/** Parses and checks one practice file's text. `file` is the path used in messages. */
export function parsePractice(text: string, file: string, ctx: PracticeContext): Practice {
  const name = file.split('/').pop()!;
  if (!name.endsWith('.md')) throw new InputError({ file }, 'a practice is a Markdown file ending in .md');
  const id = parseOrExplain(PracticeId, name.slice(0, -3), { file, field: 'file name' });
  const parts = splitFrontMatter(text);
  if (!parts) throw new InputError({ file, row: 1 }, 'the file must start with front matter between two lines of ---');
  let yaml: unknown;
  try {
    yaml = parseYaml(parts.yaml);
  } catch (e) {
    throw new InputError({ file }, `the front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const front = parseOrExplain(PracticeFrontMatter, yaml, { file });
  front.areas.forEach((a, k) => {
    if (!ctx.areas.has(a)) throw new InputError({ file, field: `areas[${k}]` }, `unknown employment area "${a}" (see data/reference/employment-areas.csv)`);
  });
  front.indicators.forEach((i, k) => {
    if (!ctx.indicators.has(i)) throw new InputError({ file, field: `indicators[${k}]` }, `unknown indicator "${i}" (no data/indicators/${i}.yaml)`);
  });
  if (parts.body.trim() === '') throw new InputError({ file, field: 'body' }, 'describe the practice below the front matter');
  const unsafe = unsafeMarkdown(parts.body);
  if (unsafe.length) {
    // The body is the tail of the file: its first line is this line of the file.
    const first = text.replace(/^\uFEFF/, '').slice(0, -parts.body.length || undefined).split('\n').length;
    const at = parts.body.length ? first : 1;
    throw new InputError({ file, row: at + unsafe[0]!.line - 1, field: 'body' }, unsafe[0]!.problem);
  }
  return { id, ...front, body: parts.body };
}

/** Reads every practice in a folder (default data/practices), sorted by id. */
export function loadPractices(ctx: PracticeContext, dir = join(process.cwd(), 'data', 'practices'), displayDir = 'data/practices'): Practice[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  return files.map((f) => parsePractice(readFileSync(join(dir, f), 'utf8'), `${displayDir}/${f}`, ctx));
}

/** Practices that involve an employment area. */
export function practicesOfArea(practices: readonly Practice[], code: string): Practice[] {
  return practices.filter((p) => p.areas.includes(code));
}

/** Practices that aim to move an indicator. */
export function practicesOfIndicator(practices: readonly Practice[], id: string): Practice[] {
  return practices.filter((p) => p.indicators.includes(id));
}

let cached: Practice[] | undefined;

/** The library as the site uses it (checked against the site's areas and indicators), read once per build. */
export function sitePractices(site: { areas: readonly { code: string; level: string }[]; indicators: readonly { id: string }[] }): Practice[] {
  cached ??= loadPractices({
    areas: new Set(site.areas.filter((a) => a.level === 'employment_area').map((a) => a.code)),
    indicators: new Set(site.indicators.map((i) => i.id)),
  });
  return cached;
}
