/**
 * While scripts/build-site.ts builds the site, the search index reads each page as soon as it is
 * written, beside the rendering of the next pages, rather than all of them once the last is
 * written. The static build renders one page at a time (`build.concurrency` 1, astro.config.mjs)
 * and writes each before it starts the next, so when a page starts, the one before it is a whole
 * file: this says which page starts, and the build indexes the page before it (the last is read
 * once the pages' build has ended). Only then: the build starts the pages' build with
 * TILANNEKUVA_SEARCH_FEED=1 and a message channel; otherwise this does nothing. Responses pass
 * through untouched.
 *
 * The page's file is the one the static build writes (`build.format: 'directory'`):
 * `/fi/area/ku091/` → `fi/area/ku091/index.html`, `/404/` → `404.html`. The build checks that
 * each file it was told of exists and that its size did not change after it was read
 * (scripts/index-search.ts).
 */
import type { MiddlewareHandler } from 'astro';

const feeding = process.env.TILANNEKUVA_SEARCH_FEED === '1' && typeof process.send === 'function';

/**
 * The file a page's path is written to in a static build of `build.format: 'directory'` (the site
 * has no `base`): `<path>/index.html`, with or without the trailing slash, except the error pages.
 */
export function pageFile(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '').replace(/\/+$/, '');
  // The error pages are written as 404.html and 500.html whatever the format.
  if (path === '404' || path === '500') return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}

export const onRequest: MiddlewareHandler = (context, next) => {
  if (feeding) process.send!({ starts: pageFile(context.url.pathname) });
  return next();
};
