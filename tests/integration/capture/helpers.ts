import { mkdtempSync, rmSync } from 'node:fs';
import { OgmaError } from '../../../shared/api/errors';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, startSimulator, type RunningSimulator, type StartOptions } from '../../../electron/core/sim';
import { runPull, type PullProgress, type PullSummary, type PullTuning } from '../../../electron/core/capture';
import type { Clock, FetchLike } from '../../../electron/core/sources';
import { IntegrationsService, type ConnectKeyResult } from '../../../electron/services/integrations';
import { WorkspaceService } from '../../../electron/services/workspace';
import type { CaptureSlot } from '../../../electron/core/capture';

/**
 * Shared set-up for the capture specs: the real simulator on 127.0.0.1, real workspaces in
 * temp folders (cheap KDF), and a client clock 200x faster than real time, so a vendor's
 * `retry-after: 2` costs 10 ms and backoff stays short.
 */

export const T0 = Date.UTC(2026, 9, 1);
export const KDF = { N: 1024, r: 8, p: 1 };
export const ADMIN = { name: 'alice', passphrase: 'alice passphrase 1' };

const dirs: string[] = [];
export function tempDir(label = 'capture'): string {
  const d = mkdtempSync(join(tmpdir(), `ogma-${label}-`));
  dirs.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export type Sim = RunningSimulator & { clock: ManualClock };

export async function startSim(opts: StartOptions = {}): Promise<Sim> {
  const sim = await startSimulator({ seed: 'ogma-capture', sizes: { orgs: 2, users: 3, chats: 3, messages: 5 }, clock: new ManualClock(T0), rateLimit: false, ...opts });
  return sim as Sim;
}

export function fastClock(scale = 200): Clock {
  const realStart = Date.now();
  return {
    now: () => realStart + (Date.now() - realStart) * scale,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const cancelled = () => new OgmaError('CANCELLED', 'cancelled');
        if (signal?.aborted) return reject(cancelled());
        const onAbort = () => {
          clearTimeout(t);
          reject(cancelled());
        };
        const t = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.max(0, ms / scale));
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}

export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${sim.baseUrl}/_sim${path}`, {
    method,
    headers: { 'x-sim-control-token': sim.controlToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`control ${method} ${path} -> ${r.status} ${text}`);
  return JSON.parse(text);
}

export async function newWorkspace(): Promise<WorkspaceService> {
  const ws = new WorkspaceService({ scrypt: KDF });
  await ws.createWorkspace({ dir: join(tempDir(), 'case.ogma'), name: 'Case 7', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
  return ws;
}

export const sourceDeps = { timeoutMs: 20_000, retry: { maxAttempts: 6, baseDelayMs: 200 } } as const;

export function integrations(ws: WorkspaceService, clock: Clock = fastClock()): IntegrationsService {
  return new IntegrationsService(ws, { sourceClock: clock, ...sourceDeps });
}

export async function connect(ws: WorkspaceService, sim: RunningSimulator, slot: CaptureSlot, key: string): Promise<ConnectKeyResult> {
  return integrations(ws).connectKey({ slot, key, baseUrl: sim.baseUrl });
}

/** Connects all three of the simulator's full keys, as an investigator would; resolves with the tenant id. */
export async function connectAllKeys(ws: WorkspaceService, sim: RunningSimulator): Promise<string> {
  const tenantId = (await connect(ws, sim, 'anthropic-compliance', sim.keys.complianceFull)).tenantId;
  await connect(ws, sim, 'anthropic-admin', sim.keys.anthropicAdmin);
  await connect(ws, sim, 'openai', sim.keys.openaiAdmin);
  return tenantId;
}

/** Test tuning: a short report lookback (the simulator's usage is generated per day) and quick engine retries. */
export const TEST_TUNING: Partial<PullTuning> = { reportsLookbackDays: 70, retryBaseDelayMs: 200, chatPageLimit: 7 };

export interface PullOpts {
  tuning?: Partial<PullTuning>;
  clock?: Clock;
  signal?: AbortSignal;
  fetch?: FetchLike;
  onProgress?: (p: PullProgress) => void;
}

export async function pull(ws: WorkspaceService, tenantId: string, opts: PullOpts = {}): Promise<PullSummary> {
  const clock = opts.clock ?? fastClock();
  return runPull({
    vault: ws.vault,
    tenantId,
    actor: ws.vault.member.name,
    access: { fetch: opts.fetch ?? ((u, i) => fetch(u, i as RequestInit)), clock, ...sourceDeps },
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    clock,
    tuning: { ...TEST_TUNING, ...opts.tuning },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/** Record counts by type in a tenant's log. */
export function recordCounts(ws: WorkspaceService, tenantId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of ws.vault.chain.records(tenantId)) {
    const type = (JSON.parse(r.bytes.toString('utf8')) as { type: string }).type;
    out[type] = (out[type] ?? 0) + 1;
  }
  return out;
}

export function recordsOf(ws: WorkspaceService, tenantId: string, type: string): Array<{ seq: number; body: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out: Array<{ seq: number; body: Record<string, unknown> }> = [];
  for (const r of ws.vault.chain.records(tenantId)) {
    const rec = JSON.parse(r.bytes.toString('utf8')) as { type: string; seq: number; body: Record<string, unknown> };
    if (rec.type === type) out.push({ seq: rec.seq, body: rec.body });
  }
  return out;
}

/** A fetch that counts requests by path (no host, no query). */
export function countingFetch(): { fetch: FetchLike; count: (prefix: string) => number; paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    fetch: (u, i) => {
      paths.push(new URL(u).pathname);
      return fetch(u, i as RequestInit);
    },
    count: (prefix) => paths.filter((p) => p.startsWith(prefix)).length,
  };
}
