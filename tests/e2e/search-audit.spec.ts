import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** Opens the demo and waits for its first pull to finish, so there is something to search and audit. */
async function openPulledDemo(page: Page, openApp: () => Promise<Page>): Promise<void> {
  await openApp();
  const demoTab = page.getByRole('tab', { name: /demo/i });
  if (await demoTab.isVisible().catch(() => false)) await demoTab.click();
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('region', { name: 'Pull history' }).getByRole('article').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Pulls' }).getByText('Running')).toHaveCount(0, { timeout: 60_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${SCREENS}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('Search and the audit log on the demo workspace', () => {
  test.describe.configure({ timeout: 120_000 });


  test('a word the demo holds finds masked hits with the word marked; a hit opens its transcript; a bad query says why', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPulledDemo(page, openApp);
    await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();

    // The box has focus on arrival. The demo's contact requests say "Email: <address>".
    const box = page.getByRole('searchbox', { name: 'Search captured messages' });
    await expect(box).toBeFocused();
    await box.fill('email');
    await box.press('Enter');
    const hits = page.getByRole('list', { name: 'Matching messages' }).getByRole('listitem');
    await expect(hits.first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /\d+ messages?/ })).toBeVisible();
    // The word is highlighted, the address beside it is a mask chip, never the address itself.
    const first = hits.first();
    await expect(first.locator('mark.snippet__hit').first()).toHaveText(/^email$/i);
    await expect(page.locator('.hits .pii-chip--email').first()).toBeVisible();
    expect(await page.locator('.hits').textContent()).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    await shoot(page, 'search');

    // `/` brings focus back to the box from anywhere else on the screen.
    await page.locator('.search__summary').click();
    await expect(box).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(box).toBeFocused();

    // Something that is not a search at all: the backend's own message, on the box.
    await box.fill('"*"');
    await box.press('Enter');
    await expect(page.getByRole('alert')).toContainText('at least one word');
    await expect(box).toHaveAttribute('aria-invalid', 'true');

    // A hit opens the chat's transcript (#/content/<tenant>/<chat>/<message>).
    await box.fill('email');
    await box.press('Enter');
    const link = hits.first().getByRole('link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#\/content\/[^/]+\/[^/]+\/[^/]+$/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();
  });

  test('the audit log lists records newest first, filters by type, and verifying the chain shows progress then "verified"; a record opens with its proof', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPulledDemo(page, openApp);
    await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

    const rows = page.locator('tbody .audit-row');
    await expect(rows.first()).toBeVisible();
    const times = await rows.locator('.audit-row__time').allTextContents();
    expect(times.length).toBeGreaterThan(10);
    expect([...times].sort().reverse()).toEqual(times);

    // Filter by type: every row is a completed pull.
    await page.getByLabel('Type', { exact: true }).selectOption('pull_completed');
    await expect(rows.first()).toHaveAttribute('data-type', 'pull_completed');
    await expect(rows.and(page.locator(':not([data-type="pull_completed"])'))).toHaveCount(0);
    await expect(rows.first().locator('.record-type')).toHaveText('Pull completed');

    // Verify: a bar fed by the service's progress events, then the verdict; the bar stays full.
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const bar = page.getByRole('progressbar', { name: 'Chain verification progress' });
    await expect(bar).toBeVisible();
    const result = page.locator('.verify__result');
    await expect(result).toContainText('Chain verified', { timeout: 60_000 });
    await expect(result).toContainText(/\d[\d,]* records/);
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(page.locator('.verify__progress-text')).toHaveText(/^([\d,]+) of \1 records · finished$/);
    await shoot(page, 'audit');

    // A record opens in the drawer with its JSON and leaf hash, checked by the service.
    await rows.first().getByRole('button', { name: /Open record/ }).click();
    const drawer = page.getByRole('dialog', { name: /Record #\d+/ });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText('Verified', { exact: true })).toBeVisible();
    await expect(drawer.getByLabel('Record JSON')).toContainText('"type": "pull_completed"');
    await expect(drawer.locator('.drawer__hash').first()).toHaveText(/^[0-9a-f]{64}$/);
    await shoot(page, 'audit-record');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });
});
