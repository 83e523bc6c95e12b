// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every page is rendered at build time from data/derived (see README).
export default defineConfig({
  // The public address, if known at build time (citations and embed codes); otherwise pages
  // fill in the address they are served from.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  trailingSlash: 'always',
  // One page at a time, each written before the next starts: the search index reads each page
  // once the next one starts (src/middleware.ts).
  build: { format: 'directory', concurrency: 1 },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
