import type { FetchLike, RequestInitLike } from '../../../../electron/core/sources/transport';
import type { Clock } from '../../../../electron/core/sources/clock';

/** What a fake response looks like; `body` is JSON-encoded, `raw` is sent as is. */
export interface ReplySpec {
  status?: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** `reset`: connection dropped before a response; `stall`: no answer until aborted; `cut`: the body stream breaks mid-way. */
export type Step = ReplySpec | 'reset' | 'stall' | 'cut';

export interface SeenRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** Virtual time when the request was sent. */
  at: number;
}

export type Handler = (req: SeenRequest, n: number) => Step | Promise<Step>;

export interface FakeFetch {
  fetch: FetchLike;
  calls: SeenRequest[];
}

export function fakeFetch(handler: Handler, clock: Clock): FakeFetch {
  const calls: SeenRequest[] = [];
  const fetch: FetchLike = async (url: string, init: RequestInitLike) => {
    const req: SeenRequest = { url: new URL(url), method: init.method, headers: { ...init.headers }, at: clock.now() };
    calls.push(req);
    const step = await handler(req, calls.length - 1);
    if (step === 'reset') {
      const err = new TypeError('fetch failed') as TypeError & { cause?: unknown };
      err.cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      throw err;
    }
    if (step === 'stall') {
      return new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')), { once: true });
      });
    }
    if (step === 'cut') {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":[{"uuid":"'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const text = step.raw ?? (step.body === undefined ? '' : JSON.stringify(step.body));
    return new Response(text, { status: step.status ?? 200, headers: { 'content-type': 'application/json', ...step.headers } });
  };
  return { fetch, calls };
}

/** Plays `steps` in order, one per request; a request past the end fails the test loudly. */
export function scriptedFetch(steps: Step[], clock: Clock): FakeFetch {
  return fakeFetch((_req, n) => {
    const step = steps[n];
    if (step === undefined) throw new Error(`unexpected request #${n + 1}: the script has ${steps.length} steps`);
    return step;
  }, clock);
}

/** The Anthropic error envelope, as documented. */
export function anthropicError(status: number, type: string, message: string, requestId = 'req_011CErr'): ReplySpec {
  return {
    status,
    body: { type: 'error', error: { type, message }, request_id: requestId },
    headers: { 'request-id': requestId },
  };
}

export const MISSING_SCOPES = (got: string[], needed: string[]): string =>
  `Missing required scopes. Got: [${got.map((s) => `'${s}'`).join(', ')}] Needed: [${needed.map((s) => `'${s}'`).join(', ')}]`;
