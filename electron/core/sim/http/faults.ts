import { Rng } from '../random/prng';

/**
 * Injected failures, drawn from their own seed so a fault schedule is reproducible and
 * independent of the data seed. A queue (applied first, one per request) makes a test
 * produce exactly the fault it wants; rates give background noise for soak runs.
 */
export const FAULT_KINDS = [
  '429', // rate_limit_error with retry-after
  '429_no_retry_after', // 429 without retry-after (OpenAI quota-style)
  '500', // api_error, retryable
  '500_no_retry', // api_error with x-should-retry: false
  '502', // HTML from a proxy, not JSON
  '503',
  '504',
  '529', // overloaded_error
  'reset', // socket destroyed, no response
  'slow', // normal response after slowMs
  'truncated', // content-length promises more than is sent, then the socket closes
  'malformed', // complete HTTP response whose JSON body does not parse
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSettings {
  seed?: string | number;
  rates?: Partial<Record<FaultKind, number>>;
  queue?: FaultKind[];
  slowMs?: number;
  /** Only requests whose path starts with this are eligible (default: every vendor route). */
  pathPrefix?: string;
}

export function isFaultKind(v: unknown): v is FaultKind {
  return typeof v === 'string' && (FAULT_KINDS as readonly string[]).includes(v);
}

export class FaultInjector {
  private rng = new Rng('faults|0');
  private rates: Array<[FaultKind, number]> = [];
  private queue: FaultKind[] = [];
  private prefix = '/';
  slowMs = 2000;
  readonly injected: Record<string, number> = {};

  configure(s: FaultSettings): void {
    if (s.seed !== undefined) this.rng = new Rng(`faults|${s.seed}`);
    if (s.rates) this.rates = Object.entries(s.rates).filter((e): e is [FaultKind, number] => isFaultKind(e[0]) && typeof e[1] === 'number' && e[1] > 0);
    if (s.queue) this.queue = [...s.queue];
    if (s.slowMs !== undefined) this.slowMs = s.slowMs;
    if (s.pathPrefix !== undefined) this.prefix = s.pathPrefix;
  }

  clear(): void {
    this.rates = [];
    this.queue = [];
    this.prefix = '/';
  }

  snapshot(): { rates: Record<string, number>; queue: FaultKind[]; slowMs: number; pathPrefix: string; injected: Record<string, number> } {
    return { rates: Object.fromEntries(this.rates), queue: [...this.queue], slowMs: this.slowMs, pathPrefix: this.prefix, injected: { ...this.injected } };
  }

  /** The fault for this request, if any. Consumes one queue entry or one random draw. */
  draw(path: string): FaultKind | null {
    if (!path.startsWith(this.prefix)) return null;
    let kind: FaultKind | null = this.queue.shift() ?? null;
    if (!kind && this.rates.length > 0) {
      let roll = this.rng.next();
      for (const [k, rate] of this.rates) {
        if (roll < rate) {
          kind = k;
          break;
        }
        roll -= rate;
      }
    }
    if (kind) this.injected[kind] = (this.injected[kind] ?? 0) + 1;
    return kind;
  }
}
