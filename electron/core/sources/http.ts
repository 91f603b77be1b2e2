import type { ZodType } from 'zod';
import { OgmaError } from '../../../shared/api/errors';
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, type RetryPolicy } from './backoff';
import { cancelled, systemClock, systemRandom, type Clock, type Random } from './clock';
import { buildQuery, type Query } from './query';
import type { RateGovernor } from './rate';
import type { SecretKey } from './secret';
import { SourceError, type FailureReason } from './source-error';
import type { FetchLike, HeaderView, ResponseLike } from './transport';
import { cap, parseVendorError, pathOf, refusalError, rid, type RefusalWording } from './vendor-errors';

/**
 * One small HTTP layer for every vendor client: per-attempt timeout, bounded retries
 * with exponential backoff and full jitter, `retry-after` and `x-should-retry`, request
 * ids, and refusals turned into typed errors. The key only ever goes into a header.
 */

export interface HttpClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  key: SecretKey;
  /** Builds the auth headers from the raw key (x-api-key or Bearer). */
  authHeaders: (rawKey: string) => Record<string, string>;
  defaultHeaders?: Record<string, string>;
  wording: RefusalWording;
  clock?: Clock;
  random?: Random;
  /** Per attempt, covering both the response head and the body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  governor?: RateGovernor;
  /** Called after every attempt (chain-of-custody: target, status, request id). Never sees the key. */
  onExchange?: (e: Exchange) => void;
}

export interface Exchange {
  method: string;
  /** Path and query, no host. */
  target: string;
  attempt: number;
  status: number | null;
  requestId: string | null;
  outcome: 'ok' | 'retry' | 'failed';
  reason?: FailureReason;
  durationMs: number;
}

export interface HttpRequest<T> {
  method: 'GET' | 'DELETE' | 'POST';
  path: string;
  query?: Query;
  body?: unknown;
  schema: ZodType<T>;
  signal?: AbortSignal;
}

export interface HttpResult<T> {
  data: T;
  status: number;
  requestId: string | null;
  attempts: number;
  headers: HeaderView;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** A transient failure: worth another attempt unless the policy runs out. */
interface Transient {
  reason: FailureReason;
  status: number | null;
  requestId: string | null;
  retryAfterMs: number | null;
  /** Builds the error thrown if this was the last attempt. */
  final: (attempts: number) => SourceError;
}

export class HttpClient {
  readonly keyHint: string;
  private readonly opts: HttpClientOptions;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(opts: HttpClientOptions) {
    this.opts = opts;
    this.keyHint = opts.key.hint;
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? systemRandom;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get vendor(): string {
    return this.opts.wording.vendor;
  }

  async request<T>(req: HttpRequest<T>): Promise<HttpResult<T>> {
    const target = `${req.path}${buildQuery(req.query)}`;
    const url = `${this.opts.baseUrl.replace(/\/+$/, '')}${target}`;
    const max = Math.max(1, Math.floor(this.policy.maxAttempts));
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) throw cancelled();
      if (this.opts.governor) await this.opts.governor.acquire(req.signal);
      const started = this.clock.now();
      const outcome = await this.attempt(req, url, target, attempt);
      const durationMs = this.clock.now() - started;
      if ('data' in outcome) {
        this.emit({ method: req.method, target, attempt, status: outcome.status, requestId: outcome.requestId, outcome: 'ok', durationMs });
        return outcome;
      }
      if (outcome instanceof SourceError) {
        this.emit({
          method: req.method,
          target,
          attempt,
          status: outcome.details.status ?? null,
          requestId: outcome.details.requestId ?? null,
          outcome: 'failed',
          reason: outcome.details.reason,
          durationMs,
        });
        throw outcome;
      }
      const t = outcome;
      const exhausted = attempt >= max;
      const tooLong = t.retryAfterMs !== null && t.retryAfterMs > this.policy.maxRetryAfterMs;
      this.emit({
        method: req.method,
        target,
        attempt,
        status: t.status,
        requestId: t.requestId,
        outcome: exhausted || tooLong ? 'failed' : 'retry',
        reason: t.reason,
        durationMs,
      });
      if (tooLong) throw this.waitTooLong(t, req.method, target, attempt);
      if (exhausted) throw t.final(attempt);
      const delay = t.retryAfterMs ?? backoffDelay(attempt - 1, this.policy, this.random);
      if (t.status === 429 && this.opts.governor) this.opts.governor.pauseUntil(this.clock.now() + delay);
      await this.clock.sleep(delay, req.signal);
    }
  }

  private emit(e: Exchange): void {
    try {
      this.opts.onExchange?.(e);
    } catch {
      // An observer's failure must not change the outcome of a vendor call.
    }
  }

  /** One attempt: a result, a final refusal, or a transient failure to retry. */
  private async attempt<T>(req: HttpRequest<T>, url: string, target: string, attempt: number): Promise<HttpResult<T> | SourceError | Transient> {
    const controller = new AbortController();
    let timedOut = false;
    const onOuterAbort = (): void => controller.abort();
    req.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const timerStop = new AbortController();
    this.clock.sleep(this.timeoutMs, timerStop.signal).then(
      () => {
        timedOut = true;
        controller.abort();
      },
      () => undefined,
    );
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.opts.defaultHeaders,
      ...this.opts.authHeaders(this.opts.key.reveal()),
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    let response: ResponseLike;
    let text: string;
    try {
      const init = { method: req.method, headers, signal: controller.signal, ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}) };
      response = await abortable(this.opts.fetch(url, init), controller.signal);
      text = await abortable(response.text(), controller.signal);
    } catch (e) {
      if (req.signal?.aborted) {
        return new SourceError('CANCELLED', `${cap(this.vendor)} request ${req.method} ${pathOf(target)} was cancelled before it finished.`, {
          reason: 'cancelled',
          vendor: this.vendor,
          method: req.method,
          target,
          attempts: attempt,
        });
      }
      if (timedOut) return this.transient('timeout', null, null, null, req.method, target);
      return this.transient('network', null, null, null, req.method, target, e);
    } finally {
      timerStop.abort();
      req.signal?.removeEventListener('abort', onOuterAbort);
    }

    const status = response.status;
    const requestId = response.headers.get('request-id') ?? response.headers.get('x-request-id');
    this.opts.governor?.observe(response.headers);

    if (status >= 200 && status < 300) {
      let json: unknown;
      try {
        json = text.length === 0 ? null : JSON.parse(text);
      } catch {
        return this.transient('malformed-body', status, requestId, null, req.method, target);
      }
      const parsed = req.schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const at = issue ? issue.path.map(String).join('.') : '';
        return new SourceError(
          'UPSTREAM',
          `${cap(this.vendor)} answered ${req.method} ${pathOf(target)} with a response Ogma Desk does not understand${at ? ` (at ${at})` : ''}${rid(requestId)}. Nothing from it was stored.`,
          { reason: 'unexpected-shape', vendor: this.vendor, method: req.method, target, status, requestId, attempts: attempt },
          at ? { field: at } : undefined,
        );
      }
      return { data: parsed.data, status, requestId, attempts: attempt, headers: response.headers };
    }

    const body = parseVendorError(text);
    const shouldRetryHeader = response.headers.get('x-should-retry');
    const retryable = (status === 408 || status === 429 || status >= 500) && shouldRetryHeader?.trim().toLowerCase() !== 'false';
    const refusal = (attempts: number): SourceError =>
      refusalError({ status, body, requestId, method: req.method, target, keyHint: this.keyHint, attempts }, this.opts.wording);
    if (!retryable) return refusal(attempt);
    const retryAfterMs = retryAfterOf(response.headers, this.clock.now());
    return { reason: status === 429 ? 'rate-limited' : 'server-error', status, requestId, retryAfterMs, final: refusal };
  }

  private transient(
    reason: 'timeout' | 'network' | 'malformed-body',
    status: number | null,
    requestId: string | null,
    retryAfterMs: number | null,
    method: string,
    target: string,
    cause?: unknown,
  ): Transient {
    const final = (attempts: number): SourceError => {
      const what =
        reason === 'timeout'
          ? `did not answer ${method} ${pathOf(target)} within ${Math.round(this.timeoutMs / 1000)} s`
          : reason === 'network'
            ? `could not be reached for ${method} ${pathOf(target)} (${networkCause(cause)})`
            : `sent a cut-off or unreadable response to ${method} ${pathOf(target)}`;
      return new SourceError(
        'UPSTREAM',
        `${cap(this.vendor)} ${what}, ${attempts} time${attempts === 1 ? '' : 's'} in a row${rid(requestId)}. Nothing past the last stored page was advanced; a later run resumes from there.`,
        { reason, vendor: this.vendor, method, target, ...(status !== null ? { status } : {}), requestId, attempts },
      );
    };
    return { reason, status, requestId, retryAfterMs, final };
  }

  private waitTooLong(t: Transient, method: string, target: string, attempts: number): SourceError {
    const secs = Math.ceil((t.retryAfterMs ?? 0) / 1000);
    return new SourceError(
      'UPSTREAM',
      `${cap(this.vendor)} asked to wait ${secs} s before ${method} ${pathOf(target)} (HTTP ${t.status ?? '?'})${rid(t.requestId)}, longer than Ogma Desk waits in one go. Try again after that; nothing past the last stored page was advanced.`,
      {
        reason: t.reason,
        vendor: this.vendor,
        method,
        target,
        ...(t.status !== null ? { status: t.status } : {}),
        requestId: t.requestId,
        attempts,
      },
    );
  }
}

function retryAfterOf(headers: HeaderView, now: number): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  return parseRetryAfter(headers.get('retry-after'), now);
}

/** Settles with `p`, or rejects as soon as `signal` aborts (even if the fetch ignores it). */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    p.catch(() => undefined);
    return Promise.reject(new Error('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** A network failure named without echoing anything the request carried. */
function networkCause(e: unknown): string {
  const code = (e as { cause?: { code?: unknown }; code?: unknown } | null)?.cause?.code ?? (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  return 'connection failed';
}

export function isCancelled(e: unknown): boolean {
  return e instanceof OgmaError && e.code === 'CANCELLED';
}
