// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every page is rendered at build time from data/derived (see README).
export default defineConfig({
  site: 'https://tilannekuva.example.fi',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
