/**
 * The closing line of scripts/build-site.ts ("build-site: pages 61.5 s and downloads 46.4 s side
 * by side; search index of 1457 pages 25.4 s from the end of the pages; total …"), read back by
 * the benchmarks. The search index is built once the pages are there, beside the downloads.
 */
export interface SiteTimes {
  pages: number;
  downloads: number;
  /** The pages and the downloads ran side by side (else one after the other). */
  parallel: boolean;
  indexedPages: number;
  searchIndex: number;
}

export function siteTimes(output: string): SiteTimes | null {
  const m = /pages ([\d.]+) s and downloads ([\d.]+) s (side by side|one after the other); search index of (\d+) pages ([\d.]+) s/.exec(output);
  return m ? { pages: Number(m[1]), downloads: Number(m[2]), parallel: m[3] === 'side by side', indexedPages: Number(m[4]), searchIndex: Number(m[5]) } : null;
}
