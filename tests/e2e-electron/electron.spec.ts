import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// scripts/*.mjs are plain JS without type declarations; the URL keeps tsc from resolving them.
type Binary = { path: string } | { missing: string };
const startScript = new URL('../../scripts/start.mjs', import.meta.url).href;
const buildScript = new URL('../../scripts/build.mjs', import.meta.url).href;
const { findElectronBinary } = (await import(startScript)) as { findElectronBinary: (root?: string) => Binary };

// Decided without require('electron'), which would try (and here fail) to download the binary.
const binary = findElectronBinary(ROOT);

test.describe('the Electron shell', () => {
  test.skip(!('path' in binary), 'Electron binary not installed here (cannot be downloaded on this machine)');

  let app: ElectronApplication;
  let home: string;

  test.beforeAll(async () => {
    const { build } = (await import(buildScript)) as { build: (o?: { quiet?: boolean }) => Promise<void> };
    await build({ quiet: true });
    home = mkdtempSync(join(tmpdir(), 'ogma-electron-e2e-'));
    const env = Object.fromEntries(Object.entries({ ...process.env, OGMA_HOME: home }).filter((e): e is [string, string] => e[1] !== undefined));
    app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      // Chromium refuses to run as root with its sandbox on; CI containers often are root.
      args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: ROOT,
      env,
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('opens the renderer from app:// with only window.ogma exposed', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://ogma/index.html');
    await expect(page).toHaveTitle(/Ogma Desk/);

    const probe = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown> & { ogma: { app: { info(): Promise<Record<string, unknown>> } } };
      return {
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
        namespaces: Object.keys(w.ogma).sort(),
        info: await w.ogma.app.info(),
      };
    });
    expect(probe).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
    expect(probe.namespaces).toContain('workspace');
    expect(probe.info).toMatchObject({ name: 'Ogma Desk', host: 'electron' });
  });

  test('keeps the page from loading Node, running inline code, leaving the app or opening windows', async () => {
    const page = await app.firstWindow();
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      const opened = window.open('about:blank'); // denied without a dialog (an http link would ask first)
      return { buffer: typeof w.Buffer, global: typeof w.global, inlineRan: w.__inlineRan === true, opened: opened !== null };
    });
    expect(probe).toEqual({ buffer: 'undefined', global: 'undefined', inlineRan: false, opened: false });

    await page.evaluate(() => {
      window.location.href = 'file:///etc/hostname'; // blocked, and never offered to the browser
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://ogma/index.html');
    expect(app.windows()).toHaveLength(1);
  });
});
