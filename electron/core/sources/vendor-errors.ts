import { parseScopeMessage } from './scopes';
import { scrubSecrets } from './secret';
import { SourceError, type SourceErrorDetails } from './source-error';

/**
 * Turns a vendor's refusal into a SourceError a person can act on. Accepts both the
 * Anthropic envelope (`{type:"error", error:{type,message}, request_id}` or just
 * `{error:{...}}`) and OpenAI's (`{error:{message,type,param,code}}`).
 */

export interface VendorErrorBody {
  type?: string;
  message?: string;
  code?: string;
  requestId?: string;
}

export function parseVendorError(text: string): VendorErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const top = parsed as Record<string, unknown>;
    const err = typeof top.error === 'object' && top.error !== null ? (top.error as Record<string, unknown>) : {};
    const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
    const out: VendorErrorBody = {};
    const type = str(err.type);
    const message = str(err.message) ?? str(top.message);
    const code = str(err.code);
    const requestId = str(top.request_id);
    if (type !== undefined) out.type = type;
    if (message !== undefined) out.message = scrubSecrets(message).slice(0, 2000);
    if (code !== undefined) out.code = code;
    if (requestId !== undefined) out.requestId = requestId;
    return out;
  } catch {
    return {};
  }
}

/** How a vendor's 401/403 should be explained; differs between Anthropic and OpenAI. */
export interface RefusalWording {
  /** "the Anthropic Compliance API" */
  vendor: string;
  /** What to do when the key is rejected, e.g. "Reconnect the Compliance Access Key in Integrations." */
  reconnect: string;
  /** OpenAI also answers 401 when a valid key lacks permission for an endpoint. */
  unauthorizedMayMeanPermission: boolean;
}

export interface RefusalContext {
  status: number;
  body: VendorErrorBody;
  requestId: string | null;
  method: string;
  target: string;
  keyHint: string;
  attempts: number;
}

export function rid(requestId: string | null): string {
  return requestId ? ` (request id ${requestId})` : '';
}

/** A final (non-retried or retries-exhausted) HTTP status as a SourceError. */
export function refusalError(ctx: RefusalContext, wording: RefusalWording): SourceError {
  const { status, body } = ctx;
  const base: SourceErrorDetails = {
    reason: 'server-error',
    vendor: wording.vendor,
    method: ctx.method,
    target: ctx.target,
    status,
    requestId: ctx.requestId,
    attempts: ctx.attempts,
  };
  const vendorType = body.type ?? body.code;
  if (vendorType !== undefined) base.vendorType = vendorType;
  if (body.message !== undefined) base.vendorMessage = body.message;
  const r = rid(ctx.requestId);
  /** ": <vendor message> (request id …)." — the end of a sentence quoting the vendor. */
  const tail = `${body.message ? `: ${body.message.replace(/[.\s]+$/, '')}` : ''}${r}.`;

  if (status === 401) {
    const why = wording.unauthorizedMayMeanPermission
      ? 'it was revoked, is invalid, or lacks permission for this endpoint'
      : 'it was revoked or is invalid';
    return new SourceError(
      'KEY_REJECTED',
      `${cap(wording.vendor)} rejected the key ${ctx.keyHint}: ${why}${r}. ${wording.reconnect}`,
      { ...base, reason: 'key-rejected' },
    );
  }
  if (status === 403) {
    const scopes = body.message ? parseScopeMessage(body.message) : null;
    if (scopes) {
      const missing = scopes.missing.length > 0 ? scopes.missing : scopes.needed;
      const held = scopes.got.length > 0 ? `it holds ${scopes.got.join(', ')}` : 'it holds no compliance scopes';
      return new SourceError(
        'FORBIDDEN',
        `The key ${ctx.keyHint} lacks the scope ${missing.join(', ')} needed for ${ctx.method} ${pathOf(ctx.target)}; ${held}${r}. Create a key that includes ${missing.join(', ')} and reconnect it.`,
        { ...base, reason: 'missing-scope', scopes },
      );
    }
    return new SourceError('FORBIDDEN', `${cap(wording.vendor)} refused ${ctx.method} ${pathOf(ctx.target)} for the key ${ctx.keyHint}${tail}`, {
      ...base,
      reason: 'forbidden',
    });
  }
  if (status === 400 || status === 422) {
    return new SourceError('VALIDATION_FAILED', `${cap(wording.vendor)} refused the request ${ctx.method} ${pathOf(ctx.target)}${tail}`, {
      ...base,
      reason: 'bad-request',
    });
  }
  if (status === 404) {
    return new SourceError('NOT_FOUND', `${cap(wording.vendor)} found nothing at ${ctx.method} ${pathOf(ctx.target)}${tail}`, {
      ...base,
      reason: 'not-found',
    });
  }
  if (status === 409) {
    return new SourceError('UPSTREAM', `${cap(wording.vendor)} refused ${ctx.method} ${pathOf(ctx.target)} because of a conflict${tail}`, {
      ...base,
      reason: 'conflict',
    });
  }
  if (status === 429) {
    return new SourceError(
      'UPSTREAM',
      `${cap(wording.vendor)} is still rate-limiting this organisation after ${ctx.attempts} attempts${r}. Nothing past the last stored page was advanced; a later run resumes from there.`,
      { ...base, reason: 'rate-limited' },
    );
  }
  const after = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : '';
  return new SourceError(
    'UPSTREAM',
    `${cap(wording.vendor)} failed with HTTP ${status}${after}${tail} Nothing past the last stored page was advanced; a later run resumes from there.`,
    { ...base, reason: 'server-error' },
  );
}

export function pathOf(target: string): string {
  const i = target.indexOf('?');
  return i === -1 ? target : target.slice(0, i);
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
