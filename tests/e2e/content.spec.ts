import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

async function openDemoContent(page: Page): Promise<void> {
  const demoTab = page.getByRole('tab', { name: /demo/i });
  if (await demoTab.isVisible().catch(() => false)) await demoTab.click();
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Content' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();
}

/** Rows of the chat table that hold a chat (not a placeholder still loading). */
function chatRows(page: Page): Locator {
  return page.getByRole('grid', { name: 'Captured chats' }).locator('[role=row][data-chat-id]');
}

async function cellText(row: Locator, column: string): Promise<string> {
  return ((await row.locator(`.chat-table__cell--${column}`).textContent()) ?? '').trim();
}

/** The message article holding a masked chip, in the first chat (by most messages) that has one. */
async function openChatWithMask(page: Page): Promise<Locator> {
  await expect(chatRows(page).first()).toBeVisible();
  const count = Math.min(await chatRows(page).count(), 20);
  for (let i = 0; i < count; i++) {
    const row = chatRows(page).nth(i);
    if ((await cellText(row, 'messages')) === '0') continue;
    await row.click();
    await expect(page.getByRole('list', { name: 'Messages' }).or(page.getByText('No message of this chat had text'))).toBeVisible();
    const masked = page.getByRole('article').filter({ has: page.getByRole('img', { name: /^Masked / }) });
    if ((await masked.count()) > 0) return masked.first();
    await page.getByRole('link', { name: '← All chats' }).click();
    await expect(chatRows(page).first()).toBeVisible();
  }
  throw new Error('no captured chat of the demo shows a masked value');
}

test.describe('Content and transcript on the demo workspace', () => {
  test.describe.configure({ timeout: 120_000 });


  test('sort and filter the chats, open one, reveal a masked message with a reason, mask it again on navigation, and see its record', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();
    await openDemoContent(page);

    // The demo pulls as it opens; the table fills in when the pull has stored chats.
    await expect(chatRows(page).first()).toBeVisible({ timeout: 60_000 });
    const grid = page.getByRole('grid', { name: 'Captured chats' });
    await expect(grid.getByRole('columnheader', { name: /Updated/ })).toHaveAttribute('aria-sort', 'descending');

    // Sort by message count, most first: the column says so and the rows follow it.
    await grid.getByRole('button', { name: /Msgs/ }).click();
    await expect(grid.getByRole('columnheader', { name: /Msgs/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(grid.getByRole('columnheader', { name: /Updated/ })).toHaveAttribute('aria-sort', 'none');
    await expect
      .poll(async () => {
        const counts = await chatRows(page).locator('.chat-table__cell--messages').allTextContents();
        return counts.length > 1 && counts.map(Number).every((n, i, a) => i === 0 || a[i - 1]! >= n);
      })
      .toBe(true);

    // Filter on a flag: every row left carries it, and the count shrinks.
    const all = Number(((await page.locator('.filters__count').textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(all).toBeGreaterThan(0);
    await page.getByLabel('Flags').selectOption({ label: 'Deleted at source' });
    await expect(page.locator('.filters__count')).not.toHaveText(`${all.toLocaleString('en-US')} chats`);
    const flagged = await chatRows(page).count();
    if (flagged > 0) {
      for (let i = 0; i < flagged; i++) await expect(chatRows(page).nth(i).getByText('Deleted at source')).toBeVisible();
    } else {
      await expect(page.getByText('No chat matches these filters')).toBeVisible();
    }
    // And on a model: every row shows it.
    await page.getByRole('button', { name: /Clear 1 filter/ }).click();
    const model = page.getByLabel('Model');
    const firstModel = (await model.locator('option').nth(1).getAttribute('value')) ?? '';
    expect(firstModel).not.toBe('');
    await model.selectOption(firstModel);
    await expect(page.getByRole('button', { name: /Clear 1 filter/ })).toBeVisible();
    await expect(chatRows(page).first()).toBeVisible();
    for (const text of await chatRows(page).locator('.chat-table__cell--model').allTextContents()) expect(text).toBe(firstModel);
    await page.getByRole('button', { name: /Clear 1 filter/ }).click();
    await expect(page.locator('.filters__count')).toHaveText(`${all.toLocaleString('en-US')} chats`);

    mkdirSync(SCREENS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENS}/content-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard: Enter on the table opens the active row at #/content/<tenant>/<chat>.
    await grid.locator('.chat-table__scroll').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/content\/[^/]+\/[^/]+$/);
    await page.getByRole('link', { name: '← All chats' }).click();
    await expect(page).toHaveURL(/#\/content$/);

    // A chat with a masked value: the chip says what it hides.
    const message = await openChatWithMask(page);
    const messageId = (await message.getAttribute('data-message-id'))!;
    const chip = message.getByRole('img', { name: /^Masked / }).first();
    const chipLabel = (await chip.textContent()) ?? '';
    expect(chipLabel).toMatch(/^(EMAIL|PHONE|SSN|CARD|API KEY|SECRET|PRIVATE KEY|IP)/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENS}/transcript-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // j/k move focus between messages, visibly; / goes to find-in-transcript.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect(page.locator('article:focus')).toHaveCount(1);
    await expect(page.locator('article.message--active')).toHaveCount(1);
    await page.keyboard.press('/');
    await expect(page.getByPlaceholder('Find in this chat')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('article:focus')).toHaveCount(1);

    // Reveal as admin: a reason is required, then the text of that message only is shown.
    const byId = page.locator(`article[data-message-id="${messageId}"]`);
    await byId.getByRole('button', { name: /^Reveal / }).click();
    const dialog = page.getByRole('dialog', { name: 'Reveal this message' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Record and reveal' }).click();
    await expect(dialog.getByText('Say why the unmasked text is needed')).toBeVisible();
    await dialog.getByLabel('Reason for revealing').fill('E2E: confirm what was shared with the assistant');
    await dialog.getByRole('button', { name: 'Record and reveal' }).click();
    await expect(dialog).toBeHidden();
    await expect(byId.getByText(/Revealed · recorded as #\d+/)).toBeVisible();
    await expect(byId.getByRole('img', { name: /^Masked / })).toHaveCount(0);
    await expect(byId.locator('.pii-revealed').first()).toBeVisible();
    const revealedValue = (await byId.locator('.pii-revealed').first().textContent()) ?? '';
    expect(revealedValue.length).toBeGreaterThan(0);
    expect(revealedValue).not.toContain('[');
    await page.screenshot({ path: `${SCREENS}/transcript-revealed.png` });

    // Another surface and back: masked again.
    await page.getByRole('navigation', { name: 'Surfaces' }).getByRole('link', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    await page.goBack();
    await expect(byId.getByRole('img', { name: /^Masked / }).first()).toBeVisible();
    await expect(page.locator('.pii-revealed')).toHaveCount(0);

    // Reveal again, then move to another message with j/k: masked again.
    await byId.getByRole('button', { name: /^Reveal / }).click();
    await dialog.getByLabel('Reason for revealing').fill('E2E: second look');
    await dialog.getByRole('button', { name: 'Record and reveal' }).click();
    await expect(byId.locator('.pii-revealed').first()).toBeVisible();
    const count = await page.getByRole('article').count();
    if (count > 1) {
      await byId.focus();
      const index = Number(((await byId.getAttribute('id')) ?? 'msg-0').slice(4));
      await page.keyboard.press(index === 0 ? 'j' : 'k');
      await expect(page.locator('.pii-revealed')).toHaveCount(0);
      await expect(byId.getByRole('img', { name: /^Masked / }).first()).toBeVisible();
    }

    // The record and commitment, one click away, verified; Esc closes it.
    await byId.getByRole('button', { name: 'Record', exact: true }).click();
    const record = page.getByRole('dialog', { name: `Chain record of message ${messageId}` });
    await expect(record.getByText('Verified.')).toBeVisible();
    await expect(record.getByLabel('Record JSON')).toContainText('"message_captured"');
    await expect(record.getByLabel('Record JSON')).toContainText(messageId);
    await expect(record.getByText('Leaf hash')).toBeVisible();
    await expect(record.getByText(/RFC 9162 SHA-256, leaf \d/)).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/transcript-record.png` });
    await page.keyboard.press('Escape');
    await expect(record).toBeHidden();
  });
});
