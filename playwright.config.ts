import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real renderer, served by the browser host (`ogma serve`), driven in
 * Debian's Chromium. Playwright never downloads a browser here (no `npx playwright install`).
 *
 * The host's token is random per launch; for the test run it is drawn here and handed to
 * the server through OGMA_WEB_TOKEN (which `ogma serve` honours only when explicitly set).
 * This file is evaluated again in each worker process, so the values live in process.env,
 * which the workers inherit, rather than being drawn twice.
 */

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install Debian's build with \`apt-get install -y chromium\`, ` +
      'or set CHROMIUM_PATH to a Chromium binary. (Do not run `npx playwright install`: it downloads.)',
  );
}

// OGMA_E2E_PORT lets two checkouts run their end-to-end tests side by side.
export const E2E_PORT = Number(process.env.OGMA_E2E_PORT ?? 4179);
process.env.OGMA_WEB_TOKEN ||= randomBytes(32).toString('base64url');
if (!process.env.OGMA_E2E_HOME) {
  process.env.OGMA_E2E_HOME = mkdtempSync(join(tmpdir(), 'ogma-e2e-home-'));
  process.env.OGMA_E2E_HOME_MADE = process.env.OGMA_E2E_HOME; // so the teardown removes only what it made
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    // Build first: a stale dist/renderer would test yesterday's UI.
    command: `npx vite build --logLevel warn && node bin/ogma.js serve --port ${E2E_PORT} --no-open`,
    // The host answers 403 without the token, which Playwright counts as "up".
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      OGMA_HOME: process.env.OGMA_E2E_HOME,
      OGMA_WEB_TOKEN: process.env.OGMA_WEB_TOKEN,
    },
  },
});
