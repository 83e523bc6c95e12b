/**
 * The good-practice library as the site reads it: the practices the validate stage checked
 * (scripts/lib/validate/practices.ts), passed on by derive as data/derived/practices.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { PracticeLang } from '../lib/practice-text.ts';
import type { PracticeFrontMatter } from '../schema/practice.ts';
import { derivedDir } from './site.ts';

export interface Practice extends PracticeFrontMatter {
  id: string;
  /** The Markdown body as written (all languages). */
  body: string;
  /** The body's syntax tree per language: the original and the translations present. */
  bodies: Partial<Record<PracticeLang, Root>>;
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

/** The library, read once per build. */
export function sitePractices(): Practice[] {
  cached ??= JSON.parse(readFileSync(join(derivedDir(), 'practices.json'), 'utf8')) as Practice[];
  return cached;
}
