/**
 * Errors about input data. Every message names the file, and where it applies the row and
 * the field, so that whoever fixes the input knows where to look.
 */
import type { z } from 'zod';

/** Where in an input a problem is. Row numbers are 1-based and count the header as row 1. */
export interface InputLocation {
  /** Path of the file, as the user would type it (relative to the project root). */
  file: string;
  /** Line or row number (1 = header of a CSV), or a cell description for JSON-stat. */
  row?: number | string;
  /** Column, field or JSON path. */
  field?: string;
}

/** An input that does not meet its contract. Thrown by parsers and importers; never caught silently. */
export class InputError extends Error {
  readonly location: InputLocation;
  readonly problem: string;

  constructor(location: InputLocation, problem: string) {
    super(formatLocation(location) + ': ' + problem);
    this.name = 'InputError';
    this.location = location;
    this.problem = problem;
  }
}

/** Formats a location as `file, row 12, field "value"`. */
export function formatLocation({ file, row, field }: InputLocation): string {
  let out = file;
  if (row !== undefined) out += typeof row === 'number' ? `, row ${row}` : `, ${row}`;
  if (field !== undefined && field !== '') out += `, field "${field}"`;
  return out;
}

/** Joins a zod issue path into a readable field name: `display.decimals`, `names.fi`, `[3].code`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out;
}

/**
 * Parses `value` with `schema`, or throws an {@link InputError} that names the file, the row and
 * the first failing field, with zod's reason and (for short values) what was found.
 */
export function parseOrExplain<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: InputLocation,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new InputError(location, 'invalid input');
  const field = [location.field, issuePath(issue.path)].filter(Boolean).join('.');
  const found = valueAt(value, issue.path);
  const shown =
    found === undefined
      ? ' (missing)'
      : typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean'
        ? ` (found ${JSON.stringify(found).slice(0, 60)})`
        : '';
  const more = result.error.issues.length > 1 ? `; ${result.error.issues.length - 1} more problem(s) in the same record` : '';
  throw new InputError({ ...location, field: field || undefined }, issue.message + shown + more);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
