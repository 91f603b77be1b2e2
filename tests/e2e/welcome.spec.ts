import { mkdirSync } from 'node:fs';
import type { WebSocket as PwWebSocket } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

test.describe('the app through the browser host', () => {
  test('given a fresh machine, the welcome screen shows with no console or page errors', async ({ page, openApp }) => {
    await openApp();
    await expect(page).toHaveTitle('Ogma Desk');
    // The welcome heading appears only once the renderer reached the services (app.info + workspace.current).
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The token has done its work (an HttpOnly cookie now) and is gone from the address bar.
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`welcome screen screenshot, ${colorScheme}`, async ({ page, openApp }) => {
      await page.emulateMedia({ colorScheme });
      await openApp();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: `${SCREENS}/welcome-${colorScheme}.png`, fullPage: true });
    });
  }

  test("the page's own WebSocket reaches the services: app.info answers from the web host", async ({ page, openApp }) => {
    const sockets: PwWebSocket[] = [];
    const sent: string[] = [];
    const received: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws);
      ws.on('framesent', (f) => sent.push(String(f.payload)));
      ws.on('framereceived', (f) => received.push(String(f.payload)));
    });
    await openApp();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    expect(sockets.map((s) => new URL(s.url()).pathname)).toEqual(['/rpc']);
    const infoCall = sent.map((s) => JSON.parse(s)).find((m) => m.method === 'app.info');
    expect(infoCall, 'the renderer calls app.info on start').toBeTruthy();
    await expect
      .poll(() => received.map((s) => JSON.parse(s)).find((m) => m.id === infoCall.id))
      .toMatchObject({ jsonrpc: '2.0', result: { ok: true, value: { name: 'Ogma Desk', host: 'web' } } });
  });

  test('a WebSocket opened from the page itself is authenticated by the session cookie alone', async ({ page, openApp }) => {
    await openApp();
    const answer = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/rpc`);
          ws.onopen = () => ws.send(JSON.stringify({ jsonrpc: '2.0', id: 'probe', method: 'app.info', params: {} }));
          ws.onmessage = (ev) => {
            const msg = JSON.parse(String(ev.data));
            if (msg.id === 'probe') {
              ws.close();
              resolve(msg.result);
            }
          };
          ws.onerror = () => reject(new Error('WebSocket failed'));
        }),
    );
    expect(answer).toMatchObject({ ok: true, value: { host: 'web' } });
  });

  test('the Content-Security-Policy stops the page from connecting anywhere else', async ({ page, openApp, allowConsoleErrors }) => {
    allowConsoleErrors(/Content Security Policy|connect-src/);
    await openApp();
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          try {
            new WebSocket('ws://127.0.0.1:9/rpc');
          } catch {
            resolve('connect-src (thrown)');
          }
        }),
    );
    expect(violated).toMatch(/^connect-src/);
  });

  test('without the token, the host refuses the page', async ({ page, allowConsoleErrors }) => {
    allowConsoleErrors(/403/);
    const res = await page.goto('/');
    expect(res?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('Forbidden');
  });
});
