/**
 * The simulator's notion of "now". Lag windows (Activity Feed ingestion, usage freshness)
 * and the rate limiter read it, so tests can move time instead of sleeping.
 */
export interface SimClock {
  now(): number; // epoch milliseconds
  readonly controllable: boolean;
}

/** Wall-clock time. Cannot be advanced. */
export class RealClock implements SimClock {
  readonly controllable = false;
  now(): number {
    return Date.now();
  }
}

/** A clock that only moves when told to. It never goes backwards. */
export class ManualClock implements SimClock {
  readonly controllable = true;
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward; got ${ms} ms`);
    this.current += ms;
    return this.current;
  }

  set(ms: number): number {
    if (!Number.isFinite(ms) || ms < this.current) throw new RangeError('clock can only move forward');
    this.current = ms;
    return this.current;
  }
}

export function isManualClock(clock: SimClock): clock is ManualClock {
  return clock instanceof ManualClock;
}

/** RFC 3339 with second precision and a Z suffix, as the vendor examples print. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as the Admin API prints `added_at`. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function floorSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
