import { canonicalize, type JsonValue } from '../chain';

/**
 * RFC 8785 canonical JSON, fast: the same output as chain/canonical.ts `canonicalize` for
 * every input (it falls back to it whenever the fast path could differ), at the speed of
 * the native JSON.stringify. The fast path copies objects with their keys inserted in
 * sorted order and lets JSON.stringify write them, which matches RFC 8785 for well-formed
 * strings and finite numbers; when the keys are already in order (parsed canonical JSON),
 * it stringifies the value itself. It cannot be used when a key looks like an array index
 * (JS objects enumerate those numerically, RFC 8785 sorts them as text) or a string holds
 * a lone surrogate (canonicalize refuses it): then canonicalize decides.
 */

const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;
const SURROGATE = /[\ud800-\udfff]/;
const MAX_DEPTH = 64;

class NeedsSlowPath extends Error {}

export function canonicalJson(value: unknown): string {
  try {
    // Parsed canonical JSON already has its keys in order: then no copy is needed at all.
    return JSON.stringify(alreadySorted(value, 0) ? value : sortedCopy(value, 0));
  } catch (e) {
    if (!(e instanceof NeedsSlowPath)) throw e;
    return canonicalize(value as JsonValue);
  }
}

/** True when every object's keys are already in RFC 8785 order (and the value is plain JSON); throws NeedsSlowPath when only canonicalize can decide. */
function alreadySorted(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
      checkString(v);
      return true;
    case 'number':
      if (!Number.isFinite(v)) throw new NeedsSlowPath();
      return true;
    case 'boolean':
      return true;
    case 'object': {
      if (v === null) return true;
      if (depth >= MAX_DEPTH) throw new NeedsSlowPath();
      if (Array.isArray(v)) {
        let ok = true;
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) throw new NeedsSlowPath();
          if (!alreadySorted(v[i], depth + 1)) ok = false;
        }
        return ok;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NeedsSlowPath();
      let ok = true;
      let prev: string | null = null;
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        if (INDEX_KEY.test(k)) throw new NeedsSlowPath();
        checkString(k);
        if (prev !== null && !(prev < k)) ok = false;
        prev = k;
        const c = (v as Record<string, unknown>)[k];
        if (c === undefined) throw new NeedsSlowPath();
        if (!alreadySorted(c, depth + 1)) ok = false;
      }
      return ok;
    }
    default:
      throw new NeedsSlowPath();
  }
}

/** JSON.stringify writes well-formed strings exactly as RFC 8785 does; a lone surrogate is canonicalize's to refuse. */
function checkString(s: string): void {
  if (SURROGATE.test(s) && !(s as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new NeedsSlowPath();
}

function sortedCopy(v: unknown, depth: number): unknown {
  switch (typeof v) {
    case 'string':
      checkString(v);
      return v;
    case 'number':
      if (!Number.isFinite(v)) throw new NeedsSlowPath();
      return v;
    case 'boolean':
      return v;
    case 'object': {
      if (v === null) return null;
      if (depth >= MAX_DEPTH) throw new NeedsSlowPath();
      if (Array.isArray(v)) {
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) throw new NeedsSlowPath();
          out[i] = sortedCopy(v[i], depth + 1);
        }
        return out;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NeedsSlowPath();
      const keys = Object.keys(v).sort();
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        if (INDEX_KEY.test(k)) throw new NeedsSlowPath();
        checkString(k);
        const c = (v as Record<string, unknown>)[k];
        if (c === undefined) throw new NeedsSlowPath();
        out[k] = sortedCopy(c, depth + 1);
      }
      return out;
    }
    default:
      throw new NeedsSlowPath();
  }
}
