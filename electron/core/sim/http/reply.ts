/** What a handler returns; the server turns it into bytes (and faults may spoil them). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: unknown; // serialised as JSON
  raw?: { contentType: string; chunks: Buffer[] }; // streamed as-is (chunked)
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...headers }, body };
}

export function ok(body: unknown): Reply {
  return json(200, body);
}

/** A 400 raised by a parameter check; each vendor wraps it in its own envelope. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly param: string | null = null,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A 404 raised from deep inside a handler. */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** Anthropic error envelope. 'platform' adds `type:"error"` and `request_id`; 'bare' is what the Compliance pages show. */
export function anthropicError(status: number, type: string, message: string, requestId: string, envelope: 'platform' | 'bare' = 'platform', headers: Record<string, string> = {}): Reply {
  const body = envelope === 'platform' ? { type: 'error', error: { type, message }, request_id: requestId } : { error: { type, message } };
  return json(status, body, headers);
}

/** OpenAI error envelope: `{error:{message,type,param,code}}`. */
export function openaiError(status: number, message: string, type: string, param: string | null = null, code: string | null = null, headers: Record<string, string> = {}): Reply {
  return json(status, { error: { message, type, param, code } }, headers);
}
