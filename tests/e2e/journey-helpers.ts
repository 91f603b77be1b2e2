import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { closeWorkspaceIfOpen, expect } from './fixtures';

export { closeWorkspaceIfOpen };

/**
 * Steps shared by the end-to-end journey and the screenshot tour: getting into the demo
 * with its first pull settled, moving between surfaces, calling the contract the way any
 * page script could, and leaving the shared server on the Welcome screen.
 */

/** An email address anywhere in a string: what must never reach a masked transcript. */
export const EMAIL_PATTERN = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

export function rail(page: Page) {
  return page.getByRole('navigation', { name: 'Surfaces' });
}

/** Goes to a surface through the rail and waits for its heading. */
export async function goToSurface(page: Page, label: string): Promise<void> {
  await rail(page).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** From the Welcome screen, "Open the demo", then wait on Integrations until no pull is running. */
export async function openDemoAndWaitForPull(page: Page): Promise<void> {
  const demoTab = page.getByRole('tab', { name: /demo/i });
  if (await demoTab.isVisible().catch(() => false)) await demoTab.click();
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await goToSurface(page, 'Integrations');
  // The demo starts a pull as it opens; its record lands in the history when it ends.
  await expect(page.getByRole('region', { name: 'Pull history' }).getByRole('article').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Pulls' }).getByText('Running')).toHaveCount(0, { timeout: 60_000 });
}

/** The shared server is left on the Welcome screen for whichever spec runs next. */
export type RpcResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * Calls the contract over a WebSocket the page opens itself: the same JSON-RPC the renderer
 * speaks (electron/hosts/web/rpc.ts), authenticated by the session cookie alone. This is
 * what a member with devtools could send, so it is how the journey tests that the service,
 * not the UI, enforces a role.
 */
export async function callContract(page: Page, method: string, params: unknown): Promise<RpcResult> {
  return page.evaluate(
    ({ method, params }) =>
      new Promise<RpcResult>((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/rpc`);
        const id = `journey-${Math.random().toString(36).slice(2)}`;
        const timer = setTimeout(() => {
          ws.close();
          reject(new Error(`${method}: no answer within 20 s`));
        }, 20_000);
        ws.onopen = () => ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data)) as { id?: unknown; result?: RpcResult; error?: { message: string } };
          if (msg.id !== id) return; // events pushed on the same socket
          clearTimeout(timer);
          ws.close();
          if (msg.result) resolve(msg.result);
          else reject(new Error(`${method}: JSON-RPC fault ${msg.error?.message ?? JSON.stringify(msg)}`));
        };
        ws.onerror = () => {
          clearTimeout(timer);
          reject(new Error(`${method}: the WebSocket to /rpc failed`));
        };
      }),
    { method, params },
  );
}

/** Like callContract, for a call that must succeed: its value, or a failure naming the error. */
export async function callContractOk<T>(page: Page, method: string, params: unknown): Promise<T> {
  const result = await callContract(page, method, params);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Saves a screenshot, making its folder first. */
export async function saveScreenshot(page: Page, path: string, fullPage = false): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
}

/**
 * How far the page scrolls sideways (0 when nothing does): the document past the viewport,
 * and the frame's main area (#main), which scrolls on its own (overflow-y: auto makes its
 * overflow-x auto too), so a too-wide screen would scroll there and never widen the document.
 */
export async function horizontalOverflow(page: Page): Promise<{ document: number; main: number; widest: string[] }> {
  return page.evaluate(() => {
    const main = document.getElementById('main');
    const overflow = {
      document: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
      main: main ? Math.max(0, main.scrollWidth - main.clientWidth) : 0,
    };
    // When something sticks out, name the innermost elements that do, so the owner can find them.
    const edge = main ? main.getBoundingClientRect().left + main.clientWidth : window.innerWidth;
    const out = [...(main ?? document.body).querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > edge + 1);
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    const widest = innermost.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 60)}" right=${Math.round(el.getBoundingClientRect().right)} edge=${Math.round(edge)}`);
    return { ...overflow, widest };
  });
}
