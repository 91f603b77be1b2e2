import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { runPull } from '../../../electron/core/capture';
import { RateGovernor, type Clock } from '../../../electron/core/sources';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, newWorkspace, startSim, TEST_TUNING, type Sim } from './helpers';
import { expectVaultEqualsTruth } from './truth';

/**
 * The shared rate budget: with the simulator enforcing 100 requests per minute for the
 * parent org, a pull paced by the rate governor (half the budget by default) never gets a
 * 429 and never has more than 50 requests in any minute. Client and simulator share one
 * virtual clock, so the minutes pass instantly: a wait advances the simulator's clock.
 */

const BUDGET = 100;

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-governor', sizes: { orgs: 2, users: 4, chats: 12, messages: 2 }, rateLimit: BUDGET });
  ws = await newWorkspace();
  tenantId = (await connect(ws, sim, 'anthropic-compliance', sim.keys.complianceFull)).tenantId;
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

/**
 * Virtual time shared with the simulator: a sleeper's wake-up time is queued, and when the
 * event loop comes round the clock jumps to the earliest one and wakes whoever is due (never
 * further), so minutes of pacing pass instantly. Very long sleeps are the HTTP layer's
 * per-request timeout timers: they never fire here (requests answer in real time).
 */
function sharedClock(): Clock {
  const timers: Array<{ at: number; wake: () => void }> = [];
  let pumping = false;
  const pump = () => {
    if (pumping) return;
    pumping = true;
    setTimeout(() => {
      pumping = false;
      if (timers.length === 0) return;
      timers.sort((a, b) => a.at - b.at);
      const at = timers[0]!.at;
      if (at > sim.clock.now()) sim.clock.set(at);
      for (const t of timers.splice(0, timers.filter((x) => x.at <= at).length)) t.wake();
      if (timers.length > 0) pump();
    }, 1);
  };
  return {
    now: () => sim.clock.now(),
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const cancelled = () => reject(new OgmaError('CANCELLED', 'cancelled'));
        if (signal?.aborted) return cancelled();
        signal?.addEventListener('abort', cancelled, { once: true });
        if (ms >= 1_000_000) return;
        timers.push({ at: sim.clock.now() + Math.max(0, ms), wake: () => (signal?.removeEventListener('abort', cancelled), resolve()) });
        pump();
      }),
  };
}

describe('the rate governor', () => {
  it(`given a ${BUDGET}/min budget shared by the org, when a pull needs more requests than that, then it stays at half the budget per minute and never hears a 429`, async () => {
    const clock = sharedClock();
    const sent: number[] = [];
    const statuses: number[] = [];
    // The governor's own send times: the moments it let a request go.
    const granted: number[] = [];
    const governor = new (class extends RateGovernor {
      override async acquire(signal?: AbortSignal): Promise<void> {
        await super.acquire(signal);
        granted.push(clock.now());
      }
    })({ clock });
    const startedAt = sim.clock.now();
    const s = await runPull({
      vault: ws.vault,
      tenantId,
      actor: 'alice',
      clock,
      tuning: TEST_TUNING,
      access: {
        clock,
        timeoutMs: 2_000_000,
        governor: (slot) => (slot === 'anthropic-compliance' ? governor : undefined),
        fetch: async (u, i) => {
          sent.push(sim.clock.now());
          const r = await fetch(u, i as RequestInit);
          statuses.push(r.status);
          return r;
        },
      },
    });
    expect(s.status, JSON.stringify(s.errors)).toBe('complete');
    expect(sent.length).toBeGreaterThan(BUDGET);
    expect(statuses.filter((x) => x === 429)).toEqual([]);
    let worst = 0;
    for (let i = 0; i < granted.length; i++) worst = Math.max(worst, granted.filter((t) => t >= granted[i]! && t < granted[i]! + 60_000).length);
    expect(worst).toBeLessThanOrEqual(BUDGET / 2);
    expect(sim.clock.now() - startedAt).toBeGreaterThanOrEqual(Math.floor(sent.length / (BUDGET / 2) - 1) * 60_000);
    expectVaultEqualsTruth(ws, tenantId, sim.truth('text'));
  });
});
