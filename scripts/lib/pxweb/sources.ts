/**
 * Reading the sources the live acquire refreshes: every `data/sources/*.yaml` with a `pxweb`
 * block (Statistics Finland's PxWeb API) or a `ckan` block (an open-data portal), validated with
 * the {@link Source} schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, parseOrExplain } from '../../../src/lib/errors.ts';
import { Source } from '../../../src/schema/source.ts';
import { rel } from '../fsx.ts';
import { AcquireError } from './errors.ts';

/** A source that has a PxWeb table, with the file it was read from. */
export interface PxWebSource {
  source: Source & { pxweb: NonNullable<Source['pxweb']> };
  /** Path of the YAML file as messages show it. */
  file: string;
}

/** A source that has a CKAN dataset, with the file it was read from. */
export interface CkanSource {
  source: Source & { ckan: NonNullable<Source['ckan']> };
  file: string;
}

/**
 * Every source with a live path: those with a `pxweb` block and those with a `ckan` block, each
 * sorted by id. With `only`, just those ids; an id that is unknown or has neither block fails.
 */
export function loadLiveSources(dir: string, only: readonly string[] = []): { pxweb: PxWebSource[]; ckan: CkanSource[] } {
  const all = readSources(dir);
  const live = all.filter((s) => s.source.pxweb || s.source.ckan);
  const chosen = only.length === 0 ? live : only.map((id) => {
    const found = live.find((s) => s.source.id === id);
    if (found) return found;
    if (all.some((s) => s.source.id === id)) throw new AcquireError(`source ${id} has neither a pxweb nor a ckan block in ${rel(dir)}/, so it cannot be refreshed live (use npm run data:acquire:files).`);
    throw new AcquireError(`no source ${id} in ${rel(dir)}/; sources with a pxweb or ckan block: ${live.map((s) => s.source.id).sort().join(', ') || 'none'}.`);
  });
  const byId = (a: { source: Source }, b: { source: Source }) => (only.length ? 0 : a.source.id.localeCompare(b.source.id));
  return {
    pxweb: chosen.filter((s): s is PxWebSource => !!s.source.pxweb).sort(byId),
    ckan: chosen.filter((s): s is CkanSource => !s.source.pxweb && !!s.source.ckan).sort(byId),
  };
}

function readSources(dir: string): { source: Source; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch (e) {
    throw new AcquireError(`cannot read the source folder ${rel(dir)} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return names.map((name) => {
    const path = join(dir, name);
    const file = rel(path);
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new InputError({ file }, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    return { source: parseOrExplain(Source, doc, { file }), file };
  });
}

/**
 * Reads and validates every source file in `dir` and returns those with a `pxweb` block,
 * sorted by id. With `only`, returns just those ids, in the order given, and fails on an id that
 * is unknown or has no `pxweb` block.
 */
export function loadPxWebSources(dir: string, only: readonly string[] = []): PxWebSource[] {
  const read = readSources(dir);
  const all = read.filter((s): s is PxWebSource => !!s.source.pxweb);
  const withoutPxweb = read.filter((s) => !s.source.pxweb).map((s) => s.source.id);
  if (only.length === 0) return all.sort((a, b) => a.source.id.localeCompare(b.source.id));
  return only.map((id) => {
    const found = all.find((s) => s.source.id === id);
    if (found) return found;
    if (withoutPxweb.includes(id)) throw new AcquireError(`source ${id} has no pxweb block in ${rel(dir)}/, so it cannot be refreshed from the API (use npm run data:acquire:files).`);
    throw new AcquireError(`no source ${id} in ${rel(dir)}/; sources with a pxweb block: ${all.map((s) => s.source.id).join(', ') || 'none'}.`);
  });
}
