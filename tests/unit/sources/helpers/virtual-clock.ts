import { OgmaError } from '../../../../shared/api/errors';
import type { Clock } from '../../../../electron/core/sources/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Virtual time for tests. A sleep never waits for real: when nothing else is left to run
 * (all pending promise callbacks done), the earliest timer fires and the clock jumps to
 * its time. So a stalled fake request times out at once, and a 25 s retry-after costs
 * no wall time, while the order of events stays exactly as in real time.
 */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];
  private scheduled = false;

  constructor(start = Date.parse('2026-11-23T10:00:00Z')) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const cancelled = (): OgmaError => new OgmaError('CANCELLED', 'cancelled');
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      const onAbort = (): void => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(cancelled());
      };
      timer.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });
  }

  /** Moves time forward without firing anything early (timers due by then fire when idle). */
  advance(ms: number): void {
    this.t += ms;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.fire());
  }

  private fire(): void {
    this.scheduled = false;
    if (this.timers.length === 0) return;
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.timers.shift();
    if (!next) return;
    this.t = Math.max(this.t, next.at);
    next.resolve();
    if (this.timers.length > 0) this.schedule();
  }
}

/** A deterministic stand-in for Math.random. */
export function fixedRandom(value: number): () => number {
  return () => value;
}
