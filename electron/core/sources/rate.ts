import type { Clock } from './clock';
import type { HeaderView } from './transport';

/**
 * A client-side rate governor for one parent organisation. The vendor's budget (the
 * Anthropic Compliance API: 600 requests/min per parent org) is shared by every key and
 * tool of that org, so by default Ogma Desk takes at most half of it over any sliding
 * window, slows down when the server says little is left, and stops until the server's
 * `retry-after` after a 429. Time comes from the injected clock.
 */

export interface RateGovernorOptions {
  clock: Clock;
  /** Requests per window the vendor allows the whole parent org (adapted from headers). */
  budget?: number;
  windowMs?: number;
  /** Fraction of the budget this app may use; the rest is left for the org's other tools. */
  share?: number;
  /**
   * Benchmarks: no client-side cap and no pacing. Pauses the server asks for (429
   * `retry-after`, remaining = 0 until reset) still apply, since ignoring them only earns 429s.
   */
  lifted?: boolean;
  /** Below this fraction of the limit remaining, the rest is spread evenly until the reset. */
  lowWater?: number;
}

export interface GovernorStatus {
  budget: number;
  allowedPerWindow: number;
  usedInWindow: number;
  lifted: boolean;
  /** Epoch ms until which no request is sent, or null. */
  pausedUntil: number | null;
  /** Minimum spacing while the server reports little remaining, or null. */
  pacingGapMs: number | null;
  /** What the server last said, for the UI. */
  serverRemaining: number | null;
}

export const ANTHROPIC_COMPLIANCE_BUDGET_PER_MIN = 600;

export class RateGovernor {
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly share: number;
  private readonly lowWater: number;
  private readonly lifted: boolean;
  private budget: number;
  /** Send times inside the current window, oldest first. */
  private sent: number[] = [];
  private pausedUntil = 0;
  private paceGapMs = 0;
  private paceUntil = 0;
  private lastSent = Number.NEGATIVE_INFINITY;
  private serverRemaining: number | null = null;

  constructor(opts: RateGovernorOptions) {
    this.clock = opts.clock;
    this.budget = positive(opts.budget) ?? ANTHROPIC_COMPLIANCE_BUDGET_PER_MIN;
    this.windowMs = positive(opts.windowMs) ?? 60_000;
    this.share = opts.share !== undefined && opts.share > 0 && opts.share <= 1 ? opts.share : 0.5;
    this.lowWater = opts.lowWater ?? 0.2;
    this.lifted = opts.lifted ?? false;
  }

  /** Requests this app may send in any window of `windowMs`. */
  get allowedPerWindow(): number {
    return Math.max(1, Math.floor(this.budget * this.share));
  }

  /** Waits until one more request fits, then counts it as sent. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const readyAt = this.readyAt(now);
      if (readyAt <= now) {
        this.sent.push(now);
        this.lastSent = now;
        return;
      }
      await this.clock.sleep(readyAt - now, signal);
    }
  }

  /** Learns from a response's `anthropic-ratelimit-requests-*` headers. */
  observe(headers: HeaderView): void {
    const now = this.clock.now();
    const limit = intHeader(headers.get('anthropic-ratelimit-requests-limit'));
    const remaining = intHeader(headers.get('anthropic-ratelimit-requests-remaining'));
    const resetText = headers.get('anthropic-ratelimit-requests-reset');
    const reset = resetText ? Date.parse(resetText) : Number.NaN;
    if (limit !== null && limit > 0) this.budget = limit;
    if (remaining === null) return;
    this.serverRemaining = remaining;
    if (Number.isNaN(reset) || reset <= now) {
      this.paceGapMs = 0;
      return;
    }
    if (remaining <= 0) {
      this.pauseUntil(reset);
      return;
    }
    if (remaining < this.budget * this.lowWater) {
      const ours = Math.max(1, Math.floor(remaining * this.share));
      this.paceGapMs = (reset - now) / ours;
      this.paceUntil = reset;
    } else {
      this.paceGapMs = 0;
    }
  }

  /** No request leaves before `atMs` (after a 429, or when the server reports nothing left). */
  pauseUntil(atMs: number): void {
    if (atMs > this.pausedUntil) this.pausedUntil = atMs;
  }

  status(): GovernorStatus {
    const now = this.clock.now();
    this.prune(now);
    return {
      budget: this.budget,
      allowedPerWindow: this.allowedPerWindow,
      usedInWindow: this.sent.length,
      lifted: this.lifted,
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : null,
      pacingGapMs: this.paceGapMs > 0 && now < this.paceUntil ? this.paceGapMs : null,
      serverRemaining: this.serverRemaining,
    };
  }

  private readyAt(now: number): number {
    this.prune(now);
    let at = this.pausedUntil;
    if (this.lifted) return at;
    const allowed = this.allowedPerWindow;
    if (this.sent.length >= allowed) {
      const oldestThatMustExpire = this.sent[this.sent.length - allowed] ?? now;
      at = Math.max(at, oldestThatMustExpire + this.windowMs);
    }
    if (this.paceGapMs > 0 && now < this.paceUntil) at = Math.max(at, Math.min(this.lastSent + this.paceGapMs, this.paceUntil));
    return at;
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.sent.length && (this.sent[drop] ?? 0) <= cutoff) drop++;
    if (drop > 0) this.sent.splice(0, drop);
  }
}

/** One governor per parent organisation, shared by every client (and key) of that org. */
export class RateGovernors {
  private readonly byParent = new Map<string, RateGovernor>();

  constructor(private readonly defaults: RateGovernorOptions) {}

  forParent(parentOrgId: string): RateGovernor {
    let g = this.byParent.get(parentOrgId);
    if (!g) {
      g = new RateGovernor(this.defaults);
      this.byParent.set(parentOrgId, g);
    }
    return g;
  }
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

function intHeader(v: string | null): number | null {
  if (v === null || !/^\s*\d+\s*$/.test(v)) return null;
  return Number(v);
}
