import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ManualClock, RealClock, type SimClock } from './clock';
import { parseRfc3339 } from './http/query';
import { createSimServer } from './http/server';
import { groundTruth, type GroundTruth, type TruthDetail } from './model/truth';
import { DEFAULT_CONFIG, World, type SimConfig } from './model/world';
import { DEFAULT_CLOCK_START_MS, DEFAULT_SIZES, type SimKeys, type SimSizes } from './types';

export interface StartOptions {
  /** Same seed + sizes => byte-identical data. */
  seed?: number | string;
  sizes?: Partial<SimSizes>;
  /**
   * A SimClock (tests pass a ManualClock and advance it), 'real' for wall-clock time, or
   * 'manual' for a ManualClock at `clockStart` (default 2026-10-01T00:00:00Z). Default 'manual'.
   */
  clock?: SimClock | 'real' | 'manual';
  clockStart?: number | string;
  port?: number; // 0 (default) = a free port
  /** false lifts the 600/min limit (benchmarks); a number changes the per-minute budget. */
  rateLimit?: boolean | number;
  config?: Partial<SimConfig>;
  /** Fixed control token (default: random per launch). */
  controlToken?: string;
}

export interface RunningSimulator {
  baseUrl: string;
  controlToken: string;
  keys: SimKeys;
  clock: SimClock;
  /** Ground truth now. `detail`: 'counts' | 'chats' | 'hash' (default) | 'text'. */
  truth(detail?: TruthDetail): GroundTruth;
  close(): Promise<void>;
  world: World;
}

function positiveInt(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`sizes.${name} must be a non-negative integer; got ${v}`);
  return v;
}

export function resolveClock(opt: StartOptions['clock'], start: StartOptions['clockStart']): SimClock {
  if (opt && typeof opt === 'object') return opt;
  if (opt === 'real') return new RealClock();
  const ms = start === undefined ? DEFAULT_CLOCK_START_MS : typeof start === 'number' ? start : parseRfc3339(start);
  if (ms === null) throw new RangeError(`clockStart must be RFC 3339; got ${String(start)}`);
  return new ManualClock(ms);
}

/** Builds the world and serves it on 127.0.0.1. */
export async function startSimulator(opts: StartOptions = {}): Promise<RunningSimulator> {
  const sizes: SimSizes = { ...DEFAULT_SIZES, ...opts.sizes };
  for (const [k, v] of Object.entries(sizes)) positiveInt(k, v);
  if (sizes.orgs < 1 || sizes.users < 1) throw new RangeError('sizes.orgs and sizes.users must be at least 1');
  const clock = resolveClock(opts.clock, opts.clockStart);
  const config: SimConfig = { ...DEFAULT_CONFIG, ...opts.config };
  if (opts.rateLimit === false) config.rateLimitEnabled = false;
  if (typeof opts.rateLimit === 'number') config.rateLimitPerMinute = opts.rateLimit;
  const world = new World(String(opts.seed ?? 1), sizes, clock, config);
  const controlToken = opts.controlToken ?? randomBytes(24).toString('base64url');
  const { server } = createSimServer(world, controlToken);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    controlToken,
    keys: { ...world.builtIn },
    clock,
    world,
    truth: (detail) => groundTruth(world, detail),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
