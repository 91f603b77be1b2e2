import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callContract, callContractOk, closeWorkspaceIfOpen, EMAIL_PATTERN, goToSurface, openDemoAndWaitForPull } from './journey-helpers';

/**
 * The review journey of issue 5, end to end through the browser host on simulator data:
 * an admin finds a chat by search, sees its personal data masked, reveals one message with
 * a reason, finds that reveal in the audit log and verifies the chain; then a viewer added
 * to the same workspace cannot reveal, neither from the screen nor by calling the contract,
 * and the refusal is in the audit log too.
 */

const DEMO_MEMBER = 'Demo investigator'; // electron/services/demo.ts
const VIEWER = { name: 'Journey viewer', role: 'viewer', passphrase: 'journey viewer: read only, never reveals' } as const;
const REASON = 'Journey: confirm which address the user gave the assistant';

interface Hit {
  tenantId: string;
  chatId: string;
  messageId: string;
  href: string;
}

/** Searches the vault for the word "email" and returns the first hit whose snippet masks an email address. */
async function searchForAnEmail(page: Page): Promise<{ hit: Hit; link: Locator }> {
  await goToSurface(page, 'Search');
  const box = page.getByRole('searchbox', { name: 'Search captured messages' });
  // The simulator's contact requests say "Email: <address>" (electron/core/sim/data/corpus*.ts).
  await box.fill('email');
  await box.press('Enter');
  const hits = page.getByRole('list', { name: 'Matching messages' }).getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  const withEmail = hits.filter({ has: page.getByRole('img', { name: /^Masked .*email address$/ }) });
  await expect(withEmail.first()).toBeVisible();
  // The word is marked; the address beside it is a chip, and no hit shows a raw address.
  await expect(withEmail.first().locator('mark').first()).toHaveText(/^email$/i);
  expect(await page.getByRole('list', { name: 'Matching messages' }).innerHTML()).not.toMatch(EMAIL_PATTERN);

  const link = withEmail.first().getByRole('link');
  const href = (await link.getAttribute('href')) ?? '';
  const messageId = (await link.getAttribute('data-message-id')) ?? '';
  const m = /^#\/content\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(href);
  expect(m, `a hit links to #/content/<tenant>/<chat>/<message>, got "${href}"`).not.toBeNull();
  expect(decodeURIComponent(m![3]!)).toBe(messageId);
  return { hit: { tenantId: decodeURIComponent(m![1]!), chatId: decodeURIComponent(m![2]!), messageId, href }, link };
}

function messageArticle(page: Page, messageId: string): Locator {
  return page.getByRole('list', { name: 'Messages' }).locator(`article[data-message-id="${messageId}"]`);
}

async function transcriptHtml(page: Page): Promise<string> {
  return page.locator('.transcript').innerHTML();
}

/** The audit log filtered to one record type; the newest row of that type. */
async function newestAuditRow(page: Page, type: string): Promise<Locator> {
  await goToSurface(page, 'Audit log');
  await page.getByLabel('Type', { exact: true }).selectOption(type);
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-type', type);
  return rows.first();
}

test.describe('Review journey on the demo workspace', () => {
  test.describe.configure({ timeout: 240_000 });

  test('an admin finds a chat by search, sees PII masked, reveals with a reason that the audit log records, and verifies the chain; a viewer is refused and the refusal is recorded', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();

    // --- Admin: open the demo and let its pull finish. ------------------------------------
    await openDemoAndWaitForPull(page);
    await expect(page.getByLabel(`Signed in as ${DEMO_MEMBER}, admin`)).toBeVisible();

    // --- Find a chat by search and open it from the hit. -----------------------------------
    const { hit, link } = await searchForAnEmail(page);
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/content/${encodeURIComponent(hit.tenantId)}/${encodeURIComponent(hit.chatId)}(/|$)`));
    const message = messageArticle(page, hit.messageId);
    await expect(message).toBeVisible();
    // The transcript opens at the hit: that message has the focus and is on screen.
    await expect(message).toBeFocused();
    await expect(message).toBeInViewport();

    // --- PII masked: chips, and no address anywhere in the transcript's DOM. ----------------
    const chip = message.getByRole('img', { name: /^Masked .*email address$/ }).first();
    await expect(chip).toBeVisible();
    await expect(chip).toHaveText(/EMAIL/);
    expect(await transcriptHtml(page)).not.toMatch(EMAIL_PATTERN);
    await expect(message.getByText(/^Masked: .*email addresses/i)).toBeVisible();

    // --- Reveal as admin, with a reason: the unmasked text of that message only. ------------
    await message.getByRole('button', { name: /^Reveal / }).click();
    const dialog = page.getByRole('dialog', { name: 'Reveal this message' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Reason for revealing').fill(REASON);
    await dialog.getByRole('button', { name: 'Record and reveal' }).click();
    await expect(dialog).toBeHidden();
    const badge = message.getByRole('status').filter({ hasText: /^Revealed · recorded as #\d+$/ });
    await expect(badge).toBeVisible();
    const recordSeq = Number(((await badge.textContent()) ?? '').replace(/^.*#/, ''));
    await expect(message.getByRole('img', { name: /^Masked / })).toHaveCount(0);
    const revealedEmail = ((await message.locator('.pii-revealed--email').first().textContent()) ?? '').trim();
    expect(revealedEmail).toMatch(new RegExp(`^${EMAIL_PATTERN.source}$`));
    await expect(message).toContainText(revealedEmail);
    // Every other message of the chat stays masked.
    const others = page.getByRole('list', { name: 'Messages' }).getByRole('article').and(page.locator(`:not([data-message-id="${hit.messageId}"])`));
    await expect(others.locator('.pii-revealed')).toHaveCount(0);

    // --- The reveal is in the audit log with the member and the reason. ---------------------
    const revealRow = await newestAuditRow(page, 'pii_revealed');
    await expect(revealRow).toContainText(`${DEMO_MEMBER} revealed message ${hit.messageId}`);
    await expect(revealRow).toContainText(/email/);
    await expect(revealRow.getByRole('button', { name: new RegExp(`^Open record ${recordSeq} of `) })).toBeVisible();
    await revealRow.getByRole('button', { name: /^Open record / }).click();
    const drawer = page.getByRole('dialog', { name: new RegExp(`Record #${recordSeq}\\b`) });
    await expect(drawer).toBeVisible();
    const json = drawer.getByLabel('Record JSON');
    await expect(json).toContainText('"pii_revealed"');
    await expect(json).toContainText(REASON);
    await expect(json).toContainText(`"member": "${DEMO_MEMBER}"`);
    await expect(json).toContainText(hit.messageId);
    // The record names the message, never its text.
    await expect(json).not.toContainText(revealedEmail);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // --- Verify the chain: every log, including the reveal just appended. ------------------
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByRole('progressbar', { name: 'Chain verification progress' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Chain verified' })).toBeVisible({ timeout: 90_000 });

    // --- Back to the chat: masked again, the address gone from the whole page. -------------
    await page.evaluate((href) => (location.hash = href), hit.href);
    await expect(messageArticle(page, hit.messageId).getByRole('img', { name: /^Masked .*email address$/ }).first()).toBeVisible();
    expect(await page.content()).not.toContain(revealedEmail);

    // --- Add a viewer (no screen for members yet: through the contract, as the admin). -----
    const current = await callContractOk<{ path: string; member: { role: string } }>(page, 'workspace.current', {});
    expect(current.member.role).toBe('admin');
    const added = await callContract(page, 'members.add', VIEWER);
    if (!added.ok) expect(added.error.code, 'members.add failed for another reason than a viewer left by an earlier run').toBe('ALREADY_EXISTS');
    else expect(added.value).toMatchObject({ name: VIEWER.name, role: 'viewer' });

    // --- Close, and open the same workspace as the viewer from the Welcome screen. ---------
    await closeWorkspaceIfOpen(page);
    await page.getByRole('tab', { name: 'Open a workspace' }).click();
    const openPanel = page.getByRole('tabpanel', { name: 'Open a workspace' });
    await openPanel.getByLabel('Workspace folder').fill(current.path);
    await openPanel.getByLabel('Passphrase', { exact: true }).fill(VIEWER.passphrase);
    await openPanel.getByLabel(/^Member name/).fill(VIEWER.name);
    await openPanel.getByRole('button', { name: 'Open workspace' }).click();
    await expect(page.getByLabel(`Signed in as ${VIEWER.name}, viewer`)).toBeVisible();

    // --- The viewer sees the chat masked, with no Reveal button. ----------------------------
    await page.evaluate((href) => (location.hash = href), hit.href);
    const asViewer = messageArticle(page, hit.messageId);
    await expect(asViewer.getByRole('img', { name: /^Masked .*email address$/ }).first()).toBeVisible();
    await expect(asViewer.getByRole('button', { name: 'Record', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Reveal/ })).toHaveCount(0);
    expect(await transcriptHtml(page)).not.toMatch(EMAIL_PATTERN);

    // --- Calling the contract directly: refused by the service, and no text comes back. ----
    const refused = await callContract(page, 'content.reveal', { tenantId: hit.tenantId, messageId: hit.messageId, reason: 'Journey: a viewer tries anyway' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('FORBIDDEN');
      expect(refused.error.message).toContain(VIEWER.name);
    }
    expect(JSON.stringify(refused)).not.toContain(revealedEmail);

    // --- The refusal is evidence: a reveal_refused record naming the viewer. ----------------
    const refusedRow = await newestAuditRow(page, 'reveal_refused');
    await expect(refusedRow).toContainText(`Refused: ${VIEWER.name} (viewer)`);
    await expect(refusedRow).toContainText(hit.messageId);
  });
});
