import { OgmaError } from '../../../shared/api/errors';

/** A JSON value as RFC 8785 sees it: no undefined, no functions, no BigInt, no NaN/Infinity. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/**
 * RFC 8785 JSON Canonicalization Scheme.
 *
 * - Object keys sorted by UTF-16 code units (what `Array.prototype.sort` does by default).
 * - Numbers serialised as ECMAScript `Number.prototype.toString` (RFC 8785 §3.2.2.3 adopts
 *   it verbatim), which `JSON.stringify` implements, including -0 -> "0".
 * - Strings escaped minimally (RFC 8785 §3.2.2.2): `"`, `\`, and U+0000..U+001F, with the
 *   short forms \b \t \n \f \r and lowercase \u00xx otherwise. `JSON.stringify` on a
 *   well-formed string does exactly this.
 *
 * Anything that is not I-JSON is refused with VALIDATION_FAILED rather than silently
 * dropped (as `JSON.stringify` would drop `undefined`): a dropped field would make the
 * stored bytes disagree with what the caller thought it recorded.
 */
export function canonicalize(value: JsonValue): string {
  return serialize(value, '', 0);
}

// Deep enough for any record we write; shallow enough that hostile input cannot blow the stack.
const MAX_DEPTH = 64;

function serialize(value: unknown, path: string, depth: number): string {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) fail(path, 'contains a lone UTF-16 surrogate, which is not valid Unicode text');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) fail(path, `is ${String(value)}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) fail(path, `is nested deeper than ${MAX_DEPTH} levels`);
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          // A hole in a sparse array reads as undefined and is refused below.
          out += serialize(value[i], `${path}[${i}]`, depth + 1);
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        fail(path, `is a ${(value as object).constructor?.name ?? 'non-plain object'}, not a plain JSON object`);
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        if (!isWellFormed(k)) fail(path, 'has a key with a lone UTF-16 surrogate');
        if (i > 0) out += ',';
        out += JSON.stringify(k) + ':' + serialize(obj[k], path === '' ? k : `${path}.${k}`, depth + 1);
      }
      return out + '}';
    }
    case 'undefined':
      return fail(path, 'is undefined; omit the field or use null');
    case 'bigint':
      return fail(path, 'is a BigInt; encode it as a decimal string');
    default:
      return fail(path, `is a ${typeof value}, which JSON cannot represent`);
  }
}

// String.prototype.isWellFormed is ES2024 (Node 20 has it; our TS lib is ES2023).
function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function fail(path: string, what: string): never {
  const where = path === '' ? 'The value' : `Field "${path}"`;
  throw new OgmaError('VALIDATION_FAILED', `${where} ${what}, so it cannot be canonicalised (RFC 8785).`, path === '' ? undefined : { field: path });
}
