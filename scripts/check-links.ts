/**
 * Checks every internal link and asset reference in the built site (dist/): each `href` or `src`
 * that starts with "/" must resolve to a file, and each `#fragment` on a page must exist on it.
 * Checks every page too: a `lang` that matches its language folder, a non-empty title, exactly one
 * `h1` (embed pages, made to sit inside another page, have none), and a counterpart at the same
 * path in the other two languages. Prints the problems and exits 1 if there are any.
 *
 * Usage: npm run test:links (after npm run build)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runMain } from './lib/args.ts';
import { LANGS } from '../src/schema/vocabulary.ts';

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


/** Problems of one page (`path` relative to dist/, starting with "/"). */
export function checkPage(path: string, html: string): string[] {
  const out: string[] = [];
  const head = html.split(/<\/head>/i)[0]!;
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
  const folder = /^\/(fi|sv|en)\//.exec(path)?.[1];
  if (!lang) out.push(`${path}: no lang on <html>`);
  else if (folder && lang !== folder) out.push(`${path}: lang="${lang}" in the /${folder}/ folder`);
  const title = /<title>([^<]*)<\/title>/i.exec(head)?.[1]?.trim();
  if (!title) out.push(`${path}: no title`);
  const h1s = (html.match(/<h1[\s>]/gi) ?? []).length;
  const embed = /^\/(fi|sv|en)\/embed\//.test(path);
  if (!embed && h1s !== 1) out.push(`${path}: ${h1s} h1 elements (expected one)`);
  if (folder) {
    for (const other of LANGS.filter((l) => l !== folder)) {
      if (!existsSync(join(DIST, path.replace(`/${folder}/`, `/${other}/`)))) out.push(`${path}: no /${other}/ counterpart`);
    }
  }
  return out;
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
  const pageProblems: string[] = [];
  let checked = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    pageProblems.push(...checkPage(file.slice(DIST.length), html));
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
  if (broken.length) console.error(`${broken.length} broken internal links:\n${broken.slice(0, 50).join('\n')}`);
  if (pageProblems.length) console.error(`${pageProblems.length} page problems:\n${pageProblems.slice(0, 50).join('\n')}`);
  if (broken.length || pageProblems.length) process.exit(1);
  console.error(`links: ${checked} internal links and assets in ${files.length} pages, none broken; every page has its lang, title, one h1 and its counterparts`);
}

if (import.meta.main) runMain(main);
