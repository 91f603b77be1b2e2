import { defineConfig } from '@playwright/test';

/**
 * Smoke test of the real Electron shell (`npx playwright test -c playwright.electron.config.ts`).
 * It needs the Electron binary, which cannot be downloaded on every machine: without it the
 * test skips itself with a one-line reason. The spec builds the app before launching it.
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
