import { OgmaError } from '../../../shared/api/errors';

/**
 * Time as the source clients see it. Injected so tests drive retries, timeouts and the
 * rate governor in virtual time instead of sleeping for real.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with CANCELLED as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A uniform random number in [0, 1); injected so backoff jitter is reproducible in tests. */
export type Random = () => number;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelled());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export const systemRandom: Random = () => Math.random();

export function cancelled(): OgmaError {
  return new OgmaError('CANCELLED', 'The request to the vendor was cancelled before it finished.');
}
