/** The Content-Security-Policy and the _headers file (src/lib/security.ts), against hand-written expectations. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSP, CSP_SEARCH, HEAD_SCRIPT, headersFile } from '../../../src/lib/security.ts';

test('the policy allows only the own origin and no inline script or eval', () => {
  assert.match(CSP, /^default-src 'self'; /);
  // The hash of the head script, by hand: printf %s "document.documentElement.classList.add('js')" | openssl dgst -sha256 -binary | base64
  assert.equal(HEAD_SCRIPT, "document.documentElement.classList.add('js')");
  assert.ok(CSP.includes("script-src 'self' 'sha256-Du+OJKJSbdUgz5nrHeWWINvez6XKDDU/tyj/5c2uvwo=';"), CSP);
  assert.doesNotMatch(CSP, /wasm-unsafe-eval/, 'WebAssembly only where search loads');
  assert.doesNotMatch(CSP, /script-src[^;]*'unsafe-inline'/);
  assert.doesNotMatch(CSP, /'unsafe-eval'/);
  assert.doesNotMatch(CSP, /https?:|\*/); // no other origin, no wildcard
  assert.match(CSP, /object-src 'none'/);
});

test('the headers file frames pages only on the site, embeds anywhere', () => {
  const lines = headersFile().split('\n');
  assert.equal(lines[lines.indexOf('/*') + 1], `  Content-Security-Policy: ${CSP}; frame-ancestors 'self'`);
  assert.ok(lines.includes('  X-Content-Type-Options: nosniff'));
  for (const lang of ['fi', 'sv', 'en']) {
    const k = lines.indexOf(`/${lang}/embed/*`);
    assert.ok(k > 0, `rule for /${lang}/embed/*`);
    assert.equal(lines[k + 1], '  ! Content-Security-Policy');
    assert.equal(lines[k + 2], `  Content-Security-Policy: ${CSP}; frame-ancestors *`);
  }
});

test('only the search pages may compile WebAssembly (Pagefind), in the meta policy and in _headers', () => {
  assert.equal(CSP_SEARCH, CSP.replace("'sha256-Du+OJKJSbdUgz5nrHeWWINvez6XKDDU/tyj/5c2uvwo=';", "'sha256-Du+OJKJSbdUgz5nrHeWWINvez6XKDDU/tyj/5c2uvwo=' 'wasm-unsafe-eval';"));
  const lines = headersFile().split('\n');
  for (const lang of ['fi', 'sv', 'en']) {
    const k = lines.indexOf(`/${lang}/search/*`);
    assert.ok(k > 0, `rule for /${lang}/search/*`);
    assert.equal(lines[k + 1], '  ! Content-Security-Policy');
    assert.equal(lines[k + 2], `  Content-Security-Policy: ${CSP_SEARCH}; frame-ancestors 'self'`);
  }
  assert.equal(lines.filter((l) => l.includes('wasm-unsafe-eval')).length, 3);
});
