import { test as base, expect, type Page } from '@playwright/test';

/**
 * The e2e fixtures: `openApp()` loads the app through the browser host with the run's
 * token (see playwright.config.ts), and every test fails if the page logged a console
 * error or threw, unless it declares the errors it expects with `allowConsoleErrors`.
 */

export function appPath(): string {
  const token = process.env.OGMA_WEB_TOKEN;
  if (!token) throw new Error('OGMA_WEB_TOKEN is not set: run the e2e tests through `playwright test` (playwright.config.ts sets it).');
  return `/?token=${token}`;
}

type Fixtures = {
  problems: string[];
  allowConsoleErrors: (match: RegExp) => void;
  openApp: () => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await use(problems);
  },
  allowConsoleErrors: async ({ problems }, use) => {
    const allowed: RegExp[] = [];
    await use((m) => void allowed.push(m));
    const unexpected = problems.filter((p) => !allowed.some((m) => m.test(p)));
    expect(unexpected, 'console errors or page errors').toEqual([]);
  },
  openApp: async ({ page, allowConsoleErrors }, use) => {
    void allowConsoleErrors; // pulls in the console check for every test that opens the app
    await use(async () => {
      await page.goto(appPath());
      return page;
    });
    // Every spec shares one server: leave it on the Welcome screen for whoever runs next.
    await closeWorkspaceIfOpen(page);
  },
});

/** Closes the open workspace, if any, and waits for the Welcome screen. */
export async function closeWorkspaceIfOpen(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Close workspace' });
  if (await close.isVisible().catch(() => false)) {
    await close.click();
    await expect(page.getByRole('tablist', { name: 'Get started' })).toBeVisible();
  }
}

export { expect };
