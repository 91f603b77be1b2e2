import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

async function openDemoActivity(page: Page): Promise<void> {
  const demoTab = page.getByRole('tab', { name: /demo/i });
  if (await demoTab.isVisible().catch(() => false)) await demoTab.click();
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Usage & Activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usage & Activity' })).toBeVisible();
}

/** "Showing 1–50 of 273" -> 273 */
async function feedTotal(page: Page): Promise<number> {
  const text = (await page.getByRole('navigation', { name: 'Pages of events', exact: true }).locator('.act-pager__summary').textContent()) ?? '';
  const m = /of ([\d,]+)/.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : 0;
}

test.describe('Usage & Activity on the demo workspace', () => {
  test.describe.configure({ timeout: 120_000 });


  test('charts draw the pulled usage; a filter narrows the feed; a key id opens what that key did', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();
    await openDemoActivity(page);

    // The demo pulls as it opens; the charts appear (or refresh) when its usage reports are sealed.
    const tokens = page.getByRole('figure', { name: /^Anthropic tokens per (day|week|month)$/ });
    await expect(tokens).toBeVisible({ timeout: 90_000 });
    await expect.poll(() => tokens.locator('svg rect[class^="act-series-"]').count(), { timeout: 60_000 }).toBeGreaterThan(10);
    const cost = page.getByRole('figure', { name: /^Cost per (day|week|month)$/ });
    await expect(cost.locator('svg rect[class^="act-series-"]').first()).toBeVisible();
    // Money is shown to the cent and, beside it, with every digit the vendor reported.
    const totals = page.locator('dl[aria-label="Totals for the period"]');
    await expect(totals).toContainText(/Anthropic cost\s*\$[\d,]+\.\d{2}/);
    await expect(totals).toContainText(/OpenAI cost\s*\$[\d,]+\.\d{2}/);
    // The data table behind the chart holds the same buckets, with exact figures.
    await tokens.getByRole('button', { name: 'Show table' }).click();
    const rows = tokens.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    await expect(rows.filter({ hasText: /[1-9][\d,]{3,}/ }).first()).toBeVisible();
    await tokens.getByRole('button', { name: 'Show chart' }).click();
    // Breakdowns by model and by project name real groups from the demo.
    await expect(page.getByRole('table', { name: /Anthropic by model/ }).getByRole('rowheader', { name: /claude-/ }).first()).toBeVisible();
    await expect(page.getByRole('table', { name: /OpenAI cost by project/ }).getByRole('rowheader', { name: /proj_/ }).first()).toBeVisible();

    mkdirSync(SCREENS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENS}/usage-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // The feed: every captured event; choosing one source leaves only that source's events.
    await page.getByRole('navigation', { name: 'Usage and activity views' }).getByRole('link', { name: 'Activity feed' }).click();
    const feed = page.getByRole('table', { name: /Captured activity and audit events/ });
    await expect(feed.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
    const all = await feedTotal(page);
    expect(all).toBeGreaterThan(0);
    await page.getByLabel('Source').selectOption('openai');
    await expect.poll(() => feedTotal(page)).toBeLessThan(all);
    const sources = await feed.locator('.act-event__source').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(['OpenAI audit log']));
    // An exact event type narrows it further.
    await page.getByLabel('Event type').fill('api_key.created');
    await page.getByLabel('Event type').press('Enter');
    await expect.poll(async () => new Set(await feed.locator('tbody tr[data-type]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-type'))))).toEqual(new Set(['api_key.created']));
    await page.getByRole('button', { name: /^Clear \d+ filters?$/ }).click();
    await expect.poll(() => feedTotal(page)).toBe(all);

    // A key id in the feed opens its investigation: every event listed there names that key.
    const keyLink = feed.locator('a.act-keylink').first();
    await expect(keyLink).toBeVisible();
    const keyId = (await keyLink.textContent())!.trim();
    await keyLink.click();
    await expect(page).toHaveURL(new RegExp(`#/activity/key/${keyId}$`));
    await expect(page.getByRole('heading', { level: 2, name: `What did ${keyId} do?` })).toBeVisible();
    const keyEvents = page.getByRole('table', { name: `Events that name ${keyId}, newest first` });
    await expect(keyEvents.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
    for (const row of await keyEvents.locator('tbody tr[data-type]').all()) await expect(row).toContainText(keyId);
    await expect(page.getByRole('figure', { name: /^Events per (day|week|month)$/ }).locator('svg rect[class^="act-series-"]').first()).toBeVisible();
    await expect(page.locator('dl[aria-label="What the record shows about this key"]')).toContainText(/Events captured\s*[1-9]/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENS}/activity-key-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
