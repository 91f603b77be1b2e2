import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** Opens the demo and waits until its first pull has finished, so the export sees a settled case. */
async function openDemoAfterPull(page: Page): Promise<void> {
  const demoTab = page.getByRole('tab', { name: /demo/i });
  if (await demoTab.isVisible().catch(() => false)) await demoTab.click();
  await page.getByRole('button', { name: 'Open the demo' }).click();
  const rail = page.getByRole('navigation', { name: 'Surfaces' });
  await rail.getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('region', { name: 'Pull history' }).getByRole('article').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Pulls' }).getByText('Running')).toHaveCount(0, { timeout: 60_000 });
  await rail.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
}

/** Walks the wizard for one custodian's chats in the given format, masked, and returns the written path. */
async function exportOneCustodian(page: Page, format: 'JSON bundle' | 'Bates-numbered PDF'): Promise<{ path: string; custodian: string }> {
  const custodian = page.getByRole('combobox', { name: 'Custodian' });
  await expect(custodian.locator('option')).not.toHaveCount(1, { timeout: 30_000 });
  // The first user in the list: most chats first, so the export is not empty.
  const label = (await custodian.locator('option').nth(1).textContent()) ?? '';
  await custodian.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Next: Format' }).click();

  await page.getByRole('radio', { name: format }).check();
  if (format === 'Bates-numbered PDF') {
    const prefix = page.getByRole('textbox', { name: 'Prefix' });
    await prefix.fill('CASE-7');
    await expect(page.getByText('ASCII and ends in a non-digit')).toBeVisible();
    await prefix.fill('CASE-');
    await expect(page.locator('.bates__stamp')).toHaveText('CASE-00000001');
  }
  await page.getByRole('button', { name: 'Next: Personal data' }).click();

  await expect(page.getByRole('radio', { name: 'Mask personal data' })).toBeChecked();
  await page.getByRole('button', { name: 'Next: Review and run' }).click();
  await expect(page.locator('.summary')).toContainText(`of custodian ${label.replace(/ · \d+ chats?$/, '')}`);
  await page.getByRole('button', { name: 'Run the export' }).click();

  const result = page.getByLabel('Export result');
  await expect(page.getByText('Export written and recorded')).toBeVisible({ timeout: 90_000 });
  const path = ((await result.locator('.export-result__path').textContent()) ?? '').trim();
  expect(path).toMatch(format === 'JSON bundle' ? /\.json$/ : /\.pdf$/);
  await expect(result).toContainText(/\d+ chats?, \d+ messages?/);
  await expect(result.getByText(/export_created seq \d/)).toBeVisible();
  await expect(result.locator('.grouped').first()).toBeVisible();
  if (format === 'Bates-numbered PDF') await expect(result).toContainText(/CASE-00000001 – CASE-\d{8}/);
  return { path, custodian: label };
}

function verdict(page: Page) {
  return page.locator('.verify-report .verdict__title');
}

/**
 * A copy of a JSON bundle with one character of one unmasked message's text changed, and
 * that message's id. The edit is made in the bytes (not by re-serialising), so everything
 * else stays exactly as exported.
 */
function tamperOneMessage(bytes: Buffer): { tampered: Buffer; messageId: string } {
  const raw = bytes.toString('utf8');
  const bundle = JSON.parse(raw) as { documents: { messages: { id: string; text: string; masked: boolean }[] }[] };
  for (const doc of bundle.documents) {
    for (const m of doc.messages) {
      if (m.masked || m.text.length < 4) continue;
      const field = `"text":${JSON.stringify(m.text)}`;
      const at = raw.indexOf(field);
      if (at < 0 || raw.indexOf(field, at + 1) >= 0) continue; // not found, or not unique: try another
      const i = m.text.search(/[A-Za-z]/);
      if (i < 0) continue;
      const swapped = m.text[i] === 'e' ? 'a' : 'e';
      const edited = `${m.text.slice(0, i)}${swapped}${m.text.slice(i + 1)}`;
      const out = raw.slice(0, at) + `"text":${JSON.stringify(edited)}` + raw.slice(at + field.length);
      return { tampered: Buffer.from(out, 'utf8'), messageId: m.id };
    }
  }
  throw new Error('no unmasked message with a unique text to tamper with');
}

test.describe('Exports and Verify on the demo workspace', () => {
  test.describe.configure({ timeout: 180_000 });


  test('export one custodian as JSON, verify it, then a tampered copy is not verified and names the message', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();
    await openDemoAfterPull(page);

    const { path } = await exportOneCustodian(page, 'JSON bundle');

    // "Verify this export" takes the file to the Verify surface and verifies it by path.
    await page.getByRole('button', { name: 'Verify this export' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verify' })).toBeVisible();
    await expect(verdict(page)).toHaveText('Verified', { timeout: 60_000 });
    await expect(page.locator('.verify-report .verdict__file')).toContainText(path);
    const counts = page.getByRole('list', { name: 'Message counts' });
    await expect(counts.locator('.tile', { hasText: 'Failed' }).locator('.tile__value')).toHaveText('0');
    const messages = Number(((await counts.locator('.tile', { hasText: 'Messages' }).locator('.tile__value').textContent()) ?? '').replace(/\D/g, ''));
    expect(messages).toBeGreaterThan(0);
    await expect(page.locator('.fingerprints .grouped').first()).toContainText('SHA256:');
    await expect(page.getByRole('list', { name: 'Checks' }).locator('.check--failed')).toHaveCount(0);

    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/verify-verified.png` });

    // The same bundle with one character of one message changed, uploaded as bytes.
    const { tampered, messageId } = tamperOneMessage(readFileSync(path));
    await page.getByLabel('Choose an export file to verify').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: tampered });
    await expect(verdict(page)).toHaveText('Not verified', { timeout: 60_000 });
    await expect(page.locator('.verify-report .verdict__file')).toContainText('tampered.json');
    const failures = page.locator('table.failures');
    await expect(failures).toBeVisible();
    const row = failures.getByRole('row').filter({ hasText: messageId });
    await expect(row.first()).toBeVisible();
    await expect(failures.getByRole('columnheader', { name: 'Message' })).toBeVisible();
    await expect(counts.locator('.tile', { hasText: 'Failed' }).locator('.tile__value')).not.toHaveText('0');
    await page.screenshot({ path: `${SCREENS}/verify-not-verified.png` });

    // Something that is no export at all is unreadable, not "not verified".
    await page.getByLabel('Choose an export file to verify').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(verdict(page)).toHaveText('Unreadable', { timeout: 30_000 });
  });

  test('export one custodian as a Bates PDF, verify it, then the PDF with a page removed is not verified and names the page', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();
    await openDemoAfterPull(page);

    const { path } = await exportOneCustodian(page, 'Bates-numbered PDF');
    await page.getByRole('button', { name: 'Verify this export' }).click();
    await expect(verdict(page)).toHaveText('Verified', { timeout: 60_000 });
    await expect(page.locator('.verify-report .verdict__file')).toContainText('Bates PDF');
    await expect(page.getByRole('list', { name: 'Checks' }).locator('.check--failed')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Checks' })).toContainText(/Bates/);

    // The second page taken out of the PDF: the verifier names the page and its Bates number.
    const pdf = await PDFDocument.load(readFileSync(path));
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    pdf.removePage(1);
    const cut = Buffer.from(await pdf.save());
    await page.getByLabel('Choose an export file to verify').setInputFiles({ name: 'page-removed.pdf', mimeType: 'application/pdf', buffer: cut });
    await expect(verdict(page)).toHaveText('Not verified', { timeout: 60_000 });
    const failures = page.locator('table.failures');
    await expect(failures.getByRole('columnheader', { name: 'Bates' })).toBeVisible();
    await expect(failures.getByRole('columnheader', { name: 'Page' })).toBeVisible();
    await expect(failures.getByRole('row').filter({ hasText: 'CASE-00000002' }).first()).toBeVisible();
  });

  test('an empty scope is refused with what to do, and the wizard goes back to Scope with the values kept', async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp();
    await openDemoAfterPull(page);

    // A date range in the far future keeps no message: the service refuses, the wizard points back to Scope.
    await page.getByRole('textbox', { name: /^From/ }).fill('2099-01-01');
    await page.getByRole('button', { name: 'Next: Format' }).click();
    await page.getByRole('button', { name: 'Next: Personal data' }).click();
    await page.getByRole('button', { name: 'Next: Review and run' }).click();
    await page.getByRole('button', { name: 'Run the export' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing to export' });
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText('Widen the scope');
    await page.getByRole('button', { name: 'Back to Scope' }).click();
    await expect(page.getByRole('heading', { name: /Scope/ })).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^From/ })).toHaveValue('2099-01-01');
  });
});
