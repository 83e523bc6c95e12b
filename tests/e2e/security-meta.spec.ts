/**
 * The meta Content-Security-Policy of the pages outside the language folders (issue 16,
 * "Headers"): the root (which leads to /fi/) and the 404 page carry the site's policy, and only the
 * search pages may compile WebAssembly (Pagefind). The policy is the one src/lib/security.ts
 * gives; the expected texts are written by hand (the hash: see tests/unit/lib/security.test.ts).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

const SCRIPT_SRC = "script-src 'self' 'sha256-Du+OJKJSbdUgz5nrHeWWINvez6XKDDU/tyj/5c2uvwo='";

/** The content of the page's `<meta http-equiv="Content-Security-Policy">`, as served. */
async function metaPolicy(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path)).text();
  const found = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/g)].map((m) => m[1]!);
  expect(found, `one meta policy on ${path}`).toHaveLength(1);
  return found[0]!.replaceAll('&#39;', "'");
}

for (const path of ['/', '/404.html', '/fi/', '/sv/embed/']) {
  test(`${path} carries the meta policy without WebAssembly`, async ({ request }) => {
    const policy = await metaPolicy(request, path);
    expect(policy.startsWith(`default-src 'self'; ${SCRIPT_SRC}; `), policy).toBe(true);
    expect(policy).not.toContain('wasm-unsafe-eval');
  });
}

for (const lang of ['fi', 'sv', 'en']) {
  test(`/${lang}/search/ may compile WebAssembly for the search index`, async ({ request }) => {
    const policy = await metaPolicy(request, `/${lang}/search/`);
    expect(policy).toContain(`${SCRIPT_SRC} 'wasm-unsafe-eval';`);
  });
}
