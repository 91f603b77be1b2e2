import { isOgmaError, type ErrorPayload } from '../../shared/api/errors';

/**
 * What a failed call rejects with after crossing Electron's contextBridge. The bridge copies
 * a thrown Error with its message only (electron/electron#25596: `code` and `where` are
 * dropped), so OgmaError is turned into this plain object, which the bridge copies whole.
 * The renderer's failure normaliser reads `code`, `message` and `where` from it.
 */
export type BridgedError = ErrorPayload & { name: 'OgmaError' };

export function toBridgedError(e: unknown): unknown {
  if (!isOgmaError(e)) return e;
  const out: BridgedError = { name: 'OgmaError', code: e.code, message: e.message };
  if (e.where) out.where = { ...e.where };
  return out;
}

// Not `instanceof Promise`: a promise made in another realm (another JS context) is not one.
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * The same API object with every function wrapped so its failures survive the bridge
 * (nested namespaces included). Non-function values are left as they are.
 */
export function bridgeSafe<T extends object>(api: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      // Keep synchronous functions synchronous (`on` returns its unsubscribe function).
      out[key] = (...args: unknown[]) => {
        let result: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          throw toBridgedError(e);
        }
        return isThenable(result) ? Promise.resolve(result).catch((e: unknown) => Promise.reject(toBridgedError(e))) : result;
      };
    } else if (value !== null && typeof value === 'object') {
      out[key] = bridgeSafe(value as object);
    } else {
      out[key] = value;
    }
  }
  return out as T;
}
