/**
 * The chunk cache that makes a live acquire restartable: each answer that arrived whole and
 * passed validation is kept in `data/.acquire-cache/<source>/<key>.json`, keyed by
 * sha256(url + query) and stamped with the table's `updated`. A rerun after an interruption
 * reuses the chunks whose stamp still matches and asks only for the rest. The folder of a source
 * is deleted once its snapshot has been written.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256, writeFileAtomic } from '../fsx.ts';

/** What one cache file holds. */
interface CacheEntry {
  updated: string;
  url: string;
  query: unknown;
  /** The answer exactly as received. */
  text: string;
}

/** The cache key of a request: sha256 of the URL followed by the JSON query. */
function cacheKey(url: string, query: unknown): string {
  return sha256(url + JSON.stringify(query));
}

/** Chunk answers of completed requests, one folder per source. */
export class ChunkCache {
  readonly dir: string;

  /** @param dir the cache folder, e.g. `data/.acquire-cache` */
  constructor(dir: string) {
    this.dir = dir;
  }

  #file(source: string, key: string): string {
    return join(this.dir, source, `${key}.json`);
  }

  /**
   * The cached answer for a request if it was stored for the same table `updated` stamp; an
   * unreadable or stale file counts as absent. A null stamp never matches (nothing to compare).
   */
  async get(source: string, url: string, query: unknown, updated: string | null): Promise<string | undefined> {
    if (updated === null) return undefined;
    const file = this.#file(source, cacheKey(url, query));
    if (!existsSync(file)) return undefined;
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheEntry>;
      if (entry.updated === updated && entry.url === url && typeof entry.text === 'string') return entry.text;
    } catch {
      // A file cut short by a crash: ignore it, the chunk is fetched again and the file replaced.
    }
    return undefined;
  }

  /** Stores an answer (atomically, so an interruption never leaves half a file). */
  async put(source: string, url: string, query: unknown, updated: string | null, text: string): Promise<void> {
    if (updated === null) return;
    const entry: CacheEntry = { updated, url, query, text };
    await writeFileAtomic(this.#file(source, cacheKey(url, query)), JSON.stringify(entry));
  }

  /** Deletes everything cached for a source. */
  async clear(source: string): Promise<void> {
    await rm(join(this.dir, source), { recursive: true, force: true });
  }
}
