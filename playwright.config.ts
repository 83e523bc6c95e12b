import { defineConfig } from '@playwright/test';

/** Port of the preview server (PREVIEW_PORT lets several checkouts test side by side). */
const PORT = process.env.PREVIEW_PORT ?? '4321';

/**
 * End-to-end tests against the built site (`npm run build` first), served by `astro preview`,
 * in Debian's Chromium (never a downloaded browser).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The JSON report feeds the closing "N passed, N failed" line of .ci/run (scripts/test-summary.ts).
  reporter: [[process.env.CI ? 'line' : 'list'], ['json', { outputFile: '.reports/e2e.json' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
    },
  },
  webServer: {
    command: 'npm run preview',
    url: `http://127.0.0.1:${PORT}/fi/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
