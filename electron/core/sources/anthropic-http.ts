import type { RetryPolicy } from './backoff';
import type { Clock, Random } from './clock';
import { HttpClient, type Exchange } from './http';
import type { RateGovernor } from './rate';
import type { SecretKey } from './secret';
import type { FetchLike } from './transport';
import type { RefusalWording } from './vendor-errors';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';

/** What every vendor client is built from; the services hand these in. */
export interface SourceClientOptions {
  key: SecretKey;
  fetch: FetchLike;
  baseUrl?: string;
  clock?: Clock;
  random?: Random;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  governor?: RateGovernor;
  onExchange?: (e: Exchange) => void;
}

/** An HttpClient speaking to api.anthropic.com: `x-api-key` and `anthropic-version` on every call. */
export function anthropicHttp(opts: SourceClientOptions, wording: RefusalWording): HttpClient {
  return new HttpClient({
    baseUrl: opts.baseUrl ?? ANTHROPIC_BASE_URL,
    fetch: opts.fetch,
    key: opts.key,
    authHeaders: (raw) => ({ 'x-api-key': raw }),
    defaultHeaders: { 'anthropic-version': ANTHROPIC_VERSION },
    wording,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.random ? { random: opts.random } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.retry ? { retry: opts.retry } : {}),
    ...(opts.governor ? { governor: opts.governor } : {}),
    ...(opts.onExchange ? { onExchange: opts.onExchange } : {}),
  });
}
