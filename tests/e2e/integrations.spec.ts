import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** The number in the row of a count table ("Captured 234"), inside one pull record. */
async function count(pull: Locator, caption: string, row: string): Promise<number> {
  const table = pull.locator('table.counts').filter({ has: pull.page().locator('caption', { hasText: caption }) });
  const text = await table.getByRole('row', { name: new RegExp(`^${row}\\b`) }).first().getByRole('cell').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

async function connectedCount(page: Page): Promise<number> {
  return page.locator('.tenant .badge', { hasText: /^Connected$/ }).count();
}

test.describe('Integrations on the demo workspace', () => {
  test.describe.configure({ timeout: 90_000 });

  // Other specs open the demo on the same server first; removing its folder (closed: every
  // spec closes the workspace after itself) makes the next "Open the demo" a first launch,
  // whose pull captures the simulator's messages.
  test.beforeAll(() => {
    const home = process.env.OGMA_E2E_HOME;
    if (!home) throw new Error('OGMA_E2E_HOME is not set: run through playwright.config.ts.');
    rmSync(join(home, 'demo', 'Demo case.ogma'), { recursive: true, force: true });
  });


  test('the first pull completes with counts; a second finds nothing new; a wrong key is refused in place', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();
    const demoTab = page.getByRole('tab', { name: /demo/i });
    if (await demoTab.isVisible().catch(() => false)) await demoTab.click();
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Integrations' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();

    // The demo starts a pull as it opens; wait for its record in the history.
    const history = page.getByRole('region', { name: 'Pull history' });
    const pull = history.getByRole('article').first();
    await expect(pull).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Pulls' }).getByText('Running')).toHaveCount(0, { timeout: 60_000 });
    await expect(pull.locator('.pull__header .badge')).toHaveText('Complete');
    const firstRun = await pull.getAttribute('data-run');
    // A fresh OGMA_HOME: the demo's first pull captured the simulator's messages.
    expect(await count(pull, 'Messages', 'Captured')).toBeGreaterThan(0);
    expect(await count(pull, 'Messages', 'Seen')).toBeGreaterThan(0);
    expect(await count(pull, 'Chats', 'Seen')).toBeGreaterThan(0);
    expect(await count(pull, 'Chats', 'Users')).toBeGreaterThan(0);
    expect(await count(pull, 'Activity, usage and audit', 'Activities')).toBeGreaterThan(0);

    // Screenshots of the finished state, both schemes.
    mkdirSync(SCREENS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENS}/integrations-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Pull again: a new run, complete, and nothing new captured.
    await page.getByRole('button', { name: 'Pull now', exact: true }).click();
    await expect(history.getByRole('article').first()).not.toHaveAttribute('data-run', firstRun ?? '', { timeout: 60_000 });
    const again = history.getByRole('article').first();
    await expect(again.locator('.pull__header .badge')).toHaveText('Complete');
    expect(await count(again, 'Messages', 'Captured')).toBe(0);

    // A Claude API key in the Compliance slot: refused, message next to the key, nothing sealed.
    const before = await connectedCount(page);
    expect(before).toBeGreaterThan(0);
    await page.getByRole('radio', { name: /Anthropic Compliance Access Key/ }).check();
    const key = page.getByLabel('Paste the Anthropic Compliance Access Key');
    await expect(key).toHaveAttribute('type', 'password');
    await expect(key).toHaveAttribute('autocomplete', 'off');
    await key.fill('sk-ant-api03-abc');
    await page.getByRole('button', { name: /Check and seal|Replace key/ }).last().click();
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    const error = page.locator('.connect .field__error');
    await expect(error).toContainText('Claude API key');
    await expect(key).toHaveValue('');
    expect(await connectedCount(page)).toBe(before);
    await expect(page.locator('.connect__success')).toHaveCount(0);
  });
});
