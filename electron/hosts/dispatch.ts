import type { z } from 'zod';
import { calls, isMethod } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/client';
import { OgmaError, isOgmaError } from '../../shared/api/errors';

import type { CallContext, Handlers } from '../services/handlers';

export type { CallContext, Handlers, HostKind } from '../services/handlers';

export type Dispatch = (method: unknown, payload: unknown, ctx: CallContext) => Promise<CallResult>;

/** `a.b[2].c` from a zod issue path: what the user or programmer should look at. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function validationError(error: z.ZodError, what: string): OgmaError {
  const issue = error.issues[0];
  const field = issue ? fieldPath(issue.path) : '';
  const detail = issue?.message ?? 'does not match the contract';
  const message = field ? `${what}: field "${field}": ${detail}` : `${what}: ${detail}`;
  return new OgmaError('VALIDATION_FAILED', message, field ? { field } : undefined);
}

/**
 * The one place where every host's calls are checked against the contract. A request that
 * fails its schema never reaches a handler; a handler's answer is parsed through its
 * response schema, which strips anything undeclared; any unexpected exception becomes an
 * INTERNAL error whose message hides internals (they go to the log instead).
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, payload, ctx) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no call named "${String(method)}".` } };
    }
    const def = calls[method];
    const parsed = def.request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error, `Invalid request to ${method}`).toPayload() };
    try {
      const handler = handlers[method] as (req: unknown, ctx: CallContext) => Promise<unknown> | unknown;
      const value = await handler(parsed.data, ctx);
      const out = def.response.safeParse(value);
      if (!out.success) {
        log(`response of ${method} broke the contract: ${fieldPath(out.error.issues[0]?.path ?? [])} ${out.error.issues[0]?.message ?? ''}`);
        return { ok: false, error: { code: 'INTERNAL', message: `The answer to ${method} was malformed; this is a bug in Ogma Desk.` } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (isOgmaError(e)) return { ok: false, error: e.toPayload() };
      log(`unexpected failure in ${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ok: false, error: { code: 'INTERNAL', message: `${method} failed unexpectedly; the details are in the log.` } };
    }
  };
}
