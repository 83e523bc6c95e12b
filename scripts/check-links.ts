/**
 * Checks every internal link and asset reference in the built site (dist/): each `href` or `src`
 * that starts with "/" must resolve to a file, and each `#fragment` on a page must exist on it.
 * Prints the broken ones and exits 1 if there are any.
 *
 * Usage: npm run test:links (after npm run build)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runMain } from './lib/args.ts';

const DIST = join(ROOT, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'pagefind' ? [] : htmlFiles(p);
    return f.endsWith('.html') ? [p] : [];
  });
}

function target(path: string): string | null {
  const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

async function main(): Promise<void> {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run npm run build first');
  const files = htmlFiles(DIST);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) ids.set(file, (set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))));
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const url = m[1]!;
      if (url.startsWith('#')) {
        checked++;
        if (url.length > 1 && !idsOf(file).has(url.slice(1))) broken.push(`${file.slice(DIST.length)}: ${url}`);
        continue;
      }
      if (!url.startsWith('/') || url.startsWith('//')) continue;
      checked++;
      const t = target(url);
      if (!t) broken.push(`${file.slice(DIST.length)}: ${url}`);
      else if (url.includes('#') && t.endsWith('.html') && !idsOf(t).has(url.split('#')[1]!)) broken.push(`${file.slice(DIST.length)}: ${url} (no such id)`);
    }
  }
  if (broken.length) {
    console.error(`${broken.length} broken internal links:\n${broken.slice(0, 50).join('\n')}`);
    process.exit(1);
  }
  console.error(`links: ${checked} internal links and assets in ${files.length} pages, none broken`);
}

runMain(main);
