import { rmSync } from 'node:fs';

/** Removes the app home that playwright.config.ts made for this run (never one the caller chose). */
export default function globalTeardown(): void {
  const home = process.env.OGMA_E2E_HOME;
  if (home && process.env.OGMA_E2E_HOME_MADE === home) rmSync(home, { recursive: true, force: true });
}
