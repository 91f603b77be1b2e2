/**
 * Is the Content surface's chat table fluid over 100,000 chats?
 *
 * A real workspace of BENCH_CHATS chats (bench/support/seed-chats.ts: stored through the
 * capture engine's storage path) is opened by the app services in this process and served
 * by the browser host; Debian's Chromium (playwright-core) opens #/content and:
 *   - time to first paint: from navigation to the first real row of the table on screen
 *     (the shell loads, the session is read, the first page of chats is asked for and drawn);
 *   - a fast scroll through the whole table (top to bottom in SCROLL_FRAMES frames, every
 *     frame a new stretch of rows, most of them still placeholders while their pages load);
 *   - a reading scroll (a few rows per frame, as a wheel does), where every row must arrive;
 * and reports the worst and the 95th-percentile frame of each.
 *
 * Bare baseline, same browser, same run: a plain page with 100,000 fixed-height divs in a
 * scroll box, scrolled the same ways, and the frame time of an idle page. Ratios against it
 * say what the table costs; absolute milliseconds are printed for information only.
 *
 *   npx tsx bench/review-scroll.bench.ts
 *   BENCH_CHATS=20000 npx tsx bench/review-scroll.bench.ts
 *
 * The seeded workspace is kept in the system temp folder (ogma-bench-review-N.ogma) and
 * reused by the next run: seeding 100,000 chats writes 100,000 sealed content packs and
 * takes minutes on a slow disk. BENCH_RESEED=1 makes a fresh one.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startWebHost } from '../electron/hosts/web';
import { AppServices } from '../electron/services/api';
import { SEED_KDF, SEED_PASSPHRASE, seedChats } from './support/seed-chats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCROLL_FRAMES = Number(process.env.BENCH_SCROLL_FRAMES ?? 600);
const READ_FRAMES = Number(process.env.BENCH_READ_FRAMES ?? 300);
const READ_PX_PER_FRAME = 90;

interface FrameStats {
  frames: number;
  worst_ms: number;
  p95_ms: number;
  mean_ms: number;
}

async function seededWorkspace(chats: number): Promise<string> {
  const dir = join(tmpdir(), `ogma-bench-review-${chats}.ogma`);
  const done = join(tmpdir(), `ogma-bench-review-${chats}.done`);
  if (process.env.BENCH_RESEED !== '1' && existsSync(done) && existsSync(dir)) return dir;
  rmSync(dir, { recursive: true, force: true });
  rmSync(done, { force: true });
  const r = await seedChats(dir, chats, { log: (l) => process.stderr.write(`${l}\n`) });
  writeFileSync(done, JSON.stringify(r));
  process.stderr.write(`seeded ${chats} chats (${r.messages} messages) in ${r.seconds.toFixed(0)} s\n`);
  return dir;
}

function builtRenderer(): string {
  const given = process.env.OGMA_RENDERER_DIR;
  if (given && existsSync(join(given, 'index.html'))) return given;
  // Always a fresh build of this checkout: a stale dist/renderer would measure yesterday's table.
  const out = mkdtempSync(join(tmpdir(), 'ogma-bench-renderer-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/**
 * Scrolls `selector` in the page, one step per animation frame, and returns every frame's
 * duration. `step` is either pixels per frame or 'sweep' (top to bottom in `frames` frames).
 * The page code is a string: tsx would otherwise wrap named functions in a helper
 * (`__name`) that does not exist in the page.
 */
async function scrollFrames(page: Page, selector: string, frames: number, step: number | 'sweep'): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    el.scrollTop = 0;
    const step = ${JSON.stringify(step)};
    const px = step === 'sweep' ? (el.scrollHeight - el.clientHeight) / ${frames} : step;
    const times = [];
    let last = performance.now();
    let n = 0;
    const tick = (now) => {
      times.push(now - last);
      last = now;
      if (n++ >= ${frames}) return resolve(times.slice(1));
      el.scrollTop += px;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  })`) as Promise<number[]>;
}

async function idleFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const times = [];
    let last = performance.now();
    const tick = (now) => {
      times.push(now - last);
      last = now;
      if (times.length > ${frames}) resolve(times.slice(1));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
}

function stats(times: number[]): FrameStats {
  const sorted = [...times].sort((a, b) => a - b);
  const r = (x: number) => Number(x.toFixed(1));
  return {
    frames: times.length,
    worst_ms: r(sorted[sorted.length - 1] ?? 0),
    p95_ms: r(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0),
    mean_ms: r(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
  };
}

const PLAIN_LIST = (rows: number) => `<!doctype html><html><head><style>
  body { margin: 0; font: 12.5px system-ui, sans-serif; }
  #box { height: 560px; overflow-y: auto; }
  .r { height: 36px; line-height: 36px; border-bottom: 1px solid #ddd; padding: 0 12px; white-space: nowrap; }
</style></head><body><div id="box"></div><script>
  const box = document.getElementById('box');
  const parts = [];
  for (let i = 0; i < ${rows}; i++) parts.push('<div class="r">Acme Legal · Ada Okafor · claude_chat_' + i + ' · claude-sonnet-4-5 · 2026-03-01 · 2</div>');
  box.innerHTML = parts.join('');
</script></body></html>`;

export async function run(): Promise<Record<string, number | string>> {
  const chats = Number(process.env.BENCH_CHATS ?? 100_000);
  const dir = await seededWorkspace(chats);
  const staticDir = builtRenderer();
  const home = mkdtempSync(join(tmpdir(), 'ogma-bench-review-home-'));
  const services = new AppServices({ host: 'web', version: 'bench', home, workspace: { scrypt: SEED_KDF } });
  await services.workspace.openWorkspace(dir, SEED_PASSPHRASE);
  const host = await startWebHost({ services, staticDir, port: 0, token: randomBytes(32).toString('base64url') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Time to first paint of the table: navigation to the first real row on screen.
    const t0 = performance.now();
    await page.goto(host.url);
    await page.evaluate(`location.hash = '#/content'`);
    await page.waitForSelector('.chat-table__spacer [role=row][data-chat-id]', { timeout: 120_000 });
    const firstPaint = performance.now() - t0;
    const totalShown = await page.locator('.filters__count').textContent();

    const sel = '.chat-table__scroll';
    await page.waitForTimeout(300);
    const idle = stats(await idleFrames(page, 120));
    const sweep = stats(await scrollFrames(page, sel, SCROLL_FRAMES, 'sweep'));
    // After the sweep, the rows at the bottom must arrive: the table caught up.
    const tCatch = performance.now();
    await page.waitForFunction(`document.querySelectorAll('.chat-table__spacer [aria-busy=true]').length === 0`, null, { timeout: 60_000, polling: 'raf' });
    const catchUp = performance.now() - tCatch;
    const lastRow = await page.locator('.chat-table__spacer [role=row][data-chat-id]').last().getAttribute('aria-rowindex');
    const reading = stats(await scrollFrames(page, sel, READ_FRAMES, READ_PX_PER_FRAME));

    // The bare baseline in the same browser.
    const plain = await context.newPage();
    await plain.setContent(PLAIN_LIST(chats));
    await plain.waitForTimeout(300);
    const plainIdle = stats(await idleFrames(plain, 120));
    const plainSweep = stats(await scrollFrames(plain, '#box', SCROLL_FRAMES, 'sweep'));
    const plainReading = stats(await scrollFrames(plain, '#box', READ_FRAMES, READ_PX_PER_FRAME));

    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    const ratio = (a: number, b: number) => Number((a / Math.max(b, 0.1)).toFixed(2));
    return {
      chats,
      shown: totalShown ?? '',
      first_paint_ms: Math.round(firstPaint),
      sweep_worst_frame_ms: sweep.worst_ms,
      sweep_p95_frame_ms: sweep.p95_ms,
      sweep_mean_frame_ms: sweep.mean_ms,
      sweep_catch_up_ms: Math.round(catchUp),
      sweep_last_row_index: Number(lastRow ?? 0),
      reading_worst_frame_ms: reading.worst_ms,
      reading_p95_frame_ms: reading.p95_ms,
      idle_frame_ms: idle.mean_ms,
      bare_sweep_worst_frame_ms: plainSweep.worst_ms,
      bare_sweep_p95_frame_ms: plainSweep.p95_ms,
      bare_reading_worst_frame_ms: plainReading.worst_ms,
      bare_idle_frame_ms: plainIdle.mean_ms,
      sweep_worst_over_bare: ratio(sweep.worst_ms, plainSweep.worst_ms),
      sweep_p95_over_bare: ratio(sweep.p95_ms, plainSweep.p95_ms),
      reading_worst_over_bare: ratio(reading.worst_ms, plainReading.worst_ms),
      reading_p95_over_idle_frame: ratio(reading.p95_ms, idle.mean_ms),
      note: `headless Chromium 1280x800; sweep = top to bottom in ${SCROLL_FRAMES} frames; reading = ${READ_PX_PER_FRAME}px per frame for ${READ_FRAMES} frames; bare = ${chats} plain divs in one scroll box`,
    };
  } finally {
    await browser.close();
    await host.close();
    await services.dispose();
    rmSync(home, { recursive: true, force: true });
    if (!process.env.OGMA_RENDERER_DIR) rmSync(staticDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
