import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goToSurface, horizontalOverflow, openDemoAndWaitForPull, saveScreenshot } from './journey-helpers';

/**
 * The screenshot tour: every screen of the app on the demo workspace, light and dark, at
 * 1280x800 and 1920x1080, saved under test-results/screens/tour/ as
 * `<nn>-<screen>-<width>x<height>-<scheme>.png` for a person to look at. Each screen must
 * show its main heading and the thing it is for (rows, hits, charts...) before it is taken,
 * and at 1280 wide no screen may scroll sideways.
 */

const TOUR = 'test-results/screens/tour';
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

type Viewport = (typeof VIEWPORTS)[number];

/** Both schemes of one screen; at 1280 wide, also that nothing overflows sideways (soft, so the tour goes on). */
async function shoot(page: Page, viewport: Viewport, name: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    if (viewport.width === 1280) {
      const overflow = await horizontalOverflow(page);
      expect.soft({ document: overflow.document, main: overflow.main }, `${name} (${colorScheme}) scrolls sideways at 1280 (pixels past the edge); sticking out: ${overflow.widest.join(' | ')}`).toEqual({ document: 0, main: 0 });
    }
    await saveScreenshot(page, `${TOUR}/${name}-${viewport.width}x${viewport.height}-${colorScheme}.png`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name });
}

test.describe('Screenshot tour of every screen', () => {
  test.describe.configure({ timeout: 240_000 });

  for (const viewport of VIEWPORTS) {
    test(`every screen at ${viewport.width}x${viewport.height}, light and dark`, async ({ page, openApp }) => {
      await page.setViewportSize(viewport);
      await openApp();

      // Welcome: the three ways in.
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('tablist', { name: 'Get started' })).toBeVisible();
      await shoot(page, viewport, '01-welcome');

      // Integrations, once the demo's pull has finished (its record heads the history).
      await openDemoAndWaitForPull(page);
      await expect(heading(page, 'Integrations')).toBeVisible();
      await shoot(page, viewport, '03-integrations');

      // Workspace: the case and its members.
      await goToSurface(page, 'Workspace');
      await expect(page.getByRole('region', { name: 'Case', exact: true })).toBeVisible();
      await shoot(page, viewport, '02-workspace');

      // Content: the chat table, filled.
      await goToSurface(page, 'Content');
      await expect(page.getByRole('grid', { name: 'Captured chats' }).locator('[role=row][data-chat-id]').first()).toBeVisible({ timeout: 30_000 });
      await shoot(page, viewport, '04-content');

      // Search with hits: "email" matches the demo's contact requests, whose addresses are chips.
      await goToSurface(page, 'Search');
      const box = page.getByRole('searchbox', { name: 'Search captured messages' });
      await box.fill('email');
      await box.press('Enter');
      const hits = page.getByRole('list', { name: 'Matching messages' }).getByRole('listitem');
      await expect(hits.first()).toBeVisible();
      await expect(page.getByRole('img', { name: /^Masked / }).first()).toBeVisible();
      await shoot(page, viewport, '06-search');

      // Transcript: the chat of a hit that masks an email address.
      await hits
        .filter({ has: page.getByRole('img', { name: /^Masked .*email address$/ }) })
        .first()
        .getByRole('link')
        .click();
      await expect(heading(page, 'Content')).toBeVisible();
      await expect(page.getByRole('list', { name: 'Messages' }).getByRole('article').first()).toBeVisible();
      await expect(page.getByRole('list', { name: 'Messages' }).getByRole('img', { name: /^Masked / }).first()).toBeVisible();
      await shoot(page, viewport, '05-transcript');

      // The same chat with one message revealed (the admin's logged reveal), as it reads.
      const masked = page.getByRole('list', { name: 'Messages' }).getByRole('article').filter({ has: page.getByRole('button', { name: /^Reveal / }) }).first();
      await masked.getByRole('button', { name: /^Reveal / }).click();
      const dialog = page.getByRole('dialog', { name: 'Reveal this message' });
      await dialog.getByLabel('Reason for revealing').fill('Screenshot tour: how a revealed message reads');
      await dialog.getByRole('button', { name: 'Record and reveal' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Revealed · recorded as #\d+$/ })).toBeVisible();
      await shoot(page, viewport, '05b-transcript-revealed');

      // Usage & Activity: charts of the pulled usage.
      await goToSurface(page, 'Usage & Activity');
      const tokens = page.getByRole('figure', { name: /^Anthropic tokens per (day|week|month)$/ });
      await expect(tokens).toBeVisible({ timeout: 30_000 });
      await expect.poll(() => tokens.locator('svg rect').count(), { timeout: 30_000 }).toBeGreaterThan(10);
      await shoot(page, viewport, '07-activity-usage');

      // The Activity Feed.
      await page.getByRole('navigation', { name: 'Usage and activity views' }).getByRole('link', { name: 'Activity feed' }).click();
      const feed = page.getByRole('table', { name: /Captured activity and audit events/ });
      await expect(feed.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
      await shoot(page, viewport, '08-activity-feed');

      // What one API key did: the first key id the feed links to.
      const keyLink = feed.locator('a[href^="#/activity/key/"]').first();
      const keyId = ((await keyLink.textContent()) ?? '').trim();
      await keyLink.click();
      await expect(page.getByRole('heading', { level: 2, name: `What did ${keyId} do?` })).toBeVisible();
      await expect(page.getByRole('table', { name: `Events that name ${keyId}, newest first` }).locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
      await shoot(page, viewport, '09-activity-key');

      // Exports: the wizard's first step, with the custodians loaded.
      await goToSurface(page, 'Exports');
      await expect(page.getByRole('navigation', { name: 'Export steps' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: /Step 1 of \d/ })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Custodian' }).locator('option')).not.toHaveCount(1, { timeout: 30_000 });
      await shoot(page, viewport, '10-exports');

      // Verify: waiting for a file.
      await goToSurface(page, 'Verify');
      await expect(page.getByLabel('Choose an export file to verify')).toBeAttached();
      await shoot(page, viewport, '11-verify');

      // Audit log: records, and the chain verified.
      await goToSurface(page, 'Audit log');
      await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
      await page.getByRole('button', { name: 'Verify chain' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Chain verified' })).toBeVisible({ timeout: 90_000 });
      await shoot(page, viewport, '12-audit');
    });
  }
});
