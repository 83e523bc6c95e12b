/**
 * The site's Content-Security-Policy and other security headers, in one place: the pages carry
 * the policy in a `<meta http-equiv>` (src/layouts/Base.astro, the embed page) and
 * scripts/build-site.ts writes the same policy, with the headers a meta element cannot carry,
 * into `dist/_headers` (the format of Cloudflare Pages; Netlify reads the same file but not the
 * `!` line that removes a header, so there the embed pages keep `frame-ancestors 'self'`).
 *
 * Only the site's own origin is allowed. Scripts: files of the site, plus one inline script
 * allowed by its hash ({@link HEAD_SCRIPT}); JSON data islands are not executed.
 * `'wasm-unsafe-eval'` lets the search index's WebAssembly (Pagefind) compile, so it is allowed only
 * on the search pages ({@link CSP_SEARCH}). Styles: the site's stylesheets, plus inline style
 * attributes, because the build-time SVG charts of Observable Plot carry their styles inline.
 * Images: the site's, plus `data:` and `blob:` for the PNG export of a chart.
 *
 * Which hosts send `dist/_headers` (README, "Deploy"): Cloudflare Pages and Netlify read it;
 * GitHub Pages sends no custom headers, so there `frame-ancestors` and the other header-only
 * protections are absent and only the meta policy applies.
 */
import { createHash } from 'node:crypto';
import { LANGS } from '../schema/vocabulary.ts';

/**
 * The one inline script, in the head of every page: marks the document as scripted before it is
 * first painted, so that controls that need JavaScript take their place at once instead of
 * pushing the page down when the deferred scripts run (layout shift).
 */
export const HEAD_SCRIPT = "document.documentElement.classList.add('js')";

/** The CSP source that allows exactly {@link HEAD_SCRIPT}. */
const HEAD_SCRIPT_HASH = `'sha256-${createHash('sha256').update(HEAD_SCRIPT).digest('base64')}'`;

const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', `'self' ${HEAD_SCRIPT_HASH}`],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy as a `<meta http-equiv="Content-Security-Policy">` can carry it. */
export const CSP = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy of the pages that load search: WebAssembly may compile (Pagefind's index). */
export const CSP_SEARCH = CSP_DIRECTIVES.map(([k, v]) => `${k} ${k === 'script-src' ? `${v} 'wasm-unsafe-eval'` : v}`).join('; ');

/**
 * `dist/_headers`: the policy and the headers only a server can send. Pages may be framed only
 * by the site itself, except the embed pages, which exist to be framed by other sites. The search
 * pages get the policy that lets WebAssembly compile.
 */
export function headersFile(): string {
  const common = [
    `  Content-Security-Policy: ${CSP}; frame-ancestors 'self'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '  Cross-Origin-Opener-Policy: same-origin',
  ];
  const embed = (lang: string) => [`/${lang}/embed/*`, `  ! Content-Security-Policy`, `  Content-Security-Policy: ${CSP}; frame-ancestors *`];
  const search = (lang: string) => [`/${lang}/search/*`, `  ! Content-Security-Policy`, `  Content-Security-Policy: ${CSP_SEARCH}; frame-ancestors 'self'`];
  return [
    '# Security headers for static hosts (Cloudflare Pages format), written by',
    '# scripts/build-site.ts from src/lib/security.ts. The pages carry the same policy in a',
    '# <meta http-equiv>; frame-ancestors can only be sent as a header. GitHub Pages ignores this file.',
    '/*',
    ...common,
    ...LANGS.flatMap(embed),
    ...LANGS.flatMap(search),
    '',
  ].join('\n');
}
