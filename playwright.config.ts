/**
 * End-to-end tests against the production build, in Debian's Chromium (Playwright cannot download its own browser
 * on this network). `npm run test:e2e` builds first; the web server here only serves dist/.
 */
import { defineConfig, devices } from '@playwright/test';

// Several engineers on one machine: each may serve its own build (`vite build --outDir dist-x`) on its own port.
const port = Number(process.env.NETLOOM_E2E_PORT ?? 4173);
// Relative to the Vite root (app/); unset serves the normal build in dist/.
const outDir = process.env.NETLOOM_E2E_DIST;

export default defineConfig({
  testDir: 'e2e',
  // 2 cores: one worker keeps timings stable and the preview server responsive.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1600, height: 1000 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir ? ` --outDir ${outDir}` : ''}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
